//! `A\b` and `lstsq(A, b)`: the solution when it is unique, any solution
//! (with the general one shown) when there are many, a least-squares
//! solution when there is none.

use super::claim::{answer_mat, arg_mat, arg_name, bad, shape_text, Answer, Question, Verdict};
use super::entries::unique;
use super::mat::Mat;
use super::num::FLOAT_TOL;
use super::residual::{residual_ok, rounded_note};
use crate::error::Result;
use crate::exact;

/// `A\b` and `lstsq(A, b)`: the solution when unique; any solution when there
/// are many; a least-squares solution when there is none.
pub(super) fn solve(q: &Question, x: &Answer, lstsq: bool) -> Result<Verdict> {
    let a = arg_mat(q, 0)?;
    let b = arg_mat(q, 1)?;
    let (m, n) = a.shape();
    if b.shape().0 != m {
        return unique(q, std::slice::from_ref(x));
    }
    let xm = answer_mat(x, q.text)?;
    let want_shape = (n, b.shape().1);
    if xm.shape() != want_shape {
        let hint = if xm.shape() == (want_shape.1, want_shape.0) && want_shape.1 == 1 {
            " (a column: separate the entries with ;)"
        } else {
            ""
        };
        return Err(bad(
            x,
            format!(
                "your answer is {} but {} is {}{hint}",
                shape_text(xm.shape()),
                q.text,
                shape_text(want_shape)
            ),
        ));
    }
    let (an, bn) = (arg_name(q, 0), arg_name(q, 1));
    let rank_a = a.rank(1e-10 * a.max_abs().max(1.0) * (m.max(n) as f64));
    let ab = match (&a, &b) {
        (Mat::E(x), Mat::E(y)) => Mat::E(exact::augment(x, y)),
        _ => {
            let (af, bf) = (a.f(), b.f());
            let mut j = crate::linalg::CMat::zeros(m, n + bf.ncols());
            j.columns_mut(0, n).copy_from(&af);
            j.columns_mut(n, bf.ncols()).copy_from(&bf);
            Mat::F(j)
        }
    };
    let consistent = ab.rank(1e-10 * ab.max_abs().max(1.0) * (m.max(n) as f64)) == rank_a;
    let h = x.half_unit();
    let ax = a.mul(&xm);
    if consistent {
        let r = ax.sub(&b);
        let fb = FLOAT_TOL * a.norm_inf().max(1.0) * xm.max_abs().max(1.0);
        let rb = a.norm_inf() * h;
        if rank_a == n {
            // Unique: compare entries, then explain with A*x.
            let v = unique(q, std::slice::from_ref(x))?;
            if v.correct || residual_ok(&r, fb, 0.0, None).is_ok() {
                return Ok(v);
            }
            return Ok(Verdict::wrong(format!(
                "{} ({an}*x = {} is not {bn} = {})",
                v.message.trim_start_matches("not correct: "),
                ax.inline(),
                b.inline()
            )));
        }
        return match residual_ok(&r, fb, rb, x.rounding()) {
            Ok(t) => {
                let note = match rounded_note(t, &[x]) {
                    Ok(n) => n,
                    Err(v) => return Ok(v),
                };
                let general = general_solution(&a, &xm);
                let mut text = format!(": a particular solution; every solution is {general}");
                if let Some(n) = note {
                    text.push_str(&format!(" ({n})"));
                }
                Ok(Verdict::right_with(text))
            }
            Err(()) => Ok(Verdict::wrong(format!(
                "{an}*x = {} is not {bn} = {}",
                ax.inline(),
                b.inline()
            ))),
        };
    }
    // No exact solution: least squares, A'*A*x = A'*b.
    let at = a.t();
    let lhs = at.mul(&ax);
    let rhs = at.mul(&b);
    let r = lhs.sub(&rhs);
    let ata = at.mul(&a).norm_inf();
    let fb = FLOAT_TOL * ata.max(1.0) * xm.max_abs().max(1.0) + FLOAT_TOL * rhs.max_abs();
    match residual_ok(&r, fb, ata * h, x.rounding()) {
        Ok(t) => {
            let note = match rounded_note(t, &[x]) {
                Ok(n) => n,
                Err(v) => return Ok(v),
            };
            let kind = if rank_a == n {
                "the least-squares solution"
            } else {
                "a least-squares solution (one of many)"
            };
            let mut text = format!(
                ": {kind}; {an}*x = {bn} has no exact solution{}",
                if lstsq { "" } else { ", and x satisfies A'*A*x = A'*b" }
            );
            if let Some(n) = note {
                text.push_str(&format!(" ({n})"));
            }
            Ok(Verdict::right_with(text))
        }
        Err(()) => Ok(Verdict::wrong(format!(
            "{an}*x = {bn} has no exact solution, and yours is not a least-squares one: {an}'*{an}*x = {} is not {an}'*{bn} = {}",
            lhs.inline(),
            rhs.inline()
        ))),
    }
}

/// `x = [..] + t1*[..] + ...` with the student's x as the particular solution.
pub(super) fn general_solution(a: &Mat, x: &Mat) -> String {
    let basis = match a.exact().and_then(exact::null_if_affordable) {
        Some(z) => Mat::E(z),
        None => {
            let f = a.f();
            let svd = f.clone().svd(false, true);
            let (n, tol) = (
                f.ncols(),
                1e-10 * f.iter().map(|z| z.norm()).fold(1.0, f64::max),
            );
            let r = svd.singular_values.iter().filter(|&&s| s > tol).count();
            match svd.v_t {
                Some(vt) => Mat::F(vt.adjoint().columns(r, n - r).into_owned()),
                None => Mat::F(crate::linalg::CMat::zeros(n, 0)),
            }
        }
    };
    let mut out = format!("x = {}", x.inline());
    for j in 0..basis.shape().1 {
        out.push_str(&format!(" + t{}*{}", j + 1, basis.col(j).inline()));
    }
    out
}
