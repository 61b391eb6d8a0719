//! The entries `x/√k` of unit vectors whose squared norm `k` is no square
//! in their field (see the `quad` module docs): building them, the few
//! operations that stay exact, and their text and LaTeX.

use super::{checked_add, checked_mul, sqrt_quad, Quad};
use num_traits::Zero;
use std::cmp::Ordering;

impl Quad {
    /// `x/√k` for a real `k > 0`: a number of one field when `x/√k` lies in
    /// one (`1/√2`, `(3 + 2√2)/√(3 + 2√2) = 1 + √2`), else `x` and `k` kept
    /// side by side. `None` when `k` is not positive or either number is
    /// itself such a quotient.
    pub fn over_sqrt(x: &Quad, k: &Quad) -> Option<Quad> {
        if x.over.is_some() || k.over.is_some() || k.sign()? != Ordering::Greater {
            return None;
        }
        if x.is_zero() {
            return Some(Quad::zero());
        }
        let in_field = sqrt_quad(k)
            .and_then(|s| s.recip())
            .and_then(|r| checked_mul(x, &r));
        Some(in_field.unwrap_or_else(|| Quad {
            over: Some(Box::new(k.clone())),
            ..x.clone()
        }))
    }

    /// `x` of `x/√k`; a number of a field is its own numerator.
    pub fn numerator(&self) -> Quad {
        Quad {
            over: None,
            ..self.clone()
        }
    }

    /// `k` of `x/√k`; `None` for a number of a field.
    pub fn under_root(&self) -> Option<&Quad> {
        self.over.as_deref()
    }

    /// True for `x/√k` outside every quadratic field.
    pub fn is_scaled(&self) -> bool {
        self.over.is_some()
    }
}

/// `x/√k · r` for a rational `r` (either factor the quotient); `None` for
/// any other factor.
pub(super) fn times_rational(x: &Quad, y: &Quad) -> Option<Quad> {
    let (q, r) = if x.over.is_some() { (x, y) } else { (y, x) };
    let r = r.as_rat()?;
    let k = q.over.as_deref()?;
    Quad::over_sqrt(&(&q.numerator() * &Quad::rat(r.clone())), k)
}

/// `x + y` when one is zero or both share `√k` (entries of one column).
pub(super) fn plus(x: &Quad, y: &Quad) -> Option<Quad> {
    if x.is_zero() {
        return Some(y.clone());
    }
    if y.is_zero() {
        return Some(x.clone());
    }
    let k = x.over.as_deref().filter(|_| x.over == y.over)?;
    Quad::over_sqrt(&checked_add(&x.numerator(), &y.numerator())?, k)
}

/// `x/sqrt(k)` as input text: `-i/sqrt(2)`, `4/sqrt(58 + 6*sqrt(33))`,
/// `(3 + sqrt(33))/sqrt(58 + 6*sqrt(33))`.
pub(super) fn text(x: &Quad, k: &Quad) -> String {
    let top = x.to_string();
    let top = if top.contains([' ', '/']) {
        format!("({top})")
    } else {
        top
    };
    format!("{top}/sqrt({k})")
}

/// `\frac{x}{\sqrt{k}}`, a lone minus sign in front.
pub(super) fn latex(x: &Quad, k: &Quad) -> String {
    let top = x.latex();
    let root = format!("\\sqrt{{{}}}", k.latex());
    match top.strip_prefix('-').filter(|t| !t.contains(' ')) {
        Some(t) => format!("-\\frac{{{t}}}{{{root}}}"),
        None => format!("\\frac{{{top}}}{{{root}}}"),
    }
}
