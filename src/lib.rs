//! `la`: an interactive linear-algebra language for students.
//!
//! Data flows one way: `parse` (grammar -> `ast`) -> `eval` (a `Session`
//! holding the variables) -> `value` -> `format`. The library never prints:
//! the evaluator hands displayed values, text and warnings to a `Sink`, and
//! the CLI/REPL decide how to show them.

pub mod builtins;
pub mod error;
pub mod eval;
pub mod exact;
pub mod linalg;
pub mod ops;
pub mod shell;
pub mod syntax;
pub mod value;
