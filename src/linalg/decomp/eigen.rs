//! Eigenvalues and eigenvectors: symmetric, general real and complex input, with the ordering and sign conventions.

use super::symeig::sym_evd;
use super::*;

/// Result of `eig` on a real matrix: real spectrum with real vectors, or a
/// complex spectrum with complex vectors.
#[derive(Debug, Clone, PartialEq)]
pub enum Eig {
    Real(Vec<f64>, RMat),
    Complex(Vec<C64>, CMat),
}

/// faer's self-adjoint solver (reads the lower triangle). Returns the
/// eigenvalues ascending (as stored in `T`, imaginary parts zero) and the
/// eigenvectors when asked for.
pub(super) fn faer_self_adjoint<T>(
    a: &DMatrix<T>,
    vectors: bool,
) -> Result<(DMatrix<T>, DMatrix<T>)>
where
    T: faer::traits::ComplexField + nalgebra::ComplexField,
{
    let n = a.nrows();
    let mut s = DMatrix::<T>::zeros(n, 1);
    let mut u = DMatrix::<T>::zeros(n, if vectors { n } else { 0 });
    if n == 0 {
        return Ok((s, u));
    }
    let want = if vectors {
        ComputeEigenvectors::Yes
    } else {
        ComputeEigenvectors::No
    };
    let (sd, uv) = (diag_mut(s.as_mut_slice()), faer_mut(&mut u));
    run_kernel(Kernel::EigSym, n, |par| {
        let req = evd::self_adjoint_evd_scratch::<T>(n, want, par, Default::default());
        with_stack(req, |stack| {
            evd::self_adjoint_evd(
                faer_ref(a),
                sd,
                vectors.then_some(uv),
                par,
                stack,
                Default::default(),
            )
        })
    })
    .map_err(|_| LinalgError::NoConvergence { func: "eig" })?;
    Ok((s, u))
}

/// Eigenvalues of a real symmetric matrix (only the lower triangle is
/// read), descending.
pub(crate) fn eig_sym_values(a: &RMat) -> Result<Vec<f64>> {
    ensure_square("eig", a)?;
    ensure_finite("eig", a)?;
    let (s, _) = sym_evd(a, false)?;
    Ok(s.into_iter().rev().collect())
}

/// Symmetric eigendecomposition A = V*D*V' (A is assumed symmetric; only
/// its lower triangle is read). Eigenvalues descending, V orthonormal, each
/// column's largest-magnitude entry positive.
pub fn eig_sym(a: &RMat) -> Result<(Vec<f64>, RMat)> {
    ensure_square("eig", a)?;
    ensure_finite("eig", a)?;
    eig_sym_checked(a)
}

/// [`eig_sym`] of a matrix already checked square and finite.
fn eig_sym_checked(a: &RMat) -> Result<(Vec<f64>, RMat)> {
    let (s, u) = sym_evd(a, true)?;
    let n = a.nrows();
    // faer returns ascending order: one pass writes the columns in reverse
    // with the sign rule applied (rather than swapping them in place, then
    // negating some), reading each column as a plain slice.
    let mut v = Vec::with_capacity(n * n);
    for col in u.as_slice().chunks(n.max(1)).rev() {
        if dominant_is_negative(col) {
            v.extend(col.iter().map(|x| -x));
        } else {
            v.extend_from_slice(col);
        }
    }
    Ok((s.into_iter().rev().collect(), RMat::from_vec(n, n, v)))
}
/// Eigenvalues and right eigenvectors of a real matrix, A*V = V*D.
/// Exactly symmetric input goes to [`eig_sym`]. Otherwise, if every
/// eigenvalue comes back with an exactly zero imaginary part the result is
/// `Eig::Real`, else `Eig::Complex`. Conventions: eigenvalues sorted by real
/// part descending, then imaginary part descending; each eigenvector has
/// unit 2-norm and its largest-magnitude entry real and positive.
pub fn eig(a: &RMat) -> Result<Eig> {
    ensure_square("eig", a)?;
    ensure_finite("eig", a)?;
    if is_symmetric(a) {
        let (d, v) = eig_sym_checked(a)?;
        return Ok(Eig::Real(d, v));
    }
    let (re, im, u) = faer_evd_real(a)?;
    let real = im.iter().all(|&x| x == 0.0);
    let (vals, vecs) = finish_eig(pair_real_schur_vectors(&re, &im, &u));
    if real {
        let d = vals.iter().map(|z| z.re).collect();
        Ok(Eig::Real(d, vecs.map(|z| z.re)))
    } else {
        Ok(Eig::Complex(vals, vecs))
    }
}

/// Eigenvalues only, in the same order as [`eig`].
pub fn eig_values(a: &RMat) -> Result<Vec<C64>> {
    Ok(match eig(a)? {
        Eig::Real(d, _) => d.into_iter().map(|x| C64::new(x, 0.0)).collect(),
        Eig::Complex(d, _) => d,
    })
}

pub(super) fn faer_evd_real(a: &RMat) -> Result<(Vec<f64>, Vec<f64>, RMat)> {
    let n = a.nrows();
    let mut re = vec![0.0; n];
    let mut im = vec![0.0; n];
    let mut u = RMat::zeros(n, n);
    if n == 0 {
        return Ok((re, im, u));
    }
    let (rd, id, uv) = (diag_mut(&mut re), diag_mut(&mut im), faer_mut(&mut u));
    general_evd::<f64>(n, |par, stack| {
        let ra = faer_ref(a);
        evd::evd_real(ra, rd, id, None, Some(uv), par, stack, Default::default())
    })?;
    Ok((re, im, u))
}

/// faer stores a conjugate pair's eigenvectors as two real columns
/// (re, im) at j, j+1; expand them into complex columns.
pub(super) fn pair_real_schur_vectors(re: &[f64], im: &[f64], u: &RMat) -> (Vec<C64>, CMat) {
    let n = re.len();
    let mut vals = Vec::with_capacity(n);
    let mut vecs = CMat::zeros(n, n);
    let mut j = 0;
    while j < n {
        if im[j] == 0.0 {
            vals.push(C64::new(re[j], 0.0));
            vecs.set_column(j, &u.column(j).map(|x| C64::new(x, 0.0)));
            j += 1;
        } else {
            assert!(
                j + 1 < n,
                "complex eigenvalues come in adjacent conjugate pairs"
            );
            vals.push(C64::new(re[j], im[j]));
            vals.push(C64::new(re[j], -im[j]));
            for i in 0..n {
                vecs[(i, j)] = C64::new(u[(i, j)], u[(i, j + 1)]);
                vecs[(i, j + 1)] = C64::new(u[(i, j)], -u[(i, j + 1)]);
            }
            j += 2;
        }
    }
    (vals, vecs)
}

/// Applies the eigenvector normalisation and the eigenvalue ordering.
pub(super) fn finish_eig((vals, mut vecs): (Vec<C64>, CMat)) -> (Vec<C64>, CMat) {
    for j in 0..vecs.ncols() {
        normalize_phase(&mut vecs, j);
    }
    let mut order: Vec<usize> = (0..vals.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (vals[i], vals[j]);
        b.re.total_cmp(&a.re).then(b.im.total_cmp(&a.im))
    });
    let sorted_vals = order.iter().map(|&i| vals[i]).collect();
    let sorted_vecs = CMat::from_fn(vecs.nrows(), vecs.ncols(), |i, j| vecs[(i, order[j])]);
    (sorted_vals, sorted_vecs)
}

/// Scales column j to unit 2-norm, then rotates it so its largest-magnitude
/// entry is real and positive.
pub(super) fn normalize_phase(v: &mut CMat, j: usize) {
    let norm = v.column(j).norm();
    if norm == 0.0 {
        return;
    }
    if let Some(i) = crate::linalg::dominant_index(v.column(j).iter().map(|z| z.norm())) {
        let z = v[(i, j)];
        let phase = z.conj() / z.norm();
        let factor = phase / norm;
        v.column_mut(j).iter_mut().for_each(|x| *x *= factor);
        // Make the dominant entry exactly real (the product leaves ~eps in im).
        v[(i, j)] = C64::new(v[(i, j)].norm(), 0.0);
    }
}

/// Exact symmetry, checked in place (no transposed copy) tile by tile, so
/// the row-wise reads of a tile stay in cache while its columns are read.
pub(super) fn is_symmetric(a: &RMat) -> bool {
    const TILE: usize = 32;
    let n = a.nrows();
    (0..n).step_by(TILE).all(|jb| {
        (jb..n).step_by(TILE).all(|ib| {
            (jb..n.min(jb + TILE))
                .all(|j| (ib.max(j + 1)..n.min(ib + TILE)).all(|i| a[(i, j)] == a[(j, i)]))
        })
    })
}

pub(super) fn is_hermitian(a: &CMat) -> bool {
    let n = a.nrows();
    (0..n).all(|j| (j..n).all(|i| a[(i, j)] == a[(j, i)].conj()))
}

/// Eigendecomposition of a complex matrix, A*V = V*D, with the conventions
/// of [`eig`]. Exactly Hermitian input uses the self-adjoint solver, so its
/// eigenvalues are exactly real.
pub fn eig_complex(a: &CMat) -> Result<(Vec<C64>, CMat)> {
    ensure_square("eig", a)?;
    ensure_finite("eig", a)?;
    if is_hermitian(a) {
        let (s, u) = faer_self_adjoint(a, true)?;
        let vals = s.iter().map(|z| C64::new(z.re, 0.0)).collect();
        return Ok(finish_eig((vals, u)));
    }
    let n = a.nrows();
    let mut s = vec![C64::new(0.0, 0.0); n];
    let mut u = CMat::zeros(n, n);
    let (sd, uv) = (diag_mut(&mut s), faer_mut(&mut u));
    general_evd::<C64>(n, |par, stack| {
        let ra = faer_ref(a);
        evd::evd_cplx(ra, sd, None, Some(uv), par, stack, Default::default())
    })?;
    Ok(finish_eig((s, u)))
}

/// Runs one of faer's general eigensolvers (right eigenvectors only) with
/// its scratch space and the parallelism the size calls for.
fn general_evd<T: Field>(
    n: usize,
    solve: impl FnOnce(Par, &mut faer::dyn_stack::MemStack) -> std::result::Result<(), evd::EvdError>
        + Send,
) -> Result<()> {
    let (no, yes) = (ComputeEigenvectors::No, ComputeEigenvectors::Yes);
    run_kernel(Kernel::EigGeneral, n, |par| {
        let req = evd::evd_scratch::<T>(n, no, yes, par, Default::default());
        with_stack(req, |stack| solve(par, stack))
    })
    .map_err(|_| LinalgError::NoConvergence { func: "eig" })
}
