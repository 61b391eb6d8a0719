//! From residues back to exact numbers: Chinese remaindering of an integer
//! from its values modulo several primes, rational reconstruction of a
//! fraction from its value modulo a large number, and the Hadamard bounds
//! that say how large a modulus must be for either to be unique.

use crate::exact::gcd::{cofactors, combine};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

/// An integer known modulo a growing product of primes (Garner's
/// incremental form of the Chinese remainder theorem).
pub struct Crt {
    value: BigInt,
    modulus: BigInt,
}

impl Default for Crt {
    /// Nothing known yet: 0 modulo 1.
    fn default() -> Crt {
        Crt {
            value: BigInt::zero(),
            modulus: BigInt::one(),
        }
    }
}

impl Crt {
    /// Adds the fact `x ≡ r (mod p)` for a prime `p` not used before.
    pub fn add(&mut self, r: u64, p: u64) {
        let m_mod_p = (&self.modulus % p)
            .to_u64_digits()
            .1
            .first()
            .copied()
            .unwrap_or(0);
        let v_mod_p = (&self.value % p)
            .to_u64_digits()
            .1
            .first()
            .copied()
            .unwrap_or(0);
        // value + modulus * t ≡ r, so t = (r - value) / modulus (mod p).
        let t = (r + p - v_mod_p) % p * crate::exact::modp::inv_mod(m_mod_p, p) % p;
        self.value += &self.modulus * t;
        self.modulus *= p;
    }

    /// Bits of the product of the primes so far (a lower bound on log2).
    pub fn modulus_bits(&self) -> u64 {
        self.modulus.bits().saturating_sub(1)
    }

    /// The representative in `(-M/2, M/2]`, `M` the product of the primes.
    pub fn symmetric(&self) -> BigInt {
        if &self.value * 2 > self.modulus {
            &self.value - &self.modulus
        } else {
            self.value.clone()
        }
    }
}

/// Rational reconstruction of a vector sharing one denominator: finds
/// integers `num` and `den > 0` with `num[j] ≡ den * u[j] (mod m)`, each
/// step by the extended Euclidean algorithm stopped halfway (|numerator|,
/// denominator ≤ sqrt(m/2), where the answer is unique when it exists).
/// Entries after the first usually cost one multiplication: the common
/// denominator found so far already clears them. `None` when a
/// denominator would pass the bound (the modulus is still too small).
pub fn rational_vector(
    u: impl IntoIterator<Item = BigInt>,
    m: &BigInt,
) -> Option<(Vec<BigInt>, BigInt)> {
    let bound = (m >> 1u32).sqrt();
    let mut den = BigInt::one();
    let mut nums: Vec<BigInt> = Vec::new();
    for x in u {
        let t = (&den * x).mod_floor(m);
        let (a, e) = half_gcd(&t, m, &bound)?;
        if !e.is_one() {
            for n in &mut nums {
                *n *= &e;
            }
            den *= &e;
            if den > bound {
                return None;
            }
        }
        nums.push(a);
    }
    Some((nums, den))
}

/// `(a, b)` with `a ≡ b t (mod m)`, `|a| ≤ bound`, `0 < b ≤ bound`: the
/// first remainder of Euclid on `(m, t)` that is at most `bound` (`t` in
/// `[0, m)`). Far above the bound, Lehmer's rounds (`gcd::cofactors`) take
/// many steps at once from the leading bits; a round that would pass the
/// bound is replaced by a plain step, so no remainder is skipped.
fn half_gcd(t: &BigInt, m: &BigInt, bound: &BigInt) -> Option<(BigInt, BigInt)> {
    let bound = bound.magnitude();
    let (mut r0, mut r1) = (m.magnitude().clone(), t.magnitude().clone());
    let (mut s0, mut s1) = (BigInt::zero(), BigInt::one());
    while &r1 > bound {
        let round = (r1.bits() > bound.bits() + 64)
            .then(|| cofactors(&r0, &r1))
            .flatten()
            .and_then(|[a, b, c, d]| {
                let (n0, n1) = (combine(&r0, a, &r1, b)?, combine(&r0, c, &r1, d)?);
                (&n1 > bound).then_some((n0, n1, [a, b, c, d]))
            });
        match round {
            Some((n0, n1, [a, b, c, d])) => {
                let (t0, t1) = (&s0 * a + &s1 * b, &s0 * c + &s1 * d);
                (r0, r1, s0, s1) = (n0, n1, t0, t1);
            }
            None => {
                let (q, r) = r0.div_rem(&r1);
                let s = &s0 - BigInt::from(q) * &s1;
                (r0, r1, s0, s1) = (r1, r, s1, s);
            }
        }
    }
    let r1 = BigInt::from(r1);
    if s1.is_zero() || s1.magnitude() > bound {
        return None;
    }
    if s1.is_negative() {
        Some((-r1, -s1))
    } else {
        Some((r1, s1))
    }
}

/// `sum_i digit(i) p^i` over `count` p-adic digits (`p < 2^31`), by
/// Horner's rule from the top digit, two digits (below 2^62) at a time, on
/// 64-bit limbs in one buffer (no big-integer temporaries).
pub fn from_digits(count: usize, p: u64, digit: impl Fn(usize) -> u32) -> BigInt {
    let mut limbs: Vec<u64> = Vec::with_capacity(count / 2 + 2);
    let mut times_add = |factor: u64, add: u64| {
        let mut carry = u128::from(add);
        for l in limbs.iter_mut() {
            let t = u128::from(*l) * u128::from(factor) + carry;
            *l = t as u64;
            carry = t >> 64;
        }
        if carry > 0 {
            limbs.push(carry as u64);
        }
    };
    let mut s = count;
    if s % 2 == 1 {
        times_add(p, u64::from(digit(s - 1)));
        s -= 1;
    }
    while s >= 2 {
        times_add(p * p, u64::from(digit(s - 1)) * p + u64::from(digit(s - 2)));
        s -= 2;
    }
    let words: Vec<u32> = limbs
        .iter()
        .flat_map(|&l| [l as u32, (l >> 32) as u32])
        .collect();
    BigInt::from(num_bigint::BigUint::new(words))
}

/// An upper bound on log2 of Hadamard's bound `prod_i ||row_i||` for the
/// rows given (any zero row gives `None`: the determinant is 0). Sums of
/// squares are taken in f64 and the result padded, so rounding can only
/// make it larger.
pub fn hadamard_bits<'a>(rows: impl Iterator<Item = &'a [i64]>) -> Option<f64> {
    let mut bits = 0.0;
    let mut n = 0.0;
    for row in rows {
        let sq: f64 = row.iter().map(|&x| (x as f64) * (x as f64)).sum();
        if sq == 0.0 {
            return None;
        }
        bits += 0.5 * sq.log2();
        n += 1.0;
    }
    Some(bits * (1.0 + 1e-9) + 1e-6 * n + 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crt_recovers_negative_and_large_integers() {
        let x: BigInt = "-123456789012345678901234567890".parse().expect("literal");
        let mut crt = Crt::default();
        for p in crate::exact::modp::primes().take(4) {
            let r = x.mod_floor(&BigInt::from(p));
            crt.add(
                r.to_u64_digits().1.first().copied().unwrap_or(0),
                u64::from(p),
            );
        }
        assert_eq!(crt.symmetric(), x);
        assert!(crt.modulus_bits() >= 120);
    }

    #[test]
    fn rational_vector_finds_fractions_with_shared_denominator() {
        // -22/7, 1/3 and 5 modulo 10^12: den 21, numerators -66, 7, 105.
        let m = BigInt::from(10u64.pow(12));
        let inv = |d: i64| {
            BigInt::from(d).modpow(&(BigInt::from(4) * BigInt::from(10u64.pow(11)) - 1), &m)
        };
        // inverses by Euler (phi(10^12) = 4 * 10^11) for d coprime to 10
        let u = vec![
            (BigInt::from(-22) * inv(7)).mod_floor(&m),
            inv(3),
            BigInt::from(5),
        ];
        let (nums, den) = rational_vector(u, &m).expect("reconstructs");
        assert_eq!(den, BigInt::from(21));
        assert_eq!(
            nums,
            vec![BigInt::from(-66), BigInt::from(7), BigInt::from(105)]
        );
        // Too small a modulus: 1/999 = 998999 (mod 10^6) needs a
        // denominator above sqrt(10^6 / 2) = 707.
        let small = BigInt::from(1_000_000);
        assert_eq!(
            (BigInt::from(998_999) * BigInt::from(999)).mod_floor(&small),
            BigInt::one()
        );
        assert_eq!(rational_vector([BigInt::from(998_999)], &small), None);
    }

    #[test]
    fn hadamard_bound_of_identity_and_zero_rows() {
        let rows: Vec<Vec<i64>> = vec![vec![3, 4], vec![0, 5]];
        // ||(3,4)|| * ||(0,5)|| = 25: log2 25 = 4.64, padded by about a bit.
        let b = hadamard_bits(rows.iter().map(Vec::as_slice)).expect("non-zero");
        assert!((25f64.log2()..25f64.log2() + 1.01).contains(&b));
        let zero: Vec<Vec<i64>> = vec![vec![0, 0], vec![1, 1]];
        assert_eq!(hadamard_bits(zero.iter().map(Vec::as_slice)), None);
    }
}
