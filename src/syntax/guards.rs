//! Limits and checks around parsing: bracket nesting and unclosed block
//! comments found before pest runs (so neither can exhaust the stack or
//! silently swallow code), and the depth of the built expression tree.

use crate::error::{LaError, Result};
use crate::syntax::ast::*;

/// Brackets nested deeper than this are refused before parsing, so neither
/// the parser nor the evaluator can run out of stack.
pub const MAX_NESTING: usize = 256;
/// Deepest expression tree accepted (long operator chains, `x''''...`).
pub const MAX_EXPR_DEPTH: usize = 2000;

/// Refuse an expression tree deeper than `MAX_EXPR_DEPTH` (walking it
/// later would overflow the stack), pointing at the innermost culprit.
pub(super) fn check_depth(e: &Expr) -> Result<()> {
    fn depth(e: &Expr, d: usize) -> std::result::Result<(), Span> {
        if d > MAX_EXPR_DEPTH {
            return Err(e.span);
        }
        let sub = |x: &Expr| depth(x, d + 1);
        match &e.kind {
            ExprKind::Binary(_, a, b) => sub(a).and(sub(b)),
            ExprKind::Unary(_, a) | ExprKind::Field(a, _) | ExprKind::PreIncr(_, a) => sub(a),
            ExprKind::Range(a, b, c) => sub(a).and(b.as_deref().map_or(Ok(()), sub)).and(sub(c)),
            ExprKind::Call(f, args) | ExprKind::CellIndex(f, args) => {
                sub(f).and(args.iter().try_for_each(|a| match a {
                    Arg::Expr(x) => sub(x),
                    Arg::Colon => Ok(()),
                }))
            }
            ExprKind::Matrix(rows) | ExprKind::Cell(rows) => {
                rows.iter().flatten().try_for_each(sub)
            }
            _ => Ok(()),
        }
    }
    depth(e, 0).map_err(|span| {
        LaError::parse(
            format!("expression nested too deeply (more than {MAX_EXPR_DEPTH} levels)"),
            span,
        )
    })
}

/// A `%{` line without its `%}` would silently comment out the rest of the
/// input (or, unmatched, run it as code): report it instead.
pub(super) fn check_block_comments(src: &str) -> Result<()> {
    let mut open: Vec<usize> = Vec::new();
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        match line.trim() {
            "%{" | "#{" => open.push(offset),
            "%}" | "#}" => {
                open.pop();
            }
            _ => {}
        }
        offset += line.len();
    }
    match open.first() {
        Some(&at) => Err(LaError::parse(
            "unterminated block comment: '%{' has no matching '%}'",
            Span::new(at, at + 2),
        )),
        None => Ok(()),
    }
}

/// Refuse bracket nesting beyond `MAX_NESTING` with a pointer at the culprit,
/// and return the brackets left open at the end (position, bracket).
/// Strings and comments are skipped by the same rules the grammar uses.
pub(super) fn check_nesting(src: &str) -> Result<Vec<(usize, u8)>> {
    let bytes = src.as_bytes();
    let mut open: Vec<(usize, u8)> = Vec::new();
    let mut i = 0;
    let mut prev = b' ';
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'%' | b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' => i = skip_string(bytes, i, b'"'),
            b'\'' if !(prev.is_ascii_alphanumeric() || b"_)]'.".contains(&prev)) => {
                i = skip_string(bytes, i, b'\'')
            }
            b'(' | b'[' | b'{' => {
                open.push((i, c));
                if open.len() > MAX_NESTING {
                    return Err(LaError::parse(
                        format!("brackets nested too deeply (more than {MAX_NESTING} levels)"),
                        Span::new(i, i + 1),
                    ));
                }
            }
            b')' | b']' | b'}' => {
                open.pop();
            }
            _ => {}
        }
        prev = c;
        i += 1;
    }
    Ok(open)
}

fn skip_string(b: &[u8], start: usize, q: u8) -> usize {
    let mut i = start + 1;
    while i < b.len() && b[i] != b'\n' {
        if b[i] == b'\\' && q == b'"' {
            i += 1;
        } else if b[i] == q {
            return i;
        }
        i += 1;
    }
    i.min(b.len().saturating_sub(1))
}
