//! Integers as `k²·d` with `d` square-free: the split behind exact square
//! roots (`√(k²d) = k√d`). Small integers are factored by trial division;
//! large ones (beyond doubles: `√(10^400) = 10^200`) are decided by a square
//! test and their small prime factors, before any conversion to a double.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};
use std::sync::OnceLock;

/// Largest square-free part `d` a split may leave (`quad::MAX_RADICAND`).
pub const MAX_PART: u64 = 1 << 40;

/// Primes below this divide out of a large integer; what is left, when it
/// is no square, must be one or two primes above it, fewer than
/// `TRIAL_LIMIT³ > MAX_PART`, to be square-free.
const TRIAL_LIMIT: u64 = 1 << 14;

/// `n = k²·d` with `d` square-free and at most 2^40; `None` when the
/// square-free part is larger or cannot be found cheaply (a large factor
/// that is no square and too large to be square-free for sure).
pub fn split(n: &BigUint) -> Option<(BigUint, u64)> {
    if let Some(small) = n.to_u64().filter(|&s| s <= MAX_PART) {
        let (k, d) = split_small(small);
        return Some((BigUint::from(k), d));
    }
    if let Some(s) = exact_sqrt(n) {
        return Some((s, 1));
    }
    let (mut k, mut d, mut rest) = (BigUint::one(), 1u64, n.clone());
    // The small primes dividing n, found through one gcd with their product.
    let mut g = n.gcd(small_primorial());
    for &p in small_primes() {
        if g.is_one() {
            break;
        }
        if !(&g % p).is_zero() {
            continue;
        }
        g /= p;
        let mut e = 0u32;
        while (&rest % p).is_zero() {
            rest /= p;
            e += 1;
        }
        k *= BigUint::from(p).pow(e / 2);
        if e % 2 == 1 {
            d = d.checked_mul(p)?;
        }
    }
    match exact_sqrt(&rest) {
        Some(s) => k *= s,
        None => d = d.checked_mul(rest.to_u64()?)?,
    }
    (d <= MAX_PART).then_some((k, d))
}

/// `√n` when `n` is a perfect square.
fn exact_sqrt(n: &BigUint) -> Option<BigUint> {
    let s = n.sqrt();
    (&s * &s == *n).then_some(s)
}

/// `n = k²·d` with `d` square-free, for `n ≤ 2^40` (trial division up to
/// the cube root, then a square test of what is left).
fn split_small(mut n: u64) -> (u64, u64) {
    if n == 0 {
        return (0, 1);
    }
    let (mut k, mut d) = (1u64, 1u64);
    let mut p = 2u64;
    while p * p * p <= n {
        let mut e = 0;
        while n.is_multiple_of(p) {
            n /= p;
            e += 1;
        }
        k *= p.pow(e / 2);
        if e % 2 == 1 {
            d *= p;
        }
        p += if p == 2 { 1 } else { 2 };
    }
    // What is left has at most two prime factors, both above the cube root:
    // it is a square or square-free.
    let s = isqrt(n);
    if s * s == n && n > 1 {
        k *= s;
    } else {
        d *= n;
    }
    (k, d)
}

fn isqrt(n: u64) -> u64 {
    let mut s = (n as f64).sqrt() as u64;
    while s * s > n {
        s -= 1;
    }
    while (s + 1) * (s + 1) <= n {
        s += 1;
    }
    s
}

/// True when `n ≤ 2^40` has no square factor.
pub fn is_square_free(n: u64) -> bool {
    n <= MAX_PART && split_small(n).0 == 1
}

/// The primes below [`TRIAL_LIMIT`], by a sieve, once.
fn small_primes() -> &'static [u64] {
    static PRIMES: OnceLock<Vec<u64>> = OnceLock::new();
    PRIMES.get_or_init(|| {
        let n = TRIAL_LIMIT as usize;
        let mut composite = vec![false; n];
        (2..n)
            .filter(|&p| {
                if composite[p] {
                    return false;
                }
                (p * p..n).step_by(p).for_each(|m| composite[m] = true);
                true
            })
            .map(|p| p as u64)
            .collect()
    })
}

/// The product of [`small_primes`].
fn small_primorial() -> &'static BigUint {
    static PRODUCT: OnceLock<BigUint> = OnceLock::new();
    PRODUCT.get_or_init(|| small_primes().iter().map(|&p| BigUint::from(p)).product())
}
