//! Errors and warnings, each carrying the span it is about, rendered in one
//! place in the rustc layout (`error: msg` / ` --> file:line:col` / caret).

use colored::Colorize;
use std::sync::Arc;

/// Byte offsets `[start, end)` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Parse,
    Eval,
    Interrupted,
    Internal,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct LaError {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Option<Span>,
    /// `error('pkg:id', ...)`'s identifier, for `catch err` (`err.identifier`).
    pub identifier: Option<String>,
    /// The user functions the error passed through, innermost first, for
    /// the `called from` notes.
    pub called_from: Vec<Frame>,
    /// Where the outermost function so far was called: the offset at which
    /// its caller (the next entry of `called_from`, else the input being
    /// run) failed.
    pub call_site: Option<usize>,
}

/// A user function an error passed through: its name, the byte offset in
/// its source where it failed, and that source (the file or earlier input
/// it was defined in; `None`: the input being run).
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub name: String,
    pub at: usize,
    pub source: Option<Arc<Source>>,
}

/// One line of a call stack, resolved to its source's name, line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub file: String,
    pub line: usize,
    pub col: usize,
    /// In a source other than the input being run (a function from another
    /// file or an earlier input).
    pub elsewhere: bool,
}

pub type Result<T> = std::result::Result<T, LaError>;

impl LaError {
    pub fn eval(message: impl Into<String>) -> Self {
        LaError {
            kind: ErrorKind::Eval,
            message: message.into(),
            span: None,
            identifier: None,
            called_from: Vec::new(),
            call_site: None,
        }
    }
    pub fn parse(message: impl Into<String>, span: Span) -> Self {
        LaError {
            kind: ErrorKind::Parse,
            message: message.into(),
            span: Some(span),
            identifier: None,
            called_from: Vec::new(),
            call_site: None,
        }
    }
    pub fn interrupted() -> Self {
        LaError {
            kind: ErrorKind::Interrupted,
            message: "interrupted".into(),
            span: None,
            identifier: None,
            called_from: Vec::new(),
            call_site: None,
        }
    }
    /// Ctrl-C during a built-in running on a worker thread, which is left to finish unseen.
    pub fn interrupted_abandoned() -> Self {
        LaError {
            kind: ErrorKind::Interrupted,
            message: "interrupted: the computation was abandoned; every variable is kept".into(),
            span: None,
            identifier: None,
            called_from: Vec::new(),
            call_site: None,
        }
    }
    pub fn internal(message: impl Into<String>) -> Self {
        let message = format!(
            "internal error: {} (this is a bug in la; please report it with the input that caused it)",
            message.into()
        );
        LaError {
            kind: ErrorKind::Internal,
            message,
            span: None,
            identifier: None,
            called_from: Vec::new(),
            call_site: None,
        }
    }
    /// The error as raised by `error('pkg:id', ...)`.
    pub fn with_identifier(mut self, id: impl Into<String>) -> Self {
        self.identifier = Some(id.into());
        self
    }
    /// Note that the error passed out of user function `name` (defined in
    /// `source`), called at `site`.
    pub fn leaving(mut self, name: &str, site: Span, source: Option<Arc<Source>>) -> Self {
        let at = self
            .call_site
            .or(self.span.map(|s| s.start))
            .unwrap_or(site.start);
        self.called_from.push(Frame {
            name: name.to_string(),
            at,
            source,
        });
        self.call_site = Some(site.start);
        self
    }
    /// Attach `span` unless a more precise one is already known.
    pub fn at(mut self, span: Span) -> Self {
        self.span.get_or_insert(span);
        self
    }
}

/// Shorthand for an evaluation error with a formatted message.
#[macro_export]
macro_rules! bail {
    ($($arg:tt)*) => { return Err($crate::error::LaError::eval(format!($($arg)*))) };
}

/// A named piece of source text: a script file, `<input>` for -e, stdin and the REPL.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub name: String,
    pub text: String,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The name without folder and extension, as Octave names a script's
    /// frame (`hw3` for `dir/hw3.m`).
    pub fn stem(&self) -> String {
        std::path::Path::new(&self.name)
            .file_stem()
            .map_or(self.name.clone(), |s| s.to_string_lossy().into_owned())
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }
}

impl LaError {
    /// The source the error's span is in: the innermost function's (which
    /// may come from another file or an earlier input), else `top`, the
    /// input being run.
    pub fn origin<'a>(&'a self, top: &'a Source) -> &'a Source {
        match self.called_from.first().and_then(|f| f.source.as_deref()) {
            Some(src) => src,
            None => top,
        }
    }

    /// The call stack, innermost first: each user function the error passed
    /// through with the place in it where it failed, then the place in
    /// `top` (the input being run, named by its stem as Octave names a
    /// script) where the outermost one was called.
    pub fn stack(&self, top: &Source) -> Vec<Place> {
        let place = |name: &str, src: &Source, at: usize| {
            let (line, col) = src.line_col(at);
            Place {
                name: name.to_string(),
                file: src.name.clone(),
                line,
                col,
                elsewhere: src != top,
            }
        };
        let mut out: Vec<Place> = self
            .called_from
            .iter()
            .map(|f| place(&f.name, f.source.as_deref().unwrap_or(top), f.at))
            .collect();
        if let (Some(at), false) = (self.call_site, self.called_from.is_empty()) {
            out.push(place(&top.stem(), top, at));
        }
        out
    }
}

/// The `called from` notes under an error, innermost first as Octave lists
/// them (a runaway recursion shows its first few, and where it started):
/// the terminal, the Jupyter kernel's traceback. A function defined in
/// another file or input names it.
pub fn called_from_notes(e: &LaError, top: &Source) -> Vec<String> {
    const SHOWN: usize = 8;
    let stack = e.stack(top);
    let note = |p: &Place| {
        let whose = match (p.elsewhere, p.file == top.name) {
            (false, _) => String::new(),
            (true, true) => " (defined in an earlier input)".to_string(),
            (true, false) => format!(" of {}", p.file),
        };
        format!(
            "  called from {} at line {} column {}{whose}",
            p.name, p.line, p.col
        )
    };
    let mut notes: Vec<String> = stack.iter().take(SHOWN).map(note).collect();
    if stack.len() > SHOWN {
        notes.push(format!("  ... and {} more calls", stack.len() - SHOWN - 1));
        notes.extend(stack.last().map(note));
    }
    notes
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// Render a diagnostic about `span` in `src`:
/// ```text
/// error: 'y' undefined
///  --> <input>:1:5
///   |
/// 1 | x = y + 1
///   |     ^
/// ```
/// `wrap`: the terminal's width, to which the message is wrapped (`None`
/// when the output is read by a program, which wants one line).
pub fn render(
    sev: Severity,
    message: &str,
    span: Option<Span>,
    src: &Source,
    color: bool,
    wrap: Option<usize>,
) -> String {
    let label = match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let wrapped;
    let message = match wrap {
        Some(width) => {
            let hang = label.len() + 2;
            let text = wrap_hanging(&format!("{label}: {message}"), width, hang);
            wrapped = text[hang..].to_string();
            wrapped.as_str()
        }
        None => message,
    };
    let head = if color {
        let l = match sev {
            Severity::Error => label.red().bold(),
            Severity::Warning => label.yellow().bold(),
        };
        format!("{}{} {}", l, ":".bold(), message.bold())
    } else {
        format!("{label}: {message}")
    };
    let Some(span) = span else { return head };
    let (line, col) = src.line_col(span.start);
    let text = src.text.lines().nth(line - 1).unwrap_or("");
    let shown: String = text.chars().take(200).collect();
    let gutter = line.to_string().len();
    let pad = " ".repeat(gutter);
    let span_chars = src
        .text
        .get(span.start..span.end.min(src.text.len()))
        .map_or(1, |s| {
            s.split('\n').next().unwrap_or("").chars().count().max(1)
        });
    let count = span_chars.min(shown.chars().count().saturating_sub(col - 1).max(1));
    // The caret lines up on screen: a tab is copied (the terminal expands both
    // the same way), a wide character takes two columns, a zero-width one none.
    let prefix: String = shown
        .chars()
        .take(col - 1)
        .map(|c| match c {
            '\t' => "\t".to_string(),
            c => " ".repeat(display_width(c)),
        })
        .collect();
    let width: usize = shown
        .chars()
        .skip(col - 1)
        .take(count)
        .map(display_width)
        .sum::<usize>()
        .max(1);
    let caret = format!("{prefix}{}", "^".repeat(width));
    let (arrow, bar, caret) = if color {
        (
            "-->".blue().bold().to_string(),
            "|".blue().bold().to_string(),
            caret.red().bold().to_string(),
        )
    } else {
        ("-->".to_string(), "|".to_string(), caret)
    };
    format!(
        "{head}\n{pad}{arrow} {}:{line}:{col}\n{pad} {bar}\n{line} {bar} {shown}\n{pad} {bar} {caret}",
        src.name
    )
}

/// Columns a character takes on a terminal (0 for zero-width characters).
fn display_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `text` with each line longer than `width` columns broken at spaces, the
/// continuation indented like the line. A break never falls beside an
/// operator (`A*x = b` stays whole), inside quotes or backticks, nor inside
/// brackets unless between two plain words (`f(x, y)` stays whole, a remark
/// in parentheses may wrap), so a formula is never split; a line with no
/// safe break stays long.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let indent = line.len() - line.trim_start().len();
        wrap_line(line, width, indent, &mut out);
    }
    out
}

/// One line wrapped as `wrap` does, its continuation lines indented by `hang`
/// columns (under the text after a label such as `error: `).
pub fn wrap_hanging(line: &str, width: usize, hang: usize) -> String {
    let mut out = String::with_capacity(line.len());
    wrap_line(line, width, hang, &mut out);
    out
}

fn wrap_line(line: &str, width: usize, hang: usize, out: &mut String) {
    let indent = " ".repeat(hang);
    let mut rest = line;
    let mut room = width;
    while rest.chars().count() > room {
        let Some(at) = break_before(rest, room) else {
            break;
        };
        out.push_str(rest[..at].trim_end());
        out.push('\n');
        out.push_str(&indent);
        rest = rest[at..].trim_start();
        room = width.saturating_sub(hang).max(20);
    }
    out.push_str(rest);
}

/// The byte offset of the last safe break point at or before column `width`
/// (where `wrap` may start a new line, and a shortened text may end).
pub fn break_before(line: &str, width: usize) -> Option<usize> {
    let is_op = |w: &str| !w.is_empty() && w.chars().all(|c| "=+-*/\\^<>~!&|:.'->".contains(c));
    let mut depth = 0i32;
    let (mut tick, mut quote) = (false, false);
    let mut best = None;
    let indent = line.len() - line.trim_start().len();
    for (col, (i, c)) in line.char_indices().enumerate() {
        if col > width {
            break;
        }
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            '`' => tick = !tick,
            '"' => quote = !quote,
            ' ' if i > indent && !tick && !quote => {
                let before = line[..i].rsplit(' ').next().unwrap_or("");
                let after = line[i + 1..].split(' ').next().unwrap_or("");
                // A word of prose: two letters or more (a hyphen may join
                // them, as in ill-conditioned), at most an opening
                // parenthesis before and a comma or semicolon after.
                let plain = |w: &str| {
                    let w = w.trim_start_matches('(').trim_end_matches([',', ';']);
                    let joined = w.split('-').all(|p| !p.is_empty());
                    w.chars().count() > 1
                        && joined
                        && w.chars().all(|c| c.is_alphabetic() || c == '-')
                };
                let inside_ok = depth <= 0 || (plain(before) && plain(after));
                if inside_ok && !is_op(before) && !is_op(after) && !after.is_empty() {
                    best = Some(i + 1);
                }
            }
            _ => {}
        }
    }
    best
}
