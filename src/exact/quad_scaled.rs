//! The entries `x/√k` of unit vectors whose squared norm `k` is no square
//! in their field (see the `quad` module docs): building them, the
//! operations that keep one term `x/√k` (products, powers, quotients, sums
//! whose `k` differ by a square factor), exact equality, text and LaTeX.

use super::{field_add, field_mul, sqrt_quad, Quad};
use crate::exact::Rat;
use num_bigint::BigInt;
use num_traits::{One, Zero};
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
            .and_then(|r| field_mul(x, &r));
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

impl Quad {
    /// Exact equality when it can be decided: numbers of fields by their
    /// canonical form, quotients `x/√k` by whether their difference is one
    /// term that vanishes; `None` when the difference is a sum of terms.
    pub fn exact_eq(&self, other: &Quad) -> Option<bool> {
        if !self.is_scaled() && !other.is_scaled() {
            return Some(self == other);
        }
        super::checked_add(self, &-other).map(|d| d.is_zero())
    }
}

/// `q` as `x/√k` (`None` for `k = 1`); a pure real radical `b√p` also as
/// `bp/√p`, so that it can join a quotient whose `x` lies in another field
/// (`√2/2 · i/√2 = i/√4 = i/2`).
fn forms(q: &Quad) -> Vec<(Quad, Option<Quad>)> {
    let mut v = vec![(q.numerator(), q.over.as_deref().cloned())];
    if q.over.is_none() && q.d > 0 && q.a.is_zero() {
        let p = Rat::from_i64(q.d);
        v.push((Quad::rat(&q.b * &p), Some(Quad::rat(p))));
    }
    v
}

/// The first of `f(x-form, y-form)` over the forms of both operands.
fn first_form(x: &Quad, y: &Quad, f: impl Fn(&FormOf, &FormOf) -> Option<Quad>) -> Option<Quad> {
    let fy = forms(y);
    forms(x)
        .iter()
        .find_map(|p| fy.iter().find_map(|q| f(p, q)))
}

type FormOf = (Quad, Option<Quad>);

/// `x1/√k1 · x2/√k2 = x1·x2/√(k1·k2)` (a missing `k` is 1), when both
/// products lie in a field.
pub(super) fn times(x: &Quad, y: &Quad) -> Option<Quad> {
    first_form(x, y, |(x1, k1), (x2, k2)| {
        let top = field_mul(x1, x2)?;
        match (k1, k2) {
            (Some(a), Some(b)) => Quad::over_sqrt(&top, &field_mul(a, b)?),
            (Some(k), None) | (None, Some(k)) => Quad::over_sqrt(&top, k),
            (None, None) => Some(top),
        }
    })
}

/// `x1/√k1 + x2/√k2` as one term `(x1 + x2/t)/√k1` when `√k2 = t√k1` with
/// `t` in a field (`k2/k1` a square there), or when either is zero.
pub(super) fn plus(x: &Quad, y: &Quad) -> Option<Quad> {
    if x.is_zero() {
        return Some(y.clone());
    }
    if y.is_zero() {
        return Some(x.clone());
    }
    if !x.is_scaled() && !y.is_scaled() {
        return None; // sqrt(2) + sqrt(3) stays a sum (a double), not (2 + sqrt(6))/sqrt(2)
    }
    let one = Quad::one();
    first_form(x, y, |(x1, k1), (x2, k2)| {
        let (r1, r2) = (k1.as_ref().unwrap_or(&one), k2.as_ref().unwrap_or(&one));
        let t = if r1 == r2 {
            one.clone()
        } else {
            sqrt_quad(&field_mul(r2, &r1.recip()?)?)?
        };
        let top = field_add(x1, &field_mul(x2, &t.recip()?)?)?;
        match k1 {
            Some(k) => Quad::over_sqrt(&top, k),
            None => Some(top),
        }
    })
}

/// `1/(x/√k) = (k/x)/√k`.
pub(super) fn recip(q: &Quad) -> Option<Quad> {
    let k = q.over.as_deref()?;
    Quad::over_sqrt(&field_mul(k, &q.numerator().recip()?)?, k)
}

/// `(x/√k)^p = x^p/√(k^p)`, through the reciprocal for `p < 0`.
pub(super) fn power(q: &Quad, p: i32) -> Option<Quad> {
    let base = if p < 0 { recip(q)? } else { q.clone() };
    let e = p.checked_abs()?;
    let k = base.over.as_deref()?.pow(e)?;
    Quad::over_sqrt(&base.numerator().pow(e)?, &k)
}

/// `x/sqrt(k)` as input text: `-i/sqrt(2)`, `4/sqrt(58 + 6*sqrt(33))`,
/// `(3 + sqrt(33))/sqrt(58 + 6*sqrt(33))`, `i*sqrt(2)/3`.
pub(super) fn text(x: &Quad, k: &Quad) -> String {
    if let Some((c, r)) = whole_times_root(x, k) {
        return format!("{}*sqrt({r})", parenthesised(c.to_string()));
    }
    if let Some((c, r, l)) = rationalised(x, k) {
        let factor = match c.to_string().as_str() {
            "1" => String::new(),
            "-1" => "-".to_string(),
            t => format!("{}*", parenthesised(t.to_string())),
        };
        return format!("{factor}sqrt({r})/{l}");
    }
    let top = x.to_string();
    let top = if top.contains([' ', '/']) {
        format!("({top})")
    } else {
        top
    };
    format!("{top}/sqrt({k})")
}

/// `x/√k` as `c·√k` when `k` is rational and `c = x/k` has whole parts:
/// `sqrt(2)*i` reads `i*sqrt(2)`, not `2i/sqrt(2)`.
fn whole_times_root(x: &Quad, k: &Quad) -> Option<(Quad, Rat)> {
    let r = k.as_rat()?;
    let (a, b) = (
        x.re_part().checked_div(r)?,
        x.radical_part().checked_div(r)?,
    );
    (a.is_integer() && b.is_integer()).then(|| (Quad::new(a, b, x.radicand()), r.clone()))
}

/// `x/√k` for a rational `k` as `C·√k/L`, `C/L = x/k` with the least
/// denominator `L`, as a textbook writes it (`i*sqrt(2)/3`, not
/// `(2i/3)/sqrt(2)`), unless `x` has whole parts and `|x/√k| < 1` (`|x|² <
/// k`): the entries of unit vectors keep `x/√k` (`-i/sqrt(2)`).
fn rationalised(x: &Quad, k: &Quad) -> Option<(Quad, Rat, BigInt)> {
    let r = k.as_rat()?;
    let abs_squared = if x.d < 0 { Quad::rat(x.norm()) } else { x * x };
    let whole = x.a.is_integer() && x.b.is_integer();
    if whole && (k - &abs_squared).sign() == Some(Ordering::Greater) {
        return None;
    }
    let c = Quad::new(x.a.checked_div(r)?, x.b.checked_div(r)?, x.d);
    let (a, b, l) = super::over_common_denominator(&c);
    Some((
        Quad::new(Rat::from_integer(a), Rat::from_integer(b), x.d),
        r.clone(),
        l,
    ))
}

fn parenthesised(t: String) -> String {
    if t.contains(' ') {
        format!("({t})")
    } else {
        t
    }
}

/// `\frac{x}{\sqrt{k}}` (or `\frac{C\sqrt{k}}{L}`, see [`rationalised`]),
/// a lone minus sign in front.
pub(super) fn latex(x: &Quad, k: &Quad) -> String {
    if let Some((c, r)) = whole_times_root(x, k) {
        return format!(
            "{}\\sqrt{{{}}}",
            parenthesised(c.latex()),
            Quad::rat(r).latex()
        );
    }
    if let Some((c, r, l)) = rationalised(x, k) {
        let factor = match c.latex().as_str() {
            "1" => String::new(),
            "-1" => "-".to_string(),
            t => parenthesised(t.to_string()),
        };
        let root = Quad::rat(r).latex();
        return latex_frac(&format!("{factor}\\sqrt{{{root}}}"), &l.to_string());
    }
    latex_frac(&x.latex(), &format!("\\sqrt{{{}}}", k.latex()))
}

/// `\frac{top}{bottom}`, a lone minus sign of `top` in front.
fn latex_frac(top: &str, bottom: &str) -> String {
    match top.strip_prefix('-').filter(|t| !t.contains(' ')) {
        Some(t) => format!("-\\frac{{{t}}}{{{bottom}}}"),
        None => format!("\\frac{{{top}}}{{{bottom}}}"),
    }
}
