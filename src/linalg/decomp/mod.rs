//! Matrix factorisations: LU, QR, Cholesky, SVD, eigendecompositions and the
//! matrix exponential. Heavy kernels run through faer on views of nalgebra's
//! column-major buffers.

use super::{
    all_entries, dominant_is_negative, ensure_finite, ensure_square, faer_mut, faer_ref,
    make_dominant_positive, run_kernel, with_stack, CMat, Kernel, LinalgError, RMat, Result, C64,
};
use faer::linalg::cholesky::llt::factor::{self as llt, LltError, LltRegularization};
use faer::linalg::evd::{self, ComputeEigenvectors};
use faer::linalg::householder;
use faer::linalg::lu::partial_pivoting::factor as plu;
use faer::linalg::qr::no_pivoting::factor as fqr;
use faer::linalg::svd::{self as fsvd, ComputeSvdVectors};
use faer::linalg::triangular_solve as tri;
use faer::reborrow::ReborrowMut;
use faer::Par;
use nalgebra::DMatrix;

/// Real or complex entries, as both faer and nalgebra see them.
pub trait Field:
    faer::traits::ComplexField + nalgebra::ComplexField<RealField = f64> + Copy + 'static
{
    /// The SVD with vectors by our own bidiagonal divide and conquer, or
    /// `None` where faer's whole SVD serves (every complex matrix).
    #[allow(clippy::type_complexity)]
    fn own_svd(
        _func: &'static str,
        _a: &DMatrix<Self>,
        _kind: ComputeSvdVectors,
    ) -> Result<Option<(Vec<Self>, DMatrix<Self>, DMatrix<Self>)>> {
        Ok(None)
    }
}

impl Field for f64 {
    fn own_svd(
        func: &'static str,
        a: &RMat,
        kind: ComputeSvdVectors,
    ) -> Result<Option<(Vec<f64>, RMat, RMat)>> {
        svd::bidiagonal_path(func, a, kind)
    }
}

impl Field for C64 {}

/// A power of two bringing the largest entry of `a` to about 1 when it is
/// so small or so large that faer's iterations lose accuracy or fail
/// (LAPACK's dgeev and dgesdd scale outside the same range): eig(1e-300*A)
/// came back with eigenvalues wrong in the second digit, svd(1e-200*A)
/// with singular values wrong in the first, svd(1e200*A) did not converge.
/// Eigen- and singular vectors do not change; the values are divided by
/// the factor after (exactly: it is a power of two).
fn range_scale<T: Field>(a: &DMatrix<T>) -> Option<f64> {
    let big = a
        .iter()
        .map(|&x| nalgebra::ComplexField::abs(x))
        .fold(0.0, f64::max);
    let small = f64::MIN_POSITIVE.sqrt() / f64::EPSILON;
    let exponent = (-big.log2().round()).clamp(-1000.0, 1000.0) as i32;
    (big > 0.0 && (big < small || big > 1.0 / small)).then(|| 2f64.powi(exponent))
}

/// `a` times the factor of [`range_scale`], borrowed when there is none.
fn scaled<T: Field>(a: &DMatrix<T>, scale: Option<f64>) -> std::borrow::Cow<'_, DMatrix<T>> {
    match scale {
        Some(f) => std::borrow::Cow::Owned(a.map(|x| nalgebra::ComplexField::scale(x, f))),
        None => std::borrow::Cow::Borrowed(a),
    }
}

/// Below this many pivots the plain elimination loop beats faer's blocked LU.
const LU_BLOCKED_MIN: usize = 64;

/// faer diagonal view over a slice (eigenvalue / singular value output).
fn diag_mut<T>(s: &mut [T]) -> faer::diag::DiagMut<'_, T> {
    faer::ColMut::from_slice_mut(s).as_diagonal_mut()
}

mod bidiag_dc;
mod chol;
mod eigen;
mod expm;
mod lu;
mod qr;
mod secular;
mod svd;
mod symeig;
mod tridiag_dc;

pub use chol::*;
pub use eigen::*;
pub use expm::*;
pub use lu::*;
pub use qr::*;
pub use svd::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::testutil::{orth_err, rel_err, rel_err_c, Rng};

    const TOL: f64 = 1e-10;

    fn check_lu(a: &RMat) {
        let (l, u, p) = lu(a);
        let (m, n) = a.shape();
        let k = m.min(n);
        assert_eq!(l.shape(), (m, k));
        assert_eq!(u.shape(), (k, n));
        assert_eq!(p.shape(), (m, m));
        assert!(
            rel_err(&(&l * &u), &(&p * a)) < TOL,
            "P*A != L*U for {m}x{n}"
        );
        assert!(
            l.iter().all(|x| x.abs() <= 1.0 + 1e-12),
            "partial pivoting bounds L"
        );
    }

    fn check_qr(a: &RMat) {
        for econ in [false, true] {
            let (q, r) = qr(a, econ);
            let (m, n) = a.shape();
            let rows = if econ { m.min(n) } else { m };
            assert_eq!(q.shape(), (m, rows));
            assert_eq!(r.shape(), (rows, n));
            assert!(orth_err(&q) < TOL);
            assert!(rel_err(&(&q * &r), a) < TOL, "Q*R != A for {m}x{n}");
            assert!((0..rows).all(|i| (0..i.min(n)).all(|j| r[(i, j)] == 0.0)));
        }
    }

    fn assert_dominant_positive(v: &RMat, j: usize) {
        let mags: Vec<f64> = v.column(j).iter().map(|x| x.abs()).collect();
        if let Some(i) = crate::linalg::dominant_index(mags.iter().copied()) {
            assert!(v[(i, j)] > 0.0, "column {j} dominant entry not positive");
        }
    }

    fn check_svd(a: &RMat) {
        let (m, n) = a.shape();
        let k = m.min(n);
        for econ in [false, true] {
            let (u, s, v) = svd(a, econ).expect("finite input");
            let shapes = if econ {
                ((m, k), (k, k), (n, k))
            } else {
                ((m, m), (m, n), (n, n))
            };
            assert_eq!((u.shape(), s.shape(), v.shape()), shapes);
            assert!(
                rel_err(&(&u * &s * v.transpose()), a) < TOL,
                "A != USV' ({m}x{n})"
            );
            assert!(orth_err(&u) < TOL && orth_err(&v) < TOL);
            for j in 0..u.ncols() {
                assert_dominant_positive(&u, j);
            }
            for j in k..v.ncols() {
                assert_dominant_positive(&v, j);
            }
            let d: Vec<f64> = (0..k).map(|i| s[(i, i)]).collect();
            assert!(d.windows(2).all(|w| w[0] >= w[1]) && d.iter().all(|&x| x >= 0.0));
        }
        let vals = svd_values(a).expect("finite input");
        let (_, s, _) = svd(a, true).expect("finite input");
        assert!(vals
            .iter()
            .enumerate()
            .all(|(i, &x)| (x - s[(i, i)]).abs() < TOL * (1.0 + x)));
    }

    fn check_eig_sym(a: &RMat) {
        let (d, v) = eig_sym(a).expect("finite input");
        let dm = RMat::from_diagonal(&nalgebra::DVector::from_vec(d.clone()));
        assert!(rel_err(&(&v * dm * v.transpose()), a) < TOL);
        assert!(orth_err(&v) < TOL);
        assert!(d.windows(2).all(|w| w[0] >= w[1]));
        for j in 0..v.ncols() {
            assert_dominant_positive(&v, j);
        }
    }

    fn check_eig_general(a: &RMat) {
        let ac = a.map(|x| C64::new(x, 0.0));
        let (vals, vecs) = match eig(a).expect("finite input") {
            Eig::Real(d, v) => (
                d.iter().map(|&x| C64::new(x, 0.0)).collect::<Vec<_>>(),
                v.map(|x| C64::new(x, 0.0)),
            ),
            Eig::Complex(d, v) => (d, v),
        };
        check_eig_conventions(&ac, &vals, &vecs);
    }

    fn check_eig_conventions(a: &CMat, vals: &[C64], v: &CMat) {
        let d = CMat::from_diagonal(&nalgebra::DVector::from_vec(vals.to_vec()));
        let scale = a.norm().max(1.0);
        assert!((a * v - v * d).norm() / scale < 1e-9, "A*V != V*D");
        for w in vals.windows(2) {
            assert!(
                w[0].re > w[1].re || (w[0].re == w[1].re && w[0].im >= w[1].im),
                "order"
            );
        }
        for j in 0..v.ncols() {
            assert!((v.column(j).norm() - 1.0).abs() < 1e-12);
            let mags: Vec<f64> = v.column(j).iter().map(|z| z.norm()).collect();
            let i =
                crate::linalg::dominant_index(mags.iter().copied()).expect("nonzero eigenvector");
            assert!(v[(i, j)].im == 0.0 && v[(i, j)].re > 0.0);
        }
    }

    #[test]
    fn lu_textbook_and_singular() {
        let a = RMat::from_row_slice(2, 2, &[1.0, 2.0, 3.0, 4.0]);
        let (l, u, p) = lu(&a);
        assert_eq!(p, RMat::from_row_slice(2, 2, &[0.0, 1.0, 1.0, 0.0]));
        assert_eq!(l, RMat::from_row_slice(2, 2, &[1.0, 0.0, 1.0 / 3.0, 1.0]));
        assert!((u[(1, 1)] - 2.0 / 3.0).abs() < 1e-15);
        let s = RMat::from_row_slice(2, 2, &[1.0, 2.0, 2.0, 4.0]);
        let (l, u, _) = lu(&s);
        assert_eq!(u[(1, 1)], 0.0);
        assert!(l.iter().all(|x| x.is_finite()));
        check_lu(&RMat::zeros(3, 3));
        check_lu(&RMat::zeros(0, 3));
    }

    #[test]
    fn lu_random_shapes() {
        let mut rng = Rng::new(1);
        for _ in 0..30 {
            let (m, n) = (1 + rng.below(50), 1 + rng.below(50));
            check_lu(&rng.mat(m, n));
            let r = 1 + rng.below(m.min(n));
            check_lu(&rng.rank_deficient(m, n, r));
        }
        // Blocked faer path, including an exactly singular matrix (zero column).
        for (m, n) in [(120, 120), (130, 90), (90, 130)] {
            check_lu(&rng.mat(m, n));
        }
        let mut s = rng.mat(100, 100);
        s.column_mut(40).fill(0.0);
        check_lu(&s);
        assert!(lu(&s).1.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn qr_shapes_and_sign_convention() {
        let a = RMat::from_row_slice(2, 2, &[1.0, 2.0, 3.0, 4.0]);
        let (_, r) = qr(&a, false);
        // LAPACK / Octave convention: R(1,1) = -sign(a11) * ||a(:,1)||.
        assert!((r[(0, 0)] + 10f64.sqrt()).abs() < 1e-12);
        let mut rng = Rng::new(2);
        for _ in 0..30 {
            let (m, n) = (1 + rng.below(50), 1 + rng.below(50));
            check_qr(&rng.mat(m, n));
        }
        check_qr(&RMat::zeros(0, 3));
        check_qr(&RMat::zeros(3, 0));
    }

    #[test]
    fn chol_spd_and_failures() {
        let mut rng = Rng::new(3);
        for n in [1, 2, 5, 20, 50] {
            let b = rng.mat(n, n);
            let a = &b * b.transpose() + RMat::identity(n, n);
            let r = chol(&a).expect("SPD");
            assert!(rel_err(&(r.transpose() * &r), &a) < TOL);
            assert!((0..n).all(|i| (0..i).all(|j| r[(i, j)] == 0.0)));
        }
        let a = RMat::from_row_slice(3, 3, &[4.0, 2.0, 0.0, 2.0, 1.0, 0.0, 0.0, 0.0, 1.0]);
        assert_eq!(chol(&a), Err(LinalgError::NotPositiveDefinite { minor: 2 }));
        let a = RMat::from_row_slice(2, 2, &[-1.0, 0.0, 0.0, 1.0]);
        assert_eq!(chol(&a), Err(LinalgError::NotPositiveDefinite { minor: 1 }));
        let e = chol(&RMat::zeros(2, 3)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "chol: input must be a square matrix (got 2x3)"
        );
        // Only the upper triangle is read.
        let a = RMat::from_row_slice(2, 2, &[4.0, 2.0, 99.0, 5.0]);
        let r = chol(&a).expect("upper triangle is SPD");
        assert!((r[(0, 1)] - 1.0).abs() < 1e-14 && (r[(1, 1)] - 2.0).abs() < 1e-14);
        assert_eq!(chol(&RMat::zeros(0, 0)).expect("empty").shape(), (0, 0));
    }

    #[test]
    fn svd_random_and_special() {
        let mut rng = Rng::new(4);
        for _ in 0..25 {
            let (m, n) = (1 + rng.below(40), 1 + rng.below(40));
            check_svd(&rng.mat(m, n));
            let r = 1 + rng.below(m.min(n));
            check_svd(&rng.rank_deficient(m, n, r));
        }
        for (m, n) in [(0, 0), (0, 3), (3, 0)] {
            check_svd(&RMat::zeros(m, n));
        }
        check_svd(&RMat::zeros(3, 2));
        let s = svd_values(&RMat::from_row_slice(2, 2, &[3.0, 0.0, 0.0, -4.0])).expect("finite");
        assert_eq!(s, vec![4.0, 3.0]);
    }

    /// Near the ends of the double range the singular values scale with A
    /// and A = U S V' still holds (without the scaling, 1e-200*A had values
    /// wrong in the first digit and 1e200*A did not converge), on both the
    /// bidiagonal path (40x40, 50x40) and faer's (10x10, 90x20, complex).
    #[test]
    fn svd_at_the_ends_of_the_double_range() {
        let mut rng = Rng::new(31);
        for (m, n) in [(40, 40), (50, 40), (10, 10), (90, 20)] {
            let a = rng.mat(m, n);
            let want = svd_values(&a).expect("finite input");
            for f in [1e-300, 1e-200, 1e200, 1e300] {
                let b = &a * f;
                let got = svd_values(&b).expect("finite input");
                let (u, s, v) = svd(&b, true).expect("finite input");
                for (i, (g, w)) in got.iter().zip(&want).enumerate() {
                    assert!((g / f - w).abs() < 1e-12 * want[0], "{m}x{n} at {f:e}");
                    assert!((s[(i, i)] / f - w).abs() < 1e-12 * want[0]);
                }
                let back = (&u * &s * v.transpose()) / f;
                assert!(rel_err(&back, &a) < TOL, "A != USV' ({m}x{n} at {f:e})");
            }
        }
        let c = CMat::from_fn(20, 20, |i, j| {
            C64::new(((i * 7 + j) % 5) as f64, (i + 2 * j) as f64 % 3.0)
        });
        let want = svd_values_c(&c).expect("finite input");
        for f in [1e-300, 1e300] {
            let got = svd_values_c(&c.map(|x| x * f)).expect("finite input");
            assert!(got
                .iter()
                .zip(&want)
                .all(|(g, w)| (g / f - w).abs() < 1e-12 * want[0]));
        }
    }

    #[test]
    fn complex_svd_reconstructs_with_phase_rule() {
        let mut rng = Rng::new(12);
        for _ in 0..12 {
            let (m, n) = (1 + rng.below(20), 1 + rng.below(20));
            let a = rng.cmat(m, n);
            let k = m.min(n);
            for econ in [false, true] {
                let (u, s, v) = svd_c(&a, econ).expect("finite");
                let sc = s.map(|x| C64::new(x, 0.0));
                assert!(
                    rel_err_c(&(&u * sc * v.adjoint()), &a) < TOL,
                    "A != USV' {m}x{n}"
                );
                let (ku, kv) = (u.ncols(), v.ncols());
                assert!(rel_err_c(&(u.adjoint() * &u), &CMat::identity(ku, ku)) < TOL);
                assert!(rel_err_c(&(v.adjoint() * &v), &CMat::identity(kv, kv)) < TOL);
                for j in 0..ku {
                    let mags: Vec<f64> = u.column(j).iter().map(|z| z.norm()).collect();
                    let i =
                        crate::linalg::dominant_index(mags.iter().copied()).expect("unit column");
                    assert!(u[(i, j)].im.abs() < 1e-14 && u[(i, j)].re > 0.0);
                }
                let d: Vec<f64> = (0..k).map(|i| s[(i, i)]).collect();
                assert!(d.windows(2).all(|w| w[0] >= w[1]));
                let vals = svd_values_c(&a).expect("finite");
                assert!(vals.iter().zip(&d).all(|(x, y)| (x - y).abs() < TOL));
            }
        }
        let bad = CMat::from_element(2, 2, C64::new(f64::NAN, 0.0));
        assert!(svd_c(&bad, false).is_err() && svd_values_c(&bad).is_err());
    }

    #[test]
    fn complex_lu_qr_chol_reconstruct() {
        let mut rng = Rng::new(13);
        for (m, n) in [(4, 4), (6, 3), (3, 7), (80, 80), (90, 70)] {
            let a = rng.cmat(m, n);
            let (l, u, p) = lu(&a);
            assert!(
                rel_err_c(&(&l * &u), &(cx(&p) * &a)) < TOL,
                "PA != LU {m}x{n}"
            );
            // Pivoting on |re| + |im| (as LAPACK) or on |z| keeps |l| <= sqrt(2).
            assert!(l.iter().all(|z| z.norm() <= 2f64.sqrt() + 1e-12));
            let (pl, u2) = lu_permuted(&a);
            assert!(rel_err_c(&(pl * u2), &a) < TOL);
            for econ in [false, true] {
                let (q, r) = qr(&a, econ);
                let k = q.ncols();
                assert!(rel_err_c(&(&q * &r), &a) < TOL, "A != QR {m}x{n}");
                assert!(rel_err_c(&(q.adjoint() * &q), &CMat::identity(k, k)) < TOL);
                assert!(
                    (0..r.nrows()).all(|i| (0..i.min(n)).all(|j| r[(i, j)] == C64::new(0.0, 0.0)))
                );
            }
        }
        let b = rng.cmat(30, 30);
        let h = &b * b.adjoint() + CMat::identity(30, 30);
        let r = chol(&h).expect("Hermitian positive definite");
        assert!(rel_err_c(&(r.adjoint() * &r), &h) < TOL);
        assert!((0..30).all(|i| (0..i).all(|j| r[(i, j)] == C64::new(0.0, 0.0))));
        let not_pd = CMat::from_row_slice(
            2,
            2,
            &[
                C64::new(1.0, 0.0),
                C64::new(0.0, 2.0),
                C64::new(0.0, -2.0),
                C64::new(1.0, 0.0),
            ],
        );
        assert_eq!(
            chol(&not_pd),
            Err(LinalgError::NotPositiveDefinite { minor: 2 })
        );
    }

    #[test]
    fn nonfinite_input_is_rejected() {
        let a = RMat::from_row_slice(2, 2, &[1.0, f64::NAN, 0.0, 1.0]);
        assert_eq!(svd_values(&a), Err(LinalgError::NonFinite { func: "svd" }));
        assert!(svd(&a, false).is_err());
        assert_eq!(eig(&a), Err(LinalgError::NonFinite { func: "eig" }));
        let inf = RMat::from_element(2, 2, f64::INFINITY);
        assert!(eig_sym(&inf).is_err() && expm(&inf).is_err());
        assert!(eig_complex(&CMat::from_element(1, 1, C64::new(f64::NAN, 0.0))).is_err());
    }

    #[test]
    fn eig_textbook() {
        let a = RMat::from_row_slice(3, 3, &[-3.0, -1.0, 1.0, -3.0, -1.0, 3.0, -2.0, 2.0, 0.0]);
        let Eig::Real(d, v) = eig(&a).expect("finite") else {
            panic!("real spectrum")
        };
        let expected = [
            (2.0, [0.0, 1.0, 1.0]),
            (-2.0, [1.0, 0.0, 1.0]),
            (-4.0, [1.0, 1.0, 0.0]),
        ];
        for (j, (lambda, dir)) in expected.iter().enumerate() {
            assert!((d[j] - lambda).abs() < 1e-12);
            let want = nalgebra::DVector::from_row_slice(dir) / 2f64.sqrt();
            assert!((v.column(j) - want).norm() < 1e-12);
        }
        let rot = RMat::from_row_slice(2, 2, &[0.0, -1.0, 1.0, 0.0]);
        let Eig::Complex(d, v) = eig(&rot).expect("finite") else {
            panic!("complex spectrum")
        };
        assert!(
            (d[0] - C64::new(0.0, 1.0)).norm() < 1e-14
                && (d[1] - C64::new(0.0, -1.0)).norm() < 1e-14
        );
        check_eig_conventions(&rot.map(|x| C64::new(x, 0.0)), &d, &v);
        let defective = RMat::from_row_slice(2, 2, &[2.0, 1.0, 0.0, 2.0]);
        let Eig::Real(d, v) = eig(&defective).expect("finite") else {
            panic!("real spectrum")
        };
        assert_eq!(d, vec![2.0, 2.0]);
        assert!((v.column(0) - nalgebra::DVector::from_row_slice(&[1.0, 0.0])).norm() < 1e-12);
        check_eig_general(&defective);
        assert_eq!(
            eig(&RMat::zeros(0, 0)),
            Ok(Eig::Real(vec![], RMat::zeros(0, 0)))
        );
    }

    #[test]
    fn symmetry_check_sees_every_entry() {
        let s = Rng::new(11).sym(100);
        assert!(is_symmetric(&s) && is_symmetric(&RMat::zeros(0, 0)));
        for (i, j) in [(99, 0), (0, 99), (40, 70), (33, 32), (1, 0), (64, 95)] {
            let mut t = s.clone();
            t[(i, j)] += 1.0;
            assert!(!is_symmetric(&t), "({i}, {j}) changed");
        }
    }

    #[test]
    fn eig_random() {
        let mut rng = Rng::new(5);
        for _ in 0..8 {
            let n = 1 + rng.below(50);
            check_eig_sym(&rng.sym(n));
            check_eig_general(&rng.mat(n, n));
            let r = 1 + rng.below(n);
            check_eig_general(&rng.rank_deficient(n, n, r));
        }
    }

    #[test]
    fn eig_complex_input() {
        let mut rng = Rng::new(6);
        for _ in 0..10 {
            let n = 1 + rng.below(30);
            let a = rng.cmat(n, n);
            let (d, v) = eig_complex(&a).expect("finite");
            check_eig_conventions(&a, &d, &v);
            let h = (&a + a.adjoint()) * C64::new(0.5, 0.0);
            let (d, v) = eig_complex(&h).expect("finite");
            assert!(d.iter().all(|z| z.im == 0.0));
            check_eig_conventions(&h, &d, &v);
            assert!(rel_err_c(&(v.adjoint() * &v), &CMat::identity(n, n)) < TOL);
        }
    }

    #[test]
    fn expm_known_values() {
        let z = RMat::zeros(3, 3);
        assert!(rel_err(&expm(&z).expect("finite"), &RMat::identity(3, 3)) < 1e-15);
        let t = 2.5;
        let rot = RMat::from_row_slice(2, 2, &[0.0, -t, t, 0.0]);
        let want = RMat::from_row_slice(2, 2, &[t.cos(), -t.sin(), t.sin(), t.cos()]);
        assert!(rel_err(&expm(&rot).expect("finite"), &want) < 1e-13);
        let n = RMat::from_row_slice(2, 2, &[1.0, 40.0, 0.0, 1.0]);
        let e = std::f64::consts::E;
        let want = RMat::from_row_slice(2, 2, &[e, 40.0 * e, 0.0, e]);
        assert!(rel_err(&expm(&n).expect("finite"), &want) < 1e-13);
        // Symmetric A = V D V' has exp(A) = V exp(D) V'; norm ~ 20 forces squaring.
        let a = Rng::new(7).sym(20) * 8.0;
        let (d, v) = eig_sym(&a).expect("finite");
        let ed = RMat::from_diagonal(&nalgebra::DVector::from_iterator(
            20,
            d.iter().map(|x| x.exp()),
        ));
        assert!(rel_err(&expm(&a).expect("finite"), &(&v * ed * v.transpose())) < 1e-12);
    }

    /// ||lhs_1 * ... * lhs_k * z - rhs_1 * ... * z|| for a fixed probe z,
    /// relative: an O(n^2) stand-in for comparing full products at n = 300.
    fn probe_err(lhs: &[&CMat], rhs: &[&CMat]) -> f64 {
        let n = lhs.last().expect("non-empty chain").ncols();
        let z = nalgebra::DVector::from_fn(n, |i, _| {
            C64::new((i * 37 % 11) as f64 - 5.0, (i % 3) as f64)
        });
        let apply = |chain: &[&CMat]| chain.iter().rev().fold(z.clone(), |acc, m| *m * acc);
        let r = apply(rhs);
        (apply(lhs) - &r).norm() / r.norm().max(1.0)
    }

    fn cx(a: &RMat) -> CMat {
        a.map(|x| C64::new(x, 0.0))
    }

    fn cdiag(d: &[C64]) -> CMat {
        CMat::from_diagonal(&nalgebra::DVector::from_vec(d.to_vec()))
    }

    #[test]
    fn large_matrices_use_faer_parallel_path() {
        let mut rng = Rng::new(8);
        let n = 300;
        let a = rng.mat(n, n);
        let (l, u, p) = lu(&a);
        assert!(probe_err(&[&cx(&l), &cx(&u)], &[&cx(&p), &cx(&a)]) < TOL);
        let (q, r) = qr(&a, false);
        assert!(probe_err(&[&cx(&q), &cx(&r)], &[&cx(&a)]) < TOL);
        assert!(probe_err(&[&cx(&q.transpose()), &cx(&q)], &[&CMat::identity(n, n)]) < TOL);
        let spd = &a * a.transpose() + RMat::identity(n, n);
        let r = chol(&spd).expect("SPD");
        assert!(probe_err(&[&cx(&r.transpose()), &cx(&r)], &[&cx(&spd)]) < TOL);
        let (u, s, v) = svd(&rng.mat(n, 260), false).expect("finite");
        assert!(
            probe_err(
                &[&cx(&v.transpose()), &cx(&v)],
                &[&CMat::identity(260, 260)]
            ) < TOL
        );
        assert!(probe_err(&[&cx(&u.transpose()), &cx(&u)], &[&CMat::identity(n, n)]) < TOL);
        assert!((0..s.ncols()).all(|i| i == 0 || s[(i - 1, i - 1)] >= s[(i, i)]));
        let sym = rng.sym(n);
        let (d, v) = eig_sym(&sym).expect("finite");
        let dv: Vec<C64> = d.iter().map(|&x| C64::new(x, 0.0)).collect();
        assert!(probe_err(&[&cx(&sym), &cx(&v)], &[&cx(&v), &cdiag(&dv)]) < TOL);
    }

    /// Sizes above the LU, Cholesky and QR thresholds run inside the worker
    /// pool; QR with several reflector blocks and a narrower last one.
    #[test]
    fn parallel_factorisations_reconstruct() {
        let mut rng = Rng::new(10);
        let a = rng.mat(620, 570);
        for econ in [false, true] {
            let (q, r) = qr(&a, econ);
            assert!(probe_err(&[&cx(&q), &cx(&r)], &[&cx(&a)]) < TOL);
            let k = q.ncols();
            assert!(probe_err(&[&cx(&q.transpose()), &cx(&q)], &[&CMat::identity(k, k)]) < TOL);
            assert!((0..r.nrows()).all(|i| (0..i.min(r.ncols())).all(|j| r[(i, j)] == 0.0)));
        }
        let (q, r) = qr(&a.transpose(), false);
        assert!(probe_err(&[&cx(&q), &cx(&r)], &[&cx(&a.transpose())]) < TOL);
        let sq = rng.mat(560, 560);
        let (l, u, p) = lu(&sq);
        assert!(probe_err(&[&cx(&l), &cx(&u)], &[&cx(&p), &cx(&sq)]) < TOL);
        let spd = &sq * sq.transpose() + RMat::identity(560, 560);
        let r = chol(&spd).expect("SPD");
        assert!(probe_err(&[&cx(&r.transpose()), &cx(&r)], &[&cx(&spd)]) < TOL);
        assert!((0..560).all(|i| (0..i).all(|j| r[(i, j)] == 0.0)));
    }

    /// General (non-symmetric) eigenvectors at n = 300 take ~8 s unoptimised,
    /// so this runs only in optimised test builds (`cargo test --release`).
    #[test]
    #[cfg_attr(debug_assertions, ignore)]
    fn large_general_eig() {
        let a = Rng::new(9).mat(300, 300);
        let (d, v) = match eig(&a).expect("finite") {
            Eig::Real(d, v) => (d.iter().map(|&x| C64::new(x, 0.0)).collect(), cx(&v)),
            Eig::Complex(d, v) => (d, v),
        };
        assert!(probe_err(&[&cx(&a), &v], &[&v, &cdiag(&d)]) < 1e-9);
    }
}
