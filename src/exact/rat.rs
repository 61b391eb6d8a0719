//! `Rat`: an exact rational number with a machine-word fast path.
//!
//! Values that fit are stored as a reduced `i64/i64` pair and combined with
//! 128-bit intermediates; anything larger is promoted to a `BigRational` and
//! demoted again as soon as it fits. The representation is canonical (a value
//! that fits is always `Small`), so derived equality and hashing are exact.

use num_bigint::{BigInt, Sign};
use num_rational::{BigRational, Ratio};
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, Div, Mul, MulAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

/// Default relative tolerance of [`Rat::approx_from_f64`] when the caller has
/// no better idea: `1e-10 * |x|` (absolute `1e-10` when `x == 0`).
pub const DEFAULT_APPROX_TOL: f64 = 1e-10;

/// Largest decimal exponent `from_decimal_str` accepts; beyond it the exact
/// value would need megabytes of digits.
const MAX_DECIMAL_EXPONENT: i64 = 100_000;

/// An exact rational number. See the module docs for the representation.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Rat(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// Reduced, denominator > 0, numerator != i64::MIN (so negation is safe).
    Small(i64, i64),
    /// A value that does not fit `Small`; boxed so a `Rat` stays 24 bytes
    /// (matrices of small fractions are the common case).
    Big(Box<BigRational>),
}

/// Binary gcd: shifts and subtractions only (128-bit division is slow).
fn gcd_u128(a: u128, b: u128) -> u128 {
    if a == 0 || b == 0 {
        return a | b;
    }
    let shift = (a | b).trailing_zeros();
    let (mut a, mut b) = (a >> a.trailing_zeros(), b);
    while b != 0 {
        b >>= b.trailing_zeros();
        if a > b {
            (a, b) = (b, a);
        }
        b -= a;
    }
    a << shift
}

impl Rat {
    pub fn zero() -> Rat {
        Rat(Repr::Small(0, 1))
    }

    pub fn one() -> Rat {
        Rat(Repr::Small(1, 1))
    }

    pub fn from_i64(n: i64) -> Rat {
        // An integer over 1 is already reduced: no gcd needed.
        if n == i64::MIN {
            return Rat::from_i128(n as i128, 1);
        }
        Rat(Repr::Small(n, 1))
    }

    pub fn from_integer(n: BigInt) -> Rat {
        Rat::from_big(BigRational::from_integer(n))
    }

    /// `numer / denom`, or `None` when `denom` is zero.
    pub fn new(numer: BigInt, denom: BigInt) -> Option<Rat> {
        if denom.is_zero() {
            return None;
        }
        // Lehmer's gcd (`exact::gcd`): num-rational's own is binary.
        let (n, d) = crate::exact::gcd::reduce(numer, denom);
        Some(Rat::from_big(BigRational::new_raw(n, d)))
    }

    /// Builds from an i128 fraction, reducing and demoting. Callers pass
    /// `den != 0` and magnitudes below 2^127 (products of two i64 values at
    /// most), so the sign fix cannot overflow.
    fn from_i128(num: i128, den: i128) -> Rat {
        let g = gcd_u128(num.unsigned_abs(), den.unsigned_abs()) as i128;
        let (n, d) = if den < 0 {
            (-num / g, -den / g)
        } else {
            (num / g, den / g)
        };
        match (i64::try_from(n), i64::try_from(d)) {
            (Ok(n), Ok(d)) if n != i64::MIN => Rat(Repr::Small(n, d)),
            _ => Rat(Repr::Big(Box::new(BigRational::new_raw(
                n.into(),
                d.into(),
            )))),
        }
    }

    /// Demotes a (reduced) big ratio when it fits the fast path.
    fn from_big(r: BigRational) -> Rat {
        match (r.numer().to_i64(), r.denom().to_i64()) {
            (Some(n), Some(d)) if n != i64::MIN => Rat(Repr::Small(n, d)),
            _ => Rat(Repr::Big(Box::new(r))),
        }
    }

    /// The value as a `BigRational` (always reduced, denominator > 0).
    pub fn to_big(&self) -> BigRational {
        match &self.0 {
            Repr::Small(n, d) => BigRational::new_raw((*n).into(), (*d).into()),
            Repr::Big(r) => (**r).clone(),
        }
    }

    pub fn numer(&self) -> BigInt {
        match &self.0 {
            Repr::Small(n, _) => (*n).into(),
            Repr::Big(r) => r.numer().clone(),
        }
    }

    /// Always positive.
    pub fn denom(&self) -> BigInt {
        match &self.0 {
            Repr::Small(_, d) => (*d).into(),
            Repr::Big(r) => r.denom().clone(),
        }
    }

    /// Numerator and denominator when both fit in an `i64`.
    /// Bits of numerator plus denominator, without allocating.
    pub fn bits(&self) -> u64 {
        match &self.0 {
            Repr::Small(n, d) => {
                u64::from(64 - n.unsigned_abs().leading_zeros())
                    + u64::from(64 - d.unsigned_abs().leading_zeros())
            }
            Repr::Big(r) => r.numer().bits() + r.denom().bits(),
        }
    }

    pub fn as_i64_pair(&self) -> Option<(i64, i64)> {
        match self.0 {
            Repr::Small(n, d) => Some((n, d)),
            Repr::Big(_) => None,
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small(0, _))
    }

    pub fn is_one(&self) -> bool {
        matches!(self.0, Repr::Small(1, 1))
    }

    pub fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::Small(_, d) => *d == 1,
            Repr::Big(r) => r.is_integer(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small(n, _) => *n < 0,
            Repr::Big(r) => r.is_negative(),
        }
    }

    pub fn is_positive(&self) -> bool {
        !self.is_zero() && !self.is_negative()
    }

    /// -1, 0 or 1.
    pub fn signum(&self) -> Rat {
        match self.sign() {
            Ordering::Less => Rat::from_i64(-1),
            Ordering::Equal => Rat::zero(),
            Ordering::Greater => Rat::one(),
        }
    }

    /// The sign as an ordering against zero.
    pub fn sign(&self) -> Ordering {
        if self.is_zero() {
            Ordering::Equal
        } else if self.is_negative() {
            Ordering::Less
        } else {
            Ordering::Greater
        }
    }

    pub fn abs(&self) -> Rat {
        if self.is_negative() {
            -self
        } else {
            self.clone()
        }
    }

    /// `1/self`, or `None` for zero.
    pub fn recip(&self) -> Option<Rat> {
        match &self.0 {
            Repr::Small(0, _) => None,
            Repr::Small(n, d) => Some(Rat::from_i128(*d as i128, *n as i128)),
            Repr::Big(r) => Some(Rat::from_big(r.recip())),
        }
    }

    /// `self / rhs`, or `None` when `rhs` is zero.
    pub fn checked_div(&self, rhs: &Rat) -> Option<Rat> {
        rhs.recip().map(|r| self * &r)
    }

    /// `self^k`; negative powers go through `recip` (so `0^-1` is `None`).
    pub fn pow(&self, k: i32) -> Option<Rat> {
        let base = if k < 0 { self.recip()? } else { self.clone() };
        let mut e = k.unsigned_abs();
        let (mut acc, mut sq) = (Rat::one(), base);
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

    pub fn floor(&self) -> Rat {
        match &self.0 {
            Repr::Small(n, d) => Rat::from_i64(n.div_euclid(*d)),
            Repr::Big(r) => Rat::from_big(r.floor()),
        }
    }

    pub fn ceil(&self) -> Rat {
        -(-self).floor()
    }

    /// Toward zero (Octave's `fix`).
    pub fn trunc(&self) -> Rat {
        if self.is_negative() {
            self.ceil()
        } else {
            self.floor()
        }
    }

    /// Nearest integer, halves away from zero (as Octave's `round`).
    pub fn round(&self) -> Rat {
        let half = Rat::from_i128(1, 2);
        if self.is_negative() {
            -(&(-self) + &half).floor()
        } else {
            (self + &half).floor()
        }
    }

    /// The nearest `f64` (round half to even, including subnormals).
    #[inline]
    pub fn to_f64(&self) -> f64 {
        const EXACT: i64 = 1 << 53;
        match &self.0 {
            // An integer needs no division (the common case: loop counters).
            Repr::Small(n, 1) if n.abs() <= EXACT => *n as f64,
            // Both operands exact, so the single division rounds correctly.
            Repr::Small(n, d) if n.abs() <= EXACT && *d <= EXACT => *n as f64 / *d as f64,
            _ => self.to_f64_big(),
        }
    }

    #[cold]
    fn to_f64_big(&self) -> f64 {
        big_ratio_to_f64(&self.numer(), &self.denom())
    }

    /// The exact binary value of a finite `f64` (`None` for NaN/Inf).
    pub fn from_f64_exact(x: f64) -> Option<Rat> {
        if !x.is_finite() {
            return None;
        }
        let bits = x.to_bits();
        let exp_field = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1 << 52) - 1);
        let (mant, exp) = if exp_field == 0 {
            (frac, -1074)
        } else {
            (frac | (1 << 52), exp_field - 1075)
        };
        let mant = BigInt::from(mant);
        let value = if exp >= 0 {
            BigRational::from_integer(mant << exp as usize)
        } else {
            BigRational::new(mant, BigInt::one() << (-exp) as usize)
        };
        let value = if x.is_sign_negative() { -value } else { value };
        Some(Rat::from_big(value))
    }

    /// Parses a decimal literal exactly: `"0.1"` is 1/10, `"1e-3"`, `"2.5E3"`,
    /// `"-.5"`, `"7."`. `None` for anything else or exponents beyond ±100000.
    pub fn from_decimal_str(s: &str) -> Option<Rat> {
        let s = s.trim();
        let (neg, body) = match s.as_bytes().first()? {
            b'-' => (true, &s[1..]),
            b'+' => (false, &s[1..]),
            _ => (false, s),
        };
        let (mantissa, exp) = match body.find(['e', 'E']) {
            Some(i) => (&body[..i], body[i + 1..].parse::<i64>().ok()?),
            None => (body, 0),
        };
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if int_part.len() + frac_part.len() == 0 || !all_digits(int_part) || !all_digits(frac_part)
        {
            return None;
        }
        let exp = exp.checked_sub(frac_part.len() as i64)?;
        if exp.abs() > MAX_DECIMAL_EXPONENT {
            return None;
        }
        let digits: BigInt = format!("0{int_part}{frac_part}").parse().ok()?;
        let scale = num_traits::pow(BigInt::from(10), exp.unsigned_abs() as usize);
        let value = if exp >= 0 {
            BigRational::from_integer(digits * scale)
        } else {
            BigRational::new(digits, scale)
        };
        Some(Rat::from_big(if neg { -value } else { value }))
    }

    /// The simplest fraction (smallest denominator, then smallest numerator)
    /// within `tol * |x|` of `x` (absolute `tol` when `x == 0`), found by
    /// continued fractions like Octave's `rats`. A typical `tol` is
    /// [`DEFAULT_APPROX_TOL`] (1e-10). `None` for NaN/Inf or a negative tol.
    pub fn approx_from_f64(x: f64, tol: f64) -> Option<Rat> {
        if tol.is_nan() || tol < 0.0 {
            return None;
        }
        let center = Rat::from_f64_exact(x)?.to_big();
        let radius = if x == 0.0 { tol } else { tol * x.abs() };
        let radius = Rat::from_f64_exact(radius)?.to_big();
        Some(Rat::from_big(simplest_between(
            &(&center - &radius),
            &(&center + &radius),
        )))
    }
}

impl Rat {
    /// The first convergent of the nearest-integer continued fraction of `x`
    /// within `tol * |x|` of it: the fraction a reader expects (as Octave's
    /// `format rat`: `1e-7` is 1/10000000 where [`Rat::approx_from_f64`]'s
    /// smallest denominator gives 1/9999991). `None` for NaN/Inf.
    pub fn convergent_from_f64(x: f64, tol: f64) -> Option<Rat> {
        let target = Rat::from_f64_exact(x)?.to_big();
        let radius = Rat::from_f64_exact(tol * x.abs())?.to_big();
        let (mut h, mut h_prev) = (BigInt::one(), BigInt::zero());
        let (mut k, mut k_prev) = (BigInt::zero(), BigInt::one());
        let mut y = target.clone();
        loop {
            let a = y.round();
            let n = a.to_integer();
            (h, h_prev) = (&n * &h + &h_prev, h);
            (k, k_prev) = (&n * &k + &k_prev, k);
            let approx = BigRational::new(h.clone(), k.clone());
            let rest = &y - &a;
            // The exact expansion of a finite float ends, so this terminates.
            if (&approx - &target).abs() <= radius || rest.is_zero() {
                return Some(Rat::from_big(approx));
            }
            y = rest.recip();
        }
    }
}

/// The simplest rational in the closed interval `[lo, hi]` (`lo <= hi`).
fn simplest_between(lo: &BigRational, hi: &BigRational) -> BigRational {
    if !lo.is_positive() && !hi.is_negative() {
        return BigRational::zero();
    }
    if hi.is_negative() {
        return -simplest_positive(&-hi, &-lo);
    }
    simplest_positive(lo, hi)
}

/// Continued-fraction walk for `0 < lo <= hi`: collect the common terms until
/// an integer fits between the tails, then fold the terms back up.
fn simplest_positive(lo: &BigRational, hi: &BigRational) -> BigRational {
    let (mut lo, mut hi) = (lo.clone(), hi.clone());
    let mut terms = Vec::new();
    let last = loop {
        let c = lo.ceil();
        if c <= hi {
            break c;
        }
        let f = lo.floor();
        terms.push(f.clone());
        // lo is not an integer here, so both tails are positive.
        (lo, hi) = ((&hi - &f).recip(), (&lo - &f).recip());
    };
    terms.into_iter().rev().fold(last, |acc, a| a + acc.recip())
}

/// Correctly rounded `n/d` for `d > 0`: scale to the target binade's quantum,
/// round the integer quotient half-to-even, then scale back exactly.
fn big_ratio_to_f64(n: &BigInt, d: &BigInt) -> f64 {
    if n.is_zero() {
        return 0.0;
    }
    let neg = n.sign() == Sign::Minus;
    let n = n.abs();
    // floor(log2(n/d)) is e or e - 1.
    let mut e = n.bits() as i64 - d.bits() as i64;
    if shifted_cmp(&n, d, e) == Ordering::Less {
        e -= 1;
    }
    let magnitude = if e > 1023 {
        f64::INFINITY
    } else if e < -1076 {
        0.0
    } else {
        let q_exp = (e - 52).max(-1074); // value = q * 2^q_exp
        let (num, den) = if q_exp >= 0 {
            (n.clone(), d << q_exp as usize)
        } else {
            (n.clone() << (-q_exp) as usize, d.clone())
        };
        let q = &num / &den;
        let twice_r: BigInt = (num - &q * &den) << 1;
        let round_up = match twice_r.cmp(&den) {
            Ordering::Greater => true,
            Ordering::Equal => q.bit(0),
            Ordering::Less => false,
        };
        let q = if round_up { q + 1 } else { q };
        // q <= 2^53, so the conversion and the power-of-two scaling are exact
        // (overflow to infinity is the correct rounding).
        q.to_f64().unwrap_or(f64::INFINITY) * pow2(q_exp)
    };
    if neg {
        -magnitude
    } else {
        magnitude
    }
}

/// Compares `n` with `d * 2^e`.
fn shifted_cmp(n: &BigInt, d: &BigInt, e: i64) -> Ordering {
    if e >= 0 {
        n.cmp(&(d << e as usize))
    } else {
        (n << (-e) as usize).cmp(d)
    }
}

/// Exact `2^e` for `-1074 <= e <= 1023`.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

// ---- arithmetic -------------------------------------------------------

fn add_ref(a: &Rat, b: &Rat) -> Rat {
    match (&a.0, &b.0) {
        (Repr::Small(x, 1), Repr::Small(y, 1)) => match x.checked_add(*y) {
            Some(s) if s != i64::MIN => Rat(Repr::Small(s, 1)),
            _ => Rat::from_i128(*x as i128 + *y as i128, 1),
        },
        (Repr::Small(an, ad), Repr::Small(bn, bd)) => {
            let (an, ad, bn, bd) = (*an as i128, *ad as i128, *bn as i128, *bd as i128);
            Rat::from_i128(an * bd + bn * ad, ad * bd)
        }
        _ => Rat::from_big(a.to_big() + b.to_big()),
    }
}

fn mul_ref(a: &Rat, b: &Rat) -> Rat {
    match (&a.0, &b.0) {
        (Repr::Small(x, 1), Repr::Small(y, 1)) => match x.checked_mul(*y) {
            Some(p) if p != i64::MIN => Rat(Repr::Small(p, 1)),
            _ => Rat::from_i128(*x as i128 * *y as i128, 1),
        },
        (Repr::Small(an, ad), Repr::Small(bn, bd)) => {
            Rat::from_i128(*an as i128 * *bn as i128, *ad as i128 * *bd as i128)
        }
        _ => Rat::from_big(a.to_big() * b.to_big()),
    }
}

fn neg_ref(a: &Rat) -> Rat {
    match &a.0 {
        // n != i64::MIN, so -n cannot overflow.
        Repr::Small(n, d) => Rat(Repr::Small(-n, *d)),
        Repr::Big(r) => Rat::from_big(-&**r),
    }
}

impl Neg for Rat {
    type Output = Rat;
    fn neg(self) -> Rat {
        neg_ref(&self)
    }
}

impl Neg for &Rat {
    type Output = Rat;
    fn neg(self) -> Rat {
        neg_ref(self)
    }
}

/// Implements a binary operator for all four owned/borrowed combinations
/// in terms of a `fn(&Rat, &Rat) -> Rat`.
macro_rules! binop {
    ($trait:ident, $method:ident, $f:expr) => {
        impl $trait<&Rat> for &Rat {
            type Output = Rat;
            fn $method(self, rhs: &Rat) -> Rat {
                $f(self, rhs)
            }
        }
        impl $trait<Rat> for Rat {
            type Output = Rat;
            fn $method(self, rhs: Rat) -> Rat {
                $f(&self, &rhs)
            }
        }
        impl $trait<&Rat> for Rat {
            type Output = Rat;
            fn $method(self, rhs: &Rat) -> Rat {
                $f(&self, rhs)
            }
        }
        impl $trait<Rat> for &Rat {
            type Output = Rat;
            fn $method(self, rhs: Rat) -> Rat {
                $f(self, &rhs)
            }
        }
    };
}

binop!(Add, add, add_ref);
binop!(Sub, sub, |a: &Rat, b: &Rat| add_ref(a, &neg_ref(b)));
binop!(Mul, mul, mul_ref);
// Division by zero is a caller bug (use `checked_div` on untrusted data).
binop!(Div, div, |a: &Rat, b: &Rat| a
    .checked_div(b)
    .expect("Rat division by zero"));

impl AddAssign for Rat {
    fn add_assign(&mut self, rhs: Rat) {
        *self = add_ref(self, &rhs);
    }
}

impl SubAssign for Rat {
    fn sub_assign(&mut self, rhs: Rat) {
        *self = add_ref(self, &neg_ref(&rhs));
    }
}

impl MulAssign for Rat {
    fn mul_assign(&mut self, rhs: Rat) {
        *self = mul_ref(self, &rhs);
    }
}

impl std::iter::Sum for Rat {
    fn sum<I: Iterator<Item = Rat>>(iter: I) -> Rat {
        iter.fold(Rat::zero(), |acc, x| acc + x)
    }
}

impl Zero for Rat {
    fn zero() -> Rat {
        Rat::zero()
    }
    fn is_zero(&self) -> bool {
        Rat::is_zero(self)
    }
}

impl One for Rat {
    fn one() -> Rat {
        Rat::one()
    }
}

impl Ord for Rat {
    fn cmp(&self, other: &Rat) -> Ordering {
        match (&self.0, &other.0) {
            // Denominators are positive, so cross-multiplying keeps the order.
            (Repr::Small(an, ad), Repr::Small(bn, bd)) => {
                (*an as i128 * *bd as i128).cmp(&(*bn as i128 * *ad as i128))
            }
            _ => self.to_big().cmp(&other.to_big()),
        }
    }
}

impl PartialOrd for Rat {
    fn partial_cmp(&self, other: &Rat) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl From<i64> for Rat {
    fn from(n: i64) -> Rat {
        Rat::from_i64(n)
    }
}

impl From<i32> for Rat {
    fn from(n: i32) -> Rat {
        Rat::from_i64(n.into())
    }
}

impl From<BigRational> for Rat {
    fn from(r: BigRational) -> Rat {
        Rat::from_big(r)
    }
}

impl From<Ratio<i64>> for Rat {
    fn from(r: Ratio<i64>) -> Rat {
        Rat::from_i128((*r.numer()).into(), (*r.denom()).into())
    }
}

/// Error from parsing a `Rat` with `str::parse`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a rational number: {0:?}")]
pub struct ParseRatError(pub String);

/// Accepts decimal literals (see `from_decimal_str`) and `p/q` fractions of
/// decimal literals such as `"-3/2"` or `"1/0.5"`.
impl FromStr for Rat {
    type Err = ParseRatError;
    fn from_str(s: &str) -> Result<Rat, ParseRatError> {
        let err = || ParseRatError(s.to_string());
        match s.split_once('/') {
            Some((p, q)) => {
                let p = Rat::from_decimal_str(p).ok_or_else(err)?;
                let q = Rat::from_decimal_str(q).ok_or_else(err)?;
                p.checked_div(&q).ok_or_else(err)
            }
            None => Rat::from_decimal_str(s).ok_or_else(err),
        }
    }
}

impl fmt::Display for Rat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match &self.0 {
            Repr::Small(n, 1) => n.to_string(),
            Repr::Small(n, d) => format!("{n}/{d}"),
            Repr::Big(r) if r.is_integer() => r.numer().to_string(),
            Repr::Big(r) => format!("{}/{}", r.numer(), r.denom()),
        };
        f.pad(&text)
    }
}

impl fmt::Debug for Rat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
#[path = "tests/rat.rs"]
mod tests;
