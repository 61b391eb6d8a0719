//! Divide and conquer for the singular value decomposition of an upper
//! bidiagonal matrix, as LAPACK's `dbdsdc`: removing one row splits the
//! matrix into two bidiagonal halves, and their SVDs turn the whole into an
//! arrowhead matrix [z; 0 D] whose singular values solve the secular
//! equation 1 + sum z_j^2 / (d_j^2 - s^2) = 0 (`decomp::secular`, roots
//! kept as pole plus offset). We carry our own because faer's is private
//! and multiplies every column of U and V at each merge; this one
//! multiplies only the columns that survive deflation, each half only over
//! the rows where they can be nonzero.
//!
//! Every subproblem is n x (n+1) (one column more than rows), so a split at
//! row k leaves two problems of the same shape: rows 0..k with columns
//! 0..k+1, and rows k+1..n with columns k+1..n+1. Each has a null vector,
//! the last column of its V. The square matrix is solved as such a problem
//! with a zero last column, whose null vector is then made exactly the
//! extra unit vector and dropped. `merge` joins two halves.

use super::{fsvd, with_stack, ComputeSvdVectors, LinalgError, RMat, Result};
use faer::reborrow::ReborrowMut;
use faer::{Mat, MatMut, Par};

/// Blocks of up to this many rows go to faer's QR-iteration SVD.
const LEAF: usize = 24;
/// Halves smaller than this are solved one after the other, not in parallel.
const PAR_MIN: usize = 128;

/// SVD of the n x n upper bidiagonal matrix B with diagonal `d` and
/// superdiagonal `e` (n - 1 entries): singular values descending and the
/// n x n U, V with B = U diag(s) V'.
pub(super) fn bidiagonal_svd(d: &[f64], e: &[f64], par: Par) -> Result<(Vec<f64>, RMat, RMat)> {
    let n = d.len();
    let scale = d.iter().chain(e).fold(0.0_f64, |s, x| s.max(x.abs()));
    if !scale.is_finite() {
        return Err(LinalgError::NonFinite { func: "svd" });
    }
    if scale == 0.0 {
        return Ok((vec![0.0; n], RMat::identity(n, n), RMat::identity(n, n)));
    }
    // Working at unit scale keeps the secular equation away from overflow
    // and underflow, whatever the magnitude of the input.
    let mut dd: Vec<f64> = d.iter().map(|x| x / scale).collect();
    let mut ee: Vec<f64> = e.iter().map(|x| x / scale).collect();
    ee.push(0.0);
    let mut u = RMat::zeros(n, n);
    let mut v = RMat::zeros(n + 1, n + 1);
    let order = solve(
        &mut dd,
        &mut ee,
        super::faer_mut(&mut u),
        super::faer_mut(&mut v),
        par,
    )?;
    drop_extra_column(&mut v);
    let s = order.iter().rev().map(|&j| dd[j] * scale).collect();
    let pick = |m: &RMat, rows: usize| RMat::from_fn(rows, n, |i, c| m[(i, order[n - 1 - c])]);
    Ok((s, pick(&u, n), pick(&v, n)))
}

/// The last column of B (zero) makes e_n a null vector; rotating each
/// column's last-row entry into the null column (the last) makes that
/// column exactly e_n, so the first n rows and columns are B's V. A column
/// with a sizable last-row entry can only have a negligible singular value
/// (v = B'u / s has a zero last entry), so the rotation perturbs B by
/// rounding only.
fn drop_extra_column(v: &mut RMat) {
    let n = v.nrows() - 1;
    for j in 0..n {
        let (a, b) = (v[(n, j)], v[(n, n)]);
        if a == 0.0 {
            continue;
        }
        let r = a.hypot(b);
        let (c, s) = (b / r, a / r);
        for i in 0..=n {
            let (x, y) = (v[(i, j)], v[(i, n)]);
            v[(i, j)] = c * x - s * y;
            v[(i, n)] = s * x + c * y;
        }
    }
}

/// SVD of the n x (n+1) upper bidiagonal (`d`, `e`: B[i][i] = d_i,
/// B[i][i+1] = e_i) into `d`, the n x n `u` and the (n+1) x (n+1) `v`
/// (both zero on entry), V's last column the null vector; returns the
/// column order that sorts `d` ascending.
fn solve(
    d: &mut [f64],
    e: &mut [f64],
    u: MatMut<'_, f64>,
    v: MatMut<'_, f64>,
    par: Par,
) -> Result<Vec<usize>> {
    let n = d.len();
    if n <= LEAF {
        return leaf(d, e, u, v);
    }
    let k = n / 2;
    let (alpha, beta) = (d[k], e[k]);
    let (mut u, mut v) = (u, v);
    let (p1, p2) = {
        let (d1, d2) = d.split_at_mut(k);
        let (e1, e2) = e.split_at_mut(k);
        let (d2, e2) = (&mut d2[1..], &mut e2[1..]);
        let (u1, _, _, u2) = u.rb_mut().split_at_mut(k, k);
        let (_, _, _, u2) = u2.split_at_mut(1, 1);
        let (v1, _, _, v2) = v.rb_mut().split_at_mut(k + 1, k + 1);
        if par.degree() > 1 && n >= PAR_MIN {
            rayon::join(|| solve(d1, e1, u1, v1, par), || solve(d2, e2, u2, v2, par))
        } else {
            (solve(d1, e1, u1, v1, par), solve(d2, e2, u2, v2, par))
        }
    };
    Ok(merge::merge(d, u, v, k, alpha, beta, &p1?, &p2?, par))
}

/// A small block by faer's SVD of the dense n x (n+1) matrix (values come
/// out descending, the complement of the row space last in V).
fn leaf(d: &mut [f64], e: &[f64], u: MatMut<'_, f64>, v: MatMut<'_, f64>) -> Result<Vec<usize>> {
    let n = d.len();
    let b = Mat::<f64>::from_fn(n, n + 1, |i, j| {
        if j == i {
            d[i]
        } else if j == i + 1 {
            e[i]
        } else {
            0.0
        }
    });
    let mut s = vec![0.0; n];
    let full = ComputeSvdVectors::Full;
    let req = fsvd::svd_scratch::<f64>(n, n + 1, full, full, Par::Seq, Default::default());
    with_stack(req, |stack| {
        fsvd::svd(
            b.as_ref(),
            faer::ColMut::from_slice_mut(&mut s).as_diagonal_mut(),
            Some(u),
            Some(v),
            Par::Seq,
            stack,
            Default::default(),
        )
    })
    .map_err(|_| LinalgError::NoConvergence { func: "svd" })?;
    d.copy_from_slice(&s);
    Ok((0..n).rev().collect())
}

mod merge;

#[cfg(test)]
mod tests;
