//! Random integers, covariance and correlation, column norms, and the matrix
//! functions `sqrtm` and `logm` (through the complex Schur form).

use super::construct::dims_arg;
use super::ctx::Ctx;
use super::quad_linalg::in_one_field;
use super::{one, require_square, Args, Builtin, Doc, Topic};
use crate::error::{LaError, Result};
use crate::exact::{Quad, QuadMat, Rat};
use crate::linalg::{CMat, RMat, C64};
use crate::value::{NumKind, Value};
use nalgebra::{ComplexField, DMatrix};
use num_traits::Zero;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "randi",
        min_args: 1,
        max_args: 3,
        doc: Doc {
            topic: Topic::Construct,
            signature: "randi(imax), randi(imax, n), randi(imax, m, n), randi([imin imax], m, n)",
            summary: "Uniformly distributed random integers in 1..imax (or imin..imax); `rand('seed', s)` makes them reproducible.",
            math: &["each entry is imin + floor(u * (imax - imin + 1)), u uniform in [0, 1)"],
            example: &[">> size(randi(6, 2, 3))", "ans =", "", "   2   3"],
            related: &["rand", "randn"],
        },
        run: randi,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "cov",
        quad_aware: true,
        min_args: 1,
        max_args: 3,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "cov(x), cov(x, opt), cov(x, y), cov(x, y, opt)",
            summary: "Covariance: of a vector, its variance; of a matrix, the covariance matrix of its columns (rows are observations). opt = 1 divides by n instead of n - 1. Complex data as Octave, with the conjugate transpose. Exact for exact data (fractions, sqrt(2), 1 + 2i).",
            math: &["cov(X) = (X - mean(X))' * (X - mean(X)) / (n - 1)", "cov(x, y) = sum((x - mean(x)) .* (y - mean(y))) / (n - 1)"],
            example: &[
                ">> cov([1 2 3 4], [2 4 5 9])",
                "ans = 11/3",
                ">> cov([1+i 2 3-i])",
                "ans = 2",
            ],
            related: &["corr", "var", "std", "mean"],
        },
        run: cov,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "corr",
        quad_aware: true,
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Reductions,
            signature: "corr(x), corr(x, y)",
            summary: "Pearson correlation coefficients between columns (rows are observations; complex data through cov's conjugate transpose, as Octave); exact for exact data where the coefficient is a fraction or a square root (a NaN for a column that does not vary).",
            math: &["corr(x, y) = cov(x, y) / (std(x) * std(y))", "corr(X)(i, j) = cov(X)(i, j) / sqrt(cov(X)(i, i) * cov(X)(j, j))"],
            example: &[
                ">> corr([1 2; 3 5; 4 4])",
                "ans =",
                "",
                "       1   11/14",
                "   11/14       1",
                ">> corr([1 2 3], [1 2 4])",
                "ans = 3*sqrt(21)/14",
            ],
            related: &["cov", "std"],
        },
        run: corr,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "vecnorm",
        min_args: 1,
        max_args: 3,
        doc: Doc {
            topic: Topic::Norms,
            signature: "vecnorm(A), vecnorm(A, p), vecnorm(A, p, dim)",
            summary: "The p-norm (default 2) of each column (dim = 1) or row (dim = 2); of a vector, its norm.",
            math: &["vecnorm(A, p)(j) = (sum_i |A_ij|^p)^(1/p)", "p = Inf: max_i |A_ij|"],
            example: &[">> vecnorm([3 4; 4 3])", "ans =", "", "   5   5"],
            related: &["norm"],
        },
        run: vecnorm,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "sqrtm",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "sqrtm(A)",
            summary: "Principal matrix square root: X with X * X = A (eigenvalues of X in the right half-plane).",
            math: &["A = Q T Q' (complex Schur), X = Q R Q' with R upper triangular, R * R = T", "R_ii = sqrt(T_ii), R_ij = (T_ij - sum_{i<k<j} R_ik R_kj) / (R_ii + R_jj)"],
            example: &[">> sqrtm([4 0; 0 9])", "ans =", "", "   2   0", "   0   3"],
            related: &["logm", "expm", "sqrt"],
        },
        run: sqrtm,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "logm",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "logm(A)",
            summary: "Principal matrix logarithm: X with expm(X) = A (A must be nonsingular).",
            math: &["logm(A) = 2^s * log(A^(1/2^s)), square roots until A^(1/2^s) is near I", "log(I + X) = X - X^2/2 + X^3/3 - ..."],
            example: &[">> logm([1 1; 0 1])", "ans =", "", "   0   1", "   0   0"],
            related: &["sqrtm", "expm", "log"],
        },
        run: logm,
        ..Builtin::DEFAULTS
    },
];

fn randi(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let lim = a.real(0)?;
    let (lo, hi) = match lim.len() {
        1 => (1.0, lim[0]),
        2 => (lim[0], lim[1]),
        _ => return Err(a.wrong(0, "imax or [imin imax]")),
    };
    if lo.fract() != 0.0 || hi.fract() != 0.0 || !lo.is_finite() || !hi.is_finite() {
        return Err(a.wrong(0, "integer limits"));
    }
    if hi < lo {
        return Err(LaError::eval(format!(
            "randi: require imin <= imax (got imin = {lo}, imax = {hi})"
        )));
    }
    let (r, c) = dims_arg(it, &a, "randi", 1)?;
    let span = hi - lo + 1.0;
    let rng = it.rng();
    one(Value::real(RMat::from_fn(r, c, |_, _| {
        (lo + (rng.uniform() * span).floor()).min(hi)
    })))
}

/// What `cov` and `corr` count in their arguments.
const OBSERVATIONS: &str = "rows, one observation each";

/// A vector as one column; a matrix as it is (rows are observations).
fn as_observations<T: nalgebra::Scalar>(m: DMatrix<T>) -> DMatrix<T> {
    if m.nrows() == 1 {
        m.transpose()
    } else {
        m
    }
}

/// The data arguments `ks` (x, or x and y) as floats, rows observations;
/// y is x when only x is given.
fn float_data<T: nalgebra::Scalar>(
    a: &Args,
    ks: &[usize],
    get: impl Fn(usize) -> Result<DMatrix<T>>,
) -> Result<(DMatrix<T>, DMatrix<T>)> {
    let x = as_observations(get(0)?);
    let y = match ks.len() {
        1 => x.clone(),
        _ => as_observations(get(1)?),
    };
    a.same_counts(&[("x", x.nrows()), ("y", y.nrows())], OBSERVATIONS)?;
    Ok((x, y))
}

/// True when one of the data arguments `ks` is complex: the float work is
/// then done in complex numbers.
fn any_complex(a: &Args, ks: &[usize]) -> bool {
    ks.iter()
        .any(|&k| a.vals.get(k).and_then(Value::num_kind) == Some(NumKind::Complex))
}

fn centred<T: ComplexField<RealField = f64>>(m: &DMatrix<T>) -> DMatrix<T> {
    let mut c = m.clone();
    for mut col in c.column_iter_mut() {
        let mean = col.sum().unscale(col.len().max(1) as f64);
        col.iter_mut().for_each(|x| *x -= mean.clone());
    }
    c
}

/// `x' * y / div` of the centred columns, `'` the conjugate transpose.
fn float_cov<T: ComplexField<RealField = f64>>(
    x: &DMatrix<T>,
    y: &DMatrix<T>,
    div: f64,
) -> DMatrix<T> {
    (centred(x).adjoint() * centred(y)).map(|z| z.unscale(div))
}

/// `c_ij / (‖cx_i‖ ‖cy_j‖)` with `c = cx' * cy` of the centred columns.
fn float_corr<T: ComplexField<RealField = f64>>(x: &DMatrix<T>, y: &DMatrix<T>) -> DMatrix<T> {
    let (cx, cy) = (centred(x), centred(y));
    let cross = cx.adjoint() * &cy;
    let norms = |c: &DMatrix<T>| -> Vec<f64> { c.column_iter().map(|c| c.norm()).collect() };
    let (sx, sy) = (norms(&cx), norms(&cy));
    DMatrix::from_fn(cross.nrows(), cross.ncols(), |i, j| {
        cross[(i, j)].clone().unscale(sx[i] * sy[j])
    })
}

fn cov(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let opt_at = |k: usize| -> Result<Option<bool>> {
        match a.get(k) {
            Some(v) if v.numel() == 1 => {
                let x = a.f64(k)?;
                Ok((x == 0.0 || x == 1.0).then_some(x == 1.0))
            }
            _ => Ok(None),
        }
    };
    let (r, c) = a.num(0)?.dims();
    let (with_y, by_n) = match a.len() {
        1 => (false, false),
        2 => match opt_at(1)? {
            Some(o) if r > 1 || c > 1 => (false, o),
            _ => (true, false),
        },
        _ => (true, opt_at(2)?.ok_or_else(|| a.wrong(2, "0 or 1"))?),
    };
    let args: &[usize] = if with_y { &[0, 1] } else { &[0] };
    if let Some(m) = exact_observations(&a, args) {
        let (x, y) = (&m[0], m.last().unwrap_or(&m[0]));
        a.same_counts(&[("x", x.nrows()), ("y", y.nrows())], OBSERVATIONS)?;
        let scale = reciprocal(divisor(x.nrows(), by_n));
        let out = exact_cross(&exact_centred(x), &exact_centred(y)).map(|q| &q * &scale);
        return one(Value::quad(out));
    }
    let div = |n: usize| divisor(n, by_n) as f64;
    if any_complex(&a, args) {
        let (x, y) = float_data(&a, args, |k| Ok(a.complex(k)?.into_owned()))?;
        return one(Value::complex(float_cov(&x, &y, div(x.nrows()))));
    }
    let (x, y) = float_data(&a, args, |k| Ok(a.real(k)?.into_owned()))?;
    one(Value::real(float_cov(&x, &y, div(x.nrows()))))
}

/// n - 1, or n when asked (and for one observation, as Octave).
fn divisor(n: usize, by_n: bool) -> usize {
    if by_n || n <= 1 {
        n.max(1)
    } else {
        n - 1
    }
}

fn corr(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let args: &[usize] = if a.len() > 1 { &[0, 1] } else { &[0] };
    if let Some(m) = exact_observations(&a, args) {
        let (x, y) = (&m[0], m.last().unwrap_or(&m[0]));
        a.same_counts(&[("x", x.nrows()), ("y", y.nrows())], OBSERVATIONS)?;
        if let Some(r) = exact_corr(x, y) {
            return one(r);
        }
    }
    if any_complex(&a, args) {
        let (x, y) = float_data(&a, args, |k| Ok(a.complex(k)?.into_owned()))?;
        return one(Value::complex(float_corr(&x, &y)));
    }
    let (x, y) = float_data(&a, args, |k| Ok(a.real(k)?.into_owned()))?;
    one(Value::real(float_corr(&x, &y)))
}

// ---- exact input: the same formulas in the numbers' field ---------------

/// Arguments `ks` as exact numbers of one field (real, or complex like
/// `1 + 2i`), rows observations (a row vector as a column); `None` for any
/// other input (floats).
fn exact_observations(a: &Args, ks: &[usize]) -> Option<Vec<QuadMat>> {
    let vals: Vec<&Value> = ks.iter().map(|&k| a.vals.get(k)).collect::<Option<_>>()?;
    let ms = in_one_field(&vals)?;
    Some(
        ms.into_iter()
            .map(|m| if m.nrows() == 1 { m.transpose() } else { m })
            .collect(),
    )
}

/// `1/n` for `n ≥ 1`.
fn reciprocal(n: usize) -> Quad {
    Quad::rat(Rat::from_i64(1) / Rat::from_i64(n as i64))
}

/// Each column minus its mean.
fn exact_centred(m: &QuadMat) -> QuadMat {
    let inv_n = reciprocal(m.nrows().max(1));
    let mut c = m.clone();
    for mut col in c.column_iter_mut() {
        let mean = &col.iter().fold(Quad::zero(), |s, q| s + q.clone()) * &inv_n;
        col.iter_mut().for_each(|q| *q = &*q - &mean);
    }
    c
}

/// `x' * y` of centred columns, `'` the conjugate transpose as in Octave's
/// `cov` (each `Σ |x_i|²` is then real).
fn exact_cross(x: &QuadMat, y: &QuadMat) -> QuadMat {
    QuadMat::from_fn(x.ncols(), y.ncols(), |i, j| {
        x.column(i)
            .iter()
            .zip(y.column(j).iter())
            .fold(Quad::zero(), |s, (p, q)| s + &p.conj_complex() * q)
    })
}

/// `r_ij = c_ij / sqrt(a_i * b_j)` with `c = x'y`, `a`, `b` the sums of
/// squares of the centred columns: a number of a field or one term
/// `c/sqrt(k)` (`corr([1 2 3], [1 2 4])` is `3*sqrt(21)/14`); `None`
/// when a column does not vary (the floats give NaN, as Octave).
fn exact_corr(x: &QuadMat, y: &QuadMat) -> Option<Value> {
    let (cx, cy) = (exact_centred(x), exact_centred(y));
    let squares = |c: &QuadMat| -> Vec<Quad> {
        c.column_iter()
            .map(|col| {
                col.iter()
                    .fold(Quad::zero(), |s, q| s + q * &q.conj_complex())
            })
            .collect()
    };
    let (a, b) = (squares(&cx), squares(&cy));
    let cross = exact_cross(&cx, &cy);
    let entries = (0..cross.len()).map(|k| {
        let (i, j) = (k % cross.nrows(), k / cross.nrows());
        Quad::over_sqrt(&cross[(i, j)], &(&a[i] * &b[j]))
    });
    let out: Vec<Quad> = entries.collect::<Option<_>>()?;
    Some(Value::quad(QuadMat::from_vec(
        cross.nrows(),
        cross.ncols(),
        out,
    )))
}

fn vecnorm(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let m = a.complex(0)?;
    let p = match a.get(1) {
        Some(v) if !v.is_empty() => a.f64(1)?,
        _ => 2.0,
    };
    if p.is_nan() || p <= 0.0 {
        return Err(a.wrong(1, "a positive number or Inf"));
    }
    let dim = if a.len() > 2 {
        match a.int(2)? {
            d @ (1 | 2) => d,
            _ => return Err(a.wrong(2, "a dimension 1 or 2")),
        }
    } else if m.nrows() == 1 {
        2
    } else {
        1
    };
    let norm = |it: &mut dyn Iterator<Item = f64>| -> f64 {
        if p.is_infinite() {
            it.fold(0.0, f64::max)
        } else if p == 2.0 {
            it.map(|x| x * x).sum::<f64>().sqrt()
        } else {
            it.map(|x| x.powf(p)).sum::<f64>().powf(1.0 / p)
        }
    };
    let out = if dim == 1 {
        RMat::from_fn(1, m.ncols(), |_, j| {
            norm(&mut m.column(j).iter().map(|z| z.norm()))
        })
    } else {
        RMat::from_fn(m.nrows(), 1, |i, _| {
            norm(&mut m.row(i).iter().map(|z| z.norm()))
        })
    };
    one(Value::real(out))
}

/// The complex Schur form `A = Q T Q'`, T upper triangular.
fn schur(name: &str, a: &Args) -> Result<(CMat, CMat)> {
    let m = a.complex(0)?.into_owned();
    require_square(name, m.shape())?;
    if m.iter().any(|z| !z.re.is_finite() || !z.im.is_finite()) {
        return Err(LaError::eval(format!("{name}: input must be finite")));
    }
    let s = nalgebra::linalg::Schur::try_new(m, f64::EPSILON, 10_000)
        .ok_or_else(|| LaError::eval(format!("{name}: the Schur form did not converge")))?;
    let (q, mut t) = s.unpack();
    // below the diagonal is rounding only
    for j in 0..t.ncols() {
        for i in j + 1..t.nrows() {
            t[(i, j)] = C64::new(0.0, 0.0);
        }
    }
    Ok((q, t))
}

/// The principal square root of an upper triangular matrix.
fn sqrt_tri(t: &CMat) -> CMat {
    let n = t.nrows();
    let mut r = CMat::zeros(n, n);
    for j in 0..n {
        r[(j, j)] = t[(j, j)].sqrt();
        for i in (0..j).rev() {
            let s: C64 = (i + 1..j).map(|k| r[(i, k)] * r[(k, j)]).sum();
            let num = t[(i, j)] - s;
            let den = r[(i, i)] + r[(j, j)];
            r[(i, j)] = if num == C64::new(0.0, 0.0) {
                num
            } else {
                num / den
            };
        }
    }
    r
}

/// Real when the input is real and every eigenvalue (diagonal of T) is real
/// and non-negative (positive for the logarithm): the result is then real
/// and any imaginary part is rounding.
fn narrow(a: &Args, t: &CMat, x: CMat, strict: bool) -> Value {
    let real_in = !matches!(a.vals[0], Value::Complex(_));
    let scale = t.iter().map(|z| z.norm()).fold(0.0, f64::max).max(1.0);
    let ok = (0..t.nrows()).all(|i| {
        let z = t[(i, i)];
        z.im.abs() <= 1e-12 * scale && (z.re > 0.0 || (!strict && z.re >= 0.0))
    });
    if real_in && ok {
        Value::real(x.map(|z| z.re))
    } else {
        Value::complex(x)
    }
}

fn sqrtm(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (q, t) = schur("sqrtm", &a)?;
    let x = &q * sqrt_tri(&t) * q.adjoint();
    one(narrow(&a, &t, x, false))
}

fn logm(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (q, t) = schur("logm", &a)?;
    let n = t.nrows();
    if (0..n).any(|i| t[(i, i)].norm() == 0.0) {
        return Err(LaError::eval(
            "logm: the matrix is singular, so it has no logarithm",
        ));
    }
    let id = CMat::identity(n, n);
    let mut r = t.clone();
    let mut s = 0;
    while (&r - &id).norm() > 0.25 && s < 100 {
        r = sqrt_tri(&r);
        s += 1;
    }
    let x = &r - &id;
    let mut term = x.clone();
    let mut sum = CMat::zeros(n, n);
    for k in 1..=200 {
        let sign = if k % 2 == 1 { 1.0 } else { -1.0 };
        sum += &term * C64::new(sign / k as f64, 0.0);
        if term.norm() < 1e-18 {
            break;
        }
        term = &term * &x;
    }
    let l = sum * C64::new(2f64.powi(s), 0.0);
    let out = &q * l * q.adjoint();
    one(narrow(&a, &t, out, true))
}
