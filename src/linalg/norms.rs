//! Vector and matrix norms (Octave's `norm`) for real and complex entries.

use super::decomp::{singular_values, svd_thin_unsigned};
use super::pnorm::p_norm_estimate;
use super::{CMat, LinalgError, RMat, Result, C64};

/// Which norm to take. `P(p)`: for vectors any p (p = 0 counts nonzeros,
/// `f64::INFINITY` is the max |x|, `f64::NEG_INFINITY` the min |x|); for
/// matrices any p >= 1. `Fro` is the Frobenius norm (the 2-norm for
/// vectors).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NormKind {
    P(f64),
    Fro,
}

/// Vector p-norm of the magnitudes `mags` (all |x_i|, nonnegative or NaN).
fn norm_of_magnitudes(mags: &[f64], p: NormKind) -> f64 {
    if mags.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let p = match p {
        NormKind::Fro => 2.0,
        NormKind::P(p) => p,
    };
    let max = mags.iter().copied().fold(0.0, f64::max);
    if p == f64::INFINITY {
        max
    } else if p == f64::NEG_INFINITY {
        mags.iter().copied().fold(f64::INFINITY, f64::min)
    } else if p == 0.0 {
        mags.iter().filter(|&&x| x != 0.0).count() as f64
    } else if p == 1.0 {
        mags.iter().sum()
    } else if mags.is_empty() {
        0.0
    } else {
        scaled_p_norm(mags, p, max)
    }
}

/// (sum x^p)^(1/p) computed as max * (sum (x/max)^p)^(1/p) so squares of
/// large or tiny entries cannot overflow or underflow.
fn scaled_p_norm(mags: &[f64], p: f64, max: f64) -> f64 {
    if max == f64::INFINITY {
        return if p > 0.0 {
            f64::INFINITY
        } else {
            norm_negative_p_with_inf(mags, p)
        };
    }
    if max == 0.0 {
        return 0.0;
    }
    if p == 2.0 {
        let sum: f64 = mags.iter().map(|&x| (x / max) * (x / max)).sum();
        return max * sum.sqrt();
    }
    let sum: f64 = mags.iter().map(|&x| (x / max).powf(p)).sum();
    max * sum.powf(1.0 / p)
}

/// For p < 0 infinite entries contribute nothing (Inf^p = 0).
fn norm_negative_p_with_inf(mags: &[f64], p: f64) -> f64 {
    let finite: Vec<f64> = mags.iter().copied().filter(|x| x.is_finite()).collect();
    if finite.is_empty() {
        return f64::INFINITY;
    }
    let max = finite.iter().copied().fold(0.0, f64::max);
    scaled_p_norm(&finite, p, max)
}

/// p-norm of a real vector.
pub fn vector_norm(x: &[f64], p: NormKind) -> f64 {
    let mags: Vec<f64> = x.iter().map(|v| v.abs()).collect();
    norm_of_magnitudes(&mags, p)
}

/// p-norm of a complex vector (|z| via hypot, so no overflow).
pub fn vector_norm_c(x: &[C64], p: NormKind) -> f64 {
    let mags: Vec<f64> = x.iter().map(|z| z.norm()).collect();
    norm_of_magnitudes(&mags, p)
}

/// Octave's `norm(A, p)` for a real matrix: row/column vectors use the vector
/// norms; otherwise 1 = max column sum, 2 = largest singular value,
/// Inf = max row sum, Fro = Frobenius, other p > 1 Higham's estimate as
/// Octave ([`p_norm_estimate`]). p < 1 is an `Invalid` error.
/// The 2-norm of a matrix with NaN is NaN (Inf entries give Inf) instead of
/// an SVD error. norm([]) = 0.
pub fn matrix_norm(a: &RMat, p: NormKind) -> Result<f64> {
    let mags = a.map(|x| x.abs());
    if a.nrows() == 1 || a.ncols() == 1 {
        return Ok(norm_of_magnitudes(mags.as_slice(), p));
    }
    match p {
        NormKind::P(x) if x > 1.0 && x != 2.0 && x.is_finite() => Ok(p_norm_estimate(a, x)),
        _ => general_matrix_norm(&mags, p, || {
            Ok(singular_values("norm", a)?.first().copied().unwrap_or(0.0))
        }),
    }
}

/// `norm(A, p)` for a complex matrix, same rules as [`matrix_norm`].
pub fn matrix_norm_c(a: &CMat, p: NormKind) -> Result<f64> {
    let mags = a.map(|z| z.norm());
    if a.nrows() == 1 || a.ncols() == 1 {
        return Ok(norm_of_magnitudes(mags.as_slice(), p));
    }
    match p {
        NormKind::P(x) if x > 1.0 && x != 2.0 && x.is_finite() => Ok(p_norm_estimate(a, x)),
        _ => general_matrix_norm(&mags, p, || {
            Ok(svd_thin_unsigned("norm", a)?
                .0
                .first()
                .copied()
                .unwrap_or(0.0))
        }),
    }
}

/// Matrix norms from the entry magnitudes; `sigma_max` is only called for
/// the 2-norm of finite input.
fn general_matrix_norm(
    mags: &RMat,
    p: NormKind,
    sigma_max: impl FnOnce() -> Result<f64>,
) -> Result<f64> {
    if mags.is_empty() {
        return Ok(0.0);
    }
    let col_sums = || mags.column_iter().map(|c| c.sum()).fold(0.0, nan_max);
    let row_sums = || mags.row_iter().map(|r| r.sum()).fold(0.0, nan_max);
    match p {
        NormKind::Fro => Ok(norm_of_magnitudes(mags.as_slice(), NormKind::Fro)),
        NormKind::P(1.0) => Ok(col_sums()),
        NormKind::P(x) if x == f64::INFINITY => Ok(row_sums()),
        NormKind::P(2.0) => {
            if mags.iter().any(|v| v.is_nan()) {
                Ok(f64::NAN)
            } else if mags.iter().any(|v| v.is_infinite()) {
                Ok(f64::INFINITY)
            } else {
                sigma_max()
            }
        }
        NormKind::P(x) => Err(LinalgError::Invalid {
            func: "norm",
            msg: format!("p = {x} is not a matrix norm (use p >= 1, Inf or \"fro\")"),
        }),
    }
}

/// max that propagates NaN (f64::max would drop it).
fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.max(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::testutil::Rng;

    const INF: f64 = f64::INFINITY;

    #[test]
    fn vector_norms() {
        let x = [3.0, -4.0, 0.0];
        assert_eq!(vector_norm(&x, NormKind::P(2.0)), 5.0);
        assert_eq!(vector_norm(&x, NormKind::Fro), 5.0);
        assert_eq!(vector_norm(&x, NormKind::P(1.0)), 7.0);
        assert_eq!(vector_norm(&x, NormKind::P(INF)), 4.0);
        assert_eq!(vector_norm(&x, NormKind::P(-INF)), 0.0);
        assert_eq!(vector_norm(&x, NormKind::P(0.0)), 2.0);
        let p3 = vector_norm(&x, NormKind::P(3.0));
        assert!((p3 - 91f64.cbrt()).abs() < 1e-14);
        let half = vector_norm(&[1.0, 4.0], NormKind::P(0.5));
        assert!((half - 9.0).abs() < 1e-13);
        let neg = vector_norm(&[1.0, 1.0], NormKind::P(-1.0));
        assert!((neg - 0.5).abs() < 1e-15);
        assert_eq!(vector_norm(&[], NormKind::P(2.0)), 0.0);
        assert!(vector_norm(&[1.0, f64::NAN], NormKind::P(2.0)).is_nan());
        assert_eq!(vector_norm(&[1.0, INF], NormKind::P(2.0)), INF);
    }

    #[test]
    fn two_norm_does_not_overflow_or_underflow() {
        assert!((vector_norm(&[3e200, 4e200], NormKind::P(2.0)) / 5e200 - 1.0).abs() < 1e-15);
        let tiny = vector_norm(&[3e-200, 4e-200], NormKind::P(2.0));
        assert!((tiny / 5e-200 - 1.0).abs() < 1e-15);
        let z = [C64::new(3e200, 4e200)];
        assert!((vector_norm_c(&z, NormKind::P(2.0)) / 5e200 - 1.0).abs() < 1e-15);
        let m = RMat::from_row_slice(2, 2, &[3e200, 0.0, 4e200, 0.0]);
        assert!((matrix_norm(&m, NormKind::Fro).expect("valid") / 5e200 - 1.0).abs() < 1e-15);
    }

    #[test]
    fn matrix_norms() {
        let a = RMat::from_row_slice(2, 2, &[1.0, -2.0, 3.0, 4.0]);
        assert_eq!(matrix_norm(&a, NormKind::P(1.0)), Ok(6.0));
        assert_eq!(matrix_norm(&a, NormKind::P(INF)), Ok(7.0));
        assert!((matrix_norm(&a, NormKind::Fro).expect("valid") - 30f64.sqrt()).abs() < 1e-14);
        let two = matrix_norm(&a, NormKind::P(2.0)).expect("valid");
        let eig_max = (a.transpose() * &a).symmetric_eigenvalues().max().sqrt();
        assert!((two - eig_max).abs() < 1e-13);
        // Other p >= 1: max ||Ax||_3 / ||x||_3, found by scanning the unit circle.
        let three = matrix_norm(&a, NormKind::P(3.0)).expect("valid");
        assert!((three - 5.59389001970846).abs() < 1e-8, "{three}");
        assert!(matches!(
            matrix_norm(&a, NormKind::P(0.5)),
            Err(LinalgError::Invalid { func: "norm", .. })
        ));
        // Vectors of either orientation use vector norms.
        let row = RMat::from_row_slice(1, 3, &[1.0, 2.0, 2.0]);
        assert_eq!(matrix_norm(&row, NormKind::P(2.0)), Ok(3.0));
        assert_eq!(
            matrix_norm(&row.transpose(), NormKind::P(3.0)),
            Ok(17f64.cbrt())
        );
        assert_eq!(matrix_norm(&RMat::zeros(0, 0), NormKind::P(2.0)), Ok(0.0));
        let nan = RMat::from_row_slice(2, 2, &[1.0, f64::NAN, 0.0, 1.0]);
        assert!(matrix_norm(&nan, NormKind::P(2.0)).expect("valid").is_nan());
        assert!(matrix_norm(&nan, NormKind::P(1.0)).expect("valid").is_nan());
    }

    #[test]
    fn complex_and_random_consistency() {
        let mut rng = Rng::new(21);
        for _ in 0..10 {
            let (r, c) = (1 + rng.below(20), 2 + rng.below(20));
            let a = rng.mat(r, c);
            let ac = a.map(|x| C64::new(x, 0.0));
            for p in [
                NormKind::P(1.0),
                NormKind::P(2.0),
                NormKind::P(INF),
                NormKind::Fro,
            ] {
                let r = matrix_norm(&a, p).expect("valid");
                let c = matrix_norm_c(&ac, p).expect("valid");
                assert!((r - c).abs() < 1e-12 * r.max(1.0), "{p:?}");
            }
            // ||A||_2 <= ||A||_F <= sqrt(rank) ||A||_2
            let two = matrix_norm(&a, NormKind::P(2.0)).expect("valid");
            let fro = matrix_norm(&a, NormKind::Fro).expect("valid");
            assert!(
                two <= fro * (1.0 + 1e-12)
                    && fro <= two * (a.ncols().min(a.nrows()) as f64).sqrt() * (1.0 + 1e-12)
            );
        }
        let z = CMat::from_row_slice(
            2,
            2,
            &[
                C64::new(0.0, 1.0),
                C64::new(1.0, 1.0),
                C64::new(0.0, 0.0),
                C64::new(2.0, 0.0),
            ],
        );
        assert!(
            (matrix_norm_c(&z, NormKind::P(1.0)).expect("valid") - (2f64.sqrt() + 2.0)).abs()
                < 1e-15
        );
    }
}
