//! Principal component analysis via the SVD of the centred data.

use super::decomp::svd;
use super::{ensure_finite, make_dominant_positive, LinalgError, RMat, Result};

/// PCA of an m x n data matrix (rows are observations).
#[derive(Debug, Clone, PartialEq)]
pub struct Pca {
    /// n x k principal directions (unit columns, largest entry positive).
    pub coeff: RMat,
    /// m x k coordinates of the centred data: (X - mu) * coeff.
    pub score: RMat,
    /// k variances along the directions (divisor m - 1), descending.
    pub latent: Vec<f64>,
    /// 1 x n column means.
    pub mu: RMat,
}

/// `pca(X, k)`: centre by the column means, take the right singular vectors
/// of the centred data (eigenvectors of the covariance). `k` defaults to
/// min(m - 1, n), the number of components that can carry variance; any
/// k <= n is allowed (extra components have zero variance). Needs m >= 2.
pub fn pca(x: &RMat, k: Option<usize>) -> Result<Pca> {
    ensure_finite("pca", x)?;
    let (m, n) = x.shape();
    if m < 2 {
        return Err(invalid(format!(
            "need at least 2 observations (rows), got {m}"
        )));
    }
    let k = k.unwrap_or((m - 1).min(n));
    if k > n {
        return Err(invalid(format!(
            "k = {k} exceeds the number of variables ({n})"
        )));
    }
    let mu = RMat::from_fn(1, n, |_, j| x.column(j).mean());
    let centred = RMat::from_fn(m, n, |i, j| x[(i, j)] - mu[(0, j)]);
    // The economy SVD has min(m, n) directions; ask for the full V only
    // when more are wanted.
    let (_, s, v) = svd(&centred, k <= m.min(n))?;
    let sigma: Vec<f64> = (0..s.nrows().min(s.ncols())).map(|i| s[(i, i)]).collect();
    let mut coeff = v.columns(0, k).into_owned();
    for j in 0..k {
        make_dominant_positive(&mut coeff, j);
    }
    let latent = (0..k)
        .map(|j| sigma.get(j).map_or(0.0, |s| s * s / (m - 1) as f64))
        .collect();
    let score = &centred * &coeff;
    Ok(Pca {
        coeff,
        score,
        latent,
        mu,
    })
}

fn invalid(msg: String) -> LinalgError {
    LinalgError::Invalid { func: "pca", msg }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::decomp::eig_sym;
    use crate::linalg::testutil::{orth_err, rel_err, Rng};

    #[test]
    fn matches_covariance_eigendecomposition() {
        let mut rng = Rng::new(51);
        for (m, n) in [(30, 4), (10, 10), (5, 8), (50, 20)] {
            let x = rng.mat(m, n) * rng.mat(n, n);
            let p = pca(&x, None).expect("finite");
            let k = (m - 1).min(n);
            assert_eq!(
                (p.coeff.shape(), p.score.shape(), p.latent.len()),
                ((n, k), (m, k), k)
            );
            let xc = RMat::from_fn(m, n, |i, j| x[(i, j)] - p.mu[(0, j)]);
            let cov = xc.transpose() * &xc / (m - 1) as f64;
            let (d, _) = eig_sym(&cov).expect("finite");
            for j in 0..k {
                assert!((p.latent[j] - d[j]).abs() < 1e-10 * d[0].max(1.0));
                // coeff columns are eigenvectors of the covariance.
                let c = p.coeff.column(j);
                assert!((&cov * c - c * p.latent[j]).norm() < 1e-9 * d[0].max(1.0));
                let i = c.iamax();
                assert!(c[i] > 0.0);
            }
            assert!(orth_err(&p.coeff) < 1e-10);
            assert!(rel_err(&p.score, &(&xc * &p.coeff)) < 1e-12);
            assert!(p.latent.windows(2).all(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn textbook_line() {
        // Points on the line y = 2x: one component with all the variance.
        let x = RMat::from_row_slice(3, 2, &[1.0, 2.0, 2.0, 4.0, 3.0, 6.0]);
        let p = pca(&x, Some(2)).expect("finite");
        assert_eq!(p.mu, RMat::from_row_slice(1, 2, &[2.0, 4.0]));
        let dir = nalgebra::DVector::from_row_slice(&[1.0, 2.0]) / 5f64.sqrt();
        assert!((p.coeff.column(0) - dir).norm() < 1e-14);
        assert!((p.latent[0] - 5.0).abs() < 1e-13 && p.latent[1].abs() < 1e-13);
    }

    #[test]
    fn argument_errors() {
        assert!(pca(&RMat::zeros(1, 3), None).is_err());
        assert!(pca(&RMat::zeros(4, 3), Some(4)).is_err());
        assert!(pca(&RMat::from_element(3, 2, f64::NAN), None).is_err());
        let p = pca(&RMat::zeros(3, 5), Some(5)).expect("k <= n");
        assert_eq!(p.coeff.shape(), (5, 5));
        assert_eq!(p.latent, vec![0.0; 5]);
    }
}
