//! Numeric derivatives for checking hand-derived gradients: grad, hessian,
//! jacobian by central differences.
//!
//! Steps are powers of two (the chosen size rounded to the nearest power of
//! 2) so that x_i ± h is exact in binary floating point: for a polynomial of
//! degree 2 (a quadratic form) the differences are then exact and the results
//! come out as the exact integers one derives by hand.

use super::ctx::Ctx;
use super::{Args, Builtin, Doc, Topic};
use crate::error::{LaError, Result};
use crate::linalg::{self, RMat};
use crate::value::{Func, Value};
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "grad",
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Calculus,
            signature: "grad(f, x)",
            summary: concat!(
                "Gradient of a scalar function f (a function handle of a vector or ",
                "matrix) at x, by central differences."
            ),
            math: &[
                concat!(
                    "g_i = (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i), h_i = eps^(1/3) * ",
                    "max(|x_i|, 1) rounded to a power of 2"
                ),
                concat!(
                    "error O(h^2) + O(eps |f| / h): typically 1e-10 relative on smooth ",
                    "functions, exact for quadratics at points with few binary digits"
                ),
                concat!(
                    "digits are lost when |f(x)| is much larger than |g| * max(|x_i|, 1) ",
                    "(e.g. a large constant added to f). A column for vector x, x's shape ",
                    "for matrix x. Identities: grad of x'Ax is (A + A')x"
                ),
                "grad of ||Xw - y||^2 is 2X'(Xw - y)",
            ],
            example: &[
                ">> grad(@(x) x'*[2 1; 1 3]*x, [1; 2])",
                "ans =",
                "",
                "    8",
                "   14",
                ">> grad(@(x) sum(x.^2), [1 2 3])",
                "ans =",
                "",
                "   2",
                "   4",
                "   6",
            ],
            related: &["hessian", "jacobian"],
        },
        run: grad,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "hessian",
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Calculus,
            signature: "hessian(f, x)",
            summary: concat!(
                "Hessian (matrix of second derivatives) of a scalar function f at x, ",
                "by central differences; symmetric."
            ),
            math: &[
                concat!(
                    "H_ij = d^2 f / dx_i dx_j, from second differences (f(x + h_i e_i + ",
                    "h_j e_j) - f(x + h_i e_i - h_j e_j) - f(x - h_i e_i + h_j e_j) + f(x ",
                    "- h_i e_i - h_j e_j)) / (4 h_i h_j) with one Richardson extrapolation"
                ),
                "h_i = eps^(1/6) * max(|x_i|, 1) rounded to a power of 2",
                concat!(
                    "error O(h^4) + O(eps |f| / h^2): typically 1e-9 relative on smooth ",
                    "functions (exact for quadratics)"
                ),
                concat!(
                    "as for grad, a large |f(x)| relative to the curvature costs digits. ",
                    "hessian of x'Ax is A + A'"
                ),
                concat!(
                    "a positive definite H means f is strictly convex near x, and with ",
                    "grad = 0 there x is a local minimum"
                ),
            ],
            example: &[
                ">> hessian(@(x) x'*[2 1; 1 3]*x, [1; 2])",
                "ans =",
                "",
                "   4   2",
                "   2   6",
                ">> definiteness(hessian(@(x) x(1)^2 + x(1)*x(2) + x(2)^2, [0; 0]))",
                "ans = positive definite",
            ],
            related: &["grad", "definiteness", "jacobian"],
        },
        run: hessian,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "jacobian",
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Calculus,
            signature: "jacobian(f, x)",
            summary: concat!(
                "Jacobian of a vector-valued f at x by central differences: one row ",
                "per output, one column per input."
            ),
            math: &[
                concat!(
                    "J_ki = d f_k / d x_i ~ (f_k(x + h_i e_i) - f_k(x - h_i e_i)) / (2 ",
                    "h_i), h_i = eps^(1/3) * max(|x_i|, 1) rounded to a power of 2"
                ),
                concat!(
                    "typically 1e-10 relative on smooth functions (see grad). The jacobian ",
                    "of A*x is A"
                ),
                "the jacobian of grad(f) is hessian(f)",
            ],
            example: &[
                ">> jacobian(@(x) [x(1)*x(2); x(1) + 3*x(2)], [2; 5])",
                "ans =",
                "",
                "   5   2",
                "   1   3",
                ">> jacobian(@(x) [1 2; 3 4]*x, [0; 0])",
                "ans =",
                "",
                "   1   2",
                "   3   4",
            ],
            related: &["grad", "hessian"],
        },
        run: jacobian,
        ..Builtin::DEFAULTS
    },
];

/// The function handle argument.
fn func_arg(a: &Args) -> Result<Rc<Func>> {
    match a.val(0)? {
        Value::Func(f) => Ok(f.clone()),
        _ => Err(a.wrong(0, "a function handle such as @(x) x'*x")),
    }
}

/// The point x: real, finite, non-empty.
fn point(a: &Args, what: &'static str) -> Result<RMat> {
    let x = a.real(1)?.into_owned();
    if x.is_empty() {
        return Err(LaError::eval(format!(
            "{what}: x must not be empty (got {}x{})",
            x.nrows(),
            x.ncols()
        )));
    }
    if x.iter().any(|v| !v.is_finite()) {
        return Err(LaError::from(linalg::LinalgError::NonFinite { func: what }));
    }
    Ok(x)
}

/// `f(x)` as a real matrix.
fn eval_at(
    it: &mut dyn Ctx,
    f: &Func,
    x: &RMat,
    span: crate::syntax::ast::Span,
    what: &str,
) -> Result<RMat> {
    let out = it.call(f, vec![Value::Real(x.clone().into())], 1, span)?;
    let Some(v) = out.into_iter().next() else {
        return Err(LaError::eval(format!("{what}: f returned no value")));
    };
    if let Value::Complex(_) = v {
        return Err(LaError::eval(format!(
            "{what}: f returned a complex value; only real functions can be differentiated"
        )));
    }
    Ok(v.to_real(what)?.into_owned())
}

/// `f(x)` that must be a scalar.
fn eval_scalar(
    it: &mut dyn Ctx,
    f: &Func,
    x: &RMat,
    span: crate::syntax::ast::Span,
    what: &str,
) -> Result<f64> {
    let v = eval_at(it, f, x, span, what)?;
    if v.len() != 1 {
        return Err(LaError::eval(format!(
            "{what}: f must return a scalar (got {}x{}); for vector-valued f use jacobian",
            v.nrows(),
            v.ncols()
        )));
    }
    Ok(v[0])
}

/// eps^power * max(|x|, 1), rounded to the nearest power of 2.
fn step(x: f64, power: f64) -> f64 {
    let h = f64::EPSILON.powf(power) * x.abs().max(1.0);
    h.log2().round().exp2()
}

/// x with entry i moved by d.
fn moved(x: &RMat, i: usize, d: f64) -> RMat {
    let mut y = x.clone();
    y[i] += d;
    y
}

/// A column for vector x, x's shape for a matrix.
fn shaped(x: &RMat, g: Vec<f64>) -> RMat {
    if x.nrows() == 1 || x.ncols() == 1 {
        RMat::from_vec(g.len(), 1, g)
    } else {
        RMat::from_vec(x.nrows(), x.ncols(), g)
    }
}

fn grad(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let f = func_arg(&a)?;
    let x = point(&a, "grad")?;
    let mut g = Vec::with_capacity(x.len());
    for i in 0..x.len() {
        let h = step(x[i], 1.0 / 3.0);
        let (xp, xm) = (moved(&x, i, h), moved(&x, i, -h));
        let fp = eval_scalar(it, &f, &xp, a.span, "grad")?;
        let fm = eval_scalar(it, &f, &xm, a.span, "grad")?;
        g.push((fp - fm) / (xp[i] - xm[i]));
    }
    Ok(vec![Value::Real(shaped(&x, g).into())])
}

fn jacobian(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let f = func_arg(&a)?;
    let x = point(&a, "jacobian")?;
    let n = x.len();
    let mut j: Option<RMat> = None;
    for i in 0..n {
        let h = step(x[i], 1.0 / 3.0);
        let (xp, xm) = (moved(&x, i, h), moved(&x, i, -h));
        let fp = eval_at(it, &f, &xp, a.span, "jacobian")?;
        let fm = eval_at(it, &f, &xm, a.span, "jacobian")?;
        if fp.shape() != fm.shape() {
            return Err(LaError::eval(format!(
                "jacobian: f returned values of different sizes ({}x{} and {}x{})",
                fp.nrows(),
                fp.ncols(),
                fm.nrows(),
                fm.ncols()
            )));
        }
        let jm = j.get_or_insert_with(|| RMat::zeros(fp.len(), n));
        if jm.nrows() != fp.len() {
            return Err(LaError::eval(format!(
                "jacobian: f returned {} values at one point and {} at another",
                jm.nrows(),
                fp.len()
            )));
        }
        let d = xp[i] - xm[i];
        for k in 0..fp.len() {
            jm[(k, i)] = (fp[k] - fm[k]) / d;
        }
    }
    Ok(vec![Value::Real(
        j.unwrap_or_else(|| RMat::zeros(0, n)).into(),
    )])
}

fn hessian(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let f = func_arg(&a)?;
    let x = point(&a, "hessian")?;
    let n = x.len();
    let f0 = eval_scalar(it, &f, &x, a.span, "hessian")?;
    let h: Vec<f64> = x.iter().map(|&v| step(v, 1.0 / 6.0)).collect();
    let mut hm = RMat::zeros(n, n);
    let at = |it: &mut dyn Ctx, moves: &[(usize, f64)]| -> Result<f64> {
        let mut y = x.clone();
        for &(i, d) in moves {
            y[i] += d;
        }
        eval_scalar(it, &f, &y, a.span, "hessian")
    };
    for i in 0..n {
        // Second difference with step t * h_i, then Richardson on t = 1, 1/2.
        let mut d = [0.0; 2];
        for (k, t) in [1.0, 0.5].into_iter().enumerate() {
            let s = t * h[i];
            let fp = at(it, &[(i, s)])?;
            let fm = at(it, &[(i, -s)])?;
            d[k] = (fp - 2.0 * f0 + fm) / (s * s);
        }
        hm[(i, i)] = (4.0 * d[1] - d[0]) / 3.0;
        for j in 0..i {
            let mut d = [0.0; 2];
            for (k, t) in [1.0, 0.5].into_iter().enumerate() {
                let (si, sj) = (t * h[i], t * h[j]);
                let pp = at(it, &[(i, si), (j, sj)])?;
                let pm = at(it, &[(i, si), (j, -sj)])?;
                let mp = at(it, &[(i, -si), (j, sj)])?;
                let mm = at(it, &[(i, -si), (j, -sj)])?;
                d[k] = ((pp - pm) - (mp - mm)) / (4.0 * si * sj);
            }
            let v = (4.0 * d[1] - d[0]) / 3.0;
            hm[(i, j)] = v;
            hm[(j, i)] = v;
        }
    }
    Ok(vec![Value::Real(hm.into())])
}
