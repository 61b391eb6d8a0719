//! The front ends: command line, scripts, stdin and the REPL, sharing one
//! `output` module (how values, warnings and errors reach the terminal).
//! The top of the house: may use anything; nothing imports it.

pub mod cli;
pub mod output;
pub mod repl;
