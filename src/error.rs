//! Errors and warnings, each carrying the span it is about, rendered in one
//! place in the rustc layout (`error: msg` / ` --> file:line:col` / caret).

use colored::Colorize;

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
}

pub type Result<T> = std::result::Result<T, LaError>;

impl LaError {
    pub fn eval(message: impl Into<String>) -> Self {
        LaError {
            kind: ErrorKind::Eval,
            message: message.into(),
            span: None,
        }
    }
    pub fn parse(message: impl Into<String>, span: Span) -> Self {
        LaError {
            kind: ErrorKind::Parse,
            message: message.into(),
            span: Some(span),
        }
    }
    pub fn interrupted() -> Self {
        LaError {
            kind: ErrorKind::Interrupted,
            message: "interrupted".into(),
            span: None,
        }
    }
    /// Ctrl-C during a built-in running on a worker thread, which is left to finish unseen.
    pub fn interrupted_abandoned() -> Self {
        LaError {
            kind: ErrorKind::Interrupted,
            message: "interrupted: the computation was abandoned; every variable is kept".into(),
            span: None,
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
        }
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
#[derive(Debug, Clone)]
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

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }
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
pub fn render(
    sev: Severity,
    message: &str,
    span: Option<Span>,
    src: &Source,
    color: bool,
) -> String {
    let label = match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
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
