//! Divide and conquer for the symmetric tridiagonal eigenproblem: Cuppen's
//! rank-one tearing, with the eigenvectors of each merge made orthogonal by
//! Gu and Eisenstat's recomputed z (the Löwner formula). We carry our own
//! because faer's is private and multiplies every column at each merge,
//! deflated ones included; this one multiplies only the columns and rows
//! that can be nonzero, as LAPACK's `dstedc` does.
//!
//! The driver here scales, splits at negligible off-diagonals and recurses;
//! `deflate` finds the columns that need no secular root, `decomp::secular`
//! solves for the roots, and `merge` joins two halves.

use super::{evd, with_stack, LinalgError, RMat, Result};
use faer::reborrow::ReborrowMut;
use faer::{MatMut, Par};

/// Blocks up to this size go to faer's implicit QR algorithm.
const LEAF: usize = 32;
/// Halves smaller than this are solved one after the other, not in parallel.
const PAR_MIN: usize = 128;

/// Eigenvalues ascending of the symmetric tridiagonal matrix with diagonal
/// `diag` and subdiagonal `sub` (`sub[n-1]` unused); the matching
/// orthonormal eigenvectors are written into the columns of the n x n `u`.
pub(crate) fn tridiagonal_dc(
    diag: &[f64],
    sub: &[f64],
    u: &mut RMat,
    par: Par,
) -> Result<Vec<f64>> {
    let n = diag.len();
    let finite = diag
        .iter()
        .chain(&sub[..n.saturating_sub(1)])
        .all(|x| x.is_finite());
    if !finite {
        return Err(LinalgError::NonFinite { func: "eig" });
    }
    u.fill(0.0);
    let mut pairs: Vec<(f64, usize)> = Vec::with_capacity(n);
    let mut start = 0;
    for end in 1..=n {
        if end < n && !negligible(diag[end - 1], diag[end], sub[end - 1]) {
            continue;
        }
        let block = solve_block(&diag[start..end], &sub[start..end - 1], u, start, par)?;
        pairs.extend(block.into_iter().map(|(w, j)| (w, j + start)));
        start = end;
    }
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    if pairs.iter().enumerate().any(|(k, p)| p.1 != k) {
        let old = u.clone();
        for (k, &(_, j)) in pairs.iter().enumerate() {
            u.column_mut(k).copy_from(&old.column(j));
        }
    }
    Ok(pairs.into_iter().map(|p| p.0).collect())
}

/// An off-diagonal too small to couple its neighbours (LAPACK's split test).
fn negligible(d0: f64, d1: f64, e: f64) -> bool {
    e.abs() <= f64::EPSILON * d0.abs().sqrt() * d1.abs().sqrt()
}

/// Solves the unreduced block at rows/columns `start..` of `u`: returns its
/// eigenvalues with the block-local column holding each vector.
fn solve_block(
    diag: &[f64],
    sub: &[f64],
    u: &mut RMat,
    start: usize,
    par: Par,
) -> Result<Vec<(f64, usize)>> {
    let m = diag.len();
    let scale = diag.iter().chain(sub).fold(0.0_f64, |s, x| s.max(x.abs()));
    let mut q = super::faer_mut(u);
    let q = q.rb_mut().submatrix_mut(start, start, m, m);
    if scale == 0.0 {
        let mut q = q;
        for j in 0..m {
            q[(j, j)] = 1.0;
        }
        return Ok((0..m).map(|j| (0.0, j)).collect());
    }
    // Working at unit scale keeps the secular equation away from overflow
    // and underflow, whatever the magnitude of the input.
    let mut d: Vec<f64> = diag.iter().map(|x| x / scale).collect();
    let mut e: Vec<f64> = sub.iter().map(|x| x / scale).collect();
    let order = solve(&mut d, &mut e, q, par)?;
    Ok(order.into_iter().map(|j| (d[j] * scale, j)).collect())
}

/// Eigen-decomposes the tridiagonal (`d`, `e`) into `d` and the columns of
/// `q` (whose off-diagonal parts are zero on entry); returns the column
/// order that sorts `d` ascending.
fn solve(d: &mut [f64], e: &mut [f64], q: MatMut<'_, f64>, par: Par) -> Result<Vec<usize>> {
    let m = d.len();
    if m <= LEAF {
        return leaf(d, e, q);
    }
    let n1 = m / 2;
    let beta = e[n1 - 1];
    d[n1 - 1] -= beta.abs();
    d[n1] -= beta.abs();
    let mut q = q;
    let (p1, p2) = {
        let (d1, d2) = d.split_at_mut(n1);
        let (e1, e2) = e.split_at_mut(n1 - 1);
        let e2 = &mut e2[1..];
        let (q1, _, _, q2) = q.rb_mut().split_at_mut(n1, n1);
        if par.degree() > 1 && m >= PAR_MIN {
            rayon::join(|| solve(d1, e1, q1, par), || solve(d2, e2, q2, par))
        } else {
            (solve(d1, e1, q1, par), solve(d2, e2, q2, par))
        }
    };
    Ok(merge::merge(d, q, n1, beta, &p1?, &p2?, par))
}

/// A small block by faer's implicit QR algorithm (values come out sorted).
fn leaf(d: &mut [f64], e: &[f64], q: MatMut<'_, f64>) -> Result<Vec<usize>> {
    let m = d.len();
    let mut sub = e.to_vec();
    sub.push(0.0);
    let mut w = vec![0.0; m];
    let want = evd::ComputeEigenvectors::Yes;
    let req = evd::self_adjoint_evd_scratch::<f64>(m, want, Par::Seq, Default::default());
    with_stack(req, |stack| {
        evd::tridiagonal_self_adjoint_evd(
            faer::ColRef::from_slice(d).as_diagonal(),
            faer::ColRef::from_slice(&sub).as_diagonal(),
            faer::ColMut::from_slice_mut(&mut w).as_diagonal_mut(),
            Some(q),
            Par::Seq,
            stack,
            Default::default(),
        )
    })
    .map_err(|_| LinalgError::NoConvergence { func: "eig" })?;
    d.copy_from_slice(&w);
    Ok((0..m).collect())
}

pub(super) mod deflate;
pub(super) mod merge;

#[cfg(test)]
mod tests;
