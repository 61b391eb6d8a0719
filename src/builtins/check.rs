//! `check`: is a student's answer right, up to what the question allows?
//! The evaluator computes la's own answer and hands it here with the
//! question's arguments and the student's values; this module applies the
//! mathematics of the question (same span for a basis, A*v = λ*v for an
//! eigenvector, any solution for an underdetermined system, the rounding
//! typed for a decimal) and words the verdict. Its help page is `CHECK_DOC`.

use super::check_num::{
    complex_text, entry_match, nums, tol_for, Mat, Match, Num, Typed, FLOAT_TOL,
};
use super::{Doc, Topic};
use crate::error::{LaError, Result, Span};
use crate::exact::{self, Rat};
use crate::linalg::C64;
use crate::value::Value;
use nalgebra::DMatrix;

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

/// What was asked.
pub struct Question<'a> {
    /// The function asked about (`inv`; `mldivide` for `A\b`), or `None`
    /// for any other expression.
    pub func: Option<&'a str>,
    /// The question as typed: `eig(A)`.
    pub text: &'a str,
    /// Its arguments' values and their text as typed.
    pub args: &'a [Value],
    pub arg_texts: &'a [String],
    /// la's own outputs, at least one per answer.
    pub expected: &'a [Value],
    /// The names of `[V, D] = ...`, empty without them.
    pub outputs: &'a [String],
}

/// One of the student's answers.
pub struct Answer {
    pub value: Value,
    /// Per entry, how a decimal literal was typed (`None` where the entry
    /// is exact as typed or not a literal); absent when unknown.
    pub typed: Option<DMatrix<Option<Typed>>>,
    pub span: Span,
}

impl Answer {
    fn typed_at(&self, i: usize, j: usize) -> Option<Typed> {
        let t = self.typed.as_ref()?;
        if i < t.nrows() && j < t.ncols() {
            t[(i, j)]
        } else {
            None
        }
    }
    /// Entry `k` in column-major order (a vector's k-th element).
    fn typed_lin(&self, k: usize) -> Option<Typed> {
        let t = self.typed.as_ref()?;
        t.iter().nth(k).copied().flatten()
    }
    /// The coarsest rounding typed: its half unit and description.
    fn rounding(&self) -> Option<Typed> {
        self.typed
            .as_ref()?
            .iter()
            .flatten()
            .copied()
            .min_by_key(|t| t.decimals)
    }
    fn half_unit(&self) -> f64 {
        self.rounding().map_or(0.0, Typed::half_unit)
    }
    /// The typed decimal with fewest significant digits, if it has fewer than 2.
    fn too_coarse(&self) -> Option<Typed> {
        self.typed
            .as_ref()?
            .iter()
            .flatten()
            .copied()
            .filter(|t| t.sig == 1)
            .min_by_key(|t| t.sig)
    }
}

/// The verdict: right or not, and the words after the mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub correct: bool,
    /// `correct (rounded to 3 decimals)`, `not correct: entry (2,1) ...`.
    pub message: String,
}

impl Verdict {
    pub fn mark(&self) -> &'static str {
        if self.correct {
            "✓"
        } else {
            "✗"
        }
    }
    /// The verdict as one line of plain text.
    pub fn line(&self) -> String {
        format!("{} {}", self.mark(), self.message)
    }
    fn right(note: Option<String>) -> Verdict {
        Verdict {
            correct: true,
            message: match note {
                Some(n) => format!("correct ({n})"),
                None => "correct".into(),
            },
        }
    }
    fn right_with(text: String) -> Verdict {
        Verdict {
            correct: true,
            message: format!("correct{text}"),
        }
    }
    fn wrong(reason: impl Into<String>) -> Verdict {
        Verdict {
            correct: false,
            message: format!("not correct: {}", reason.into()),
        }
    }
}

fn bad(ans: &Answer, msg: impl std::fmt::Display) -> LaError {
    LaError::eval(format!("check: {msg}")).at(ans.span)
}

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
        (Some("eig"), [vals]) => eigenvalues(q, vals)?,
        (Some("eig"), [v, d]) => eigenpairs(q, v, d)?,
        (Some("svd"), [s]) => singular_values(q, s)?,
        (Some("svd"), [u, s, v]) => svd_triple(q, u, s, v)?,
        (Some("qr"), [qm, r]) => qr_pair(q, qm, r)?,
        (
            Some(
                f @ ("null" | "colspace" | "rowspace" | "leftnull" | "eigenspace" | "orth"
                | "gramschmidt"),
            ),
            [b],
        ) => basis(q, f, b)?,
        (Some("mldivide"), [x]) if q.args.len() == 2 => solve(q, x, false)?,
        (Some("lstsq"), [x]) if q.args.len() == 2 => solve(q, x, true)?,
        (Some("inv"), [x]) => inverse(q, x)?,
        _ => unique(q, answers)?,
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

/// How to call argument `k` in a formula: its name when it is a variable
/// (`M*v`), else `A`, `b`.
fn arg_name(q: &Question, k: usize) -> String {
    let ident = |t: &str| {
        t.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    match q.arg_texts.get(k) {
        Some(t) if ident(t) => t.clone(),
        _ => ["A", "b", "c"].get(k).unwrap_or(&"x").to_string(),
    }
}

/// The name of output `k` in messages: `V`, `D`, or `answer 2`.
fn out_name(q: &Question, k: usize, default: &str) -> String {
    q.outputs
        .get(k)
        .cloned()
        .unwrap_or_else(|| default.to_string())
}

fn rel_tol(q: &Question) -> f64 {
    match q.func {
        Some("grad" | "hessian" | "jacobian") => 1e-5,
        _ => FLOAT_TOL,
    }
}

fn shape_text((r, c): (usize, usize)) -> String {
    format!("{r}x{c}")
}

fn entry_label((r, c): (usize, usize), i: usize, j: usize) -> String {
    if r == 1 || c == 1 {
        format!("entry {}", i.max(j) + 1)
    } else {
        format!("entry ({},{})", i + 1, j + 1)
    }
}

/// A numeric answer's entries, or an error for text.
fn answer_nums(a: &Answer, what: &str) -> Result<DMatrix<Num>> {
    match &a.value {
        Value::Str(s) => Err(bad(
            a,
            format!("your answer is text ('{s}') but {what} is a number or matrix"),
        )),
        v => nums(v).ok_or_else(|| bad(a, "this answer is not a number or matrix")),
    }
}

fn answer_mat(a: &Answer, what: &str) -> Result<Mat> {
    answer_nums(a, what)?;
    Mat::of(&a.value).ok_or_else(|| bad(a, "this answer is not a number or matrix"))
}

fn arg_mat(q: &Question, k: usize) -> Result<Mat> {
    q.args.get(k).and_then(Mat::of).ok_or_else(|| {
        LaError::eval(format!(
            "check: {}: argument {} is not a matrix",
            q.text,
            k + 1
        ))
    })
}

/// Normalised words: case, dashes and extra spaces do not count.
fn words(s: &str) -> String {
    s.to_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The outcome of comparing one value entry by entry.
enum Cmp {
    Same(Option<Typed>),
    Differs(String),
}

/// Compare an answer with la's value entry by entry (rows first, as read).
fn compare(want: &Value, a: &Answer, what: &str, rel: f64) -> Result<Cmp> {
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

/// An answer's number as the student typed it: `0.50` stays a decimal.
fn shown(n: &Num, typed: Option<Typed>) -> String {
    match typed {
        Some(t) if t.decimals > 0 && n.c().im == 0.0 => {
            format!("{:.*}", t.decimals.min(20) as usize, n.c().re)
        }
        _ => n.text(),
    }
}

/// Unique answers: every output equal to la's.
fn unique(q: &Question, answers: &[Answer]) -> Result<Verdict> {
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
fn inverse(q: &Question, x: &Answer) -> Result<Verdict> {
    let singular = match q.args.first() {
        Some(Value::Exact(m)) if m.is_square() && !exact::too_costly(m) => {
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

/// `Ok((position in la's list of each answer number, coarsest rounding))`,
/// or `Err((first answer number without a match, its rounding when too coarse))`.
type MultisetMatch = std::result::Result<(Vec<usize>, Option<Typed>), (usize, Option<Typed>)>;

/// Match the answer's numbers to la's as multisets (any order). `Ok` holds
/// the position in la's list of each answer number and the coarsest
/// rounding used; `Err` the index of the first answer number with no match
/// and whether it was only too coarsely rounded.
fn match_multiset(want: &[Num], got: &[Num], typed: &[Option<Typed>], tol: f64) -> MultisetMatch {
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

fn list_text(xs: &[Num]) -> String {
    xs.iter().map(Num::text).collect::<Vec<_>>().join(", ")
}

/// A vector answer's entries in order; an error unless it is a vector of `n`.
fn vector_answer(a: &Answer, n: usize, what: &str, many: &str) -> Result<Vec<Num>> {
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

fn diag_of(v: &Value) -> Vec<Num> {
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

fn list_tol(want: &[Num]) -> f64 {
    FLOAT_TOL
        * want
            .iter()
            .map(|x| x.c().norm())
            .filter(|x| x.is_finite())
            .fold(1.0, f64::max)
}

/// `eig(A)`: the same eigenvalues with multiplicity, in any order.
fn eigenvalues(q: &Question, a: &Answer) -> Result<Verdict> {
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

fn not_in_list(
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
fn singular_values(q: &Question, a: &Answer) -> Result<Verdict> {
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

/// A residual check: exactly zero, or within la's round-off, or (when the
/// answer typed rounded decimals) within what that rounding explains.
/// `Ok(None)` passes exactly, `Ok(Some(t))` passes thanks to rounding `t`,
/// `Err(())` fails.
fn residual_ok(
    r: &Mat,
    float_bound: f64,
    rounding_bound: f64,
    rounding: Option<Typed>,
) -> std::result::Result<Option<Typed>, ()> {
    let base = if r.is_exact() { 0.0 } else { float_bound };
    if r.within(base) {
        return Ok(None);
    }
    match rounding {
        Some(t) if r.within(base + rounding_bound * 1.01) => Ok(Some(t)),
        _ => Err(()),
    }
}

fn coarser(a: Option<Typed>, b: Option<Typed>) -> Option<Typed> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if x.decimals <= y.decimals { x } else { y }),
        (x, None) => x,
        (None, y) => y,
    }
}

/// The verdict when a check passed only thanks to rounding: right, unless
/// some typed decimal has fewer than 2 significant digits.
fn rounded_note(
    t: Option<Typed>,
    answers: &[&Answer],
) -> std::result::Result<Option<String>, Verdict> {
    let Some(t) = t else { return Ok(None) };
    if let Some(c) = answers.iter().find_map(|a| a.too_coarse()) {
        return Err(Verdict::wrong(format!(
            "a decimal with only {} significant digit is too rough to check; give at least 2",
            c.sig
        )));
    }
    Ok(Some(t.describe()))
}

/// Square matrix size, or an error naming the question.
fn square_arg(q: &Question) -> Result<(Mat, usize)> {
    let a = arg_mat(q, 0)?;
    let (r, c) = a.shape();
    if r != c {
        return Err(LaError::eval(format!(
            "check: {}: A must be square",
            q.text
        )));
    }
    Ok((a, r))
}

/// A number shown as a multiplier: `2`, `1/2`, `-1.4142`.
fn factor_text(c: C64) -> String {
    if c.im.abs() > 1e-9 * c.norm() {
        return complex_text(c);
    }
    if let Some(r) = Rat::approx_from_f64(c.re, 1e-9) {
        if r.denom() <= 12.into() {
            return r.to_string();
        }
    }
    crate::value::format::short_number(c.re)
}

/// `v = c * w` for some c; the factor when so.
fn multiple_of(v: &Mat, w: &Mat, tol: f64) -> Option<C64> {
    let (vf, wf) = (v.f(), w.f());
    let (k, _) = wf
        .iter()
        .enumerate()
        .map(|(k, z)| (k, z.norm()))
        .fold((0, 0.0), |m, x| if x.1 > m.1 { x } else { m });
    if wf[k].norm() == 0.0 {
        return None;
    }
    let c = vf[k] / wf[k];
    let scale = vf.iter().map(|z| z.norm()).fold(1.0, f64::max);
    (&vf - &wf * c)
        .iter()
        .all(|z| z.norm() <= tol * scale)
        .then_some(c)
}

/// `[V, D] = eig(A)`: D diagonal with A's eigenvalues, A*v = d*v for each
/// column, V invertible when A is diagonalizable.
fn eigenpairs(q: &Question, va: &Answer, da: &Answer) -> Result<Verdict> {
    let (a, n) = square_arg(q)?;
    let vname = out_name(q, 0, "V");
    let dname = out_name(q, 1, "D");
    let v = answer_mat(va, &vname)?;
    let d = answer_mat(da, &dname)?;
    if v.shape() != (n, n) {
        return Err(bad(
            va,
            format!(
                "{vname} should be {n}x{n} (one eigenvector per column); your answer is {}",
                shape_text(v.shape())
            ),
        ));
    }
    // D as a vector of eigenvalues is accepted too.
    let dvals: Vec<Num> = match d.shape() {
        (r, c) if r == n && c == n => {
            let tol = FLOAT_TOL * d.max_abs().max(1.0) + da.half_unit();
            for j in 0..n {
                for i in 0..n {
                    if i != j
                        && !d.at(i, j).is_zero()
                        && (d.is_exact() && da.half_unit() == 0.0 || d.at(i, j).c().norm() > tol)
                    {
                        return Ok(Verdict::wrong(format!(
                            "{dname} should be diagonal, but {dname}({},{}) is {}",
                            i + 1,
                            j + 1,
                            d.at(i, j).text()
                        )));
                    }
                }
            }
            (0..n).map(|i| d.at(i, i)).collect()
        }
        (r, c) if r * c == n && (r == 1 || c == 1) => (0..n)
            .map(|k| if r == 1 { d.at(0, k) } else { d.at(k, 0) })
            .collect(),
        _ => {
            return Err(bad(
                da,
                format!(
                "{dname} should be {n}x{n} (the eigenvalues on its diagonal); your answer is {}",
                shape_text(d.shape())
            ),
            ))
        }
    };
    let want = diag_of(&q.expected[1]);
    let dtyped: Vec<Option<Typed>> = (0..n)
        .map(|k| {
            if da.value.dims() == (n, n) {
                da.typed_at(k, k)
            } else {
                da.typed_lin(k)
            }
        })
        .collect();
    let (order, mut rounded) = match match_multiset(&want, &dvals, &dtyped, list_tol(&want)) {
        Ok(x) => x,
        Err((k, coarse)) => {
            return Ok(Verdict::wrong(format!(
                "{dname}({},{}): {}",
                k + 1,
                k + 1,
                not_in_list(
                    &dvals[k],
                    dtyped[k],
                    coarse,
                    &want,
                    &format!("an eigenvalue of {}", arg_name(q, 0)),
                    "eigenvalues"
                )
            )))
        }
    };
    let an = a.norm_inf();
    let (hv, hd) = (va.half_unit(), da.half_unit());
    let rounding = coarser(va.rounding(), da.rounding());
    for (j, dj) in dvals.iter().enumerate() {
        let col = v.col(j);
        if col.is_zero_vec() {
            return Ok(Verdict::wrong(format!(
                "column {} of {vname} is zero; an eigenvector is never 0",
                j + 1
            )));
        }
        let av = a.mul(&col);
        let dv = col.scale(dj);
        let r = av.sub(&dv);
        let vn = col.max_abs();
        let float_bound = FLOAT_TOL * (an + dj.c().norm()).max(1.0) * vn.max(1.0);
        let rb = (an + dj.c().norm()) * hv + hd * vn;
        match residual_ok(&r, float_bound, rb, rounding) {
            Ok(t) => rounded = coarser(rounded, t),
            Err(()) => {
                return Ok(Verdict::wrong(format!(
                    "column {} of {vname}: {}*v = {} is not {}*v = {}",
                    j + 1,
                    arg_name(q, 0),
                    av.inline(),
                    dj.text(),
                    dv.inline()
                )))
            }
        }
    }
    // Independence, when A has n independent eigenvectors.
    let la_v = Mat::of(&q.expected[0]);
    let diagonalizable = diagonalizable(&a, &want, la_v.as_ref());
    if diagonalizable {
        let sv = v.singular_values();
        let smax = sv.first().copied().unwrap_or(0.0);
        let tol = FLOAT_TOL * smax.max(1.0) + 2.0 * (n as f64) * hv;
        let independent = if v.is_exact() && hv == 0.0 {
            v.rank(0.0) == n
        } else {
            sv.iter().filter(|&&s| s > tol).count() == n
        };
        if !independent {
            return Ok(Verdict::wrong(format!(
                "the columns of {vname} are dependent, so {vname} is not invertible; {} has {n} independent eigenvectors",
                arg_name(q, 0)
            )));
        }
    }
    let note = match rounded_note(rounded, &[va, da]) {
        Ok(n) => n,
        Err(v) => return Ok(v),
    };
    // How the columns differ from la's.
    let mut notes = Vec::new();
    if let Some(lv) = la_v.filter(|m| m.shape() == (n, n)) {
        let tol = 1e-6 + 10.0 * hv;
        for (j, &k) in order.iter().enumerate() {
            let mine = v.col(j);
            let theirs = lv.col(k);
            match multiple_of(&mine, &theirs, tol) {
                Some(c) if (c - C64::new(1.0, 0.0)).norm() <= tol => {}
                Some(c) => notes.push(format!("column {} is {} × la's", j + 1, factor_text(c))),
                None => notes.push(format!(
                    "column {} is another vector of the eigenspace of {}",
                    j + 1,
                    dvals[j].text()
                )),
            }
        }
    }
    let mut text = String::new();
    if !notes.is_empty() {
        text.push_str(&format!(" up to scaling: {}", notes.join("; ")));
    }
    let mut extra = Vec::new();
    if let Some(n) = note {
        extra.push(n);
    }
    if order.iter().enumerate().any(|(k, &i)| k != i) && want.windows(2).any(|w| w[0] != w[1]) {
        extra.push("eigenvalues in another order than la's, which is fine".into());
    }
    if !extra.is_empty() {
        text.push_str(&format!(" ({})", extra.join("; ")));
    }
    Ok(Verdict::right_with(text))
}

/// True when A has a basis of eigenvectors: exactly from the eigenspaces when
/// A and its eigenvalues are exact, else from la's own V.
fn diagonalizable(a: &Mat, eigenvalues: &[Num], la_v: Option<&Mat>) -> bool {
    let n = a.shape().0;
    if let Mat::E(m) = a.clone().filter_costly() {
        let exact_vals: Option<Vec<&Rat>> = eigenvalues
            .iter()
            .map(|x| match x {
                Num::R(r) => Some(r),
                Num::F(_) => None,
            })
            .collect();
        if let Some(mut vals) = exact_vals {
            vals.sort();
            vals.dedup();
            let dims: Option<usize> = vals
                .iter()
                .map(|l| exact::eigenspace(&m, l).ok().map(|b| b.ncols()))
                .sum();
            if let Some(total) = dims {
                return total == n;
            }
        }
    }
    match la_v {
        Some(v) => {
            let sv = v.singular_values();
            sv.last().copied().unwrap_or(0.0) > 1e-6 * sv.first().copied().unwrap_or(1.0)
        }
        None => true,
    }
}

/// `Q'*Q = I` for the columns of `m`: `Ok(rounding used)` or the reason it fails.
fn orthonormal(m: &Mat, a: &Answer, name: &str) -> std::result::Result<Option<Typed>, String> {
    let (rows, cols) = m.shape();
    let g = m.t().mul(m).sub(&Mat::eye(cols));
    let h = a.half_unit();
    let rb = 2.0 * (rows as f64).sqrt() * h + rows as f64 * h * h;
    let float_bound = FLOAT_TOL * (rows as f64);
    match residual_ok(&g, float_bound, rb, a.rounding()) {
        Ok(t) => Ok(t),
        Err(()) => {
            let bound = if g.is_exact() {
                0.0
            } else {
                float_bound + rb * 1.01
            };
            let (i, j) = g.first_off_by_rows(bound).unwrap_or((0, 0));
            let gram = m.t().mul(m);
            if i == j {
                let len = gram.at(i, i).c().re.max(0.0).sqrt();
                Err(format!(
                    "column {} of {name} has length {}, not 1",
                    i + 1,
                    crate::value::format::short_number(len)
                ))
            } else {
                Err(format!(
                    "columns {} and {} of {name} are not orthogonal (their dot product is {})",
                    i.min(j) + 1,
                    i.max(j) + 1,
                    gram.at(i, j).text()
                ))
            }
        }
    }
}

/// `[U, S, V] = svd(A)`: U and V orthonormal columns, S diagonal with the
/// singular values, U*S*V' = A.
fn svd_triple(q: &Question, ua: &Answer, sa: &Answer, va: &Answer) -> Result<Verdict> {
    let a = arg_mat(q, 0)?;
    let (m, n) = a.shape();
    let (un, sn, vn) = (
        out_name(q, 0, "U"),
        out_name(q, 1, "S"),
        out_name(q, 2, "V"),
    );
    let u = answer_mat(ua, &un)?;
    let s = answer_mat(sa, &sn)?;
    let v = answer_mat(va, &vn)?;
    if u.shape().0 != m {
        return Err(bad(
            ua,
            format!(
                "{un} should have {m} rows (A is {m}x{n}); your answer is {}",
                shape_text(u.shape())
            ),
        ));
    }
    if v.shape().0 != n {
        return Err(bad(
            va,
            format!(
                "{vn} should have {n} rows (A is {m}x{n}); your answer is {}",
                shape_text(v.shape())
            ),
        ));
    }
    let (p, r) = (u.shape().1, v.shape().1);
    if s.shape() != (p, r) {
        return Err(bad(
            sa,
            format!(
                "{sn} should be {p}x{r} to fit {un}*{sn}*{vn}'; your answer is {}",
                shape_text(s.shape())
            ),
        ));
    }
    let hs = sa.half_unit();
    let stol = FLOAT_TOL * s.max_abs().max(1.0) + hs;
    for i in 0..p {
        for j in 0..r {
            let x = s.at(i, j);
            let off = if s.is_exact() && hs == 0.0 {
                !x.is_zero()
            } else {
                x.c().norm() > stol
            };
            if i != j && off {
                return Ok(Verdict::wrong(format!(
                    "{sn} should be diagonal, but {sn}({},{}) is {}",
                    i + 1,
                    j + 1,
                    x.text()
                )));
            }
        }
    }
    let k = p.min(r);
    let sv: Vec<Num> = (0..k).map(|i| s.at(i, i)).collect();
    if let Some(i) = sv.iter().position(|x| x.c().re < 0.0) {
        return Ok(Verdict::wrong(format!(
            "{sn}({},{}) is {}; singular values are never negative (flip the sign of a column of {un} or {vn} instead)",
            i + 1, i + 1, sv[i].text()
        )));
    }
    let mut want = diag_of(&q.expected[1]);
    // la's full list; the answer may hold fewer (economy size) or pad with zeros.
    want.resize(k.max(want.len()), Num::R(Rat::zero()));
    let typed: Vec<Option<Typed>> = (0..k).map(|i| sa.typed_at(i, i)).collect();
    let (order, mut rounded) = match match_multiset(&want, &sv, &typed, list_tol(&want)) {
        Ok(x) => x,
        Err((i, coarse)) => {
            return Ok(Verdict::wrong(format!(
                "{sn}({},{}): {}",
                i + 1,
                i + 1,
                not_in_list(
                    &sv[i],
                    typed[i],
                    coarse,
                    &want,
                    &format!("a singular value of {}", arg_name(q, 0)),
                    "singular values"
                )
            )))
        }
    };
    for (mat, ans, name) in [(&u, ua, &un), (&v, va, &vn)] {
        match orthonormal(mat, ans, name) {
            Ok(t) => rounded = coarser(rounded, t),
            Err(why) => return Ok(Verdict::wrong(why)),
        }
    }
    let prod = u.mul(&s).mul(&v.t());
    let diff = prod.sub(&a);
    let smax = sv.iter().map(|x| x.c().norm()).fold(0.0, f64::max);
    let (hu, hv) = (ua.half_unit(), va.half_unit());
    let rb = smax * ((m * p) as f64).sqrt() * hu
        + smax * ((n * r) as f64).sqrt() * hv
        + (k as f64).sqrt() * hs;
    let fb = FLOAT_TOL * smax.max(1.0) * ((m + n) as f64);
    let rounding = coarser(coarser(ua.rounding(), sa.rounding()), va.rounding());
    match residual_ok(&diff, fb, rb, rounding) {
        Ok(t) => rounded = coarser(rounded, t),
        Err(()) => {
            let bound = if diff.is_exact() { 0.0 } else { fb + rb * 1.01 };
            let (i, j) = diff.first_off_by_rows(bound).unwrap_or((0, 0));
            return Ok(Verdict::wrong(format!(
                "{un}*{sn}*{vn}' has ({},{}) entry {}, not {} as in {}",
                i + 1,
                j + 1,
                prod.at(i, j).text(),
                a.at(i, j).text(),
                arg_name(q, 0)
            )));
        }
    }
    let note = match rounded_note(rounded, &[ua, sa, va]) {
        Ok(n) => n,
        Err(v) => return Ok(v),
    };
    // Columns whose signs differ from la's (for distinct singular values).
    let mut flipped = Vec::new();
    if q.expected.len() >= 3 {
        if let (Some(lu), Some(lv)) = (Mat::of(&q.expected[0]), Mat::of(&q.expected[2])) {
            let distinct = want.windows(2).all(|w| (w[0].c() - w[1].c()).norm() > 1e-6);
            for (j, &i) in order.iter().enumerate() {
                if !distinct || i >= lu.shape().1 || i >= lv.shape().1 {
                    continue;
                }
                let dot = (lu.col(i).t().mul(&u.col(j))).at(0, 0).c().re;
                if dot < 0.0 {
                    flipped.push((j + 1).to_string());
                }
            }
        }
    }
    let mut text = String::new();
    if !flipped.is_empty() {
        text.push_str(&format!(
            " up to signs: column{} {} of {un} and {vn} {} the other sign than la's",
            if flipped.len() == 1 { "" } else { "s" },
            flipped.join(", "),
            if flipped.len() == 1 { "has" } else { "have" }
        ));
    }
    if let Some(n) = note {
        text.push_str(&format!(" ({n})"));
    }
    Ok(Verdict::right_with(text))
}

/// `[Q, R] = qr(A)`: Q orthonormal columns, R upper triangular, Q*R = A.
fn qr_pair(q: &Question, qa: &Answer, ra: &Answer) -> Result<Verdict> {
    let a = arg_mat(q, 0)?;
    let (m, n) = a.shape();
    let (qn, rn) = (out_name(q, 0, "Q"), out_name(q, 1, "R"));
    let qm = answer_mat(qa, &qn)?;
    let r = answer_mat(ra, &rn)?;
    if qm.shape().0 != m || r.shape() != (qm.shape().1, n) {
        return Err(bad(
            ra,
            format!(
                "{qn} should be {m}xk and {rn} kx{n} (A is {m}x{n}); your answers are {} and {}",
                shape_text(qm.shape()),
                shape_text(r.shape())
            ),
        ));
    }
    let hr = ra.half_unit();
    let rtol = FLOAT_TOL * r.max_abs().max(1.0) + hr;
    for j in 0..n {
        for i in (j + 1)..r.shape().0 {
            let x = r.at(i, j);
            let off = if r.is_exact() && hr == 0.0 {
                !x.is_zero()
            } else {
                x.c().norm() > rtol
            };
            if off {
                return Ok(Verdict::wrong(format!(
                    "{rn} should be upper triangular, but {rn}({},{}) is {}",
                    i + 1,
                    j + 1,
                    x.text()
                )));
            }
        }
    }
    let mut rounded = match orthonormal(&qm, qa, &qn) {
        Ok(t) => t,
        Err(why) => return Ok(Verdict::wrong(why)),
    };
    let prod = qm.mul(&r);
    let diff = prod.sub(&a);
    let rmax = r.norm_inf();
    let rb = rmax * (qm.shape().1 as f64).sqrt() * qa.half_unit() + hr * (m as f64).sqrt();
    let fb = FLOAT_TOL * rmax.max(1.0) * (m as f64);
    match residual_ok(&diff, fb, rb, coarser(qa.rounding(), ra.rounding())) {
        Ok(t) => rounded = coarser(rounded, t),
        Err(()) => {
            let bound = if diff.is_exact() { 0.0 } else { fb + rb * 1.01 };
            let (i, j) = diff.first_off_by_rows(bound).unwrap_or((0, 0));
            return Ok(Verdict::wrong(format!(
                "{qn}*{rn} has ({},{}) entry {}, not {} as in {}",
                i + 1,
                j + 1,
                prod.at(i, j).text(),
                a.at(i, j).text(),
                arg_name(q, 0)
            )));
        }
    }
    match rounded_note(rounded, &[qa, ra]) {
        Ok(n) => Ok(Verdict::right(n)),
        Err(v) => Ok(v),
    }
}

/// la's basis of the space asked about, exact when A is.
fn true_basis(q: &Question, f: &str) -> Result<Mat> {
    if let Some(Value::Exact(a)) = q.args.first() {
        if !exact::too_costly(a) {
            match f {
                "null" => return Ok(Mat::E(exact::null(a))),
                "orth" | "gramschmidt" => {
                    let (_, piv) = exact::rref_plain(a);
                    let cols: Vec<_> = piv.iter().map(|&j| a.column(j).into_owned()).collect();
                    return Ok(Mat::E(if cols.is_empty() {
                        exact::RatMat::zeros(a.nrows(), 0)
                    } else {
                        exact::RatMat::from_columns(&cols)
                    }));
                }
                _ => {}
            }
        }
    }
    Mat::of(&q.expected[0])
        .ok_or_else(|| LaError::eval(format!("check: {} is not a matrix", q.text)))
}

/// Orthonormal basis of the column space of the independent columns `b` (floats).
fn orthonormal_basis(b: &Mat) -> crate::linalg::CMat {
    let f = b.f();
    if f.ncols() == 0 {
        return f;
    }
    let qr = f.qr();
    let qm = qr.q();
    qm.columns(0, b.shape().1.min(qm.ncols())).into_owned()
}

/// Bases: the same span with the right number of independent vectors (and
/// orthonormal when the question asks for it).
fn basis(q: &Question, f: &str, a: &Answer) -> Result<Verdict> {
    let b = true_basis(q, f)?;
    let (n, dim) = b.shape();
    let s = answer_mat(a, q.text)?;
    let what = q.text;
    if s.shape().0 * s.shape().1 == 0 {
        return Ok(if dim == 0 {
            Verdict::right(None)
        } else {
            Verdict::wrong(format!(
                "{what} has dimension {dim}; an empty basis spans only the zero vector"
            ))
        });
    }
    let (rows, k) = s.shape();
    if rows != n {
        let hint = if k == n {
            " — write the vectors as columns (transpose with ')"
        } else {
            ""
        };
        return Err(bad(
            a,
            format!(
                "the vectors of {what} have {n} entries (one per row); your answer is {}{hint}",
                shape_text(s.shape())
            ),
        ));
    }
    if dim == 0 {
        return Ok(Verdict::wrong(format!(
            "{what} is only the zero vector (dimension 0); its basis is empty: []"
        )));
    }
    let h = a.half_unit();
    let mut rounded: Option<Typed> = None;
    // Each vector must lie in the space.
    let qb = orthonormal_basis(&b);
    for j in 0..k {
        let col = s.col(j);
        if col.is_zero_vec() {
            return Ok(Verdict::wrong(format!(
                "column {} is zero; a basis never contains the zero vector",
                j + 1
            )));
        }
        let inside = match (&b, &col) {
            (Mat::E(bm), Mat::E(cm)) if h == 0.0 && !exact::too_costly(bm) => {
                let joined = exact::augment(bm, cm);
                Some(exact::rank(&joined) == dim)
            }
            _ => None,
        };
        let inside = match inside {
            Some(x) => x,
            None => {
                let cf = col.f();
                let r = &cf - &qb * (qb.adjoint() * &cf);
                let rm = Mat::F(r);
                let fb = FLOAT_TOL * col.max_abs().max(1.0);
                match residual_ok(&rm, fb, (n as f64).sqrt() * h, a.rounding()) {
                    Ok(t) => {
                        rounded = coarser(rounded, t);
                        true
                    }
                    Err(()) => false,
                }
            }
        };
        if !inside {
            let mut why = format!(
                "your basis spans a different space: {} is not in {what}",
                col.inline()
            );
            if f == "null" {
                if let Ok(am) = arg_mat(q, 0) {
                    if am.shape().1 == n {
                        why.push_str(&format!(
                            " ({}*v = {}, not 0)",
                            arg_name(q, 0),
                            am.mul(&col).inline()
                        ));
                    }
                }
            }
            return Ok(Verdict::wrong(why));
        }
    }
    // Independent, and as many as the dimension.
    let sv = s.singular_values();
    let smax = sv.first().copied().unwrap_or(0.0);
    let tol = FLOAT_TOL * smax.max(1.0) + 2.0 * ((n * k) as f64).sqrt() * h;
    let rank_of = |m: &Mat| {
        if m.is_exact() && h == 0.0 {
            m.rank(0.0)
        } else {
            m.singular_values().iter().filter(|&&x| x > tol).count()
        }
    };
    if rank_of(&s) < k {
        let first_dep = (1..=k)
            .find(|&c| {
                let sub = match &s {
                    Mat::E(m) => Mat::E(m.columns(0, c).into_owned()),
                    Mat::F(m) => Mat::F(m.columns(0, c).into_owned()),
                };
                rank_of(&sub) < c
            })
            .unwrap_or(k);
        return Ok(Verdict::wrong(format!(
            "your vectors are not independent: column {first_dep} is a combination of the ones before it{}",
            if k > dim {
                format!(" ({what} has dimension {dim}, you gave {k} vectors)")
            } else {
                String::new()
            }
        )));
    }
    if k < dim {
        return Ok(Verdict::wrong(format!(
            "your {k} vector{} span only part of {what}, which has dimension {dim}",
            if k == 1 { "" } else { "s" }
        )));
    }
    if matches!(f, "orth" | "gramschmidt") {
        match orthonormal(&s, a, "your basis") {
            Ok(t) => rounded = coarser(rounded, t),
            Err(why) => {
                return Ok(Verdict::wrong(format!(
                    "{why} (the question asks for an orthonormal basis)"
                )))
            }
        }
    }
    let note = match rounded_note(rounded, &[a]) {
        Ok(n) => n,
        Err(v) => return Ok(v),
    };
    let same_as_la = matches!(
        compare(&q.expected[0], a, what, FLOAT_TOL),
        Ok(Cmp::Same(_))
    );
    let mut notes = Vec::new();
    if let Some(n) = note {
        notes.push(n);
    }
    if !same_as_la {
        notes.push("another basis of the same space as la's".into());
    }
    Ok(Verdict::right(if notes.is_empty() {
        None
    } else {
        Some(notes.join("; "))
    }))
}

/// `A\b` and `lstsq(A, b)`: the solution when unique; any solution when there
/// are many; a least-squares solution when there is none.
fn solve(q: &Question, x: &Answer, lstsq: bool) -> Result<Verdict> {
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
fn general_solution(a: &Mat, x: &Mat) -> String {
    let basis = match a {
        Mat::E(m) if !exact::too_costly(m) => Mat::E(exact::null(m)),
        _ => {
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
