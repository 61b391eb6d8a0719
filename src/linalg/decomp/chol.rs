//! Cholesky factorisation (A = R'R) of symmetric positive definite matrices.

use super::*;

/// `R = chol(A)`: upper triangular R with R'*R = A. Only A's upper triangle
/// is read (as Octave). Fails with the 1-based index of the first leading
/// minor that is not positive.
pub fn chol(a: &RMat) -> Result<RMat> {
    ensure_square("chol", a)?;
    ensure_finite("chol", a)?;
    let n = a.nrows();
    // faer factors a lower triangle in place. Seen through a transposed view,
    // A's upper triangle is that lower triangle, and the factor L written
    // there is R = L' in A's own layout: no transpose is ever built.
    let mut r = a.clone();
    let view = faer_mut(&mut r).transpose_mut();
    let res = run_kernel(Kernel::Chol, n, |par| {
        let req = llt::cholesky_in_place_scratch::<f64>(n, par, Default::default());
        with_stack(req, |stack| {
            llt::cholesky_in_place(
                view,
                LltRegularization::default(),
                par,
                stack,
                Default::default(),
            )
        })
    });
    match res {
        Ok(_) => {
            for j in 0..n {
                r.view_mut((j + 1, j), (n - j - 1, 1)).fill(0.0);
            }
            Ok(r)
        }
        Err(LltError::NonPositivePivot { index }) => {
            Err(LinalgError::NotPositiveDefinite { minor: index + 1 })
        }
    }
}
