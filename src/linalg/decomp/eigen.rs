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
    let scale = range_scale(a);
    let (mut re, mut im, u) = faer_evd_real(&scaled(a, scale))?;
    if let Some(f) = scale {
        re.iter_mut().chain(&mut im).for_each(|x| *x /= f);
    }
    Ok(sorted_unit_vectors(&re, &im, &u))
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

/// The ordering and normalisation of [`eig`] applied to faer's real
/// output: a real eigenvalue's vector is column j of `u`; a conjugate pair
/// (im[j] != 0, im[j+1] = -im[j]) has u[:, j] + i u[:, j+1] for the first
/// and its conjugate for the second. Each output column is written once,
/// in its final place, straight from `u` (real output never goes through
/// complex numbers).
fn sorted_unit_vectors(re: &[f64], im: &[f64], u: &RMat) -> Eig {
    let n = re.len();
    let mut sources = Vec::with_capacity(n);
    let mut j = 0;
    while j < n {
        if im[j] == 0.0 {
            sources.push((C64::new(re[j], 0.0), j, None));
            j += 1;
        } else {
            assert!(
                j + 1 < n,
                "complex eigenvalues come in adjacent conjugate pairs"
            );
            sources.push((C64::new(re[j], im[j]), j, Some(1.0)));
            sources.push((C64::new(re[j], -im[j]), j, Some(-1.0)));
            j += 2;
        }
    }
    sources.sort_by(|a, b| descending(a.0, b.0));
    let col = |j: usize| &u.as_slice()[j * n..(j + 1) * n];
    let vals = sources.iter().map(|s| s.0);
    if im.iter().all(|&x| x == 0.0) {
        let mut v = Vec::with_capacity(n * n);
        for &(_, j, _) in &sources {
            let start = v.len();
            v.extend_from_slice(col(j));
            unit_phase(&mut v[start..]);
        }
        return Eig::Real(vals.map(|z| z.re).collect(), RMat::from_vec(n, n, v));
    }
    let mut v = Vec::with_capacity(n * n);
    for &(_, j, pair) in &sources {
        let start = v.len();
        match pair {
            None => v.extend(col(j).iter().map(|&x| C64::new(x, 0.0))),
            Some(s) => v.extend(
                col(j)
                    .iter()
                    .zip(col(j + 1))
                    .map(|(&x, &y)| C64::new(x, s * y)),
            ),
        }
        unit_phase(&mut v[start..]);
    }
    Eig::Complex(vals.collect(), CMat::from_vec(n, n, v))
}

/// The eigenvalue order: real part descending, then imaginary part
/// descending.
fn descending(a: C64, b: C64) -> std::cmp::Ordering {
    b.re.total_cmp(&a.re).then(b.im.total_cmp(&a.im))
}

/// Applies the eigenvector normalisation and the eigenvalue ordering.
fn finish_eig((vals, vecs): (Vec<C64>, CMat)) -> (Vec<C64>, CMat) {
    let n = vecs.nrows();
    let mut order: Vec<usize> = (0..vals.len()).collect();
    order.sort_by(|&i, &j| descending(vals[i], vals[j]));
    let mut v = Vec::with_capacity(n * vecs.ncols());
    for &j in &order {
        let start = v.len();
        v.extend_from_slice(&vecs.as_slice()[j * n..(j + 1) * n]);
        unit_phase(&mut v[start..]);
    }
    let sorted_vals = order.iter().map(|&i| vals[i]).collect();
    (sorted_vals, CMat::from_vec(n, vecs.ncols(), v))
}

/// An eigenvector entry, real or complex, as the normalisation sees it.
trait Entry:
    Copy + std::ops::MulAssign + std::ops::Mul<Output = Self> + std::ops::Div<f64, Output = Self>
{
    /// |x|^2.
    fn sq(self) -> f64;
    /// A bound within a factor sqrt(2) of |x| that cannot overflow.
    fn bound(self) -> f64;
    /// The unit factor making x real and positive (its sign or phase, conjugated).
    fn unphase(self) -> Self;
    /// |x| as an entry (real, non-negative).
    fn modulus(self) -> Self;
}

impl Entry for f64 {
    fn sq(self) -> f64 {
        self * self
    }
    fn bound(self) -> f64 {
        self.abs()
    }
    fn unphase(self) -> f64 {
        self.signum()
    }
    fn modulus(self) -> f64 {
        self.abs()
    }
}

impl Entry for C64 {
    fn sq(self) -> f64 {
        self.norm_sqr()
    }
    fn bound(self) -> f64 {
        self.re.abs().max(self.im.abs())
    }
    fn unphase(self) -> C64 {
        self.conj() / self.norm()
    }
    fn modulus(self) -> C64 {
        C64::new(self.norm(), 0.0)
    }
}

/// Scales a column to unit 2-norm, then turns it so its largest-magnitude
/// entry is real and positive (a zero column stays as it is). Magnitudes
/// are compared as sqrt(|x|^2), not `hypot` (which per entry was most of
/// this pass); the column is scaled first when the squares would over- or
/// underflow.
fn unit_phase<T: Entry>(col: &mut [T]) {
    let mut sum: f64 = col.iter().map(|x| x.sq()).sum();
    if !(sum.is_finite() && sum >= f64::MIN_POSITIVE / f64::EPSILON) {
        let scale = col.iter().map(|x| x.bound()).fold(0.0, f64::max);
        if scale == 0.0 || !scale.is_finite() {
            return;
        }
        col.iter_mut().for_each(|x| *x = *x / scale);
        sum = col.iter().map(|x| x.sq()).sum();
    }
    if let Some(i) = crate::linalg::dominant_index(col.iter().map(|x| x.sq().sqrt())) {
        let factor = col[i].unphase() / sum.sqrt();
        col.iter_mut().for_each(|x| *x *= factor);
        // Make the dominant entry exactly real (the product leaves ~eps in im).
        col[i] = col[i].modulus();
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
    let scale = range_scale(a);
    let a = scaled(a, scale);
    general_evd::<C64>(n, |par, stack| {
        let ra = faer_ref(&a);
        evd::evd_cplx(ra, sd, None, Some(uv), par, stack, Default::default())
    })?;
    if let Some(f) = scale {
        s.iter_mut().for_each(|x| *x /= f);
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::testutil::Rng;

    /// Both kinds of result as complex values and vectors.
    fn complex_eig(a: &RMat) -> (Vec<C64>, CMat) {
        match eig(a).expect("finite input") {
            Eig::Real(d, v) => (
                d.iter().map(|&x| C64::new(x, 0.0)).collect(),
                v.map(|x| C64::new(x, 0.0)),
            ),
            Eig::Complex(d, v) => (d, v),
        }
    }

    /// The conventions of `eig`, checked from the definitions: A*V = V*D,
    /// the order, unit columns, each column's largest entry real positive.
    fn assert_conventions(a: &RMat, vals: &[C64], v: &CMat) {
        let (ac, d) = (
            a.map(|x| C64::new(x, 0.0)),
            CMat::from_diagonal(&nalgebra::DVector::from_row_slice(vals)),
        );
        let res = (&ac * v - v * d).norm() / a.norm().max(f64::MIN_POSITIVE);
        assert!(res < 1e-10, "||A V - V D|| / ||A|| = {res:e}");
        assert!(
            vals.windows(2).all(|w| descending(w[0], w[1]).is_le()),
            "order"
        );
        for col in v.column_iter() {
            assert!((col.norm() - 1.0).abs() < 1e-12, "unit column");
            let big = col.iter().map(|z| z.norm()).fold(0.0, f64::max);
            let first = col
                .iter()
                .position(|z| z.norm() >= big * (1.0 - 1e-12))
                .expect("nonzero");
            assert!(
                col[first].im == 0.0 && col[first].re > 0.0,
                "dominant entry real positive"
            );
        }
    }

    /// S with entries of a random matrix plus 4 on the diagonal: safely
    /// invertible, far from orthogonal.
    fn basis(n: usize, seed: u64) -> RMat {
        Rng::new(seed).mat(n, n) + RMat::identity(n, n) * 4.0
    }

    /// A = S B S^-1 has the spectrum of B, and S's columns are its
    /// eigenvectors for a diagonal B.
    fn similar(s: &RMat, b: &RMat) -> RMat {
        s * b * s.clone().try_inverse().expect("invertible basis")
    }

    #[test]
    fn known_real_spectrum_and_vectors() {
        for n in [1, 2, 3, 31, 64, 65, 120] {
            let d: Vec<f64> = (0..n).map(|k| (k as f64 - n as f64 / 3.0) * 0.75).collect();
            let s = basis(n, n as u64);
            let a = similar(
                &s,
                &RMat::from_diagonal(&nalgebra::DVector::from_vec(d.clone())),
            );
            let Eig::Real(got, v) = eig(&a).expect("finite") else {
                panic!("real spectrum at n = {n}")
            };
            let mut want = d.clone();
            want.sort_by(|x, y| y.total_cmp(x));
            assert!(
                got.iter().zip(&want).all(|(g, w)| (g - w).abs() < 1e-9),
                "n = {n}"
            );
            // Column j of V is S's column for d = want[j], scaled to unit
            // length with its largest entry positive.
            for (j, w) in want.iter().enumerate() {
                let k = d.iter().position(|x| x == w).expect("eigenvalue of B");
                let sk = s.column(k) / s.column(k).norm();
                let sign = if sk[sk.iamax()] < 0.0 { -1.0 } else { 1.0 };
                assert!(
                    (v.column(j) - sk * sign).norm() < 1e-8,
                    "vector {j} at n = {n}"
                );
            }
            let (vals, vc) = complex_eig(&a);
            assert_conventions(&a, &vals, &vc);
        }
    }

    /// Blocks [a -b; b a] have eigenvalues a +- bi; in A = S B S^-1 with
    /// real diagonal entries mixed in, each pair's vectors are conjugates.
    #[test]
    fn rotation_blocks_give_conjugate_pairs() {
        let n = 9;
        let mut b = RMat::zeros(n, n);
        let mut want = Vec::new();
        for (k, (re, im)) in [(1.0, 2.0), (-0.5, 0.25), (3.0, 1.0)].iter().enumerate() {
            let i = 2 * k;
            b[(i, i)] = *re;
            b[(i + 1, i + 1)] = *re;
            b[(i, i + 1)] = -im;
            b[(i + 1, i)] = *im;
            want.extend([C64::new(*re, *im), C64::new(*re, -im)]);
        }
        for (i, x) in [(6, 2.0), (7, -4.0), (8, 1.5)] {
            b[(i, i)] = x;
            want.push(C64::new(x, 0.0));
        }
        want.sort_by(|x, y| descending(*x, *y));
        let a = similar(&basis(n, 5), &b);
        let Eig::Complex(got, v) = eig(&a).expect("finite") else {
            panic!("complex spectrum")
        };
        assert!(
            got.iter().zip(&want).all(|(g, w)| (g - w).norm() < 1e-10),
            "{got:?}"
        );
        for (j, lambda) in got.iter().enumerate() {
            if lambda.im > 0.0 {
                let conj = v.column(j).map(|z| z.conj());
                assert!((v.column(j + 1) - conj).norm() < 1e-12, "pair at {j}");
            }
        }
        assert_conventions(&a, &got, &v);
    }

    /// The companion matrix of prod (x - r_k) has the roots r_k as its
    /// eigenvalues (real roots and conjugate pairs).
    #[test]
    fn companion_matrices_give_their_roots() {
        let roots = [
            C64::new(4.0, 0.0),
            C64::new(-3.0, 0.0),
            C64::new(1.0, 2.0),
            C64::new(1.0, -2.0),
            C64::new(0.5, 0.0),
            C64::new(-1.0, 0.5),
            C64::new(-1.0, -0.5),
            C64::new(2.0, 0.0),
        ];
        // Coefficients of the monic polynomial, highest power first.
        let mut c = vec![C64::new(1.0, 0.0)];
        for r in roots {
            c.push(C64::new(0.0, 0.0));
            for k in (1..c.len()).rev() {
                c[k] = c[k] - r * c[k - 1];
            }
        }
        let n = roots.len();
        let a = RMat::from_fn(n, n, |i, j| {
            if i == 0 {
                -c[j + 1].re
            } else if i == j + 1 {
                1.0
            } else {
                0.0
            }
        });
        let (got, v) = complex_eig(&a);
        let mut want = roots.to_vec();
        want.sort_by(|x, y| descending(*x, *y));
        assert!(
            got.iter().zip(&want).all(|(g, w)| (g - w).norm() < 1e-9),
            "{got:?}"
        );
        assert_conventions(&a, &got, &v);
    }

    /// Random matrices of many sizes (one, two, block edges of the QR
    /// sweeps), zero columns, and scaled by 1e-300 and 1e300: the vectors
    /// of the scaled matrices are the unscaled ones.
    #[test]
    fn random_zero_column_and_scaled_matrices() {
        let mut rng = Rng::new(17);
        for n in [1, 2, 3, 4, 5, 16, 17, 32, 33, 75, 76, 150] {
            let mut a = rng.mat(n, n);
            let (vals, v) = complex_eig(&a);
            assert_conventions(&a, &vals, &v);
            for scale in [1e-300, 1e300] {
                let (sv, sv_vecs) = complex_eig(&(&a * scale));
                let close = sv
                    .iter()
                    .zip(&vals)
                    .all(|(x, y)| (x / scale - y).norm() < 1e-9 * (1.0 + y.norm()));
                assert!(
                    close,
                    "eigenvalues scale with A at n = {n}, scale {scale:e}"
                );
                assert!(
                    (&sv_vecs - &v).norm() < 1e-8,
                    "same vectors at n = {n}, scale {scale:e}"
                );
            }
            a.column_mut(n / 2).fill(0.0);
            let (vals, v) = complex_eig(&a);
            assert_conventions(&a, &vals, &v);
        }
    }

    /// The normalisation on columns whose squares over- or underflow.
    #[test]
    fn extreme_columns_normalise() {
        for scale in [1e-300, 1e-160, 1e160, 1e300] {
            let mut re = vec![3.0 * scale, -4.0 * scale, 0.0];
            unit_phase(&mut re);
            assert!(
                (re[0] + 0.6).abs() < 1e-15 && re[1] == 0.8 && re[2] == 0.0,
                "{re:?}"
            );
            let mut c = vec![C64::new(0.0, 3.0 * scale), C64::new(4.0 * scale, 0.0)];
            unit_phase(&mut c);
            assert!(
                (c[0] - C64::new(0.0, 0.6)).norm() < 1e-15 && c[1] == C64::new(0.8, 0.0),
                "{c:?}"
            );
        }
        let mut zero = vec![C64::new(0.0, 0.0); 3];
        unit_phase(&mut zero);
        assert!(zero.iter().all(|z| *z == C64::new(0.0, 0.0)));
    }
}
