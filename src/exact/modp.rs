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
    primes_below(1 << 31)
}

/// Primes below `limit` (at most 2^31), largest first.
pub fn primes_below(limit: u64) -> impl Iterator<Item = u32> {
    let cached = cached_primes();
    let last = *cached.last().unwrap_or(&(1 << 31));
    let start = limit.min(u64::from(last)) as u32;
    cached
        .iter()
        .copied()
        .filter(move |&p| u64::from(p) < limit)
        .chain((3..start).rev().filter(|&c| c % 2 == 1 && is_prime(c)))
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

/// Integers below this magnitude are exact in f64 (with a bit to spare).
const EXACT_F64: f64 = (1u64 << 52) as f64;

/// Smallest prime worth lifting with: below it the entries are so large
/// that fraction-free elimination is the better route.
pub const MIN_PRIME: u64 = 1 << 16;

/// The largest prime for an `n x n` matrix whose integer entries are at
/// most `max` in magnitude: `p n (n max + 1) < 2^52` keeps both products
/// of a lifting step exact in f64 (residuals stay below `n max + 1`).
pub fn prime_limit(n: usize, max: u64) -> u64 {
    let r = (n as f64) * (n as f64 * max as f64 + 1.0);
    (EXACT_F64 / r.max(1.0)).min((1u64 << 31) as f64) as u64
}

/// Deterministic Miller–Rabin: bases 2, 3, 5, 7 decide every n < 3.2e9.
pub fn is_prime(n: u32) -> bool {
    if n < 2 {
        return false;
    }
    for q in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37] {
        if n.is_multiple_of(q) {
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

/// The inverse of a non-zero residue modulo the prime `p` (extended
/// Euclid: a few dozen 32-bit divisions, where Fermat's power would need
/// sixty 64-bit ones).
pub fn inv_mod(a: u64, p: u64) -> u64 {
    let (mut r0, mut r1) = (p as i64, (a % p) as i64);
    let (mut s0, mut s1) = (0i64, 1i64);
    while r1 != 0 {
        let q = r0 / r1;
        (r0, r1) = (r1, r0 - q * r1);
        (s0, s1) = (s1, s0 - q * s1);
    }
    s0.rem_euclid(p as i64) as u64
}

/// `x mod p` in `[0, p)` for any signed 64-bit integer (small entries,
/// the usual case, without a division).
pub fn reduce_i64(x: i64, p: u64) -> u64 {
    let p = p as i64;
    if (0..p).contains(&x) {
        x as u64
    } else if (-p..0).contains(&x) {
        (x + p) as u64
    } else {
        x.rem_euclid(p) as u64
    }
}

/// `v mod p` in `[0, p)` for an integer-valued `v` below 2^53: the float
/// quotient may be off by one, which one correction fixes (`rem_euclid`
/// calls a slow software `fmod`).
pub fn mod_f64(v: f64, p: f64) -> f64 {
    let r = v - (v / p).floor() * p;
    if r < 0.0 {
        r + p
    } else if r >= p {
        r - p
    } else {
        r
    }
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
    /// A row-major integer matrix reduced modulo `p`.
    pub fn from_row_major(p: u64, rows: usize, cols: usize, data: &[i64]) -> ModMat {
        ModMat {
            p,
            rows,
            cols,
            data: data.iter().map(|&x| reduce_i64(x, p) as u32).collect(),
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

    /// Gaussian elimination over the first `pivot_cols` columns, LAPACK
    /// style: rows are swapped whole, each pivot row is scaled to a leading
    /// 1 and cleared below. What is left is packed: above the pivots the
    /// scaled rows (U), at each pivot the inverse of the pivot, below it the
    /// multiplier that cleared that entry (L), so a square invertible matrix
    /// can then be solved against ([`Lu`]).
    pub fn eliminate(&mut self, pivot_cols: usize) -> Elimination {
        let (p, cols) = (self.p, self.cols);
        let prime = Prime::new(p);
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
            let inv = inv_mod(piv, p);
            let scale = prime.shoup(inv);
            for x in &mut self.data[r * cols + c + 1..(r + 1) * cols] {
                *x = scale.mul(*x);
            }
            self.data[r * cols + c] = inv as u32;
            let (pivot_row, below) = self.data[r * cols..].split_at_mut(cols);
            for row in below.chunks_exact_mut(cols) {
                // The scaled pivot row has a 1 in column c: row[c] is the multiplier.
                let f = u64::from(row[c]);
                if f != 0 {
                    prime
                        .shoup(p - f)
                        .add_mul_rows(&mut row[c + 1..], &pivot_row[c + 1..]);
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
        self.eliminate(n).det
    }

    /// The factors of a square matrix, or `None` when it is singular mod p.
    pub fn lu(mut self) -> Option<Lu> {
        let n = self.rows;
        let elim = self.eliminate(n);
        (elim.pivots.len() == n).then_some(Lu {
            packed: self,
            origin: elim.origin,
            det: elim.det,
        })
    }
}

/// A square matrix invertible mod p, eliminated by [`ModMat::eliminate`]:
/// each solve costs `n²` multiplications instead of the `n³/3` of the
/// elimination.
pub struct Lu {
    packed: ModMat,
    origin: Vec<usize>,
    det: u64,
}

impl Lu {
    pub fn p(&self) -> u64 {
        self.packed.p
    }

    /// The determinant modulo p.
    pub fn det(&self) -> u64 {
        self.det
    }

    /// `A^-1 mod p`, row-major, one solve per column of the identity.
    pub fn inverse(&self) -> Vec<u64> {
        let n = self.packed.rows;
        let mut out = vec![0; n * n];
        let mut e = vec![0; n];
        for j in 0..n {
            e[j] = 1;
            for (i, x) in self.solve(&e).into_iter().enumerate() {
                out[i * n + j] = x;
            }
            e[j] = 0;
        }
        out
    }

    /// `x` with `A x ≡ b (mod p)`: the row operations replayed on `b`
    /// (forward, with L and the inverse pivots), then back substitution
    /// with the unit upper triangle.
    pub fn solve(&self, b: &[u64]) -> Vec<u64> {
        let (n, p) = (self.packed.rows, self.packed.p);
        let mut v: Vec<u64> = self.origin.iter().map(|&i| b[i]).collect();
        for (i, row) in self.packed.data.chunks_exact(n).enumerate() {
            let rest = (v[i] + p - dot_mod(&row[..i], &v[..i], p)) % p;
            v[i] = rest * u64::from(row[i]) % p;
        }
        for (i, row) in self.packed.data.chunks_exact(n).enumerate().rev() {
            v[i] = (v[i] + p - dot_mod(&row[i + 1..], &v[i + 1..], p)) % p;
        }
        v
    }
}

/// `sum_j row[j] v[j] mod p` for residues below 2^32 and fewer than 2^32
/// terms: each product (below 2^64) is split into its low and high 32 bits,
/// summed in two u64 lanes that cannot overflow, so the loop vectorises and
/// needs three divisions in all (a u128 sum would cost a library call per
/// reduction).
pub fn dot_mod(row: &[u32], v: &[u64], p: u64) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { dot_mod_avx2(row, v, p) };
    }
    dot_mod_body(row, v, p)
}

/// [`dot_mod`] compiled for AVX2 (as [`Shoup::add_mul_rows`]).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn dot_mod_avx2(row: &[u32], v: &[u64], p: u64) -> u64 {
    dot_mod_body(row, v, p)
}

#[inline(always)]
fn dot_mod_body(row: &[u32], v: &[u64], p: u64) -> u64 {
    let (mut lo, mut hi) = (0u64, 0u64);
    for (&a, &b) in row.iter().zip(v) {
        let x = u64::from(a) * (b & 0xffff_ffff);
        lo += x & 0xffff_ffff;
        hi += x >> 32;
    }
    let shift = (1u64 << 32) % p;
    ((hi % p) * shift + lo % p) % p
}

/// `x mod p` for `x < 2p`, without a branch (a mispredicted branch per
/// entry would cost more than the arithmetic): when `x < p` the subtraction
/// wraps to a larger number and `min` keeps `x`.
#[inline(always)]
fn fold(x: u32, p: u32) -> u32 {
    x.min(x.wrapping_sub(p))
}

/// Multiplication by a fixed residue `w` with Shoup's precomputed quotient.
#[derive(Clone, Copy)]
struct Shoup {
    w: u32,
    w_quot: u32,
    p: u32,
}

/// A prime with `2^32 / p` in floating point, so that Shoup quotients cost a
/// multiplication instead of a 64-bit division (one per row and pivot of an
/// elimination, which for n = 30 outweighed the row updates).
#[derive(Clone, Copy)]
struct Prime {
    p: u64,
    scale: f64,
}

impl Prime {
    fn new(p: u64) -> Prime {
        Prime {
            p,
            scale: 4_294_967_296.0 / p as f64,
        }
    }

    /// Shoup's multiplier for `w < p`: `floor(w * 2^32 / p)` estimated in
    /// floating point (off by at most one: the product is below 2^32 with
    /// a relative error near 2^-52) and corrected exactly. The quotient is
    /// below 2^32 since `w < p`, so everything fits u32.
    fn shoup(self, w: u64) -> Shoup {
        let exact = w << 32;
        let mut q = (w as f64 * self.scale) as u64;
        let qp = q * self.p;
        if qp > exact {
            q -= 1;
        } else if exact - qp >= self.p {
            q += 1;
        }
        Shoup {
            w: w as u32,
            w_quot: q as u32,
            p: self.p as u32,
        }
    }
}

impl Shoup {
    /// `w * y mod p` for `y < p`: the estimated quotient is at most one
    /// short, so the remainder is below 2p and one fold finishes. Every
    /// product is of two 32-bit numbers, which vectorises.
    #[inline(always)]
    fn mul(self, y: u32) -> u32 {
        let y = u64::from(y);
        let q = (y * u64::from(self.w_quot)) >> 32;
        let r = (y * u64::from(self.w)).wrapping_sub(q * u64::from(self.p));
        fold(r as u32, self.p)
    }

    /// `x + w * y` (mod p) along two rows.
    fn add_mul_rows(self, x: &mut [u32], y: &[u32]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { self.add_mul_rows_avx2(x, y) };
        }
        self.add_mul_rows_body(x, y);
    }

    /// [`Shoup::add_mul_rows`] compiled for AVX2: four 32x32-bit products
    /// per instruction where the baseline x86-64 build has two.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn add_mul_rows_avx2(self, x: &mut [u32], y: &[u32]) {
        self.add_mul_rows_body(x, y);
    }

    #[inline(always)]
    fn add_mul_rows_body(self, x: &mut [u32], y: &[u32]) {
        for (x, &y) in x.iter_mut().zip(y) {
            *x = fold(*x + self.mul(y), self.p);
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
        // Past the cache, and below a limit: the primes under 30 and 2^31.
        let below: Vec<u32> = primes_below(30).collect();
        assert_eq!(below, vec![29, 23, 19, 17, 13, 11, 7, 5, 3]);
        assert_eq!(primes().nth(300), primes_below(u64::from(ps[299])).next());
    }

    #[test]
    fn shoup_matches_plain_remainder() {
        for p in [2_147_483_629u64, 2_147_483_647, 13] {
            let prime = Prime::new(p);
            for (w, y) in [(1, 1), (p - 1, p - 1), (123_456_789, 987_654_321), (0, 5)] {
                let (w, y) = (w % p, y % p);
                let s = prime.shoup(w);
                assert_eq!(u64::from(s.w_quot), (w << 32) / p, "p={p} w={w}");
                assert_eq!(u64::from(s.mul(y as u32)), w * y % p);
            }
        }
    }

    #[test]
    fn inverses_modulo_a_prime() {
        for p in [13u64, 101, 2_147_483_647] {
            for a in [1, 2, 12, p - 1, 123_456 % p] {
                assert_eq!(inv_mod(a, p) * a % p, 1, "a={a} p={p}");
            }
        }
    }

    #[test]
    fn det_and_solve_mod_small_prime() {
        // [2 1; 7 4] has det 1 and inverse [4 -1; -7 2]: A \ [1; 0] is
        // [4; -7] = [4; 6] mod 13, A \ [0; 1] is [-1; 2] = [12; 2].
        let a = ModMat::from_row_major(13, 2, 2, &[2, 1, 7, 4]);
        assert_eq!(a.clone().det(), 1);
        let lu = a.lu().expect("invertible");
        assert_eq!(lu.solve(&[1, 0]), vec![4, 6]);
        assert_eq!(lu.solve(&[0, 1]), vec![12, 2]);
        // A swap flips the sign: [0 1; 1 0] has det -1 = 12 mod 13, and
        // swaps [3; 5] to [5; 3].
        let s = ModMat::from_row_major(13, 2, 2, &[0, 1, 1, 0]);
        assert_eq!(s.clone().det(), 12);
        assert_eq!(s.lu().expect("invertible").solve(&[3, 5]), vec![5, 3]);
        // Singular mod 13 though not over Q: [13 0; 0 1].
        let t = ModMat::from_row_major(13, 2, 2, &[13, 0, 0, 1]);
        assert_eq!(t.clone().det(), 0);
        assert!(t.lu().is_none());
    }

    /// A 3x3 needing a swap in the middle: x = [1; 2; 3] comes back.
    #[test]
    fn lu_solve_replays_swaps_and_multipliers() {
        let rows = [[1i64, 2, 3], [2, 4, 7], [5, 1, 1]];
        let p = 101;
        let a = ModMat::from_row_major(p, 3, 3, rows.as_flattened());
        let b: Vec<u64> = rows
            .iter()
            .map(|r| (r[0] + 2 * r[1] + 3 * r[2]) as u64 % p)
            .collect();
        assert_eq!(
            a.lu().expect("det = 9, invertible").solve(&b),
            vec![1, 2, 3]
        );
    }
}
