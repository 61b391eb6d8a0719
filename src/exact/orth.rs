//! Orthogonal and unit vectors exactly: Gram–Schmidt over the rationals
//! (the orthogonal `v_k` stay rational), unit vectors `v/√k` (each entry a
//! pure radical `v_i/√k` of Q(√k)), and the unit eigenvectors of a matrix
//! whose eigenvalues are exact, under the float `eig` convention (largest
//! entry real and positive; orthonormal within a repeated rational
//! eigenvalue's eigenspace).

use crate::exact::field::{self, Field};
use crate::exact::quad::sqrt_rat;
use crate::exact::splitting;
use crate::exact::{eigenspace, Quad, QuadMat, Rat, RatMat};
use num_traits::Zero;

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
    let s = inv_norm(v)?;
    Some(v.iter().map(|x| &Quad::rat(x.clone()) * &s).collect())
}

/// `1/‖v‖ = 1/√(v·v)` exactly.
fn inv_norm(v: &[Rat]) -> Option<Quad> {
    let k: Rat = v.iter().map(|x| x * x).sum();
    sqrt_rat(&k.recip()?)
}

/// Flips `v` so its first entry of largest magnitude is positive (the sign
/// rule of the float `eig` and `pca`).
fn dominant_positive(v: &mut [Rat]) {
    let Some(big) = v.iter().map(Rat::abs).max() else {
        return;
    };
    if v.iter()
        .find(|x| x.abs() == big)
        .is_some_and(Rat::is_negative)
    {
        v.iter_mut().for_each(|x| *x = -&*x);
    }
}

/// The unit eigenvectors of `a` for its exact eigenvalues `lambdas`
/// (descending and repeated by multiplicity, as
/// [`crate::exact::splitting::eig_split`] gives them), as columns under the
/// float `eig` convention: the first entry of largest magnitude real and
/// positive. A rational eigenvalue's vectors are `v/√k` with rational `v`,
/// and a repeated one gets an orthonormal basis of its eigenspace by exact
/// Gram–Schmidt on the integer basis of `eigenspace` (for symmetric `a`, V
/// is then orthogonal). A simple irrational or complex eigenvalue's vector
/// is `v/√k` with `v` over its field and `k = v'v` (see
/// [`Quad::over_sqrt`]). `None` when `a` is defective (an eigenvalue with
/// fewer independent eigenvectors than its multiplicity), an irrational
/// eigenvalue is repeated, or a squared norm is too large to take the
/// square root of.
pub fn unit_eigenvectors(a: &RatMat, lambdas: &[Quad]) -> Option<QuadMat> {
    let lifted: QuadMat = field::lift(a);
    let mut cols: Vec<Vec<Quad>> = Vec::with_capacity(lambdas.len());
    for (j, l) in lambdas.iter().enumerate() {
        if j > 0 && lambdas[j - 1] == *l {
            continue;
        }
        let multiplicity = lambdas.iter().filter(|x| *x == l).count();
        match l.as_rat() {
            Some(r) => cols.extend(rational_unit_vectors(a, r, multiplicity)?),
            None if multiplicity == 1 => cols.push(field_unit_vector(&lifted, l)?),
            None => return None,
        }
    }
    Some(QuadMat::from_fn(a.nrows(), cols.len(), |i, j| {
        cols[j][i].clone()
    }))
}

/// An orthonormal basis `v/√k` of the eigenspace of the rational `l`.
fn rational_unit_vectors(a: &RatMat, l: &Rat, multiplicity: usize) -> Option<Vec<Vec<Quad>>> {
    let basis = eigenspace(a, l).ok()?;
    if basis.ncols() < multiplicity {
        return None;
    }
    orthonormal_columns(&basis)
}

/// An orthonormal basis of the span of `basis`'s columns: Gram–Schmidt in
/// their order (dependent columns dropped), each `v` turned so its first
/// entry of largest magnitude is positive, then `v/√(v·v)`. `None` when a
/// squared norm is too large to take the square root of.
fn orthonormal_columns(basis: &RatMat) -> Option<Vec<Vec<Quad>>> {
    kept(&gram_schmidt(basis))
        .map(|v| {
            let mut v: Vec<Rat> = v.iter().cloned().collect();
            dominant_positive(&mut v);
            unit(&v)
        })
        .collect()
}

/// [`orthonormal_columns`] as a matrix (`orth` and `null` of exact input).
pub fn orthonormal_basis(basis: &RatMat) -> Option<QuadMat> {
    let cols = orthonormal_columns(basis)?;
    Some(QuadMat::from_fn(basis.nrows(), cols.len(), |i, j| {
        cols[j][i].clone()
    }))
}

/// The unit eigenvector `w/√k` of a simple eigenvalue `l` of a quadratic
/// field: `w` the eigenvector turned so its first entry of largest
/// magnitude is positive (real `l`: a sign; complex `l`: times the conjugate
/// of that entry), as small integers of the field; `k = w'w`.
fn field_unit_vector(a: &QuadMat, l: &Quad) -> Option<Vec<Quad>> {
    let basis = splitting::eigenspace(a, l);
    if basis.ncols() != 1 {
        return None;
    }
    let v: Vec<Quad> = basis.iter().cloned().collect();
    let size = |x: &Quad| {
        if l.is_real() {
            x.clone() * x.clone()
        } else {
            Quad::rat(x.norm())
        }
    };
    let sizes: Vec<Quad> = v.iter().map(size).collect();
    let big = (1..v.len()).fold(0, |b, i| match sizes[i].cmp_real(&sizes[b]) {
        Some(std::cmp::Ordering::Greater) => i,
        _ => b,
    });
    let turn = match v[big].sign() {
        Some(std::cmp::Ordering::Less) => Quad::rat(-Rat::one()),
        Some(_) => Quad::rat(Rat::one()),
        None => v[big].conj(),
    };
    let w = Quad::integer_multiple(
        &v.iter()
            .map(|x| x.clone() * turn.clone())
            .collect::<Vec<_>>(),
    );
    let k = w.iter().fold(Quad::zero(), |s, x| s + size(x));
    w.iter().map(|x| Quad::over_sqrt(x, &k)).collect()
}

/// The kept vectors of a Gram–Schmidt run, in order.
pub fn kept(steps: &[GsStep]) -> impl Iterator<Item = &RatMat> {
    steps.iter().filter_map(|s| s.v.as_ref())
}

/// `Q = [v_1/‖v_1‖ ...]` and `R = Q'A` exactly (row `i` of R is
/// `(v_i·a_j)/‖v_i‖`, in the field of `q_i`), with the columns listed in
/// `flip` negated (and their rows of R), so `A = Q R` for the kept columns.
/// `None` when a norm is too large to take the square root of.
pub fn q_and_r(a: &RatMat, vs: &[&RatMat], flip: &[bool]) -> Option<(QuadMat, QuadMat)> {
    let mut q = QuadMat::zeros(a.nrows(), vs.len());
    let mut r = QuadMat::zeros(vs.len(), a.ncols());
    for (i, v) in vs.iter().enumerate() {
        let s = inv_norm(v.as_slice())?;
        let s = if flip.get(i) == Some(&true) { -s } else { s };
        for (k, x) in v.iter().enumerate() {
            q[(k, i)] = &Quad::rat(x.clone()) * &s;
        }
        for j in 0..a.ncols() {
            let c = dot(v, &a.columns(j, 1).into_owned());
            r[(i, j)] = &Quad::rat(c) * &s;
        }
    }
    Some((q, r))
}

/// `v/‖v‖` as a student writes it: the smallest integer multiple `w` of
/// `v` and `w·w`, so the unit vector is `w/sqrt(w·w)`.
pub fn unit_form(v: &RatMat) -> (RatMat, Rat) {
    let w = Rat::integer_multiple(v.as_slice());
    let w = RatMat::from_column_slice(w.len(), 1, &w);
    let k = norm2(&w);
    (w, k)
}
