//! Homework mode: `steps EXPR` shows the working of an exact computation as a
//! student would write it, and `latex steps EXPR` the same as LaTeX. The
//! working comes from `crate::exact` as data; this module only picks the
//! computation and the renderer.

use crate::error::{LaError, Result};
use crate::eval::Interp;
use crate::exact::{self, render, ExactWork, RatMat, Step};
use crate::syntax::ast::{Arg, BinOp, Expr, ExprKind};
use crate::value::Value;

const USAGE: &str = "steps: expected one of rref(A), inv(A), det(A), det(A, 'cofactor'), A\\b, eig(A), rank(A), null(A), gramschmidt(A)";

/// The working to show: the text (or LaTeX) and the value it ends with.
struct Working {
    text: String,
    result: Value,
}

pub fn steps(it: &mut Interp, expr: &Expr, latex: bool) -> Result<()> {
    let (name, args) = target(expr)?;
    let mut vals = Vec::with_capacity(args.len());
    for a in &args {
        vals.push(it.eval(a)?);
    }
    let mats = vals
        .iter()
        .filter(|v| v.as_str().is_none())
        .map(|v| exact_arg(v, &name))
        .collect::<Result<Vec<_>>>()?;
    let a = mats.first().ok_or_else(|| LaError::eval(USAGE))?;
    if exact::too_costly_for(a, ExactWork::Steps) {
        return Err(LaError::eval(format!(
            "steps: a {}x{} matrix is too large to show the working",
            a.nrows(),
            a.ncols()
        )));
    }
    let cofactor = vals.iter().any(|v| v.as_str() == Some("cofactor"));
    let w = match name.as_str() {
        "rref" => {
            let (r, _, st) = exact::rref(a);
            working(a, &st, None, latex, Value::Exact(r.into()))
        }
        "inv" => {
            let (inv, st) = exact::inv_steps(a).map_err(err)?;
            let start = exact::augment(a, &exact::matrix::identity(a.nrows()));
            let result = inv.map(Value::exact).ok_or_else(|| {
                LaError::eval("inv: the matrix is singular (a zero row appeared on the left)")
            });
            working(&start, &st, Some(a.ncols()), latex, result?)
        }
        "det" if cofactor => {
            let c = exact::det_cofactor_steps(a).map_err(err)?;
            let text = if latex {
                render::cofactor_latex(&c)
            } else {
                render::cofactor_text(&c)
            };
            Working {
                text,
                result: Value::rat(c.det),
            }
        }
        "det" => {
            let (d, st) = exact::det_steps(a).map_err(err)?;
            working(a, &st, None, latex, Value::rat(d))
        }
        "mldivide" => {
            let b = mats.get(1).ok_or_else(|| LaError::eval(USAGE))?;
            solve_working(a, b, latex)?
        }
        "eig" => {
            let s = exact::eig_steps(a).map_err(err)?;
            let q = exact::splitting::quadratic_steps(a, &s.leftover);
            let text = if latex {
                render::eig_steps_latex(&s) + &render::quadratic_steps_latex(&q)
            } else {
                render::eig_steps_text(&s) + &render::quadratic_steps_text(&q)
            };
            let mut ev: Vec<exact::Quad> =
                s.eigen.iter().map(|e| e.lambda.clone().into()).collect();
            ev.extend(q.eigen.iter().map(|e| e.lambda.clone()));
            exact::splitting::sort_descending(&mut ev);
            Working {
                text,
                result: Value::quad(exact::QuadMat::from_column_slice(ev.len(), 1, &ev)),
            }
        }
        "rank" => {
            let (r, st) = exact::rank_steps(a);
            working(
                a,
                &st,
                None,
                latex,
                Value::rat(exact::Rat::from_i64(r as i64)),
            )
        }
        "null" => {
            let (n, st) = exact::null_steps(a);
            working(a, &st, None, latex, Value::Exact(n.into()))
        }
        "gramschmidt" => gram_schmidt(a, latex),
        _ => return Err(LaError::eval(USAGE).at(expr.span)),
    };
    it.sink.working(&w.text, latex);
    let fmt = it.session.format;
    it.sink.value("ans", &w.result, fmt);
    it.vars_mut().insert("ans", w.result);
    Ok(())
}

/// `steps A\b`: elimination and back substitution when A is square and
/// invertible; otherwise Gauss-Jordan on [A | b] ending in the general
/// solution (ans is the particular solution with the free variables 0, or
/// [] when there is no solution).
fn solve_working(a: &RatMat, b: &RatMat, latex: bool) -> Result<Working> {
    let start = exact::augment(a, b);
    if a.is_square() {
        if let (Some(x), st) = exact::solve_steps(a, b).map_err(err)? {
            return Ok(working(
                &start,
                &st,
                Some(a.ncols()),
                latex,
                Value::Exact(x.into()),
            ));
        }
    }
    if b.ncols() != 1 {
        return Err(LaError::eval(
            "steps A\\b: without a unique solution the working is shown for one right-hand side at a time",
        ));
    }
    let (g, st) = exact::solve_general_steps(a, b).map_err(err)?;
    let result = g.particular.map_or_else(Value::empty, Value::exact);
    Ok(working(&start, &st, Some(a.ncols()), latex, result))
}

fn working(
    start: &RatMat,
    st: &[Step],
    split: Option<usize>,
    latex: bool,
    result: Value,
) -> Working {
    let text = if latex {
        render::working_latex(start, st, split)
    } else {
        render::working_text(start, st, split)
    };
    Working { text, result }
}

/// The function named by the expression and its argument expressions.
fn target(expr: &Expr) -> Result<(String, Vec<Expr>)> {
    match &expr.kind {
        ExprKind::Call(f, args) => match &f.kind {
            ExprKind::Ident(name) => {
                let exprs = args
                    .iter()
                    .map(|a| match a {
                        Arg::Expr(e) => Ok(e.clone()),
                        Arg::Colon => Err(LaError::eval(USAGE).at(expr.span)),
                    })
                    .collect::<Result<_>>()?;
                Ok((name.to_string(), exprs))
            }
            _ => Err(LaError::eval(USAGE).at(expr.span)),
        },
        ExprKind::Binary(BinOp::LDiv, a, b) => {
            Ok(("mldivide".into(), vec![(**a).clone(), (**b).clone()]))
        }
        _ => Err(LaError::eval(USAGE).at(expr.span)),
    }
}

fn exact_arg(v: &Value, name: &str) -> Result<RatMat> {
    match v.to_exact() {
        Some(m) => Ok(m.into_owned()),
        None => Err(LaError::eval(format!(
            "steps {name}: the working is shown for exact input only (this value holds floating-point numbers; type integers or fractions such as 1/3, or use exact(x))"
        ))),
    }
}

fn err(e: exact::ExactError) -> LaError {
    LaError::eval(e.to_string())
}

/// Exact Gram-Schmidt: the orthogonal v_k stay rational and the result is
/// Q = [v_1/||v_1|| ...] exactly (entries w_i/sqrt(k)).
fn gram_schmidt(a: &RatMat, latex: bool) -> Working {
    let st = exact::orth::gram_schmidt(a);
    let text = if latex {
        render::gram_schmidt_latex(&st)
    } else {
        render::gram_schmidt_text(&st)
    };
    let vs: Vec<&RatMat> = exact::orth::kept(&st).collect();
    let result = match exact::orth::q_and_r(a, &vs, &[]) {
        Some((q, _)) => Value::quad(q),
        // A norm too large to factor: the unit vectors in floating point.
        None => Value::real(crate::linalg::RMat::from_fn(a.nrows(), vs.len(), |i, j| {
            vs[j][i].to_f64() / exact::orth::norm2(vs[j]).to_f64().sqrt()
        })),
    };
    Working { text, result }
}
