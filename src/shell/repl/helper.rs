//! The rustyline `Helper`: ties completion, hints and highlighting to the
//! names the session knows. The REPL loop refreshes `names` and `pending`
//! before each prompt; rustyline owns the helper while a line is edited.

use super::complete::{self, Place};
use super::highlight;
use super::hint::{self, LaHint};
use super::names::Names;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::cell::Cell;

pub struct LaHelper {
    pub names: Names,
    /// Lines already entered of an unfinished input (after `A = [1 2`),
    /// so the current line is understood in their context.
    pub pending: String,
    /// Colour the line; false when NO_COLOR is set or output is not a terminal.
    pub color: bool,
    files: FilenameCompleter,
    /// Set for rustyline's final redraw of an accepted line, which should not
    /// keep the matching-bracket mark.
    final_refresh: Cell<bool>,
}

impl LaHelper {
    pub fn new(color: bool) -> Self {
        LaHelper {
            names: Names::default(),
            pending: String::new(),
            color,
            files: FilenameCompleter::new(),
            final_refresh: Cell::new(false),
        }
    }

    /// The pending lines plus `line`, and where `line` starts in it.
    fn with_pending(&self, line: &str) -> (String, usize) {
        if self.pending.is_empty() {
            (line.to_string(), 0)
        } else {
            (format!("{}\n{line}", self.pending), self.pending.len() + 1)
        }
    }
}

impl Completer for LaHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (full, offset) = self.with_pending(line);
        let (_, place) = complete::locate(&full, pos + offset);
        if matches!(place, Place::CommandArg("save" | "load")) {
            return self.files.complete_path(line, pos);
        }
        let (start, words) = complete::complete(&full, pos + offset, &self.names);
        let pairs = words
            .into_iter()
            .map(|w| Pair {
                display: w.clone(),
                replacement: w,
            })
            .collect();
        Ok((start.saturating_sub(offset), pairs))
    }
}

impl Hinter for LaHelper {
    type Hint = LaHint;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<LaHint> {
        let (full, _) = self.with_pending(line);
        hint::hint(&full, line, pos, ctx, &self.names)
    }
}

impl Highlighter for LaHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        if !self.color || line.is_empty() {
            return Cow::Borrowed(line);
        }
        let cursor = (!self.final_refresh.get()).then_some(pos);
        Cow::Owned(highlight::highlight(
            &self.pending,
            line,
            cursor,
            &self.names,
        ))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(highlight::dim(hint))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.final_refresh.set(kind == CmdKind::ForcedRefresh);
        // Colours depend on the whole line (a later `=` makes a name a
        // variable), so every edit and cursor move redraws it.
        self.color
    }
}

/// Enter never waits inside rustyline: the REPL loop checks completeness
/// itself so it can show a continuation prompt (see `validate`).
impl Validator for LaHelper {}

impl Helper for LaHelper {}
