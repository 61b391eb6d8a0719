//! `check`: is a student's answer right, up to what the question allows?
//! The evaluator computes la's own answer and hands it here with the
//! question's arguments and the student's values; this folder applies the
//! mathematics of the question and words the verdict. `judge` sends each
//! question to the module that knows its mathematics: `entries` (one right
//! value, compared entry by entry), `lists` (eigenvalues and singular values
//! in any order), `eigen` (`[V, D] = eig(A)`), `factorizations` (svd, qr),
//! `basis` (same span), `solve` (`A\b`, least squares). Under them:
//! `claim` (question, answers, verdict), `residual` (round-off and typed
//! rounding in property checks), `num` and `mat` (exact or float numbers
//! and matrices). The help page is `CHECK_DOC`.

mod basis;
mod claim;
mod eigen;
mod entries;
mod factorizations;
mod lists;
mod mat;
mod num;
mod residual;
mod solve;

pub use claim::{Answer, Question, Verdict};
pub use num::Typed;

use super::{Doc, Topic};
use crate::error::Result;
use crate::value::Value;
use claim::{arg_name, bad};

/// The help page of the `check` statement (a statement keyword, like `steps`).
pub static CHECK_DOC: Doc = Doc {
    topic: Topic::Output,
    signature: "check QUESTION = ANSWER, check [V, D] = eig(A) = V0, D0",
    summary: concat!(
        "Is your answer right? la computes the question itself and compares by the ",
        "mathematics of the question, not digit by digit: ✓ correct, ✓ correct up to ",
        "scaling, or ✗ not correct with the first thing that fails and what to try. ",
        "Sets ans to true or false; a file of check lines runs as a report ending in ",
        "`N of M correct`. Everything after the last `=` is the answer list, one per output."
    ),
    math: &[
        "unique answers (inv, det, rref, rank, trace, a unique A\\b, any expression): equal entries, exact when both are exact",
        "decimals: 0.333 for 1/3 is right (rounded to 3 decimals); at least 2 significant digits (0.3 is not)",
        "A\\b with many solutions: any x with A*x = b (a particular solution); least squares, lstsq: A'*A*x = A'*b",
        "bases (null, colspace, rowspace, leftnull, eigenspace): same span, right number of independent vectors",
        "orthonormal bases (orth, gramschmidt): also Q'*Q = I",
        "eig(A): the same eigenvalues with multiplicity, in any order",
        "[V, D] = eig(A): D diagonal with the eigenvalues, A*v = d*v for every column, V invertible when A is diagonalizable",
        "svd(A): the singular values; [U, S, V] = svd(A): U'*U = I, V'*V = I, S diagonal >= 0, U*S*V' = A",
        "[Q, R] = qr(A): Q'*Q = I, R upper triangular, Q*R = A",
        "grad, hessian, jacobian: equal within 1e-5 (la differentiates numerically)",
        "text answers (definiteness): the same words, case and dashes ignored",
    ],
    example: &[
        ">> A = [2 1; 1 2];",
        ">> check eig(A) = [1; 3]",
        "✓ correct (any order is fine)",
        ">> check [V, D] = eig(A) = [1 2; 1 -2], diag([3 1])",
        "✓ correct up to scaling: column 1 is 1.4142 × la's; column 2 is 2.8284 × la's",
        ">> check inv(A) = [2 -1; -1 2]/3",
        "✓ correct",
        ">> check det(A) = 4",
        "✗ not correct: you have 4, det(A) is 3 — try `steps det(A)`",
        ">> check 1/3 = 0.333",
        "✓ correct (rounded to 3 decimals)",
        ">> check null([1 1; 2 2]) = [3; -3]",
        "✓ correct (another basis of the same space as la's)",
        ">> check [1 2 1; 2 4 0] \\ [3; 2] = [-1; 1; 2]",
        "✓ correct: a particular solution; every solution is x = [-1; 1; 2] + t1*[-2; 1; 0]",
    ],
    related: &["steps", "assert", "approx", "isequal"],
};

/// Judge the answers to a question.
pub fn judge(q: &Question, answers: &[Answer]) -> Result<Verdict> {
    if let Some(extra) = answers.get(q.expected.len()) {
        let n = q.expected.len();
        return Err(bad(
            extra,
            format!(
                "{} gives {n} output{}; you gave {} answers",
                q.text,
                if n == 1 { "" } else { "s" },
                answers.len()
            ),
        ));
    }
    for a in answers {
        if let Value::Func(_) = a.value {
            return Err(bad(a, "a function handle is not an answer"));
        }
    }
    let v = match (q.func, answers) {
        (Some("eig"), [vals]) => lists::eigenvalues(q, vals)?,
        (Some("eig"), [v, d]) => eigen::eigenpairs(q, v, d)?,
        (Some("svd"), [s]) => lists::singular_values(q, s)?,
        (Some("svd"), [u, s, v]) => factorizations::svd_triple(q, u, s, v)?,
        (Some("qr"), [qm, r]) => factorizations::qr_pair(q, qm, r)?,
        (
            Some(
                f @ ("null" | "colspace" | "rowspace" | "leftnull" | "eigenspace" | "orth"
                | "gramschmidt"),
            ),
            [b],
        ) => basis::basis(q, f, b)?,
        (Some("mldivide"), [x]) if q.args.len() == 2 => solve::solve(q, x, false)?,
        (Some("lstsq"), [x]) if q.args.len() == 2 => solve::solve(q, x, true)?,
        (Some("inv"), [x]) => entries::inverse(q, x)?,
        _ => entries::unique(q, answers)?,
    };
    Ok(with_hint(q, v))
}

/// A wrong verdict says what to try next.
fn with_hint(q: &Question, mut v: Verdict) -> Verdict {
    if v.correct {
        return v;
    }
    let steps = [
        "rref",
        "inv",
        "det",
        "mldivide",
        "eig",
        "rank",
        "null",
        "gramschmidt",
    ];
    let exact_args = q.args.iter().all(|a| matches!(a, Value::Exact(_)));
    match q.func {
        Some(f) if steps.contains(&f) && exact_args => {
            v.message.push_str(&format!(" — try `steps {}`", q.text));
        }
        Some("definiteness") => {
            v.message.push_str(&format!(
                " — try `eig({})`: the signs of the eigenvalues decide",
                arg_name(q, 0)
            ));
        }
        _ => {}
    }
    v
}
