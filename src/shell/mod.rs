//! The front ends: command line, scripts, stdin and the REPL.

pub mod cli;
pub mod repl;
