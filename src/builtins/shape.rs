//! Rearranging and testing the shape of matrices (`fliplr`, `rot90`,
//! `circshift`, `blkdiag`, `cat`, `isrow`, `istriu`, `isbanded`, ...), and
//! the counting functions `factorial` and `nchoosek`. Every rearrangement
//! keeps the kind of its input: exact stays exact, logical stays logical.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Topic, MANY};
use crate::error::{LaError, Result};
use crate::exact::{Rat, RatMat};
use crate::linalg::{CMat, C64};
use crate::ops::index::{concat, promote, Promoted};
use crate::value::Value;
use nalgebra::{DMatrix, Scalar};
use num_traits::Zero;

macro_rules! entry {
    ($name:expr, $min:expr, $max:expr, $topic:expr, $sig:expr, $sum:expr, $math:expr, $ex:expr, $rel:expr, $run:expr) => {
        builtin!($name, $min, $max, 1, $topic, $sig, $sum, $math, $ex, $rel, $run)
    };
}

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        quad_aware: true,
        ..entry!(
            "fliplr", 1, 1, Topic::Construct,
            "fliplr(A)",
            "Reverse the order of the columns (left to right).",
            &["fliplr(A)(i, j) = A(i, n + 1 - j), n = columns(A)"],
            &[">> fliplr([1 2 3; 4 5 6])", "ans =", "", "   3   2   1", "   6   5   4"],
            &["flipud", "rot90", "circshift"],
            fliplr
        )
    },
    Builtin {
        quad_aware: true,
        ..entry!(
            "flipud", 1, 1, Topic::Construct,
            "flipud(A)",
            "Reverse the order of the rows (upside down).",
            &["flipud(A)(i, j) = A(m + 1 - i, j), m = rows(A)"],
            &[">> flipud([1 2; 3 4; 5 6])", "ans =", "", "   5   6", "   3   4", "   1   2"],
            &["fliplr", "rot90", "circshift"],
            flipud
        )
    },
    Builtin {
        quad_aware: true,
        ..entry!(
            "rot90", 1, 2, Topic::Construct,
            "rot90(A), rot90(A, k)",
            "Rotate by k * 90 degrees counterclockwise (k may be negative).",
            &["rot90(A) = flipud(A.')", "rot90(A, 2) = flipud(fliplr(A))", "rot90(A, -1) = fliplr(A.')"],
            &[">> rot90([1 2; 3 4])", "ans =", "", "   2   4", "   1   3"],
            &["fliplr", "flipud", "transpose"],
            rot90
        )
    },
    Builtin {
        quad_aware: true,
        ..entry!(
            "circshift", 2, 3, Topic::Construct,
            "circshift(A, n), circshift(A, n, dim), circshift(A, [r c])",
            "Shift the entries circularly: down the rows (or along dim), wrapping round.",
            &["circshift(x, n)(i) = x(mod(i - 1 - n, numel(x)) + 1)", "a vector shifts along its length; a matrix along dim 1 unless dim is given"],
            &[">> circshift([1 2 3 4 5], 2)", "ans =", "", "   4   5   1   2   3"],
            &["fliplr", "rot90"],
            circshift
        )
    },
    Builtin {
        quad_aware: true,
        ..entry!(
            "blkdiag", 0, MANY, Topic::Construct,
            "blkdiag(A, B, ...)",
            "Block-diagonal matrix with A, B, ... down the diagonal, zeros elsewhere.",
            &["blkdiag(A, B) = [A, 0; 0, B]", "size = [sum of rows, sum of columns]"],
            &[">> blkdiag([1 2], 3)", "ans =", "", "   1   2   0", "   0   0   3"],
            &["diag", "horzcat", "vertcat", "kron"],
            blkdiag
        )
    },
    Builtin {
        quad_aware: true,
        ..entry!(
            "cat", 1, MANY, Topic::Construct,
            "cat(dim, A, B, ...)",
            "Concatenate along dimension dim: 1 stacks as [A; B], 2 joins as [A, B].",
            &["cat(1, A, B) = [A; B]", "cat(2, A, B) = [A, B]"],
            &[">> cat(1, [1 2], [3 4])", "ans =", "", "   1   2", "   3   4"],
            &["horzcat", "vertcat"],
            cat
        )
    },
    entry!(
        "ndims", 1, 1, Topic::Basics,
        "ndims(A)",
        "Number of dimensions: always 2 here (matrices, vectors and scalars are 2-D).",
        &["ndims(A) = numel(size(A)) = 2"],
        &[">> ndims(5)", "ans = 2"],
        &["size", "numel"],
        ndims
    ),
    entry!(
        "isrow", 1, 1, Topic::Basics,
        "isrow(A)",
        "True when A has exactly one row (1xN, N may be 0).",
        &["size(A, 1) == 1"],
        &[">> isrow([1 2 3])", "ans = 1"],
        &["iscolumn", "isvector", "isscalar"],
        isrow
    ),
    entry!(
        "iscolumn", 1, 1, Topic::Basics,
        "iscolumn(A)",
        "True when A has exactly one column (Nx1, N may be 0).",
        &["size(A, 2) == 1"],
        &[">> iscolumn([1 2 3])", "ans = 0"],
        &["isrow", "isvector", "isscalar"],
        iscolumn
    ),
    entry!(
        "issquare", 1, 1, Topic::Basics,
        "issquare(A)",
        "True when A has as many rows as columns (0x0 included).",
        &["size(A, 1) == size(A, 2)"],
        &[">> issquare(ones(2, 3))", "ans = 0"],
        &["isrow", "iscolumn", "size"],
        issquare
    ),
    Builtin {
        quad_aware: true,
        ..entry!(
            "istriu", 1, 1, Topic::Special,
            "istriu(A)",
            "True when A is upper triangular: every entry below the diagonal is zero.",
            &["A_ij = 0 for all i > j"],
            &[">> istriu([1 2; 0 3])", "ans = 1"],
            &["istril", "isbanded", "triu", "isdiag"],
            istriu
        )
    },
    Builtin {
        quad_aware: true,
        ..entry!(
            "istril", 1, 1, Topic::Special,
            "istril(A)",
            "True when A is lower triangular: every entry above the diagonal is zero.",
            &["A_ij = 0 for all i < j"],
            &[">> istril([1 2; 0 3])", "ans = 0"],
            &["istriu", "isbanded", "tril", "isdiag"],
            istril
        )
    },
    Builtin {
        quad_aware: true,
        ..entry!(
            "isbanded", 3, 3, Topic::Special,
            "isbanded(A, lower, upper)",
            "True when A is zero outside the band of `lower` subdiagonals and `upper` superdiagonals.",
            &["A_ij = 0 whenever i - j > lower or j - i > upper", "isbanded(A, 0, 0): diagonal; isbanded(A, 1, 1): tridiagonal"],
            &[">> isbanded([1 2 0; 3 4 5; 0 6 7], 1, 1)", "ans = 1"],
            &["istriu", "istril", "isdiag"],
            isbanded
        )
    },
    entry!(
        "ishermitian", 1, 2, Topic::Special,
        "ishermitian(A), ishermitian(A, tol)",
        "True when A is square and equals its conjugate transpose (within tol, relative, in the Inf-norm).",
        &["A = A' , i.e. A_ij = conj(A_ji)", "with tol: norm(A - A', Inf) / norm(A, Inf) <= tol"],
        &[">> ishermitian([2 1i; -1i 3])", "ans = 1"],
        &["issymmetric", "ctranspose"],
        ishermitian
    ),
    entry!(
        "factorial", 1, 1, Topic::Elementwise,
        "factorial(n)",
        "n! = 1 * 2 * ... * n, element-wise, for non-negative integers (Inf beyond 170, as Octave's doubles).",
        &["n! = prod(1:n), 0! = 1"],
        &[">> factorial([0 1 5])", "ans =", "", "     1     1   120"],
        &["nchoosek", "prod"],
        factorial
    ),
    entry!(
        "nchoosek", 2, 2, Topic::Elementwise,
        "nchoosek(n, k), nchoosek(v, k)",
        "Binomial coefficient n choose k; for a vector v, every k-element combination as the rows of a matrix.",
        &["nchoosek(n, k) = n! / (k! (n - k)!)", "nchoosek(v, k) has nchoosek(numel(v), k) rows, in lexicographic order of positions"],
        &[">> nchoosek(5, 2)", "ans = 10"],
        &["factorial"],
        nchoosek
    ),
];

/// `A` rearranged into an `nr` x `nc` matrix whose entry (i, j) is `A(src(i, j))`.
fn remap(
    a: &Args,
    nr: usize,
    nc: usize,
    src: impl Fn(usize, usize) -> (usize, usize),
) -> Result<Value> {
    fn go<T: Scalar>(
        m: &DMatrix<T>,
        nr: usize,
        nc: usize,
        src: &dyn Fn(usize, usize) -> (usize, usize),
    ) -> DMatrix<T> {
        DMatrix::from_fn(nr, nc, |i, j| m[src(i, j)].clone())
    }
    Ok(match a.num(0)? {
        Value::Exact(m) => Value::Exact(go(m, nr, nc, &src).into()),
        Value::Quad(m) => Value::Quad(go(m, nr, nc, &src).into()),
        Value::Real(m) => Value::Real(go(m, nr, nc, &src).into()),
        Value::Complex(m) => Value::Complex(go(m, nr, nc, &src).into()),
        Value::Bool(m) => Value::Bool(go(m, nr, nc, &src).into()),
        _ => return Err(a.wrong(0, "a number or matrix")),
    })
}

fn fliplr(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (r, c) = a.num(0)?.dims();
    one(remap(&a, r, c, |i, j| (i, c - 1 - j))?)
}

fn flipud(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (r, c) = a.num(0)?.dims();
    one(remap(&a, r, c, |i, j| (r - 1 - i, j))?)
}

fn rot90(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let k = if a.len() > 1 { a.int(1)? } else { 1 };
    let (r, c) = a.num(0)?.dims();
    one(match k.rem_euclid(4) {
        0 => remap(&a, r, c, |i, j| (i, j))?,
        // counterclockwise: the last column becomes the first row
        1 => remap(&a, c, r, |i, j| (j, c - 1 - i))?,
        2 => remap(&a, r, c, |i, j| (r - 1 - i, c - 1 - j))?,
        _ => remap(&a, c, r, |i, j| (r - 1 - j, i))?,
    })
}

fn circshift(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (r, c) = a.num(0)?.dims();
    let (dr, dc) = if a.len() > 2 {
        let n = a.int(1)?;
        match a.int(2)? {
            1 => (n, 0),
            2 => (0, n),
            d if d > 2 => (0, 0),
            _ => return Err(a.wrong(2, "a dimension 1 or 2")),
        }
    } else if a.num(1)?.numel() == 2 {
        let v = a.real(1)?;
        if v.iter().any(|x| x.fract() != 0.0 || !x.is_finite()) {
            return Err(a.wrong(1, "integer shifts"));
        }
        (v[0] as i64, v[1] as i64)
    } else {
        let n = a.int(1)?;
        // Octave shifts along the first non-singleton dimension
        if r == 1 {
            (0, n)
        } else {
            (n, 0)
        }
    };
    let sh = |i: usize, len: usize, d: i64| -> usize {
        if len == 0 {
            0
        } else {
            (i as i64 - d).rem_euclid(len as i64) as usize
        }
    };
    one(remap(&a, r, c, |i, j| (sh(i, r, dr), sh(j, c, dc)))?)
}

fn blkdiag(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    for k in 0..a.len() {
        a.num(k)?;
    }
    fn blk<T: Scalar>(ms: Vec<DMatrix<T>>, zero: T) -> DMatrix<T> {
        let rows: usize = ms.iter().map(|m| m.nrows()).sum();
        let cols: usize = ms.iter().map(|m| m.ncols()).sum();
        let mut out = DMatrix::from_element(rows, cols, zero);
        let (mut r0, mut c0) = (0, 0);
        for m in &ms {
            out.view_mut((r0, c0), m.shape()).copy_from(m);
            r0 += m.nrows();
            c0 += m.ncols();
        }
        out
    }
    if a.is_empty() {
        return one(Value::empty());
    }
    let refs: Vec<&Value> = a.vals.iter().collect();
    one(match promote(&refs, "blkdiag")? {
        Promoted::Bool(ms) => Value::Bool(blk(ms, false).into()),
        Promoted::Exact(ms) => Value::Exact(blk(ms, Rat::zero()).into()),
        Promoted::Quad(ms) => Value::quad(blk(ms, Default::default())),
        Promoted::Real(ms) => Value::Real(blk(ms, 0.0).into()),
        Promoted::Complex(ms) => Value::Complex(blk(ms, Default::default()).into()),
    })
}

fn cat(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let dim = a.int(0)?;
    let rest: Vec<Value> = a.vals[1..].to_vec();
    one(match dim {
        1 => concat(rest.into_iter().map(|v| vec![v]).collect())?,
        2 => concat(vec![rest])?,
        _ => {
            return Err(LaError::eval(format!(
                "cat: only dimensions 1 and 2 are supported (matrices are 2-D), not {dim}"
            )))
        }
    })
}

fn ndims(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    a.val(0)?;
    one(Value::rat(Rat::from_i64(2)))
}

fn isrow(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::bool(a.val(0)?.dims().0 == 1))
}

fn iscolumn(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::bool(a.val(0)?.dims().1 == 1))
}

fn issquare(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (r, c) = a.val(0)?.dims();
    one(Value::bool(r == c))
}

/// True when every entry (i, j) with `outside(i, j)` is zero.
/// True when every entry where `outside(i, j)` holds is zero (`isdiag`,
/// `istriu`, ...); exact entries are tested exactly.
pub(super) fn zero_outside(a: &Args, outside: impl Fn(usize, usize) -> bool) -> Result<bool> {
    let v = a.num(0)?;
    let r = v.dims().0.max(1);
    let zero: Vec<bool> = match v {
        Value::Exact(m) => m.iter().map(Zero::is_zero).collect(),
        Value::Quad(m) => m.iter().map(Zero::is_zero).collect(),
        _ => a
            .complex(0)?
            .iter()
            .map(|z| z.re == 0.0 && z.im == 0.0)
            .collect(),
    };
    Ok(zero
        .iter()
        .enumerate()
        .all(|(k, &z)| z || !outside(k % r, k / r)))
}

fn istriu(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::bool(zero_outside(&a, |i, j| i > j)?))
}

fn istril(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::bool(zero_outside(&a, |i, j| i < j)?))
}

fn isbanded(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (lo, up) = (a.usize(1)?, a.usize(2)?);
    one(Value::bool(zero_outside(&a, |i, j| {
        i > j && i - j > lo || j > i && j - i > up
    })?))
}

fn ishermitian(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    self_adjoint(&a, true)
}

/// `ishermitian` (`conj`: A equals A') and complex `issymmetric` (A equals
/// A.'): exactly, or with `tol` as Octave, ||A - A'||_inf <= tol ||A||_inf.
pub(super) fn self_adjoint(a: &Args, conj: bool) -> Result<Vec<Value>> {
    let tol = a.tol(1)?.unwrap_or(0.0);
    let v = a.num(0)?;
    let (r, c) = v.dims();
    if r != c {
        return one(Value::bool(false));
    }
    // exact input without a tolerance is decided exactly
    if let (Value::Exact(m), 1) = (v, a.len()) {
        return one(Value::bool(
            (0..r).all(|i| (0..i).all(|j| m[(i, j)] == m[(j, i)])),
        ));
    }
    let m = a.complex(0)?;
    let flip = |z: C64| if conj { z.conj() } else { z };
    if tol == 0.0 {
        return one(Value::bool(
            (0..r).all(|i| (0..=i).all(|j| m[(i, j)] == flip(m[(j, i)]))),
        ));
    }
    let inf_norm = |x: &CMat| -> f64 {
        (0..x.nrows())
            .map(|i| x.row(i).iter().map(|z| z.norm()).sum::<f64>())
            .fold(0.0, f64::max)
    };
    let d = CMat::from_fn(r, r, |i, j| m[(i, j)] - flip(m[(j, i)]));
    one(Value::bool(inf_norm(&d) <= tol * inf_norm(&m)))
}

/// n! exactly, or None when it overflows a double (n > 170), as Octave's Inf.
fn fact(n: u64) -> Option<Rat> {
    if n > 170 {
        return None;
    }
    Some((2..=n).fold(Rat::one(), |p, k| p * Rat::from_i64(k as i64)))
}

fn factorial(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let x = a.real(0)?;
    if x.iter()
        .any(|v| v.is_nan() || *v < 0.0 || (v.is_finite() && v.fract() != 0.0))
    {
        return Err(a.wrong(0, "non-negative integers"));
    }
    if matches!(a.vals[0], Value::Exact(_)) && x.iter().all(|v| *v <= 170.0) {
        let mut out = RatMat::from_element(x.nrows(), x.ncols(), Rat::one());
        for (o, v) in out.iter_mut().zip(x.iter()) {
            *o = fact(*v as u64).unwrap_or_else(Rat::one);
        }
        return one(Value::exact(out));
    }
    one(Value::real(x.map(|v| match fact(v.min(171.0) as u64) {
        Some(r) => r.to_f64(),
        None => f64::INFINITY,
    })))
}

fn binom(n: u64, k: u64) -> Rat {
    if k > n {
        return Rat::zero();
    }
    let k = k.min(n - k);
    let mut c = Rat::one();
    for t in 0..k {
        // c * (n - t) / (t + 1) is an integer at every step
        c *= Rat::from_i64((n - t) as i64);
        c = c
            .checked_div(&Rat::from_i64((t + 1) as i64))
            .unwrap_or_else(Rat::zero);
    }
    c
}

fn nchoosek(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let k = a.usize(1)?;
    let v = a.num(0)?;
    if v.numel() == 1 {
        let n = a.f64(0)?;
        if n < 0.0 || n.fract() != 0.0 || !n.is_finite() || n > 1e15 {
            return Err(a.wrong(0, "a non-negative integer"));
        }
        let c = binom(n as u64, k as u64);
        return one(if matches!(v, Value::Exact(_)) {
            Value::rat(c)
        } else {
            Value::scalar(c.to_f64())
        });
    }
    let n = v.numel();
    let count = binom(n as u64, k as u64).to_f64();
    if count > 1e7 {
        return Err(LaError::eval(format!(
            "nchoosek: {count} combinations are too many to list"
        )));
    }
    // every k-subset of positions, in lexicographic order
    let mut combos: Vec<Vec<usize>> = Vec::new();
    if k <= n {
        let mut idx: Vec<usize> = (0..k).collect();
        loop {
            combos.push(idx.clone());
            let Some(p) = (0..k).rev().find(|&p| idx[p] != p + n - k) else {
                break;
            };
            idx[p] += 1;
            for q in p + 1..k {
                idx[q] = idx[q - 1] + 1;
            }
        }
    }
    let (r, _) = v.dims();
    let pos = |t: usize| (t % r.max(1), t / r.max(1));
    one(remap(&a, combos.len(), k, |i, j| pos(combos[i][j]))?)
}
