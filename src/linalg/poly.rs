//! Polynomials as coefficient vectors, highest power first (Octave order).

use super::decomp::{eig_complex, eig_values};
use super::{ensure_finite, LinalgError, RMat, Result, C64};
use nalgebra::DMatrix;

/// `poly(A)`: for a square matrix its characteristic polynomial
/// det(xI - A) built from its eigenvalues (real part kept, as Octave does
/// for real input); for a vector the monic polynomial with those roots;
/// `poly([])` = [1]. Other shapes are an `Invalid` error.
pub fn poly(a: &RMat) -> Result<Vec<f64>> {
    let (m, n) = a.shape();
    let roots: Vec<C64> = if a.is_empty() {
        Vec::new()
    } else if m == 1 || n == 1 {
        a.iter().map(|&x| C64::new(x, 0.0)).collect()
    } else if m == n {
        ensure_finite("poly", a)?;
        eig_values(a)?
    } else {
        return Err(LinalgError::Invalid {
            func: "poly",
            msg: format!("input must be a vector or a square matrix (got {m}x{n})"),
        });
    };
    Ok(poly_from_roots(&roots).iter().map(|z| z.re).collect())
}

/// Expands prod (x - r_j) into monic coefficients.
fn poly_from_roots(roots: &[C64]) -> Vec<C64> {
    let mut y = vec![C64::new(0.0, 0.0); roots.len() + 1];
    y[0] = C64::new(1.0, 0.0);
    for (j, &r) in roots.iter().enumerate() {
        for i in (1..=j + 1).rev() {
            let prev = y[i - 1];
            y[i] -= r * prev;
        }
    }
    y
}

/// `roots(p)`: eigenvalues of the companion matrix, as Octave's roots.m.
/// Leading zeros are stripped, each trailing zero adds a root at 0, and an
/// empty or all-zero `p` has no roots. Roots come in [`eig`] order (real
/// part descending, then imaginary part descending). NaN/Inf → `NonFinite`.
///
/// [`eig`]: super::decomp::eig
pub fn roots(p: &[f64]) -> Result<Vec<C64>> {
    let mags: Vec<f64> = p.iter().map(|x| x.abs()).collect();
    let Some((v, zeros)) = significant(&mags)? else {
        return Ok(Vec::new());
    };
    let v = &p[v];
    let mut r = if v.len() > 1 {
        eig_values(&companion(v, 0.0, 1.0))?
    } else {
        Vec::new()
    };
    r.extend(std::iter::repeat_n(C64::new(0.0, 0.0), zeros));
    Ok(r)
}

/// `roots(p)` for complex coefficients: the same rules as [`roots`], with
/// the eigenvalues of the complex companion matrix.
pub fn roots_c(p: &[C64]) -> Result<Vec<C64>> {
    let mags: Vec<f64> = p.iter().map(|z| z.norm()).collect();
    let Some((v, zeros)) = significant(&mags)? else {
        return Ok(Vec::new());
    };
    let v = &p[v];
    let (zero, one) = (C64::new(0.0, 0.0), C64::new(1.0, 0.0));
    let mut r = if v.len() > 1 {
        eig_complex(&companion(v, zero, one))?.0
    } else {
        Vec::new()
    };
    r.extend(std::iter::repeat_n(zero, zeros));
    Ok(r)
}

/// From the coefficient magnitudes: the range of `p` from its first to its
/// last significant entry and the number of trailing zeros (each a root at
/// 0), or None when nothing is significant. Entries that vanish relative to
/// the largest count as zero (Octave finds the nonzeros of p ./ max(abs(p))).
fn significant(mags: &[f64]) -> Result<Option<(std::ops::RangeInclusive<usize>, usize)>> {
    if mags.iter().any(|x| !x.is_finite()) {
        return Err(LinalgError::NonFinite { func: "roots" });
    }
    let max = mags.iter().fold(0.0_f64, |m, &x| m.max(x));
    let nonzero: Vec<usize> = (0..mags.len())
        .filter(|&i| max > 0.0 && mags[i] / max != 0.0)
        .collect();
    Ok(match (nonzero.first(), nonzero.last()) {
        (Some(&first), Some(&last)) => Some((first..=last, mags.len() - 1 - last)),
        _ => None,
    })
}

/// Companion matrix of v (v[0] != 0): first row -v[1..]/v[0], ones on the
/// subdiagonal.
fn companion<T>(v: &[T], zero: T, one: T) -> DMatrix<T>
where
    T: nalgebra::Scalar + Copy + std::ops::Neg<Output = T> + std::ops::Div<Output = T>,
{
    let n = v.len() - 1;
    DMatrix::from_fn(n, n, |i, j| {
        if i == 0 {
            -v[j + 1] / v[0]
        } else if i == j + 1 {
            one
        } else {
            zero
        }
    })
}

/// `polyval(p, X)`: p evaluated at every entry of X by Horner's rule
/// (empty p gives zeros).
pub fn polyval(p: &[f64], x: &RMat) -> RMat {
    x.map(|t| p.iter().fold(0.0, |acc, &c| acc * t + c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::testutil::Rng;

    fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| (x - y).abs() <= tol * y.abs().max(1.0))
    }

    #[test]
    fn poly_of_matrix_and_vector() {
        let a = RMat::from_row_slice(2, 2, &[1.0, 2.0, 3.0, 4.0]);
        assert!(close(&poly(&a).expect("square"), &[1.0, -5.0, -2.0], 1e-14));
        let rot = RMat::from_row_slice(2, 2, &[0.0, -1.0, 1.0, 0.0]);
        assert!(close(&poly(&rot).expect("square"), &[1.0, 0.0, 1.0], 1e-14));
        let v = RMat::from_row_slice(1, 3, &[1.0, 2.0, 3.0]);
        assert_eq!(poly(&v), Ok(vec![1.0, -6.0, 11.0, -6.0]));
        assert_eq!(poly(&v.transpose()), Ok(vec![1.0, -6.0, 11.0, -6.0]));
        assert_eq!(poly(&RMat::zeros(0, 0)), Ok(vec![1.0]));
        assert_eq!(poly(&RMat::from_element(1, 1, 5.0)), Ok(vec![1.0, -5.0]));
        assert!(poly(&RMat::zeros(2, 3)).is_err());
        assert!(poly(&RMat::from_element(2, 2, f64::NAN)).is_err());
    }

    #[test]
    fn roots_cases() {
        let r = roots(&[1.0, -3.0, 2.0]).expect("finite");
        assert!(
            (r[0] - C64::new(2.0, 0.0)).norm() < 1e-14
                && (r[1] - C64::new(1.0, 0.0)).norm() < 1e-14
        );
        let r = roots(&[1.0, 0.0, 1.0]).expect("finite");
        assert!(
            (r[0] - C64::new(0.0, 1.0)).norm() < 1e-14
                && (r[1] - C64::new(0.0, -1.0)).norm() < 1e-14
        );
        // Leading zeros stripped, trailing zeros are roots at 0.
        let r = roots(&[0.0, 0.0, 2.0, -4.0, 0.0, 0.0]).expect("finite");
        assert_eq!(r.len(), 3);
        assert!((r[0] - C64::new(2.0, 0.0)).norm() < 1e-14);
        assert!(r[1..].iter().all(|z| z.norm() == 0.0));
        assert_eq!(roots(&[]), Ok(vec![]));
        assert_eq!(roots(&[0.0, 0.0]), Ok(vec![]));
        assert_eq!(roots(&[3.0]), Ok(vec![]));
        assert_eq!(roots(&[3.0, 0.0]), Ok(vec![C64::new(0.0, 0.0)]));
        assert_eq!(
            roots(&[1.0, f64::NAN]),
            Err(LinalgError::NonFinite { func: "roots" })
        );
    }

    #[test]
    fn roots_and_poly_round_trip() {
        let mut rng = Rng::new(41);
        for _ in 0..20 {
            let n = 1 + rng.below(12);
            let want: Vec<f64> = (0..n).map(|_| rng.uniform() * 3.0).collect();
            let p = poly(&RMat::from_row_slice(1, n, &want)).expect("vector");
            let got = roots(&p).expect("finite");
            // Every root satisfies p(r) ~ 0 relative to the size of the terms.
            for z in &got {
                let val = p.iter().fold(C64::new(0.0, 0.0), |acc, &c| acc * z + c);
                let scale: f64 = p
                    .iter()
                    .enumerate()
                    .map(|(k, c)| c.abs() * z.norm().powi((p.len() - 1 - k) as i32))
                    .sum();
                assert!(val.norm() <= 1e-8 * scale.max(1.0), "p(r) = {val}");
            }
            // Matrix characteristic polynomial: coefficients are trace / det.
            let a = rng.mat(n, n);
            let c = poly(&a).expect("square");
            assert!((c[1] + a.trace()).abs() < 1e-10 * (1.0 + a.trace().abs()));
            let det = a.clone().determinant();
            let sign = if n.is_multiple_of(2) { 1.0 } else { -1.0 };
            assert!((c[n] - sign * det).abs() < 1e-9 * (1.0 + det.abs()));
        }
    }

    #[test]
    fn polyval_horner() {
        let x = RMat::from_row_slice(1, 3, &[0.0, 1.0, 2.0]);
        assert_eq!(
            polyval(&[1.0, -3.0, 2.0], &x),
            RMat::from_row_slice(1, 3, &[2.0, 0.0, 0.0])
        );
        assert_eq!(polyval(&[], &x), RMat::zeros(1, 3));
        assert_eq!(polyval(&[7.0], &x), RMat::from_element(1, 3, 7.0));
    }
}
