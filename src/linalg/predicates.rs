//! Matrix predicates for the REPL (`issymmetric`, `isposdef`, ...).
//!
//! Tolerances are relative. Unless a function says otherwise, passing
//! `tol = None` uses [`DEFAULT_TOL`] = 100 * eps, and a measured defect is
//! compared against `tol * max(1, ||A||_1)`.

use super::decomp::{eig_sym_values, singular_values};
use super::{all_finite, ensure_finite, ensure_square, LinalgError, RMat, Result};

/// Default relative tolerance: 100 * eps (about 2.2e-14).
pub const DEFAULT_TOL: f64 = 100.0 * f64::EPSILON;

fn norm1(a: &RMat) -> f64 {
    a.column_iter()
        .map(|c| c.iter().map(|x| x.abs()).sum::<f64>())
        .fold(0.0, f64::max)
}

/// Square and ||A - A'||_1 <= tol * max(1, ||A||_1) (tol defaults to
/// [`DEFAULT_TOL`]; `Some(0.0)` asks for exact symmetry). Non-square or
/// NaN input gives false.
pub fn issymmetric(a: &RMat, tol: Option<f64>) -> bool {
    let t = tol.unwrap_or(DEFAULT_TOL);
    a.is_square() && all_finite(a) && norm1(&(a - a.transpose())) <= t * norm1(a).max(1.0)
}

/// Square and ||Q'Q - I||_1 <= tol * max(1, n) (tol defaults to
/// [`DEFAULT_TOL`]). Non-square or NaN input gives false.
pub fn isorthogonal(a: &RMat, tol: Option<f64>) -> bool {
    let t = tol.unwrap_or(DEFAULT_TOL);
    let n = a.nrows();
    a.is_square()
        && all_finite(a)
        && norm1(&(a.transpose() * a - RMat::identity(n, n))) <= t * (n.max(1) as f64)
}

/// Numerically singular: sigma_min <= tol * sigma_max, with tol defaulting
/// to n * eps, i.e. exactly when `rank(A) < n` under Octave's rank rule.
/// The zero matrix is singular, the empty matrix is not. Non-square input
/// is a `NotSquare` error, NaN/Inf a `NonFinite` error.
pub fn issingular(a: &RMat, tol: Option<f64>) -> Result<bool> {
    ensure_square("issingular", a)?;
    let s = singular_values("issingular", a)?;
    let t = tol.unwrap_or(a.nrows() as f64 * f64::EPSILON);
    Ok(match (s.first(), s.last()) {
        (Some(&hi), Some(&lo)) => lo <= t * hi,
        _ => false,
    })
}

/// Symmetric within `tol` (see [`issymmetric`]) and
/// [`definiteness`]`(A, tol)` is "positive definite". False for
/// non-square, empty or non-finite input.
pub fn isposdef(a: &RMat, tol: Option<f64>) -> bool {
    !a.is_empty() && issymmetric(a, tol) && matches!(definiteness(a, tol), Ok("positive definite"))
}

/// Classifies the symmetric part S = (A + A')/2 by its eigenvalues:
/// exactly one of "positive definite", "positive semidefinite",
/// "negative definite", "negative semidefinite", "indefinite".
/// Eigenvalues with |lambda| <= tol * max|lambda| count as zero; tol
/// defaults to 100 * n * eps. The zero matrix is reported as "positive
/// semidefinite" (it is also negative semidefinite). Errors: non-square,
/// empty, or non-finite input.
pub fn definiteness(a: &RMat, tol: Option<f64>) -> Result<&'static str> {
    ensure_square("definiteness", a)?;
    ensure_finite("definiteness", a)?;
    if a.is_empty() {
        return Err(LinalgError::Invalid {
            func: "definiteness",
            msg: "input is empty".into(),
        });
    }
    let s = (a + a.transpose()) * 0.5;
    let eigs = eig_sym_values(&s)?;
    let max = eigs.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
    let t = tol.unwrap_or(DEFAULT_TOL * a.nrows() as f64) * max;
    let pos = eigs.iter().filter(|&&x| x > t).count();
    let neg = eigs.iter().filter(|&&x| x < -t).count();
    let n = eigs.len();
    Ok(match (pos, neg) {
        (p, 0) if p == n => "positive definite",
        (0, q) if q == n => "negative definite",
        (_, 0) => "positive semidefinite",
        (0, _) => "negative semidefinite",
        _ => "indefinite",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::decomp::qr;
    use crate::linalg::testutil::{hilb, Rng};

    fn m(r: usize, c: usize, v: &[f64]) -> RMat {
        RMat::from_row_slice(r, c, v)
    }

    #[test]
    fn symmetric() {
        let mut rng = Rng::new(31);
        let s = rng.sym(10);
        assert!(issymmetric(&s, None));
        let mut t = s.clone();
        t[(0, 1)] += 1e-15;
        assert!(issymmetric(&t, None) && !issymmetric(&t, Some(0.0)));
        t[(0, 1)] += 1e-6;
        assert!(!issymmetric(&t, None) && issymmetric(&t, Some(1e-3)));
        assert!(!issymmetric(&RMat::zeros(2, 3), None));
        assert!(!issymmetric(&m(1, 1, &[f64::NAN]), None));
    }

    #[test]
    fn orthogonal_and_singular() {
        let mut rng = Rng::new(32);
        for n in [1, 5, 40] {
            let (q, _) = qr(&rng.mat(n, n), false);
            assert!(isorthogonal(&q, None));
            assert!(!isorthogonal(&(&q * 1.001), None));
            assert_eq!(issingular(&q, None), Ok(false));
        }
        assert!(!isorthogonal(&RMat::zeros(3, 2), None));
        assert_eq!(issingular(&m(2, 2, &[1.0, 2.0, 2.0, 4.0]), None), Ok(true));
        assert_eq!(issingular(&RMat::zeros(3, 3), None), Ok(true));
        assert_eq!(issingular(&RMat::zeros(0, 0), None), Ok(false));
        assert_eq!(issingular(&hilb(8), None), Ok(false));
        assert_eq!(issingular(&hilb(8), Some(1e-8)), Ok(true));
        assert_eq!(issingular(&rng.rank_deficient(6, 6, 4), None), Ok(true));
        assert!(issingular(&RMat::zeros(2, 3), None).is_err());
        assert!(issingular(&m(1, 1, &[f64::INFINITY]), None).is_err());
    }

    #[test]
    fn definiteness_classes() {
        let pd = m(2, 2, &[2.0, -1.0, -1.0, 2.0]);
        assert_eq!(definiteness(&pd, None), Ok("positive definite"));
        assert_eq!(definiteness(&-&pd, None), Ok("negative definite"));
        let psd = m(2, 2, &[1.0, 1.0, 1.0, 1.0]);
        assert_eq!(definiteness(&psd, None), Ok("positive semidefinite"));
        assert_eq!(definiteness(&-&psd, None), Ok("negative semidefinite"));
        assert_eq!(
            definiteness(&m(2, 2, &[1.0, 0.0, 0.0, -1.0]), None),
            Ok("indefinite")
        );
        assert_eq!(
            definiteness(&RMat::zeros(3, 3), None),
            Ok("positive semidefinite")
        );
        // Only the symmetric part matters: [1 2; -2 1] has S = I.
        assert_eq!(
            definiteness(&m(2, 2, &[1.0, 2.0, -2.0, 1.0]), None),
            Ok("positive definite")
        );
        assert!(definiteness(&RMat::zeros(0, 0), None).is_err());
        assert!(definiteness(&RMat::zeros(1, 2), None).is_err());
        // Random Gram matrices of rank r < n are semidefinite.
        let mut rng = Rng::new(33);
        for _ in 0..10 {
            let n = 2 + rng.below(30);
            let r = 1 + rng.below(n - 1);
            let b = rng.mat(n, r);
            assert_eq!(
                definiteness(&(&b * b.transpose()), None),
                Ok("positive semidefinite")
            );
        }
    }

    #[test]
    fn posdef() {
        assert!(isposdef(&m(2, 2, &[2.0, -1.0, -1.0, 2.0]), None));
        assert!(!isposdef(&m(2, 2, &[1.0, 1.0, 1.0, 1.0]), None));
        assert!(
            !isposdef(&m(2, 2, &[1.0, 2.0, -2.0, 1.0]), None),
            "not symmetric"
        );
        assert!(!isposdef(&RMat::zeros(0, 0), None));
        assert!(!isposdef(&m(1, 1, &[f64::NAN]), None));
        assert!(isposdef(&hilb(6), None));
    }
}
