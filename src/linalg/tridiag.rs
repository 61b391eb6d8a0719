//! Householder reduction of a symmetric matrix to tridiagonal form,
//! T = Q' A Q, blocked the way LAPACK's dsytrd is: a panel of reflectors is
//! built against the trailing matrix as it was at the panel's start plus the
//! panel's own low-rank correction, then the trailing lower triangle takes
//! one rank-2k update (a matrix product). Half the flops are the symmetric
//! matrix-vector products of the panel steps, which are memory-bound: the
//! fused kernel reads each trailing column once per step for both A x and
//! A' x, and splits the columns over two threads when the trailing matrix
//! is large. The output has the layout of faer's `tridiag_in_place`, so its
//! block Householder application forms Q U.

use super::simd::{self, Level};
use super::{faer_mut, faer_ref, RMat};
use faer::linalg::householder;
use faer::linalg::matmul::matmul;
use faer::linalg::matmul::triangular::{self as trimul, BlockStructure};
use faer::reborrow::ReborrowMut;
use faer::{Accum, Par};

/// Columns reduced between two updates of the trailing matrix.
const PANEL: usize = 32;

/// Trailing order from which a symmetric product runs on two threads.
const PAR_SYMV_MIN: usize = 256;

/// Reduces the symmetric `a` (its lower triangle is read) in place: T's
/// diagonal and subdiagonal on `a`'s, the essential part of reflector k
/// below the subdiagonal of column k, and the reflectors' block factors in
/// `factors` (block size x (n-1), its rows the block size), as faer's
/// `tridiag_in_place` leaves them.
pub(crate) fn tridiagonalize(a: &mut RMat, factors: &mut RMat, par: Par) {
    let n = a.nrows();
    let mut work = Work {
        level: Level::detect(),
        par,
        vw: vec![0.0; n * 2 * PANEL],
        wv: vec![0.0; n * 2 * PANEL],
        y: vec![0.0; n],
        y2: vec![0.0; n],
        s: vec![0.0; 2 * PANEL],
        tau: vec![0.0; n.saturating_sub(1)],
    };
    let mut k0 = 0;
    while k0 < n {
        let jb = PANEL.min(n - k0);
        for j in 0..jb {
            work.step(a, k0, j);
        }
        if k0 + jb < n {
            work.update_trailing(a, k0 + jb);
        }
        k0 += jb;
    }
    store_block_factors(a, factors, &work.tau, par);
}

/// The panel's reflectors v_p (unit head, zeros above) and the w_p with
/// A_now = A_panel_start - sum_p (v_p w_p' + w_p v_p') on the trailing
/// matrix, interleaved as [v_0 w_0 v_1 w_1 ..] in `vw` and [w_0 v_0 ..] in
/// `wv` (n x 2 PANEL column-major, global row numbers), so that the sum is
/// one product VW WV'; and scratch vectors.
struct Work {
    level: Level,
    par: Par,
    vw: Vec<f64>,
    wv: Vec<f64>,
    y: Vec<f64>,
    y2: Vec<f64>,
    s: Vec<f64>,
    tau: Vec<f64>,
}

impl Work {
    /// Rows `r..` of the panel's first `cols` columns of `vw` or `wv`.
    fn panel(buf: &[f64], n: usize, r: usize, cols: usize) -> faer::MatRef<'_, f64> {
        faer::MatRef::from_column_major_slice(&buf[..n * cols], n, cols).subrows(r, n - r)
    }

    /// Panel step j: reduces column k = k0 + j.
    fn step(&mut self, a: &mut RMat, k0: usize, j: usize) {
        let n = a.nrows();
        let k = k0 + j;
        let lv = self.level;
        // Column k as the panel's earlier reflectors left it.
        if j > 0 {
            let col = faer_mut(a).col_mut(k).subrows_mut(k, n - k);
            let wv_k = Self::panel(&self.wv, n, k, 2 * j).row(0);
            matmul(
                col,
                Accum::Add,
                Self::panel(&self.vw, n, k, 2 * j),
                wv_k.transpose(),
                -1.0,
                Par::Seq,
            );
        }
        if k + 1 == n {
            return;
        }
        let s = a.as_mut_slice();
        let (head, tail) = s[k * n + k + 1..(k + 1) * n].split_at_mut(1);
        let info = householder::make_householder_in_place(
            &mut head[0],
            faer::ColMut::from_slice_mut(tail),
        );
        self.tau[k] = info.tau;
        let v = &mut self.vw[2 * j * n..(2 * j + 1) * n];
        v[k0..=k].fill(0.0);
        v[k + 1] = 1.0;
        v[k + 2..].copy_from_slice(tail);
        let v = &self.vw[2 * j * n + k + 1..(2 * j + 1) * n];
        // p = A22 v with A22 as it is now: the stored (panel-start) matrix
        // corrected by the earlier steps' VW WV'.
        let m = n - k - 1;
        let a22 = &a.as_slice()[(k + 1) * n + k + 1..];
        let y = &mut self.y[..m];
        symv(lv, self.par, a22, n, v, y, &mut self.y2[..m]);
        if j > 0 {
            let vcol = faer::ColRef::from_slice(v);
            let sj = faer::ColMut::from_slice_mut(&mut self.s[..2 * j]);
            matmul(
                sj,
                Accum::Replace,
                Self::panel(&self.wv, n, k + 1, 2 * j).transpose(),
                vcol,
                1.0,
                Par::Seq,
            );
            let sj = faer::ColRef::from_slice(&self.s[..2 * j]);
            matmul(
                faer::ColMut::from_slice_mut(y),
                Accum::Add,
                Self::panel(&self.vw, n, k + 1, 2 * j),
                sj,
                -1.0,
                Par::Seq,
            );
        }
        // H = I - t v v' (t = 1/tau, zero for an identity reflector) gives
        // H A H = A - v w' - w v' with w = t A v - (t^2/2)(v' A v) v.
        let t = info.tau.recip();
        y.iter_mut().for_each(|yi| *yi *= t);
        let alpha = -0.5 * t * simd::dot(lv, y, v);
        simd::axpy(lv, alpha, v, y);
        for (buf, col) in [(&mut self.vw, 2 * j + 1), (&mut self.wv, 2 * j)] {
            let w = &mut buf[col * n..(col + 1) * n];
            w[k0..=k].fill(0.0);
            w[k + 1..].copy_from_slice(y);
        }
        let (vw, wv) = (&self.vw[2 * j * n..(2 * j + 1) * n], &mut self.wv);
        wv[(2 * j + 1) * n..(2 * j + 2) * n].copy_from_slice(vw);
    }

    /// A[t.., t..] -= VW WV' on the lower triangle (rows from t).
    fn update_trailing(&self, a: &mut RMat, t: usize) {
        let n = a.nrows();
        let m = n - t;
        let (vw, wv) = (
            Self::panel(&self.vw, n, t, 2 * PANEL),
            Self::panel(&self.wv, n, t, 2 * PANEL),
        );
        trimul::matmul(
            faer_mut(a).submatrix_mut(t, t, m, m),
            BlockStructure::TriangularLower,
            Accum::Add,
            vw,
            BlockStructure::Rectangular,
            wv.transpose(),
            BlockStructure::Rectangular,
            -1.0,
            self.par,
        );
    }
}

/// y = A x for the symmetric m x m `a` (lower triangle, leading dimension
/// `lda`). On two threads the columns are split where the triangle's area
/// halves; the second thread sums into `y2`.
fn symv(lv: Level, par: Par, a: &[f64], lda: usize, x: &[f64], y: &mut [f64], y2: &mut [f64]) {
    let m = x.len();
    y.fill(0.0);
    if par.degree() < 2 || m < PAR_SYMV_MIN {
        simd::symv_lower(lv, a, lda, m, 0..m, x, y);
        return;
    }
    let s = (m as f64 * (1.0 - std::f64::consts::FRAC_1_SQRT_2)) as usize;
    y2[s..].fill(0.0);
    rayon::join(
        || simd::symv_lower(lv, a, lda, m, 0..s, x, y),
        || simd::symv_lower(lv, a, lda, m, s..m, x, y2),
    );
    for (yi, zi) in y[s..].iter_mut().zip(&y2[s..]) {
        *yi += zi;
    }
}

/// faer's block factors: per block of reflectors, the triangular T with
/// H_1 ... H_b = I - V T^-1 V', built from the taus on its diagonal.
fn store_block_factors(a: &RMat, factors: &mut RMat, tau: &[f64], par: Par) {
    let n1 = tau.len();
    if n1 == 0 {
        return;
    }
    let bs = factors.nrows();
    let essentials = faer_ref(a).submatrix(1, 0, n1, n1);
    let mut h = faer_mut(factors);
    let mut j = 0;
    while j < n1 {
        let b = bs.min(n1 - j);
        let mut block = h.rb_mut().submatrix_mut(0, j, b, b);
        for i in 0..b {
            block[(i, i)] = tau[j + i];
        }
        householder::upgrade_householder_factor(
            block,
            essentials.submatrix(j, j, n1 - j, b),
            b,
            1,
            par,
        );
        j += b;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::decomp::eig_sym;
    use crate::linalg::testutil::{orth_err, Rng};

    /// Q = H_0 H_1 ... H_{n-2} built reflector by reflector from the stored
    /// essentials and the taus on the block factors' diagonals.
    fn explicit_q(r: &RMat, factors: &RMat) -> RMat {
        let n = r.nrows();
        let bs = factors.nrows();
        let mut q = RMat::identity(n, n);
        for k in (0..n.saturating_sub(1)).rev() {
            let t = factors[(k % bs, k)].recip();
            let mut v = nalgebra::DVector::zeros(n);
            v[k + 1] = 1.0;
            for i in k + 2..n {
                v[i] = r[(i, k)];
            }
            let vq = v.transpose() * &q;
            q -= (&v * t) * vq;
        }
        q
    }

    fn tridiagonal_of(r: &RMat) -> RMat {
        let n = r.nrows();
        RMat::from_fn(n, n, |i, j| match i.abs_diff(j) {
            0 => r[(i, i)],
            1 => r[(i.max(j), i.min(j))],
            _ => 0.0,
        })
    }

    /// Q orthogonal and Q' A Q = T, both to c n eps (relative to ||A||).
    fn check_reduction(a: &RMat, par: Par) {
        let n = a.nrows();
        let mut r = a.clone();
        let mut factors = RMat::zeros(8.min(n.max(1)), n.saturating_sub(1));
        tridiagonalize(&mut r, &mut factors, par);
        let q = explicit_q(&r, &factors);
        let tol = 8.0 * (n.max(1) as f64) * f64::EPSILON;
        assert!(orth_err(&q) <= tol, "n = {n}: Q not orthogonal");
        // Scaled to unit size first, so that norms of 1e300 matrices stay finite.
        let s = a.amax().max(f64::MIN_POSITIVE);
        let (a, t) = (a / s, tridiagonal_of(&r) / s);
        let res = (q.transpose() * &a * &q - t).norm() / a.norm().max(f64::MIN_POSITIVE);
        assert!(res <= tol, "n = {n}: |Q'AQ - T| / |A| = {res:e}");
    }

    #[test]
    fn reduction_is_an_orthogonal_similarity() {
        let mut rng = Rng::new(11);
        let sizes = (1..=40).chain([63, 64, 65, 66, 95, 96, 97, 129, 200]);
        for n in sizes {
            check_reduction(&rng.sym(n), Par::Seq);
        }
        // Around the two-thread split of the symmetric product.
        for n in [PAR_SYMV_MIN, PAR_SYMV_MIN + 1, PAR_SYMV_MIN + 33, 300] {
            let a = rng.sym(n);
            check_reduction(&a, Par::Seq);
            check_reduction(&a, Par::rayon(2));
        }
    }

    #[test]
    fn zero_columns_and_extreme_scales() {
        let mut rng = Rng::new(12);
        for n in [3, 37, 70] {
            let mut a = rng.sym(n);
            for c in [0, n / 2] {
                a.column_mut(c).fill(0.0);
                a.row_mut(c).fill(0.0);
            }
            check_reduction(&a, Par::Seq);
            // Already diagonal: every reflector is the identity.
            let d = RMat::from_diagonal(&a.diagonal());
            check_reduction(&d, Par::Seq);
            for s in [1e-300, 1e300] {
                check_reduction(&(rng.sym(n) * s), Par::Seq);
            }
        }
    }

    /// A random orthogonal matrix as a product of reflectors I - 2uu'/u'u.
    fn random_orthogonal(rng: &mut Rng, n: usize) -> RMat {
        let mut q = RMat::identity(n, n);
        for _ in 0..n.min(6) {
            let u = nalgebra::DVector::from_fn(n, |_, _| rng.uniform());
            let h = RMat::identity(n, n) - (&u * u.transpose()) * (2.0 / u.norm_squared());
            q = h * q;
        }
        q
    }

    #[test]
    fn eigenvalues_of_known_spectra() {
        let mut rng = Rng::new(13);
        for n in [1, 2, 31, 33, 100, 160, 300] {
            // Prescribed spectrum, clustered pairs included.
            let d: Vec<f64> = (0..n)
                .map(|i| (i / 2) as f64 * 0.5 - 3.0 + i as f64 * 1e-3)
                .collect();
            let q = random_orthogonal(&mut rng, n);
            let a =
                &q * RMat::from_diagonal(&nalgebra::DVector::from_vec(d.clone())) * q.transpose();
            let (vals, v) = eig_sym(&a).expect("finite symmetric input");
            let mut want = d;
            want.sort_by(|x, y| y.total_cmp(x));
            let err = vals
                .iter()
                .zip(&want)
                .map(|(x, y)| (x - y).abs())
                .fold(0.0, f64::max);
            assert!(err <= 1e-12 * n as f64, "n = {n}: eigenvalue error {err:e}");
            assert!(orth_err(&v) <= 1e-13 * n as f64);
            // The 1-2-1 Laplacian: 2 - 2 cos(k pi / (n + 1)).
            let l = RMat::from_fn(n, n, |i, j| match i.abs_diff(j) {
                0 => 2.0,
                1 => -1.0,
                _ => 0.0,
            });
            let (vals, _) = eig_sym(&l).expect("finite symmetric input");
            for (i, x) in vals.iter().enumerate() {
                let k = (n - i) as f64;
                let want = 2.0 - 2.0 * (k * std::f64::consts::PI / (n + 1) as f64).cos();
                assert!((x - want).abs() <= 1e-13 * n as f64, "n = {n}, k = {k}");
            }
        }
    }
}
