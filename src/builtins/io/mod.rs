//! Output, checks, timing and reading data files, each family in a module
//! of its own: `output` (disp, printf, fprintf, sprintf, num2str), `checks`
//! (assert, error, warning), `timing` (tic, toc) and `files` (csvread,
//! dlmread); `printf` is the C-style template engine they share.

mod checks;
mod files;
mod output;
mod printf;
mod timing;

pub use checks::BUILTINS as CHECKS;
pub use files::BUILTINS as FILES;
pub use output::BUILTINS as OUTPUT;
pub(super) use printf::c_format;
pub use timing::BUILTINS as TIMING;
