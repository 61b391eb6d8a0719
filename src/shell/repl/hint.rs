//! Greyed text after the cursor: inside an unclosed call such as `eig(` the
//! function's call forms, otherwise the rest of a matching history entry.

use super::names::Names;
use crate::syntax::lex::{tokenize, Kind};
use rustyline::hint::{Hint, Hinter, HistoryHinter};
use rustyline::Context;

pub struct LaHint {
    display: String,
    /// What the right arrow inserts: the history remainder, never a signature.
    completion: Option<String>,
}

impl Hint for LaHint {
    fn display(&self) -> &str {
        &self.display
    }
    fn completion(&self) -> Option<&str> {
        self.completion.as_deref()
    }
}

/// The hint for `full` (earlier lines of the input plus the current line),
/// with the cursor at the end of the current line `line`.
pub fn hint(
    full: &str,
    line: &str,
    pos: usize,
    ctx: &Context<'_>,
    names: &Names,
) -> Option<LaHint> {
    if pos < line.len() {
        return None;
    }
    if let Some(sig) = signature_hint(full, names) {
        return Some(LaHint {
            display: format!("  {sig}"),
            completion: None,
        });
    }
    if line.trim().is_empty() {
        return None;
    }
    // A multi-line entry cannot be shown after the cursor on one line.
    let rest = HistoryHinter::new().hint(line, pos, ctx)?;
    (!rest.contains('\n')).then(|| LaHint {
        display: rest.clone(),
        completion: Some(rest),
    })
}

/// The call forms of the innermost unclosed call of a known function in `src`.
/// `norm(A(1,` is inside `A(` (an index) and inside `norm(`: the hint is norm's.
pub fn signature_hint(src: &str, names: &Names) -> Option<String> {
    let tokens = tokenize(src);
    let mut open: Vec<usize> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            Kind::Open => open.push(i),
            Kind::Close => {
                open.pop();
            }
            _ => {}
        }
    }
    open.iter().rev().find_map(|&i| {
        if tokens[i].text(src) != "(" {
            return None;
        }
        let callee = tokens[..i].iter().rev().find(|t| t.kind != Kind::Space)?;
        let name = callee.text(src);
        if callee.kind != Kind::Ident || names.is_var(name) {
            return None;
        }
        names.signature(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_inside_a_call() {
        let n = Names::with_vars(&["A"]);
        let abs = crate::builtins::lookup("abs").map(|b| b.doc.signature.to_string());
        assert_eq!(signature_hint("abs(", &n), abs);
        assert_eq!(signature_hint("y = abs(A(1, ", &n), abs);
        assert_eq!(signature_hint("abs(A) + 1", &n), None);
        assert_eq!(signature_hint("A(", &n), None);
        assert_eq!(signature_hint("nosuchfn(", &n), None);
        assert_eq!(signature_hint("abs('(", &n), abs);
    }

    #[test]
    fn user_function_signature() {
        let n = Names {
            funcs: vec!["f".into()],
            func_sigs: [("f".to_string(), "[q, r] = f(a, b)".to_string())].into(),
            ..Names::default()
        };
        assert_eq!(
            signature_hint("f(1, ", &n).as_deref(),
            Some("[q, r] = f(a, b)")
        );
    }
}
