//! Orthogonal and unit vectors exactly: Gram–Schmidt over the rationals
//! (the orthogonal `v_k` stay rational), unit vectors `v/√k` (each entry a
//! pure radical `v_i/√k` of Q(√k)), and the unit eigenvectors of a matrix
//! whose eigenvalues are rational and distinct, under the float `eig`
//! convention (largest entry positive).

use crate::exact::quad::sqrt_rat;
use crate::exact::{eig_exact, eigenspace, Quad, QuadMat, Rat, RatMat};

/// One Gram–Schmidt column: `v = a_col - Σ c_j v_j` over the earlier kept
/// vectors `j` (1-based, only the non-zero `c_j`), or `v = None` when the
/// column depends on the earlier ones and is dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct GsStep {
    pub col: usize,
    pub terms: Vec<(usize, Rat)>,
    pub v: Option<RatMat>,
}

fn dot(x: &RatMat, y: &RatMat) -> Rat {
    x.iter().zip(y.iter()).map(|(p, q)| p * q).sum()
}

/// `v·v`.
pub fn norm2(v: &RatMat) -> Rat {
    dot(v, v)
}

/// Classical Gram–Schmidt in exact arithmetic:
/// `v_k = a_k - Σ_j (a_k·v_j / v_j·v_j) v_j`, dropping the columns that give 0.
pub fn gram_schmidt(a: &RatMat) -> Vec<GsStep> {
    let mut kept: Vec<RatMat> = Vec::new();
    let mut out = Vec::with_capacity(a.ncols());
    for col in 0..a.ncols() {
        let ak = a.columns(col, 1).into_owned();
        let mut v = ak.clone();
        let mut terms = Vec::new();
        for (j, vj) in kept.iter().enumerate() {
            let c = dot(&ak, vj) / norm2(vj);
            if !c.is_zero() {
                v -= vj.map(|x| &x * &c);
                terms.push((j + 1, c));
            }
        }
        let dropped = v.iter().all(Rat::is_zero);
        if !dropped {
            kept.push(v.clone());
        }
        out.push(GsStep {
            col,
            terms,
            v: (!dropped).then_some(v),
        });
    }
    out
}

/// `v/‖v‖` exactly: entries `v_i/√k` with `k = v·v` (rational when `k` is
/// a square). `None` for the zero vector or a `k` too large to factor.
pub fn unit(v: &[Rat]) -> Option<Vec<Quad>> {
    let k: Rat = v.iter().map(|x| x * x).sum();
    let s = sqrt_rat(&k.recip()?)?;
    Some(v.iter().map(|x| &Quad::rat(x.clone()) * &s).collect())
}

/// The columns of `a` as unit vectors (see [`unit`]), in one matrix whose
/// columns may lie in different fields.
pub fn unit_columns(a: &RatMat) -> Option<QuadMat> {
    let cols: Option<Vec<Vec<Quad>>> = a
        .column_iter()
        .map(|c| unit(&c.iter().cloned().collect::<Vec<_>>()))
        .collect();
    let cols = cols?;
    Some(QuadMat::from_fn(a.nrows(), a.ncols(), |i, j| {
        cols[j][i].clone()
    }))
}

/// Flips `v` so its first entry of largest magnitude is positive (the sign
/// rule of the float `eig` and `pca`).
fn dominant_positive(v: &mut [Rat]) {
    let Some(big) = v.iter().map(Rat::abs).max() else {
        return;
    };
    if v.iter().find(|x| x.abs() == big).is_some_and(Rat::is_negative) {
        v.iter_mut().for_each(|x| *x = -&*x);
    }
}

/// `[V, D] = eig(A)` exactly when every eigenvalue is rational and simple:
/// the eigenvalues descending and the unit eigenvectors `v/√k` as columns
/// (largest entry positive). `None` otherwise: repeated eigenvalues have
/// no unique unit basis, and irrational ones give norms outside the field.
pub fn unit_eigenvectors(a: &RatMat) -> Option<(Vec<Rat>, QuadMat)> {
    let lambdas = eig_exact(a)?;
    if lambdas.windows(2).any(|w| w[0] == w[1]) {
        return None;
    }
    let mut cols = RatMat::zeros(a.nrows(), lambdas.len());
    for (j, l) in lambdas.iter().enumerate() {
        let basis = eigenspace(a, l).ok()?;
        if basis.ncols() != 1 {
            return None;
        }
        let mut v: Vec<Rat> = basis.iter().cloned().collect();
        dominant_positive(&mut v);
        cols.column_mut(j)
            .iter_mut()
            .zip(v)
            .for_each(|(c, x)| *c = x);
    }
    Some((lambdas, unit_columns(&cols)?))
}
