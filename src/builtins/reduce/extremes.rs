//! Extremes and order: `max` and `min` (of each column, of two arrays, or
//! of all) with their positions, and `sort`; NaN and complex values are
//! ordered as Octave orders them, exact values (real quadratic numbers of
//! one field too) exactly.

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use super::dims::{all_form, along, pick_dim};
use super::order;
use crate::error::{LaError, Result};
use crate::exact::{Quad, Rat, RatMat};
use crate::linalg::{CMat, RMat, C64};
use crate::value::{NumKind, Value};
use nalgebra::DMatrix;
use std::cmp::Ordering;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "max",
        quad_aware: true,
        min_args: 1,
        max_args: 3,
        max_out: 2,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "max(x), [m, i] = max(x), max(a, b), max(A, [], dim), max(A, [], 'all')",
            summary: concat!(
                "Largest element (of each column), or element-wise larger of two ",
                "arrays. NaN is ignored. Complex values compare by modulus, then by ",
                "angle (two arrays: by modulus, the first kept on a tie), as Octave; ",
                "exact input, real square roots of one field included, is compared ",
                "exactly and stays exact."
            ),
            math: &["max(x) = x_i with x_i >= x_j for all j"],
            example: &[
                ">> max([3 -1 7])",
                "ans = 7",
                ">> max([sqrt(2) 7/5])",
                "ans = sqrt(2)",
            ],
            related: &["min", "sort"],
        },
        run: max,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "min",
        quad_aware: true,
        min_args: 1,
        max_args: 3,
        max_out: 2,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "min(x), [m, i] = min(x), min(a, b), min(A, [], dim), min(A, [], 'all')",
            summary: concat!(
                "Smallest element (of each column), or element-wise smaller of two ",
                "arrays. NaN is ignored. Complex values compare by modulus, then by ",
                "angle (two arrays: by modulus, the first kept on a tie), as Octave; ",
                "exact input is compared exactly and stays exact."
            ),
            math: &["min(x) = x_i with x_i <= x_j for all j"],
            example: &[">> min([3 -1 7])", "ans = -1"],
            related: &["max", "sort"],
        },
        run: min,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "sort",
        quad_aware: true,
        min_args: 1,
        max_args: 3,
        max_out: 2,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "sort(x), sort(x, 'descend'), sort(A, dim, 'ascend'), [s, i] = sort(x)",
            summary: concat!(
                "Sort ascending (or descending) along columns; the second output holds ",
                "the original positions. Complex values sort by modulus, then by angle ",
                "in (-pi, pi], as Octave; NaN goes last (first descending); exact input ",
                "is compared exactly and stays exact. A string sorts its characters by ",
                "code (the result a string), a cell of strings its strings."
            ),
            math: &["s = x(i) with s_1 <= s_2 <= ..."],
            example: &[
                ">> sort([3 1 2], 'descend')",
                "ans =",
                "",
                "   3   2   1",
                "",
                ">> sort('hello')",
                "ans = ehllo",
                ">> [s, i] = sort([2i, -1, 1])",
                "s =",
                "",
                "   1 + 0i  -1 + 0i   0 + 2i",
                "",
                "i =",
                "",
                "   3   2   1",
                "",
            ],
            related: &["max", "min", "unique"],
        },
        run: sort,
        ..Builtin::DEFAULTS
    },
];

fn max(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    extreme(all_form(a, 2)?, "max", Ordering::Greater)
}

fn min(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    extreme(all_form(a, 2)?, "min", Ordering::Less)
}

/// The order of min and max, as Octave's: real values by value, complex
/// ones by modulus and then phase angle. A NaN entry has a NaN key.
fn order_key(z: C64, complex: bool) -> (f64, f64) {
    if complex {
        (z.norm(), z.arg())
    } else {
        (z.re, 0.0)
    }
}

/// The result of min/max: complex if an input was, else real.
fn extreme_value(m: CMat, complex: bool) -> Value {
    if complex {
        Value::complex(m)
    } else {
        Value::Real(m.map(|z| z.re).into())
    }
}

fn extreme(a: Args, what: &str, want: Ordering) -> Result<Vec<Value>> {
    let better = |x: (f64, f64), y: (f64, f64)| x.partial_cmp(&y) == Some(want);
    let is_complex = |k: usize| a.get(k).and_then(Value::num_kind) == Some(NumKind::Complex);
    if a.len() >= 2 && !a.vals[1].is_empty() {
        if a.len() == 3 {
            return Err(LaError::eval(format!(
                "{what}: a dimension goes with one array: {what}(A, [], dim), not {what}(a, b, dim)"
            )));
        }
        if let Some((x, y)) = exact_pair(&a) {
            let pick = |p: &Rat, q: &Rat| if q.cmp(p) == want { q } else { p }.clone();
            return one(Value::exact(crate::ops::broadcast(what, &x, &y, pick)?));
        }
        if let Some(v) = quad_pair(&a, what, want)? {
            return one(v);
        }
        let cx = is_complex(0) || is_complex(1);
        let (x, y) = (a.complex(0)?, a.complex(1)?);
        // NaN loses to any number; complex numbers of one modulus keep
        // the first (Octave compares only moduli here).
        let pick = |p: &C64, q: &C64| {
            let (kp, kq) = ((order_key(*p, cx).0, 0.0), (order_key(*q, cx).0, 0.0));
            if kq.0.is_nan() || (!kp.0.is_nan() && !better(kq, kp)) {
                *p
            } else {
                *q
            }
        };
        let m = crate::ops::broadcast(what, &x, &y, pick)?;
        return one(extreme_value(m, cx));
    }
    let cx = is_complex(0);
    let m = a.complex(0)?;
    let dim = pick_dim(&a, 2, m.shape(), what)?;
    if m.is_empty() {
        // As Octave: the reduced dimension becomes 1 only if it was not 0
        // (max(zeros(3, 0)) is 1x0, max(zeros(0, 3)) stays 0x3).
        let (r, c) = m.shape();
        let shape = match dim {
            1 => (r.min(1), c),
            2 => (r, c.min(1)),
            _ => (r, c),
        };
        let empty = || Value::Real(RMat::zeros(shape.0, shape.1).into());
        return Ok(vec![empty(), empty()]);
    }
    if let Value::Exact(e) = &a.vals[0] {
        let (v, i) = exact_extreme(e, dim, want, Rat::cmp);
        return Ok(vec![Value::exact(v), i]);
    }
    if let Value::Quad(q) = &a.vals[0] {
        if let Some(cmp) = order::quad(q.iter()) {
            let (v, i) = exact_extreme(q, dim, want, cmp);
            return Ok(vec![Value::quad(v), i]);
        }
    }
    if dim > 2 {
        let ones = RMat::from_element(m.nrows(), m.ncols(), 1.0);
        return Ok(vec![
            extreme_value(m.into_owned(), cx),
            Value::Real(ones.into()),
        ]);
    }
    let best = |it: &mut dyn Iterator<Item = (usize, C64)>| {
        it.fold((usize::MAX, (f64::NAN, 0.0)), |(bi, bk), (i, z)| {
            let k = order_key(z, cx);
            if k.0.is_nan() || (!bk.0.is_nan() && !better(k, bk)) {
                (if bi == usize::MAX { i } else { bi }, bk)
            } else {
                (i, k)
            }
        })
    };
    let (r, c) = m.shape();
    // (row, column) of the pick in each column (dim 1) or row (dim 2); an
    // all-NaN line picks its first entry.
    let picks: Vec<(usize, usize)> = match dim {
        1 => (0..c)
            .map(|j| {
                (
                    best(&mut m.column(j).iter().copied().enumerate())
                        .0
                        .min(r - 1),
                    j,
                )
            })
            .collect(),
        _ => (0..r)
            .map(|i| {
                (
                    i,
                    best(&mut m.row(i).iter().copied().enumerate()).0.min(c - 1),
                )
            })
            .collect(),
    };
    let shape = if dim == 1 { (1, c) } else { (r, 1) };
    let vals = CMat::from_fn(shape.0, shape.1, |i, j| m[picks[i + j]]);
    let idx = RMat::from_fn(shape.0, shape.1, |i, j| {
        let (p, q) = picks[i + j];
        (if dim == 1 { p } else { q } + 1) as f64
    });
    Ok(vec![extreme_value(vals, cx), Value::Real(idx.into())])
}

/// Both arguments of `max(a, b)` as rationals, when one is exact and the
/// other exact or logical.
fn exact_pair(a: &Args) -> Option<(std::borrow::Cow<'_, RatMat>, std::borrow::Cow<'_, RatMat>)> {
    let exact = |k: usize| matches!(a.vals[k], Value::Exact(_));
    if !exact(0) && !exact(1) {
        return None;
    }
    Some((a.vals[0].to_exact()?, a.vals[1].to_exact()?))
}

/// `max(a, b)` of quadratic numbers, exactly, when either is one and all
/// entries lie in one field (`None` otherwise: floating point decides).
/// Complex ones compare by modulus only, the first kept on a tie, as Octave.
fn quad_pair(a: &Args, what: &str, want: Ordering) -> Result<Option<Value>> {
    if !a.vals[..2].iter().any(|v| matches!(v, Value::Quad(_))) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (a.vals[0].to_quad(), a.vals[1].to_quad()) else {
        return Ok(None);
    };
    let Some(mut cmp) = order::quad(x.iter().chain(y.iter())) else {
        return Ok(None);
    };
    if x.iter().chain(y.iter()).any(|q| !q.is_real()) {
        cmp = |p, q| p.norm().cmp(&q.norm());
    }
    let pick = |p: &Quad, q: &Quad| if cmp(q, p) == want { q } else { p }.clone();
    Ok(Some(Value::quad(crate::ops::broadcast(
        what, &x, &y, pick,
    )?)))
}

/// min/max of each column (dim 1) or row (dim 2) of a non-empty exact
/// matrix in the order `cmp`, and the position of the first extreme entry.
fn exact_extreme<T: nalgebra::Scalar>(
    m: &DMatrix<T>,
    dim: usize,
    want: Ordering,
    cmp: impl Fn(&T, &T) -> Ordering,
) -> (DMatrix<T>, Value) {
    let picks = along(m, dim, |it| {
        let mut best: Option<(T, f64)> = None;
        for (i, x) in it.enumerate() {
            if best.as_ref().is_none_or(|(b, _)| cmp(&x, b) == want) {
                best = Some((x, (i + 1) as f64));
            }
        }
        best.unwrap_or_else(|| (m[0].clone(), 1.0))
    });
    (picks.map(|p| p.0), Value::Real(picks.map(|p| p.1).into()))
}

/// `sort`: numbers; a string's characters by their codes (the result a
/// string); a cell of strings in character-code order (the result a cell).
fn sort(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    sort_value(a)
}

fn sort_value(mut a: Args) -> Result<Vec<Value>> {
    let mut descend = false;
    for k in 1..a.len() {
        if a.vals[k].as_str().is_some() {
            descend = a.option(k, &["ascend", "descend"])? == Some("descend");
        }
    }
    match &a.vals[0] {
        Value::Str(s) => {
            a.vals[0] = Value::Str(s.clone()).codes().into_owned();
            let mut out = sort_value(a)?;
            let text: Option<String> = out[0]
                .to_real("sort")?
                .iter()
                .map(|&c| char::from_u32(c as u32))
                .collect();
            out[0] = Value::Str(text.ok_or_else(|| LaError::internal("sorted character"))?);
            return Ok(out);
        }
        Value::Cell(_) => return super::super::cells::sort_cellstr(&a, descend),
        _ => {}
    }
    let dim_arg = a.vals[1..]
        .iter()
        .position(|v| v.as_str().is_none())
        .map(|p| p + 1);
    let dim = match dim_arg {
        Some(k) => pick_dim(&a, k, a.num(0)?.dims(), "sort")?,
        None if a.num(0)?.dims().0 == 1 => 2,
        None => 1,
    };
    if dim > 2 {
        return Err(LaError::eval(format!(
            "sort: invalid dimension {dim}: sort(A, 1) sorts each column, sort(A, 2) each row"
        )));
    }
    let dir = |o: Ordering| if descend { o.reverse() } else { o };
    let exact = match &a.vals[0] {
        Value::Exact(m) => {
            let (s, i) = sort_lines(m, dim, |x, y| dir(x.cmp(y)));
            Some((Value::Exact(s.into()), i))
        }
        Value::Quad(m) => order::quad(m.iter()).map(|cmp| {
            let (s, i) = sort_lines(m, dim, |x, y| dir(cmp(x, y)));
            (Value::quad(s), i)
        }),
        _ => None,
    };
    // NaN sorts last ascending and first descending, as in Octave.
    let (out, idx) = match exact {
        Some(sorted) => sorted,
        None if a.num(0)?.num_kind() == Some(NumKind::Complex) => {
            let (s, i) = sort_lines(&*a.complex(0)?, dim, |x, y| dir(order::complex(x, y)));
            (Value::Complex(s.into()), i)
        }
        None => {
            let (s, i) = sort_lines(&*a.real(0)?, dim, |x, y| dir(order::real(x, y)));
            (Value::Real(s.into()), i)
        }
    };
    Ok(vec![out, Value::Real(idx.into())])
}

/// Each column (dim 1) or row (dim 2) of `m` sorted stably by `cmp`, with
/// the 1-based original positions.
fn sort_lines<T: nalgebra::Scalar>(
    m: &DMatrix<T>,
    dim: usize,
    cmp: impl Fn(&T, &T) -> Ordering,
) -> (DMatrix<T>, RMat) {
    let mut out = m.clone();
    let mut idx = RMat::zeros(m.nrows(), m.ncols());
    let lines = if dim == 1 { m.ncols() } else { m.nrows() };
    for l in 0..lines {
        let mut items: Vec<(usize, T)> = if dim == 1 {
            m.column(l).iter().cloned().enumerate().collect()
        } else {
            m.row(l).iter().cloned().enumerate().collect()
        };
        items.sort_by(|x, y| cmp(&x.1, &y.1));
        for (k, (i, x)) in items.into_iter().enumerate() {
            let pos = if dim == 1 { (k, l) } else { (l, k) };
            out[pos] = x;
            idx[pos] = (i + 1) as f64;
        }
    }
    (out, idx)
}
