//! What `check` works on: the question (la's own outputs with the
//! arguments as typed), the student's answers with how each decimal was
//! typed, and the verdict; plus the names and shapes its messages use.

use super::mat::Mat;
use super::num::{nums, Num, Typed};
use crate::error::{LaError, Result, Span};
use crate::value::Value;
use nalgebra::DMatrix;

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
    pub(super) fn typed_at(&self, i: usize, j: usize) -> Option<Typed> {
        let t = self.typed.as_ref()?;
        if i < t.nrows() && j < t.ncols() {
            t[(i, j)]
        } else {
            None
        }
    }
    /// Entry `k` in column-major order (a vector's k-th element).
    pub(super) fn typed_lin(&self, k: usize) -> Option<Typed> {
        let t = self.typed.as_ref()?;
        t.iter().nth(k).copied().flatten()
    }
    /// The coarsest rounding typed: its half unit and description.
    pub(super) fn rounding(&self) -> Option<Typed> {
        self.typed
            .as_ref()?
            .iter()
            .flatten()
            .copied()
            .min_by_key(|t| t.decimals)
    }
    pub(super) fn half_unit(&self) -> f64 {
        self.rounding().map_or(0.0, Typed::half_unit)
    }
    /// The typed decimal with fewest significant digits, if it has fewer than 2.
    pub(super) fn too_coarse(&self) -> Option<Typed> {
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
    pub(super) fn right(note: Option<String>) -> Verdict {
        Verdict {
            correct: true,
            message: match note {
                Some(n) => format!("correct ({n})"),
                None => "correct".into(),
            },
        }
    }
    pub(super) fn right_with(text: String) -> Verdict {
        Verdict {
            correct: true,
            message: format!("correct{text}"),
        }
    }
    pub(super) fn wrong(reason: impl Into<String>) -> Verdict {
        Verdict {
            correct: false,
            message: format!("not correct: {}", reason.into()),
        }
    }
}

pub(super) fn bad(ans: &Answer, msg: impl std::fmt::Display) -> LaError {
    LaError::eval(format!("check: {msg}")).at(ans.span)
}

/// How to call argument `k` in a formula: its name when it is a variable
/// (`M*v`), else `A`, `b`.
pub(super) fn arg_name(q: &Question, k: usize) -> String {
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
pub(super) fn out_name(q: &Question, k: usize, default: &str) -> String {
    q.outputs
        .get(k)
        .cloned()
        .unwrap_or_else(|| default.to_string())
}

pub(super) fn shape_text((r, c): (usize, usize)) -> String {
    format!("{r}x{c}")
}

/// A numeric answer's entries, or an error for text.
pub(super) fn answer_nums(a: &Answer, what: &str) -> Result<DMatrix<Num>> {
    match &a.value {
        Value::Str(s) => Err(bad(
            a,
            format!("your answer is text ('{s}') but {what} is a number or matrix"),
        )),
        v => nums(v).ok_or_else(|| bad(a, "this answer is not a number or matrix")),
    }
}

pub(super) fn answer_mat(a: &Answer, what: &str) -> Result<Mat> {
    answer_nums(a, what)?;
    Mat::of(&a.value).ok_or_else(|| bad(a, "this answer is not a number or matrix"))
}

pub(super) fn arg_mat(q: &Question, k: usize) -> Result<Mat> {
    q.args.get(k).and_then(Mat::of).ok_or_else(|| {
        LaError::eval(format!(
            "check: {}: argument {} is not a matrix",
            q.text,
            k + 1
        ))
    })
}
