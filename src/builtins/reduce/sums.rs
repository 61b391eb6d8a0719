//! Sums and products: `sum`, `prod`, their running forms `cumsum` and
//! `cumprod`, and `diff`; exact input stays exact where the result is.

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use super::dims::{all_form, along, one_field, pick_dim};
use crate::error::Result;
use crate::value::Value;
use nalgebra::DMatrix;
use num_traits::{One, Zero};
use std::ops::{Add, Mul};

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "diff",
        quad_aware: true,
        min_args: 1,
        max_args: 3,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "diff(x), diff(x, k), diff(A, k, dim)",
            summary: "Differences of neighbours (down each column of a matrix, or along dim); k repeats it (the k-th difference). Exact input (fractions, sqrt(2), 1 + 2i) stays exact.",
            math: &["diff(x)_k = x_(k+1) - x_k", "diff(x, 2) = diff(diff(x))"],
            example: &[">> diff([1 4 9 16])", "ans =", "", "   3   5   7", "", ">> diff([1 4 9 16], 2)", "ans =", "", "   2   2", ""],
            related: &["cumsum", "sum"],
        },
        run: diff,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "sum",
        min_args: 1,
        max_args: 2,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "sum(x), sum(A, dim), sum(A, 'all')",
            summary: "Sum of elements (of each column of a matrix); exact input (fractions, sqrt(2), 1 + 2i) stays exact.",
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
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "prod",
        min_args: 1,
        max_args: 2,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "prod(x), prod(A, dim), prod(A, 'all')",
            summary: "Product of elements (of each column of a matrix); exact input stays exact.",
            math: &["prod(x) = x_1 * ... * x_n"],
            example: &[">> prod([1 2 3 4])", "ans = 24"],
            related: &["sum", "det"],
        },
        run: prod,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "cumsum",
        min_args: 1,
        max_args: 2,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "cumsum(x), cumsum(A, dim)",
            summary: "Running sums; exact input stays exact.",
            math: &["cumsum(x)_k = x_1 + ... + x_k"],
            example: &[">> cumsum([1 2 3])", "ans =", "", "   1   3   6"],
            related: &["sum", "cumprod"],
        },
        run: cumsum,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "cumprod",
        min_args: 1,
        max_args: 2,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "cumprod(x), cumprod(A, dim)",
            summary: "Running products; exact input stays exact.",
            math: &["cumprod(x)_k = x_1 * ... * x_k"],
            example: &[">> cumprod([1 2 3])", "ans =", "", "   1   2   6"],
            related: &["prod", "cumsum"],
        },
        run: cumprod,
        ..Builtin::DEFAULTS
    },
];

fn sum(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    fold(&all_form(a, 1)?, "sum", true)
}

fn prod(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    fold(&all_form(a, 1)?, "prod", false)
}

fn cumsum(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    scan(&a, "cumsum", true)
}

fn cumprod(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    scan(&a, "cumprod", false)
}

/// `s + x` for a sum, `s * x` for a product, in any number kind.
fn combine<T: Clone + Add<Output = T> + Mul<Output = T>>(sum: bool) -> impl Fn(T, T) -> T {
    move |s, x| if sum { s + x } else { s * x }
}

/// The empty sum 0 or the empty product 1.
fn identity<T: Zero + One>(sum: bool) -> T {
    if sum {
        T::zero()
    } else {
        T::one()
    }
}

/// `sum`/`prod` along a dimension. Rationals and numbers of one quadratic
/// field (`1 + 2i`, `sqrt(2)`) form a field, so their sums and products
/// stay exact; entries of different fields are summed as floats.
fn fold(a: &Args, what: &str, sum: bool) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let dim = pick_dim(a, 1, v.dims(), what)?;
    if v.dims() == (0, 0) && a.len() == 1 {
        return one(Value::scalar(identity(sum)));
    }
    one(match v {
        Value::Exact(m) => Value::Exact(folded(m, dim, sum).into()),
        Value::Quad(m) if one_field(m) => Value::quad(folded(m, dim, sum)),
        Value::Complex(m) => Value::complex(folded(m, dim, sum)),
        _ => Value::Real(folded(&*v.to_real(what)?, dim, sum).into()),
    })
}

fn folded<T>(m: &DMatrix<T>, dim: usize, sum: bool) -> DMatrix<T>
where
    T: nalgebra::Scalar + Zero + One + Add<Output = T> + Mul<Output = T>,
{
    along(m, dim, |it| it.fold(identity(sum), combine(sum)))
}

/// `cumsum`/`cumprod`: exact for exact input, as [`fold`].
fn scan(a: &Args, what: &str, sum: bool) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let dim = pick_dim(a, 1, v.dims(), what)?;
    one(match v {
        Value::Exact(m) => Value::Exact(running(m, dim, combine(sum)).into()),
        Value::Quad(m) if one_field(m) => Value::quad(running(m, dim, combine(sum))),
        Value::Complex(m) => Value::complex(running(m, dim, combine(sum))),
        _ => Value::Real(running(&*a.real(0)?, dim, combine(sum)).into()),
    })
}

/// Each entry combined with the running result before it, down each
/// column (dim 1) or along each row (dim 2); other dimensions keep `m`.
fn running<T: nalgebra::Scalar>(m: &DMatrix<T>, dim: usize, f: impl Fn(T, T) -> T) -> DMatrix<T> {
    let mut out = m.clone();
    let (r, c) = out.shape();
    for j in 0..c {
        for i in 0..r {
            let prev = match dim {
                1 if i > 0 => (i - 1, j),
                2 if j > 0 => (i, j - 1),
                _ => continue,
            };
            out[(i, j)] = f(out[prev].clone(), out[(i, j)].clone());
        }
    }
    out
}

/// `diff(x, k, dim)`: the one-step difference taken k times (default 1)
/// along dim (default: along a row vector, else down the columns).
fn diff(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let mut v = a.num(0)?.clone();
    let k = match a.get(1) {
        Some(x) if x.is_empty() => 1,
        Some(_) => a.usize(1)?,
        None => 1,
    };
    let dim = match a.get(2) {
        Some(_) => match a.usize(2)? {
            d @ (1 | 2) => d,
            _ => return Err(a.wrong(2, "the dimension 1 or 2")),
        },
        None if v.dims().0 == 1 => 2,
        None => 1,
    };
    for _ in 0..k {
        v = diff_once(&v, dim == 2)?;
    }
    one(v)
}

/// Differences of neighbours along a row (`row`) or down each column:
/// exact for rationals and for numbers of one quadratic field.
fn diff_once(v: &Value, row: bool) -> Result<Value> {
    Ok(match v {
        Value::Exact(m) => Value::Exact(differences(m, row).into()),
        Value::Quad(m) if one_field(m) => Value::quad(differences(m, row)),
        Value::Complex(m) => Value::complex(differences(m, row)),
        Value::Quad(_) => Value::complex(differences(&*v.to_complex("diff")?, row)),
        _ => Value::Real(differences(&*v.to_real("diff")?, row).into()),
    })
}

fn differences<T>(m: &DMatrix<T>, row: bool) -> DMatrix<T>
where
    T: nalgebra::Scalar + std::ops::Sub<Output = T>,
{
    let (r, c) = m.shape();
    if row {
        DMatrix::from_fn(r, c.saturating_sub(1), |i, j| {
            m[(i, j + 1)].clone() - m[(i, j)].clone()
        })
    } else {
        DMatrix::from_fn(r.saturating_sub(1), c, |i, j| {
            m[(i + 1, j)].clone() - m[(i, j)].clone()
        })
    }
}
