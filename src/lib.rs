//! `la`: an interactive linear-algebra language for students.
//!
//! Data flows one way: `parse` (grammar -> `ast`) -> `eval` (a `Session`
//! holding the variables) -> `value` -> `format`. The library never prints:
//! the evaluator hands displayed values, text and warnings to a `Sink`, and
//! the CLI/REPL decide how to show them.

pub mod ast;
pub mod builtins;
pub mod cli;
pub mod commands;
pub mod error;
pub mod eval;
pub mod exact;
pub mod exact_ops;
pub mod format;
pub mod help;
pub mod homework;
pub mod index;
pub mod limits;
pub mod linalg;
pub mod ops;
pub mod parse;
pub mod random;
pub mod repl;
pub mod storage;
pub mod value;
pub mod vars;
