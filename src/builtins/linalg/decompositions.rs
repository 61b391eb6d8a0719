//! The factorisations `lu`, `qr`, `chol` and `svd`, over the reals or the
//! complex numbers (and `qr`/`chol` of exact input decided exactly).

use super::super::ctx::Ctx;
use super::super::{one, quad_linalg, require_square, Args, Builtin, Doc, Topic};
use super::{complex_arg, exact_err, exact_input, real_finite};
use crate::error::{LaError, Result};
use crate::exact::{self, ExactWork};
use crate::linalg::{self, decomp, CMat, RMat};
use crate::value::Value;
use std::borrow::Cow;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "lu",
        min_args: 1,
        max_args: 1,
        max_out: 3,
        heavy: true,
        doc: Doc {
            topic: Topic::Decompositions,
            signature: "[L, U, P] = lu(A), [L, U] = lu(A), Y = lu(A)",
            summary: concat!(
                "LU factorisation with partial pivoting; one output packs both factors ",
                "into Y = L + U - I (LAPACK's form, as Octave)."
            ),
            math: &[
                "P A = L U, L unit lower triangular, U upper triangular, P a permutation",
                "with two outputs L = P'L",
            ],
            example: &[
                ">> [L, U, P] = lu([1 2; 3 4]); U",
                "U =",
                "",
                "   3.0000   4.0000",
                "        0   0.6667",
            ],
            related: &["det", "mldivide"],
        },
        run: lu,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "qr",
        min_args: 1,
        max_args: 2,
        max_out: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Decompositions,
            signature: "[Q, R] = qr(A), [Q, R] = qr(A, 0), qr(A, 'econ')",
            summary: concat!(
                "QR factorisation: orthogonal (complex: unitary) Q, upper triangular R ",
                "(qr(A, 0) is the economy size). For exact A whose leading columns are ",
                "independent, Q and R are exact: Q's columns are unit vectors w/sqrt(k) from ",
                "exact Gram-Schmidt, signed as the floating-point (Householder, Octave's) ",
                "factorisation; the full Q of a tall A completes the basis by Gram-Schmidt on ",
                "the columns of eye(m), and R has zero rows below A's columns."
            ),
            math: &["A = Q R, Q'Q = I"],
            example: &[
                ">> [Q, R] = qr([3 0; 4 5]); abs(R)",
                "ans =",
                "",
                "   5   4",
                "   0   3",
                "",
                ">> [Q, R] = qr([1 1; 1 0; 0 1])",
                "Q =",
                "",
                "   -1/sqrt(2)    1/sqrt(6)   -1/sqrt(3)",
                "   -1/sqrt(2)   -1/sqrt(6)    1/sqrt(3)",
                "            0    2/sqrt(6)    1/sqrt(3)",
                "",
                "R =",
                "",
                "     -sqrt(2)   -1/sqrt(2)",
                "            0    sqrt(6)/2",
                "            0            0",
            ],
            related: &["lu", "chol", "orth"],
        },
        run: qr,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "chol",
        min_args: 1,
        max_args: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Decompositions,
            signature: "R = chol(A)",
            summary: concat!(
                "Cholesky factor of a symmetric (complex: Hermitian) positive definite ",
                "matrix; only the upper triangle is read. Exact input is decided exactly, ",
                "as isposdef and definiteness, and gives the exact R (rational multiples ",
                "of square roots)."
            ),
            math: &[
                "A = R'R with R upper triangular; fails exactly when A is not positive definite",
            ],
            example: &[
                ">> chol([4 2; 2 3])",
                "ans =",
                "",
                "         2         1",
                "         0   sqrt(2)",
            ],
            related: &["isposdef", "lu"],
        },
        run: chol,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "svd",
        min_args: 1,
        max_args: 2,
        max_out: 3,
        heavy: true,
        doc: Doc {
            topic: Topic::Decompositions,
            signature: "s = svd(A), [U, S, V] = svd(A), svd(A, 'econ'), svd(A, 0)",
            summary:
                "Singular value decomposition; one output gives the singular values (descending).",
            math: &[
                concat!(
                    "A = U S V', U (m x m) and V (n x n) orthogonal (unitary for complex ",
                    "A, V' the conjugate transpose), S diagonal with sigma_1 >= sigma_2 >= ",
                    "... >= 0"
                ),
                "sigma_i^2 are the eigenvalues of A'A",
            ],
            example: &[">> svd([3 0; 4 5])", "ans =", "", "   6.7082", "   2.2361"],
            related: &["pinv", "rank", "norm", "eig"],
        },
        run: svd,
        ..Builtin::DEFAULTS
    },
];

/// A real or complex matrix argument with no NaN/Inf, for the
/// factorisations that work over both.
pub(super) enum Field<'a> {
    Real(Cow<'a, RMat>),
    Complex(&'a CMat),
}

pub(super) fn field_arg<'a>(a: &'a Args, k: usize, what: &'static str) -> Result<Field<'a>> {
    match complex_arg(a, k) {
        Some(m) => {
            linalg::ensure_finite(what, m)?;
            Ok(Field::Complex(m))
        }
        None => real_finite(a, k, what).map(Field::Real),
    }
}

/// Runs a factorisation over either field; `wrap` turns its matrices into values.
macro_rules! over_field {
    ($arg:expr, |$m:ident, $wrap:ident| $body:expr) => {
        match $arg {
            Field::Real(m) => {
                let $m = &*m;
                let $wrap = Value::real;
                $body
            }
            Field::Complex(m) => {
                let $m = m;
                let $wrap = Value::complex;
                $body
            }
        }
    };
}

fn lu(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    over_field!(field_arg(&a, 0, "lu")?, |m, wrap| {
        if a.nargout <= 1 {
            return one(wrap(decomp::lu_packed(m)));
        }
        if a.nargout <= 2 {
            // Two outputs: L absorbs the permutation so that A = L U.
            let (l, u) = decomp::lu_permuted(m);
            return Ok(vec![wrap(l), wrap(u)]);
        }
        let (l, u, p) = decomp::lu(m);
        Ok(vec![wrap(l), wrap(u), Value::Real(p.into())])
    })
}

/// The economy-size flag of `qr`/`svd`: absent, `0` or `'econ'`.
fn econ_flag(a: &Args, k: usize) -> Result<bool> {
    match a.get(k) {
        None => Ok(false),
        Some(v) if v.as_str().is_some() => Ok(a.option(k, &["econ"])?.is_some()),
        Some(_) if a.f64(k).ok() == Some(0.0) => Ok(true),
        Some(_) => Err(a.wrong(k, "0 or 'econ'")),
    }
}

fn qr(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let econ = econ_flag(&a, 1)?;
    if let Some(x) = exact_input(it, &a, ExactWork::Inverse, "qr") {
        let (q, r) = decomp::qr(&exact::matrix::to_f64(&x), econ);
        let (q, r) = quad_linalg::qr(&x, &q, &r).unwrap_or((Value::real(q), Value::real(r)));
        return Ok(if a.nargout <= 1 { vec![r] } else { vec![q, r] });
    }
    over_field!(field_arg(&a, 0, "qr")?, |m, wrap| {
        let (q, r) = decomp::qr(m, econ);
        if a.nargout <= 1 {
            return one(wrap(r));
        }
        Ok(vec![wrap(q), wrap(r)])
    })
}

fn chol(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Value::Exact(m) = a.num(0)? {
        require_square("chol", m.shape())?;
        if let Some(x) = exact_input(it, &a, ExactWork::Det, "chol") {
            // Decided exactly (as isposdef and definiteness): A = L D L',
            // so R = sqrt(D) L'.
            return match exact::ldl_posdef(&x).map_err(exact_err)? {
                Ok((l, d)) => one(quad_linalg::chol(&l, &d)),
                Err(minor) => Err(LaError::from(linalg::LinalgError::NotPositiveDefinite {
                    minor,
                })),
            };
        }
    }
    over_field!(field_arg(&a, 0, "chol")?, |m, wrap| one(wrap(
        decomp::chol(m)?
    )))
}

fn svd(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let econ = econ_flag(&a, 1)?;
    if let Some(m) = complex_arg(&a, 0) {
        if a.nargout <= 1 {
            return one(Value::col(decomp::svd_values_c(m)?));
        }
        let (u, s, v) = decomp::svd_c(m, econ)?;
        return Ok(vec![
            Value::complex(u),
            Value::Real(s.into()),
            Value::complex(v),
        ]);
    }
    let m = real_finite(&a, 0, "svd")?;
    if a.nargout <= 1 {
        return one(Value::col(decomp::svd_values(&m)?));
    }
    let (u, s, v) = decomp::svd(&m, econ)?;
    Ok(vec![
        Value::Real(u.into()),
        Value::Real(s.into()),
        Value::Real(v.into()),
    ])
}
