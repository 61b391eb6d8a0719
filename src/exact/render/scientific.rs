//! Exact values beyond the range of doubles (`10^400/3`, `1e-400`), which
//! turn into Inf or 0 as floats: the test, and their scientific notation
//! computed from the fraction itself.

use crate::exact::Rat;
use num_bigint::BigInt;
use num_traits::Signed;

/// Whether `q` has no double of its own: it overflows to Inf, underflows
/// to 0, or is subnormal (fewer than 16 significant digits). Only fractions
/// of 1000 bits or more can be, so the common case is one size test.
pub fn beyond_double(q: &Rat) -> bool {
    if q.bits() < 1000 {
        return false;
    }
    let x = q.to_f64();
    x.is_infinite() || x.is_subnormal() || (x == 0.0 && !q.is_zero())
}

/// `q` with five significant digits as Octave writes large and small
/// doubles (`3.3333e+399`), rounded half up from the exact fraction.
pub fn scientific(q: &Rat) -> String {
    if q.is_zero() {
        return "0".into();
    }
    let (n, d) = (q.numer().abs(), q.denom());
    // 10^e <= |q| < 10^(e + 1): start from the bit lengths, then correct.
    let bits = n.bits() as f64 - d.bits() as f64;
    let mut e = (bits * std::f64::consts::LOG10_2).floor() as i64;
    let (low, high) = (BigInt::from(10_000), BigInt::from(100_000));
    loop {
        let m = scaled(&n, &d, 4 - e);
        if m >= high {
            e += 1;
        } else if m < low {
            e -= 1;
        } else {
            break;
        }
    }
    let mut digits = (scaled(&n, &d, 5 - e) + 5u32) / 10u32;
    if digits == high {
        digits = low;
        e += 1;
    }
    let digits = digits.to_string();
    let sign = if q.is_negative() { "-" } else { "" };
    let e_sign = if e < 0 { '-' } else { '+' };
    format!(
        "{sign}{}.{}e{e_sign}{:02}",
        &digits[..1],
        &digits[1..],
        e.unsigned_abs()
    )
}

/// floor(n / d * 10^k) for positive n and d.
fn scaled(n: &BigInt, d: &BigInt, k: i64) -> BigInt {
    let ten = |k: u64| num_traits::pow(BigInt::from(10), k as usize);
    if k >= 0 {
        n * ten(k.unsigned_abs()) / d
    } else {
        n / (d * ten(k.unsigned_abs()))
    }
}
