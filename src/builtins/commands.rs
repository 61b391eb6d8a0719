//! Command-syntax statements: help, who, whos, clear, format, save, load, exit.

use crate::syntax::ast::Span;
use crate::error::{LaError, Result};
use crate::eval::{Flow, Interp};
use crate::value::format::Format;

pub fn run(it: &mut Interp, name: &str, args: &[String], span: Span) -> Result<Flow> {
    match name {
        "help" => help(it, args)?,
        "who" => {
            let mut names: Vec<&String> = it.vars().keys().collect();
            names.sort();
            if !names.is_empty() {
                let list: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
                it.sink.text(&format!(
                    "Variables visible from the current scope:\n\n{}\n\n",
                    list.join("  ")
                ));
            }
        }
        "whos" => whos(it),
        "clear" => {
            if args.is_empty() || args.iter().any(|a| a == "all" || a == "-all") {
                it.vars_mut().clear();
            } else {
                for a in args {
                    it.vars_mut().remove(a);
                }
            }
        }
        "format" => {
            it.session.format = match args.first().map(|s| s.to_ascii_lowercase()).as_deref() {
                None => Format::Default,
                Some("short") => Format::Short,
                Some("long") => Format::Long,
                Some("rat") => Format::Rat,
                Some(other) => {
                    return Err(LaError::eval(format!(
                        "format: unknown format '{other}' (use short, long or rat)"
                    ))
                    .at(span))
                }
            }
        }
        "save" => crate::value::storage::save(it, args)?,
        "load" => crate::value::storage::load(it, args)?,
        "exit" | "quit" => {
            let code = args.first().and_then(|s| s.parse().ok()).unwrap_or(0);
            return Ok(Flow::Exit(code));
        }
        _ => {} // clc, more: nothing to do outside a terminal UI
    }
    Ok(Flow::Normal)
}

fn help(it: &mut Interp, args: &[String]) -> Result<()> {
    let Some(name) = args.first() else {
        it.sink.text(&crate::builtins::help::overview());
        return Ok(());
    };
    match crate::builtins::help::topic(name) {
        Some(text) => it.sink.text(&text),
        None => {
            let guess = crate::builtins::help::closest(name, crate::builtins::names());
            let hint = guess
                .map(|g| format!(" (did you mean `{g}`?)"))
                .unwrap_or_default();
            return Err(LaError::eval(format!("help: '{name}' not found{hint}")));
        }
    }
    Ok(())
}

fn whos(it: &mut Interp) {
    let mut rows: Vec<(String, String, usize, &'static str)> = it
        .vars()
        .iter()
        .map(|(n, v)| {
            let (r, c) = v.dims();
            (n.clone(), format!("{r}x{c}"), v.bytes(), v.type_name())
        })
        .collect();
    rows.sort();
    let mut out = String::from("Variables visible from the current scope:\n\n  Name        Size          Bytes  Class\n  ====        ====          =====  =====\n");
    let total: usize = rows.iter().map(|r| r.2).sum();
    for (n, s, b, t) in rows {
        out.push_str(&format!("  {n:<11} {s:<12} {b:>6}  {t}\n"));
    }
    out.push_str(&format!("\nTotal is {total} bytes\n"));
    it.sink.text(&out);
}
