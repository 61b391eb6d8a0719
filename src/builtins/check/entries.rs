//! Answers with one right value (inv, det, rref, any expression): equal
//! entry by entry, exactly when both sides are exact, with the rounding
//! typed for decimals; words for text answers; for `inv`, what A*X gives.

use super::claim::{
    answer_nums, arg_mat, arg_name, bad, out_name, shape_text, Answer, Question, Verdict,
};
use super::mat::Mat;
use super::num::{entry_match, nums, shown, tol_for, Match, Typed, FLOAT_TOL};
use crate::error::{LaError, Result};
use crate::exact;
use crate::value::Value;

pub(super) fn rel_tol(q: &Question) -> f64 {
    match q.func {
        Some("grad" | "hessian" | "jacobian") => 1e-5,
        _ => FLOAT_TOL,
    }
}

pub(super) fn entry_label((r, c): (usize, usize), i: usize, j: usize) -> String {
    if r == 1 || c == 1 {
        format!("entry {}", i.max(j) + 1)
    } else {
        format!("entry ({},{})", i + 1, j + 1)
    }
}

/// Normalised words: case, dashes and extra spaces do not count.
pub(super) fn words(s: &str) -> String {
    s.to_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The outcome of comparing one value entry by entry.
pub(super) enum Cmp {
    Same(Option<Typed>),
    Differs(String),
}

/// Compare an answer with la's value entry by entry (rows first, as read).
pub(super) fn compare(want: &Value, a: &Answer, what: &str, rel: f64) -> Result<Cmp> {
    if let Value::Str(w) = want {
        return match &a.value {
            Value::Str(g) if words(g) == words(w) => Ok(Cmp::Same(None)),
            Value::Str(g) => Ok(Cmp::Differs(format!("{what} is '{w}', not '{g}'"))),
            _ => Err(bad(
                a,
                format!("{what} is a word ('{w}'); write your answer in quotes"),
            )),
        };
    }
    let w = nums(want).ok_or_else(|| LaError::eval(format!("check: {what} is not a number")))?;
    let g = answer_nums(a, what)?;
    if w.shape() != g.shape() {
        if w.is_empty() && g.is_empty() {
            return Ok(Cmp::Same(None));
        }
        let hint = if w.len() == g.len() && (w.nrows() == 1 || w.ncols() == 1) {
            if w.ncols() == 1 {
                " (a column: separate the entries with ;)"
            } else {
                " (a row: separate the entries with spaces)"
            }
        } else {
            ""
        };
        return Err(bad(
            a,
            format!(
                "your answer is {} but {what} is {}{hint}",
                shape_text(g.shape()),
                shape_text(w.shape())
            ),
        ));
    }
    let tol = tol_for(&w, rel);
    let mut rounded: Option<Typed> = None;
    for i in 0..w.nrows() {
        for j in 0..w.ncols() {
            let t = a.typed_at(i, j);
            match entry_match(&w[(i, j)], &g[(i, j)], t, tol) {
                Match::Equal => {}
                Match::Rounded(t) => {
                    if rounded.is_none_or(|r| t.decimals < r.decimals) {
                        rounded = Some(t);
                    }
                }
                m => {
                    let label = if w.len() == 1 {
                        "your answer".to_string()
                    } else {
                        entry_label(w.shape(), i, j)
                    };
                    let got = shown(&g[(i, j)], t);
                    let right = w[(i, j)].text();
                    let msg = match m {
                        Match::TooFewDigits(t) => format!(
                            "{} {got} matches {right} to only {} significant digit; give at least 2",
                            if w.len() == 1 { "your" } else { &label },
                            t.sig
                        ),
                        _ if w.len() == 1 => format!("you have {got}, {what} is {right}"),
                        _ => format!("{label} is {got}, the right value is {right}"),
                    };
                    return Ok(Cmp::Differs(msg));
                }
            }
        }
    }
    Ok(Cmp::Same(rounded))
}

/// Unique answers: every output equal to la's.
pub(super) fn unique(q: &Question, answers: &[Answer]) -> Result<Verdict> {
    let mut note: Option<Typed> = None;
    for (k, (want, a)) in q.expected.iter().zip(answers).enumerate() {
        let what = if answers.len() == 1 {
            q.text.to_string()
        } else {
            format!("output {} of {}", k + 1, q.text)
        };
        match compare(want, a, &what, rel_tol(q))? {
            Cmp::Same(t) => {
                if let Some(t) = t {
                    if note.is_none_or(|n| t.decimals < n.decimals) {
                        note = Some(t);
                    }
                }
            }
            Cmp::Differs(why) if answers.len() > 1 => {
                let name = out_name(q, k, &format!("answer {}", k + 1));
                return Ok(Verdict::wrong(format!("in {name}: {why}")));
            }
            Cmp::Differs(why) => return Ok(Verdict::wrong(why)),
        }
    }
    Ok(Verdict::right(note.map(Typed::describe)))
}

/// `inv(A)`: equal to the inverse; when not, what A*X gives.
pub(super) fn inverse(q: &Question, x: &Answer) -> Result<Verdict> {
    let singular = match q.args.first() {
        Some(Value::Exact(m))
            if m.is_square() && !exact::too_costly_for(m, exact::ExactWork::ModularDet) =>
        {
            exact::det(m).is_ok_and(|d| d.is_zero())
        }
        _ => nums(&q.expected[0]).is_some_and(|m| m.iter().any(|z| !z.c().re.is_finite())),
    };
    if singular {
        return Ok(Verdict::wrong(format!(
            "{} is singular (its determinant is 0), so it has no inverse",
            arg_name(q, 0)
        )));
    }
    let v = unique(q, std::slice::from_ref(x))?;
    if v.correct {
        return Ok(v);
    }
    let (Ok(a), Some(xm)) = (arg_mat(q, 0), Mat::of(&x.value)) else {
        return Ok(v);
    };
    if a.shape().1 != xm.shape().0 || a.shape().0 != xm.shape().1 {
        return Ok(v);
    }
    let n = a.shape().0;
    let r = a.mul(&xm).sub(&Mat::eye(n));
    let bound = if r.is_exact() {
        0.0
    } else {
        FLOAT_TOL * a.norm_inf().max(1.0) * xm.norm_inf().max(1.0) + a.norm_inf() * x.half_unit()
    };
    match r.first_off_by_rows(bound) {
        Some((i, j)) => {
            let ax = a.mul(&xm);
            let want = if i == j { 1 } else { 0 };
            Ok(Verdict {
                correct: false,
                message: format!(
                    "{} (your inverse gives {}*X with ({},{}) entry {}, not {want})",
                    v.message,
                    arg_name(q, 0),
                    i + 1,
                    j + 1,
                    ax.at(i, j).text()
                ),
            })
        }
        None => Ok(v),
    }
}
