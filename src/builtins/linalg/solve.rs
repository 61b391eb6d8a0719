//! Systems and the four subspaces: `inv`, `mldivide`, `det`, `rank`, `cond`,
//! `rcond`, `null`, `orth`, `rref`, `lstsq` and `pinv`, exact for exact input
//! where the work is affordable.

use super::super::ctx::Ctx;
use super::super::{one, quad_linalg, require_square, Args, Builtin, Doc, Topic};
use super::norms::norm_kind;
use super::{complex_arg, exact_err, exact_input, exact_priced, priced};
use crate::error::{LaError, Result};
use crate::exact::{self, ExactWork, Rat, RatMat};
use crate::linalg::{norms, solve, CMat, RMat};
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "inv",
        min_args: 1,
        max_args: 1,
        heavy: true,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "inv(A)",
            summary: concat!(
                "Inverse of a square matrix (warns when singular or ill-conditioned; ",
                "prefer A\\b for solving). An exactly singular exact matrix (det = 0) ",
                "gives all Inf and a warning, as A^-1 does."
            ),
            math: &["inv(A)*A = I; inv(AB) = inv(B)inv(A); inv(A') = inv(A)'"],
            example: &[
                ">> inv([4 7; 2 6])",
                "ans =",
                "",
                "     3/5   -7/10",
                "    -1/5     2/5",
                "",
                ">> inv(double([4 7; 2 6]))",
                "ans =",
                "",
                "   0.6000  -0.7000",
                "  -0.2000   0.4000",
            ],
            related: &["mldivide", "pinv", "det", "cond"],
        },
        run: inv,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "mldivide",
        min_args: 2,
        max_args: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "A \\ b, mldivide(A, b)",
            summary: concat!(
                "Solve A x = b: LU for square A, least squares (QR) for tall A, ",
                "minimum norm for wide A. Exact A and b give the exact answer for every ",
                "shape and rank (minimum-norm least squares through A = C*R, as pinv); ",
                "square exact A of size 8 and up by Dixon's p-adic lifting, checked by A*x == b. ",
                "A triangular A of square roots of different fields (the R of an exact chol) ",
                "is solved by substitution, exactly when every unknown is one number of a ",
                "field or one term x/sqrt(k) (R \\ (R' \\ b) for rational b always is), else ",
                "in floating point (an unknown like (1 - sqrt(2) - 3*sqrt(26)/26)/2)."
            ),
            math: &[
                "x = inv(A) b when A is invertible",
                "else argmin ||Ax - b||_2 (smallest ||x|| among minimisers)",
            ],
            example: &[
                ">> [3 1; 1 2] \\ [9; 8]",
                "ans =",
                "",
                "   2",
                "   3",
                ">> R = chol([2 1; 1 2]);",
                ">> R \\ (R' \\ [1; 2])",
                "ans =",
                "",
                "   0",
                "   1",
            ],
            related: &["inv", "lstsq", "pinv"],
        },
        run: mldivide,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "det",
        min_args: 1,
        max_args: 1,
        heavy: true,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "det(A)",
            summary: concat!(
                "Determinant: exact input exactly (for larger matrices modulo word-size ",
                "primes, rebuilt by the Chinese remainder theorem), floats by LU factorisation."
            ),
            math: &[
                "det(A) = product of eigenvalues",
                "det(AB) = det(A)det(B)",
                "|det| is the volume scale factor",
            ],
            example: &[">> det([1 2; 3 4])", "ans = -2"],
            related: &["inv", "eig", "lu"],
        },
        run: det,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "rank",
        min_args: 1,
        max_args: 2,
        heavy: true,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "rank(A), rank(A, tol)",
            summary: concat!(
                "Number of independent columns: exactly for exact input (by elimination, or ",
                "modulo a prime with an exact check for larger matrices); ",
                "otherwise, or with tol, the number of singular values above tol ",
                "(default max(m,n) * sigma_max * eps)."
            ),
            math: &["rank(A) = dim of the column space = dim of the row space"],
            example: &[
                ">> rank([1 2; 2 4])",
                "ans = 1",
                ">> rank([1 0; 0 1e-3], 1e-2)",
                "ans = 1",
            ],
            related: &["svd", "null", "orth", "rref"],
        },
        run: rank,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "cond",
        min_args: 1,
        max_args: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "cond(A), cond(A, p)",
            summary: concat!(
                "Condition number (default 2-norm): how much A amplifies relative errors ",
                "when solving; p = 1, Inf, 'fro' (or any p > 1) use that norm of A and inv(A)."
            ),
            math: &[
                "cond(A) = sigma_max / sigma_min (Inf if singular)",
                "cond(A, p) = ||A||_p ||inv(A)||_p",
            ],
            example: &[">> cond([1 0; 0 2])", "ans = 2"],
            related: &["rcond", "svd", "inv"],
        },
        run: cond,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "rcond",
        min_args: 1,
        max_args: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "rcond(A)",
            summary:
                "Reciprocal condition number estimate in the 1-norm (near 0: nearly singular).",
            math: &["rcond(A) ~ 1 / (||A||_1 ||inv(A)||_1)"],
            example: &[">> rcond(eye(2))", "ans = 1"],
            related: &["cond"],
        },
        run: rcond,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "null",
        min_args: 1,
        max_args: 2,
        heavy: true,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "null(A), null(A, tol), null(A, 'r')",
            summary: concat!(
                "Orthonormal basis of the null space (as columns). Exact A (and no tol): ",
                "exact, Gram-Schmidt on the columns of null(A, 'r') in their order, each ",
                "turned so its first entry of largest size is positive and divided by its ",
                "norm (entries like 1/sqrt(2)); it spans the same space as Octave's SVD ",
                "basis but may differ from it by an orthogonal transform (signs, rotation ",
                "within the space). Otherwise from the SVD (singular values <= tol count as ",
                "zero; default max(m,n) * sigma_max * eps). null(A, 'r') gives the exact ",
                "basis from rref (free variables = 1, smallest integers)."
            ),
            math: &[
                "A * null(A) = 0, null(A)' * null(A) = I",
                "floats: columns = right singular vectors of zero singular values",
            ],
            example: &[
                ">> null([1 1])",
                "ans =",
                "",
                "    1/sqrt(2)",
                "   -1/sqrt(2)",
                "",
                ">> size(null([1 0; 0 1e-3], 1e-2))",
                "ans =",
                "",
                "   2   1",
            ],
            related: &["orth", "rank", "rref", "eigenspace"],
        },
        run: null,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "orth",
        min_args: 1,
        max_args: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "orth(A), orth(A, tol)",
            summary: concat!(
                "Orthonormal basis of the column space (range). Exact A (and no tol): ",
                "exact, Gram-Schmidt on A's pivot columns (colspace(A)) in their order, ",
                "each turned so its first entry of largest size is positive and divided by ",
                "its norm (entries like 1/sqrt(5)); it spans the same space as Octave's SVD ",
                "basis but may differ from it by an orthogonal transform (signs, rotation ",
                "within the space). Otherwise from the SVD (singular values <= tol count as ",
                "zero; default max(m,n) * sigma_max * eps)."
            ),
            math: &["span(orth(A)) = span of A's columns; orth(A)'*orth(A) = I"],
            example: &[
                ">> orth([1 2; 2 4])",
                "ans =",
                "",
                "   1/sqrt(5)",
                "   2/sqrt(5)",
                "",
                ">> size(orth([1 0; 0 1e-3], 1e-2))",
                "ans =",
                "",
                "   2   1",
            ],
            related: &["null", "rank"],
        },
        run: orth,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "rref",
        min_args: 1,
        max_args: 2,
        max_out: 2,
        heavy: true,
        quad_aware: true,
        any_field: false,
        doc: Doc {
            topic: Topic::Solving,
            signature: "rref(A), rref(A, tol), [R, pivots] = rref(A)",
            summary: concat!(
                "Reduced row echelon form by Gauss-Jordan elimination (exact input: for ",
                "larger matrices, pivots modulo a prime and the rest lifted p-adically, ",
                "then checked exactly); pivots lists the pivot columns."
            ),
            math: &["each pivot is 1, the only non-zero in its column; zero rows last"],
            example: &[
                ">> rref([1 2 3; 4 5 6; 7 8 9])",
                "ans =",
                "",
                "   1   0  -1",
                "   0   1   2",
                "   0   0   0",
            ],
            related: &["rank", "null"],
        },
        run: rref,
    },
    Builtin {
        name: "lstsq",
        min_args: 2,
        max_args: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::LeastSquares,
            signature: "lstsq(A, b)",
            summary: concat!(
                "Minimum-norm least-squares solution for any shape of A (via the SVD; ",
                "exact for exact A and b, through A = C*R as in pinv)."
            ),
            math: &[concat!(
                "x = pinv(A) b minimises ||Ax - b||_2, and has the smallest ||x||_2 ",
                "among minimisers"
            )],
            example: &[
                ">> lstsq([1 1; 1 2; 1 3], [1; 2; 2])'",
                "ans =",
                "",
                "   2/3   1/2",
            ],
            related: &["mldivide", "pinv", "polyfit"],
        },
        run: lstsq,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "pinv",
        min_args: 1,
        max_args: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::LeastSquares,
            signature: "pinv(A), pinv(A, tol)",
            summary: concat!(
                "Moore-Penrose pseudoinverse. Exact for exact A without tol, through the ",
                "full-rank factorisation A = C*R: C the pivot columns, R the rows of rref(A)."
            ),
            math: &[
                "A+ = R' inv(R R') inv(C'C) C' for A = C R of full rank r",
                concat!(
                    "A+ = V D+ U' from A = U D V', with D+ the reciprocals of the non-zero ",
                    "singular values, transposed"
                ),
                "A+ = inv(A'A) A' for full column rank",
            ],
            example: &[
                ">> pinv([1 0; 0 0; 0 2])",
                "ans =",
                "",
                "     1     0     0",
                "     0     0   1/2",
            ],
            related: &["svd", "lstsq", "inv"],
        },
        run: pinv,
        ..Builtin::DEFAULTS
    },
];

fn inv(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if a.num(0)?.is_empty() {
        // Octave: the inverse of any empty matrix is the 0x0 empty matrix.
        return one(a.vals[0].reshaped(0, 0, "inv")?);
    }
    require_square("inverse", a.num(0)?.dims())?;
    if let Some(v) = quad_linalg::input(it, &a).and_then(quad_linalg::inv) {
        return one(v);
    }
    let mut w = Vec::new();
    let r = match exact_input(it, &a, ExactWork::ModularInverse, "inv") {
        Some(x) => crate::ops::exact::inverse(&x, &mut w)?,
        None => crate::ops::inverse(&a.vals[0], &mut w)?,
    };
    w.iter().for_each(|m| it.warn(m, a.span));
    one(r)
}

fn mldivide(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(it.binary(
        crate::syntax::ast::BinOp::LDiv,
        a.num(0)?,
        a.num(1)?,
        a.span,
    )?)
}

fn rank(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let tol = a.tol(1)?;
    a.num(0)?;
    if let Some(q) = tol.is_none().then(|| quad_linalg::input(it, &a)).flatten() {
        return one(quad_linalg::rank(q));
    }
    let mut at_least = 0;
    if tol.is_none() {
        let exact = exact_priced(it, &a, "rank", |m| {
            exact::rank_if_affordable(m)
                .map_err(|lower| at_least = lower)
                .ok()
        });
        if let Some(r) = exact {
            return one(Value::rat(Rat::from_i64(r as i64)));
        }
    }
    let r = solve::rank(&*a.real(0)?, tol)?;
    if r < at_least {
        // The float rank of an ill-conditioned matrix can fall short; the
        // rank modulo a prime cannot exceed the true rank, so it corrects it.
        it.warn(
            &format!("rank: floating point found rank {r}, but exactly (modulo a prime) the rank is at least {at_least}; answering {at_least}"),
            a.span,
        );
        return one(Value::scalar(at_least as f64));
    }
    one(Value::scalar(r as f64))
}

fn cond(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let kind = norm_kind(&a)?;
    let m = a.real(0)?;
    if kind == norms::NormKind::P(2.0) {
        return one(Value::scalar(solve::cond(&m)?));
    }
    require_square("cond", m.shape())?;
    let mut w = Vec::new();
    let inverse = solve::inv(&m, &mut w)?;
    w.iter().for_each(|x| it.warn(x, a.span));
    let (n, ni) = (
        norms::matrix_norm(&m, kind)?,
        norms::matrix_norm(&inverse, kind)?,
    );
    one(Value::scalar(n * ni))
}

fn rcond(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let m = a.real(0)?;
    require_square("rcond", m.shape())?;
    one(Value::scalar(solve::rcond(&m)?))
}

fn null(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    a.num(0)?;
    if a.get(1).is_some_and(|v| v.as_str().is_some()) {
        a.option(1, &["r"])?;
        if let Some(q) = quad_linalg::input(it, &a) {
            return one(quad_linalg::null(q));
        }
        let x = a.vals[0]
            .to_exact()
            .map(|m| m.into_owned())
            .or_else(|| exact::matrix::from_f64_exact(&*a.real(0).ok()?));
        let x = x.ok_or_else(|| LaError::eval("null: the 'r' form needs exact input"))?;
        if let Some(z) = priced(it, &a, "null", &x, exact::null_if_affordable) {
            return one(Value::Exact(z.into()));
        }
        return one(Value::Real(
            null_from_float_rref(&exact::matrix::to_f64(&x)).into(),
        ));
    }
    let tol = a.tol(1)?;
    if tol.is_none() {
        let z = exact_priced(it, &a, "null", exact::null_if_affordable);
        if let Some(q) = z.as_ref().and_then(exact::orth::orthonormal_basis) {
            return one(Value::quad(q));
        }
    }
    one(Value::Real(solve::null(&*a.real(0)?, tol)?.into()))
}

/// The 'r' basis (free variables 1) read off a floating-point rref, for
/// exact input over the cost rule.
pub(in crate::builtins) fn null_from_float_rref(m: &RMat) -> RMat {
    let (r, pivots) = solve::rref(m, None);
    let pivots: Vec<usize> = pivots.iter().map(|k| k - 1).collect();
    let free: Vec<usize> = (0..m.ncols()).filter(|c| !pivots.contains(c)).collect();
    RMat::from_fn(m.ncols(), free.len(), |i, k| {
        match pivots.iter().position(|&p| p == i) {
            Some(row) => -r[(row, free[k])],
            None => f64::from(u8::from(i == free[k])),
        }
    })
}

fn orth(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let tol = a.tol(1)?;
    if let (None, Value::Exact(m)) = (tol, &a.vals[0]) {
        let basis = priced(it, &a, "orth", m, exact::rref_if_affordable)
            .and_then(|(_, pivots)| exact::orth::orthonormal_basis(&m.select_columns(&pivots)));
        if let Some(q) = basis {
            return one(Value::quad(q));
        }
    }
    one(Value::Real(solve::orth(&*a.real(0)?, tol)?.into()))
}

fn rref(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let tol = a.tol(1)?;
    a.num(0)?;
    if let Some(q) = tol.is_none().then(|| quad_linalg::input(it, &a)).flatten() {
        let (r, p) = quad_linalg::rref(q);
        return Ok(vec![r, pivots(&p)]);
    }
    if tol.is_none() {
        if let Some((r, p)) = exact_priced(it, &a, "rref", exact::rref_if_affordable) {
            return Ok(vec![Value::Exact(r.into()), pivots(&p)]);
        }
    }
    let (r, p) = solve::rref(&*a.real(0)?, tol);
    Ok(vec![
        Value::Real(r.into()),
        pivots(&p.iter().map(|k| k - 1).collect::<Vec<_>>()),
    ])
}

fn lstsq(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (ad, bd) = (a.num(0)?.dims(), a.num(1)?.dims());
    if ad.1 == 1 && bd.1 > 1 && ad.0 == bd.0 {
        return Err(LaError::eval(format!(
            "lstsq: the first argument ({}x{}) is a vector and the second ({}x{}) a matrix: the order is lstsq(A, b), matrix A first",
            ad.0, ad.1, bd.0, bd.1
        )));
    }
    if let (Some(Value::Exact(b)), true) = (a.get(1), ad.0 == bd.0) {
        if let Some(x) = exact_input(it, &a, ExactWork::Inverse, "lstsq") {
            let (x, _) = exact::lstsq::lstsq(&x, b).map_err(exact_err)?;
            return one(Value::Exact(x.into()));
        }
    }
    one(Value::Real(
        solve::lstsq(&*a.real(0)?, &*a.real(1)?)?.into(),
    ))
}

fn det(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    require_square("det", a.num(0)?.dims())?;
    if let Some(q) = quad_linalg::input(it, &a) {
        return one(quad_linalg::det(q));
    }
    if let Some(x) = exact_input(it, &a, ExactWork::ModularDet, "det") {
        return one(Value::rat(exact::det(&x).map_err(exact_err)?));
    }
    if let Some(m) = complex_arg(&a, 0) {
        return one(Value::complex(CMat::from_element(1, 1, solve::det_c(m)?)));
    }
    one(Value::scalar(solve::det(&*a.real(0)?)?))
}

fn pinv(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let tol = a.tol(1)?;
    a.num(0)?;
    if let (Some(x), None) = (exact_input(it, &a, ExactWork::Inverse, "pinv"), tol) {
        return one(Value::Exact(
            exact::lstsq::pinv(&x).map_err(exact_err)?.0.into(),
        ));
    }
    if let Some(m) = complex_arg(&a, 0) {
        return one(Value::complex(solve::pinv_c(m, tol)?));
    }
    one(Value::Real(solve::pinv(&*a.real(0)?, tol)?.into()))
}

/// Pivot columns (0-based) as the 1-based row Octave returns.
fn pivots(p: &[usize]) -> Value {
    Value::exact(RatMat::from_row_slice(
        1,
        p.len(),
        &p.iter()
            .map(|&k| Rat::from_i64(k as i64 + 1))
            .collect::<Vec<_>>(),
    ))
}
