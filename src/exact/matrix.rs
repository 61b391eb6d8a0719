//! Dense rational matrices (`nalgebra::DMatrix<Rat>`) and the size/cost rule
//! that decides when exact arithmetic is too expensive.
//!
//! # When to fall back to floating point
//! The evaluator should use exact arithmetic only when [`too_costly_for`]
//! is false for the kind of work ([`ExactWork`]), i.e. [`estimated_cost_ns`]
//! is at most [`MAX_EXACT_COST_NS`] (0.1 s) and, except for the modular
//! determinant, rank and rref, whose estimates stand on their own, the
//! operand has at most [`MAX_EXACT_ENTRIES`] (10 000) entries.
//! [`too_costly`] is the same test for the common case `ExactWork::Inverse`.
//!
//! The estimate is `m·n·min(m,n)` big-integer updates (times `n` more for
//! the O(n⁴) characteristic polynomial), each costing a fixed overhead plus
//! a term quadratic in the number of 64-bit limbs of the intermediates. Those
//! grow (Hadamard's bound) to about `min(m,n)·L` bits when the entries have
//! `L` bits (numerator plus denominator, see [`max_entry_bits`]). Constants
//! were fitted to release-build timings of random integer matrices
//! (n = 10..100, entries up to 10^12) and err on the slow side; debug builds
//! are several times slower. For `A^k` the caller should also account for
//! entries growing `k`-fold in size.
//!
//! `det`, `A\B` (square A), `rank` and `rref` run modulo word-size primes
//! (`exact::modular`) when every row, times the lcm of its denominators,
//! has entries below 2^62; their estimates ([`ExactWork::ModularDet`],
//! [`ExactWork::ModularSolve`], and for rank and rref
//! `echelon::rref_if_affordable`, priced after the one elimination modulo a
//! prime that tells the rank) count machine-word updates per 31 bits of
//! Hadamard's bound (for `det` the worst case, where the denominators of
//! `A\b` leave all of it to the primes) plus the exact check of each
//! result entry, so a
//! 100x100 matrix of small integers stays exact (a few milliseconds) while
//! `A\B` with many columns in B, or the rref of a large rank-deficient
//! matrix, still gives way.

use crate::exact::{ExactError, Rat, Result};
use nalgebra::DMatrix;
use num_bigint::BigInt;
use num_traits::{One, Zero};

pub type RatMat = DMatrix<Rat>;

/// Operands with more entries than this are never handled exactly.
pub const MAX_EXACT_ENTRIES: usize = 10_000;

/// Budget for one exact operation, in estimated nanoseconds (0.1 s).
pub const MAX_EXACT_COST_NS: f64 = 1e8;

/// Kinds of exact work with different cost profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExactWork {
    /// Forward fraction-free elimination: `det`, `rank`, also `matmul`.
    Det,
    /// Fraction-free Gauss–Jordan: `inv`, `solve`, `rref_plain`, `null`,
    /// `eigenspace`, negative powers.
    Inverse,
    /// Berkowitz's O(n⁴) algorithm: `charpoly`, `eig_exact`, `eig_steps`.
    CharPoly,
    /// Any recorded working (`rref`, `*_steps`): rational Gauss–Jordan that
    /// keeps a copy of the matrix per step.
    Steps,
    /// `det` by the multimodular method (`modular::det`): one `n³/3`
    /// elimination modulo a word-size prime per 31 bits of Hadamard's
    /// bound. Entries that are not machine words are costed as `Det`.
    ModularDet,
    /// `A\B` for square A (`modular::solve`) with `rhs` columns in B: one
    /// elimination modulo a prime, then p-adic lifting, two digits per 31
    /// bits of Hadamard's bound, and the exact check of every entry.
    /// Entries that are not machine words are costed as `Inverse`.
    ModularSolve { rhs: usize },
    /// `inv` by p-adic lifting (`padic_inv`): two matrix products per
    /// digit up to twice Hadamard's bound, then one gcd per entry to reduce
    /// it. Entries too large for it are costed as `Inverse`.
    ModularInverse,
}

pub fn to_f64(a: &RatMat) -> DMatrix<f64> {
    a.map(|x| x.to_f64())
}

/// The exact binary values of a float matrix (`None` if any is NaN/Inf).
pub fn from_f64_exact(a: &DMatrix<f64>) -> Option<RatMat> {
    let data = a
        .iter()
        .map(|&x| Rat::from_f64_exact(x))
        .collect::<Option<Vec<_>>>()?;
    Some(RatMat::from_vec(a.nrows(), a.ncols(), data))
}

/// A matrix from row-major integers (handy for literals and tests).
pub fn from_i64_rows(nrows: usize, ncols: usize, data: &[i64]) -> RatMat {
    RatMat::from_row_iterator(nrows, ncols, data.iter().map(|&x| Rat::from_i64(x)))
}

pub fn identity(n: usize) -> RatMat {
    RatMat::identity(n, n)
}

pub fn zeros(nrows: usize, ncols: usize) -> RatMat {
    RatMat::zeros(nrows, ncols)
}

pub fn transpose(a: &RatMat) -> RatMat {
    a.transpose()
}

pub fn is_integer_matrix(a: &RatMat) -> bool {
    a.iter().all(Rat::is_integer)
}

/// Matrix product. Rows of `a` and columns of `b` are first brought to
/// integers over a common denominator, so each entry costs one reduction
/// instead of one per term.
pub fn matmul(a: &RatMat, b: &RatMat) -> Result<RatMat> {
    if a.ncols() != b.nrows() {
        return Err(nonconformant("mtimes", a, b));
    }
    let (rows, row_den) = integer_rows(a);
    let (cols, col_den) = integer_rows(&b.transpose());
    Ok(RatMat::from_fn(a.nrows(), b.ncols(), |i, j| {
        let dot: BigInt = rows[i].iter().zip(&cols[j]).map(|(x, y)| x * y).sum();
        ratio(dot, &row_den[i] * &col_den[j])
    }))
}

/// `n / d` where `d` is a product of denominators, hence never zero.
fn ratio(n: BigInt, d: BigInt) -> Rat {
    Rat::new(n, d).unwrap_or_else(Rat::zero)
}

/// Integer rows: `a` row by row.
pub(crate) type IntRows = Vec<Vec<BigInt>>;

/// Non-negative greatest common divisor (Euclid).
pub(crate) fn gcd(mut a: BigInt, mut b: BigInt) -> BigInt {
    while !b.is_zero() {
        let r = &a % &b;
        (a, b) = (b, r);
    }
    if a < BigInt::zero() {
        -a
    } else {
        a
    }
}

/// Least common multiple of the denominators (1 for no values).
pub(crate) fn lcm_of_denominators<'a>(values: impl Iterator<Item = &'a Rat>) -> BigInt {
    values.fold(BigInt::one(), |l, x| {
        let d = x.denom();
        if d.is_one() {
            return l;
        }
        let g = gcd(l.clone(), d.clone());
        l / g * d
    })
}

/// Clears denominators row by row: row `i` times `scales[i]` (the lcm of its
/// denominators) is integral. Row scaling keeps every pivot structure and
/// scales a determinant by the product of the scales.
pub(crate) fn integer_rows(a: &RatMat) -> (IntRows, Vec<BigInt>) {
    a.row_iter()
        .map(|row| {
            let lcm = lcm_of_denominators(row.iter());
            let ints = row.iter().map(|x| x.numer() * (&lcm / x.denom())).collect();
            (ints, lcm)
        })
        .unzip()
}

/// `[A | B]` (same number of rows), the start of `inv_steps` (`[A | I]`)
/// and `solve_steps`.
pub fn augment(a: &RatMat, b: &RatMat) -> RatMat {
    let mut aug = zeros(a.nrows(), a.ncols() + b.ncols());
    aug.view_mut((0, 0), a.shape()).copy_from(a);
    aug.view_mut((0, a.ncols()), b.shape()).copy_from(b);
    aug
}

pub fn add(a: &RatMat, b: &RatMat) -> Result<RatMat> {
    zip_same_shape("plus", a, b, |x, y| x + y)
}

pub fn sub(a: &RatMat, b: &RatMat) -> Result<RatMat> {
    zip_same_shape("minus", a, b, |x, y| x - y)
}

pub fn neg(a: &RatMat) -> RatMat {
    a.map(|x| -x)
}

pub fn scale(a: &RatMat, s: &Rat) -> RatMat {
    a.map(|x| &x * s)
}

/// exp(A) as the finite series I + A + A²/2! + ... when A is nilpotent
/// (some power A^k with k <= n is zero, which an n x n nilpotent matrix
/// reaches): exact, as Octave's `expm([0 1; 0 0])` is [1 1; 0 1]. `None`
/// when A is not square or not nilpotent, or a term passes `max_bits`.
pub fn nilpotent_exp(a: &RatMat, max_bits: u64) -> Option<RatMat> {
    let n = a.nrows();
    if n != a.ncols() {
        return None;
    }
    // A nilpotent matrix has trace 0: most matrices stop here.
    let mut trace = Rat::zero();
    for i in 0..n {
        trace += a[(i, i)].clone();
    }
    if !trace.is_zero() {
        return None;
    }
    let mut sum = identity(n);
    let mut term = identity(n);
    for k in 1..=n {
        // term = A^k / k!
        term = scale(&matmul(&term, a).ok()?, &Rat::from_i64(k as i64).recip()?);
        if term.iter().all(Rat::is_zero) {
            return Some(sum);
        }
        if max_entry_bits(&term) > max_bits {
            return None;
        }
        sum = add(&sum, &term).ok()?;
    }
    None
}

/// Entries above this (after clearing denominators) are not machine words.
const MAX_WORD_ENTRY: u64 = 1 << 62;

/// `a` row-major with each row multiplied by the lcm of its denominators,
/// and those multipliers, when every entry and multiplier stays within
/// 2^62 (the machine-word form the modular routines work on).
pub(crate) fn word_rows(a: &RatMat) -> Option<(Vec<i64>, Vec<i64>)> {
    let (rows, cols) = a.shape();
    if let Some(data) = integer_words(a) {
        return Some((data, vec![1; rows]));
    }
    let mut data = vec![0; rows * cols];
    let mut scales = Vec::with_capacity(rows);
    for i in 0..rows {
        let mut lcm: u64 = 1;
        for j in 0..cols {
            // Integers (d = 1, the common case) cost no division.
            let d = a[(i, j)].as_i64_pair()?.1.unsigned_abs();
            if d != 1 && !lcm.is_multiple_of(d) {
                lcm = (lcm / gcd_u64(lcm, d)).checked_mul(d)?;
            }
        }
        if lcm > MAX_WORD_ENTRY {
            return None;
        }
        for j in 0..cols {
            let (n, d) = a[(i, j)].as_i64_pair()?;
            let x = if lcm == 1 {
                i128::from(n)
            } else {
                i128::from(n) * i128::from(lcm / d.unsigned_abs())
            };
            if x.unsigned_abs() > u128::from(MAX_WORD_ENTRY) {
                return None;
            }
            data[i * cols + j] = x as i64;
        }
        scales.push(lcm as i64);
    }
    Some((data, scales))
}

/// [`word_rows`] for a matrix of integers (the common case), read once in
/// storage order; `None` at the first fraction or entry past 2^62.
fn integer_words(a: &RatMat) -> Option<Vec<i64>> {
    let cols = a.ncols();
    let mut data = vec![0; a.len()];
    for (j, col) in a.column_iter().enumerate() {
        for (i, x) in col.iter().enumerate() {
            match x.as_i64_pair()? {
                (n, 1) if n.unsigned_abs() <= MAX_WORD_ENTRY => data[i * cols + j] = n,
                _ => return None,
            }
        }
    }
    Some(data)
}

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Largest `bits(numerator) + bits(denominator)` over the entries.
pub fn max_entry_bits(a: &RatMat) -> u64 {
    a.iter().map(Rat::bits).max().unwrap_or(0)
}

/// Estimated release-build time of `work` on `a`, in nanoseconds (see the
/// module docs for the model).
pub fn estimated_cost_ns(a: &RatMat, work: ExactWork) -> f64 {
    let fallback = match work {
        ExactWork::ModularDet => ExactWork::Det,
        ExactWork::ModularSolve { .. } | ExactWork::ModularInverse => ExactWork::Inverse,
        _ => return bareiss_cost_ns(a, work),
    };
    let Some((data, _)) = word_rows(a) else {
        return bareiss_cost_ns(a, fallback);
    };
    let max = data.iter().map(|x| x.unsigned_abs()).max().unwrap_or(0);
    let bits = 64 - max.leading_zeros();
    let (m, n) = a.shape();
    match work {
        ExactWork::ModularDet => {
            // The worst case: A\b's denominators (one lifting of a single
            // column) leave the whole bound to the primes.
            let updates = (m * n * m.min(n)) as f64;
            let words = bound_words(m, n, bits);
            updates / 3.0 * words * MODULAR_ELIM_NS + 2.0 * words * (n * n) as f64 * MODULAR_LIFT_NS
        }
        ExactWork::ModularSolve { rhs } => lifting_cost_ns(m, n, bits, m.min(n), rhs),
        ExactWork::ModularInverse => {
            let limit = crate::exact::modp::prime_limit(n, max);
            if limit < crate::exact::modp::MIN_PRIME {
                return bareiss_cost_ns(a, fallback);
            }
            let bound_bits = 31.0 * bound_words(m, n, bits);
            let steps = (2.0 * bound_bits + 2.0) / (limit as f64).log2();
            let cube = (n * n * n) as f64;
            let limbs = bound_bits / 64.0;
            cube * (MODULAR_ELIM_NS + steps * INVERSE_STEP_NS)
                + (n * n) as f64 * limbs * INVERSE_ENTRY_NS
        }
        _ => bareiss_cost_ns(a, fallback),
    }
}

/// Machine words (31 bits each) of Hadamard's bound for an `m x n` matrix
/// of `bits`-bit integers: each row's length is at most `sqrt(n) 2^bits`.
fn bound_words(m: usize, n: usize, bits: u32) -> f64 {
    let (m, n) = (m as f64, n as f64);
    m.min(n) * (f64::from(bits) + 0.5 * n.max(1.0).log2()) / 31.0 + 1.0
}

/// Estimated nanoseconds of the modular route on an `m x n` matrix of
/// `bits`-bit integers with an `r x r` pivot block and `rhs` columns to
/// lift: one elimination modulo a prime, two lifting digits per word of
/// the bound, and the exact check of every result entry. `A\B` prices its
/// square system this way; `rank` and `rref` their pivot block with the
/// non-pivot columns as right-hand sides.
pub(crate) fn lifting_cost_ns(m: usize, n: usize, bits: u32, r: usize, rhs: usize) -> f64 {
    let words = bound_words(m, n, bits);
    let (r, rhs) = (r as f64, rhs as f64);
    modular_elim_cost_ns(m, n)
        + 2.0 * words * r * r * rhs * MODULAR_LIFT_NS
        + r * rhs * words * m as f64 * MODULAR_CHECK_NS
}

/// Estimated nanoseconds of one elimination of an `m x n` matrix modulo a
/// prime (what `rank` and `rref` do before they can price the rest).
pub(crate) fn modular_elim_cost_ns(m: usize, n: usize) -> f64 {
    (m * n * m.min(n)) as f64 * MODULAR_ELIM_NS
}

/// Nanoseconds per entry update of an elimination modulo a prime, per
/// lifting digit and entry of the system times right-hand side, and per
/// result entry, word and row of its exact check (big-integer products,
/// reduction of the fraction), fitted to release builds with room to spare.
const MODULAR_ELIM_NS: f64 = 1.5;
const MODULAR_LIFT_NS: f64 = 3.0;
const MODULAR_CHECK_NS: f64 = 40.0;

/// Nanoseconds per `n³` and digit of the inverse's lifting (two exact
/// floating-point matrix products and their reductions), and per entry
/// and limb of its reconstruction and reduction (Lehmer's gcd); fitted to
/// n = 30, 60, 100 with entries in [-9, 9] (a 100x100 inverse takes about
/// 80 ms and is estimated at 87 ms, inside the budget).
const INVERSE_STEP_NS: f64 = 1.0;
const INVERSE_ENTRY_NS: f64 = 300.0;

/// The fraction-free (Bareiss) model of the module docs.
fn bareiss_cost_ns(a: &RatMat, work: ExactWork) -> f64 {
    let (m, n) = (a.nrows() as f64, a.ncols() as f64);
    let k = m.min(n);
    let limbs = 1.0 + k * max_entry_bits(a) as f64 / 64.0;
    let sq = limbs * limbs;
    let updates = m * n * k;
    match work {
        ExactWork::Det | ExactWork::ModularDet => updates * (30.0 + 0.6 * sq),
        ExactWork::Inverse | ExactWork::ModularSolve { .. } | ExactWork::ModularInverse => {
            updates * (200.0 + 3.6 * sq)
        }
        ExactWork::CharPoly => updates * n * (9.0 + 0.02 * sq),
        ExactWork::Steps => updates * (200.0 + 6.0 * k * sq),
    }
}

/// True when `work` on `a` should give way to floating point: an
/// estimated cost above [`MAX_EXACT_COST_NS`], or more than
/// [`MAX_EXACT_ENTRIES`] entries. The modular determinant's estimate needs
/// no such cap (a 101x101 determinant of small integers is as quick as a
/// 100x100 one; so are rank and rref, priced in `elim`); `A\B` and `inv`
/// keep it, as the operators do for every exact operand.
pub fn too_costly_for(a: &RatMat, work: ExactWork) -> bool {
    let uncapped = work == ExactWork::ModularDet && word_rows(a).is_some();
    (!uncapped && a.len() > MAX_EXACT_ENTRIES) || estimated_cost_ns(a, work) > MAX_EXACT_COST_NS
}

/// [`too_costly_for`] with [`ExactWork::Inverse`], the typical O(n³) case.
pub fn too_costly(a: &RatMat) -> bool {
    too_costly_for(a, ExactWork::Inverse)
}

fn nonconformant(func: &'static str, a: &RatMat, b: &RatMat) -> ExactError {
    ExactError::Nonconformant {
        func,
        a: a.shape(),
        b: b.shape(),
    }
}

fn zip_same_shape(
    func: &'static str,
    a: &RatMat,
    b: &RatMat,
    f: impl Fn(&Rat, &Rat) -> Rat,
) -> Result<RatMat> {
    if a.shape() != b.shape() {
        return Err(nonconformant(func, a, b));
    }
    Ok(RatMat::from_fn(a.nrows(), a.ncols(), |i, j| {
        f(&a[(i, j)], &b[(i, j)])
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_and_powers() {
        let a = from_i64_rows(2, 2, &[1, 1, 1, 0]);
        assert_eq!(
            crate::exact::elim::pow(&a, 10).unwrap(),
            from_i64_rows(2, 2, &[89, 55, 55, 34])
        );
        assert_eq!(crate::exact::elim::pow(&a, 0).unwrap(), identity(2));
        let inv2 = crate::exact::elim::pow(&a, -2).unwrap();
        assert_eq!(
            matmul(&inv2, &crate::exact::elim::pow(&a, 2).unwrap()).unwrap(),
            identity(2)
        );
        let singular = from_i64_rows(2, 2, &[1, 2, 2, 4]);
        assert_eq!(
            crate::exact::elim::pow(&singular, -1),
            Err(ExactError::Singular { func: "mpower" })
        );
        assert!(matmul(&a, &from_i64_rows(3, 1, &[1, 2, 3])).is_err());
        // nalgebra's own product agrees (Rat has the needed num traits).
        assert_eq!(&a * &a, matmul(&a, &a).unwrap());
    }

    #[test]
    fn elementwise_and_conversions() {
        let a = from_i64_rows(1, 3, &[1, -2, 3]);
        let half = Rat::from_i64(1).checked_div(&Rat::from_i64(2)).unwrap();
        let h = scale(&a, &half);
        assert!(!is_integer_matrix(&h) && is_integer_matrix(&a));
        assert_eq!(add(&h, &h).unwrap(), a);
        assert_eq!(sub(&a, &a).unwrap(), zeros(1, 3));
        assert_eq!(neg(&neg(&a)), a);
        assert_eq!(to_f64(&h), DMatrix::from_row_slice(1, 3, &[0.5, -1.0, 1.5]));
        assert_eq!(from_f64_exact(&to_f64(&h)), Some(h));
        assert_eq!(from_f64_exact(&DMatrix::from_element(1, 1, f64::NAN)), None);
        assert_eq!(transpose(&a).shape(), (3, 1));
    }

    #[test]
    fn cost_rule() {
        let small = from_i64_rows(3, 3, &[1, 2, 3, 4, 5, 6, 7, 8, 10]);
        assert!(!too_costly(&small));
        assert!(too_costly(&zeros(101, 100)));
        let big = RatMat::from_element(60, 60, Rat::from_i64(i64::MAX));
        let w = ExactWork::Inverse;
        assert!(estimated_cost_ns(&big, w) > estimated_cost_ns(&small, w));
        // 30×30 with one-digit entries: everything is exact.
        let digits = RatMat::from_fn(30, 30, |i, j| {
            Rat::from_i64((i * 7 + j * 3) as i64 % 19 - 9)
        });
        for w in [
            ExactWork::Det,
            ExactWork::Inverse,
            ExactWork::CharPoly,
            ExactWork::Steps,
        ] {
            assert!(!too_costly_for(&digits, w), "{w:?}");
        }
        assert!(too_costly_for(
            &RatMat::from_element(100, 100, Rat::one()),
            ExactWork::CharPoly
        ));
    }

    /// 100x100 with one-digit entries: the modular routines keep det, A\b,
    /// rank, rref and inv exact; fraction-free inversion (and A\B for 100
    /// columns) give way.
    #[test]
    fn cost_rule_of_the_modular_routines() {
        // Pseudo-random digits in [-9, 9] (a linear congruential stream):
        // full rank, as random matrices are.
        let mut s: u64 = 19;
        let digits = RatMat::from_fn(100, 100, |_, _| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            Rat::from_i64((s >> 33) as i64 % 19 - 9)
        });
        for w in [
            ExactWork::ModularDet,
            ExactWork::ModularSolve { rhs: 1 },
            ExactWork::ModularInverse,
        ] {
            assert!(!too_costly_for(&digits, w), "{w:?}");
        }
        let elim = crate::exact::echelon::rref_if_affordable(&digits).expect("affordable");
        assert_eq!((elim.0, elim.1.len()), (identity(100), 100));
        assert_eq!(crate::exact::echelon::rank_if_affordable(&digits), Ok(100));
        // Rank 50 of 100 (a 100x50 times 50x100 product): 50 columns to
        // lift against a 50x50 block of 3000-bit fractions is over budget.
        let half =
            matmul(&digits.columns(0, 50).into(), &digits.rows(50, 50).into()).expect("shapes");
        assert_eq!(crate::exact::echelon::rref_if_affordable(&half), None);
        // Over budget, the rank modulo the prime is still a certain lower bound.
        assert_eq!(crate::exact::echelon::rank_if_affordable(&half), Err(50));
        assert!(too_costly_for(&digits, ExactWork::Inverse));
        assert!(too_costly_for(
            &digits,
            ExactWork::ModularSolve { rhs: 100 }
        ));
        // Entries past machine words are costed as fraction-free elimination.
        let mut big = digits.clone();
        big[(0, 0)] = Rat::from_integer(BigInt::from(1u64 << 63));
        assert_eq!(
            estimated_cost_ns(&big, ExactWork::ModularDet),
            estimated_cost_ns(&big, ExactWork::Det)
        );
    }
}
