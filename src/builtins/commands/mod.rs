//! Command-syntax statements (`help eig`, `format long`, `save hw.txt A`):
//! registry entries like the functions, with help pages, run against the
//! workspace through `CommandCtx`. This module holds the table; the
//! commands are by job in `pages` (help, lookfor), `workspace` (who, whos,
//! clear), `session` (format, clc, warning, pkg, exit) and `files` (save,
//! load, and the reader `csvread`/`dlmread` share).

mod files;
mod pages;
mod session;
mod workspace;

use super::ctx::CommandCtx;
use super::{Doc, Topic};
use crate::error::{Result, Span};
use files::{load, save};
use pages::{help, lookfor};
use session::{clc, exit, format, nothing, pkg, warning};
use workspace::{clear, who, whos};

/// The function forms `save(...)`, `load(...)` and `X = load(...)`, which
/// the interpreter runs, and the numeric-text reader of `csvread`/`dlmread`.
pub use files::{load_args, load_value, read_delimited, save_args};

/// What the front end should do after a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Continue,
    Exit(i32),
}

pub struct Command {
    pub name: &'static str,
    /// Other names that run the same command (`quit` for `exit`).
    pub aliases: &'static [&'static str],
    pub doc: Doc,
    pub run: fn(&mut dyn CommandCtx, &[String], Span) -> Result<Next>,
}

pub static COMMANDS: &[Command] = &[
    Command {
        name: "help",
        aliases: &["doc"],
        doc: Doc {
            topic: Topic::Commands,
            signature: "help, help NAME, help WORDS, doc NAME",
            summary: concat!(
                "List every function by topic, or show the page of a function, command or ",
                "operator (help \\, help .*). For words that name no page, list the pages that ",
                "mention them all. doc NAME is help NAME."
            ),
            math: &[],
            example: &[
                ">> help clc",
                "clc",
                "",
                "  Clear the terminal screen (does nothing when the output is not a terminal).",
                "",
                "Example:",
                "  >> clc",
            ],
            related: &["lookfor", "who", "format"],
        },
        run: help,
    },
    Command {
        name: "lookfor",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "lookfor WORDS",
            summary: concat!(
                "List the functions whose help (name, summary, math) mentions all the words, ",
                "one line each, as in Octave."
            ),
            math: &[],
            example: &[
                ">> lookfor pseudoinverse",
                "pinv  Moore-Penrose pseudoinverse.",
            ],
            related: &["help"],
        },
        run: lookfor,
    },
    Command {
        name: "who",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "who",
            summary: "List the names of the variables in the workspace.",
            math: &[],
            example: &[
                ">> x = 1; y = [1 2];",
                ">> who",
                "Variables visible from the current scope:",
                "",
                "x  y",
            ],
            related: &["whos", "clear"],
        },
        run: who,
    },
    Command {
        name: "whos",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "whos",
            summary: "List the variables with their size, bytes and class.",
            math: &[],
            example: &[
                ">> x = pi;",
                ">> whos",
                "Variables visible from the current scope:",
                "",
                "  Name        Size          Bytes  Class",
                "  ====        ====          =====  =====",
                "  x           1x1               8  double",
                "",
                "Total is 8 bytes",
            ],
            related: &["who"],
        },
        run: whos,
    },
    Command {
        name: "clear",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "clear, clear all, clear NAME...",
            summary: "Remove every variable, or the variables named.",
            math: &[],
            example: &[
                ">> x = 1; y = 2; clear x",
                ">> who",
                "Variables visible from the current scope:",
                "",
                "y",
            ],
            related: &["who"],
        },
        run: clear,
    },
    Command {
        name: "format",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: concat!(
                "format, format short, format long, format short e, format long e, ",
                "format short g, format long g, format bank, format rat, format compact, format loose"
            ),
            summary: concat!(
                "Choose how numbers are shown: short (5 significant digits), long (16), e ",
                "(always with an exponent), g (fixed or exponent, whichever is shorter, ",
                "trailing zeros dropped), bank (two decimals), rat (exact values as full ",
                "fractions, floats as the first continued-fraction convergent within 1e-6); ",
                "compact drops the blank lines around a matrix, loose restores them. Plain ",
                "`format` restores every default: exact values as fractions when numerator and ",
                "denominator have at most 10 digits together, else as their decimals when ",
                "those end within 16 places (0.70710678 as typed), else rounded with a note ",
                "that `format rat` shows them exactly."
            ),
            math: &[],
            example: &[
                ">> format long",
                ">> pi",
                "ans = 3.141592653589793",
                ">> format",
            ],
            related: &["disp", "num2str"],
        },
        run: format,
    },
    Command {
        name: "save",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "save FILE, save FILE NAME..., save -ascii FILE NAME, save('FILE', 'NAME')",
            summary: concat!(
                "Write the workspace (or the variables named) to a text file that `load` reads ",
                "back losslessly, function handles included; the file is written whole or not ",
                "at all. A name that is no variable is an error and nothing is written. ",
                "Options: -text (the default), -ascii (numbers only, plain text), -append ",
                "(add to or replace in an existing file); any other option is refused."
            ),
            math: &[],
            example: &[">> A = [1 2; 3 4]; save /tmp/la-help-save.txt A"],
            related: &["load"],
        },
        run: save,
    },
    Command {
        name: "load",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "load FILE, load FILE NAME..., load('FILE'), X = load('FILE'), S = load('FILE', 'NAME', ...)",
            summary: concat!(
                "Read the variables of a file written by `save`, or a file of plain numbers ",
                "(rows of numbers separated by spaces or commas, % and # comments, an optional ",
                "header line skipped with a warning) into a variable named after the file ",
                "(data.txt gives data) or, as X = load('data.txt'), into X. S = load(FILE) of a ",
                "session file gives a structure whose fields are its variables, as Octave. ",
                "Nothing changes if the file is malformed: the error names its line and column."
            ),
            math: &[],
            example: &[
                ">> A = [1 2; 3 4]; save /tmp/la-help-load.txt A",
                ">> clear; load /tmp/la-help-load.txt",
                ">> A",
                "A =",
                "",
                "   1   2",
                "   3   4",
                "",
                ">> S = load('/tmp/la-help-load.txt'); S.A(2, 1)",
                "ans = 3",
            ],
            related: &["save", "csvread", "dlmread"],
        },
        run: load,
    },
    Command {
        name: "exit",
        aliases: &["quit"],
        doc: Doc {
            topic: Topic::Commands,
            signature: "exit, exit(CODE), quit",
            summary: "Leave la (a script stops; CODE is the exit status, 0 by default).",
            math: &[],
            example: &[">> exit"],
            related: &[],
        },
        run: exit,
    },
    Command {
        name: "clc",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "clc",
            summary: "Clear the terminal screen (does nothing when the output is not a terminal).",
            math: &[],
            example: &[">> clc"],
            related: &[],
        },
        run: clc,
    },
    Command {
        name: "more",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "more on, more off",
            summary: "Accepted for Octave scripts; la never pages its output.",
            math: &[],
            example: &[">> more off"],
            related: &[],
        },
        run: nothing,
    },
    Command {
        name: "warning",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "warning off, warning on, warning MESSAGE, warning(template, ...)",
            summary: concat!(
                "Show a warning; `warning off` and `warning('off', id)` are accepted and change ",
                "nothing (la's warnings are about the mathematics)."
            ),
            math: &[],
            example: &[">> warning off", ">> warning('off', 'all')"],
            related: &["error"],
        },
        run: warning,
    },
    Command {
        name: "pkg",
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "pkg load NAME",
            summary: "Accepted for Octave scripts with a note: la needs no packages.",
            math: &[],
            example: &[
                ">> pkg load statistics",
                "note: la needs no packages; 'pkg load statistics' is ignored",
            ],
            related: &[],
        },
        run: pkg,
    },
];

/// The command called `name` (or one of its aliases).
pub fn lookup(name: &str) -> Option<&'static Command> {
    COMMANDS
        .iter()
        .find(|c| c.name == name || c.aliases.contains(&name))
}

/// Every word that starts command syntax: names and aliases.
pub fn words() -> impl Iterator<Item = &'static str> {
    COMMANDS
        .iter()
        .flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()))
}
