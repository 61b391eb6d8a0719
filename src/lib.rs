//! `la`: an interactive linear-algebra language for students.
//!
//! The folders are the pipeline, top to bottom; a module may import only the
//! ones below it (`tests/layers.rs` checks this and that there are no cycles):
//!
//! | module     | its one job                                                    | may use |
//! |------------|----------------------------------------------------------------|---------|
//! | `shell`    | front ends: CLI, scripts, stdin, REPL; one `output` module     | all below |
//! | `eval`     | the interpreter: `Session`, statements, calls, `steps`          | all below |
//! | `builtins` | the registry: functions and commands with their help pages     | ops, plot and below |
//! | `ops`      | operators (float and exact dispatch) and indexing              | value and below |
//! | `value`    | run-time values, variables, display, session files             | syntax, kernels, error |
//! | `syntax`   | grammar → AST with spans                                        | error |
//! | `plot`     | figures (series, style, limits) and their braille/SVG text   | error |
//! | `linalg`   | float kernels (nalgebra values, faer factorisations)           | error |
//! | `exact`    | exact kernels: rationals, square roots, elimination, rendering | error |
//! | `error`    | spans, errors, the one place they are rendered, text wrapping  | — |
//!
//! The library never prints: the evaluator hands displayed values, text and
//! warnings to a `Sink`, and the shells decide how to show them. Built-ins see
//! the interpreter only through `builtins::ctx` (implemented in `eval::host`),
//! so the kernels and the registry never depend on the evaluator.

pub mod builtins;
pub mod error;
pub mod eval;
pub mod exact;
pub mod linalg;
pub mod ops;
pub mod plot;
pub mod shell;
pub mod syntax;
pub mod value;
