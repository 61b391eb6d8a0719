//! Statistics of each column: `mean`, `median`, `mode`, `var` and `std`, exact for
//! exact input where the field holds the result (`std` only when the root
//! does); the statistic of nothing is NaN, as in Octave. Complex input
//! follows Octave: the median in its order (by modulus, then argument), the
//! variance of the moduli of the deviations.

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use super::dims::{all_form, along, one_field, pick_dim};
use super::order;
use crate::builtins::quad_linalg::in_one_field;
use crate::error::{LaError, Result};
use crate::exact::quad::sqrt_quad;
use crate::exact::{Quad, QuadMat, Rat};
use crate::linalg::{RMat, C64};
use crate::value::{NumKind, Value};
use nalgebra::DMatrix;
use num_traits::Zero;
use std::cmp::Ordering;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "mean",
        min_args: 1,
        max_args: 2,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "mean(x), mean(A, dim), mean(A, 'all')",
            summary: "Arithmetic mean (of each column of a matrix); exact input (fractions, sqrt(2), 1 + 2i) stays exact.",
            math: &["mean(x) = sum(x)/n"],
            example: &[">> mean([1 2; 3 4])", "ans =", "", "   2   3"],
            related: &["sum", "pca"],
        },
        run: mean,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "median",
        min_args: 1,
        max_args: 2,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "median(x), median(A, dim)",
            summary: concat!(
                "Middle value (of each column); the mean of the two middle values for ",
                "an even count. NaN if any entry is NaN. Complex values are ordered as ",
                "sort orders them (by modulus, then angle). Exact input (fractions, ",
                "sqrt(2), 1 + 2i) stays exact."
            ),
            math: &["median(x) = sorted(x)((n+1)/2), or the mean of the two middle entries"],
            example: &[
                ">> median([3 1 4 1 5])",
                "ans = 3",
                ">> median([1 2 3 4])",
                "ans = 5/2",
            ],
            related: &["mean", "sort"],
        },
        run: median,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "var",
        min_args: 1,
        max_args: 3,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "var(x), var(A, opt), var(A, opt, dim), var(A, opt, 'all')",
            summary: concat!(
                "Variance (of each column, or along dim), dividing by n - 1 (opt = 1: by n), ",
                "as Octave; real also for complex x. Exact input (fractions, sqrt(2), 1 + i) ",
                "stays exact."
            ),
            math: &["var(x) = sum(|x_i - mean(x)|^2) / (n - 1)"],
            example: &[
                ">> var([2 4 4 4 5 5 7 9])",
                "ans = 32/7",
                ">> var([1+i 2])",
                "ans = 1",
            ],
            related: &["std", "mean", "pca"],
        },
        run: var,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "std",
        min_args: 1,
        max_args: 3,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "std(x), std(A, opt), std(A, opt, dim), std(A, opt, 'all')",
            summary: concat!(
                "Standard deviation (of each column, or along dim), dividing by n - 1 ",
                "(opt = 1: by n); real also for complex x. ",
                "Exact for exact input when each root lies in a quadratic field (always ",
                "for fractions: std([1 3]) = sqrt(2)); otherwise floating point."
            ),
            math: &["std(x) = sqrt(var(x))"],
            example: &[">> std([2 4 4 4 5 5 7 9], 1)", "ans = 2", ">> std([1 3])", "ans = sqrt(2)"],
            related: &["var", "mean"],
        },
        run: std,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "mode",
        min_args: 1,
        max_args: 2,
        max_out: 3,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "mode(x), mode(A, dim), [m, f, c] = mode(...)",
            summary: concat!(
                "Most frequent value (of each column): the smallest of those that occur ",
                "most often, in sort's order (complex ones by modulus, then angle); f is ",
                "how often it occurs, c a cell of every value occurring that often (a ",
                "sorted column). Exact input stays exact; NaN never equals NaN. Empty ",
                "input gives empty results as Octave (mode([]) is [](1x0)); empty columns ",
                "of a non-empty result have no mode (an error)."
            ),
            math: &["f = max over values v of #{i : x_i = v}"],
            example: &[
                ">> [m, f] = mode([3 1 3 2 1])",
                "m = 1",
                "f = 2",
            ],
            related: &["median", "mean", "unique"],
        },
        run: mode,
        ..Builtin::DEFAULTS
    },
];

fn mean(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let a = all_form(a, 1)?;
    let v = a.num(0)?;
    let dim = pick_dim(&a, 1, v.dims(), "mean")?;
    if let Some(nan) = of_nothing(&a, v.dims(), dim) {
        return one(nan);
    }
    one(match v {
        Value::Exact(m) => Value::Exact(
            along(m, dim, |it| {
                let (s, n) = it.fold((Rat::zero(), 0i64), |(s, n), x| (s + x, n + 1));
                // n >= 1: `of_nothing` answered for empty lines
                s / Rat::from_i64(n)
            })
            .into(),
        ),
        Value::Quad(m) if one_field(m) => Value::quad(along(m, dim, |it| {
            let (s, n) = it.fold((Quad::zero(), 0i64), |(s, n), x| (s + x, n + 1));
            s * Quad::rat(Rat::one() / Rat::from_i64(n))
        })),
        Value::Complex(m) => Value::complex(along(m, dim, |it| {
            let (s, n) = it.fold((C64::new(0.0, 0.0), 0.0), |(s, n), x| (s + x, n + 1.0));
            s / n
        })),
        _ => Value::Real(
            along(&*v.to_real("mean")?, dim, |it| {
                let (s, n) = it.fold((0.0, 0.0), |(s, n), x| (s + x, n + 1.0));
                s / n
            })
            .into(),
        ),
    })
}

fn median(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let dim = pick_dim(&a, 1, v.dims(), "median")?;
    if let Some(nan) = of_nothing(&a, v.dims(), dim) {
        return one(nan);
    }
    if let Some((m, cmp)) = exact_entries(&a) {
        let half = ratio(1, 2);
        return one(Value::quad(along(&m, dim, |it| {
            middle(it.collect(), cmp, |x, y| &(x + y) * &half)
        })));
    }
    if v.num_kind() == Some(NumKind::Complex) {
        let nan = |z: &C64| z.re.is_nan() || z.im.is_nan();
        return one(Value::complex(along(&*a.complex(0)?, dim, |it| {
            let v: Vec<C64> = it.collect();
            match v.iter().any(nan) {
                true => C64::new(f64::NAN, 0.0),
                false => middle(v, order::complex, |x, y| (x + y) / 2.0),
            }
        })));
    }
    one(Value::Real(
        along(&*a.real(0)?, dim, |it| {
            let v: Vec<f64> = it.collect();
            match v.iter().any(|x| x.is_nan()) {
                true => f64::NAN,
                false => middle(v, f64::total_cmp, |x, y| (x + y) / 2.0),
            }
        })
        .into(),
    ))
}

/// Argument 0 as exact numbers of one field (rationals included) with
/// Octave's order of them (complex ones by modulus, then argument), for the
/// exact forms of the statistics; `None` for floats and entries of
/// different fields.
fn exact_entries(a: &Args) -> Option<(QuadMat, order::QuadOrder)> {
    let m = in_one_field(&[a.vals.first()?])?.pop()?;
    let cmp = order::quad(m.iter())?;
    Some((m, cmp))
}

/// The middle of some numbers in the order `cmp`: the middle one, or `mid`
/// of the two middle ones for an even count (the median).
fn middle<T: Clone>(
    mut v: Vec<T>,
    cmp: impl Fn(&T, &T) -> Ordering,
    mid: impl Fn(&T, &T) -> T,
) -> T {
    v.sort_by(cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2].clone()
    } else {
        mid(&v[n / 2 - 1], &v[n / 2])
    }
}

/// `p/q` as a quadratic number.
fn ratio(p: i64, q: i64) -> Quad {
    Quad::rat(Rat::from_i64(p) / Rat::from_i64(q))
}

fn mode(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let (r, c) = v.dims();
    // Octave's mode.m: the first dimension longer than 1 (not the first
    // non-singleton one of sum and mean), so mode(zeros(0, 3)) runs along rows.
    let dim = match a.get(1) {
        Some(_) => pick_dim(&a, 1, v.dims(), "mode")?,
        None if r <= 1 && c > 1 => 2,
        None => 1,
    };
    let along_len = match dim {
        1 => r,
        2 => c,
        _ => 1,
    };
    if along_len == 0 {
        return empty_mode(&a, (r, c), dim);
    }
    if let Some((m, cmp)) = exact_entries(&a) {
        return Ok(modes(&m, dim, cmp, Value::quad));
    }
    if v.num_kind() == Some(NumKind::Complex) {
        return Ok(modes(&*a.complex(0)?, dim, order::complex, Value::complex));
    }
    Ok(modes(&*a.real(0)?, dim, order::real, Value::real))
}

/// `mode` along an empty dimension, as Octave 7.3's mode.m: empty m, f and
/// c when there are no lines either (m and c with `dim` made 1, f with it
/// made at most 1: `[m, f] = mode([])` is `[](1x0)`, `[](0x0)`); an error
/// when there are lines, all empty, as Octave fails on them too
/// (`mode(zeros(0, 1))`): no value occurs in them.
fn empty_mode(a: &Args, (r, c): (usize, usize), dim: usize) -> Result<Vec<Value>> {
    let (m, f) = match dim {
        1 => ((1, c), (r.min(1), c)),
        _ => ((r, 1), (r, c.min(1))),
    };
    if m.0 * m.1 > 0 {
        return Err(LaError::eval(format!(
            "mode: the {r}x{c} input is empty along dimension {dim}: no value occurs, so there is no most frequent one"
        )));
    }
    Ok(vec![
        a.vals[0].reshaped(m.0, m.1, "mode")?,
        Value::real(RMat::zeros(f.0, f.1)),
        Value::cell_shaped(Vec::new(), m),
    ])
}

/// `mode` of each line of `m` (none is empty): the values that occur most
/// often, sorted by `cmp`, the first of them, and their count.
fn modes<T: nalgebra::Scalar>(
    m: &DMatrix<T>,
    dim: usize,
    cmp: impl Fn(&T, &T) -> Ordering,
    kind: fn(DMatrix<T>) -> Value,
) -> Vec<Value> {
    let lines = along(m, dim, |it| {
        let mut v: Vec<T> = it.collect();
        v.sort_by(&cmp);
        let mut runs: Vec<(T, usize)> = Vec::new();
        for x in v {
            match runs.last_mut() {
                Some((y, n)) if *y == x => *n += 1,
                _ => runs.push((x, 1)),
            }
        }
        let f = runs.iter().map(|r| r.1).max().unwrap_or(0);
        let most: Vec<T> = runs.into_iter().filter(|r| r.1 == f).map(|r| r.0).collect();
        (most, f)
    });
    let first = lines.map(|(most, _)| most[0].clone());
    let count = lines.map(|(_, f)| f as f64);
    let all = lines
        .iter()
        .map(|(most, _)| kind(DMatrix::from_vec(most.len(), 1, most.clone())))
        .collect();
    vec![
        kind(first),
        Value::real(count),
        Value::cell_shaped(all, lines.shape()),
    ]
}

fn var(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    spread(a, false)
}

fn std(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    spread(a, true)
}

/// The statistic of nothing is NaN, as in Octave: one NaN for `[]` with no
/// dimension given, else NaN in each place of the result when the lines
/// along `dim` are empty (`mean(zeros(0, 3))` is `[NaN NaN NaN]`).
/// `None` when there is something to reduce.
fn of_nothing(a: &Args, (r, c): (usize, usize), dim: usize) -> Option<Value> {
    if (r, c) == (0, 0) && a.len() == 1 {
        return Some(Value::scalar(f64::NAN));
    }
    let shape = match dim {
        1 if r == 0 => (1, c),
        2 if c == 0 => (r, 1),
        _ => return None,
    };
    Some(Value::Real(
        RMat::from_element(shape.0, shape.1, f64::NAN).into(),
    ))
}

/// var / std: the second argument 1 divides by n instead of n - 1, the
/// third is the dimension (or `'all'`).
fn spread(a: Args, root: bool) -> Result<Vec<Value>> {
    let a = all_form(a, 2)?;
    let by_n = match a.get(1) {
        Some(o) if o.is_empty() && o.as_str().is_none() => false,
        Some(_) => match a.f64(1)? {
            0.0 => false,
            1.0 => true,
            _ => return Err(a.wrong(1, "0 (divide by n - 1) or 1 (divide by n)")),
        },
        None => false,
    };
    let v = a.num(0)?;
    let dim = pick_dim(&a, 2, v.dims(), a.name)?;
    if let Some(nan) = of_nothing(&a, v.dims(), dim) {
        return one(nan);
    }
    if let Some((m, _)) = exact_entries(&a) {
        let var = along(&m, dim, |it| exact_variance(it.collect(), by_n));
        return one(if root {
            exact_roots(var)
        } else {
            Value::quad(var)
        });
    }
    one(Value::Real(
        along(&*a.complex(0)?, dim, |it| {
            let var = float_variance(it.collect(), by_n);
            if root {
                var.sqrt()
            } else {
                var
            }
        })
        .into(),
    ))
}

/// The variance of real or complex doubles, `sum |x_i - mean|^2` over
/// n - 1 (over n when `by_n` or n = 1, so one Inf or NaN gives NaN, as Octave).
fn float_variance(v: Vec<C64>, by_n: bool) -> f64 {
    let n = v.len() as f64;
    let mean = v.iter().sum::<C64>() / n;
    let ss: f64 = v.iter().map(|x| (x - mean).norm_sqr()).sum();
    ss / if by_n || n == 1.0 { n } else { n - 1.0 }
}

/// The variance of numbers of one field, in the field: `|d|^2` is `d`
/// times its complex conjugate (`d^2` for real d), a rational for
/// complex fields.
fn exact_variance(v: Vec<Quad>, by_n: bool) -> Quad {
    let n = v.len() as i64;
    if n == 1 {
        return Quad::zero();
    }
    let mean = v.iter().fold(Quad::zero(), |s, x| s + x.clone()) * ratio(1, n);
    let ss = v.iter().fold(Quad::zero(), |s, x| {
        let d = x - &mean;
        s + &d * &d.conj_complex()
    });
    ss * ratio(1, if by_n { n } else { n - 1 })
}

/// `std` from exact variances: exact when every root lies in a quadratic
/// field (that of a rational always does), else the roots of their doubles.
fn exact_roots(var: QuadMat) -> Value {
    let root = |q: &Quad| {
        if q.is_zero() {
            Some(Quad::zero())
        } else {
            sqrt_quad(q)
        }
    };
    match var.iter().map(root).collect::<Option<Vec<Quad>>>() {
        Some(r) => Value::quad(QuadMat::from_vec(var.nrows(), var.ncols(), r)),
        None => Value::Real(var.map(|q| q.re_f64().sqrt()).into()),
    }
}
