//! The interactive loop: rustyline for editing (completion, hints, colour,
//! history), the same `Session` and `Printer` as scripts.
//!
//! Multi-line input is assembled here rather than by a rustyline validator,
//! because rustyline cannot draw a continuation prompt inside one buffer:
//! while `validate::needs_more` says a bracket or block is open, the next
//! line is read with the `.. ` prompt and appended. A bracketed paste arrives
//! in the buffer as a whole, so a pasted matrix never runs half-way.

mod complete;
mod helper;
mod highlight;
mod hint;
mod history;
mod names;
pub mod validate;

use crate::error::{ErrorKind, Source};
use crate::eval::{Control, Session};
use crate::shell::output::{run_source, Printer};
use helper::LaHelper;
use rustyline::config::{CompletionType, Config, EditMode};
use rustyline::error::ReadlineError;
use rustyline::history::{DefaultHistory, History};
use rustyline::Editor;
use std::path::PathBuf;

const PROMPT: &str = ">> ";
const CONTINUATION: &str = ".. ";

type LaEditor = Editor<LaHelper, DefaultHistory>;

pub fn run(session: &mut Session, printer: &mut Printer, quiet: bool) -> i32 {
    if !quiet {
        let banner = format!(
            "la {} - linear algebra for students. Type `help` for functions, `exit` or Ctrl-D to leave.",
            env!("CARGO_PKG_VERSION")
        );
        println!("{}", crate::error::wrap(&banner, printer.width));
    }
    let color = colored::control::SHOULD_COLORIZE.should_colorize();
    let mut rl = match editor(color) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the line editor: {e}");
            return 1;
        }
    };
    let mut hist = HistoryStore::open(history::default_path(), &mut rl);
    loop {
        refresh(&mut rl, session, printer);
        let src = match read_input(&mut rl) {
            Input::Text(src) => src,
            Input::Cancelled => continue,
            Input::Eof => return 0,
            Input::Failed(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        };
        if src.trim().is_empty() {
            continue;
        }
        hist.add(&mut rl, &src);
        // A paste runs piece by piece. An interrupted or failed piece has
        // already been reported by `run_source`; the session carries on.
        for piece in validate::complete_pieces(&src) {
            let source = Source::new("<input>", piece.to_string());
            match run_source(session, printer, source) {
                Ok(Control::Exit(code)) => return code,
                // Ctrl-C stops the rest of a paste too.
                Err(e) if e.kind == ErrorKind::Interrupted => break,
                _ => {}
            }
        }
    }
}

fn editor(color: bool) -> rustyline::Result<LaEditor> {
    let config = Config::builder()
        .auto_add_history(false)
        .max_history_size(history::MAX_ENTRIES)?
        .completion_type(CompletionType::List)
        .edit_mode(EditMode::Emacs)
        .bracketed_paste(true)
        .build();
    let mut rl = LaEditor::with_config(config)?;
    rl.set_helper(Some(LaHelper::new(color)));
    Ok(rl)
}

/// Before each prompt: give the helper the current names, and follow the
/// terminal's width (unless the user fixed it with COLUMNS).
fn refresh(rl: &mut LaEditor, session: &mut Session, printer: &mut Printer) {
    if let Some(h) = rl.helper_mut() {
        h.names = names::Names::from_session(session);
    }
    if std::env::var_os("COLUMNS").is_none() {
        if let Some((cols, _)) = rl.dimensions() {
            let cols = usize::from(cols);
            if cols >= 20 {
                printer.width = cols;
                session.width = cols;
            }
        }
    }
}

enum Input {
    Text(String),
    /// Ctrl-C, or Ctrl-D on a continuation line: drop what was typed.
    Cancelled,
    /// Ctrl-D on an empty prompt.
    Eof,
    Failed(ReadlineError),
}

/// Read one complete input, asking for more lines while it is unfinished.
fn read_input(rl: &mut LaEditor) -> Input {
    let mut buf = String::new();
    let input = loop {
        set_pending(rl, &buf);
        let prompt = if buf.is_empty() { PROMPT } else { CONTINUATION };
        match rl.readline(prompt) {
            Ok(line) => {
                if !buf.is_empty() {
                    buf.push('\n');
                }
                buf.push_str(&line);
                if !validate::needs_more(&buf) {
                    break Input::Text(buf);
                }
            }
            Err(ReadlineError::Interrupted) => break Input::Cancelled,
            Err(ReadlineError::Eof) if buf.is_empty() => break Input::Eof,
            Err(ReadlineError::Eof) => break Input::Cancelled,
            Err(e) => break Input::Failed(e),
        }
    };
    set_pending(rl, "");
    input
}

fn set_pending(rl: &mut LaEditor, pending: &str) {
    if let Some(h) = rl.helper_mut() {
        h.pending.clear();
        h.pending.push_str(pending);
    }
}

/// In-memory history kept free of duplicates, mirrored to the history file.
struct HistoryStore {
    path: Option<PathBuf>,
    entries: Vec<String>,
    /// Warn about a failing history file once, not after every command.
    write_warned: bool,
}

impl HistoryStore {
    fn open(path: Option<PathBuf>, rl: &mut LaEditor) -> Self {
        let mut entries = Vec::new();
        if let Some(p) = &path {
            let (loaded, warning) = history::load(p);
            if let Some(w) = warning {
                eprintln!("warning: {w}");
            }
            entries = loaded;
        }
        let store = HistoryStore {
            path,
            entries,
            write_warned: false,
        };
        store.fill(rl);
        store
    }

    fn fill(&self, rl: &mut LaEditor) {
        let h = rl.history_mut();
        let _ = h.clear();
        for e in &self.entries {
            let _ = h.add(e);
        }
    }

    fn add(&mut self, rl: &mut LaEditor, entry: &str) {
        let entry = entry.trim_end().to_string();
        let had_copy = self.entries.contains(&entry);
        self.entries.retain(|e| *e != entry);
        self.entries.push(entry.clone());
        if had_copy {
            // rustyline cannot remove one entry, so rebuild it in order.
            self.fill(rl);
        } else {
            let _ = rl.history_mut().add(&entry);
        }
        self.save(&entry);
    }

    fn save(&mut self, entry: &str) {
        let Some(path) = &self.path else {
            return;
        };
        if let Err(w) = history::append(path, entry) {
            if !self.write_warned {
                eprintln!("warning: {w}");
                self.write_warned = true;
            }
        }
    }
}
