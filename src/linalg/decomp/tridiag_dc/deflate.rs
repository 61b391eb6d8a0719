//! Deflation of a rank-one merge D + rho*z*z': an entry whose z component is
//! negligible is already an eigenpair, and two entries with nearly equal d
//! are rotated (Givens) so that one of them gets a zero z component. What is
//! left has strictly increasing d and nonzero z, as the secular solver needs.

use faer::reborrow::ReborrowMut;
use faer::MatMut;

/// Where the nonzero rows of a column of Q = diag(Q1, Q2) are.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(in crate::linalg::decomp) enum Rows {
    Top,
    Both,
    Bottom,
}

/// One entry of the merge, in ascending order of `d`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    pub d: f64,
    pub z: f64,
    /// Column of Q holding its vector.
    pub col: usize,
    pub rows: Rows,
}

/// The entries split into those the secular equation must solve (`kept`,
/// still ascending) and those that are eigenpairs as they stand.
pub(super) struct Deflation {
    pub kept: Vec<Entry>,
    pub deflated: Vec<Entry>,
}

/// Deflates `entries` (ascending in d, |z| = 1) for the coupling `rho` > 0,
/// rotating the columns of `q` where two entries are merged.
pub(super) fn deflate(entries: Vec<Entry>, rho: f64, mut q: MatMut<'_, f64>) -> Deflation {
    let dmax = entries.iter().fold(0.0_f64, |s, x| s.max(x.d.abs()));
    let zmax = entries.iter().fold(0.0_f64, |s, x| s.max(x.z.abs()));
    let tol = 8.0 * f64::EPSILON * dmax.max(zmax);
    let mut kept = Vec::with_capacity(entries.len());
    let mut deflated = Vec::new();
    let mut prev: Option<Entry> = None;
    for mut cur in entries {
        if rho * cur.z.abs() <= tol {
            deflated.push(cur);
            continue;
        }
        if let Some(mut p) = prev {
            let tau = p.z.hypot(cur.z);
            let (c, s) = (cur.z / tau, -p.z / tau);
            if ((cur.d - p.d) * c * s).abs() <= tol {
                // The rotation zeroes p's z and leaves an off-diagonal
                // coupling below tol.
                rotate(q.rb_mut(), p.col, cur.col, c, s);
                let (dp, dc) = (p.d, cur.d);
                p.d = dp * c * c + dc * s * s;
                cur.d = dp * s * s + dc * c * c;
                p.z = 0.0;
                cur.z = tau;
                if p.rows != cur.rows {
                    cur.rows = Rows::Both;
                }
                deflated.push(p);
            } else {
                kept.push(p);
            }
        }
        prev = Some(cur);
    }
    kept.extend(prev);
    Deflation { kept, deflated }
}

/// Columns x, y of q become c*x + s*y and c*y - s*x.
pub(in crate::linalg::decomp) fn rotate(q: MatMut<'_, f64>, x: usize, y: usize, c: f64, s: f64) {
    let mut q = q;
    for i in 0..q.nrows() {
        let (a, b) = (q[(i, x)], q[(i, y)]);
        q[(i, x)] = c * a + s * b;
        q[(i, y)] = c * b - s * a;
    }
}
