//! Singular value decomposition (A = U S V') with the sign rule. Real
//! matrices with vectors, not far from square, go through faer's
//! bidiagonalisation, our bidiagonal divide and conquer (`bidiag_dc`) and
//! faer's back-transformation; the rest through faer's whole SVD.

use super::*;

/// Below this order the bidiagonal problem is faer's whole SVD.
const DC_MIN: usize = 32;
/// Above this aspect ratio faer takes a QR factorisation first (its
/// `qr_ratio_threshold`), which the bidiagonal path does not do.
const DC_MAX_RATIO: f64 = 11.0 / 6.0;

/// Raw SVD, real or complex: singular values (descending, stored as `T`)
/// and U, V as requested (0-column matrices when `kind` is `No`). Input
/// near the ends of the double range is scaled to about 1 first.
pub(super) fn faer_svd<T: Field>(
    func: &'static str,
    a: &DMatrix<T>,
    kind: ComputeSvdVectors,
) -> Result<(Vec<T>, DMatrix<T>, DMatrix<T>)> {
    let scale = range_scale(a);
    let (mut s, u, v) = svd_in_range(func, &scaled(a, scale), kind)?;
    if let Some(f) = scale {
        s.iter_mut()
            .for_each(|x| *x = nalgebra::ComplexField::scale(*x, 1.0 / f));
    }
    Ok((s, u, v))
}

/// [`faer_svd`] of input whose entries are within range.
fn svd_in_range<T: Field>(
    func: &'static str,
    a: &DMatrix<T>,
    kind: ComputeSvdVectors,
) -> Result<(Vec<T>, DMatrix<T>, DMatrix<T>)> {
    if let Some(out) = T::own_svd(func, a, kind)? {
        return Ok(out);
    }
    let (m, n) = a.shape();
    let k = m.min(n);
    let (ucols, vcols) = match kind {
        ComputeSvdVectors::No => (0, 0),
        ComputeSvdVectors::Thin => (k, k),
        ComputeSvdVectors::Full => (m, n),
    };
    if k == 0 {
        return Ok((
            Vec::new(),
            DMatrix::identity(m, ucols),
            DMatrix::identity(n, vcols),
        ));
    }
    let mut s = vec![T::zero(); k];
    let mut u = DMatrix::zeros(m, ucols);
    let mut v = DMatrix::zeros(n, vcols);
    let want = kind != ComputeSvdVectors::No;
    let (sd, uv, vv) = (diag_mut(&mut s), faer_mut(&mut u), faer_mut(&mut v));
    run_kernel(Kernel::Svd, m.max(n), |par| {
        let req = fsvd::svd_scratch::<T>(m, n, kind, kind, par, Default::default());
        with_stack(req, |stack| {
            fsvd::svd(
                faer_ref(a),
                sd,
                want.then_some(uv),
                want.then_some(vv),
                par,
                stack,
                Default::default(),
            )
        })
    })
    .map_err(|_| LinalgError::NoConvergence { func })?;
    Ok((s, u, v))
}

/// The real SVD with vectors by bidiagonalisation and divide and
/// conquer, or `None` where faer's whole SVD serves (no vectors, small,
/// or far from square). A wide matrix is solved as its transpose.
pub(super) fn bidiagonal_path(
    func: &'static str,
    a: &RMat,
    kind: ComputeSvdVectors,
) -> Result<Option<(Vec<f64>, RMat, RMat)>> {
    let (m, n) = a.shape();
    let (big, small) = (m.max(n), m.min(n));
    if kind == ComputeSvdVectors::No || small < DC_MIN || big as f64 > DC_MAX_RATIO * small as f64 {
        return Ok(None);
    }
    if m < n {
        let (s, v, u) = tall_svd(func, &a.transpose(), kind)?;
        return Ok(Some((s, u, v)));
    }
    tall_svd(func, a, kind).map(Some)
}

/// SVD of `a` with m >= n: A = Q B P' (faer's Householder bidiagonalisation),
/// B = U_B S V_B' (`bidiag_dc`), U = Q [U_B; 0] (or [U_B 0; 0 I] in full)
/// and V = P V_B by faer's block reflector application.
fn tall_svd(
    func: &'static str,
    a: &RMat,
    kind: ComputeSvdVectors,
) -> Result<(Vec<f64>, RMat, RMat)> {
    let (m, n) = a.shape();
    let ucols = if kind == ComputeSvdVectors::Full {
        m
    } else {
        n
    };
    let bs = fqr::recommended_block_size::<f64>(m, n);
    let mut bid = a.clone();
    let mut hl = RMat::zeros(bs, n);
    let mut hr = RMat::zeros(bs, n - 1);
    run_kernel(Kernel::Svd, m, |par| {
        let req = fsvd::bidiag::bidiag_in_place_scratch::<f64>(m, n, par, Default::default());
        with_stack(req, |stack| {
            fsvd::bidiag::bidiag_in_place(
                faer_mut(&mut bid),
                faer_mut(&mut hl),
                faer_mut(&mut hr),
                par,
                stack,
                Default::default(),
            )
        });
        let d: Vec<f64> = (0..n).map(|i| bid[(i, i)]).collect();
        let e: Vec<f64> = (1..n).map(|i| bid[(i - 1, i)]).collect();
        let (s, ub, vb) = bidiag_dc::bidiagonal_svd(&d, &e, par)
            .map_err(|_| LinalgError::NoConvergence { func })?;
        let mut u = RMat::zeros(m, ucols);
        u.view_mut((0, 0), (n, n)).copy_from(&ub);
        for i in n..ucols {
            u[(i, i)] = 1.0;
        }
        let apply = |essentials: faer::MatRef<'_, f64>,
                     factors: &RMat,
                     target: faer::MatMut<'_, f64>| {
            let req = householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<
                f64,
            >(essentials.nrows(), bs, target.ncols());
            with_stack(req, |stack| {
                householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
                    essentials,
                    faer_ref(factors),
                    faer::Conj::No,
                    target,
                    par,
                    stack,
                )
            });
        };
        apply(faer_ref(&bid), &hl, faer_mut(&mut u));
        // The right reflectors are stored along the rows right of the
        // diagonal; mirrored below it they read as columns.
        for j in 1..n {
            for i in 0..j {
                bid[(j, i)] = bid[(i, j)];
            }
        }
        let mut v = vb;
        let essentials = faer_ref(&bid).submatrix(1, 0, n - 1, n - 1);
        apply(essentials, &hr, faer_mut(&mut v).subrows_mut(1, n - 1));
        Ok((s, u, v))
    })
}

/// Singular values, descending. NaN/Inf input is an error.
pub fn svd_values(a: &RMat) -> Result<Vec<f64>> {
    singular_values("svd", a)
}

/// Singular values, with errors naming `func`.
pub(crate) fn singular_values(func: &'static str, a: &RMat) -> Result<Vec<f64>> {
    ensure_finite(func, a)?;
    Ok(faer_svd(func, a, ComputeSvdVectors::No)?.0)
}

/// `[U, S, V] = svd(A)` or `svd(A, "econ")`, A = U*S*V'.
/// Full: U m x m, S m x n, V n x n. Economy: U m x k, S k x k, V n x k.
/// Sign rule: each column of U has its largest-magnitude entry positive
/// (first on ties) and the paired column of V flips with it; columns of U or
/// V with no partner (beyond k = min(m, n)) get the same rule on their own.
pub fn svd(a: &RMat, econ: bool) -> Result<(RMat, RMat, RMat)> {
    let (s, u, v) = if econ {
        svd_thin("svd", a)?
    } else {
        svd_full("svd", a)?
    };
    let (rows, cols) = if econ { (s.len(), s.len()) } else { a.shape() };
    let mut smat = RMat::zeros(rows, cols);
    for (i, &x) in s.iter().enumerate() {
        smat[(i, i)] = x;
    }
    Ok((u, smat, v))
}

pub(super) fn fix_svd_signs(u: &mut RMat, v: &mut RMat, k: usize) {
    for j in 0..k {
        if make_dominant_positive(u, j) {
            v.column_mut(j).neg_mut();
        }
    }
    for j in k..u.ncols() {
        make_dominant_positive(u, j);
    }
    for j in k..v.ncols() {
        make_dominant_positive(v, j);
    }
}

/// Thin SVD with the sign rule applied: (s, U m x k, V n x k).
pub(crate) fn svd_thin(func: &'static str, a: &RMat) -> Result<(Vec<f64>, RMat, RMat)> {
    signed_svd(func, a, ComputeSvdVectors::Thin)
}

/// Full SVD with the sign rule applied: (s, U m x m, V n x n).
pub(crate) fn svd_full(func: &'static str, a: &RMat) -> Result<(Vec<f64>, RMat, RMat)> {
    signed_svd(func, a, ComputeSvdVectors::Full)
}

pub(super) fn signed_svd(
    func: &'static str,
    a: &RMat,
    kind: ComputeSvdVectors,
) -> Result<(Vec<f64>, RMat, RMat)> {
    ensure_finite(func, a)?;
    let (s, mut u, mut v) = faer_svd(func, a, kind)?;
    fix_svd_signs(&mut u, &mut v, s.len());
    Ok((s, u, v))
}

/// Complex singular values, descending. NaN/Inf input is an error.
pub fn svd_values_c(a: &CMat) -> Result<Vec<f64>> {
    ensure_finite("svd", a)?;
    let (s, _, _) = faer_svd("svd", a, ComputeSvdVectors::No)?;
    Ok(s.iter().map(|x| x.re).collect())
}

/// `[U, S, V] = svd(A)` for complex A: A = U*S*V' (V' the conjugate
/// transpose), shapes as [`svd`]. Phase rule, the complex form of the real
/// sign rule: each column of U has its largest-magnitude entry real and
/// positive, and the paired column of V turns by the same phase (which
/// leaves U*S*V' unchanged); unpaired columns follow the rule on their own.
pub fn svd_c(a: &CMat, econ: bool) -> Result<(CMat, RMat, CMat)> {
    ensure_finite("svd", a)?;
    let kind = if econ {
        ComputeSvdVectors::Thin
    } else {
        ComputeSvdVectors::Full
    };
    let (s, mut u, mut v) = faer_svd("svd", a, kind)?;
    let k = s.len();
    for j in 0..u.ncols() {
        if let Some(p) = dominant_phase(&u, j) {
            u.column_mut(j).iter_mut().for_each(|z| *z *= p);
            if j < k {
                v.column_mut(j).iter_mut().for_each(|z| *z *= p);
            }
        }
    }
    for j in k..v.ncols() {
        if let Some(p) = dominant_phase(&v, j) {
            v.column_mut(j).iter_mut().for_each(|z| *z *= p);
        }
    }
    let (rows, cols) = if econ { (k, k) } else { a.shape() };
    let mut smat = RMat::zeros(rows, cols);
    for (i, x) in s.iter().enumerate() {
        smat[(i, i)] = x.re;
    }
    Ok((u, smat, v))
}

/// The unit factor that makes column j's dominant entry real and positive.
fn dominant_phase(m: &CMat, j: usize) -> Option<C64> {
    let z = m[(
        crate::linalg::dominant_index(m.column(j).iter().map(|z| z.norm()))?,
        j,
    )];
    Some(z.conj() / z.norm())
}

/// Thin SVD without the sign rule, real or complex: (s, U, V) with
/// A = U*diag(s)*V', for callers whose result no sign choice can change.
pub(crate) fn svd_thin_unsigned<T: Field>(
    func: &'static str,
    a: &DMatrix<T>,
) -> Result<(Vec<f64>, DMatrix<T>, DMatrix<T>)> {
    ensure_finite(func, a)?;
    let (s, u, v) = faer_svd(func, a, ComputeSvdVectors::Thin)?;
    Ok((
        s.into_iter().map(nalgebra::ComplexField::real).collect(),
        u,
        v,
    ))
}
