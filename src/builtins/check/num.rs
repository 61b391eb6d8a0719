//! The numbers under `check`: one entry exact (rational or quadratic) or
//! floating point, how a decimal was typed, and the comparison of an entry
//! with the right value under the rounding rule for typed decimals.

use crate::exact::quad::common_field;
use crate::exact::{Quad, Rat};
use crate::linalg::C64;
use crate::value::format::short_number;
use crate::value::Value;
use nalgebra::DMatrix;
use std::cmp::Ordering;

/// Relative tolerance for comparing with la's floating-point results.
pub const FLOAT_TOL: f64 = 1e-8;

/// How a decimal was typed: `0.333` has 3 decimals and 3 significant digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typed {
    /// Digits after the point, less the exponent (`1.5e2` has -1).
    pub decimals: i32,
    /// Digits without the leading zeros (`0.050` has 2).
    pub sig: u32,
    /// Not the rounded value but the exact one to double precision, as NumPy
    /// prints it (`0.6666666666666666` for 2/3).
    pub nearest_double: bool,
}

impl Typed {
    /// From a number literal's text; `None` for an integer, which is exact as typed.
    pub fn of_literal(s: &str) -> Option<Typed> {
        let (mant, exp) = match s.find(['e', 'E']) {
            Some(k) => (&s[..k], s[k + 1..].parse::<i32>().ok()?),
            None => (s, 0),
        };
        let frac = match mant.split_once('.') {
            Some((_, f)) => f.len() as i32,
            None if exp == 0 => return None,
            None => 0,
        };
        let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
        let sig = digits.trim_start_matches('0').len() as u32;
        Some(Typed {
            decimals: frac.saturating_sub(exp),
            sig,
            nearest_double: false,
        })
    }

    /// Half a unit in the last typed place: 0.0005 for 3 decimals.
    pub fn half_unit(self) -> f64 {
        0.5 * 10f64.powi(-self.decimals)
    }

    fn half_unit_rat(self) -> Option<Rat> {
        let ten = Rat::from_i64(10);
        let p = ten.pow(-self.decimals.clamp(-300, 300))?;
        Some(&p / &Rat::from_i64(2))
    }

    /// What the note says: `rounded to 3 decimals`.
    pub fn describe(self) -> String {
        if self.nearest_double {
            "to double precision, as NumPy prints it".into()
        } else if self.decimals > 0 {
            let s = if self.decimals == 1 { "" } else { "s" };
            format!("rounded to {} decimal{s}", self.decimals)
        } else {
            format!("rounded to {} significant digits", self.sig)
        }
    }
}

/// One number: rational, irrational in a quadratic field (`(5+sqrt(33))/2`,
/// `1+2i` exact), or floating point (real or complex).
#[derive(Debug, Clone, PartialEq)]
pub enum Num {
    R(Rat),
    Q(Quad),
    F(C64),
}

impl Num {
    pub fn c(&self) -> C64 {
        match self {
            Num::R(r) => C64::new(r.to_f64(), 0.0),
            Num::Q(q) => C64::new(q.re_f64(), q.im_f64()),
            Num::F(z) => *z,
        }
    }

    pub fn text(&self) -> String {
        match self {
            Num::R(r) => r.to_string(),
            Num::Q(q) => q.to_string(),
            Num::F(z) => complex_text(*z),
        }
    }

    /// The number in its quadratic field, when it is exact.
    fn exact(&self) -> Option<Quad> {
        match self {
            Num::R(r) => Some(Quad::rat(r.clone())),
            Num::Q(q) => Some(q.clone()),
            Num::F(_) => None,
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Num::R(r) => r.is_zero(),
            Num::Q(_) => false, // canonical: an irrational part is never zero
            Num::F(z) => z.re == 0.0 && z.im == 0.0,
        }
    }
}

pub fn complex_text(z: C64) -> String {
    // Round-off noise reads as 0.
    let clean = |x: f64| if x.abs() < 1e-12 { 0.0 } else { x };
    let z = C64::new(clean(z.re), clean(z.im));
    if z.im == 0.0 {
        return short_number(z.re);
    }
    let sign = if z.im < 0.0 { '-' } else { '+' };
    format!("{}{sign}{}i", short_number(z.re), short_number(z.im.abs()))
}

/// The entries of a numeric value (`None` for text and functions).
pub fn nums(v: &Value) -> Option<DMatrix<Num>> {
    Some(match v {
        Value::Exact(m) => m.map(Num::R),
        Value::Bool(m) => m.map(|b| Num::R(Rat::from_i64(i64::from(b)))),
        Value::Real(m) => m.map(|x| Num::F(C64::new(x, 0.0))),
        Value::Complex(m) => m.map(Num::F),
        Value::Quad(m) => m.map(|q| match q.as_rat() {
            Some(r) => Num::R(r.clone()),
            None => Num::Q(q),
        }),
        Value::Str(_) | Value::Func(_) | Value::Struct(_) | Value::Cell(_) => return None,
    })
}

/// How one entry of an answer compares with the right value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Match {
    Equal,
    /// Equal after rounding to what was typed.
    Rounded(Typed),
    /// Within rounding, but with fewer than 2 significant digits.
    TooFewDigits(Typed),
    No,
}

impl Match {
    pub fn ok(self) -> bool {
        matches!(self, Match::Equal | Match::Rounded(_))
    }
}

/// Compare an answer entry `got` (typed as `typed`) with the right value `want`.
/// `tol` is the absolute tolerance for floating-point comparisons.
pub fn entry_match(want: &Num, got: &Num, typed: Option<Typed>, tol: f64) -> Match {
    // Exact numbers of one field (rationals belong to every field) are
    // compared exactly, rounding included; two fields meet as floats.
    let exact = want.exact().zip(got.exact());
    if let Some((w, g)) = exact.filter(|(w, g)| common_field([w, g]).is_some()) {
        if w == g {
            return Match::Equal;
        }
        let close = typed
            .and_then(Typed::half_unit_rat)
            .is_some_and(|h| within(&(&w - &g), &h));
        return match typed {
            Some(t) if close => rounded(t, want.c().norm()),
            // A full-precision float print of the right value (NumPy's
            // `2/3` is 0.6666666666666666, not 2/3 rounded to 16 decimals);
            // a double has at most 17 significant digits to print.
            Some(t)
                if (15..=17).contains(&t.sig)
                    && w.is_real()
                    && same_double(w.re_f64(), g.re_f64()) =>
            {
                Match::Rounded(Typed {
                    nearest_double: true,
                    ..t
                })
            }
            _ => Match::No,
        };
    }
    let (wc, gc) = (want.c(), got.c());
    if !(wc.re.is_finite() && wc.im.is_finite() && gc.re.is_finite() && gc.im.is_finite()) {
        let same = |x: f64, y: f64| x == y || (x.is_nan() && y.is_nan());
        return if same(wc.re, gc.re) && same(wc.im, gc.im) {
            Match::Equal
        } else {
            Match::No
        };
    }
    let d = wc - gc;
    if d.norm() <= tol {
        return Match::Equal;
    }
    if let Some(t) = typed {
        let h = t.half_unit() * (1.0 + 1e-9) + tol;
        if d.re.abs() <= h && d.im.abs() <= h {
            return rounded(t, want.c().norm());
        }
    }
    Match::No
}

/// Equal as doubles, within the last bit or two of a float computation.
fn same_double(w: f64, g: f64) -> bool {
    (w - g).abs() <= 2.0 * f64::EPSILON * w.abs()
}

/// Both parts of `z` at most `h` in size (`h >= 0`), decided exactly: the
/// real part `a + b√d` (`d >= 0`) by the signs of `h ∓ z`; for `d < 0` the
/// real part `a` and the imaginary part `b√-d` through `b²·(-d) <= h²`.
fn within(z: &Quad, h: &Rat) -> bool {
    if z.is_real() {
        let h = Quad::rat(h.clone());
        let ok = |x: Quad| x.sign() != Some(Ordering::Less);
        return ok(&h - z) && ok(&h + z);
    }
    let (a, b) = (z.re_part(), z.radical_part());
    let b2d = &(b * b) * &Rat::from_i64(-z.radicand());
    a.abs() <= *h && b2d <= h * h
}

/// Rounding to `t.decimals` is accepted when it keeps at least 2 significant
/// digits of the right value `w` (`0.33` for 1/3, not `0.3`).
fn rounded(t: Typed, w: f64) -> Match {
    let sig = if w == 0.0 {
        u32::MAX
    } else {
        let lead = w.abs().log10().floor() as i64 + 1;
        (i64::from(t.decimals) + lead).max(0) as u32
    };
    if sig >= 2 {
        Match::Rounded(t)
    } else {
        Match::TooFewDigits(Typed { sig, ..t })
    }
}

/// Absolute tolerance for comparing with `want`'s floating-point entries.
pub fn tol_for(want: &DMatrix<Num>, rel: f64) -> f64 {
    rel * want
        .iter()
        .map(|x| x.c().norm())
        .filter(|x| x.is_finite())
        .fold(1.0, f64::max)
}

/// An answer's number as the student typed it: `0.50` stays a decimal.
pub fn shown(n: &Num, typed: Option<Typed>) -> String {
    match (n, typed) {
        (Num::R(r), Some(t)) if (1..=40).contains(&t.decimals) => decimal_text(r, t.decimals),
        (_, Some(t)) if t.decimals > 0 && n.c().im == 0.0 => {
            format!("{:.*}", t.decimals.min(20) as usize, n.c().re)
        }
        _ => n.text(),
    }
}

/// An exact number to `k` decimals, digit for digit: a double would add
/// noise after the 17th digit (`0.66666666666666662966`).
fn decimal_text(r: &Rat, k: i32) -> String {
    let Some(scale) = Rat::from_i64(10).pow(k) else {
        return r.to_string();
    };
    let scaled = (r * &scale).round();
    let digits = format!("{:0>w$}", scaled.abs().numer(), w = k as usize + 1);
    let (int, frac) = digits.split_at(digits.len() - k as usize);
    let sign = if scaled.is_negative() { "-" } else { "" };
    format!("{sign}{int}.{frac}")
}
