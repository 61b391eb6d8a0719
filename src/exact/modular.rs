//! Exact determinant, solve, rank and rref by modular methods: the work is
//! done modulo word-size primes (`modp`) and the exact answer recovered by
//! Chinese remaindering or rational reconstruction (`reconstruct`).
//!
//! * `det`: determinants modulo enough primes that their product exceeds
//!   twice Hadamard's bound, then CRT: deterministic, always exact.
//! * `solve`: Dixon's p-adic lifting, `A^-1 mod p` applied to a residual that
//!   is divided by `p` each step, then rational reconstruction; the result
//!   is returned only after `A X == B` is checked exactly.
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

use crate::exact::matrix::{augment, word_rows, RatMat};
use crate::exact::modp::{primes, Elimination, Lu, ModMat};
use crate::exact::reconstruct::{hadamard_bits, rational_vector, Crt};
use crate::exact::Rat;
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
        ModMat::from_fn(u64::from(p), self.rows, self.cols, |i, j| self.get(i, j))
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

/// The determinant of a square integer matrix by CRT over enough primes
/// that their product passes twice Hadamard's bound.
fn det_int(m: &IntMat) -> BigInt {
    if m.rows == 0 {
        return BigInt::one();
    }
    let Some(bits) = m.det_bound_bits() else {
        return BigInt::zero();
    };
    let mut crt = Crt::default();
    for p in primes() {
        if crt.modulus_bits() as f64 > bits + 1.0 {
            break;
        }
        crt.add(m.modp(p).det(), u64::from(p));
    }
    crt.symmetric()
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
/// returned.
fn dixon(
    a: &IntMat,
    b: &IntMat,
    lu: &Lu,
    bound_bits: f64,
    accept: impl Fn(&Fractions) -> bool,
) -> Option<Fractions> {
    let (n, k, p) = (a.rows, b.cols, lu.p());
    let steps = (bound_bits / (p as f64).log2()).ceil().max(1.0) as usize;
    let mut residual: Vec<i128> = b.data.iter().map(|&x| i128::from(x)).collect();
    let mut sum = vec![BigInt::zero(); n * k];
    let mut pk = BigInt::one();
    let mut digit = vec![0u64; n * k];
    let mut next_try = 2;
    for step in 1..=steps {
        for c in 0..k {
            let col: Vec<u64> = (0..n)
                .map(|i| residual[i * k + c].rem_euclid(i128::from(p)) as u64)
                .collect();
            for (i, x) in lu.solve(&col).into_iter().enumerate() {
                digit[i * k + c] = x;
            }
        }
        for i in 0..n {
            let row = a.row(i);
            for c in 0..k {
                let ax: i128 = (0..n)
                    .map(|j| i128::from(row[j]) * i128::from(digit[j * k + c]))
                    .sum();
                residual[i * k + c] = (residual[i * k + c] - ax) / i128::from(p);
            }
        }
        for (s, &d) in sum.iter_mut().zip(&digit) {
            *s += &pk * d;
        }
        pk *= p;
        if step == next_try || step == steps {
            next_try *= 2;
            if let Some((num, den)) = rational_vector(&sum, &pk) {
                let cand = Fractions { num, den };
                if accept(&cand) {
                    return Some(cand);
                }
            }
        }
    }
    None
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
    let x = dixon(&ai, &bi, &lu, 2.0 * bound + 2.0, |x| solves(&ai, &bi, x))?;
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
        let all: Vec<usize> = (0..m.rows).collect();
        let (c_all, f_all) = (m.select(&all, &pivots), m.select(&all, &free));
        let (c, f) = (m.select(rows, &pivots), m.select(rows, &free));
        let lu = c.modp(p).lu()?;
        let bound = hadamard_bits(rows.iter().map(|&i| m.row(i)))?;
        let echelon = |y: &Fractions| {
            let zero_before_pivot = pivots.iter().enumerate().all(|(i, &pc)| {
                (0..free.len()).all(|t| free[t] > pc || y.num[i * free.len() + t].is_zero())
            });
            zero_before_pivot && solves(&c_all, &f_all, y)
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
