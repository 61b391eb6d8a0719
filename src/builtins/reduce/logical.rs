//! Truth and search: `any`, `all`, `nnz` and `find` (indices, or rows,
//! columns and values).

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use super::dims::{all_form, along, pick_dim};
use crate::error::Result;
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "any",
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "any(x), any(A, dim), any(A, 'all')",
            summary: "True if any element (of each column) is non-zero.",
            math: &[],
            example: &[">> any([0 0 1])", "ans = 1"],
            related: &["all", "find"],
        },
        run: any,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "all",
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "all(x), all(A, dim), all(A, 'all')",
            summary: "True if every element (of each column) is non-zero.",
            math: &[],
            example: &[">> all([1 1 0])", "ans = 0"],
            related: &["any"],
        },
        run: all,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "find",
        min_args: 1,
        max_args: 2,
        max_out: 3,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "find(x), find(x, n), [r, c] = find(A), [r, c, v] = find(A)",
            summary: "Positions of non-zero elements (linear indices, or rows and columns, and their values v).",
            math: &[],
            example: &[">> find([0 3 0 5])", "ans =", "", "   2   4"],
            related: &["any", "nnz"],
        },
        run: find,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "nnz",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Norms,
            signature: "nnz(x)",
            summary: "Number of non-zero elements: the 'L0 norm' (not a true norm).",
            math: &["nnz(x) = #{i : x_i != 0} = norm(x, 0)"],
            example: &[">> nnz([1 0 2 0])", "ans = 2"],
            related: &["norm", "find"],
        },
        run: nnz,
        ..Builtin::DEFAULTS
    },
];

fn any(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    logical_fold(&all_form(a, 1)?, "any", false)
}

fn all(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    logical_fold(&all_form(a, 1)?, "all", true)
}

fn nnz(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::scalar(
        a.complex(0)?
            .iter()
            .filter(|z| z.re != 0.0 || z.im != 0.0)
            .count() as f64,
    ))
}

/// The truth of each element, with a NaN counting as `nan_is`: Octave's
/// `any` and `all` ignore NaN (false for any, true for all), `find` counts it.
fn truth<'a>(a: &'a Args, nan_is: bool) -> Result<std::borrow::Cow<'a, crate::value::BMat>> {
    use std::borrow::Cow;
    Ok(match a.num(0)? {
        Value::Real(m) => Cow::Owned(m.map(|x| if x.is_nan() { nan_is } else { x != 0.0 })),
        Value::Complex(m) => Cow::Owned(m.map(|z| {
            if z.re.is_nan() || z.im.is_nan() {
                nan_is
            } else {
                z.re != 0.0 || z.im != 0.0
            }
        })),
        _ => a.bool(0)?,
    })
}

fn logical_fold(a: &Args, what: &str, all: bool) -> Result<Vec<Value>> {
    let m = truth(a, all)?;
    // Only [] itself gives one answer; 0xN gives one per column, as Octave.
    if m.shape() == (0, 0) && a.len() == 1 {
        return one(Value::bool(all));
    }
    let dim = pick_dim(a, 1, m.shape(), what)?;
    one(Value::Bool(
        along(&m, dim, |mut it| {
            // `it` is a trait object, so call the iterator methods on the reference itself.
            if all {
                Iterator::all(&mut it, |b| b)
            } else {
                Iterator::any(&mut it, |b| b)
            }
        })
        .into(),
    ))
}

fn find(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let m = truth(&a, true)?;
    let limit = match a.get(1) {
        Some(_) => a.usize(1)?,
        None => usize::MAX,
    };
    let hits: Vec<usize> = m
        .iter()
        .enumerate()
        .filter(|(_, b)| **b)
        .map(|(k, _)| k)
        .take(limit)
        .collect();
    let (r, _) = m.shape();
    let shape = |v: Vec<f64>| {
        // As Octave: [] finds a 0x0 [], a row finds a row, all else a column.
        if m.shape() == (0, 0) {
            Value::empty()
        } else if m.nrows() == 1 && m.ncols() != 1 {
            Value::row(v)
        } else {
            Value::col(v)
        }
    };
    if a.nargout >= 2 {
        let rows = hits.iter().map(|k| (k % r + 1) as f64).collect();
        let cols = hits.iter().map(|k| (k / r + 1) as f64).collect();
        let mut out = vec![shape(rows), shape(cols)];
        if a.nargout >= 3 {
            // The values themselves, of the input's kind, shaped as the indices.
            let vals: Vec<Value> = hits.iter().map(|&k| a.vals[0].element(k)).collect();
            let v = crate::ops::index::concat(vec![vals])?;
            out.push(if m.nrows() == 1 && m.ncols() != 1 {
                v
            } else {
                crate::ops::transpose(&v, false)?
            });
        }
        return Ok(out);
    }
    one(shape(hits.iter().map(|k| (k + 1) as f64).collect()))
}
