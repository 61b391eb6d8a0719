//! Spans, bases and projections (the four fundamental subspaces as
//! orthonormal bases), Gram–Schmidt, and the equality checks scripts use to
//! verify identities: inspan, colspace, rowspace, leftnull, proj,
//! gramschmidt, isequal, approx.

use super::ctx::Ctx;
use super::linalg::priced;
use super::{one, Args, Builtin, Doc, Topic, MANY};
use crate::error::{LaError, Result};
use crate::exact::RatMat;
use crate::linalg::{self, decomp, solve, RMat};
use crate::value::Value;

/// Default relative tolerance of `approx`, `inspan` and `gramschmidt`.
const REL_TOL: f64 = 1e-10;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "inspan",
        min_args: 2,
        max_args: 3,
        max_out: 2,
        doc: Doc {
            topic: Topic::Solving,
            signature: "inspan(b, A), inspan(b, A, tol), [tf, x] = inspan(b, A)",
            summary: concat!(
                "True when b is a linear combination of the columns of A; x gives the ",
                "coefficients (least squares)."
            ),
            math: &[
                "b in span(A) <=> rank([A b]) = rank(A)",
                "ranks count singular values > tol, default tol = 1e-10 * norm([A b])",
                concat!(
                    "x = lstsq(A, b), so A*x = b when tf is true (and A*x is the closest ",
                    "point of span(A) otherwise)"
                ),
            ],
            example: &[
                ">> inspan([2; 3; 5], [1 0; 0 1; 1 1])",
                "ans = 1",
                ">> inspan([1; 0; 0], [1 0; 0 1; 1 1])",
                "ans = 0",
                ">> [tf, x] = inspan([2; 3; 5], [1 0; 0 1; 1 1]); round(x)",
                "ans =",
                "",
                "   2",
                "   3",
            ],
            related: &["rank", "colspace", "proj", "lstsq"],
        },
        run: inspan,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "colspace",
        min_args: 1,
        max_args: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "colspace(A)",
            summary: concat!(
                "Orthonormal basis of the column space (range) of A, as columns, from ",
                "the SVD; for exact A, the pivot columns of A."
            ),
            math: &[
                "A = U S V'",
                "colspace(A) = first r columns of U, r = rank(A)",
                "span(colspace(A)) = {A x}",
                "Q'*Q = I",
                "each column's largest entry is positive",
            ],
            example: &[
                ">> colspace(double([1 1; 1 1])) * sqrt(2)",
                "ans =",
                "",
                "   1.0000",
                "   1.0000",
                ">> colspace([1 2; 2 4])",
                "ans =",
                "",
                "   1",
                "   2",
                ">> size(colspace([1 2; 3 4]))",
                "ans =",
                "",
                "   2   2",
            ],
            related: &["rowspace", "null", "leftnull", "orth", "rank"],
        },
        run: colspace,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "rowspace",
        min_args: 1,
        max_args: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "rowspace(A)",
            summary: concat!(
                "Orthonormal basis of the row space of A (as columns), from the SVD; ",
                "for exact A, the non-zero rows of rref(A) as columns."
            ),
            math: &[
                "A = U S V'",
                "rowspace(A) = first r columns of V, r = rank(A)",
                "the row space is orthogonal to null(A) and rank(A) + size(null(A), 2) = n",
            ],
            example: &[
                ">> rowspace(double([1 1; 2 2])) * sqrt(2)",
                "ans =",
                "",
                "   1.0000",
                "   1.0000",
            ],
            related: &["colspace", "null", "leftnull", "rank"],
        },
        run: rowspace,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "leftnull",
        min_args: 1,
        max_args: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "leftnull(A)",
            summary: concat!(
                "Orthonormal basis of the left null space of A: the vectors y with ",
                "y'*A = 0 (null(A')); for exact A, null(A', 'r')."
            ),
            math: &[
                "leftnull(A) = null(A') = last m - r columns of U in A = U S V'",
                "it is orthogonal to colspace(A), and r + (m - r) = m",
            ],
            example: &[
                ">> leftnull(double([1; 1])) * sqrt(2)",
                "ans =",
                "",
                "   1.0000",
                "  -1.0000",
            ],
            related: &["null", "colspace", "rowspace"],
        },
        run: leftnull,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "proj",
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Solving,
            signature: "proj(b, A), proj(u, v)",
            summary: concat!(
                "Orthogonal projection of b onto the column space of A (of u onto the ",
                "line through v); exact for fractions."
            ),
            math: &[
                "proj(u, v) = (v'u / v'v) v",
                concat!(
                    "proj(b, A) = Q Q' b with Q = colspace(A) (= A inv(A'A) A' b for ",
                    "independent columns)"
                ),
                concat!(
                    "the residual b - proj(b, A) is orthogonal to every column of A, and ",
                    "proj(proj(b, A), A) = proj(b, A)"
                ),
            ],
            example: &[
                ">> proj([1; 2], [1; 1])",
                "ans =",
                "",
                "   3/2",
                "   3/2",
                ">> proj([3; 4], [1; 0])",
                "ans =",
                "",
                "   3",
                "   0",
            ],
            related: &["colspace", "lstsq", "dot", "gramschmidt"],
        },
        run: proj,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "gramschmidt",
        min_args: 1,
        max_args: 2,
        max_out: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "Q = gramschmidt(A), gramschmidt(A, tol), [Q, R] = gramschmidt(A)",
            summary: concat!(
                "Orthonormalise the columns of A (modified Gram-Schmidt); dependent ",
                "columns are dropped with a note. Exact A (and no tol) is done exactly: ",
                "each unit column is shown as w/sqrt(k), e.g. 1/sqrt(2), and R is exact; ",
                "steps gramschmidt(A) shows the working."
            ),
            math: &[
                concat!(
                    "for each column a_j: v = a_j, then v = v - (q_i'v) q_i for each ",
                    "earlier q_i (done twice for stability)"
                ),
                concat!(
                    "if ||v|| <= tol * ||a_j|| (default tol = 1e-10) the column is ",
                    "dropped, else q = v / ||v||. Q'*Q = I, span(Q) = span(A), A = Q*R ",
                    "with R = Q'*A"
                ),
            ],
            example: &[
                ">> Q = gramschmidt([3 1; 4 2])",
                "Q =",
                "",
                "    3/5   -4/5",
                "    4/5    3/5",
                ">> Q = gramschmidt([1 1; 1 0])",
                "Q =",
                "",
                "    1/sqrt(2)    1/sqrt(2)",
                "    1/sqrt(2)   -1/sqrt(2)",
                ">> norm(Q'*Q - eye(2)) < 1e-12",
                "ans = 1",
                ">> size(gramschmidt([1 2; 1 2]))",
                "ans =",
                "",
                "   2   1",
            ],
            related: &["qr", "orth", "colspace", "proj"],
        },
        run: gramschmidt,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "isequal",
        min_args: 2,
        max_args: MANY,
        doc: Doc {
            topic: Topic::Output,
            signature: "isequal(A, B, ...)",
            summary: concat!(
                "True when all arguments have the same size and exactly the same ",
                "values (the type may differ: isequal(1, true) is true)."
            ),
            math: &[
                "size(A) = size(B) and A_ij = B_ij for all i, j",
                "NaN is never equal to anything. For floating-point results use approx",
            ],
            example: &[
                ">> isequal([1 2], [1 2])",
                "ans = 1",
                ">> isequal([1 2], [1; 2])",
                "ans = 0",
                ">> isequal(sqrt(2)^2, 2)",
                "ans = 1",
                ">> isequal(double(sqrt(2))^2, 2)",
                "ans = 0",
            ],
            related: &["approx", "assert"],
        },
        run: isequal,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "approx",
        min_args: 2,
        max_args: 3,
        doc: Doc {
            topic: Topic::Output,
            signature: "approx(A, B), approx(A, B, tol)",
            summary: concat!(
                "True when A and B are equal up to rounding: same size (or one a ",
                "scalar) and close in the Frobenius norm."
            ),
            math: &[
                "||A - B||_F <= tol * max(1, ||B||_F), default tol = 1e-10",
                "e.g. approx(A*(B + C), A*B + A*C), approx(trace(A*B), trace(B*A))",
            ],
            example: &[
                ">> approx(0.1 + 0.2, 0.3)",
                "ans = 1",
                ">> approx(sqrt(2)^2, 2)",
                "ans = 1",
                ">> approx(1, 1.001)",
                "ans = 0",
                ">> approx(1, 1.001, 1e-2)",
                "ans = 1",
            ],
            related: &["isequal", "assert", "norm"],
        },
        run: approx,
        ..Builtin::DEFAULTS
    },
];

fn colspace(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    range_basis(it, &a, "colspace")
}

fn rowspace(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    range_basis(it, &a, "rowspace")
}

/// A real argument without NaN or Inf, named `what` in errors.
fn finite(a: &Args, k: usize, what: &'static str) -> Result<RMat> {
    let m = a.real(k)?.into_owned();
    if m.iter().any(|x| !x.is_finite()) {
        return Err(LaError::from(linalg::LinalgError::NonFinite { func: what }));
    }
    Ok(m)
}

fn shape(m: &RMat) -> String {
    format!("{}x{}", m.nrows(), m.ncols())
}

/// `b` as columns with `rows` rows: a row vector of the right length is
/// transposed. Returns it and whether it was transposed.
fn as_columns(b: RMat, rows: usize, what: &str, a: &RMat) -> Result<(RMat, bool)> {
    if b.nrows() == rows {
        return Ok((b, false));
    }
    if b.nrows() == 1 && b.ncols() == rows {
        return Ok((b.transpose(), true));
    }
    Err(LaError::eval(format!(
        "{what}: b must have as many rows as A (b is {}, A is {})",
        shape(&b),
        shape(a)
    )))
}

/// Singular values, U and V of the thin SVD (empty matrices allowed).
fn thin_svd(what: &'static str, a: &RMat) -> Result<(Vec<f64>, RMat, RMat)> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Ok((Vec::new(), RMat::zeros(m, 0), RMat::zeros(n, 0)));
    }
    let (u, s, v) = decomp::svd(a, true).map_err(|e| match e {
        linalg::LinalgError::NoConvergence { .. } => {
            LaError::from(linalg::LinalgError::NoConvergence { func: what })
        }
        other => LaError::from(other),
    })?;
    Ok(((0..s.nrows()).map(|i| s[(i, i)]).collect(), u, v))
}

/// Octave's default rank tolerance: max(m, n) * sigma_max * eps.
fn rank_of(s: &[f64], dims: (usize, usize)) -> usize {
    let tol = dims.0.max(dims.1) as f64 * s.first().copied().unwrap_or(0.0) * f64::EPSILON;
    s.iter().filter(|&&x| x > tol).count()
}

/// The first `r` columns of `q`, each with its largest entry positive and
/// entries below eps in magnitude set to 0 (as `null`).
fn basis(q: &RMat, r: usize) -> RMat {
    let mut b = q
        .columns(0, r)
        .map(|x| if x.abs() < f64::EPSILON { 0.0 } else { x });
    for j in 0..r {
        linalg::make_dominant_positive(&mut b, j);
    }
    b
}

/// Exact bases for exact input: the pivot columns of A (column space), the
/// non-zero rows of rref(A) as columns (row space), null(A') (left null
/// space). Priced as the rref they come from (`exact::rref_if_affordable`);
/// `None`, with the cost rule's warning, when that gives way.
fn exact_basis(it: &mut dyn Ctx, a: &Args, which: &str) -> Option<Value> {
    use crate::exact::{field, rref_if_affordable, RatMat};
    let m = match a.vals.first()? {
        Value::Exact(m) => m,
        _ => return None,
    };
    if which == "leftnull" {
        let t = m.transpose();
        let (r, piv) = priced(it, a, which, &t, rref_if_affordable)?;
        return Some(Value::Exact(field::null_from_rref(&r, &piv).into()));
    }
    let (r, piv) = priced(it, a, which, m, rref_if_affordable)?;
    let (rows, cols): (usize, Vec<_>) = if which == "colspace" {
        let cols = piv.iter().map(|&j| m.column(j).into_owned()).collect();
        (m.nrows(), cols)
    } else {
        (
            m.ncols(),
            (0..piv.len()).map(|i| r.row(i).transpose()).collect(),
        )
    };
    Some(Value::Exact(if cols.is_empty() {
        RatMat::zeros(rows, 0).into()
    } else {
        RatMat::from_columns(&cols).into()
    }))
}

/// Column space (left singular vectors) or row space (right singular vectors)
/// of the first r = rank(A) singular values; exact input gives exact bases.
fn range_basis(it: &mut dyn Ctx, a: &Args, which: &'static str) -> Result<Vec<Value>> {
    if let Some(v) = exact_basis(it, a, which) {
        return one(v);
    }
    let m = finite(a, 0, which)?;
    let (s, u, v) = thin_svd(which, &m)?;
    let vectors = if which == "colspace" { u } else { v };
    one(Value::Real(basis(&vectors, rank_of(&s, m.shape())).into()))
}

fn leftnull(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(v) = exact_basis(it, &a, "leftnull") {
        return one(v);
    }
    let m = finite(&a, 0, "leftnull")?;
    let t = m.transpose();
    if t.is_empty() {
        return one(Value::Real(RMat::identity(t.ncols(), t.ncols()).into()));
    }
    let z = solve::null(&t, None)
        .map_err(|e| LaError::eval(e.to_string().replacen("null", "leftnull", 1)))?;
    one(Value::Real(z.into()))
}

/// Refuses `f(A, b)` for the documented `f(b, A)`: a first argument with
/// several columns (not a vector) where the vector b belongs, next to a
/// single vector where the matrix A belongs.
fn check_order(what: &str, b: &RMat, am: &RMat) -> Result<()> {
    let is_vector = |m: &RMat| m.nrows() == 1 || m.ncols() == 1;
    if !is_vector(b) && is_vector(am) {
        return Err(LaError::eval(format!(
            "{what}: b must be a vector, got a {} matrix (and A a {} vector): the order is {what}(b, A), vector first",
            shape(b),
            shape(am)
        )));
    }
    Ok(())
}

fn inspan(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let am = finite(&a, 1, "inspan")?;
    let b = finite(&a, 0, "inspan")?;
    check_order("inspan", &b, &am)?;
    let (b, _) = as_columns(b, am.nrows(), "inspan", &am)?;
    let tol = a.tol(2)?;
    let mut ab = RMat::zeros(am.nrows(), am.ncols() + b.ncols());
    ab.columns_mut(0, am.ncols()).copy_from(&am);
    ab.columns_mut(am.ncols(), b.ncols()).copy_from(&b);
    let (s_ab, _, _) = thin_svd("inspan", &ab)?;
    let (s_a, _, _) = thin_svd("inspan", &am)?;
    let tol = tol.unwrap_or(REL_TOL * s_ab.first().copied().unwrap_or(0.0));
    let count = |s: &[f64]| s.iter().filter(|&&x| x > tol).count();
    let tf = count(&s_ab) == count(&s_a);
    if a.nargout < 2 {
        return one(Value::bool(tf));
    }
    let x = if am.is_empty() {
        RMat::zeros(am.ncols(), b.ncols())
    } else {
        solve::lstsq(&am, &b)
            .map_err(|e| LaError::eval(e.to_string().replacen("lstsq", "inspan", 1)))?
    };
    Ok(vec![Value::bool(tf), Value::Real(x.into())])
}

fn proj(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let am = finite(&a, 1, "proj")?;
    let b = finite(&a, 0, "proj")?;
    check_order("proj", &b, &am)?;
    let b_vec = b.nrows() == 1 || b.ncols() == 1;
    let a_vec = am.nrows() == 1 || am.ncols() == 1;
    let line = b_vec && a_vec && b.len() == am.len() && b.len() > 1;
    if line || as_columns(b.clone(), am.nrows(), "proj", &am).is_ok() {
        if let Some(p) = exact_proj(it, &a, line) {
            return one(p);
        }
    }
    // Two vectors of the same length: the line through v, in u's shape.
    if line {
        let (u, v) = (b.as_slice(), am.as_slice());
        let vv: f64 = v.iter().map(|x| x * x).sum();
        let c = if vv == 0.0 {
            0.0
        } else {
            u.iter().zip(v).map(|(p, q)| p * q).sum::<f64>() / vv
        };
        let p = RMat::from_iterator(b.nrows(), b.ncols(), v.iter().map(|x| c * x));
        return one(Value::Real(p.into()));
    }
    let (bc, flipped) = as_columns(b, am.nrows(), "proj", &am)?;
    let (s, u, _) = thin_svd("proj", &am)?;
    let q = u.columns(0, rank_of(&s, am.shape())).into_owned();
    let p = &q * (q.transpose() * &bc);
    one(Value::Real(if flipped {
        p.transpose().into()
    } else {
        p.into()
    }))
}

/// `proj` of rational b and A exactly, as `A x` for the least-squares `x`
/// (the projection onto the column space is one, whatever `x`): the line
/// through a vector v is the column space of v. In b's shape; `None` unless
/// both are rational, or when the cost rule gives way (with its warning).
fn exact_proj(it: &mut dyn Ctx, a: &Args, line: bool) -> Option<Value> {
    let (Value::Exact(b), Value::Exact(am)) = (&a.vals[0], &a.vals[1]) else {
        return None;
    };
    let column = |m: &RatMat| {
        m.clone()
            .reshape_generic(nalgebra::Dyn(m.len()), nalgebra::Dyn(1))
    };
    let am = if line { column(am) } else { (**am).clone() };
    let bc = if b.nrows() == am.nrows() {
        (**b).clone()
    } else {
        column(b)
    };
    let work = crate::exact::ExactWork::Inverse;
    let p = priced(it, a, "proj", &am, |m| {
        if crate::exact::too_costly_for(m, work) {
            return None;
        }
        let (x, _) = crate::exact::lstsq::lstsq(m, &bc).ok()?;
        crate::exact::matrix::matmul(m, &x).ok()
    })?;
    let (r, c) = b.shape();
    Some(Value::exact(
        p.reshape_generic(nalgebra::Dyn(r), nalgebra::Dyn(c)),
    ))
}

/// Exact Gram-Schmidt (no tolerance given): the orthogonal vectors stay
/// rational and Q, R are exact, their entries `w_i/sqrt(k)`.
fn exact_gramschmidt(it: &mut dyn Ctx, a: &Args) -> Option<Vec<Value>> {
    let (Value::Exact(m), None) = (&a.vals[0], a.get(1)) else {
        return None;
    };
    let work = crate::exact::ExactWork::Inverse;
    priced(it, a, "gramschmidt", m, |m| {
        (!crate::exact::too_costly_for(m, work)).then_some(())
    })?;
    let st = crate::exact::orth::gram_schmidt(m);
    let vs: Vec<_> = crate::exact::orth::kept(&st).collect();
    let (q, r) = crate::exact::orth::q_and_r(m, &vs, &[])?;
    let dropped: Vec<usize> = st
        .iter()
        .filter(|s| s.v.is_none())
        .map(|s| s.col + 1)
        .collect();
    warn_dropped(it, &dropped, vs.len(), a.span);
    Some(if a.nargout < 2 {
        vec![Value::quad(q)]
    } else {
        vec![Value::quad(q), Value::quad(r)]
    })
}

fn warn_dropped(it: &mut dyn Ctx, dropped: &[usize], kept: usize, span: crate::error::Span) {
    if dropped.is_empty() {
        return;
    }
    let list: Vec<String> = dropped.iter().map(|j| j.to_string()).collect();
    let (s, those) = if dropped.len() == 1 {
        ("", "it is zero or")
    } else {
        ("s", "each is zero or")
    };
    it.warn(
        &format!(
            "gramschmidt: dropped column{s} {} of A ({those} a linear combination of the earlier columns); Q has {kept} column{}",
            list.join(", "),
            if kept == 1 { "" } else { "s" }
        ),
        span,
    );
}

fn gramschmidt(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(out) = exact_gramschmidt(it, &a) {
        return Ok(out);
    }
    let m = finite(&a, 0, "gramschmidt")?;
    let tol = a.tol(1)?.unwrap_or(REL_TOL);
    let rows = m.nrows();
    let scale = m.column_iter().map(|c| c.norm()).fold(0.0_f64, f64::max);
    let mut qs: Vec<nalgebra::DVector<f64>> = Vec::new();
    // The column of A each q came from, for R's zero pattern.
    let mut origin = Vec::new();
    let mut dropped = Vec::new();
    for (j, col) in m.column_iter().enumerate() {
        let mut v = col.into_owned();
        let n0 = v.norm();
        for _ in 0..2 {
            for q in &qs {
                let c = q.dot(&v);
                v.axpy(-c, q, 1.0);
            }
        }
        let n1 = v.norm();
        // A zero column is dependent too (relative to the largest column).
        if n1 <= tol * n0 || n1 <= f64::EPSILON * scale || n1 == 0.0 {
            dropped.push(j + 1);
            continue;
        }
        qs.push(v / n1);
        origin.push(j);
    }
    warn_dropped(it, &dropped, qs.len(), a.span);
    let q = if qs.is_empty() {
        RMat::zeros(rows, 0)
    } else {
        RMat::from_columns(&qs)
    };
    if a.nargout < 2 {
        return one(Value::Real(q.into()));
    }
    let mut r = q.transpose() * &m;
    for (i, &k) in origin.iter().enumerate() {
        for j in 0..k {
            r[(i, j)] = 0.0;
        }
    }
    Ok(vec![Value::Real(q.into()), Value::Real(r.into())])
}

/// Exact equality of two values as Octave's isequal: same size and values;
/// numbers, logicals and characters compare by value.
fn isequal(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let first = &a.vals[0];
    for v in &a.vals[1..] {
        if !first.is_equal(v) {
            return one(Value::bool(false));
        }
    }
    one(Value::bool(true))
}

fn approx(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let tol = a.tol(2)?.unwrap_or(REL_TOL);
    let (p, q) = (a.complex(0)?, a.complex(1)?);
    let (dx, dy) = (p.shape(), q.shape());
    if dx != dy && p.len() != 1 && q.len() != 1 {
        it.warn(
            &format!(
                "approx: sizes differ ({}x{} vs {}x{}), so not equal",
                dx.0, dx.1, dy.0, dy.1
            ),
            a.span,
        );
        return one(Value::bool(false));
    }
    if p.is_empty() || q.is_empty() {
        return one(Value::bool(dx == dy));
    }
    let n = p.len().max(q.len());
    let at = |m: &crate::linalg::CMat, k: usize| if m.len() == 1 { m[0] } else { m[k] };
    let mut diff2 = 0.0;
    let mut ref2 = 0.0;
    for k in 0..n {
        let (s, t) = (at(&p, k), at(&q, k));
        let finite = |z: crate::linalg::C64| z.re.is_finite() && z.im.is_finite();
        if !finite(s) || !finite(t) {
            // Infinities must match exactly; NaN never matches.
            if s != t {
                return one(Value::bool(false));
            }
            continue;
        }
        diff2 += (s - t).norm_sqr();
        ref2 += t.norm_sqr();
    }
    let ok = diff2.sqrt() <= tol * ref2.sqrt().max(1.0);
    one(Value::bool(ok))
}
