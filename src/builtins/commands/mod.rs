//! Command-syntax statements (`help eig`, `format long`, `save hw.txt A`):
//! registry entries like the functions, with help pages, run against the
//! workspace through `CommandCtx`. This module holds the table and the
//! session files (`save`, `load`, and the reader `csvread`/`dlmread` share);
//! the other commands are by job in `pages` (help, lookfor), `workspace`
//! (who, whos, clear) and `session` (format, clc, warning, pkg, exit).

mod pages;
mod session;
mod workspace;

use super::ctx::{CommandCtx, Ctx};
use super::{Doc, Topic};
use crate::error::{LaError, Result, Span};
use crate::value::storage;
use crate::value::Value;
use pages::{help, lookfor};
use session::{clc, exit, format, nothing, pkg, warning};
use workspace::{clear, sorted_names, who, whos};

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

fn save(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Next> {
    save_args(it, args, span)?;
    Ok(Next::Continue)
}

/// `save [-text|-ascii|-append] FILE [NAME...]`, the command and function forms.
pub fn save_args(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<()> {
    let err = |m: String| LaError::eval(format!("save: {m}")).at(span);
    let (mut ascii, mut append) = (false, false);
    let mut rest = Vec::new();
    for a in args {
        match a.as_str() {
            "-text" => {}
            "-ascii" => ascii = true,
            "-append" => append = true,
            o if o.starts_with('-') => {
                return Err(err(format!(
                    "option '{o}' is not supported (la writes its own text format; \
                     options: -text, -ascii, -append)"
                )))
            }
            _ => rest.push(a.as_str()),
        }
    }
    let Some((path, wanted)) = rest.split_first() else {
        return Err(err("a file name is required (save FILE [NAME...])".into()));
    };
    let mut names: Vec<String> = Vec::new();
    for w in wanted {
        if !it.vars().contains_key(w) {
            let hint = if w.contains('.') {
                format!(" (the file name comes first: save {w} ...)")
            } else {
                String::new()
            };
            return Err(err(format!(
                "no variable named '{w}'{hint}; nothing was written"
            )));
        }
        if !names.iter().any(|n| n == w) {
            names.push(w.to_string());
        }
    }
    if wanted.is_empty() {
        names = sorted_names(it);
    }
    let vars = it.vars();
    let text = if ascii {
        let mut out = String::new();
        for n in &names {
            let v = vars.get(n).cloned().unwrap_or_else(Value::empty);
            match v {
                Value::Exact(_) | Value::Quad(_) | Value::Real(_) | Value::Bool(_)
                    if v.num_kind() != Some(crate::value::NumKind::Complex) =>
                {
                    let m = v.to_real("save").map_err(|e| e.at(span))?.into_owned();
                    out.push_str(&storage::to_ascii(&m))
                }
                other => {
                    return Err(err(format!(
                        "-ascii saves numbers only; '{n}' is {}",
                        other.describe()
                    )))
                }
            }
        }
        if append {
            let old = std::fs::read_to_string(path).unwrap_or_default();
            old + &out
        } else {
            out
        }
    } else {
        let mut all: Vec<(String, Value)> = Vec::new();
        if append {
            if let Ok(bytes) = std::fs::read(path) {
                let old = String::from_utf8_lossy(&bytes);
                let parsed = storage::parse(&old).map_err(|(line, m)| {
                    err(format!("-append: {path}:{line}: {m}; nothing was written"))
                })?;
                let mut old: Vec<(String, Value)> = parsed
                    .into_iter()
                    .filter(|(n, _)| !names.contains(n))
                    .collect();
                old.sort_by(|a, b| a.0.cmp(&b.0));
                all.extend(old);
            }
        }
        all.extend(
            names
                .iter()
                .filter_map(|n| vars.get(n).map(|v| (n.clone(), v.clone()))),
        );
        storage::to_text(all.iter().map(|(n, v)| (n.as_str(), v)))
    };
    storage::write_atomic(path, &text).map_err(|e| err(format!("cannot write '{path}': {e}")))
}

fn load(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Next> {
    load_args(it, args, span)?;
    Ok(Next::Continue)
}

/// The file name and the variable names of a `load` call; options checked.
fn load_parts(args: &[String], span: Span) -> Result<(String, Vec<String>, bool)> {
    let mut ascii = false;
    let mut rest = Vec::new();
    for a in args {
        match a.as_str() {
            "-text" => {}
            "-ascii" => ascii = true,
            o if o.starts_with('-') => {
                return Err(LaError::eval(format!(
                    "load: option '{o}' is not supported (options: -text, -ascii)"
                ))
                .at(span))
            }
            _ => rest.push(a.clone()),
        }
    }
    if rest.is_empty() {
        return Err(LaError::eval("load: a file name is required (load FILE [NAME...])").at(span));
    }
    let path = rest.remove(0);
    Ok((path, rest, ascii))
}

/// What a file holds: the variables of a session file, or a numeric matrix.
enum Loaded {
    Session(std::collections::HashMap<String, Value>),
    Data(Value),
}

fn read_file(it: &mut dyn CommandCtx, path: &str, ascii: bool, span: Span) -> Result<Loaded> {
    let bytes = std::fs::read(path)
        .map_err(|e| LaError::eval(format!("load: cannot read '{path}': {e}")).at(span))?;
    let text = String::from_utf8_lossy(&bytes);
    if !ascii && storage::is_session_file(&text) {
        let vars = storage::parse(&text)
            .map_err(|(line, msg)| LaError::eval(format!("load: {path}:{line}: {msg}")).at(span))?;
        return Ok(Loaded::Session(vars));
    }
    read_data(it, "load", path, &text, None, span).map(Loaded::Data)
}

/// Plain numeric text as a double matrix; a skipped header line is reported.
fn read_data(
    it: &mut dyn Ctx,
    who: &str,
    path: &str,
    text: &str,
    sep: Option<char>,
    span: Span,
) -> Result<Value> {
    let data = storage::parse_ascii(text, sep).map_err(|(line, col, msg)| {
        LaError::eval(format!("{who}: {path}:{line}:{col}: {msg}")).at(span)
    })?;
    if let Some(h) = data.header {
        it.warn(
            &format!("{who}: skipped the header line {h} of '{path}' (not numbers)"),
            span,
        );
    }
    Ok(Value::Real(data.matrix.into()))
}

/// `load FILE [NAME...]`, the command form and `load('FILE')`: session files
/// restore their variables, numeric text becomes a variable named after the
/// file. Nothing changes unless the whole file was read.
pub fn load_args(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<()> {
    let (path, names, ascii) = load_parts(args, span)?;
    match read_file(it, &path, ascii, span)? {
        Loaded::Session(vars) => {
            for (name, value) in chosen(vars, &names, &path, span)? {
                it.vars_mut().insert(&name, value);
            }
        }
        Loaded::Data(v) => {
            refuse_names(&names, &path, span)?;
            let name = data_name(&path);
            it.vars_mut().insert(&name, v);
        }
    }
    Ok(())
}

/// `X = load('FILE')`: numeric text as its matrix; a session file as a
/// structure whose fields are its variables (in name order), as Octave.
pub fn load_value(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Value> {
    let (path, names, ascii) = load_parts(args, span)?;
    match read_file(it, &path, ascii, span)? {
        Loaded::Data(v) => refuse_names(&names, &path, span).map(|()| v),
        Loaded::Session(vars) => Ok(Value::Struct(std::rc::Rc::new(chosen(
            vars, &names, &path, span,
        )?))),
    }
}

/// The variables of a session file that `names` asks for (all when empty),
/// sorted by name; an error naming the first one the file lacks.
fn chosen(
    vars: std::collections::HashMap<String, Value>,
    names: &[String],
    path: &str,
    span: Span,
) -> Result<Vec<(String, Value)>> {
    if let Some(n) = names.iter().find(|n| !vars.contains_key(*n)) {
        return Err(LaError::eval(format!(
            "load: '{path}' has no variable named '{n}'; nothing was loaded"
        ))
        .at(span));
    }
    let mut out: Vec<(String, Value)> = vars
        .into_iter()
        .filter(|(n, _)| names.is_empty() || names.contains(n))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Numeric text holds one unnamed matrix: names to pick are an error.
fn refuse_names(names: &[String], path: &str, span: Span) -> Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    Err(LaError::eval(format!(
        "load: '{path}' is numeric text (one matrix); variable names cannot be chosen"
    ))
    .at(span))
}

/// The variable a data file loads into, from its stem as Octave names it:
/// `data.txt` gives `data`, `2019-data.csv` gives `X2019_data`.
fn data_name(path: &str) -> String {
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut name: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        name.insert(0, 'X');
    }
    name
}

/// `csvread(file)` / `dlmread(file, sep)`: the builtins' shared reader.
pub fn read_delimited(
    it: &mut dyn Ctx,
    who: &str,
    path: &str,
    sep: Option<char>,
    span: Span,
) -> Result<Value> {
    let bytes = std::fs::read(path)
        .map_err(|e| LaError::eval(format!("{who}: cannot read '{path}': {e}")).at(span))?;
    let text = String::from_utf8_lossy(&bytes);
    read_data(it, who, path, &text, sep, span)
}
