//! `help` and `lookfor`: a help page by name, the overview by topic, or
//! the pages that mention some words (the text comes from `builtins::help`).

use super::Next;
use crate::builtins::ctx::CommandCtx;
use crate::error::{LaError, Result, Span};

pub(super) fn help(it: &mut dyn CommandCtx, args: &[String], _: Span) -> Result<Next> {
    let width = it.display().1;
    if args.is_empty() {
        it.print(&crate::builtins::help::overview());
        return Ok(Next::Continue);
    }
    let pages: Option<Vec<String>> = args
        .iter()
        .map(|a| crate::builtins::help::page(a, width))
        .collect();
    if let Some(pages) = pages {
        it.print(&pages.join("\n"));
        return Ok(Next::Continue);
    }
    let phrase = args.join(" ");
    match crate::builtins::help::search(args, width) {
        Some(list) => it.print(&format!(
            "'{phrase}' is not a function name; the help pages that mention it:\n\n{list}"
        )),
        None => {
            let guess = crate::builtins::help::closest(&phrase, crate::builtins::help_names());
            let hint = guess.map_or("; `help` lists every function".into(), |g| {
                format!(" (did you mean `{g}`?)")
            });
            return Err(LaError::eval(format!(
                "help: '{phrase}' is no page and no page mentions it{hint}"
            )));
        }
    }
    Ok(Next::Continue)
}

/// `lookfor WORDS`: the pages whose text holds the words, as in Octave.
pub(super) fn lookfor(it: &mut dyn CommandCtx, args: &[String], _: Span) -> Result<Next> {
    if args.is_empty() {
        return Err(LaError::eval(
            "lookfor: give a word to look for, e.g. lookfor eigenvalue",
        ));
    }
    match crate::builtins::help::search(args, it.display().1) {
        Some(list) => it.print(&list),
        None => it.print(&format!(
            "no help page mentions '{}'; `help` lists every function\n",
            args.join(" ")
        )),
    }
    Ok(Next::Continue)
}
