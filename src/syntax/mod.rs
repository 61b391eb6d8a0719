//! Text to tree: the pest grammar (`grammar/la.pest`) and the AST it builds, with spans.

pub mod ast;
pub mod parse;
