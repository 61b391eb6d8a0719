//! Arithmetic modulo word-size primes and Gaussian elimination over Z/p,
//! the engine of the multimodular routines in `exact::modular`.
//!
//! The primes lie just below 2^31, so a product of two residues fits a u64
//! and a row update `x - f*y (mod p)` needs no division: `f` is fixed along
//! the row, and Shoup's precomputed quotient `floor(f * 2^32 / p)` turns the
//! reduction into two 32x32-bit multiplies that the compiler vectorises.

use std::sync::OnceLock;

/// Primes below 2^31, largest first (31 bits of modulus each).
pub fn primes() -> impl Iterator<Item = u32> {
    let cached = cached_primes();
    let last = *cached.last().unwrap_or(&(1 << 31));
    cached
        .iter()
        .copied()
        .chain((3..last).rev().step_by(2).filter(|&c| is_prime(c)))
}

/// The first primes below 2^31, found once: enough for a determinant of
/// about 8000 bits before `primes` has to search further.
fn cached_primes() -> &'static [u32] {
    static CACHE: OnceLock<Vec<u32>> = OnceLock::new();
    CACHE.get_or_init(|| {
        ((1u32 << 30) + 1..1 << 31)
            .rev()
            .step_by(2)
            .filter(|&c| is_prime(c))
            .take(256)
            .collect()
    })
}

/// Deterministic Miller–Rabin: bases 2, 3, 5, 7 decide every n < 3.2e9.
pub fn is_prime(n: u32) -> bool {
    if n < 2 {
        return false;
    }
    for q in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37] {
        if n % q == 0 {
            return n == q;
        }
    }
    let n = u64::from(n);
    let (mut d, mut s) = (n - 1, 0);
    while d % 2 == 0 {
        d /= 2;
        s += 1;
    }
    [2u64, 3, 5, 7].iter().all(|&a| {
        let mut x = pow_mod(a, d, n);
        if x == 1 || x == n - 1 {
            return true;
        }
        (1..s).any(|_| {
            x = x * x % n;
            x == n - 1
        })
    })
}

/// `a^e mod m` for `m < 2^32`.
pub fn pow_mod(mut a: u64, mut e: u64, m: u64) -> u64 {
    let mut r = 1 % m;
    a %= m;
    while e > 0 {
        if e & 1 == 1 {
            r = r * a % m;
        }
        a = a * a % m;
        e >>= 1;
    }
    r
}

/// The inverse of a non-zero residue modulo the prime `p` (Fermat).
pub fn inv_mod(a: u64, p: u64) -> u64 {
    pow_mod(a, p - 2, p)
}

/// `x mod p` in `[0, p)` for any signed 64-bit integer.
pub fn reduce_i64(x: i64, p: u64) -> u64 {
    x.rem_euclid(p as i64) as u64
}

/// A dense matrix over Z/p, row-major, entries in `[0, p)` (u32: the
/// compiler then knows products of two fit 64 bits).
#[derive(Debug, Clone, PartialEq)]
pub struct ModMat {
    pub p: u64,
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<u32>,
}

/// What an elimination found: the pivot columns, where each row now in
/// position `i` came from (`origin[i]`), and the determinant of the pivot
/// block (the product of the pivots with the sign of the row swaps).
#[derive(Debug, Clone, PartialEq)]
pub struct Elimination {
    pub pivots: Vec<usize>,
    pub origin: Vec<usize>,
    pub det: u64,
}

impl ModMat {
    /// `f(i, j) mod p` for every entry.
    pub fn from_fn(p: u64, rows: usize, cols: usize, f: impl Fn(usize, usize) -> i64) -> ModMat {
        let data = (0..rows * cols)
            .map(|k| reduce_i64(f(k / cols, k % cols), p) as u32)
            .collect();
        ModMat {
            p,
            rows,
            cols,
            data,
        }
    }

    pub fn get(&self, i: usize, j: usize) -> u64 {
        u64::from(self.data[i * self.cols + j])
    }

    fn swap_rows(&mut self, a: usize, b: usize) {
        for j in 0..self.cols {
            self.data.swap(a * self.cols + j, b * self.cols + j);
        }
    }

    /// Gaussian elimination over the first `pivot_cols` columns, each pivot
    /// row scaled to a leading 1. With `jordan` the entries above each pivot
    /// are cleared too, leaving the reduced row echelon form; without it
    /// only the rows below are, from the pivot column on (enough for the
    /// determinant and rank, a third of the work).
    pub fn eliminate(&mut self, pivot_cols: usize, jordan: bool) -> Elimination {
        let (p, cols) = (self.p, self.cols);
        let mut out = Elimination {
            pivots: Vec::new(),
            origin: (0..self.rows).collect(),
            det: 1,
        };
        for c in 0..pivot_cols.min(cols) {
            let r = out.pivots.len();
            if r == self.rows {
                break;
            }
            let Some(s) = (r..self.rows).find(|&i| self.get(i, c) != 0) else {
                continue;
            };
            if s != r {
                self.swap_rows(s, r);
                out.origin.swap(s, r);
                out.det = (p - out.det) % p;
            }
            let piv = self.get(r, c);
            out.det = out.det * piv % p;
            let scale = Shoup::new(inv_mod(piv, p), p);
            for x in &mut self.data[r * cols + c..(r + 1) * cols] {
                *x = scale.mul(u64::from(*x)) as u32;
            }
            let (head, tail) = self.data.split_at_mut(r * cols);
            let (pivot_row, below) = tail.split_at_mut(cols);
            let above = head.chunks_exact_mut(cols).take(if jordan { r } else { 0 });
            let under = below.chunks_exact_mut(cols);
            for row in above.chain(under) {
                let f = u64::from(row[c]);
                if f != 0 {
                    let neg = Shoup::new(p - f, p);
                    for (x, &y) in row[c..].iter_mut().zip(&pivot_row[c..]) {
                        *x = add_mod(u64::from(*x), neg.mul(u64::from(y)), p) as u32;
                    }
                }
            }
            out.pivots.push(c);
        }
        if out.pivots.len() < pivot_cols.min(self.rows) {
            out.det = 0;
        }
        out
    }

    /// The determinant of a square matrix (consumed by the elimination).
    pub fn det(mut self) -> u64 {
        let n = self.cols;
        self.eliminate(n, false).det
    }

    /// The inverse of a square matrix, or `None` when it is singular mod p.
    pub fn inverse(&self) -> Option<ModMat> {
        let n = self.rows;
        let mut aug = ModMat::from_fn(self.p, n, 2 * n, |i, j| {
            if j < n {
                self.get(i, j) as i64
            } else {
                i64::from(j - n == i)
            }
        });
        if aug.eliminate(n, true).pivots.len() < n {
            return None;
        }
        let data = aug.data.chunks_exact(2 * n).flat_map(|r| r[n..].to_vec());
        Some(ModMat {
            p: self.p,
            rows: n,
            cols: n,
            data: data.collect(),
        })
    }

    /// `self * v mod p` for a vector of residues (sums kept in u128, one
    /// reduction per entry).
    pub fn mul_vec(&self, v: &[u64]) -> Vec<u64> {
        self.data
            .chunks_exact(self.cols)
            .map(|row| {
                let s: u128 = row
                    .iter()
                    .zip(v)
                    .map(|(&a, &b)| u128::from(u64::from(a) * b))
                    .sum();
                (s % u128::from(self.p)) as u64
            })
            .collect()
    }
}

fn add_mod(a: u64, b: u64, p: u64) -> u64 {
    let s = a + b;
    if s >= p {
        s - p
    } else {
        s
    }
}

/// Multiplication by a fixed residue `w` with Shoup's precomputed quotient.
struct Shoup {
    w: u64,
    w_quot: u64,
    p: u64,
}

impl Shoup {
    fn new(w: u64, p: u64) -> Shoup {
        Shoup {
            w,
            w_quot: (w << 32) / p,
            p,
        }
    }

    /// `w * y mod p` for `y < p < 2^31`: the estimated quotient is at most
    /// one short, so one conditional subtraction finishes.
    #[inline(always)]
    fn mul(&self, y: u64) -> u64 {
        let q = (y * self.w_quot) >> 32;
        let r = (y * self.w).wrapping_sub(q * self.p);
        if r >= self.p {
            r - self.p
        } else {
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primes_are_prime_and_below_2_31() {
        let ps: Vec<u32> = primes().take(300).collect();
        assert_eq!(ps[0], 2_147_483_647); // 2^31 - 1, a Mersenne prime
        assert!(ps.windows(2).all(|w| w[0] > w[1]));
        // Trial division up to sqrt(2^31) confirms each one independently.
        for &p in ps.iter().step_by(37) {
            assert!((2..46_341u32).all(|d| p % d != 0), "{p}");
        }
        assert!(!is_prime(2_147_483_647 - 2)); // 2^31 - 3 = 5 * 429496729
        assert!(is_prime(2) && is_prime(3) && !is_prime(1) && !is_prime(91));
    }

    #[test]
    fn shoup_matches_plain_remainder() {
        let p = 2_147_483_629u64;
        for (w, y) in [(1, 1), (p - 1, p - 1), (123_456_789, 987_654_321), (0, 5)] {
            assert_eq!(Shoup::new(w, p).mul(y), w * y % p);
        }
    }

    #[test]
    fn det_and_inverse_mod_small_prime() {
        // [2 1; 7 4] has det 1; mod 13 its inverse is [4 -1; -7 2].
        let a = ModMat::from_fn(13, 2, 2, |i, j| [[2, 1], [7, 4]][i][j]);
        assert_eq!(a.clone().det(), 1);
        let inv = a.inverse().expect("invertible");
        assert_eq!(inv.data, vec![4, 12, 6, 2]);
        // A swap flips the sign: [0 1; 1 0] has det -1 = 12 mod 13.
        let s = ModMat::from_fn(13, 2, 2, |i, j| i64::from(i != j));
        assert_eq!(s.det(), 12);
        // Singular mod 13 though not over Q: [13 0; 0 1].
        let t = ModMat::from_fn(13, 2, 2, |i, j| [[13, 0], [0, 1]][i][j]);
        assert_eq!(t.clone().det(), 0);
        assert!(t.inverse().is_none());
    }
}
