//! `Quad`: an exact number `a + b·√d` in the quadratic field Q(√d), with
//! rational `a`, `b` and a square-free integer `d ≠ 0, 1` (`d = -1` gives the
//! Gaussian rationals `a + b·i`); `QuadMat` matrices of them.
//!
//! Every `Quad` carries its `d` so the field operations need no context; a
//! rational (`b = 0`) carries `d = 0` and combines with any field. Two
//! irrational operands must share `d`: callers check with [`common_field`]
//! before combining values (the value layer falls back to floats otherwise);
//! combining different fields is a caller bug and gives a zero radical part
//! in release builds (a debug assertion catches it in tests).
//!
//! A unit vector's entry `x/√k` (`x` and the real `k > 0` of one field, `k`
//! no square there: the columns of `[V, D] = eig(A)` for irrational or
//! complex eigenvalues) lies in no single quadratic field; it is held as
//! `x` with `k` beside it (see `scaled`), belongs to no field
//! ([`common_field`] is `None`), and only the operations that keep one such
//! term accept it (`checked_mul`, `checked_add`, `recip`, `pow`; see
//! `scaled`); anything else falls back to its double.

use crate::exact::field::Field;
use crate::exact::matrix::gcd;
use crate::exact::squarefree;
use crate::exact::Rat;
use nalgebra::DMatrix;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, Mul, Neg, Sub};

/// An exact `a + b√d`; see the module docs. Canonical: `b = 0` iff `d = 0`,
/// so derived equality is exact equality.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Quad {
    a: Rat,
    b: Rat,
    d: i64,
    /// `Some(k)`: the number is `(a + b√d)/√k` (see the module docs).
    over: Option<Box<Quad>>,
}

pub type QuadMat = DMatrix<Quad>;

/// Largest |d| accepted for a radicand: keeps `b²·d` and the square-free
/// test (trial division up to √|d|) cheap.
pub const MAX_RADICAND: i64 = squarefree::MAX_PART as i64;

impl Quad {
    pub fn rat(a: Rat) -> Quad {
        Quad {
            a,
            b: Rat::zero(),
            d: 0,
            over: None,
        }
    }

    /// `a + b√d` for square-free `d` (not checked here; see [`sqrt_rat`]).
    pub fn new(a: Rat, b: Rat, d: i64) -> Quad {
        if b.is_zero() || d == 0 {
            Quad::rat(a)
        } else {
            Quad {
                a,
                b,
                d,
                over: None,
            }
        }
    }

    /// The imaginary unit `i` (`√-1`).
    pub fn i() -> Quad {
        Quad::new(Rat::zero(), Rat::one(), -1)
    }

    /// Rational part `a`.
    pub fn re_part(&self) -> &Rat {
        &self.a
    }

    /// Coefficient `b` of the radical.
    pub fn radical_part(&self) -> &Rat {
        &self.b
    }

    /// The radicand `d`, 0 for a rational.
    pub fn radicand(&self) -> i64 {
        self.d
    }

    pub fn as_rat(&self) -> Option<&Rat> {
        (self.d == 0 && self.over.is_none()).then_some(&self.a)
    }

    /// `a - b√d`.
    pub fn conj(&self) -> Quad {
        Quad::new(self.a.clone(), -&self.b, self.d)
    }

    /// The complex conjugate: `conj` for `d < 0`, the number itself for
    /// real numbers.
    pub fn conj_complex(&self) -> Quad {
        if self.d < 0 {
            Quad {
                over: self.over.clone(),
                ..self.conj()
            }
        } else {
            self.clone()
        }
    }

    /// `a² - d b²`, the field norm (`|z|²` for `d < 0`).
    pub fn norm(&self) -> Rat {
        &(&self.a * &self.a) - &(&(&self.b * &self.b) * &Rat::from_i64(self.d))
    }

    /// `1/self` = conj / norm; `None` for zero (the norm of a non-zero
    /// element is non-zero because `d` is not a square).
    pub fn recip(&self) -> Option<Quad> {
        if self.over.is_some() {
            return scaled::recip(self);
        }
        let n = self.norm().recip()?;
        Some(Quad::new(&self.a * &n, -(&self.b * &n), self.d))
    }

    pub fn pow(&self, k: i32) -> Option<Quad> {
        if self.over.is_some() {
            return scaled::power(self, k);
        }
        let base = if k < 0 { self.recip()? } else { self.clone() };
        let mut e = k.unsigned_abs();
        let (mut acc, mut sq) = (Quad::rat(Rat::one()), base);
        while e > 0 {
            if e & 1 == 1 {
                acc = &acc * &sq;
            }
            e >>= 1;
            if e > 0 {
                sq = &sq * &sq;
            }
        }
        Some(acc)
    }

    /// Sign for real numbers (`d > 0` or rational; `x/√k` has the sign of
    /// `x`), decided exactly:
    /// `a + b√d > 0` iff the larger of `|a|`, `|b|√d` has a positive sign,
    /// compared through `a²` against `b²d`. `None` for non-real numbers.
    pub fn sign(&self) -> Option<Ordering> {
        if self.d < 0 {
            return None;
        }
        let (sa, sb) = (self.a.sign(), self.b.sign());
        if sb == Ordering::Equal || sa == sb {
            return Some(if sa == Ordering::Equal { sb } else { sa });
        }
        if sa == Ordering::Equal {
            return Some(sb);
        }
        let bb = &(&self.b * &self.b) * &Rat::from_i64(self.d);
        Some(match (&self.a * &self.a).cmp(&bb) {
            Ordering::Greater => sa,
            _ => sb, // never equal: d is not a square
        })
    }

    /// Exact order of two real numbers of one field (`None` if either is
    /// not real).
    pub fn cmp_real(&self, other: &Quad) -> Option<Ordering> {
        if self.over.is_some() || other.over.is_some() {
            return None;
        }
        (self - other).sign()
    }

    pub fn is_real(&self) -> bool {
        self.d >= 0
    }

    /// Nearest double of `a + b√d` (the real part when `d < 0`).
    pub fn re_f64(&self) -> f64 {
        let x = if self.d > 0 {
            self.a.to_f64() + self.b.to_f64() * (self.d as f64).sqrt()
        } else {
            self.a.to_f64()
        };
        x / self.root_of_over()
    }

    /// Imaginary part as a double (0 for real numbers).
    pub fn im_f64(&self) -> f64 {
        if self.d < 0 {
            self.b.to_f64() * (-self.d as f64).sqrt() / self.root_of_over()
        } else {
            0.0
        }
    }

    /// `√k` of `x/√k` as a double, 1 for the numbers of a field.
    fn root_of_over(&self) -> f64 {
        self.over.as_ref().map_or(1.0, |k| k.re_f64().sqrt())
    }

    /// Bits of the parts, for the size rule.
    pub fn bits(&self) -> u64 {
        self.a.bits() + self.b.bits() + self.over.as_ref().map_or(0, |k| k.bits())
    }
}

/// Octave's order of complex numbers (by modulus, then by argument in
/// (-π, π]), decided exactly for two numbers of one field `d < 0` or
/// rationals: `|z|² = a² - d b²` is rational, and two numbers of the same
/// modulus compare by the half-plane their argument lies in, then by the
/// real part (the argument grows with it below the real axis, falls with it
/// above). `None` when the fields differ or are real.
pub fn cmp_abs_arg(x: &Quad, y: &Quad) -> Option<Ordering> {
    match (x.d, y.d) {
        (0, 0) => {}
        (d, 0) | (0, d) if d < 0 => {}
        (d, e) if d == e && d < 0 => {}
        _ => return None,
    }
    // 0 below the real axis, 1 on its positive half (and zero), 2 above, 3 on its negative half.
    let half = |z: &Quad| match (z.b.sign(), z.a.sign()) {
        (Ordering::Less, _) => 0,
        (Ordering::Equal, Ordering::Less) => 3,
        (Ordering::Equal, _) => 1,
        (Ordering::Greater, _) => 2,
    };
    let (hx, hy) = (half(x), half(y));
    Some(
        x.norm()
            .cmp(&y.norm())
            .then(hx.cmp(&hy))
            .then_with(|| match hx {
                0 => x.a.cmp(&y.a),
                2 => y.a.cmp(&x.a),
                _ => Ordering::Equal,
            }),
    )
}

/// The field shared by some numbers: `Some(0)` when all are rational,
/// `Some(d)` when every irrational one has radicand `d`, `None` when two
/// differ.
pub fn common_field<'a>(values: impl IntoIterator<Item = &'a Quad>) -> Option<i64> {
    let mut d = 0;
    for q in values {
        if q.over.is_some() {
            return None;
        }
        if q.d != 0 {
            if d != 0 && d != q.d {
                return None;
            }
            d = q.d;
        }
    }
    Some(d)
}

/// True for the radicands of a field: square-free `d`, not 0 or 1, at most
/// [`MAX_RADICAND`] in size.
pub fn is_radicand(d: i64) -> bool {
    d != 0
        && d != 1
        && d.unsigned_abs() <= MAX_RADICAND as u64
        && squarefree::is_square_free(d.unsigned_abs())
}

/// `√r` exactly: `p√d/q` with `d` square-free, or `None` when the
/// square-free part is too large to find quickly. `√4 = 2`, `√8 = 2√2`, `√-4 = 2i`,
/// `√(1/2) = √2/2`.
pub fn sqrt_rat(r: &Rat) -> Option<Quad> {
    // √(n/m) = √(n m)/m, decided on the integers (of any size) themselves.
    let m = r.denom();
    let nm = r.numer() * &m;
    let (k, d) = squarefree::split(nm.magnitude())?;
    let d = if nm.is_negative() {
        -(d as i64)
    } else {
        d as i64
    };
    let coeff = Rat::new(BigInt::from(k), m)?;
    Some(if d == 1 {
        Quad::rat(coeff)
    } else {
        Quad::new(Rat::zero(), coeff, d)
    })
}

/// `√q` when it lies in the field of `q`, on the principal branch as
/// Octave (positive real part): `√(-3 + 4i) = 1 + 2i`, `√(2i) = 1 + i`,
/// `√(3 + 2√2) = 1 + √2`; rationals as [`sqrt_rat`]. `None` otherwise.
///
/// `(x + y√d)² = q` needs `x² = (a ± n)/2` with `n² = a² - d b²` (the norm)
/// and `y = b/(2x)`; for `d < 0` only `+n` gives a real `x`.
pub fn sqrt_quad(q: &Quad) -> Option<Quad> {
    if q.over.is_some() {
        return None;
    }
    if let Some(r) = q.as_rat() {
        return sqrt_rat(r);
    }
    if q.d > 0 && q.sign()? == Ordering::Less {
        return None; // the root is imaginary: outside a real field
    }
    let n = rational_sqrt(&q.norm())?;
    let two = Rat::from_i64(2);
    [&q.a + &n, &q.a - &n].iter().find_map(|s| {
        let x = rational_sqrt(&(s / &two))?;
        let y = &q.b / &(&two * &x);
        let root = Quad::new(x, y, q.d);
        // x > 0 gives the principal root of a Gaussian number; a real root
        // may still come out negative.
        Some(if root.sign() == Some(Ordering::Less) {
            -root
        } else {
            root
        })
    })
}

/// `√r` when it is a positive rational (`None` for 0: no radical part to
/// divide by).
fn rational_sqrt(r: &Rat) -> Option<Rat> {
    if !r.is_positive() {
        return None;
    }
    sqrt_rat(r)?.as_rat().cloned()
}

// ---- arithmetic -------------------------------------------------------

/// `x * y` when the product is one number of a field or one term `x/√k`
/// (see `scaled`); `None` otherwise.
pub fn checked_mul(x: &Quad, y: &Quad) -> Option<Quad> {
    field_mul(x, y).or_else(|| scaled::times(x, y))
}

/// `x + y` when the sum is one number of a field or one term `x/√k`.
pub fn checked_add(x: &Quad, y: &Quad) -> Option<Quad> {
    field_add(x, y).or_else(|| scaled::plus(x, y))
}

/// `x * y` for numbers of fields whose product lies in one field: same
/// field, a rational factor, or two real pure radicals (`b√p · c√q =
/// bc·g·√(p/g · q/g)` with `g = gcd(p, q)`). `None` otherwise and for `x/√k`.
fn field_mul(x: &Quad, y: &Quad) -> Option<Quad> {
    if x.over.is_some() || y.over.is_some() {
        return None;
    }
    if x.d == 0 || y.d == 0 || x.d == y.d {
        return Some(x * y);
    }
    if x.d < 0 || y.d < 0 || !x.a.is_zero() || !y.a.is_zero() {
        return None;
    }
    let g = gcd(BigInt::from(x.d), BigInt::from(y.d)).to_i64()?;
    let r = (x.d / g).checked_mul(y.d / g)?;
    if r > MAX_RADICAND {
        return None;
    }
    let coeff = &(&x.b * &y.b) * &Rat::from_i64(g);
    Some(if r == 1 {
        Quad::rat(coeff)
    } else {
        Quad::new(Rat::zero(), coeff, r)
    })
}

/// `x + y` for numbers of one field (or either rational).
fn field_add(x: &Quad, y: &Quad) -> Option<Quad> {
    let ok = x.over.is_none() && y.over.is_none();
    (ok && (x.d == 0 || y.d == 0 || x.d == y.d)).then(|| x + y)
}

fn field_of(x: &Quad, y: &Quad) -> i64 {
    debug_assert!(x.d == 0 || y.d == 0 || x.d == y.d, "mixed fields");
    debug_assert!(x.over.is_none() && y.over.is_none(), "x/sqrt(k) in a field");
    if x.d != 0 {
        x.d
    } else {
        y.d
    }
}

fn add_ref(x: &Quad, y: &Quad) -> Quad {
    let d = field_of(x, y);
    Quad::new(&x.a + &y.a, &x.b + &y.b, d)
}

fn mul_ref(x: &Quad, y: &Quad) -> Quad {
    let d = field_of(x, y);
    if y.d == 0 {
        return Quad::new(&x.a * &y.a, &x.b * &y.a, d);
    }
    if x.d == 0 {
        return Quad::new(&x.a * &y.a, &x.a * &y.b, d);
    }
    let bd = &(&x.b * &y.b) * &Rat::from_i64(d);
    Quad::new(&(&x.a * &y.a) + &bd, &(&x.a * &y.b) + &(&x.b * &y.a), d)
}

impl Neg for &Quad {
    type Output = Quad;
    fn neg(self) -> Quad {
        Quad {
            over: self.over.clone(),
            ..Quad::new(-&self.a, -&self.b, self.d)
        }
    }
}

impl Neg for Quad {
    type Output = Quad;
    fn neg(self) -> Quad {
        -&self
    }
}

macro_rules! binop {
    ($trait:ident, $method:ident, $f:expr) => {
        impl $trait<&Quad> for &Quad {
            type Output = Quad;
            fn $method(self, rhs: &Quad) -> Quad {
                $f(self, rhs)
            }
        }
        impl $trait<Quad> for Quad {
            type Output = Quad;
            fn $method(self, rhs: Quad) -> Quad {
                $f(&self, &rhs)
            }
        }
    };
}

binop!(Add, add, add_ref);
binop!(Sub, sub, |x: &Quad, y: &Quad| add_ref(x, &-y));
binop!(Mul, mul, mul_ref);

impl Zero for Quad {
    fn zero() -> Quad {
        Quad::rat(Rat::zero())
    }
    fn is_zero(&self) -> bool {
        self.d == 0 && self.a.is_zero() && self.over.is_none()
    }
}

impl One for Quad {
    fn one() -> Quad {
        Quad::rat(Rat::one())
    }
}

impl Default for Quad {
    fn default() -> Quad {
        Quad::zero()
    }
}

impl From<Rat> for Quad {
    fn from(r: Rat) -> Quad {
        Quad::rat(r)
    }
}

impl Field for Quad {
    fn inverse(&self) -> Option<Quad> {
        self.recip()
    }
    fn plus(&self, o: &Quad) -> Quad {
        self + o
    }
    fn minus(&self, o: &Quad) -> Quad {
        self - o
    }
    fn times(&self, o: &Quad) -> Quad {
        self * o
    }
    fn negate(&self) -> Quad {
        -self
    }
    /// Clears the denominators of both parts and divides by the gcd of all
    /// the integers: a positive rational multiple.
    fn integer_multiple(v: &[Quad]) -> Vec<Quad> {
        let parts: Vec<&Rat> = v.iter().flat_map(|q| [&q.a, &q.b]).collect();
        let lcm = parts.iter().fold(BigInt::one(), |l, x| {
            let dn = x.denom();
            let g = gcd(l.clone(), dn.clone());
            l / g * dn
        });
        let g = parts.iter().fold(BigInt::zero(), |g, x| {
            gcd(g, x.numer() * (&lcm / x.denom()))
        });
        let Some(s) = Rat::new(lcm, g) else {
            return v.to_vec();
        };
        v.iter().map(|q| q * &Quad::rat(s.clone())).collect()
    }
}

// ---- display ----------------------------------------------------------

/// The number over one integer denominator: `(A + B√d)/L` with integers.
fn over_common_denominator(q: &Quad) -> (BigInt, BigInt, BigInt) {
    let (ad, bd) = (q.a.denom(), q.b.denom());
    let l = &ad / gcd(ad.clone(), bd.clone()) * &bd;
    (q.a.numer() * (&l / &ad), q.b.numer() * (&l / &bd), l)
}

/// `n` when a real `q = (n/d)·√d = n/√d` for an integer `n`, is not an
/// integer multiple of `√d`, and `|q| < 1` (`n² < d`): the entries of unit
/// vectors `v/√k` read best that way (`1/sqrt(2)`, `2/sqrt(6)`); larger
/// numbers as a textbook writes them (`sqrt(15)/3`, not `5/sqrt(15)`).
fn over_radical(q: &Quad) -> Option<BigInt> {
    if q.d <= 0 || !q.a.is_zero() || q.b.denom().is_one() {
        return None;
    }
    let n = &q.b * &Rat::from_i64(q.d);
    let n = n.denom().is_one().then(|| n.numer())?;
    (&n * &n < BigInt::from(q.d)).then_some(n)
}

/// How the pieces of a number are spelt (text or LaTeX).
struct Spelling {
    /// `n/√d` (see [`over_radical`]).
    over_radical: fn(&BigInt, i64) -> String,
    /// `|B|√d` for a positive integer multiplier `|B|` (written `""` for 1).
    radical: fn(&BigInt, i64) -> String,
    frac: fn(&str, &BigInt) -> String,
}

fn text_radical(k: &BigInt, d: i64) -> String {
    let times = if k.is_one() {
        String::new()
    } else {
        format!("{k}*")
    };
    match d {
        -1 if k.is_one() => "i".to_string(),
        -1 => format!("{k}i"),
        _ => format!("{times}sqrt({d})"),
    }
}

fn latex_radical(k: &BigInt, d: i64) -> String {
    let k = if k.is_one() {
        String::new()
    } else {
        k.to_string()
    };
    match d {
        -1 => format!("{k}i"),
        _ if d < 0 => format!("{k}\\sqrt{{{}}}\\,i", -d),
        _ => format!("{k}\\sqrt{{{d}}}"),
    }
}

fn spell(q: &Quad, s: &Spelling) -> String {
    if let Some(n) = over_radical(q) {
        return (s.over_radical)(&n, q.d);
    }
    let (a, b, l) = over_common_denominator(q);
    let rad = (s.radical)(&b.abs(), q.d);
    let top = match (a.is_zero(), b.is_negative()) {
        (true, false) => rad,
        (true, true) => format!("-{rad}"),
        (false, neg) => format!("{a} {} {rad}", if neg { '-' } else { '+' }),
    };
    if l.is_one() {
        top
    } else if a.is_zero() && b.is_negative() {
        format!("-{}", (s.frac)(&top[1..], &l))
    } else {
        (s.frac)(&top, &l)
    }
}

impl Quad {
    /// LaTeX: `\frac{5 + \sqrt{33}}{2}`, `2\sqrt{2}`, `1 + 2i`.
    pub fn latex(&self) -> String {
        if let Some(k) = &self.over {
            return scaled::latex(&self.numerator(), k);
        }
        if let Some(r) = self.as_rat() {
            return crate::exact::latex_rat(r);
        }
        spell(
            self,
            &Spelling {
                over_radical: |n, d| {
                    let sign = if n.is_negative() { "-" } else { "" };
                    format!("{sign}\\frac{{{}}}{{\\sqrt{{{d}}}}}", n.abs())
                },
                radical: latex_radical,
                frac: |top, l| format!("\\frac{{{top}}}{{{l}}}"),
            },
        )
    }
}

/// Text that reads back as input: `(5 + sqrt(33))/2`, `2*sqrt(2)`,
/// `1/sqrt(2)`, `2*sqrt(2)/3`, `1 + 2i`, `(1 + sqrt(-3))/2`.
impl fmt::Display for Quad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(k) = &self.over {
            return f.pad(&scaled::text(&self.numerator(), k));
        }
        if let Some(r) = self.as_rat() {
            return f.pad(&r.to_string());
        }
        let text = spell(
            self,
            &Spelling {
                over_radical: |n, d| format!("{n}/sqrt({d})"),
                radical: text_radical,
                frac: |top, l| {
                    if top.contains(' ') {
                        format!("({top})/{l}")
                    } else {
                        format!("{top}/{l}")
                    }
                },
            },
        );
        f.pad(&text)
    }
}

impl fmt::Debug for Quad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[path = "quad_scaled.rs"]
pub mod scaled;

#[cfg(test)]
#[path = "tests/quad.rs"]
mod tests;
