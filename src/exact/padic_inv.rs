//! Exact inverse by Dixon's p-adic lifting with the identity as right-hand
//! side: `X_i = A^-1 R_i mod p`, `R_{i+1} = (R_i - A X_i) / p`, so
//! `X_0 + X_1 p + ...` is `A^-1` modulo ever higher powers of p, then one
//! rational reconstruction with a shared denominator.
//!
//! Both products of a step are whole matrix products of integers kept below
//! 2^53 (the prime is chosen small enough for that), so they run as exact
//! floating-point products (nalgebra's blocked kernel) instead of n³
//! word-size loops. The lifting goes on until `p^k` passes twice the square
//! of Hadamard's bound, which bounds every numerator (a cofactor) and the
//! denominator (the determinant): the reconstruction is then unique and the
//! result exact by that bound, with no check needed (and no chance in it).

use crate::exact::matrix::{word_rows, RatMat};
use crate::exact::modp::{mod_f64, prime_limit, primes_below, ModMat, MIN_PRIME};
use crate::exact::reconstruct::{from_digits, hadamard_bits, rational_vector};
use crate::exact::Rat;
use nalgebra::DMatrix;
use num_bigint::BigInt;

/// How many primes to try before asking whether the matrix is singular.
const PRIME_TRIES: usize = 3;

/// `Some(Some(A^-1))`, `Some(None)` when `A` (square) is singular, or
/// `None` when this path does not apply (entries too large).
pub fn inv(a: &RatMat) -> Option<Option<RatMat>> {
    let n = a.nrows();
    let (data, scales) = word_rows(a)?;
    let max = data.iter().map(|x| x.unsigned_abs()).max().unwrap_or(0);
    let limit = prime_limit(n, max);
    if limit < MIN_PRIME {
        return None;
    }
    // A zero row: Hadamard's bound is 0, and so is the determinant.
    let Some(bits) = hadamard_bits(data.chunks(n.max(1))) else {
        return Some(None);
    };
    let modp = |p: u32| ModMat::from_row_major(u64::from(p), n, n, &data);
    let Some(lu) = primes_below(limit)
        .take(PRIME_TRIES)
        .find_map(|p| modp(p).lu())
    else {
        // Singular modulo several primes: decide exactly (CRT determinant).
        let det = crate::exact::modular::det(a)?;
        return det.is_zero().then_some(None);
    };
    let p = lu.p();
    let steps = ((2.0 * bits + 2.0) / (p as f64).log2()).ceil().max(1.0) as usize;
    let digits = lift(&data, n, &lu.inverse(), p, steps);
    let modulus = BigInt::from(p).pow(steps as u32);
    let (num, den) = rational_vector(digits, &modulus)?;
    // A = S^-1 M with S the row scales, so A^-1 = M^-1 S: column j times s_j.
    let entries = num
        .into_iter()
        .enumerate()
        .map(|(k, x)| Rat::new(x * scales[k % n], den.clone()));
    let entries: Option<Vec<Rat>> = entries.collect();
    Some(Some(RatMat::from_row_iterator(n, n, entries?)))
}

/// The first `steps` p-adic digits of `M^-1` (`m` row-major `n x n`,
/// `inv_p` its inverse mod p), each entry assembled into one integer
/// `sum_i X_i[entry] p^i` (row-major).
fn lift(m: &[i64], n: usize, inv_p: &[u64], p: u64, steps: usize) -> Vec<BigInt> {
    let a = DMatrix::from_fn(n, n, |i, j| m[i * n + j] as f64);
    let inv = DMatrix::from_fn(n, n, |i, j| inv_p[i * n + j] as f64);
    let pf = p as f64;
    let mut residual = DMatrix::<f64>::identity(n, n);
    // Digits per step, column-major as nalgebra stores them.
    let mut digits: Vec<Vec<u32>> = Vec::with_capacity(steps);
    for _ in 0..steps {
        let mut x = &inv * &residual;
        x.apply(|v| *v = mod_f64(*v, pf));
        residual -= &a * &x;
        residual /= pf;
        digits.push(x.iter().map(|&v| v as u32).collect());
    }
    (0..n * n)
        .map(|k| {
            let at = (k % n) * n + k / n;
            from_digits(steps, p, |s| digits[s][at])
        })
        .collect()
}
