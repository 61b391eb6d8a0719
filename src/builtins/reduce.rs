//! Reductions along a dimension (sum, prod, mean, max, ...), sorting and search.
//! As in Octave, a vector reduces to a scalar and a matrix column by column
//! unless a dimension is given.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Doc, Topic};
use crate::error::{LaError, Result};
use crate::exact::Rat;
use crate::linalg::{CMat, RMat, C64};
use crate::value::Value;
use std::cmp::Ordering;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "diff",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "diff(x)",
            summary: "Differences of neighbours (down each column of a matrix).",
            math: &["diff(x)_k = x_(k+1) - x_k"],
            example: &[">> diff([1 4 9 16])", "ans =", "", "   3   5   7"],
            related: &["cumsum", "sum"],
        },
        run: diff,
    },
    Builtin {
        name: "sum",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "sum(x), sum(A, dim), sum(A, 'all')",
            summary: "Sum of elements (of each column of a matrix).",
            math: &["sum(x) = x_1 + ... + x_n"],
            example: &[
                ">> sum([1 2; 3 4])",
                "ans =",
                "",
                "   4   6",
                "",
                ">> sum([1 2; 3 4], 'all')",
                "ans = 10",
            ],
            related: &["prod", "cumsum", "mean"],
        },
        run: sum,
    },
    Builtin {
        name: "prod",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "prod(x), prod(A, dim), prod(A, 'all')",
            summary: "Product of elements (of each column of a matrix).",
            math: &["prod(x) = x_1 * ... * x_n"],
            example: &[">> prod([1 2 3 4])", "ans = 24"],
            related: &["sum", "det"],
        },
        run: prod,
    },
    Builtin {
        name: "mean",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "mean(x), mean(A, dim), mean(A, 'all')",
            summary: "Arithmetic mean (of each column of a matrix).",
            math: &["mean(x) = sum(x)/n"],
            example: &[">> mean([1 2; 3 4])", "ans =", "", "   2   3"],
            related: &["sum", "pca"],
        },
        run: mean,
    },
    Builtin {
        name: "median",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "median(x), median(A, dim)",
            summary: concat!(
                "Middle value (of each column); the mean of the two middle values for ",
                "an even count. NaN if any entry is NaN."
            ),
            math: &["median(x) = sorted(x)((n+1)/2), or the mean of the two middle entries"],
            example: &[
                ">> median([3 1 4 1 5])",
                "ans = 3",
                ">> median([1 2 3 4])",
                "ans = 2.5000",
            ],
            related: &["mean", "sort"],
        },
        run: median,
    },
    Builtin {
        name: "var",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "var(x), var(A, opt)",
            summary: "Variance (of each column), dividing by n - 1 (opt = 1: by n), as Octave.",
            math: &["var(x) = sum((x_i - mean(x))^2) / (n - 1)"],
            example: &[">> var([2 4 4 4 5 5 7 9])", "ans = 4.5714"],
            related: &["std", "mean", "pca"],
        },
        run: var,
    },
    Builtin {
        name: "std",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "std(x), std(A, opt)",
            summary: "Standard deviation (of each column), dividing by n - 1 (opt = 1: by n).",
            math: &["std(x) = sqrt(var(x))"],
            example: &[">> std([2 4 4 4 5 5 7 9], 1)", "ans = 2"],
            related: &["var", "mean"],
        },
        run: std,
    },
    Builtin {
        name: "cumsum",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "cumsum(x), cumsum(A, dim)",
            summary: "Running sums.",
            math: &["cumsum(x)_k = x_1 + ... + x_k"],
            example: &[">> cumsum([1 2 3])", "ans =", "", "   1   3   6"],
            related: &["sum", "cumprod"],
        },
        run: cumsum,
    },
    Builtin {
        name: "cumprod",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "cumprod(x), cumprod(A, dim)",
            summary: "Running products.",
            math: &["cumprod(x)_k = x_1 * ... * x_k"],
            example: &[">> cumprod([1 2 3])", "ans =", "", "   1   2   6"],
            related: &["prod", "cumsum"],
        },
        run: cumprod,
    },
    Builtin {
        name: "max",
        min_args: 1,
        max_args: 3,
        max_out: 2,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "max(x), [m, i] = max(x), max(a, b), max(A, [], dim), max(A, [], 'all')",
            summary: concat!(
                "Largest element (of each column), or element-wise larger of two ",
                "arrays. NaN is ignored. Complex values compare by modulus, then by ",
                "angle, as Octave."
            ),
            math: &["max(x) = x_i with x_i >= x_j for all j"],
            example: &[">> max([3 -1 7])", "ans = 7"],
            related: &["min", "sort"],
        },
        run: max,
    },
    Builtin {
        name: "min",
        min_args: 1,
        max_args: 3,
        max_out: 2,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "min(x), [m, i] = min(x), min(a, b), min(A, [], dim), min(A, [], 'all')",
            summary: concat!(
                "Smallest element (of each column), or element-wise smaller of two ",
                "arrays. NaN is ignored. Complex values compare by modulus, then by ",
                "angle, as Octave."
            ),
            math: &["min(x) = x_i with x_i <= x_j for all j"],
            example: &[">> min([3 -1 7])", "ans = -1"],
            related: &["max", "sort"],
        },
        run: min,
    },
    Builtin {
        name: "sort",
        min_args: 1,
        max_args: 3,
        max_out: 2,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "sort(x), sort(x, 'descend'), sort(A, dim, 'ascend'), [s, i] = sort(x)",
            summary: concat!(
                "Sort ascending (or descending) along columns; the second output holds ",
                "the original positions. A string sorts its characters by code (the ",
                "result a string), a cell of strings its strings."
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
            ],
            related: &["max", "min"],
        },
        run: sort,
    },
    Builtin {
        name: "any",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "any(x), any(A, dim), any(A, 'all')",
            summary: "True if any element (of each column) is non-zero.",
            math: &[],
            example: &[">> any([0 0 1])", "ans = 1"],
            related: &["all", "find"],
        },
        run: any,
    },
    Builtin {
        name: "all",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "all(x), all(A, dim), all(A, 'all')",
            summary: "True if every element (of each column) is non-zero.",
            math: &[],
            example: &[">> all([1 1 0])", "ans = 0"],
            related: &["any"],
        },
        run: all,
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
    },
    Builtin {
        name: "nnz",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        doc: Doc {
            topic: Topic::Norms,
            signature: "nnz(x)",
            summary: "Number of non-zero elements: the 'L0 norm' (not a true norm).",
            math: &["nnz(x) = #{i : x_i != 0} = norm(x, 0)"],
            example: &[">> nnz([1 0 2 0])", "ans = 2"],
            related: &["norm", "find"],
        },
        run: nnz,
    },
];

fn sum(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    fold(&all_form(a, 1)?, "sum", 0.0, |s, x| s + x)
}

fn prod(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    fold(&all_form(a, 1)?, "prod", 1.0, |s, x| s * x)
}

fn median(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    statistic(&a, "median", median_of)
}

fn var(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    spread(&a, false)
}

fn std(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    spread(&a, true)
}

fn cumsum(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    scan(&a, "cumsum", |s, x| s + x)
}

fn cumprod(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    scan(&a, "cumprod", |s, x| s * x)
}

fn max(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    extreme(all_form(a, 2)?, "max", Ordering::Greater)
}

fn min(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    extreme(all_form(a, 2)?, "min", Ordering::Less)
}

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

/// The `'all'` form (`sum(A, 'all')`, `max(A, [], 'all')`, option at
/// argument `k`): the same reduction of the column `A(:)` along dimension 1.
fn all_form(mut a: Args, k: usize) -> Result<Args> {
    if a.str(k).is_some() {
        if a.option(k, &["all"]).is_err() {
            return Err(a.wrong(k, "a dimension number or 'all'"));
        }
        let n = a.num(0)?.numel();
        a.vals[0] = a.vals[0].reshaped(n, 1, a.name)?;
        a.vals[k] = Value::scalar(1.0);
    }
    Ok(a)
}

/// Which dimension to reduce: the given one, else the first non-singleton.
fn pick_dim(a: &Args, k: usize, dims: (usize, usize), what: &str) -> Result<usize> {
    match a.get(k) {
        Some(_) => match a.usize(k)? {
            d @ (1 | 2) => Ok(d),
            d if d > 2 => Ok(d),
            _ => Err(LaError::eval(format!(
                "{what}: DIM must be a valid dimension"
            ))),
        },
        None => Ok(if dims.0 == 1 { 2 } else { 1 }),
    }
}

/// Reduce each column (dim 1) or row (dim 2) of `m` with `f`.
fn along<T: nalgebra::Scalar, R: nalgebra::Scalar>(
    m: &nalgebra::DMatrix<T>,
    dim: usize,
    f: impl Fn(&mut dyn Iterator<Item = T>) -> R,
) -> nalgebra::DMatrix<R> {
    let (r, c) = m.shape();
    match dim {
        1 => nalgebra::DMatrix::from_fn(1, c, |_, j| f(&mut m.column(j).iter().cloned())),
        2 => nalgebra::DMatrix::from_fn(r, 1, |i, _| f(&mut m.row(i).iter().cloned())),
        _ => nalgebra::DMatrix::from_fn(r, c, |i, j| f(&mut std::iter::once(m[(i, j)].clone()))),
    }
}

fn fold(a: &Args, what: &str, init: f64, f: fn(f64, f64) -> f64) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let dim = pick_dim(a, 1, v.dims(), what)?;
    if v.dims() == (0, 0) && a.len() == 1 {
        return one(Value::scalar(init));
    }
    one(match v {
        Value::Exact(m) => {
            let start = Rat::from_i64(init as i64);
            let sum = init == 0.0;
            Value::Exact(
                along(m, dim, |it| {
                    it.fold(start.clone(), |s, x| if sum { s + x } else { s * x })
                })
                .into(),
            )
        }
        Value::Complex(m) => {
            let g = |s: C64, x: C64| if init == 0.0 { s + x } else { s * x };
            Value::complex(along(m, dim, |it| it.fold(C64::new(init, 0.0), &g)))
        }
        _ => Value::Real(along(&*v.to_real(what)?, dim, |it| it.fold(init, f)).into()),
    })
}

fn mean(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let a = all_form(a, 1)?;
    let v = a.num(0)?;
    let dim = pick_dim(&a, 1, v.dims(), "mean")?;
    if v.is_empty() && a.len() == 1 {
        return one(Value::scalar(f64::NAN));
    }
    one(match v {
        Value::Exact(m) => Value::Exact(
            along(m, dim, |it| {
                let (s, n) = it.fold((Rat::zero(), 0i64), |(s, n), x| (s + x, n + 1));
                s / Rat::from_i64(n.max(1))
            })
            .into(),
        ),
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

/// A statistic of each column (or of a vector), in floating point.
fn statistic(a: &Args, what: &str, f: fn(&mut [f64]) -> f64) -> Result<Vec<Value>> {
    let m = a.real(0)?;
    if m.is_empty() {
        return one(Value::scalar(f64::NAN));
    }
    let dim = pick_dim(a, 1, m.shape(), what)?;
    one(Value::Real(
        along(&m, dim, |it| f(&mut it.collect::<Vec<f64>>())).into(),
    ))
}

fn median_of(v: &mut [f64]) -> f64 {
    if v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// var / std: the second argument 1 divides by n instead of n - 1.
fn spread(a: &Args, root: bool) -> Result<Vec<Value>> {
    let by_n = match a.get(1) {
        Some(o) if o.is_empty() && o.as_str().is_none() => false,
        Some(_) => match a.f64(1)? {
            0.0 => false,
            1.0 => true,
            _ => return Err(a.wrong(1, "0 (divide by n - 1) or 1 (divide by n)")),
        },
        None => false,
    };
    let m = a.real(0)?;
    if m.is_empty() {
        return one(Value::scalar(f64::NAN));
    }
    let dim = if m.nrows() == 1 { 2 } else { 1 };
    one(Value::Real(
        along(&m, dim, |it| {
            let v: Vec<f64> = it.collect();
            let n = v.len() as f64;
            let mean = v.iter().sum::<f64>() / n;
            let ss: f64 = v.iter().map(|x| (x - mean).powi(2)).sum();
            let var = if n == 1.0 {
                0.0
            } else {
                ss / if by_n { n } else { n - 1.0 }
            };
            if root {
                var.sqrt()
            } else {
                var
            }
        })
        .into(),
    ))
}

fn scan(a: &Args, what: &str, f: fn(f64, f64) -> f64) -> Result<Vec<Value>> {
    let m = a.real(0)?;
    let dim = pick_dim(a, 1, m.shape(), what)?;
    let mut out = m.into_owned();
    let (r, c) = out.shape();
    if dim == 1 {
        for j in 0..c {
            for i in 1..r {
                out[(i, j)] = f(out[(i - 1, j)], out[(i, j)]);
            }
        }
    } else if dim == 2 {
        for i in 0..r {
            for j in 1..c {
                out[(i, j)] = f(out[(i, j - 1)], out[(i, j)]);
            }
        }
    }
    one(Value::Real(out.into()))
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
    if m.is_empty() && a.len() == 1 {
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
    let is_complex = |k: usize| matches!(a.get(k), Some(Value::Complex(_)));
    if a.len() >= 2 && !a.vals[1].is_empty() {
        if a.len() == 3 {
            return Err(LaError::eval(format!(
                "{what}: a dimension goes with one array: {what}(A, [], dim), not {what}(a, b, dim)"
            )));
        }
        let cx = is_complex(0) || is_complex(1);
        let (x, y) = (a.complex(0)?, a.complex(1)?);
        // NaN loses to any number, as Octave.
        let pick = |p: &C64, q: &C64| {
            let (kp, kq) = (order_key(*p, cx), order_key(*q, cx));
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
        return Ok(vec![Value::empty(), Value::empty()]);
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
        Value::Cell(_) => return super::cells::sort_cellstr(&a, descend),
        _ => {}
    }
    let m = a.real(0)?;
    let dim_arg = a.vals[1..]
        .iter()
        .position(|v| v.as_str().is_none())
        .map(|p| p + 1);
    let dim = match dim_arg {
        Some(k) => pick_dim(&a, k, m.shape(), "sort")?,
        None => {
            if m.nrows() == 1 {
                2
            } else {
                1
            }
        }
    };
    let mut out = m.clone().into_owned();
    let mut idx = RMat::zeros(m.nrows(), m.ncols());
    let lines = if dim == 1 { m.ncols() } else { m.nrows() };
    for l in 0..lines {
        let mut items: Vec<(usize, f64)> = if dim == 1 {
            m.column(l).iter().copied().enumerate().collect()
        } else {
            m.row(l).iter().copied().enumerate().collect()
        };
        // NaN sorts last ascending and first descending, as in Octave; the sort is stable.
        items.sort_by(|x, y| {
            let o =
                x.1.partial_cmp(&y.1)
                    .unwrap_or_else(|| x.1.is_nan().cmp(&y.1.is_nan()));
            if descend {
                o.reverse()
            } else {
                o
            }
        });
        for (k, (i, x)) in items.into_iter().enumerate() {
            let pos = if dim == 1 { (k, l) } else { (l, k) };
            out[pos] = x;
            idx[pos] = (i + 1) as f64;
        }
    }
    Ok(vec![Value::Real(out.into()), Value::Real(idx.into())])
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
        if m.nrows() == 1 && m.ncols() != 1 {
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

fn diff(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let (r, c) = v.dims();
    let row = r == 1;
    let (nr, nc) = if row {
        (1, c.saturating_sub(1))
    } else {
        (r.saturating_sub(1), c)
    };
    let at = |i: usize, j: usize| {
        if row {
            ((0, j), (0, j + 1))
        } else {
            ((i, j), (i + 1, j))
        }
    };
    one(match v {
        Value::Exact(m) => Value::Exact(
            nalgebra::DMatrix::from_fn(nr, nc, |i, j| {
                let (p, q) = at(i, j);
                &m[q] - &m[p]
            })
            .into(),
        ),
        _ => {
            let m = v.to_real("diff")?;
            Value::Real(
                RMat::from_fn(nr, nc, |i, j| {
                    let (p, q) = at(i, j);
                    m[q] - m[p]
                })
                .into(),
            )
        }
    })
}
