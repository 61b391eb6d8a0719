//! Text to tree: the pest grammar (`grammar/la.pest`) and the AST it builds,
//! with spans. May use: error.

pub mod ast;
mod blocks;
pub mod parse;
pub mod teach;
