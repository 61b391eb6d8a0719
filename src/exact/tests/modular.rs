//! Unit tests of `exact::modular`: each result against fraction-free
//! elimination (`elim`) on seeded random matrices, plus singular, rational
//! and deliberately unlucky inputs.
use super::*;
use crate::exact::echelon::rref_fraction_free;
use crate::exact::elim::{det_fraction_free, solve_fraction_free};
use crate::exact::matrix::matmul;

/// xorshift64*: a fixed-seed stream, so every run sees the same matrices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish in `[-k, k]`.
    fn int(&mut self, k: i64) -> i64 {
        (self.next() % (2 * k as u64 + 1)) as i64 - k
    }

    fn matrix(&mut self, rows: usize, cols: usize, k: i64) -> RatMat {
        RatMat::from_fn(rows, cols, |_, _| Rat::from_i64(self.int(k)))
    }

    /// Entries `n/d` with small `d`: row lcms stay small.
    fn fractions(&mut self, rows: usize, cols: usize) -> RatMat {
        RatMat::from_fn(rows, cols, |_, _| {
            let d = 1 + (self.next() % 6) as i64;
            Rat::from_i64(self.int(20)) / Rat::from_i64(d)
        })
    }
}

#[test]
fn det_agrees_with_bareiss() {
    let mut rng = Rng(0x5eed_0001);
    for n in 1..=24 {
        for k in [1, 9, 1_000_000, 1 << 40] {
            let a = rng.matrix(n, n, k);
            assert_eq!(det(&a), Some(det_fraction_free(&a)), "n={n} k={k}");
        }
        let f = rng.fractions(n, n);
        assert_eq!(det(&f), Some(det_fraction_free(&f)), "fractions n={n}");
    }
}

#[test]
fn det_of_singular_and_empty_matrices() {
    let mut rng = Rng(7);
    // Rank 5 of 12: a product of 12x5 and 5x12.
    let a = matmul(&rng.matrix(12, 5, 9), &rng.matrix(5, 12, 9)).expect("shapes");
    assert_eq!(det(&a), Some(Rat::zero()));
    let mut z = rng.matrix(10, 10, 9);
    z.row_mut(3).fill(Rat::zero());
    assert_eq!(det(&z), Some(Rat::zero()));
    assert_eq!(det(&RatMat::zeros(0, 0)), Some(Rat::one()));
}

/// det(L U) = product of U's diagonal when L is unit lower triangular.
#[test]
fn det_of_a_matrix_with_known_determinant() {
    let mut rng = Rng(11);
    let n = 40;
    let l = RatMat::from_fn(n, n, |i, j| match i.cmp(&j) {
        std::cmp::Ordering::Greater => Rat::from_i64(rng.int(3)),
        std::cmp::Ordering::Equal => Rat::one(),
        std::cmp::Ordering::Less => Rat::zero(),
    });
    let diag: Vec<i64> = (0..n).map(|i| [2, -3, 5, 1, 7][i % 5]).collect();
    let u = RatMat::from_fn(n, n, |i, j| match i.cmp(&j) {
        std::cmp::Ordering::Less => Rat::from_i64(rng.int(3)),
        std::cmp::Ordering::Equal => Rat::from_i64(diag[i]),
        std::cmp::Ordering::Greater => Rat::zero(),
    });
    let expected: BigInt = diag.iter().map(|&d| BigInt::from(d)).product();
    let a = matmul(&l, &u).expect("square");
    assert_eq!(det(&a), Some(Rat::from_integer(expected)));
}

#[test]
fn solve_agrees_with_bareiss_and_checks_out() {
    let mut rng = Rng(0x5eed_0002);
    for n in 1..=20 {
        for (k, cols) in [(9, 1), (1_000, 3), (1 << 40, 1)] {
            let (a, b) = (rng.matrix(n, n, k), rng.matrix(n, cols, k));
            let want = solve_fraction_free(&a, &b);
            assert_eq!(solve(&a, &b), Some(want), "n={n} k={k}");
        }
        let (f, g) = (rng.fractions(n, n), rng.fractions(n, 2));
        assert_eq!(solve(&f, &g), Some(solve_fraction_free(&f, &g)));
    }
}

#[test]
fn solve_reports_singular_matrices() {
    let mut rng = Rng(3);
    let a = matmul(&rng.matrix(9, 8, 9), &rng.matrix(8, 9, 9)).expect("shapes");
    assert_eq!(solve(&a, &rng.matrix(9, 1, 9)), Some(None));
}

#[test]
fn rref_agrees_with_bareiss_on_every_rank() {
    let mut rng = Rng(0x5eed_0003);
    for (m, n) in [(1, 1), (3, 5), (8, 8), (12, 9), (9, 14), (20, 20)] {
        for r in 0..=m.min(n) {
            let a = matmul(&rng.matrix(m, r, 5), &rng.matrix(r, n, 5)).expect("shapes");
            let got = rref(&a).expect("modular rref decides");
            assert_eq!(got, rref_fraction_free(&a), "{m}x{n} rank {r}");
            assert!(got.1.len() <= r);
        }
        let f = rng.fractions(m, n);
        assert_eq!(rref(&f), Some(rref_fraction_free(&f)));
    }
}

/// Multiples of the prime vanish mod p: with a first column of multiples
/// of p, column 1 is a pivot over Q but not mod p, so the echelon check
/// must reject the candidate and the fraction-free path answer.
#[test]
fn rref_refuses_an_unlucky_prime() {
    let p = i64::from(primes().next().expect("a prime"));
    let mut rng = Rng(5);
    let a = RatMat::from_fn(8, 9, |_, j| {
        Rat::from_i64(if j == 0 {
            p * (1 + rng.int(3).abs())
        } else {
            rng.int(9)
        })
    });
    assert_eq!(rref(&a), None);
    let (r, pivots) = crate::exact::echelon::rref_plain(&a);
    assert_eq!(pivots[0], 0);
    assert_eq!((r, pivots), rref_fraction_free(&a));
    // A matrix that is zero mod p but has rank 8 over Q.
    let scaled = RatMat::identity(8, 8) * Rat::from_i64(p);
    assert_eq!(rref(&scaled), None);
    assert_eq!(crate::exact::echelon::rank(&scaled), 8);
}

#[test]
fn entries_past_62_bits_take_the_big_integer_path() {
    let big = Rat::from_integer(BigInt::from(1u64 << 63));
    let mut a = RatMat::identity(3, 3);
    a[(0, 0)] = big;
    assert_eq!(det(&a), None);
    assert_eq!(rref(&a), None);
    assert_eq!(solve(&a, &RatMat::identity(3, 1)), None);
}

/// The p-adic inverse against fraction-free Gauss–Jordan, and `A X = I`.
#[test]
fn padic_inverse_agrees_with_bareiss() {
    use crate::exact::padic_inv;
    let mut rng = Rng(0x5eed_0004);
    for n in [1, 2, 5, 8, 17, 30] {
        for k in [1, 9, 1_000_000, 1 << 40] {
            let a = rng.matrix(n, n, k);
            let want = solve_fraction_free(&a, &RatMat::identity(n, n));
            let got = padic_inv::inv(&a);
            if let Some(Some(x)) = &got {
                assert_eq!(matmul(&a, x).expect("square"), RatMat::identity(n, n));
            }
            // Entries of 2^40 leave no prime of 16 bits for n = 30: the
            // path declines and fraction-free elimination answers.
            if crate::exact::modp::prime_limit(n, k as u64) >= crate::exact::modp::MIN_PRIME {
                assert_eq!(got, Some(want), "n={n} k={k}");
            } else {
                assert_eq!(got, None, "n={n} k={k}");
            }
        }
        let f = rng.fractions(n, n);
        let want = solve_fraction_free(&f, &RatMat::identity(n, n));
        assert_eq!(padic_inv::inv(&f), Some(want), "fractions n={n}");
    }
    // 1x1: [7] has inverse [1/7]; [0] is singular.
    let seven = RatMat::from_element(1, 1, Rat::from_i64(7));
    let seventh = Rat::one() / Rat::from_i64(7);
    assert_eq!(
        padic_inv::inv(&seven),
        Some(Some(RatMat::from_element(1, 1, seventh)))
    );
    assert_eq!(padic_inv::inv(&RatMat::zeros(1, 1)), Some(None));
}

#[test]
fn padic_inverse_of_singular_and_unlucky_matrices() {
    use crate::exact::padic_inv;
    let mut rng = Rng(9);
    // Rank 7 of 9, and a zero row.
    let a = matmul(&rng.matrix(9, 7, 9), &rng.matrix(7, 9, 9)).expect("shapes");
    assert_eq!(padic_inv::inv(&a), Some(None));
    let mut z = rng.matrix(10, 10, 9);
    z.row_mut(4).fill(Rat::zero());
    assert_eq!(padic_inv::inv(&z), Some(None));
    // An entry of 2^31 in a 10x10 leaves no prime of 16 bits whose products
    // stay exact in f64: the path declines and elim::inv answers by
    // fraction-free elimination (diagonal: the inverse is the reciprocals).
    let n = 10;
    assert!(crate::exact::modp::prime_limit(n, 1 << 31) < crate::exact::modp::MIN_PRIME);
    let mut d = RatMat::identity(n, n);
    d[(3, 3)] = Rat::from_i64(1 << 31);
    d[(0, 0)] = Rat::from_i64(-3);
    assert_eq!(padic_inv::inv(&d), None);
    let mut reciprocal = RatMat::identity(n, n);
    reciprocal[(3, 3)] = Rat::one() / Rat::from_i64(1 << 31);
    reciprocal[(0, 0)] = Rat::one() / Rat::from_i64(-3);
    assert_eq!(crate::exact::elim::inv(&d), Ok(Some(reciprocal)));
}
