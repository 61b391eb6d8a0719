//! Where the session's output goes in every front end: values as Octave-style
//! text or JSON lines on stdout, warnings and errors rendered on stderr.
//!
//! In `--json` mode every line on stdout is one JSON object carrying
//! `"source"` (the script's name, `-e` or `<stdin>`), in the order things
//! happened: values `{"name","value","class"[,"complex"][,"exact"]}`; with
//! `--json-all` also text
//! `{"text"}` (disp, printf, steps, latex, help, ...), `{"warning": {"message",
//! "file", "line", "col"}}`, `{"error": {...}}`, `{"check": ...}` verdicts and
//! the `{"checks": ...}` summary. Warnings and errors are also rendered on
//! stderr as without `--json`.

use crate::builtins::check::Verdict;
use crate::error::{render, LaError, Severity, Source};
use crate::eval::{CheckTally, Control, Session, Sink};
use crate::value::format::{self, Format};
use crate::value::Value;
use colored::Colorize;
use std::io::{IsTerminal, Write};

/// Prints what the session shows: Octave-style text or JSON lines.
pub struct Printer {
    pub json: bool,
    /// `--json-all`: text, warnings and errors as JSON lines too. Off under
    /// plain `--json`, whose readers (the conformance runners) accept only
    /// `{name, value}` lines on stdout.
    pub json_all: bool,
    pub color: bool,
    pub width: usize,
    /// The source being run, for rendering warnings with their position.
    pub source: Source,
}

fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

impl Sink for Printer {
    fn clear_screen(&mut self) {
        if !self.json && std::io::stdout().is_terminal() {
            // Home the cursor and clear the screen, as Octave's clc does.
            emit("\x1b[H\x1b[2J");
        }
    }
    fn value(&mut self, name: &str, value: &Value, fmt: Format) {
        let text = if self.json {
            self.with_source(format::json_line(name, value))
        } else {
            format::display(name, value, fmt, self.width)
        };
        emit(&text);
    }
    fn text(&mut self, text: &str) {
        if self.json {
            if self.json_all && !text.is_empty() {
                let line = serde_json::json!({ "text": text }).to_string();
                emit(&self.with_source(line));
            }
            return;
        }
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
    fn verdict(&mut self, v: &Verdict) {
        let text = if self.json {
            let line = serde_json::json!({
                "check": { "correct": v.correct, "reason": v.message }
            });
            self.with_source(line.to_string())
        } else if self.color {
            let mark = if v.correct {
                v.mark().green().bold()
            } else {
                v.mark().red().bold()
            };
            format!("{mark} {}\n", v.message)
        } else {
            format!("{}\n", v.line())
        };
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
    fn figure(&mut self, fig: &crate::plot::Figure) {
        let text = if self.json {
            let line = serde_json::json!({ "figure": { "svg": crate::plot::svg::render(fig) } });
            format!("{line}\n")
        } else {
            let height = std::env::var("LINES")
                .ok()
                .and_then(|c| c.parse().ok())
                .filter(|&h: &usize| h >= 10)
                .map_or(24, |h| h.min(60));
            crate::plot::braille::render(fig, self.width, height - 2, self.color)
        };
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }
    fn warning(&mut self, message: &str, span: Option<crate::syntax::ast::Span>) {
        if self.json_all {
            emit(&self.diagnostic("warning", message, span));
        }
        let _ = std::io::stdout().flush();
        eprintln!(
            "{}",
            render(
                Severity::Warning,
                message,
                span,
                &self.source,
                self.color,
                self.wrap_width()
            )
        );
    }
}

impl Printer {
    /// Messages wrap to the width on a terminal; a program reading stderr gets one line each.
    fn wrap_width(&self) -> Option<usize> {
        std::io::stderr().is_terminal().then_some(self.width)
    }

    /// The last line of a run with `check` statements: `7 of 8 correct`.
    pub fn check_summary(&self, tally: CheckTally) {
        let text = if self.json {
            let line = serde_json::json!({
                "checks": { "correct": tally.correct, "total": tally.total }
            });
            self.with_source(line.to_string())
        } else {
            format!("{} of {} correct\n", tally.correct, tally.total)
        };
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }

    /// The source as JSON lines name it: `-e` for command-line statements.
    fn source_name(&self) -> &str {
        json_name(&self.source.name)
    }

    /// A JSON object's text with `"source"` added, as one line.
    fn with_source(&self, object: String) -> String {
        let source = serde_json::Value::from(self.source_name());
        match object.strip_suffix('}') {
            Some(body) if body.len() > 1 => format!("{body},\"source\":{source}}}\n"),
            _ => format!("{{\"source\":{source}}}\n"),
        }
    }

    /// `{"error": {"message", "file", "line", "col"}}` (or `"warning"`).
    fn diagnostic(&self, kind: &str, message: &str, span: Option<crate::error::Span>) -> String {
        self.diagnostic_with(kind, message, span, &self.source, None)
    }

    /// [`Printer::diagnostic`] about a span in `src`, with an error's `"stack"`.
    fn diagnostic_with(
        &self,
        kind: &str,
        message: &str,
        span: Option<crate::error::Span>,
        src: &Source,
        stack: Option<Vec<serde_json::Value>>,
    ) -> String {
        let (line, col) = match span {
            Some(s) => {
                let (l, c) = src.line_col(s.start);
                (serde_json::Value::from(l), serde_json::Value::from(c))
            }
            None => (serde_json::Value::Null, serde_json::Value::Null),
        };
        let mut body = serde_json::json!({
            "message": message,
            "file": json_name(&src.name),
            "line": line,
            "col": col,
        });
        if let Some(stack) = stack {
            body["stack"] = serde_json::Value::from(stack);
        }
        let mut obj = serde_json::Map::new();
        obj.insert(kind.to_string(), body);
        self.with_source(serde_json::Value::Object(obj).to_string())
    }

    /// An error's JSON line: the diagnostic (in the source of the function
    /// it happened in) plus `"stack"`: the user functions it passed through,
    /// innermost first, then where the outermost was called, each as
    /// `{"name", "file", "line", "col"}`.
    fn error_json(&self, e: &LaError) -> String {
        let stack: Vec<serde_json::Value> = e
            .stack(&self.source)
            .into_iter()
            .map(|p| {
                serde_json::json!({
                    "name": json_name(&p.name),
                    "file": json_name(&p.file),
                    "line": p.line,
                    "col": p.col,
                })
            })
            .collect();
        let origin = e.origin(&self.source);
        self.diagnostic_with("error", &e.message, e.span, origin, Some(stack))
    }

    /// An error that is not about a position in the source (a script that
    /// cannot be read): stderr as always, and a JSON line in `--json` mode.
    pub fn error_line(&mut self, file: &str, line: &str) {
        if self.json_all {
            let message = line.strip_prefix("error: ").unwrap_or(line);
            self.source = Source::new(file.to_string(), "");
            emit(&self.diagnostic("error", message, None));
        }
        eprintln!("{line}");
    }

    pub fn error(&self, e: &LaError) {
        if self.json_all {
            emit(&self.error_json(e));
        }
        let _ = std::io::stdout().flush();
        let mut text = render(
            Severity::Error,
            &e.message,
            e.span,
            e.origin(&self.source),
            self.color,
            self.wrap_width(),
        );
        for note in crate::error::called_from_notes(e, &self.source) {
            text.push('\n');
            text.push_str(&note);
        }
        eprintln!("{text}");
    }
}

/// A source's name in JSON lines: `-e` for command-line statements.
fn json_name(name: &str) -> &str {
    match name {
        "<input>" => "-e",
        n => n,
    }
}

/// Run one piece of source, catching any panic that escapes as an internal error.
pub fn run_source(
    session: &mut Session,
    printer: &mut Printer,
    src: Source,
) -> Result<Control, LaError> {
    printer.source = src.clone();
    session.source = std::sync::Arc::new(src.clone());
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        session.run(&src.text, printer)
    }));
    let result = result.unwrap_or_else(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()));
        Err(LaError::internal(msg.unwrap_or_else(|| "panic".into())))
    });
    if let Err(e) = &result {
        printer.error(e);
    }
    result
}

/// Decode a script file's bytes: UTF-8 (a BOM is dropped). Other bytes
/// (a Latin-1 `é`) are accepted in comments only, replaced by U+FFFD as
/// Octave shows them; anywhere else they are an error naming the line.
pub fn decode(bytes: Vec<u8>) -> Result<String, LaError> {
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return Ok(s),
        Err(e) => e.into_bytes(),
    };
    let mut in_block = false;
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let t = line.trim_ascii();
        if t == b"%{" || t == b"#{" {
            in_block = true;
        } else if t == b"%}" || t == b"#}" {
            in_block = false;
        } else if let Err(e) = std::str::from_utf8(line) {
            if !in_block && comment_start(line).is_none_or(|c| e.valid_up_to() < c) {
                return Err(LaError::eval(format!(
                    "invalid UTF-8 in input at line {} (other encodings are accepted in comments only)",
                    n + 1
                )));
            }
        }
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Where a `%` or `#` comment starts on a line, outside strings (a quote
/// right after a value is a transpose, as in the grammar).
fn comment_start(line: &[u8]) -> Option<usize> {
    let (mut quote, mut prev) = (None, b' ');
    for (i, &b) in line.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'%' | b'#' => return Some(i),
                b'"' => quote = Some(b),
                b'\'' if !(prev.is_ascii_alphanumeric() || b"_)]}'.".contains(&prev)) => {
                    quote = Some(b)
                }
                _ => {}
            },
        }
        prev = b;
    }
    None
}
