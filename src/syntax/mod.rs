//! Text to tree: the pest grammar (`grammar/la.pest`) and the AST it builds,
//! with spans. May use: error.

pub mod ast;
mod blocks;
mod grammar;
mod guards;
pub mod lex;
pub mod open_blocks;
pub mod parse;
mod pest_errors;
pub mod teach;
