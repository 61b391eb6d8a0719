//! Answers that are lists in any order: eigenvalues and singular values
//! matched to la's as multisets, and the message for a number not in the list.

use super::claim::{answer_nums, arg_name, bad, shape_text, Answer, Question, Verdict};
use super::num::{entry_match, nums, shown, Match, Num, Typed, FLOAT_TOL};
use crate::error::Result;
use crate::value::Value;

/// `Ok((position in la's list of each answer number, coarsest rounding))`,
/// or `Err((first answer number without a match, its rounding when too coarse))`.
pub(super) type MultisetMatch =
    std::result::Result<(Vec<usize>, Option<Typed>), (usize, Option<Typed>)>;

/// Match the answer's numbers to la's as multisets (any order). `Ok` holds
/// the position in la's list of each answer number and the coarsest
/// rounding used; `Err` the index of the first answer number with no match
/// and whether it was only too coarsely rounded.
pub(super) fn match_multiset(
    want: &[Num],
    got: &[Num],
    typed: &[Option<Typed>],
    tol: f64,
) -> MultisetMatch {
    let mut used = vec![false; want.len()];
    let mut order = Vec::with_capacity(got.len());
    let mut rounded: Option<Typed> = None;
    for (k, g) in got.iter().enumerate() {
        let t = typed.get(k).copied().flatten();
        let exact = (0..want.len())
            .find(|&i| !used[i] && entry_match(&want[i], g, None, tol) == Match::Equal);
        let hit = exact.or_else(|| {
            (0..want.len()).find(|&i| !used[i] && entry_match(&want[i], g, t, tol).ok())
        });
        match hit {
            Some(i) => {
                used[i] = true;
                order.push(i);
                if let Match::Rounded(t) = entry_match(&want[i], g, t, tol) {
                    if rounded.is_none_or(|r| t.decimals < r.decimals) {
                        rounded = Some(t);
                    }
                }
            }
            None => {
                let coarse = (0..want.len()).find_map(|i| match entry_match(&want[i], g, t, tol) {
                    Match::TooFewDigits(t) => Some(t),
                    _ => None,
                });
                return Err((k, coarse));
            }
        }
    }
    Ok((order, rounded))
}

pub(super) fn list_text(xs: &[Num]) -> String {
    xs.iter().map(Num::text).collect::<Vec<_>>().join(", ")
}

/// A vector answer's entries in order; an error unless it is a vector of `n`.
pub(super) fn vector_answer(a: &Answer, n: usize, what: &str, many: &str) -> Result<Vec<Num>> {
    let g = answer_nums(a, what)?;
    if g.nrows() != 1 && g.ncols() != 1 && !g.is_empty() {
        return Err(bad(
            a,
            format!(
                "{what} is a list of {n} {many} (a column); your answer is {}",
                shape_text(g.shape())
            ),
        ));
    }
    if g.len() != n {
        return Err(bad(
            a,
            format!("there are {n} {many}; your answer has {}", g.len()),
        ));
    }
    Ok(g.iter().cloned().collect())
}

pub(super) fn diag_of(v: &Value) -> Vec<Num> {
    nums(v)
        .map(|m| {
            let k = m.nrows().min(m.ncols());
            if m.nrows() == 1 || m.ncols() == 1 {
                m.iter().cloned().collect()
            } else {
                (0..k).map(|i| m[(i, i)].clone()).collect()
            }
        })
        .unwrap_or_default()
}

pub(super) fn list_tol(want: &[Num]) -> f64 {
    FLOAT_TOL
        * want
            .iter()
            .map(|x| x.c().norm())
            .filter(|x| x.is_finite())
            .fold(1.0, f64::max)
}

/// `eig(A)`: the same eigenvalues with multiplicity, in any order.
pub(super) fn eigenvalues(q: &Question, a: &Answer) -> Result<Verdict> {
    let want = diag_of(&q.expected[0]);
    let n = want.len();
    let g = answer_nums(a, q.text)?;
    if g.nrows() == n && g.ncols() == n && n > 1 {
        return Err(bad(
            a,
            format!(
                "{} is the list of {n} eigenvalues (a column); for the eigenvectors too write check [V, D] = {} = V, D",
                q.text, q.text
            ),
        ));
    }
    let got = vector_answer(a, n, q.text, "eigenvalues")?;
    let typed: Vec<Option<Typed>> = (0..n).map(|k| a.typed_lin(k)).collect();
    match match_multiset(&want, &got, &typed, list_tol(&want)) {
        Ok((order, rounded)) => {
            let mut notes = Vec::new();
            if let Some(t) = rounded {
                notes.push(t.describe());
            }
            if order.iter().enumerate().any(|(k, &i)| k != i)
                && want.windows(2).any(|w| w[0] != w[1])
            {
                notes.push("any order is fine".into());
            }
            Ok(Verdict::right(if notes.is_empty() {
                None
            } else {
                Some(notes.join("; "))
            }))
        }
        Err((k, coarse)) => Ok(Verdict::wrong(not_in_list(
            &got[k],
            typed[k],
            coarse,
            &want,
            &format!("an eigenvalue of {}", arg_name(q, 0)),
            "eigenvalues",
        ))),
    }
}

pub(super) fn not_in_list(
    got: &Num,
    typed: Option<Typed>,
    coarse: Option<Typed>,
    want: &[Num],
    what: &str,
    plural: &str,
) -> String {
    let got_text = shown(got, typed);
    if let Some(t) = coarse {
        return format!(
            "{got_text} has only {} significant digit; give at least 2 (the {plural} are {})",
            t.sig,
            list_text(want)
        );
    }
    let repeated = want
        .iter()
        .any(|w| entry_match(w, got, None, list_tol(want)).ok());
    if repeated {
        format!(
            "{got_text} appears more often in your answer than in the {plural} ({})",
            list_text(want)
        )
    } else {
        format!(
            "{got_text} is not {what} (the {plural} are {})",
            list_text(want)
        )
    }
}

/// `svd(A)`: the singular values, in any order.
pub(super) fn singular_values(q: &Question, a: &Answer) -> Result<Verdict> {
    let want: Vec<Num> = diag_of(&q.expected[0]);
    let got = vector_answer(a, want.len(), q.text, "singular values")?;
    if let Some(neg) = got.iter().find(|g| g.c().re < 0.0) {
        return Ok(Verdict::wrong(format!(
            "{} is negative; singular values are never negative",
            neg.text()
        )));
    }
    let typed: Vec<Option<Typed>> = (0..got.len()).map(|k| a.typed_lin(k)).collect();
    match match_multiset(&want, &got, &typed, list_tol(&want)) {
        Ok((_, rounded)) => Ok(Verdict::right(rounded.map(Typed::describe))),
        Err((k, coarse)) => Ok(Verdict::wrong(not_in_list(
            &got[k],
            typed[k],
            coarse,
            &want,
            &format!("a singular value of {}", arg_name(q, 0)),
            "singular values",
        ))),
    }
}
