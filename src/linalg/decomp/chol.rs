//! Cholesky factorisation (A = R'R) of symmetric positive definite matrices.

use super::*;

/// `R = chol(A)`: upper triangular R with R'*R = A. Only A's upper triangle
/// is read (as Octave). Fails with the 1-based index of the first leading
/// minor that is not positive.
pub fn chol(a: &RMat) -> Result<RMat> {
    ensure_square("chol", a)?;
    ensure_finite("chol", a)?;
    let n = a.nrows();
    // faer factors the lower triangle in place; A' has A's upper triangle there.
    let mut l = a.transpose();
    let par = par_for(n);
    let req = llt::cholesky_in_place_scratch::<f64>(n, par, Default::default());
    let res = with_stack(req, |stack| {
        llt::cholesky_in_place(
            faer_mut(&mut l),
            LltRegularization::default(),
            par,
            stack,
            Default::default(),
        )
    });
    match res {
        Ok(_) => Ok(RMat::from_fn(
            n,
            n,
            |i, j| if i <= j { l[(j, i)] } else { 0.0 },
        )),
        Err(LltError::NonPositivePivot { index }) => {
            Err(LinalgError::NotPositiveDefinite { minor: index + 1 })
        }
    }
}
