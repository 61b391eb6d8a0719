//! One merge of divide and conquer: the eigen-decompositions of the two
//! halves of a torn tridiagonal, T = diag(Q1 D1 Q1', Q2 D2 Q2') + rho*v*v',
//! become one. Only the columns that survive deflation are multiplied by
//! the eigenvector block of D + rho*z*z', and only over the rows where they
//! can be nonzero (columns from Q1 have zeros below, those from Q2 above).

use super::super::secular::{lowner_z, roots, Poles};
use super::deflate::{deflate, Entry, Rows};
use crate::linalg::simd::Level;
use faer::linalg::matmul::matmul;
use faer::reborrow::{Reborrow, ReborrowMut};
use faer::{Accum, Mat, MatMut, Par};

/// Merges the halves of `q` (n1 x n1 top left, the rest bottom right, their
/// values in `d` in the column orders `p1`, `p2`) torn at the coupling
/// `beta`. On return `d` and the columns of `q` hold the eigenpairs of the
/// whole; the returned column order sorts `d` ascending.
pub(super) fn merge(
    d: &mut [f64],
    mut q: MatMut<'_, f64>,
    n1: usize,
    beta: f64,
    p1: &[usize],
    p2: &[usize],
    par: Par,
) -> Vec<usize> {
    let m = d.len();
    let entries = tear(d, q.rb(), n1, beta, p1, p2);
    let rho = 2.0 * beta.abs();
    let defl = deflate(entries, rho, q.rb_mut());
    let kept = defl.kept;
    let k = kept.len();
    // Columns grouped by where they are nonzero, so each half's product
    // reads one contiguous block (`grouped[g]` is the g-th column's index
    // in ascending order).
    let mut grouped: Vec<usize> = (0..k).collect();
    grouped.sort_by_key(|&j| kept[j].rows);
    let mut work = Mat::<f64>::zeros(m, m);
    for (g, &j) in grouped.iter().enumerate() {
        work.col_mut(g).copy_from(q.rb().col(kept[j].col));
    }
    for (t, e) in defl.deflated.iter().enumerate() {
        work.col_mut(k + t).copy_from(q.rb().col(e.col));
    }
    let count = |r: Rows| kept.iter().filter(|e| e.rows == r).count();
    let (k1, k3) = (count(Rows::Top), count(Rows::Bottom));

    let dk: Vec<f64> = kept.iter().map(|e| e.d).collect();
    let zk: Vec<f64> = kept.iter().map(|e| e.z).collect();
    let (lambda, delta) = roots(Poles::Plain, &dk, &zk, rho, par.degree() > 1 && k >= 64);
    let s = vector_block(&dk, &zk, &delta, &grouped);

    let (top, bottom) = (k - k3, k - k1);
    let mut q = q;
    {
        let (qt, qb) = q.rb_mut().submatrix_mut(0, 0, m, k).split_at_row_mut(n1);
        product(
            qt,
            work.as_ref().submatrix(0, 0, n1, top),
            s.as_ref().subrows(0, top),
            par,
        );
        let (gb, sb) = (
            work.as_ref().submatrix(n1, k1, m - n1, bottom),
            s.as_ref().subrows(k1, bottom),
        );
        product(qb, gb, sb, par);
    }
    q.rb_mut()
        .subcols_mut(k, m - k)
        .copy_from(work.as_ref().subcols(k, m - k));
    d[..k].copy_from_slice(&lambda);
    for (t, e) in defl.deflated.iter().enumerate() {
        d[k + t] = e.d;
    }
    ascending(d, k)
}

/// The entries of the rank-one problem in ascending order of d: z is the
/// last row of Q1 and the first of Q2 (signed as beta), scaled to unit norm.
fn tear(
    d: &[f64],
    q: faer::MatRef<'_, f64>,
    n1: usize,
    beta: f64,
    p1: &[usize],
    p2: &[usize],
) -> Vec<Entry> {
    let scale = std::f64::consts::FRAC_1_SQRT_2;
    let entry = |col: usize| {
        let (z, rows) = if col < n1 {
            (q[(n1 - 1, col)], Rows::Top)
        } else {
            (beta.signum() * q[(n1, col)], Rows::Bottom)
        };
        Entry {
            d: d[col],
            z: z * scale,
            col,
            rows,
        }
    };
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(d.len());
    while i < p1.len() || j < p2.len() {
        let take_top = j == p2.len() || (i < p1.len() && d[p1[i]] <= d[p2[j] + n1]);
        if take_top {
            out.push(entry(p1[i]));
            i += 1;
        } else {
            out.push(entry(p2[j] + n1));
            j += 1;
        }
    }
    out
}

/// The K x K orthonormal eigenvectors of D + rho*z*z', rows in the grouped
/// order `grouped`: z is recomputed from the roots (Löwner's formula) so the
/// vectors are orthogonal to working precision however close the roots are.
fn vector_block(d: &[f64], z: &[f64], delta: &[f64], grouped: &[usize]) -> Mat<f64> {
    let k = d.len();
    let mut s = Mat::<f64>::zeros(k, k);
    if k == 0 {
        return s;
    }
    fill_vectors(Level::detect(), d, z, delta, grouped, s.as_mut());
    s
}

crate::linalg::simd::multiversion! {
    /// The eigenvector block's divisions compiled for the CPU's widest
    /// instruction set.
    fn fill_vectors(d: &[f64], z: &[f64], delta: &[f64], grouped: &[usize], s: MatMut<'_, f64>) = fill_vectors_body;
}

/// The body of [`vector_block`] after its empty case.
#[inline(always)]
fn fill_vectors_body<const FMA: bool>(
    d: &[f64],
    z: &[f64],
    delta: &[f64],
    grouped: &[usize],
    mut s: MatMut<'_, f64>,
) {
    let k = d.len();
    let zhat = lowner_z(Level::detect(), Poles::Plain, d, z, delta);
    let mut v = vec![0.0; k];
    for (i, col) in delta.chunks(k).enumerate() {
        for ((vj, zj), dj) in v.iter_mut().zip(&zhat).zip(col) {
            *vj = zj / dj;
        }
        let inv = 1.0 / v.iter().map(|x| x * x).sum::<f64>().sqrt();
        let mut out = s.rb_mut().col_mut(i);
        for (g, &j) in grouped.iter().enumerate() {
            out[g] = v[j] * inv;
        }
    }
}

/// dst = lhs * rhs, or zero when the inner dimension is empty.
pub(in crate::linalg::decomp) fn product(
    dst: MatMut<'_, f64>,
    lhs: faer::MatRef<'_, f64>,
    rhs: faer::MatRef<'_, f64>,
    par: Par,
) {
    let mut dst = dst;
    if lhs.ncols() == 0 {
        dst.fill(0.0);
    } else {
        matmul(dst, Accum::Replace, lhs, rhs, 1.0, par);
    }
}

/// The order sorting `d`, whose first k values are already ascending.
pub(in crate::linalg::decomp) fn ascending(d: &[f64], k: usize) -> Vec<usize> {
    let mut rest: Vec<usize> = (k..d.len()).collect();
    rest.sort_by(|&a, &b| d[a].total_cmp(&d[b]));
    let mut out = Vec::with_capacity(d.len());
    let (mut i, mut j) = (0, 0);
    while i < k || j < rest.len() {
        if j == rest.len() || (i < k && d[i] <= d[rest[j]]) {
            out.push(i);
            i += 1;
        } else {
            out.push(rest[j]);
            j += 1;
        }
    }
    out
}
