//! Yes/no questions about a matrix (`issymmetric`, `isdiag`, `isorthogonal`,
//! `issingular`, `isposdef`) and `definiteness`; exact input is decided exactly.

use super::super::ctx::Ctx;
use super::super::{one, require_square, Args, Builtin, Doc, Topic};
use super::{complex_arg, exact_err, exact_input, real_finite};
use crate::error::{LaError, Result};
use crate::exact::{self, ExactWork, RatMat};
use crate::linalg::{predicates, RMat};
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "issymmetric",
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Special,
            signature: "issymmetric(A), issymmetric(A, tol)",
            summary: concat!(
                "True when A equals its transpose: exactly for exact input, else within ",
                "tol (default relative to norm(A)); giving tol always uses the tolerance. ",
                "Complex A is compared with its plain transpose A.' (exactly, or within ",
                "tol relative to norm(A, Inf), as Octave)."
            ),
            math: &["A = A'"],
            example: &[">> issymmetric([2 1; 1 3])", "ans = 1"],
            related: &["isdiag", "isorthogonal"],
        },
        run: issymmetric,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "isdiag",
        min_args: 1,
        max_args: 1,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Special,
            signature: "isdiag(A)",
            summary: "True when every off-diagonal entry is zero (exactly zero for exact input; any shape, real or complex).",
            math: &["A_ij = 0 for i != j"],
            example: &[">> isdiag(diag([1 2]))", "ans = 1"],
            related: &["diag", "issymmetric"],
        },
        run: isdiag,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "isorthogonal",
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Special,
            signature: "isorthogonal(Q), isorthogonal(Q, tol)",
            summary: "True when Q is square with orthonormal columns.",
            math: &["Q'Q = QQ' = I, so inv(Q) = Q' and ||Qx|| = ||x||"],
            example: &[">> isorthogonal([0 -1; 1 0])", "ans = 1"],
            related: &["qr", "issymmetric"],
        },
        run: isorthogonal,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "issingular",
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Solving,
            signature: "issingular(A), issingular(A, tol)",
            summary: concat!(
                "True when square A has no inverse (dependent columns). Exact input is ",
                "decided exactly (det(A) = 0); otherwise, or with tol, sigma_min <= tol * sigma_max ",
                "(default tol n * eps)."
            ),
            math: &["det(A) = 0 <=> rank(A) < n <=> 0 is an eigenvalue"],
            example: &[">> issingular([1 2; 2 4])", "ans = 1"],
            related: &["rank", "det", "cond"],
        },
        run: issingular,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "isposdef",
        min_args: 1,
        max_args: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Definiteness,
            signature: "isposdef(A), isposdef(A, tol)",
            summary: concat!(
                "True when A is symmetric positive definite. Exact input is decided ",
                "exactly (every pivot of A = L D L' positive, as chol and definiteness); ",
                "tol is the float tolerance of issymmetric and definiteness."
            ),
            math: &["x'Ax > 0 for all x != 0 <=> all eigenvalues > 0"],
            example: &[">> isposdef([2 -1; -1 2])", "ans = 1"],
            related: &["definiteness", "chol"],
        },
        run: isposdef,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "definiteness",
        min_args: 1,
        max_args: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Definiteness,
            signature: "definiteness(A), definiteness(A, tol)",
            summary: concat!(
                "Classify A by the signs of the eigenvalues of its symmetric part (A + A')/2. ",
                "Exact input is decided exactly (the signs of the pivots of a symmetric ",
                "elimination, Sylvester's law of inertia); otherwise, or with tol, ",
                "eigenvalues with |lambda| <= tol * max|lambda| count as zero ",
                "(default tol 100 * n * eps)."
            ),
            math: &[
                "all > 0: positive definite",
                ">= 0: positive semidefinite",
                "< 0: negative definite",
                "<= 0: negative semidefinite",
                "mixed: indefinite",
            ],
            example: &[
                ">> definiteness([1 0; 0 -1])",
                "ans = indefinite",
                ">> definiteness([1 0; 0 1e-20])",
                "ans = positive definite",
                ">> definiteness(double([1 0; 0 1e-20]))",
                "ans = positive semidefinite",
            ],
            related: &["isposdef", "eig", "quadform"],
        },
        run: definiteness,
        ..Builtin::DEFAULTS
    },
];

/// Argument 0 as exact rationals when it is exact and no tolerance is given:
/// then a yes/no question about it is decided exactly.
fn exact_decision(a: &Args, tol_at: usize) -> Result<Option<&RatMat>> {
    let tol = a.tol(tol_at)?;
    Ok(match (a.num(0)?, tol) {
        (Value::Exact(m), None) => Some(m),
        _ => None,
    })
}

fn issymmetric(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if complex_arg(&a, 0).is_some() {
        return super::super::shape::self_adjoint(&a, false);
    }
    if let Some(m) = exact_decision(&a, 1)? {
        return one(Value::bool(m.is_square() && *m == m.transpose()));
    }
    pred(&a, predicates::issymmetric)
}

fn isdiag(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::bool(super::super::shape::zero_outside(
        &a,
        |i, j| i != j,
    )?))
}

fn isorthogonal(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    pred(&a, predicates::isorthogonal)
}

fn issingular(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    require_square("issingular", a.num(0)?.dims())?;
    if exact_decision(&a, 1)?.is_some() {
        if let Some(x) = exact_input(it, &a, ExactWork::ModularDet, "issingular") {
            return one(Value::bool(
                x.nrows() > 0 && exact::det(&x).map_err(exact_err)?.is_zero(),
            ));
        }
    }
    one(Value::bool(predicates::issingular(
        &*a.real(0)?,
        a.tol(1)?,
    )?))
}

fn isposdef(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(m) = exact_decision(&a, 1)? {
        if !m.is_square() || m.is_empty() || *m != m.transpose() {
            return one(Value::bool(false));
        }
        if let Some(x) = exact_input(it, &a, ExactWork::Det, "isposdef") {
            return one(Value::bool(
                exact::ldl_posdef(&x).map_err(exact_err)?.is_ok(),
            ));
        }
    }
    pred(&a, predicates::isposdef)
}

fn definiteness(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(m) = exact_decision(&a, 1)? {
        require_square("definiteness", m.shape())?;
        if m.is_empty() {
            return Err(LaError::eval("definiteness: input is empty"));
        }
        if let Some(x) = exact_input(it, &a, ExactWork::Det, "definiteness") {
            return one(Value::str(exact::definiteness(&x).map_err(exact_err)?));
        }
    }
    let tol = a.tol(1)?;
    let m = real_finite(&a, 0, "definiteness")?;
    require_square("definiteness", m.shape())?;
    one(Value::str(predicates::definiteness(&m, tol)?))
}

fn pred(a: &Args, f: fn(&RMat, Option<f64>) -> bool) -> Result<Vec<Value>> {
    let tol = a.tol(1)?;
    one(Value::bool(f(&*a.real(0)?, tol)))
}
