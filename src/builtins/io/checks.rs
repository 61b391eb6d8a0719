//! Checks and messages: `assert`, `error` and `warning`, whose messages are
//! printf templates.

use super::super::ctx::Ctx;
use super::super::{Args, Builtin, Doc, Topic, MANY};
use super::printf::sprintf;
use crate::error::{LaError, Result};
use crate::value::format;
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "assert",
        min_args: 1,
        max_args: MANY,
        max_out: 0,
        doc: Doc {
            topic: Topic::Output,
            signature: "assert(cond), assert(cond, template, ...), assert(observed, expected, tol)",
            summary: concat!(
                "Error unless cond is true (with the formatted message when given), or ",
                "observed has expected's size and matches it within tol (negative tol: relative)."
            ),
            math: &["|observed - expected| <= tol, or <= |tol|*|expected| when tol < 0"],
            example: &[">> assert(norm([3 4]), 5)", ">> assert(pi, 3.1416, 1e-4)"],
            related: &["isequal"],
        },
        run: assert,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "error",
        min_args: 1,
        max_args: MANY,
        max_out: 0,
        doc: Doc {
            topic: Topic::Output,
            signature: "error(template, ...)",
            summary: "Stop with an error message.",
            math: &[],
            example: &[">> x = 1;"],
            related: &["assert"],
        },
        run: error_fn,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "warning",
        min_args: 1,
        max_args: MANY,
        max_out: 0,
        doc: Doc {
            topic: Topic::Output,
            signature: "warning(template, ...), warning(id, template, ...), warning('off', id)",
            summary: concat!(
                "Show a warning and go on; `warning('off', ...)` and `warning('on', ...)` are ",
                "accepted and change nothing."
            ),
            math: &[],
            example: &[">> warning('off', 'all')"],
            related: &["error"],
        },
        run: warning_fn,
        ..Builtin::DEFAULTS
    },
];

/// The index of the template: `error('pkg:id', 'fmt', ...)` starts with an
/// identifier (a word with a colon and no spaces), which is skipped.
fn template_start(a: &Args) -> usize {
    let is_id = |s: &str| {
        s.contains(':')
            && !s.ends_with(':')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_:-".contains(c))
    };
    match a.vals.first().and_then(|v| v.as_str()) {
        Some(s) if a.len() > 1 && is_id(s) => 1,
        _ => 0,
    }
}

fn error_fn(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let first = template_start(&a);
    let e = LaError::eval(sprintf(&a, first)?);
    Err(match a.str(0) {
        Some(id) if first == 1 => e.with_identifier(id),
        _ => e,
    })
}

fn warning_fn(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let head = a.vals[0].as_str().map(|s| s.to_ascii_lowercase());
    if matches!(head.as_deref(), Some("on" | "off" | "query" | "error")) {
        return Ok(Vec::new());
    }
    let first = template_start(&a);
    let msg = sprintf(&a, first)?;
    it.warn(&msg, a.span);
    Ok(Vec::new())
}

fn assert(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    // `assert(cond, template, ...)`: a text second argument after a condition
    // that is not text is a message, as Octave tells the two forms apart.
    let message_form = a.len() > 1 && a.vals[1].as_str().is_some() && a.vals[0].as_str().is_none();
    if a.len() == 1 || message_form {
        let ok = a.vals[0].is_true("assert")?;
        if !ok {
            if message_form {
                return Err(LaError::eval(sprintf(&a, 1)?));
            }
            return Err(LaError::eval("assert (cond) failed"));
        }
        return Ok(Vec::new());
    }
    if a.len() > 3 {
        return Err(LaError::eval(
            "assert: use assert(cond, template, ...) or assert(observed, expected, tol)",
        ));
    }
    let (obs, exp) = (&a.vals[0], &a.vals[1]);
    if let (Some(x), Some(y)) = (obs.as_str(), exp.as_str()) {
        if x != y {
            return Err(LaError::eval(format!(
                "assert: strings differ: '{x}' expected '{y}'"
            )));
        }
        return Ok(Vec::new());
    }
    let tol = a.opt_f64(2)?.unwrap_or(0.0);
    if obs.dims() != exp.dims() {
        return Err(LaError::eval(format!(
            "assert: dimensions do not agree (observed {}x{}, expected {}x{})",
            obs.dims().0,
            obs.dims().1,
            exp.dims().0,
            exp.dims().1
        )));
    }
    let (o, e) = (a.complex(0)?, a.complex(1)?);
    let worst = crate::ops::broadcast("assert", &o, &e, |x, y| {
        let err = (x - y).norm();
        let same_special = (x.re.is_nan() && y.re.is_nan()) || (x == y);
        if same_special {
            0.0
        } else if tol < 0.0 {
            err / y.norm()
        } else {
            err
        }
    })?;
    let bound = tol.abs();
    if let Some((k, d)) = worst
        .iter()
        .enumerate()
        .find(|(_, d)| d.is_nan() || **d > bound)
    {
        return Err(LaError::eval(format!(
            "assert (observed, expected, tol) failed: element {} differs by {} (tolerance {}{})",
            k + 1,
            format::short_number(*d),
            format::short_number(bound),
            if tol < 0.0 { ", relative" } else { "" }
        )));
    }
    Ok(Vec::new())
}
