//! How exact values are shown in the default format, so that pasted decimal
//! data stays readable (display only: values, `format rat`, `latex()` and
//! `--json` keep every digit). The rule, for a whole matrix at once:
//! * every entry an integer or a short fraction (numerator and denominator
//!   together at most [`SHORT_FRACTION_DIGITS`] digits): fractions, `3/5`;
//! * else every entry a terminating decimal with at most
//!   [`MAX_TYPED_DECIMALS`] decimals: those decimals in full, as typed
//!   (`0.70710678`; in a matrix every entry gets as many decimals as the
//!   longest, so the points line up);
//! * else decimals rounded as `format short` shows floats, and, when one of
//!   them is not exactly its value, a note that `format rat` shows the exact
//!   fractions ([`rounded_note`]).
//!
//! Complex (Gaussian) values follow the same rule, decided on their real and
//! imaginary parts together: `0.70710678 + 0.5i`, not
//! `(35355339 + 25000000i)/50000000`.

use crate::exact::{QuadMat, Rat, RatMat};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

/// Longest fraction shown as a fraction: numerator plus denominator digits.
pub const SHORT_FRACTION_DIGITS: usize = 10;
/// Most decimals a terminating decimal is written out with.
pub const MAX_TYPED_DECIMALS: usize = 16;
/// The line after a value shown rounded.
pub const ROUNDED_NOTE: &str =
    "  (exact fractions shown rounded; `format rat` shows them exactly)\n";

/// [`ROUNDED_NOTE`] when an entry as shown (`0.3333` for 1/3) is not its
/// exact value, decided on the exact value of the shown decimal; nothing
/// when every one is (`1.0000e-20`, `0.1250`). Pairs of shown text and value.
pub fn rounded_note<'a>(mut shown: impl Iterator<Item = (String, &'a Rat)>) -> &'static str {
    let exact = |(text, x): (String, &Rat)| Rat::from_decimal_str(&text).is_some_and(|v| v == *x);
    if shown.all(exact) {
        ""
    } else {
        ROUNDED_NOTE
    }
}

/// How one exact matrix is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Fractions,
    /// Terminating decimals in full, with at most this many decimals.
    Decimals(usize),
    Rounded,
}

pub fn layout(m: &RatMat) -> Layout {
    if m.iter().all(is_short) {
        return Layout::Fractions;
    }
    let mut most = 0;
    for x in m.iter() {
        match decimals(x) {
            Some(k) if k <= MAX_TYPED_DECIMALS => most = most.max(k),
            _ => return Layout::Rounded,
        }
    }
    Layout::Decimals(most)
}

/// The real and imaginary parts of a matrix whose entries are all
/// Gaussian rationals `a + b*i` (no other square root); `None` otherwise.
pub fn gaussian_parts(m: &QuadMat) -> Option<(RatMat, RatMat)> {
    let part = |imag: bool| -> Option<Vec<Rat>> {
        m.iter()
            .map(|q| match (q.radicand(), q.is_scaled()) {
                (0, false) if imag => Some(Rat::zero()),
                (0 | -1, false) if !imag => Some(q.re_part().clone()),
                (-1, false) => Some(q.radical_part().clone()),
                _ => None,
            })
            .collect()
    };
    let (r, c) = m.shape();
    Some((
        RatMat::from_vec(r, c, part(false)?),
        RatMat::from_vec(r, c, part(true)?),
    ))
}

/// [`layout`] of a complex matrix, given its parts.
pub fn gaussian_layout(re: &RatMat, im: &RatMat) -> Layout {
    let both = RatMat::from_iterator(re.len() + im.len(), 1, re.iter().chain(im).cloned());
    layout(&both)
}

fn is_short(x: &Rat) -> bool {
    x.is_integer()
        || x.to_string().bytes().filter(u8::is_ascii_digit).count() <= SHORT_FRACTION_DIGITS
}

/// Decimals of `x` when it is a terminating decimal (denominator 2^a 5^b:
/// max(a, b) of them), `None` otherwise.
fn decimals(x: &Rat) -> Option<usize> {
    let mut d = x.denom();
    let (two, five) = (BigInt::from(2), BigInt::from(5));
    let (mut a, mut b) = (0, 0);
    while (&d % &two).is_zero() {
        d /= &two;
        a += 1;
    }
    while (&d % &five).is_zero() {
        d /= &five;
        b += 1;
    }
    (d == BigInt::from(1)).then_some(a.max(b))
}

/// A terminating decimal in full (`-0.125`), with at least `places`
/// decimals (zeros added) so the points of a column line up.
pub fn decimal_text(x: &Rat, places: usize) -> String {
    let k = decimals(x).unwrap_or(0).max(places);
    let scaled = x.numer() * num_traits::pow(BigInt::from(10), k) / x.denom();
    let digits = format!("{:0>w$}", scaled.abs().to_string(), w = k + 1);
    let (int, frac) = digits.split_at(digits.len() - k);
    let sign = if scaled.is_negative() { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}
