//! Checks against properties (residual, orthogonality), eigenvalues from
//! faer's QR algorithm, and textbook spectra.

use super::*;
use crate::linalg::testutil::{orth_err, Rng};
use std::num::NonZeroUsize;

/// Dense copy of the tridiagonal.
fn dense(d: &[f64], e: &[f64]) -> RMat {
    let n = d.len();
    RMat::from_fn(n, n, |i, j| match i.abs_diff(j) {
        0 => d[i],
        1 => e[i.min(j)],
        _ => 0.0,
    })
}

/// Eigenvalues by faer's QR algorithm (values only), for comparison.
fn qr_values(d: &[f64], e: &[f64]) -> Vec<f64> {
    let n = d.len();
    let mut sub = e.to_vec();
    sub.resize(n, 0.0);
    let mut w = vec![0.0; n];
    let want = evd::ComputeEigenvectors::No;
    let req = evd::self_adjoint_evd_scratch::<f64>(n, want, Par::Seq, Default::default());
    with_stack(req, |stack| {
        evd::tridiagonal_self_adjoint_evd(
            faer::ColRef::from_slice(d).as_diagonal(),
            faer::ColRef::from_slice(&sub).as_diagonal(),
            faer::ColMut::from_slice_mut(&mut w).as_diagonal_mut(),
            None,
            Par::Seq,
            stack,
            Default::default(),
        )
    })
    .expect("QR converges");
    w
}

/// Runs divide and conquer (one thread and two) and checks the
/// decomposition; returns the eigenvalues.
fn check(d: &[f64], e: &[f64]) -> Vec<f64> {
    let n = d.len();
    // Residuals are taken at unit scale, where the norms cannot overflow.
    let smax = d
        .iter()
        .chain(e)
        .fold(f64::MIN_POSITIVE, |s, x| s.max(x.abs()));
    let t = dense(d, e) / smax;
    let tnorm = t.norm().max(f64::MIN_POSITIVE);
    let mut sub = e.to_vec();
    sub.resize(n, 0.0);
    let two = Par::Rayon(NonZeroUsize::new(2).expect("2 > 0"));
    let mut first = None;
    for par in [Par::Seq, two] {
        let mut v = RMat::zeros(n, n);
        let w = tridiagonal_dc(d, &sub, &mut v, par).expect("finite input");
        let tol = 8.0 * (n as f64).max(1.0) * f64::EPSILON;
        assert!(w.windows(2).all(|p| p[0] <= p[1]), "n = {n}: not ascending");
        let ws: Vec<f64> = w.iter().map(|x| x / smax).collect();
        let resid = (&t * &v - &v * RMat::from_diagonal(&ws.into())).norm();
        assert!(
            resid <= tol * tnorm,
            "n = {n}: residual {resid:e} vs ||T|| {tnorm:e}"
        );
        let orth = orth_err(&v);
        assert!(orth <= tol, "n = {n}: orthogonality {orth:e}");
        let qr = qr_values(d, e);
        for (a, b) in w.iter().zip(&qr) {
            let diff = (a / smax - b / smax).abs();
            assert!(diff <= tol * tnorm, "n = {n}: value {a} vs QR {b}");
        }
        first.get_or_insert(w);
    }
    first.expect("ran once")
}

#[test]
fn random_tridiagonals_of_every_size_up_to_300() {
    let mut rng = Rng::new(7);
    for n in (1..=80).chain((81..=300).step_by(7)) {
        let d: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
        let e: Vec<f64> = (1..n).map(|_| rng.uniform()).collect();
        check(&d, &e);
    }
}

#[test]
fn sizes_around_the_leaf_threshold() {
    let mut rng = Rng::new(11);
    for n in [
        1,
        2,
        3,
        LEAF - 1,
        LEAF,
        LEAF + 1,
        2 * LEAF,
        2 * LEAF + 1,
        4 * LEAF + 3,
    ] {
        let d: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
        let e: Vec<f64> = (1..n).map(|_| rng.uniform()).collect();
        check(&d, &e);
    }
}

#[test]
fn laplacian_has_its_textbook_spectrum() {
    // tridiag(-1, 2, -1): eigenvalues 2 - 2*cos(k*pi/(n+1)).
    for n in [50, 129, 400] {
        let w = check(&vec![2.0; n], &vec![-1.0; n - 1]);
        let pi = std::f64::consts::PI;
        for (k, wk) in w.iter().enumerate() {
            let exact = 2.0 - 2.0 * ((k + 1) as f64 * pi / (n + 1) as f64).cos();
            assert!(
                (wk - exact).abs() <= 1e-13,
                "n = {n}, k = {k}: {wk} vs {exact}"
            );
        }
    }
}

/// Wilkinson's W_m^+: diagonal |m/2 - i|, off-diagonal 1 (m odd); its
/// largest eigenvalues come in pairs agreeing to many digits.
fn wilkinson(m: usize) -> (Vec<f64>, Vec<f64>) {
    let h = (m / 2) as f64;
    (
        (0..m).map(|i| (h - i as f64).abs()).collect(),
        vec![1.0; m - 1],
    )
}

#[test]
fn wilkinson_matrices_with_close_pairs() {
    for m in [21, 41, 101, 201] {
        let (d, e) = wilkinson(m);
        let w = check(&d, &e);
        if m == 21 {
            // W21+'s two largest eigenvalues, 10.746194182903..., agree to
            // about 14 digits.
            assert!((w[20] - 10.746_194_182_903_4).abs() < 1e-12, "{}", w[20]);
            assert!((w[20] - w[19]).abs() < 1e-12);
        }
    }
}

#[test]
fn glued_wilkinson_matrices_deflate_heavily() {
    for glue in [1e-14, 1e-8, 1e-3] {
        let (wd, _) = wilkinson(21);
        let copies = 15;
        let d: Vec<f64> = (0..copies).flat_map(|_| wd.clone()).collect();
        let e: Vec<f64> = (1..d.len())
            .map(|i| if i % 21 == 0 { glue } else { 1.0 })
            .collect();
        check(&d, &e);
    }
}

#[test]
fn constant_diagonal_with_tiny_off_diagonal() {
    for n in [70, 200] {
        let w = check(&vec![3.0; n], &vec![1e-12; n - 1]);
        assert!(w.iter().all(|x| (x - 3.0).abs() <= 2.1e-12));
    }
}

#[test]
fn zero_off_diagonals_split_the_matrix() {
    let mut rng = Rng::new(3);
    let n = 150;
    let d: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
    let mut e: Vec<f64> = (1..n).map(|_| rng.uniform()).collect();
    for i in [0, 40, 41, 100, n - 2] {
        e[i] = 0.0;
    }
    check(&d, &e);
    // Diagonal: the eigenvalues are the diagonal itself.
    let w = check(&d, &vec![0.0; n - 1]);
    let mut sorted = d.clone();
    sorted.sort_by(f64::total_cmp);
    assert_eq!(w, sorted);
    assert_eq!(check(&vec![0.0; 90], &vec![0.0; 89]), vec![0.0; 90]);
}

#[test]
fn repeated_eigenvalues() {
    // Two copies of the same block, split apart: every eigenvalue twice.
    let mut rng = Rng::new(5);
    let (d0, e0): (Vec<f64>, Vec<f64>) = (
        (0..60).map(|_| rng.uniform()).collect(),
        (0..59).map(|_| rng.uniform()).collect(),
    );
    let d: Vec<f64> = d0.iter().chain(&d0).copied().collect();
    let mut e = e0.clone();
    e.push(0.0);
    e.extend(&e0);
    let w = check(&d, &e);
    for p in w.chunks(2) {
        assert!((p[0] - p[1]).abs() <= 1e-13);
    }
}

#[test]
fn extreme_scales() {
    let mut rng = Rng::new(9);
    let n = 120;
    let d: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
    let e: Vec<f64> = (1..n).map(|_| rng.uniform()).collect();
    let base = check(&d, &e);
    for s in [1e-300, 1e300] {
        let ds: Vec<f64> = d.iter().map(|x| x * s).collect();
        let es: Vec<f64> = e.iter().map(|x| x * s).collect();
        let w = check(&ds, &es);
        for (a, b) in w.iter().zip(&base) {
            assert!((a / s - b).abs() <= 1e-13, "scale {s:e}: {a:e} vs {b}");
        }
    }
}

#[test]
fn non_finite_input_is_refused() {
    let mut v = RMat::zeros(3, 3);
    let r = tridiagonal_dc(&[1.0, f64::NAN, 2.0], &[1.0, 1.0, 0.0], &mut v, Par::Seq);
    assert!(r.is_err());
}
