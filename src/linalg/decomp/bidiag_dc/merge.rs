//! One merge of the bidiagonal divide and conquer. With the halves'
//! SVDs B1 = U1 [S1 0] V1' and B2 = U2 [S2 0] V2', and the removed row k
//! (alpha at column k, beta at column k+1), diag(U1, 1, U2)' B diag(V1, V2)
//! has the removed row as z = (alpha * V1's last row, beta * V2's first
//! row) and S1, S2 on the diagonal. Rotating the two null columns into one
//! leaves the arrowhead [z; 0 D] with d_0 = 0 and a zero column, the new
//! null vector. Deflation, the secular roots, Gu and Eisenstat's vectors,
//! and two products per side over the rows each column can reach.

use super::super::secular::{lowner_z, roots, Poles};
use super::super::tridiag_dc::deflate::{rotate, Rows};
use super::super::tridiag_dc::merge::{ascending, product};
use crate::linalg::simd::Level;
use faer::reborrow::{Reborrow, ReborrowMut};
use faer::{Mat, MatMut, MatRef, Par};

/// One column pair of the arrowhead: its diagonal value, its entry in z,
/// the columns of U and V holding its vectors and where those are nonzero.
#[derive(Clone, Copy, Debug)]
struct Entry {
    d: f64,
    z: f64,
    ucol: usize,
    vcol: usize,
    urows: Rows,
    vrows: Rows,
}

/// Merges the halves of `u` (k x k top left, (n-k-1) square bottom right)
/// and `v` ((k+1) square top left, the rest bottom right), their values
/// in `d` in the column orders `p1`, `p2`, through the removed row k
/// (`alpha`, `beta`). On return `d`, `u` and `v` hold the SVD of the whole
/// n x (n+1) matrix (V's last column its null vector); the returned column
/// order sorts `d` ascending.
#[allow(clippy::too_many_arguments)]
pub(super) fn merge(
    d: &mut [f64],
    mut u: MatMut<'_, f64>,
    mut v: MatMut<'_, f64>,
    k: usize,
    alpha: f64,
    beta: f64,
    p1: &[usize],
    p2: &[usize],
    par: Par,
) -> Vec<usize> {
    let n = d.len();
    // The two null columns (k and n) into one with z = r, one with z = 0.
    let (za, zb) = (alpha * v[(k, k)], beta * v[(k + 1, n)]);
    let r = za.hypot(zb);
    if r != 0.0 {
        // Also when zb = 0: column k then flips to make its z = r >= 0.
        rotate(v.rb_mut(), k, n, za / r, zb / r);
    }
    let vrows0 = if zb != 0.0 { Rows::Both } else { Rows::Top };
    u[(k, k)] = 1.0;
    let first = Entry {
        d: 0.0,
        z: r,
        ucol: k,
        vcol: k,
        urows: Rows::Bottom,
        vrows: vrows0,
    };
    let entries = sorted_entries(d, v.rb(), k, alpha, beta, p1, p2, first);
    let (kept, deflated) = deflate(entries, u.rb_mut(), v.rb_mut());
    let kk = kept.len();

    let dk: Vec<f64> = kept.iter().map(|e| e.d).collect();
    let zk: Vec<f64> = kept.iter().map(|e| e.z).collect();
    let (sigma, delta) = roots(Poles::Squared, &dk, &zk, 1.0, par.degree() > 1 && kk >= 64);
    let zhat = lowner_z(Level::detect(), Poles::Squared, &dk, &zk, &delta);
    let (ug, vg) = (group(&kept, |e| e.urows), group(&kept, |e| e.vrows));
    let (uhat, vhat) = vector_blocks(&dk, &zhat, &delta, &ug, &vg);

    // Deflated columns go after the kept ones, V's null column stays last.
    let ud: Vec<usize> = deflated.iter().map(|e| e.ucol).collect();
    let vd: Vec<usize> = deflated.iter().map(|e| e.vcol).collect();
    let (upick, vpick) = (|e: &Entry| (e.ucol, e.urows), |e: &Entry| (e.vcol, e.vrows));
    side(u.rb_mut(), k, &kept, &ug, upick, uhat.as_ref(), &ud, par);
    side(
        v.rb_mut(),
        k + 1,
        &kept,
        &vg,
        vpick,
        vhat.as_ref(),
        &vd,
        par,
    );
    d[..kk].copy_from_slice(&sigma);
    for (t, e) in deflated.iter().enumerate() {
        d[kk + t] = e.d;
    }
    ascending(d, kk)
}

/// The arrowhead's entries ascending in d: the null pair first (d = 0),
/// then the halves' values merged.
#[allow(clippy::too_many_arguments)]
fn sorted_entries(
    d: &[f64],
    v: MatRef<'_, f64>,
    k: usize,
    alpha: f64,
    beta: f64,
    p1: &[usize],
    p2: &[usize],
    first: Entry,
) -> Vec<Entry> {
    let top = |c: usize| Entry {
        d: d[c],
        z: alpha * v[(k, c)],
        ucol: c,
        vcol: c,
        urows: Rows::Top,
        vrows: Rows::Top,
    };
    let bottom = |c: usize| Entry {
        d: d[c],
        z: beta * v[(k + 1, c)],
        ucol: c,
        vcol: c,
        urows: Rows::Bottom,
        vrows: Rows::Bottom,
    };
    let mut out = Vec::with_capacity(d.len());
    out.push(first);
    let (mut i, mut j) = (0, 0);
    while i < p1.len() || j < p2.len() {
        let c2 = p2.get(j).map(|&c| c + k + 1);
        if c2.is_none_or(|c2| i < p1.len() && d[p1[i]] <= d[c2]) {
            out.push(top(p1[i]));
            i += 1;
        } else if let Some(c2) = c2 {
            out.push(bottom(c2));
            j += 1;
        }
    }
    out
}

/// The smallest scale deflation is relative to (the problem has unit size).
const TOL_FLOOR: f64 = 1e-100;

/// Splits `entries` into those the secular equation must solve (the null
/// pair first, d strictly ascending, z nonzero) and those whose vectors
/// are singular vectors as they stand, rotating columns of `u` and `v`
/// where two entries merge. Every change perturbs the arrowhead by at most
/// tol = 8 eps max(|d|, |z|, `TOL_FLOOR`).
fn deflate(
    entries: Vec<Entry>,
    mut u: MatMut<'_, f64>,
    mut v: MatMut<'_, f64>,
) -> (Vec<Entry>, Vec<Entry>) {
    let dmax = entries.iter().fold(0.0_f64, |s, x| s.max(x.d));
    let zmax = entries.iter().fold(0.0_f64, |s, x| s.max(x.z.abs()));
    // The floor (the matrix is scaled to unit size) keeps the squares of
    // every kept d and root far above underflow.
    let tol = 8.0 * f64::EPSILON * dmax.max(zmax).max(TOL_FLOOR);
    let mut it = entries.into_iter();
    let Some(mut first) = it.next() else {
        return (Vec::new(), Vec::new());
    };
    let mut kept = Vec::new();
    let mut deflated = Vec::new();
    let mut prev: Option<Entry> = None;
    for mut cur in it {
        if cur.z.abs() <= tol {
            deflated.push(cur);
            continue;
        }
        if cur.d <= tol {
            // Next to d_0 = 0: rotate its z into the null pair's (V only,
            // since row 0 of the arrowhead is z); it keeps c*d.
            let t = first.z.hypot(cur.z);
            let (c, s) = (first.z / t, cur.z / t);
            rotate(v.rb_mut(), first.vcol, cur.vcol, c, s);
            first.z = t;
            cur.d *= c;
            if first.vrows != cur.vrows {
                first.vrows = Rows::Both;
                cur.vrows = Rows::Both;
            }
            deflated.push(cur);
            continue;
        }
        if let Some(mut p) = prev {
            let t = p.z.hypot(cur.z);
            let (c, s) = (cur.z / t, -p.z / t);
            if ((cur.d - p.d) * c * s).abs() <= tol {
                // The same rotation on both sides zeroes p's z and leaves
                // an off-diagonal coupling below tol.
                rotate(u.rb_mut(), p.ucol, cur.ucol, c, s);
                rotate(v.rb_mut(), p.vcol, cur.vcol, c, s);
                let (dp, dc) = (p.d, cur.d);
                p.d = dp * c * c + dc * s * s;
                cur.d = dp * s * s + dc * c * c;
                p.z = 0.0;
                cur.z = t;
                if p.urows != cur.urows {
                    cur.urows = Rows::Both;
                }
                if p.vrows != cur.vrows {
                    cur.vrows = Rows::Both;
                }
                deflated.push(p);
            } else {
                kept.push(p);
            }
        }
        prev = Some(cur);
    }
    kept.extend(prev);
    if first.z.abs() <= tol {
        // The smallest root must stay above 0; this moves it by tol at most.
        first.z = tol;
    }
    kept.insert(0, first);
    (kept, deflated)
}

/// The kept entries' indices ordered by where their columns are nonzero
/// (top rows, both, bottom rows), so each half's product reads one block.
fn group(kept: &[Entry], rows: impl Fn(&Entry) -> Rows) -> Vec<usize> {
    let mut g: Vec<usize> = (0..kept.len()).collect();
    g.sort_by_key(|&j| rows(&kept[j]));
    g
}

/// The arrowhead's K x K right and left singular vectors (column i for
/// root i), rows in the groupings `ug` and `vg`: v_i = (zhat_j / delta_ji)
/// and u_i = (-1, d_j zhat_j / delta_ji for j >= 1), each normalised, with
/// zhat from Löwner's formula.
fn vector_blocks(
    d: &[f64],
    zhat: &[f64],
    delta: &[f64],
    ug: &[usize],
    vg: &[usize],
) -> (Mat<f64>, Mat<f64>) {
    let k = d.len();
    let mut uh = Mat::<f64>::zeros(k, k);
    let mut vh = Mat::<f64>::zeros(k, k);
    let (mut x, mut y) = (vec![0.0; k], vec![0.0; k]);
    for (i, col) in delta.chunks(k).enumerate() {
        for j in 0..k {
            x[j] = zhat[j] / col[j];
            y[j] = d[j] * x[j];
        }
        y[0] = -1.0;
        let nx = 1.0 / x.iter().map(|t| t * t).sum::<f64>().sqrt();
        let ny = 1.0 / y.iter().map(|t| t * t).sum::<f64>().sqrt();
        let (mut cu, mut cv) = (uh.as_mut().col_mut(i), vh.as_mut().col_mut(i));
        for (g, &j) in ug.iter().enumerate() {
            cu[g] = y[j] * ny;
        }
        for (g, &j) in vg.iter().enumerate() {
            cv[g] = x[j] * nx;
        }
    }
    (uh, vh)
}

/// One side (U or V, split into top rows ..`split` and the rest): the kept
/// columns (in the grouping `grouped`; `pick` gives an entry's column and
/// rows on this side) times the arrowhead's vectors `hat` into the first K
/// columns, the deflated columns `dcols` copied after them; a column
/// outside both (V's null column) stays where it is.
#[allow(clippy::too_many_arguments)]
fn side(
    mut q: MatMut<'_, f64>,
    split: usize,
    kept: &[Entry],
    grouped: &[usize],
    pick: impl Fn(&Entry) -> (usize, Rows),
    hat: MatRef<'_, f64>,
    dcols: &[usize],
    par: Par,
) {
    let (m, kk, nd) = (q.nrows(), kept.len(), dcols.len());
    let mut work = Mat::<f64>::zeros(m, kk + nd);
    for (g, &j) in grouped.iter().enumerate() {
        work.col_mut(g).copy_from(q.rb().col(pick(&kept[j]).0));
    }
    for (t, &c) in dcols.iter().enumerate() {
        work.col_mut(kk + t).copy_from(q.rb().col(c));
    }
    let count = |r: Rows| kept.iter().filter(|e| pick(e).1 == r).count();
    let (k1, k3) = (count(Rows::Top), count(Rows::Bottom));
    let (top, bottom) = (kk - k3, kk - k1);
    {
        let (qt, qb) = q.rb_mut().subcols_mut(0, kk).split_at_row_mut(split);
        product(
            qt,
            work.as_ref().submatrix(0, 0, split, top),
            hat.subrows(0, top),
            par,
        );
        product(
            qb,
            work.as_ref().submatrix(split, k1, m - split, bottom),
            hat.subrows(k1, bottom),
            par,
        );
    }
    q.subcols_mut(kk, nd)
        .copy_from(work.as_ref().subcols(kk, nd));
}
