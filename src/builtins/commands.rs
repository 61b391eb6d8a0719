//! Command-syntax statements (`help eig`, `format long`, `save hw.txt A`):
//! registry entries like the functions, with help pages, run against the
//! workspace through `CommandCtx`.

use super::ctx::CommandCtx;
use super::{Doc, Topic};
use crate::error::{LaError, Result, Span};
use crate::value::format::Format;
use crate::value::storage;

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
        aliases: &[],
        doc: Doc {
            topic: Topic::Commands,
            signature: "help, help NAME",
            summary: "List every function by topic, or show one function's or command's page.",
            math: &[],
            example: &[
                ">> help clc",
                "clc",
                "",
                "  Clear the terminal screen (does nothing in scripts).",
                "",
                "Example:",
                "  >> clc",
            ],
            related: &["who", "format"],
        },
        run: help,
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
            signature: "format, format short, format long, format rat",
            summary: concat!(
                "Choose how numbers are shown: short (5 significant digits), long (16), rat ",
                "(fractions); plain `format` restores the default (exact values as fractions)."
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
            signature: "save FILE, save FILE NAME...",
            summary: concat!(
                "Write the workspace (or the variables named) to a text file that `load` reads ",
                "back losslessly; the file is written whole or not at all."
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
            signature: "load FILE",
            summary: concat!(
                "Read the variables of a file written by `save`; nothing changes if it is ",
                "malformed."
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
            ],
            related: &["save"],
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
            summary: "Clear the terminal screen (does nothing in scripts).",
            math: &[],
            example: &[">> clc"],
            related: &[],
        },
        run: nothing,
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
        name: "close",
        aliases: &["clf"],
        doc: Doc {
            topic: Topic::Commands,
            signature: "close, close all, clf",
            summary:
                "Accepted for Octave scripts; la draws no figures, so there is nothing to close.",
            math: &[],
            example: &[">> close all"],
            related: &["clc"],
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

fn help(it: &mut dyn CommandCtx, args: &[String], _: Span) -> Result<Next> {
    let Some(name) = args.first() else {
        it.print(&super::help::overview());
        return Ok(Next::Continue);
    };
    match super::help::page(name) {
        Some(text) => it.print(&text),
        None => {
            let guess = super::help::closest(name, super::help_names());
            let hint = guess
                .map(|g| format!(" (did you mean `{g}`?)"))
                .unwrap_or_default();
            return Err(LaError::eval(format!("help: '{name}' not found{hint}")));
        }
    }
    Ok(Next::Continue)
}

fn sorted_names(it: &dyn CommandCtx) -> Vec<String> {
    let mut names: Vec<String> = it.vars().keys().cloned().collect();
    names.sort();
    names
}

fn who(it: &mut dyn CommandCtx, _: &[String], _: Span) -> Result<Next> {
    let names = sorted_names(it);
    if !names.is_empty() {
        it.print(&format!(
            "Variables visible from the current scope:\n\n{}\n\n",
            names.join("  ")
        ));
    }
    Ok(Next::Continue)
}

fn whos(it: &mut dyn CommandCtx, _: &[String], _: Span) -> Result<Next> {
    let mut out = String::from(
        "Variables visible from the current scope:\n\n  \
         Name        Size          Bytes  Class\n  \
         ====        ====          =====  =====\n",
    );
    let mut total = 0;
    for n in sorted_names(it) {
        let Some(v) = it.vars().get(&n) else { continue };
        let (r, c) = v.dims();
        let (bytes, class) = (v.bytes(), v.type_name());
        total += bytes;
        let size = format!("{r}x{c}");
        out.push_str(&format!("  {n:<11} {size:<12} {bytes:>6}  {class}\n"));
    }
    out.push_str(&format!("\nTotal is {total} bytes\n"));
    it.print(&out);
    Ok(Next::Continue)
}

fn clear(it: &mut dyn CommandCtx, args: &[String], _: Span) -> Result<Next> {
    if args.is_empty() || args.iter().any(|a| a == "all" || a == "-all") {
        it.vars_mut().clear();
    } else {
        for a in args {
            it.vars_mut().remove(a);
        }
    }
    Ok(Next::Continue)
}

fn format(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Next> {
    let format = match args.first().map(|s| s.to_ascii_lowercase()).as_deref() {
        None => Format::Default,
        Some("short") => Format::Short,
        Some("long") => Format::Long,
        Some("rat") => Format::Rat,
        // Octave's blank-line settings: la's layout does not change.
        Some("compact") | Some("loose") => return Ok(Next::Continue),
        Some(other) => {
            return Err(LaError::eval(format!(
                "format: unknown format '{other}' (use short, long, rat or compact)"
            ))
            .at(span))
        }
    };
    it.set_format(format);
    Ok(Next::Continue)
}

fn save(it: &mut dyn CommandCtx, args: &[String], _: Span) -> Result<Next> {
    let Some(path) = args.first() else {
        return Err(LaError::eval(
            "save: a file name is required (save FILE [names])",
        ));
    };
    let wanted = &args[1..];
    let names: Vec<String> = sorted_names(it)
        .into_iter()
        .filter(|n| wanted.is_empty() || wanted.contains(n))
        .collect();
    let vars = it.vars();
    let text = storage::to_text(
        names
            .iter()
            .filter_map(|n| vars.get(n).map(|v| (n.as_str(), v))),
    );
    storage::write_atomic(path, &text)
        .map_err(|e| LaError::eval(format!("save: cannot write '{path}': {e}")))?;
    Ok(Next::Continue)
}

fn load(it: &mut dyn CommandCtx, args: &[String], _: Span) -> Result<Next> {
    let Some(path) = args.first() else {
        return Err(LaError::eval("load: a file name is required (load FILE)"));
    };
    let bytes = std::fs::read(path)
        .map_err(|e| LaError::eval(format!("load: cannot read '{path}': {e}")))?;
    let text = String::from_utf8_lossy(&bytes);
    let vars = storage::parse(&text)
        .map_err(|(line, msg)| LaError::eval(format!("load: {path}:{line}: {msg}")))?;
    // Nothing is changed unless the whole file parsed.
    for (name, value) in vars {
        it.vars_mut().insert(&name, value);
    }
    Ok(Next::Continue)
}

fn exit(_: &mut dyn CommandCtx, args: &[String], _: Span) -> Result<Next> {
    let code = args.first().and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok(Next::Exit(code))
}

/// Terminal-only commands: nothing to do outside a terminal UI.
fn nothing(_: &mut dyn CommandCtx, _: &[String], _: Span) -> Result<Next> {
    Ok(Next::Continue)
}

/// `warning off|on|query|error ...` changes nothing; any other words are a message.
fn warning(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Next> {
    match args.first().map(|s| s.to_ascii_lowercase()).as_deref() {
        None | Some("on") | Some("off") | Some("query") | Some("error") => {}
        Some(_) => it.warn(&args.join(" "), span),
    }
    Ok(Next::Continue)
}

fn pkg(it: &mut dyn CommandCtx, args: &[String], _: Span) -> Result<Next> {
    let what = std::iter::once("pkg")
        .chain(args.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    it.print(&format!(
        "note: la needs no packages; '{what}' is ignored\n"
    ));
    Ok(Next::Continue)
}
