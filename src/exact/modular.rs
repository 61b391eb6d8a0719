//! Exact determinant, solve, rank and rref by modular methods: the work is
//! done modulo word-size primes (`modp`) and the exact answer recovered by
//! Chinese remaindering or rational reconstruction (`reconstruct`).
//!
//! * `det`: a divisor `d` of the determinant from the denominators of one
//!   solve (below), then `det / d` modulo enough primes that their product
//!   exceeds twice its bound (Hadamard's bound over `d`), then CRT:
//!   deterministic, always exact.
//! * `solve`: Dixon's p-adic lifting, `A^-1 mod p` applied to a residual that
//!   is divided by `p` each step, then rational reconstruction; the result
//!   is returned only once `A X == B` is proven: by size (the difference is
//!   a multiple of `p^k` smaller than `p^k`) or else checked exactly.
//! * `rref` (and so rank): pivots from elimination modulo one prime, the
//!   non-pivot columns solved for by `solve`'s lifting, and the result
//!   checked: `A(:, free) == A(:, pivots) * R(:, free)` with `R` in reduced
//!   echelon form. A prime can only lose rank, so its pivot columns are
//!   independent over Q too; with the check, `R` spans the row space and is
//!   the rref.
//!
//! Each returns `None` when it cannot help (entries past 62 bits after
//! clearing denominators, an unlucky prime, a failed check); the caller
//! then uses fraction-free elimination, so no answer rests on chance.

use crate::exact::gcd::gcd;
use crate::exact::matrix::{augment, word_rows, RatMat};
use crate::exact::modp::{inv_mod, mod_f64, primes, Elimination, Lu, ModMat};
use crate::exact::reconstruct::{from_digits, hadamard_bits, rational_vector, Crt};
use crate::exact::Rat;
use nalgebra::DMatrix;
use num_bigint::BigInt;
use num_traits::{One, Zero};

/// An integer matrix, row-major, entries below 2^62 in magnitude.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IntMat {
    rows: usize,
    cols: usize,
    data: Vec<i64>,
}

impl IntMat {
    /// `a` with each row multiplied by the lcm of its denominators, and
    /// those multipliers (see [`word_rows`]).
    pub(crate) fn from_rat_rows(a: &RatMat) -> Option<(IntMat, Vec<i64>)> {
        let (data, scales) = word_rows(a)?;
        let (rows, cols) = a.shape();
        Some((IntMat { rows, cols, data }, scales))
    }

    fn row(&self, i: usize) -> &[i64] {
        &self.data[i * self.cols..(i + 1) * self.cols]
    }

    fn get(&self, i: usize, j: usize) -> i64 {
        self.data[i * self.cols + j]
    }

    fn modp(&self, p: u32) -> ModMat {
        ModMat::from_row_major(u64::from(p), self.rows, self.cols, &self.data)
    }

    /// The submatrix of the listed rows and columns.
    fn select(&self, rows: &[usize], cols: &[usize]) -> IntMat {
        let data = rows
            .iter()
            .flat_map(|&i| cols.iter().map(move |&j| self.get(i, j)))
            .collect();
        IntMat {
            rows: rows.len(),
            cols: cols.len(),
            data,
        }
    }

    fn transpose(&self) -> IntMat {
        let all_rows: Vec<usize> = (0..self.rows).collect();
        let data = (0..self.cols)
            .flat_map(|j| all_rows.iter().map(move |&i| self.get(i, j)))
            .collect();
        IntMat {
            rows: self.cols,
            cols: self.rows,
            data,
        }
    }

    /// log2 of Hadamard's bound on |det| (the smaller of the row and column
    /// forms); `None` when a row or column is zero.
    fn det_bound_bits(&self) -> Option<f64> {
        let rows = hadamard_bits((0..self.rows).map(|i| self.row(i)))?;
        let t = self.transpose();
        let cols = hadamard_bits((0..t.rows).map(|i| t.row(i)))?;
        Some(rows.min(cols))
    }
}

/// Exact determinant of a square matrix; `None` when the entries are too
/// large for the word-size path.
pub fn det(a: &RatMat) -> Option<Rat> {
    let (m, scales) = IntMat::from_rat_rows(a)?;
    let d = det_int(&m);
    let scale: BigInt = scales.iter().map(|&s| BigInt::from(s)).product();
    Rat::new(d, scale)
}

/// The determinant of a square integer matrix. Hadamard's bound says how
/// large it can be; when that needs more than a few primes, most of the
/// determinant is first found as a divisor (see [`det_divisor`]), so that
/// only the small cofactor `det / d` is left for the primes.
fn det_int(m: &IntMat) -> BigInt {
    if m.rows == 0 {
        return BigInt::one();
    }
    let Some(bits) = m.det_bound_bits() else {
        return BigInt::zero();
    };
    let found = if bits > DIVISOR_FROM_BITS {
        det_divisor(m)
    } else {
        None
    };
    match found {
        Some((d, known)) => det_times(m, bits, d, Some(known)),
        None => det_times(m, bits, BigInt::one(), None),
    }
}

/// Hadamard bounds (in bits) from which finding a divisor first pays: below
/// it, the few primes the bound needs cost less than one p-adic solve.
const DIVISOR_FROM_BITS: f64 = 31.0 * 6.0;

/// `det(m)` known to be a multiple of `d > 0`: the cofactor `det / d`,
/// at most `2^bits / d` in magnitude, modulo primes (those dividing `d`
/// skipped) until their product passes twice that, then CRT. `known` is a
/// prime and the determinant modulo it, already found.
fn det_times(m: &IntMat, bits: f64, d: BigInt, known: Option<(u64, u64)>) -> BigInt {
    let cofactor_bits = bits - d.bits().saturating_sub(1) as f64;
    let mut crt = Crt::default();
    for p in primes() {
        if crt.modulus_bits() as f64 > cofactor_bits + 1.0 {
            break;
        }
        let dp = residue(&d, p);
        if dp == 0 {
            continue;
        }
        let p64 = u64::from(p);
        let det = match known {
            Some((q, det)) if q == p64 => det,
            _ => m.modp(p).det(),
        };
        crt.add(det * inv_mod(dp, p64) % p64, p64);
    }
    crt.symmetric() * d
}

/// `x mod p` in `[0, p)` for a non-negative `x`.
fn residue(x: &BigInt, p: u32) -> u64 {
    (x % p).to_u64_digits().1.first().copied().unwrap_or(0)
}

/// A divisor of `det(m)` that is usually almost all of it (FLINT's
/// denominator trick): the solution of `m x = b` for a fixed pseudo-random
/// `b` has the determinant as a common denominator (Cramer's rule), so the
/// lcm of its reduced denominators divides `det(m)`; for most matrices it
/// is the largest invariant factor, nearly the whole determinant. The
/// solution is certified exact ([`certified`]) before its denominators are
/// used. Also returns the prime of the lifting with the determinant
/// modulo it. `None` when `m` looks singular modulo the first primes.
fn det_divisor(m: &IntMat) -> Option<(BigInt, (u64, u64))> {
    let n = m.rows;
    let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
    let data = (0..n)
        .map(|_| {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (s >> 60) as i64 - 8
        })
        .collect();
    let b = IntMat {
        rows: n,
        cols: 1,
        data,
    };
    let lu = primes().take(PRIME_TRIES).find_map(|p| m.modp(p).lu())?;
    let rows = (0..n).map(|i| m.row(i).iter().chain(b.row(i)).copied().collect::<Vec<_>>());
    let rows: Vec<Vec<i64>> = rows.collect();
    let bound = hadamard_bits(rows.iter().map(Vec::as_slice))?;
    let x = dixon(m, &b, &lu, 2.0 * bound + 2.0, |x, bits| {
        certified(m, &b, x, bits)
    })?;
    let common = x.num.iter().fold(x.den.clone(), |g, v| gcd(&g, v));
    Some((&x.den / common, (lu.p(), lu.det())))
}

/// Integer fractions sharing one denominator, row-major like `IntMat`.
struct Fractions {
    num: Vec<BigInt>,
    den: BigInt,
}

/// Dixon's lifting for `A X = B` (A square, `lu` its factors modulo a
/// prime p): digit `X_i = A^-1 R_i mod p`, residual
/// `R_{i+1} = (R_i - A X_i) / p`, so `X_0 + X_1 p + ...` is X modulo ever
/// higher powers of p. Reconstruction is tried at steps 2, 4, 8, ... and at
/// the step where `p^k` passes `2^bound_bits` (where it must succeed if the
/// inputs are right); the first candidate that `accept` approves is
/// returned (`accept` also gets a lower bound on log2 of the modulus `p^k`).
fn dixon(
    a: &IntMat,
    b: &IntMat,
    lu: &Lu,
    bound_bits: f64,
    accept: impl Fn(&Fractions, u64) -> bool,
) -> Option<Fractions> {
    let (n, k, p) = (a.rows, b.cols, lu.p());
    let steps = (bound_bits / (p as f64).log2()).ceil().max(1.0) as usize;
    let mut residual = Residual::new(a, b, p);
    // Each step's digits, row-major like B.
    let mut digits: Vec<Vec<u32>> = Vec::with_capacity(steps);
    let mut digit = vec![0u64; n * k];
    let mut next_try = 2;
    for step in 1..=steps {
        for c in 0..k {
            let col: Vec<u64> = (0..n).map(|i| residual.residue(i, c)).collect();
            for (i, x) in lu.solve(&col).into_iter().enumerate() {
                digit[i * k + c] = x;
            }
        }
        residual.update(&digit);
        digits.push(digit.iter().map(|&d| d as u32).collect());
        if step == next_try || step == steps {
            next_try *= 2;
            // Assembled lazily: a premature try usually fails on the first entry.
            let sum = (0..n * k).map(|e| from_digits(step, p, |s| digits[s][e]));
            let pk = BigInt::from(p).pow(step as u32);
            if let Some((num, den)) = rational_vector(sum, &pk) {
                let cand = Fractions { num, den };
                if accept(&cand, pk.bits() - 1) {
                    return Some(cand);
                }
            }
        }
    }
    None
}

/// Dixon's residual `R` (`n x k`), each step `R <- (R - A X) / p`.
enum Residual<'a> {
    /// In floating point, where every integer involved stays below 2^52:
    /// then each step is one exact matrix product (nalgebra's blocked
    /// kernel) instead of `n² k` 128-bit multiplications.
    Floats {
        a: DMatrix<f64>,
        r: DMatrix<f64>,
        p: f64,
    },
    /// In 128-bit integers, row-major like `B`, the division by p exact as
    /// a multiplication by its inverse modulo 2^128.
    Wide {
        a: &'a IntMat,
        r: Vec<i128>,
        k: usize,
        p: u64,
        p_inv: i128,
    },
}

impl<'a> Residual<'a> {
    /// Starts at `B`. Floats are exact when `|R - A X| <= |R| + n max|A| p`
    /// stays below 2^52, as it does at every step when
    /// `n max|A| (p + 1) + max|B|` does (`|R| <= max|B| + n max|A|`).
    fn new(a: &'a IntMat, b: &IntMat, p: u64) -> Residual<'a> {
        let max = |m: &IntMat| m.data.iter().map(|x| x.unsigned_abs()).max().unwrap_or(0) as f64;
        let spread = a.rows as f64 * max(a);
        if spread * (p as f64 + 1.0) + max(b) < (1u64 << 52) as f64 {
            let float = |m: &IntMat| DMatrix::from_fn(m.rows, m.cols, |i, j| m.get(i, j) as f64);
            return Residual::Floats {
                a: float(a),
                r: float(b),
                p: p as f64,
            };
        }
        Residual::Wide {
            a,
            r: b.data.iter().map(|&x| i128::from(x)).collect(),
            k: b.cols,
            p,
            p_inv: inverse_mod_2_128(p),
        }
    }

    /// `R(i, c) mod p`.
    fn residue(&self, i: usize, c: usize) -> u64 {
        match self {
            Residual::Floats { r, p, .. } => mod_f64(r[(i, c)], *p) as u64,
            Residual::Wide { r, k, p, .. } => residue_i128(r[i * k + c], *p),
        }
    }

    /// One step with the digits `X` (row-major `n x k`, entries below p).
    fn update(&mut self, x: &[u64]) {
        match self {
            Residual::Floats { a, r, p } => {
                let k = r.ncols();
                let x = DMatrix::from_fn(a.ncols(), k, |j, c| x[j * k + c] as f64);
                *r -= &*a * x;
                *r /= *p;
            }
            Residual::Wide { a, r, k, p_inv, .. } => {
                let k = *k;
                for i in 0..a.rows {
                    let row = a.row(i);
                    for c in 0..k {
                        let ax: i128 = (0..a.cols)
                            .map(|j| i128::from(row[j]) * i128::from(x[j * k + c]))
                            .sum();
                        r[i * k + c] = (r[i * k + c] - ax).wrapping_mul(*p_inv);
                    }
                }
            }
        }
    }
}

/// `x mod p` in `[0, p)`, without i128's library division for the usual
/// residuals that fit 64 bits.
fn residue_i128(x: i128, p: u64) -> u64 {
    match i64::try_from(x) {
        Ok(v) => crate::exact::modp::reduce_i64(v, p),
        Err(_) => x.rem_euclid(i128::from(p)) as u64,
    }
}

/// The inverse of an odd `p` modulo 2^128 (Newton's iteration doubles the
/// correct low bits each step: 1 → 128 in seven).
fn inverse_mod_2_128(p: u64) -> i128 {
    let p = i128::from(p);
    let mut x: i128 = 1;
    for _ in 0..7 {
        x = x.wrapping_mul(2i128.wrapping_sub(p.wrapping_mul(x)));
    }
    x
}

/// `A * num == den * B`, proven cheaply when possible. Dixon's lifting
/// gives `A X ≡ B (mod p^k)` and the reconstruction `num ≡ den X`, so
/// `A num - den B` is a multiple of `p^k` (`modulus_bits` is a lower bound
/// on its log2): zero as soon as each entry is known to be smaller than
/// `p^k`, which bounds on `|A|`, `|num|`, `den` and `|B|` show in O(n²)
/// machine operations. Otherwise the product is checked exactly.
fn certified(a: &IntMat, b: &IntMat, x: &Fractions, modulus_bits: u64) -> bool {
    let row_sum = (0..a.rows)
        .map(|i| {
            a.row(i)
                .iter()
                .map(|&v| v.unsigned_abs() as f64)
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    let b_max = b.data.iter().map(|v| v.unsigned_abs()).max().unwrap_or(0) as f64;
    let num_bits = x.num.iter().map(BigInt::bits).max().unwrap_or(0) as f64;
    // |A num| < row_sum 2^num_bits and |den B| < 2^den_bits b_max; log2 of
    // a sum is at most one more than of its larger term (padded for rounding).
    let lhs = (row_sum + 1.0).log2() + num_bits;
    let rhs = x.den.bits() as f64 + (b_max + 1.0).log2();
    lhs.max(rhs) + 1.001 < modulus_bits as f64 || solves(a, b, x)
}

/// `A * num == den * B` exactly (`num` is `A.cols x B.cols`).
fn solves(a: &IntMat, b: &IntMat, x: &Fractions) -> bool {
    let k = b.cols;
    (0..a.rows).all(|i| {
        (0..k).all(|c| {
            let lhs: BigInt = (0..a.cols).map(|j| &x.num[j * k + c] * a.get(i, j)).sum();
            lhs == &x.den * b.get(i, c)
        })
    })
}

/// How many primes to try before suspecting a singular matrix.
const PRIME_TRIES: usize = 3;

/// Exact solution of `A X = B` for square `A`: `Some(Some(X))`, or
/// `Some(None)` when `A` is singular (its determinant is exactly 0), or
/// `None` when this path cannot decide.
pub fn solve(a: &RatMat, b: &RatMat) -> Option<Option<RatMat>> {
    let n = a.nrows();
    let (aug, _) = IntMat::from_rat_rows(&augment(a, b))?;
    let all: Vec<usize> = (0..n).collect();
    let rhs: Vec<usize> = (n..aug.cols).collect();
    let (ai, bi) = (aug.select(&all, &all), aug.select(&all, &rhs));
    let Some(lu) = primes().take(PRIME_TRIES).find_map(|p| ai.modp(p).lu()) else {
        return det_int(&ai).is_zero().then_some(None);
    };
    // Numerators are determinants of A with a column replaced from B, so
    // Hadamard's bound on the rows of [A | B] covers them and det(A).
    let bound = hadamard_bits((0..n).map(|i| aug.row(i)))?;
    let x = dixon(&ai, &bi, &lu, 2.0 * bound + 2.0, |x, bits| {
        certified(&ai, &bi, x, bits)
    })?;
    let data = x.num.into_iter().map(|v| Rat::new(v, x.den.clone()));
    let data: Option<Vec<Rat>> = data.collect();
    Some(Some(RatMat::from_row_iterator(n, b.ncols(), data?)))
}

/// The first step of the modular rref: the matrix as integers and its
/// elimination modulo one prime. Kept apart so that the cost rule, which
/// needs the rank to price the rest, and the rref share one elimination.
pub struct RrefStart {
    m: IntMat,
    p: u32,
    elim: Elimination,
}

impl RrefStart {
    /// `None` when the entries are not machine words (see [`word_rows`]).
    pub fn new(a: &RatMat) -> Option<RrefStart> {
        let (m, _) = IntMat::from_rat_rows(a)?;
        let p = primes().next()?;
        let elim = m.modp(p).eliminate(m.cols);
        Some(RrefStart { m, p, elim })
    }

    pub fn shape(&self) -> (usize, usize) {
        (self.m.rows, self.m.cols)
    }

    /// The rank modulo the prime: at most the rank over Q.
    pub fn rank_mod_p(&self) -> usize {
        self.elim.pivots.len()
    }

    /// The rank over Q when the prime already decides it: a full rank
    /// modulo p cannot grow over Q.
    pub fn full_rank(&self) -> Option<usize> {
        let r = self.rank_mod_p();
        (r == self.m.rows.min(self.m.cols)).then_some(r)
    }

    /// Largest entry bits of the integer matrix (for the cost rule).
    pub fn entry_bits(&self) -> u32 {
        let max = self.m.data.iter().map(|x| x.unsigned_abs()).max();
        64 - max.unwrap_or(0).leading_zeros()
    }

    /// Reduced row echelon form and pivot columns; `None` when this path
    /// cannot decide (see the module docs for why the answer is exact).
    pub fn finish(self) -> Option<(RatMat, Vec<usize>)> {
        let RrefStart { m, p, elim } = self;
        let rows = &elim.origin[..elim.pivots.len()];
        let pivots = elim.pivots;
        let free: Vec<usize> = (0..m.cols).filter(|c| !pivots.contains(c)).collect();
        let mut r = RatMat::zeros(m.rows, m.cols);
        for (i, &c) in pivots.iter().enumerate() {
            r[(i, c)] = Rat::one();
        }
        if free.is_empty() {
            return Some((r, pivots));
        }
        if pivots.is_empty() {
            // Nothing survived mod p: R = 0 is the answer exactly when A = 0.
            return m.data.iter().all(|&x| x == 0).then_some((r, pivots));
        }
        // The pivot rows are the lifted system; the others are checked exactly.
        let others = &elim.origin[pivots.len()..];
        let (c, f) = (m.select(rows, &pivots), m.select(rows, &free));
        let (c_rest, f_rest) = (m.select(others, &pivots), m.select(others, &free));
        let lu = c.modp(p).lu()?;
        let bound = hadamard_bits(rows.iter().map(|&i| m.row(i)))?;
        let echelon = |y: &Fractions, bits: u64| {
            let zero_before_pivot = pivots.iter().enumerate().all(|(i, &pc)| {
                (0..free.len()).all(|t| free[t] > pc || y.num[i * free.len() + t].is_zero())
            });
            zero_before_pivot && certified(&c, &f, y, bits) && solves(&c_rest, &f_rest, y)
        };
        let y = dixon(&c, &f, &lu, 2.0 * bound + 2.0, echelon)?;
        for i in 0..pivots.len() {
            for (t, &col) in free.iter().enumerate() {
                r[(i, col)] = Rat::new(y.num[i * free.len() + t].clone(), y.den.clone())?;
            }
        }
        Some((r, pivots))
    }
}

/// Reduced row echelon form and pivot columns; `None` when this path
/// cannot decide (see the module docs for why the answer is exact).
pub fn rref(a: &RatMat) -> Option<(RatMat, Vec<usize>)> {
    RrefStart::new(a)?.finish()
}

#[cfg(test)]
#[path = "tests/modular.rs"]
mod tests;
