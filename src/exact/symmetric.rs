//! Exact decisions about symmetric matrices by symmetric elimination: the
//! inertia (signs of the eigenvalues) and definiteness of the symmetric
//! part, and the L D L' factorisation behind `chol`'s exact test.

use crate::exact::matrix::{self, RatMat};
use crate::exact::{require_square, Rat, Result};

/// The inertia of the symmetric part S = (A + A')/2 of a square matrix:
/// how many eigenvalues of S are positive, negative and zero, decided
/// exactly. Symmetric elimination (S -> E S E', a congruence) keeps the
/// inertia (Sylvester's law), and each diagonal pivot adds its sign; when
/// every remaining diagonal entry is zero but some S_ij is not, adding row
/// and column j to row and column i makes the pivot 2 S_ij. What is left
/// when everything remaining is zero counts as zero eigenvalues.
pub fn inertia(a: &RatMat) -> Result<(usize, usize, usize)> {
    let n = require_square("definiteness", a)?;
    let half = Rat::from_i64(1) / Rat::from_i64(2);
    let mut s: Vec<Vec<Rat>> = (0..n)
        .map(|i| (0..n).map(|j| &(&a[(i, j)] + &a[(j, i)]) * &half).collect())
        .collect();
    let mut live: Vec<usize> = (0..n).collect();
    let (mut pos, mut neg) = (0, 0);
    while !live.is_empty() {
        if let Some(k) = live.iter().position(|&i| !s[i][i].is_zero()) {
            let p = live.remove(k);
            let d = s[p][p].clone();
            if d.is_positive() {
                pos += 1;
            } else {
                neg += 1;
            }
            for &i in &live {
                if s[i][p].is_zero() {
                    continue;
                }
                let f = &s[i][p] / &d;
                for &j in &live {
                    if !s[p][j].is_zero() {
                        let t = &f * &s[p][j];
                        s[i][j] = &s[i][j] - &t;
                    }
                }
            }
            continue;
        }
        let pair = live.iter().enumerate().find_map(|(x, &i)| {
            live[x + 1..]
                .iter()
                .find(|&&j| !s[i][j].is_zero())
                .map(|&j| (i, j))
        });
        let Some((i, j)) = pair else {
            break; // the rest of S is zero
        };
        for &k in &live {
            let t = s[j][k].clone();
            s[i][k] += t;
        }
        for &k in &live {
            let t = s[k][j].clone();
            s[k][i] += t;
        }
    }
    Ok((pos, neg, n - pos - neg))
}

/// The class of the symmetric part of `a` from its exact [`inertia`]: one
/// of "positive definite", "negative definite", "positive semidefinite",
/// "negative semidefinite", "indefinite" (the zero matrix is reported as
/// positive semidefinite).
pub fn definiteness(a: &RatMat) -> Result<&'static str> {
    let (pos, neg, zero) = inertia(a)?;
    Ok(match (pos, neg, zero) {
        (_, 0, 0) => "positive definite",
        (0, _, 0) => "negative definite",
        (_, 0, _) => "positive semidefinite",
        (0, _, _) => "negative semidefinite",
        _ => "indefinite",
    })
}

/// Exact A = L D L' without pivoting, reading only the upper triangle of
/// `a` (as `chol` does): `Ok(Ok((L, d)))` when every pivot is positive,
/// i.e. the symmetric matrix is positive definite (Sylvester's criterion:
/// pivot k is the ratio of leading principal minors k and k-1), and
/// `Ok(Err(k))` when leading minor k (1-based) is the first that is not
/// positive. `L` is unit lower triangular, `d` holds the pivots.
#[allow(clippy::type_complexity)]
pub fn ldl_posdef(a: &RatMat) -> Result<std::result::Result<(RatMat, Vec<Rat>), usize>> {
    let n = require_square("chol", a)?;
    let mut s = RatMat::from_fn(n, n, |i, j| a[(i.min(j), i.max(j))].clone());
    let mut l = matrix::identity(n);
    let mut d = Vec::with_capacity(n);
    for p in 0..n {
        let piv = s[(p, p)].clone();
        if !piv.is_positive() {
            return Ok(Err(p + 1));
        }
        for i in p + 1..n {
            if s[(i, p)].is_zero() {
                continue;
            }
            let f = &s[(i, p)] / &piv;
            for j in p + 1..n {
                if !s[(p, j)].is_zero() {
                    let t = &f * &s[(p, j)];
                    s[(i, j)] = &s[(i, j)] - &t;
                }
            }
            l[(i, p)] = f;
        }
        d.push(piv);
    }
    Ok(Ok((l, d)))
}
