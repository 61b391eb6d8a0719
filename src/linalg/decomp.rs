//! Matrix factorisations: LU, QR, Cholesky, SVD, eigendecompositions and the
//! matrix exponential. Heavy kernels run through faer on views of nalgebra's
//! column-major buffers.

use super::{
    ensure_finite, ensure_square, faer_mut, faer_ref, make_dominant_positive, par_for, with_stack,
    CMat, LinalgError, RMat, Result, C64,
};
use faer::linalg::cholesky::llt::factor::{self as llt, LltError, LltRegularization};
use faer::linalg::evd::{self, ComputeEigenvectors};
use faer::linalg::householder;
use faer::linalg::lu::partial_pivoting::factor as plu;
use faer::linalg::qr::no_pivoting::factor as fqr;
use faer::linalg::svd::{self as fsvd, ComputeSvdVectors};
use faer::linalg::triangular_solve as tri;
use nalgebra::DMatrix;

/// Below this many pivots the plain elimination loop beats faer's blocked LU.
const LU_BLOCKED_MIN: usize = 64;

/// faer diagonal view over a slice (eigenvalue / singular value output).
fn diag_mut<T>(s: &mut [T]) -> faer::diag::DiagMut<'_, T> {
    faer::ColMut::from_slice_mut(s).as_diagonal_mut()
}

// ---------------------------------------------------------------- LU

/// Packed LU factors of an m x n matrix with partial pivoting: row `i` of
/// P*A is row `perm[i]` of A, L is unit lower (strictly below the diagonal
/// of `lu`) and U is upper (on and above it).
#[derive(Debug, Clone)]
pub(crate) struct LuFactors {
    pub lu: RMat,
    pub perm: Vec<usize>,
    /// Number of row interchanges (parity gives the sign of det P).
    pub swaps: usize,
}

/// LU with partial pivoting. A column with no nonzero candidate pivot is
/// skipped (as LAPACK's dgetrf does), leaving a zero on U's diagonal.
pub(crate) fn lu_factor(a: &RMat) -> LuFactors {
    if a.nrows().min(a.ncols()) >= LU_BLOCKED_MIN {
        if let Some(f) = lu_blocked(a) {
            return f;
        }
    }
    lu_unblocked(a)
}

/// faer's blocked LU. It divides by an exactly zero pivot (0 * inf = NaN)
/// where LAPACK would skip the column, so NaNs appearing from finite input
/// mean "exactly singular": return `None` and let the caller use the
/// careful loop.
fn lu_blocked(a: &RMat) -> Option<LuFactors> {
    let (m, n) = a.shape();
    let mut lu = a.clone();
    let mut perm = vec![0usize; m];
    let mut perm_inv = vec![0usize; m];
    let par = par_for(m.max(n));
    let req = plu::lu_in_place_scratch::<usize, f64>(m, n, par, Default::default());
    let info = with_stack(req, |stack| {
        let view = faer_mut(&mut lu);
        plu::lu_in_place(
            view,
            &mut perm,
            &mut perm_inv,
            par,
            stack,
            Default::default(),
        )
        .0
    });
    let input_finite = a.iter().all(|x| x.is_finite());
    if input_finite && !lu.iter().all(|x| x.is_finite()) {
        return None;
    }
    Some(LuFactors {
        lu,
        perm,
        swaps: info.transposition_count,
    })
}

fn lu_unblocked(a: &RMat) -> LuFactors {
    let (m, n) = a.shape();
    let mut lu = a.clone();
    let mut perm: Vec<usize> = (0..m).collect();
    let mut swaps = 0;
    for j in 0..m.min(n) {
        let (p, max) = (j..m).fold((j, 0.0_f64), |(bp, bm), i| {
            let v = lu[(i, j)].abs();
            if v > bm {
                (i, v)
            } else {
                (bp, bm)
            }
        });
        if max == 0.0 {
            continue;
        }
        if p != j {
            lu.swap_rows(p, j);
            perm.swap(p, j);
            swaps += 1;
        }
        let pivot = lu[(j, j)];
        for i in j + 1..m {
            lu[(i, j)] /= pivot;
        }
        for c in j + 1..n {
            let u = lu[(j, c)];
            if u != 0.0 {
                for i in j + 1..m {
                    lu[(i, c)] -= lu[(i, j)] * u;
                }
            }
        }
    }
    LuFactors { lu, perm, swaps }
}

impl LuFactors {
    fn k(&self) -> usize {
        self.lu.nrows().min(self.lu.ncols())
    }

    /// Unit lower-trapezoidal factor, m x min(m, n).
    pub fn l(&self) -> RMat {
        let (m, k) = (self.lu.nrows(), self.k());
        RMat::from_fn(m, k, |i, j| match i.cmp(&j) {
            std::cmp::Ordering::Greater => self.lu[(i, j)],
            std::cmp::Ordering::Equal => 1.0,
            std::cmp::Ordering::Less => 0.0,
        })
    }

    /// Upper-trapezoidal factor, min(m, n) x n.
    pub fn u(&self) -> RMat {
        RMat::from_fn(self.k(), self.lu.ncols(), |i, j| {
            if i <= j {
                self.lu[(i, j)]
            } else {
                0.0
            }
        })
    }

    /// Permutation matrix P with P*A = L*U.
    pub fn p(&self) -> RMat {
        let m = self.perm.len();
        let mut p = RMat::zeros(m, m);
        for (i, &src) in self.perm.iter().enumerate() {
            p[(i, src)] = 1.0;
        }
        p
    }

    /// True when U has an exactly zero diagonal entry.
    pub fn has_zero_pivot(&self) -> bool {
        (0..self.k()).any(|i| self.lu[(i, i)] == 0.0)
    }

    /// Determinant of the (square) factored matrix. The running product is
    /// kept in mantissa/exponent form so intermediate products cannot
    /// overflow or underflow when the final value is representable.
    pub fn det(&self) -> f64 {
        const CHUNK: i32 = 512;
        let big = 2f64.powi(CHUNK);
        let mut mant = if self.swaps.is_multiple_of(2) {
            1.0
        } else {
            -1.0
        };
        let mut exp = 0i32;
        for i in 0..self.k() {
            mant *= self.lu[(i, i)];
            if mant == 0.0 || !mant.is_finite() {
                return mant;
            }
            while mant.abs() > big {
                mant /= big;
                exp += 1;
            }
            while mant.abs() < 1.0 / big {
                mant *= big;
                exp -= 1;
            }
        }
        (0..exp.abs()).fold(mant, |acc, _| if exp > 0 { acc * big } else { acc / big })
    }

    /// Solves A*X = B for the square factored A (no singularity check).
    pub fn solve(&self, b: &RMat) -> RMat {
        let mut x = RMat::from_fn(b.nrows(), b.ncols(), |i, j| b[(self.perm[i], j)]);
        let par = par_for(self.lu.nrows());
        let lu = faer_ref(&self.lu);
        tri::solve_unit_lower_triangular_in_place(lu, faer_mut(&mut x), par);
        tri::solve_upper_triangular_in_place(lu, faer_mut(&mut x), par);
        x
    }

    /// Solves A'*X = B for the square factored A: A' = U' L' P.
    pub fn solve_transpose(&self, b: &RMat) -> RMat {
        let mut y = b.clone();
        let par = par_for(self.lu.nrows());
        let lut = faer_ref(&self.lu).transpose();
        tri::solve_lower_triangular_in_place(lut, faer_mut(&mut y), par);
        tri::solve_unit_upper_triangular_in_place(lut, faer_mut(&mut y), par);
        let mut x = RMat::zeros(b.nrows(), b.ncols());
        for (i, &src) in self.perm.iter().enumerate() {
            x.set_row(src, &y.row(i));
        }
        x
    }
}

/// `[L, U, P] = lu(A)` for any shape: P*A = L*U with L m x k unit lower,
/// U k x n upper, P m x m, k = min(m, n). Exactly singular input is fine
/// (zero pivots stay on U's diagonal); NaN simply propagates.
pub fn lu(a: &RMat) -> (RMat, RMat, RMat) {
    let f = lu_factor(a);
    (f.l(), f.u(), f.p())
}

// ---------------------------------------------------------------- QR

/// `[Q, R] = qr(A)` (Householder, LAPACK sign convention: R's diagonal may
/// be negative). Full: Q m x m, R m x n. Economy: Q m x k, R k x n.
pub fn qr(a: &RMat, econ: bool) -> (RMat, RMat) {
    let (m, n) = a.shape();
    let k = m.min(n);
    let rows = if econ { k } else { m };
    if k == 0 {
        return (RMat::identity(m, rows), RMat::zeros(rows, n));
    }
    let mut h = a.clone();
    let bs = fqr::recommended_block_size::<f64>(m, n);
    let mut coeff = RMat::zeros(bs, k);
    let par = par_for(m.max(n));
    let req = fqr::qr_in_place_scratch::<f64>(m, n, bs, par, Default::default());
    with_stack(req, |stack| {
        fqr::qr_in_place(
            faer_mut(&mut h),
            faer_mut(&mut coeff),
            par,
            stack,
            Default::default(),
        )
    });
    let r = RMat::from_fn(rows, n, |i, j| if i <= j { h[(i, j)] } else { 0.0 });
    // The Householder vectors live below the diagonal; give them their
    // implicit unit diagonal explicitly so the applier sees a clean basis.
    let basis = RMat::from_fn(m, k, |i, j| match i.cmp(&j) {
        std::cmp::Ordering::Greater => h[(i, j)],
        std::cmp::Ordering::Equal => 1.0,
        std::cmp::Ordering::Less => 0.0,
    });
    let mut q = RMat::identity(m, rows);
    let req = householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<f64>(
        m, bs, rows,
    );
    with_stack(req, |stack| {
        householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
            faer_ref(&basis),
            faer_ref(&coeff),
            faer::Conj::No,
            faer_mut(&mut q),
            par,
            stack,
        )
    });
    (q, r)
}

// ---------------------------------------------------------------- Cholesky

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

// ---------------------------------------------------------------- SVD

/// Raw faer SVD: singular values (descending) and U, V as requested
/// (0-column matrices when `kind` is `No`).
fn faer_svd(
    func: &'static str,
    a: &RMat,
    kind: ComputeSvdVectors,
) -> Result<(Vec<f64>, RMat, RMat)> {
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
            RMat::identity(m, ucols),
            RMat::identity(n, vcols),
        ));
    }
    let mut s = vec![0.0; k];
    let mut u = RMat::zeros(m, ucols);
    let mut v = RMat::zeros(n, vcols);
    let want = kind != ComputeSvdVectors::No;
    let par = par_for(m.max(n));
    let req = fsvd::svd_scratch::<f64>(m, n, kind, kind, par, Default::default());
    with_stack(req, |stack| {
        fsvd::svd(
            faer_ref(a),
            diag_mut(&mut s),
            want.then(|| faer_mut(&mut u)),
            want.then(|| faer_mut(&mut v)),
            par,
            stack,
            Default::default(),
        )
    })
    .map_err(|_| LinalgError::NoConvergence { func })?;
    Ok((s, u, v))
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

fn fix_svd_signs(u: &mut RMat, v: &mut RMat, k: usize) {
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

fn signed_svd(
    func: &'static str,
    a: &RMat,
    kind: ComputeSvdVectors,
) -> Result<(Vec<f64>, RMat, RMat)> {
    ensure_finite(func, a)?;
    let (s, mut u, mut v) = faer_svd(func, a, kind)?;
    fix_svd_signs(&mut u, &mut v, s.len());
    Ok((s, u, v))
}

/// Complex thin SVD (no sign rule): (s, U, V) with A = U*diag(s)*V'.
pub(crate) fn svd_thin_c(func: &'static str, a: &CMat) -> Result<(Vec<f64>, CMat, CMat)> {
    ensure_finite(func, a)?;
    let (m, n) = a.shape();
    let k = m.min(n);
    if k == 0 {
        return Ok((Vec::new(), CMat::zeros(m, 0), CMat::zeros(n, 0)));
    }
    let mut s = vec![C64::new(0.0, 0.0); k];
    let mut u = CMat::zeros(m, k);
    let mut v = CMat::zeros(n, k);
    let par = par_for(m.max(n));
    let thin = ComputeSvdVectors::Thin;
    let req = fsvd::svd_scratch::<C64>(m, n, thin, thin, par, Default::default());
    with_stack(req, |stack| {
        fsvd::svd(
            faer_ref(a),
            diag_mut(&mut s),
            Some(faer_mut(&mut u)),
            Some(faer_mut(&mut v)),
            par,
            stack,
            Default::default(),
        )
    })
    .map_err(|_| LinalgError::NoConvergence { func })?;
    Ok((s.iter().map(|x| x.re).collect(), u, v))
}

// ---------------------------------------------------------------- eigen

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
fn faer_self_adjoint<T>(a: &DMatrix<T>, vectors: bool) -> Result<(DMatrix<T>, DMatrix<T>)>
where
    T: faer::traits::ComplexField + nalgebra::ComplexField,
{
    let n = a.nrows();
    let mut s = DMatrix::<T>::zeros(n, 1);
    let mut u = DMatrix::<T>::zeros(n, if vectors { n } else { 0 });
    if n == 0 {
        return Ok((s, u));
    }
    let par = par_for(n);
    let want = if vectors {
        ComputeEigenvectors::Yes
    } else {
        ComputeEigenvectors::No
    };
    let req = evd::self_adjoint_evd_scratch::<T>(n, want, par, Default::default());
    with_stack(req, |stack| {
        evd::self_adjoint_evd(
            faer_ref(a),
            diag_mut(s.as_mut_slice()),
            vectors.then(|| faer_mut(&mut u)),
            par,
            stack,
            Default::default(),
        )
    })
    .map_err(|_| LinalgError::NoConvergence { func: "eig" })?;
    Ok((s, u))
}

/// Eigenvalues of a real symmetric matrix (only the lower triangle is
/// read), descending.
pub(crate) fn eig_sym_values(a: &RMat) -> Result<Vec<f64>> {
    ensure_square("eig", a)?;
    ensure_finite("eig", a)?;
    let (s, _) = faer_self_adjoint(a, false)?;
    Ok(s.iter().rev().copied().collect())
}

/// Symmetric eigendecomposition A = V*D*V' (A is assumed symmetric; only
/// its lower triangle is read). Eigenvalues descending, V orthonormal, each
/// column's largest-magnitude entry positive.
pub fn eig_sym(a: &RMat) -> Result<(Vec<f64>, RMat)> {
    ensure_square("eig", a)?;
    ensure_finite("eig", a)?;
    let (s, u) = faer_self_adjoint(a, true)?;
    let n = a.nrows();
    // faer returns ascending order; reverse to descending.
    let mut v = RMat::from_fn(n, n, |i, j| u[(i, n - 1 - j)]);
    for j in 0..n {
        make_dominant_positive(&mut v, j);
    }
    Ok((s.iter().rev().copied().collect(), v))
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
    if a == &a.transpose() {
        let (d, v) = eig_sym(a)?;
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

fn faer_evd_real(a: &RMat) -> Result<(Vec<f64>, Vec<f64>, RMat)> {
    let n = a.nrows();
    let mut re = vec![0.0; n];
    let mut im = vec![0.0; n];
    let mut u = RMat::zeros(n, n);
    if n == 0 {
        return Ok((re, im, u));
    }
    let par = par_for(n);
    let (no, yes) = (ComputeEigenvectors::No, ComputeEigenvectors::Yes);
    let req = evd::evd_scratch::<f64>(n, no, yes, par, Default::default());
    with_stack(req, |stack| {
        evd::evd_real(
            faer_ref(a),
            diag_mut(&mut re),
            diag_mut(&mut im),
            None,
            Some(faer_mut(&mut u)),
            par,
            stack,
            Default::default(),
        )
    })
    .map_err(|_| LinalgError::NoConvergence { func: "eig" })?;
    Ok((re, im, u))
}

/// faer stores a conjugate pair's eigenvectors as two real columns
/// (re, im) at j, j+1; expand them into complex columns.
fn pair_real_schur_vectors(re: &[f64], im: &[f64], u: &RMat) -> (Vec<C64>, CMat) {
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
fn finish_eig((vals, mut vecs): (Vec<C64>, CMat)) -> (Vec<C64>, CMat) {
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
fn normalize_phase(v: &mut CMat, j: usize) {
    let norm = v.column(j).norm();
    if norm == 0.0 {
        return;
    }
    let mags: Vec<f64> = v.column(j).iter().map(|z| z.norm()).collect();
    if let Some(i) = super::dominant_index(&mags) {
        let z = v[(i, j)];
        let phase = z.conj() / z.norm();
        let factor = phase / norm;
        v.column_mut(j).iter_mut().for_each(|x| *x *= factor);
        // Make the dominant entry exactly real (the product leaves ~eps in im).
        v[(i, j)] = C64::new(v[(i, j)].norm(), 0.0);
    }
}

fn is_hermitian(a: &CMat) -> bool {
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
    let par = par_for(n);
    let (no, yes) = (ComputeEigenvectors::No, ComputeEigenvectors::Yes);
    let req = evd::evd_scratch::<C64>(n, no, yes, par, Default::default());
    with_stack(req, |stack| {
        evd::evd_cplx(
            faer_ref(a),
            diag_mut(&mut s),
            None,
            Some(faer_mut(&mut u)),
            par,
            stack,
            Default::default(),
        )
    })
    .map_err(|_| LinalgError::NoConvergence { func: "eig" })?;
    Ok(finish_eig((s, u)))
}

// ---------------------------------------------------------------- expm

/// Padé(13) coefficients and the 1-norm bound below which it is accurate to
/// double precision (Higham 2005, "The scaling and squaring method for the
/// matrix exponential revisited").
const PADE13: [f64; 14] = [
    64764752532480000.0,
    32382376266240000.0,
    7771770303897600.0,
    1187353796428800.0,
    129060195264000.0,
    10559470521600.0,
    670442572800.0,
    33522128640.0,
    1323241920.0,
    40840800.0,
    960960.0,
    16380.0,
    182.0,
    1.0,
];
const THETA13: f64 = 5.371920351148152;

/// Matrix exponential by scaling and squaring with a degree-13 Padé
/// approximant. NaN/Inf input is an error.
pub fn expm(a: &RMat) -> Result<RMat> {
    ensure_square("expm", a)?;
    ensure_finite("expm", a)?;
    let n = a.nrows();
    let norm1 = (0..n)
        .map(|j| a.column(j).iter().map(|x| x.abs()).sum::<f64>())
        .fold(0.0, f64::max);
    let s = if norm1 > THETA13 {
        (norm1 / THETA13).log2().ceil() as i32
    } else {
        0
    };
    let a = a / 2f64.powi(s);
    let mut r = pade13(&a);
    for _ in 0..s {
        r = &r * &r;
    }
    Ok(r)
}

fn pade13(a: &RMat) -> RMat {
    let b = &PADE13;
    let id = RMat::identity(a.nrows(), a.ncols());
    let a2 = a * a;
    let a4 = &a2 * &a2;
    let a6 = &a4 * &a2;
    let u_inner = &a6 * (&a6 * b[13] + &a4 * b[11] + &a2 * b[9]);
    let u = a * (u_inner + &a6 * b[7] + &a4 * b[5] + &a2 * b[3] + &id * b[1]);
    let v_inner = &a6 * (&a6 * b[12] + &a4 * b[10] + &a2 * b[8]);
    let v = v_inner + &a6 * b[6] + &a4 * b[4] + &a2 * b[2] + &id * b[0];
    // (V - U) is well conditioned for ||A||_1 <= theta13, so plain LU is fine.
    lu_factor(&(&v - &u)).solve(&(&v + &u))
}

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
        if let Some(i) = crate::linalg::dominant_index(&mags) {
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
            let i = crate::linalg::dominant_index(&mags).expect("nonzero eigenvector");
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
