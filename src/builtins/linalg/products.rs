//! Products of vectors and matrices: `transpose`, `ctranspose`, `hadamard`,
//! `dot`, `cross`, `kron`, `trace` and `quadform`.

use super::super::ctx::Ctx;
use super::super::{one, require_square, Args, Builtin, Doc, Topic, MANY};
use crate::builtins::quad_linalg::in_one_field;
use crate::error::{LaError, Result};
use crate::exact::quad::common_field;
use crate::exact::{Quad, QuadMat};
use crate::linalg::CMat;
use crate::value::{NumKind, Value};
use nalgebra::DMatrix;
use num_traits::Zero;
use std::ops::{Mul, Sub};

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "transpose",
        quad_aware: true,
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Products,
            signature: "transpose(A), A.', A'",
            summary: "Transpose: rows become columns. A' also conjugates complex entries.",
            math: &["(A')_ij = A_ji; (AB)' = B'A'"],
            example: &[">> [1 2; 3 4]'", "ans =", "", "   1   3", "   2   4"],
            related: &["ctranspose"],
        },
        run: transpose,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "ctranspose",
        quad_aware: true,
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Products,
            signature: "ctranspose(A), A'",
            summary: "Conjugate transpose.",
            math: &["(A')_ij = conj(A_ji)"],
            example: &[">> [1+2i 3]'", "ans =", "", "   1 - 2i", "   3 + 0i"],
            related: &["transpose"],
        },
        run: ctranspose,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "hadamard",
        quad_aware: true,
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Products,
            signature: "hadamard(A, B), A .* B",
            summary: "Element-wise (Hadamard) product.",
            math: &["(A .* B)_ij = A_ij * B_ij"],
            example: &[
                ">> hadamard([1 2; 3 4], [5 6; 7 8])",
                "ans =",
                "",
                "    5   12",
                "   21   32",
            ],
            related: &["dot", "kron"],
        },
        run: hadamard,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "dot",
        quad_aware: true,
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Products,
            signature: "dot(x, y)",
            summary: concat!(
                "Dot product of two vectors (conjugating x when complex); for ",
                "matrices, column by column. Exact vectors of one field give an exact ",
                "result (dot([1 2i], [3 4i]) = 11)."
            ),
            math: &["x . y = sum_i conj(x_i) y_i = x'y; x'y = y'x for real vectors"],
            example: &[
                ">> dot([1 2 3], [4 5 6])",
                "ans = 32",
                ">> dot([1/2 2i], [3 4i])",
                "ans = 19/2",
            ],
            related: &["cross", "norm"],
        },
        run: dot,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "cross",
        quad_aware: true,
        min_args: 2,
        max_args: 3,
        doc: Doc {
            topic: Topic::Products,
            signature: "cross(x, y), cross(A, B, dim)",
            summary: concat!(
                "Cross product of two 3-vectors: perpendicular to both. For matrices, ",
                "of each pair of columns (or rows: dim = 2) along the first dimension ",
                "of length 3, as Octave. Exact vectors of one field (fractions, ",
                "sqrt(2), 1 + 2i) give an exact result."
            ),
            math: &["x × y = [x2 y3 - x3 y2; x3 y1 - x1 y3; x1 y2 - x2 y1]"],
            example: &[">> cross([1 0 0], [0 1 0])", "ans =", "", "   0   0   1"],
            related: &["dot"],
        },
        run: cross,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "kron",
        quad_aware: true,
        min_args: 2,
        max_args: MANY,
        heavy: true,
        doc: Doc {
            topic: Topic::Products,
            signature: "kron(A, B), kron(A, B, C, ...)",
            summary: "Kronecker product: every A_ij scales a copy of B (more: left to right); exact factors of one field (fractions, sqrt(2), 1 + 2i) give an exact result.",
            math: &[
                "kron(A, B) = [A_11 B, A_12 B, ...; ...]",
                "kron(A, B, C) = kron(kron(A, B), C)",
            ],
            example: &[
                ">> kron([1 2], [1; 1])",
                "ans =",
                "",
                "   1   2",
                "   1   2",
            ],
            related: &["repmat"],
        },
        run: kron,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "trace",
        min_args: 1,
        max_args: 1,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Products,
            signature: "trace(A)",
            summary: concat!(
                "Sum of the diagonal A_11 + A_22 + ... (of any 2-D matrix, as Octave: ",
                "trace(3:10) is 3; 0 when empty)."
            ),
            math: &[
                "tr(A) = sum_i A_ii = sum of eigenvalues",
                "tr(A) = tr(A')",
                "tr(ABC) = tr(CAB) = tr(BCA)",
                "||A||_F = sqrt(tr(A A'))",
            ],
            example: &[">> trace([1 2; 3 4])", "ans = 5"],
            related: &["diag", "eig", "norm"],
        },
        run: trace,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "quadform",
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Definiteness,
            signature: "quadform(A, x)",
            summary: "The quadratic form x'Ax.",
            math: &[
                "f(x) = x'Ax = sum_ij A_ij x_i x_j",
                "over unit x, max = largest eigenvalue, min = smallest (A symmetric)",
            ],
            example: &[">> quadform([2 1; 1 3], [1; 2])", "ans = 18"],
            related: &["definiteness", "eig"],
        },
        run: quadform,
        ..Builtin::DEFAULTS
    },
];

fn transpose(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(crate::ops::transpose(&a.vals[0], false)?)
}

fn ctranspose(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(crate::ops::transpose(&a.vals[0], true)?)
}

fn hadamard(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(it.binary(
        crate::syntax::ast::BinOp::EMul,
        a.num(0)?,
        a.num(1)?,
        a.span,
    )?)
}

fn dot(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(v) = exact_dot(&a) {
        return one(v);
    }
    let (x, y) = (a.complex(0)?, a.complex(1)?);
    if x.len() != y.len() || (x.ncols() != 1 && x.nrows() != 1 && x.shape() != y.shape()) {
        return Err(LaError::eval(format!(
            "dot: sizes of X and Y must match (got {}x{} and {}x{})",
            x.nrows(),
            x.ncols(),
            y.nrows(),
            y.ncols()
        )));
    }
    if x.nrows() == 1 || x.ncols() == 1 {
        return one(Value::complex(CMat::from_element(
            1,
            1,
            x.iter().zip(y.iter()).map(|(p, q)| p.conj() * q).sum(),
        )));
    }
    one(Value::complex(CMat::from_fn(1, x.ncols(), |_, j| {
        x.column(j)
            .iter()
            .zip(y.column(j).iter())
            .map(|(p, q)| p.conj() * q)
            .sum()
    })))
}

fn cross(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(mut v) = in_one_field(&[&a.vals[0], &a.vals[1]]) {
        let (y, x) = (v.pop(), v.pop());
        if let (Some(x), Some(y)) = (x, y) {
            return one(Value::quad(cross_of(&a, x, y)?));
        }
    }
    let complex = |k: usize| a.vals[k].num_kind() == Some(NumKind::Complex);
    if complex(0) || complex(1) {
        let (x, y) = (a.complex(0)?.into_owned(), a.complex(1)?.into_owned());
        return one(Value::complex(cross_of(&a, x, y)?));
    }
    let (x, y) = (a.real(0)?.into_owned(), a.real(1)?.into_owned());
    one(Value::Real(cross_of(&a, x, y)?.into()))
}

/// The cross product of `x` and `y` (vectors, or pairs of columns or rows)
/// in any number kind.
fn cross_of<T>(a: &Args, mut x: DMatrix<T>, mut y: DMatrix<T>) -> Result<DMatrix<T>>
where
    T: nalgebra::Scalar + Sub<Output = T> + Mul<Output = T>,
{
    if a.len() == 2 {
        // A column with a row: both as columns (Octave warns and does the same).
        if x.ncols() == 1 && y.nrows() == 1 {
            y = y.transpose();
        } else if x.nrows() == 1 && y.ncols() == 1 {
            x = x.transpose();
        }
    }
    if x.shape() != y.shape() {
        return Err(LaError::eval(format!(
            "cross: X and Y must have the same dimensions (got {}x{} and {}x{})",
            x.nrows(),
            x.ncols(),
            y.nrows(),
            y.ncols()
        )));
    }
    let (r, c) = x.shape();
    let dim = match a.get(2) {
        Some(_) => a.usize(2)?,
        None if r == 3 => 1,
        None if c == 3 => 2,
        None => {
            return Err(LaError::eval(
                "cross: X and Y must have 3 elements along some dimension",
            ))
        }
    };
    if (dim == 1 && r != 3) || (dim == 2 && c != 3) || !(1..=2).contains(&dim) {
        return Err(LaError::eval(format!(
            "cross: dimension {dim} of X and Y must have 3 elements (they are {r}x{c})"
        )));
    }
    // Work on columns: a row-wise product is the column-wise one transposed.
    let (x, y) = if dim == 2 {
        (x.transpose(), y.transpose())
    } else {
        (x, y)
    };
    let z = DMatrix::from_fn(3, x.ncols(), |i, j| {
        let (p, q) = ((i + 1) % 3, (i + 2) % 3);
        let at = |m: &DMatrix<T>, k: usize| m[(k, j)].clone();
        at(&x, p) * at(&y, q) - at(&x, q) * at(&y, p)
    });
    Ok(if dim == 2 { z.transpose() } else { z })
}

/// Most entries of an exact Kronecker product: one multiplication each,
/// but an exact entry takes ten times a double's memory.
const MAX_EXACT_KRON: f64 = 1e6;

fn kron(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let vals: Vec<&Value> = a.vals.iter().collect();
    let (r, c) = vals.iter().fold((1.0, 1.0), |(r, c), v| {
        (r * v.dims().0 as f64, c * v.dims().1 as f64)
    });
    if r * c <= MAX_EXACT_KRON {
        if let Some(ms) = in_one_field(&vals) {
            return one(Value::quad(kron_of(it, ms)?));
        }
    } else if vals
        .iter()
        .all(|v| matches!(v, Value::Exact(_) | Value::Quad(_)))
    {
        let dims = (r as usize, c as usize);
        it.warn(&crate::ops::exact::too_slow_for("kron", dims), a.span);
    }
    let ms = (0..a.len())
        .map(|k| a.complex(k).map(std::borrow::Cow::into_owned))
        .collect::<Result<Vec<CMat>>>()?;
    one(Value::complex(kron_of(it, ms)?))
}

/// `kron` of the factors left to right, in any number kind.
fn kron_of<T>(it: &mut dyn Ctx, ms: Vec<DMatrix<T>>) -> Result<DMatrix<T>>
where
    T: nalgebra::Scalar + Mul<Output = T>,
{
    let mut ms = ms.into_iter();
    let mut x = ms
        .next()
        .ok_or_else(|| LaError::internal("kron without factors"))?;
    for y in ms {
        let (r, c) = (x.nrows() * y.nrows(), x.ncols() * y.ncols());
        it.check_alloc("kron", r as f64, c as f64, 8)?;
        let (yr, yc) = y.shape();
        x = DMatrix::from_fn(r, c, |i, j| {
            x[(i / yr, j / yc)].clone() * y[(i % yr, j % yc)].clone()
        });
    }
    Ok(x)
}

/// `dot(x, y)` of two exact vectors of one field (rationals included):
/// `sum(conj(x) .* y)` in the field.
fn exact_dot(a: &Args) -> Option<Value> {
    let (x, y) = (a.vals[0].to_quad()?, a.vals[1].to_quad()?);
    let vector = |m: &QuadMat| m.nrows() == 1 || m.ncols() == 1;
    if x.len() != y.len() || !vector(&x) || !vector(&y) {
        return None;
    }
    common_field(x.iter().chain(y.iter()))?;
    let s = x
        .iter()
        .zip(y.iter())
        .fold(Quad::zero(), |s, (p, q)| s + p.conj_complex() * q.clone());
    Some(Value::quad(QuadMat::from_element(1, 1, s)))
}

fn trace(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    fn diagonal<T: nalgebra::Scalar>(m: &nalgebra::DMatrix<T>) -> impl Iterator<Item = T> + '_ {
        (0..m.nrows().min(m.ncols())).map(|i| m[(i, i)].clone())
    }
    match a.num(0)? {
        Value::Exact(m) => return one(Value::rat(diagonal(m).sum())),
        Value::Quad(m) => {
            let d: Vec<Quad> = diagonal(m).collect();
            if common_field(&d).is_some() {
                let s = d.into_iter().fold(Quad::zero(), |s, x| s + x);
                return one(Value::quad(QuadMat::from_element(1, 1, s)));
            }
        }
        _ => {}
    }
    let m = a.complex(0)?;
    one(Value::complex(CMat::from_element(1, 1, diagonal(&m).sum())))
}

fn quadform(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (m, x) = (a.num(0)?, a.num(1)?);
    let (r, c) = m.dims();
    require_square("quadform", (r, c))?;
    let x = if x.dims().0 == 1 && x.numel() > 1 {
        crate::ops::transpose(x, false)?
    } else {
        x.clone()
    };
    if x.dims().0 != r {
        return Err(LaError::eval(format!(
            "quadform: x must have {r} elements to match A (got {}x{})",
            x.dims().0,
            x.dims().1
        )));
    }
    let ax = it.binary(crate::syntax::ast::BinOp::Mul, m, &x, a.span)?;
    let xt = crate::ops::transpose(&x, true)?;
    one(it.binary(crate::syntax::ast::BinOp::Mul, &xt, &ax, a.span)?)
}
