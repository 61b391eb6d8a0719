//! The arithmetic under `check`: numbers and matrices that are exact when
//! everything involved is exact and floating point otherwise, entry
//! comparison with the rounding rule for typed decimals, and the short
//! forms used in verdicts (`[3; 6; 9]`, `1/3`, `0.7071`).

use crate::exact::{self, Rat, RatMat};
use crate::linalg::{CMat, C64};
use crate::value::format::short_number;
use crate::value::Value;
use nalgebra::DMatrix;

/// Relative tolerance for comparing with la's floating-point results.
pub const FLOAT_TOL: f64 = 1e-8;

/// How a decimal was typed: `0.333` has 3 decimals and 3 significant digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typed {
    /// Digits after the point, less the exponent (`1.5e2` has -1).
    pub decimals: i32,
    /// Digits without the leading zeros (`0.050` has 2).
    pub sig: u32,
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
        if self.decimals > 0 {
            let s = if self.decimals == 1 { "" } else { "s" };
            format!("rounded to {} decimal{s}", self.decimals)
        } else {
            format!("rounded to {} significant digits", self.sig)
        }
    }
}

/// One number: exact, or floating point (real or complex).
#[derive(Debug, Clone, PartialEq)]
pub enum Num {
    R(Rat),
    F(C64),
}

impl Num {
    pub fn c(&self) -> C64 {
        match self {
            Num::R(r) => C64::new(r.to_f64(), 0.0),
            Num::F(z) => *z,
        }
    }

    pub fn text(&self) -> String {
        match self {
            Num::R(r) => r.to_string(),
            Num::F(z) => complex_text(*z),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Num::R(r) => r.is_zero(),
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
        Value::Quad(_) => v.to_complex("check").ok()?.map(Num::F),
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
    if let (Num::R(w), Num::R(g)) = (want, got) {
        if w == g {
            return Match::Equal;
        }
        if let Some(t) = typed {
            if let Some(h) = t.half_unit_rat() {
                if (w - g).abs() <= h {
                    return rounded(t, w.to_f64());
                }
            }
        }
        return Match::No;
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

/// A matrix for property checks (`A*v = λ*v`, `U'*U = I`): exact when every
/// operand is, complex floating point otherwise (real numbers have zero
/// imaginary parts).
#[derive(Debug, Clone)]
pub enum Mat {
    E(RatMat),
    F(CMat),
}

impl Mat {
    pub fn of(v: &Value) -> Option<Mat> {
        Some(match v {
            Value::Exact(m) => Mat::E((**m).clone()),
            Value::Bool(_) => Mat::E(v.to_exact()?.into_owned()),
            Value::Real(m) => Mat::F(m.map(|x| C64::new(x, 0.0))),
            Value::Complex(m) => Mat::F((**m).clone()),
            Value::Quad(_) => Mat::F(v.to_complex("check").ok()?.into_owned()),
            Value::Str(_) | Value::Func(_) | Value::Struct(_) | Value::Cell(_) => return None,
        })
    }

    pub fn from_num(n: &Num) -> Mat {
        match n {
            Num::R(r) => Mat::E(RatMat::from_element(1, 1, r.clone())),
            Num::F(z) => Mat::F(CMat::from_element(1, 1, *z)),
        }
    }

    pub fn eye(n: usize) -> Mat {
        Mat::E(exact::matrix::identity(n))
    }

    pub fn shape(&self) -> (usize, usize) {
        match self {
            Mat::E(m) => m.shape(),
            Mat::F(m) => m.shape(),
        }
    }

    /// Exact values too costly for exact elimination become floating point.
    pub fn filter_costly(self) -> Mat {
        match self {
            Mat::E(m) if exact::too_costly(&m) => Mat::F(m.map(|x| C64::new(x.to_f64(), 0.0))),
            other => other,
        }
    }

    pub fn is_exact(&self) -> bool {
        matches!(self, Mat::E(_))
    }

    pub fn f(&self) -> CMat {
        match self {
            Mat::E(m) => m.map(|x| C64::new(x.to_f64(), 0.0)),
            Mat::F(m) => m.clone(),
        }
    }

    pub fn at(&self, i: usize, j: usize) -> Num {
        match self {
            Mat::E(m) => Num::R(m[(i, j)].clone()),
            Mat::F(m) => Num::F(m[(i, j)]),
        }
    }

    pub fn col(&self, j: usize) -> Mat {
        match self {
            Mat::E(m) => Mat::E(m.columns(j, 1).into_owned()),
            Mat::F(m) => Mat::F(m.columns(j, 1).into_owned()),
        }
    }

    /// The conjugate transpose (the transpose for real matrices).
    pub fn t(&self) -> Mat {
        match self {
            Mat::E(m) => Mat::E(m.transpose()),
            Mat::F(m) => Mat::F(m.adjoint()),
        }
    }

    /// Both exact and small enough to multiply exactly.
    fn exact_pair<'a>(&'a self, o: &'a Mat) -> Option<(&'a RatMat, &'a RatMat)> {
        match (self, o) {
            (Mat::E(a), Mat::E(b)) if a.len() + b.len() <= exact::MAX_EXACT_ENTRIES => Some((a, b)),
            _ => None,
        }
    }

    /// `self * o`; the caller has checked the shapes.
    pub fn mul(&self, o: &Mat) -> Mat {
        if let Some((a, b)) = self.exact_pair(o) {
            if let Ok(p) = exact::matrix::matmul(a, b) {
                return Mat::E(p);
            }
        }
        Mat::F(self.f() * o.f())
    }

    /// `self - o`; the caller has checked the shapes.
    pub fn sub(&self, o: &Mat) -> Mat {
        if let Some((a, b)) = self.exact_pair(o) {
            if let Ok(d) = exact::matrix::sub(a, b) {
                return Mat::E(d);
            }
        }
        Mat::F(self.f() - o.f())
    }

    pub fn scale(&self, s: &Num) -> Mat {
        match (self, s) {
            (Mat::E(m), Num::R(r)) => Mat::E(exact::matrix::scale(m, r)),
            _ => Mat::F(self.f() * s.c()),
        }
    }

    /// Largest entry size.
    pub fn max_abs(&self) -> f64 {
        self.f().iter().map(|z| z.norm()).fold(0.0, f64::max)
    }

    /// Largest row sum of sizes (the infinity norm).
    pub fn norm_inf(&self) -> f64 {
        let f = self.f();
        f.row_iter()
            .map(|r| r.iter().map(|z| z.norm()).sum::<f64>())
            .fold(0.0, f64::max)
    }

    pub fn is_zero_vec(&self) -> bool {
        match self {
            Mat::E(m) => m.iter().all(Rat::is_zero),
            Mat::F(m) => m.iter().all(|z| z.norm() == 0.0),
        }
    }

    /// Every entry within `bound` of zero (exactly zero when exact and `bound` is 0).
    pub fn within(&self, bound: f64) -> bool {
        match self {
            Mat::E(m) if bound == 0.0 => m.iter().all(Rat::is_zero),
            _ => self.max_abs() <= bound,
        }
    }

    /// The first entry (column-major order as Octave counts) larger than `bound`.
    pub fn first_off(&self, bound: f64) -> Option<(usize, usize)> {
        let (r, c) = self.shape();
        (0..c)
            .flat_map(|j| (0..r).map(move |i| (i, j)))
            .find(|&(i, j)| match self {
                Mat::E(m) if bound == 0.0 => !m[(i, j)].is_zero(),
                _ => self.at(i, j).c().norm() > bound,
            })
    }

    /// The first entry (row by row, as a student reads) larger than `bound`.
    pub fn first_off_by_rows(&self, bound: f64) -> Option<(usize, usize)> {
        let (r, c) = self.shape();
        (0..r)
            .flat_map(|i| (0..c).map(move |j| (i, j)))
            .find(|&(i, j)| match self {
                Mat::E(m) if bound == 0.0 => !m[(i, j)].is_zero(),
                _ => self.at(i, j).c().norm() > bound,
            })
    }

    /// Rank: exact when exact; otherwise singular values above `tol` times the largest.
    pub fn rank(&self, abs_tol: f64) -> usize {
        match self {
            Mat::E(m) if !exact::too_costly(m) => exact::rank(m),
            _ => self
                .singular_values()
                .iter()
                .filter(|&&s| s > abs_tol)
                .count(),
        }
    }

    pub fn singular_values(&self) -> Vec<f64> {
        let f = self.f();
        if f.is_empty() {
            return Vec::new();
        }
        f.singular_values().iter().copied().collect()
    }

    /// `[3; 6; 9]`, `[1 2]`, `5`.
    pub fn inline(&self) -> String {
        let (r, c) = self.shape();
        if r * c == 1 {
            return self.at(0, 0).text();
        }
        let rows: Vec<String> = (0..r)
            .map(|i| {
                (0..c)
                    .map(|j| self.at(i, j).text())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        format!("[{}]", rows.join("; "))
    }
}
