//! Regression: polynomial fits and linear regression with an intercept, both
//! by QR least squares (never the explicit inverse of X'X).

use super::ctx::Ctx;
use super::{one, Args, Builtin, Doc, Topic};
use crate::error::{LaError, Result};
use crate::linalg::{self, decomp, solve, RMat};
use crate::value::Value;

/// linreg warns when cond(X'X) exceeds this.
const COND_WARN: f64 = 1e10;

/// polyfit refuses higher degrees (x^n overflows and the fit is meaningless).
const MAX_DEGREE: usize = 1000;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "polyfit",
        min_args: 3,
        max_args: 3,
        doc: Doc {
            topic: Topic::LeastSquares,
            signature: "p = polyfit(x, y, n)",
            summary: concat!(
                "Least-squares polynomial of degree n through the points (x, y); ",
                "coefficients highest power first (as polyval wants)."
            ),
            math: &[
                "V = [x.^n ... x.^1 x.^0] (Vandermonde)",
                concat!(
                    "p minimises ||V p - y||_2, solved by QR: V = QR, R p = Q'y. With n + ",
                    "1 points of distinct x the fit is exact (interpolation)"
                ),
            ],
            example: &[
                ">> polyfit([0 1 2 3], [1 2 2 4], 1)",
                "ans =",
                "",
                "   0.9000   0.9000",
                ">> polyval(polyfit([0 1 2 3], [1 2 2 4], 1), 4)",
                "ans = 4.5000",
            ],
            related: &["polyval", "linreg", "lstsq", "roots"],
        },
        run: polyfit,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "linreg",
        min_args: 2,
        max_args: 2,
        max_out: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::LeastSquares,
            signature: "w = linreg(X, y), [w, mse] = linreg(X, y)",
            summary: concat!(
                "Linear regression with an intercept: w(1) is the intercept, w(2:end) ",
                "the weights of X's columns (features); mse is the mean squared error."
            ),
            math: &[
                "Z = [ones(m, 1) X]",
                concat!(
                    "w minimises ||Z w - y||^2, solved by QR of Z (not inv(Z'Z) Z'y, the ",
                    "normal equations, which square the condition number)"
                ),
                "mse = ||Z w - y||^2 / m. Warns when cond(Z'Z) = cond(Z)^2 > 1e10",
            ],
            example: &[
                ">> [w, mse] = linreg([1; 2; 3], [1; 2; 2])",
                "w =",
                "",
                "   0.6667",
                "   0.5000",
                "",
                "mse = 0.055556",
            ],
            related: &["polyfit", "lstsq", "mldivide", "cond"],
        },
        run: linreg,
        ..Builtin::DEFAULTS
    },
];

fn finite(a: &Args, k: usize, what: &'static str) -> Result<RMat> {
    let m = a.real(k)?.into_owned();
    if m.iter().any(|x| !x.is_finite()) {
        return Err(LaError::from(linalg::LinalgError::NonFinite { func: what }));
    }
    Ok(m)
}

/// Least squares by QR when `z` has full column rank, else the minimum-norm
/// solution (SVD) and the rank found. Also returns cond(z).
fn qr_lstsq(z: &RMat, y: &RMat, what: &str) -> Result<(RMat, usize, f64)> {
    let rename = |e: linalg::LinalgError| LaError::eval(e.to_string().replacen("svd", what, 1));
    let s = decomp::svd_values(z).map_err(rename)?;
    let (m, n) = z.shape();
    let smax = s.first().copied().unwrap_or(0.0);
    let tol = m.max(n) as f64 * smax * f64::EPSILON;
    let r = s.iter().filter(|&&x| x > tol).count();
    let cond = match s.last() {
        Some(&lo) if lo > 0.0 && s.len() == n => smax / lo,
        _ => f64::INFINITY,
    };
    if r < n {
        let x = solve::lstsq(z, y)
            .map_err(|e| LaError::eval(e.to_string().replacen("lstsq", what, 1)))?;
        return Ok((x, r, cond));
    }
    let (q, rr) = decomp::qr(z, true);
    let rhs = q.transpose() * y;
    let x = rr
        .upper_triangle()
        .solve_upper_triangular(&rhs)
        .ok_or_else(|| LaError::eval(format!("{what}: the triangular factor R is singular")))?;
    Ok((x, r, cond))
}

fn polyfit(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let x = finite(&a, 0, "polyfit")?;
    let y = finite(&a, 1, "polyfit")?;
    let n = a.usize(2)?;
    a.same_counts(&[("x", x.len()), ("y", y.len())], "elements")?;
    if x.is_empty() {
        return Err(LaError::eval("polyfit: x and y must not be empty"));
    }
    if n > MAX_DEGREE {
        return Err(LaError::eval(format!(
            "polyfit: degree {n} is too large (at most {MAX_DEGREE}; high-degree fits are numerically meaningless)"
        )));
    }
    it.check_alloc("polyfit", x.len() as f64, n as f64 + 1.0, 8)?;
    let m = x.len();
    let v = RMat::from_fn(m, n + 1, |i, j| x[i].powi((n - j) as i32));
    let yc = RMat::from_iterator(m, 1, y.iter().copied());
    let (p, r, _) = qr_lstsq(&v, &yc, "polyfit")?;
    if r < n + 1 {
        it.warn(
            &format!(
                "polyfit: degree {n} needs at least {} distinct x values (the Vandermonde matrix has rank {r}); returning the minimum-norm fit",
                n + 1
            ),
            a.span,
        );
    }
    one(Value::Real(p.transpose().into()))
}

fn linreg(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let mut x = finite(&a, 0, "linreg")?;
    let y = finite(&a, 1, "linreg")?;
    if y.nrows() != 1 && y.ncols() != 1 {
        return Err(LaError::eval(format!(
            "linreg: y must be a vector (got {}x{})",
            y.nrows(),
            y.ncols()
        )));
    }
    // One feature given as a row: treat it as a column of observations.
    if x.nrows() == 1 && x.ncols() == y.len() && y.len() > 1 {
        x = x.transpose();
    }
    let (m, d) = x.shape();
    if m != y.len() {
        return Err(LaError::eval(format!(
            "linreg: X needs one row per element of y (X is {m}x{d}, y is {}x{})",
            y.nrows(),
            y.ncols()
        )));
    }
    if m == 0 {
        return Err(LaError::eval("linreg: no observations (X and y are empty)"));
    }
    let mut z = RMat::from_element(m, d + 1, 1.0);
    z.columns_mut(1, d).copy_from(&x);
    let yc = RMat::from_iterator(m, 1, y.iter().copied());
    let (w, r, cond) = qr_lstsq(&z, &yc, "linreg")?;
    if r < d + 1 {
        it.warn(
            &format!(
                "linreg: [ones X] has rank {r} < {} (too few observations or collinear features); returning the minimum-norm weights",
                d + 1
            ),
            a.span,
        );
    } else if cond * cond > COND_WARN {
        it.warn(
            &format!(
                "linreg: X'X is ill-conditioned (cond = {}, with the intercept column); the weights are sensitive to small changes in the data",
                linalg::fmt_g(cond * cond)
            ),
            a.span,
        );
    }
    if a.nargout < 2 {
        return one(Value::Real(w.into()));
    }
    let res = &z * &w - &yc;
    let mse = res.norm_squared() / m as f64;
    Ok(vec![Value::Real(w.into()), Value::scalar(mse)])
}
