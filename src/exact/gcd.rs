//! Greatest common divisors of big integers by Lehmer's method: the
//! quotients of Euclid's algorithm are found from the leading 62 bits in
//! machine words and applied to the full numbers once per ~30 bits.
//! num-bigint's gcd is binary (a shift and a subtraction per bit), which
//! made reducing the fractions of an exact inverse its slowest part.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{CheckedSub, One, ToPrimitive, Zero};

/// Non-negative gcd of `a` and `b` (`gcd(0, 0) = 0`).
pub fn gcd(a: &BigInt, b: &BigInt) -> BigInt {
    BigInt::from_biguint(Sign::Plus, gcd_unsigned(a.magnitude(), b.magnitude()))
}

fn gcd_unsigned(a: &BigUint, b: &BigUint) -> BigUint {
    let (mut a, mut b) = if a >= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    };
    while b.bits() > 64 {
        let step = cofactors(&a, &b).and_then(|[ca, cb, cc, cd]| {
            Some((combine(&a, ca, &b, cb)?, combine(&a, cc, &b, cd)?))
        });
        (a, b) = match step {
            Some(next) => next,
            None => {
                let r = &a % &b;
                (b, r)
            }
        };
    }
    // Both fit a word after one more remainder.
    let Some(small) = b.to_u64() else {
        return a;
    };
    if small == 0 {
        return a;
    }
    let rest = (&a % small).to_u64().unwrap_or(0);
    BigUint::from(small.gcd(&rest))
}

/// One round of Lehmer's algorithm on `a >= b` (Knuth's Algorithm L):
/// Euclid on the leading 62 bits while the quotient is certain (the same
/// for both roundings of the leading digits). Returns the cofactors
/// `[A, B, C, D]` with `(A a + B b, C a + D b)` the pair that many steps of
/// Euclid reach, or `None` when not even one quotient is certain.
pub(crate) fn cofactors(a: &BigUint, b: &BigUint) -> Option<[i64; 4]> {
    let shift = a.bits().saturating_sub(62);
    let mut x = bits_from(a, shift) as i64;
    let mut y = bits_from(b, shift) as i64;
    let (mut ca, mut cb, mut cc, mut cd) = (1i64, 0i64, 0i64, 1i64);
    // x, y < 2^62 and every cofactor stays below 2^62 in magnitude, so the
    // sums cannot overflow; the products are checked all the same.
    while y + cc > 0 && y + cd > 0 {
        let q = quotient(x + ca, y + cc);
        if q != quotient(x + cb, y + cd) {
            break;
        }
        let (Some(nc), Some(nd)) = (q.checked_mul(cc), q.checked_mul(cd)) else {
            break;
        };
        (ca, cc) = (cc, ca - nc);
        (cb, cd) = (cd, cb - nd);
        (x, y) = (y, x - q * y);
    }
    (cb != 0).then_some([ca, cb, cc, cd])
}

/// The 64 bits of `a` from bit `shift` up (`a < 2^(shift + 64)`), read
/// from its limbs without shifting a copy.
fn bits_from(a: &BigUint, shift: u64) -> u64 {
    let (word, bit) = ((shift / 64) as usize, shift % 64);
    let mut digits = a.iter_u64_digits().skip(word);
    let low = digits.next().unwrap_or(0) >> bit;
    let high = digits.next().unwrap_or(0);
    if bit == 0 {
        low
    } else {
        low | high << (64 - bit)
    }
}

/// `a / b` (truncated, `b > 0`) with the small quotients that make up most
/// of Euclid's steps (0 and 1: over half) found without a division.
fn quotient(a: i64, b: i64) -> i64 {
    if (0..b).contains(&a) {
        0
    } else if a >= b && a - b < b {
        1
    } else {
        a / b
    }
}

/// `s a + t b` when it is non-negative, as Euclid's remainders are (the
/// signs of the cofactors alternate); `None` would mean a bad round, and
/// the caller then takes a plain remainder step instead.
pub(crate) fn combine(a: &BigUint, s: i64, b: &BigUint, t: i64) -> Option<BigUint> {
    let (pa, pb) = (a * s.unsigned_abs(), b * t.unsigned_abs());
    match (s >= 0, t >= 0) {
        (true, false) => pa.checked_sub(&pb),
        (false, true) => pb.checked_sub(&pa),
        (true, true) => Some(pa + pb),
        (false, false) => None,
    }
}

/// `n / d` in lowest terms with `d > 0` (`d` non-zero).
pub fn reduce(n: BigInt, d: BigInt) -> (BigInt, BigInt) {
    let g = gcd(&n, &d);
    let (n, d) = if g.is_zero() || g.is_one() {
        (n, d)
    } else {
        (n / &g, d / &g)
    };
    if d.sign() == Sign::Minus {
        (-n, -d)
    } else {
        (n, d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::Signed;

    /// Against num-integer's binary gcd on numbers of 1 to 40 limbs with
    /// planted common factors.
    #[test]
    fn lehmer_agrees_with_binary_gcd() {
        let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for limbs in [1usize, 2, 3, 5, 10, 20, 40] {
            for _ in 0..20 {
                let mut big = |k: usize| {
                    BigInt::from_slice(
                        Sign::Plus,
                        &(0..2 * k).map(|_| next() as u32).collect::<Vec<_>>(),
                    )
                };
                let f = big(limbs / 2 + 1);
                let (a, b) = (big(limbs) * &f, -big(limbs) * &f);
                assert_eq!(gcd(&a, &b), a.gcd(&b), "{a} {b}");
                assert_eq!(gcd(&a, &BigInt::zero()), a.abs());
            }
        }
        // Consecutive Fibonacci numbers: every quotient is 1, gcd 1.
        let (mut f0, mut f1) = (BigInt::from(0), BigInt::from(1));
        for _ in 0..500 {
            (f0, f1) = (f1.clone(), f0 + f1);
        }
        assert_eq!(gcd(&f0, &f1), BigInt::from(1));
        assert_eq!(
            reduce(BigInt::from(6), BigInt::from(-4)),
            (BigInt::from(-3), BigInt::from(2))
        );
    }
}
