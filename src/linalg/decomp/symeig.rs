//! The real symmetric eigensolver in its three phases, so each can be
//! measured and replaced on its own: Householder reduction to tridiagonal
//! form (`linalg::tridiag`, blocked as LAPACK's dsytrd), the tridiagonal
//! eigenproblem, and the back-transformation of its eigenvectors by the
//! reflectors (faer's block Householder application).

use super::*;
use crate::linalg::tridiag::tridiagonalize;

/// Eigenvalues ascending and, when `vectors`, the orthonormal eigenvectors
/// of the symmetric `a` (only its lower triangle is read).
pub(super) fn sym_evd(a: &RMat, vectors: bool) -> Result<(Vec<f64>, RMat)> {
    let n = a.nrows();
    let mut u = RMat::zeros(n, if vectors { n } else { 0 });
    if n == 0 {
        return Ok((Vec::new(), u));
    }
    let mut trid = a.clone();
    let bs = fqr::recommended_block_size::<f64>(n, n);
    let mut reflectors = RMat::zeros(bs, n - 1);
    run_kernel(Kernel::EigSym, n, |par| {
        tridiagonalize(&mut trid, &mut reflectors, par);
        let diag: Vec<f64> = (0..n).map(|i| trid[(i, i)]).collect();
        let sub: Vec<f64> = (0..n)
            .map(|i| if i + 1 < n { trid[(i + 1, i)] } else { 0.0 })
            .collect();
        let values = tridiagonal_evd(&diag, &sub, vectors.then_some(&mut u), par)?;
        if vectors && n > 1 {
            back_transform(&trid, &reflectors, &mut u, par);
        }
        Ok(values)
    })
    .map(|values| (values, u))
}

/// Eigenvalues ascending of the symmetric tridiagonal matrix with diagonal
/// `diag` and subdiagonal `sub` (`sub[n-1]` unused); its eigenvectors go
/// into `u` when given.
fn tridiagonal_evd(diag: &[f64], sub: &[f64], u: Option<&mut RMat>, par: Par) -> Result<Vec<f64>> {
    if let Some(u) = u {
        return tridiag_dc::tridiagonal_dc(diag, sub, u, par);
    }
    let n = diag.len();
    let want = ComputeEigenvectors::No;
    let mut s = vec![0.0; n];
    let req = evd::self_adjoint_evd_scratch::<f64>(n, want, par, Default::default());
    with_stack(req, |stack| {
        evd::tridiagonal_self_adjoint_evd(
            faer::ColRef::from_slice(diag).as_diagonal(),
            faer::ColRef::from_slice(sub).as_diagonal(),
            diag_mut(&mut s),
            None,
            par,
            stack,
            Default::default(),
        )
    })
    .map_err(|_| LinalgError::NoConvergence { func: "eig" })?;
    Ok(s)
}

/// U := Q*U, where Q is the product of the reduction's reflectors (stored
/// below the subdiagonal of `trid`, their block factors in `reflectors`).
/// The columns of U are independent: on two threads each takes half of
/// them, one thread each (faer's own parallel products left the second
/// thread idle at n = 300).
fn back_transform(trid: &RMat, reflectors: &RMat, u: &mut RMat, par: Par) {
    let n = trid.nrows();
    let essentials = faer_ref(trid).submatrix(1, 0, n - 1, n - 1);
    let factors = faer_ref(reflectors);
    let apply =
        |cols: faer::MatMut<'_, f64>, par: Par| {
            let req = householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<
                f64,
            >(n - 1, factors.nrows(), cols.ncols());
            with_stack(req, |stack| {
                householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
                    essentials,
                    factors,
                    faer::Conj::No,
                    cols,
                    par,
                    stack,
                )
            });
        };
    let rows = faer_mut(u).subrows_mut(1, n - 1);
    if par.degree() < 2 {
        apply(rows, par);
        return;
    }
    let (left, right) = rows.split_at_col_mut(n / 2);
    rayon::join(|| apply(left, Par::Seq), || apply(right, Par::Seq));
}
