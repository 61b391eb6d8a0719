//! Checks against properties (residual, orthogonality), singular values
//! from faer's SVD of the dense matrix, closed forms and built spectra.

use super::*;
use crate::linalg::decomp::{svd, svd_thin_unsigned, svd_values};
use crate::linalg::testutil::{orth_err, Rng};
use std::num::NonZeroUsize;

/// Dense copy of the n x n upper bidiagonal.
fn dense(d: &[f64], e: &[f64]) -> RMat {
    let n = d.len();
    RMat::from_fn(n, n, |i, j| {
        if i == j {
            d[i]
        } else if j == i + 1 {
            e[i]
        } else {
            0.0
        }
    })
}

/// Runs the solver (one thread and two), checks B V = U diag(s), U and V
/// orthogonal, s descending and equal to faer's; returns s.
fn check(d: &[f64], e: &[f64]) -> Vec<f64> {
    let n = d.len();
    let smax = d
        .iter()
        .chain(e)
        .fold(f64::MIN_POSITIVE, |s, x| s.max(x.abs()));
    // Residuals at unit scale, where norms cannot overflow.
    let b = dense(d, e) / smax;
    let bnorm = b.norm().max(f64::MIN_POSITIVE);
    let tol = 16.0 * (n as f64).max(1.0) * f64::EPSILON;
    // Values only: faer's whole SVD, not the path under test.
    let want = svd_values(&b).expect("finite input");
    let two = Par::Rayon(NonZeroUsize::new(2).expect("2 > 0"));
    let mut first = None;
    for par in [Par::Seq, two] {
        let (s, u, v) = bidiagonal_svd(d, e, par).expect("finite input");
        assert!(
            s.windows(2).all(|p| p[0] >= p[1]),
            "n = {n}: not descending: {s:?}"
        );
        assert!(s.iter().all(|&x| x >= 0.0), "n = {n}: negative value");
        let sd = RMat::from_diagonal(&nalgebra::DVector::from_iterator(
            n,
            s.iter().map(|x| x / smax),
        ));
        let res = (&b * &v - &u * sd).norm() / bnorm;
        assert!(res <= tol, "n = {n}: |BV - US| / |B| = {res:e}");
        assert!(orth_err(&u) <= tol, "n = {n}: U not orthogonal");
        assert!(orth_err(&v) <= tol, "n = {n}: V not orthogonal");
        for (x, y) in s.iter().zip(&want) {
            let err = (x / smax - y).abs();
            assert!(err <= tol * bnorm, "n = {n}: value {x:e} vs faer's {y:e}");
        }
        first.get_or_insert(s);
    }
    first.unwrap_or_default()
}

fn random(rng: &mut Rng, n: usize) -> (Vec<f64>, Vec<f64>) {
    let d = (0..n).map(|_| rng.uniform()).collect();
    let e = (0..n.saturating_sub(1)).map(|_| rng.uniform()).collect();
    (d, e)
}

#[test]
fn random_bidiagonals_at_every_size_near_the_leaf() {
    let mut rng = Rng::new(21);
    let sizes = (1..=60).chain([LEAF * 4 - 1, LEAF * 4, LEAF * 4 + 1, 131, 300]);
    for n in sizes {
        let (d, e) = random(&mut rng, n);
        check(&d, &e);
    }
}

#[test]
fn graded_and_extreme_scales() {
    let mut rng = Rng::new(22);
    for n in [2, 3, 30, 77, 150] {
        // Entries from 1e-300 up to 1e300 along the diagonal.
        let g = |i: usize| 10f64.powf(-300.0 + 600.0 * i as f64 / (n - 1).max(1) as f64);
        let (mut d, mut e) = random(&mut rng, n);
        d.iter_mut().enumerate().for_each(|(i, x)| *x *= g(i));
        e.iter_mut().enumerate().for_each(|(i, x)| *x *= g(i));
        check(&d, &e);
        for scale in [1e-300, 1e300] {
            let (d, e) = random(&mut rng, n);
            let d: Vec<f64> = d.iter().map(|x| x * scale).collect();
            let e: Vec<f64> = e.iter().map(|x| x * scale).collect();
            check(&d, &e);
        }
    }
}

#[test]
fn zero_diagonal_entries_give_zero_singular_values() {
    let mut rng = Rng::new(23);
    for n in [1, 2, 3, 25, 60, 200] {
        for zeros in [vec![0], vec![n / 2], vec![n - 1], vec![0, n / 2, n - 1]] {
            let (mut d, e) = random(&mut rng, n);
            for &j in &zeros {
                d[j] = 0.0;
            }
            let s = check(&d, &e);
            // A zero on the diagonal makes B singular (random entries may
            // make more values tiny).
            let smax = s[0].max(f64::MIN_POSITIVE);
            let tiny = s.iter().filter(|&&x| x <= 1e-13 * n as f64 * smax).count();
            assert!(tiny >= 1, "n = {n}, zeros at {zeros:?}: {s:?}");
        }
    }
}

#[test]
fn zero_off_diagonals_split_the_problem() {
    let mut rng = Rng::new(24);
    for n in [2, 3, 40, 100] {
        let (d, mut e) = random(&mut rng, n);
        for j in (0..n.saturating_sub(1)).step_by(3) {
            e[j] = 0.0;
        }
        check(&d, &e);
        // Diagonal: the values are the |d_i|.
        let e0 = vec![0.0; n.saturating_sub(1)];
        let s = check(&d, &e0);
        let mut want: Vec<f64> = d.iter().map(|x| x.abs()).collect();
        want.sort_by(|a, b| b.total_cmp(a));
        for (x, y) in s.iter().zip(&want) {
            assert!(
                (x - y).abs() <= 4.0 * f64::EPSILON * want[0],
                "n = {n}: {x} vs {y}"
            );
        }
    }
}

#[test]
fn repeated_and_closed_form_values() {
    for n in [1, 2, 3, 24, 25, 49, 120, 300] {
        // All ones on both diagonals: s_k = 2 cos(k pi / (2n + 1)).
        let (d, e) = (vec![1.0; n], vec![1.0; n - 1]);
        let s = check(&d, &e);
        for (k, x) in s.iter().enumerate() {
            let want = 2.0 * ((k + 1) as f64 * std::f64::consts::PI / (2 * n + 1) as f64).cos();
            assert!(
                (x - want).abs() <= 1e-14 * n as f64,
                "n = {n}, k = {k}: {x} vs {want}"
            );
        }
        // Identical blocks joined by zero couplings: each value repeated.
        let mut e = vec![1.0; n - 1];
        for j in (4..n - 1).step_by(5) {
            e[j] = 0.0;
        }
        check(&vec![1.0; n], &e);
        check(&vec![0.5; n], &vec![0.0; n - 1]);
    }
}

/// A random orthogonal n x n matrix (Q of a QR factorisation).
fn orthogonal(rng: &mut Rng, n: usize) -> RMat {
    rng.mat(n, n).qr().q()
}

/// A = U S V' to rounding, U and V orthogonal, for the full and economy
/// forms and for the unsigned thin SVD.
fn check_whole(a: &RMat) {
    let (m, n) = a.shape();
    let tol = 32.0 * m.max(n) as f64 * f64::EPSILON * a.norm().max(1e-300);
    for econ in [true, false] {
        let (u, s, v) = svd(a, econ).expect("finite input");
        assert!(
            (&u * &s * v.transpose() - a).norm() <= tol,
            "{m}x{n}: A != USV'"
        );
        assert!(orth_err(&u) <= tol.max(1e-12), "{m}x{n}: U");
        assert!(orth_err(&v) <= tol.max(1e-12), "{m}x{n}: V");
    }
    let (s, u, v) = svd_thin_unsigned("svd", a).expect("finite input");
    let sd = RMat::from_diagonal(&nalgebra::DVector::from_vec(s));
    assert!((&u * sd * v.transpose() - a).norm() <= tol, "{m}x{n}: thin");
}

#[test]
fn whole_matrices_tall_wide_and_rank_deficient() {
    let mut rng = Rng::new(25);
    for (m, n) in [
        (40, 40),
        (60, 50),
        (50, 60),
        (130, 130),
        (200, 150),
        (150, 200),
    ] {
        check_whole(&rng.mat(m, n));
        check_whole(&rng.rank_deficient(m, n, m.min(n) / 3));
    }
}

#[test]
fn whole_matrix_with_known_singular_values() {
    let mut rng = Rng::new(26);
    for n in [40, 100, 250] {
        // Repeated values in pairs and a zero.
        let s: Vec<f64> = (0..n).map(|i| ((n - 1 - i) / 2) as f64 * 0.25).collect();
        let (q1, q2) = (orthogonal(&mut rng, n), orthogonal(&mut rng, n));
        let a = &q1 * RMat::from_diagonal(&nalgebra::DVector::from_vec(s.clone())) * q2.transpose();
        let (_, sm, _) = svd(&a, true).expect("finite input");
        for (i, want) in s.iter().enumerate() {
            assert!(
                (sm[(i, i)] - want).abs() <= 1e-13 * n as f64,
                "n = {n}, i = {i}"
            );
        }
        check_whole(&a);
    }
}
