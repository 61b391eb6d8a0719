//! Triangular solves by substitution over quadratic numbers of different
//! fields (the `R` of an exact `chol`: `√2`, `√6/2` in one matrix). Each
//! step is checked arithmetic, so the answer is exact exactly when every
//! partial sum and unknown is one number of a field or one term `x/√k`:
//! `R'\b` for rational `b` always is (unknown `i` is a rational over the
//! `i`-th diagonal entry), and so is `R\(R'\b)`, the two solves of `A\b`
//! through `A = R'R`; `R\b` alone may be (`√2/2 - √6/3 = (3 - 2√3)√2/6`)
//! or not.

use super::quad::{checked_add, checked_mul};
use super::{Quad, QuadMat};
use num_traits::Zero;

/// `x \ y` for a square, upper or lower triangular `x` with a non-zero
/// diagonal, by back or forward substitution; `None` when `x` is not that
/// or an entry of the answer (or of the working) is not one number of a
/// field or one term `x/√k`.
pub fn triangular_solve(x: &QuadMat, y: &QuadMat) -> Option<QuadMat> {
    let n = x.nrows();
    if !x.is_square() || y.nrows() != n {
        return None;
    }
    let zero_where = |off: fn(usize, usize) -> bool| {
        (0..n).all(|i| (0..n).all(|j| !off(i, j) || x[(i, j)].is_zero()))
    };
    let upper = zero_where(|i, j| i > j);
    let lower = zero_where(|i, j| i < j);
    if !upper && !lower {
        return None;
    }
    let pivots: Vec<Quad> = (0..n).map(|i| x[(i, i)].recip()).collect::<Option<_>>()?;
    let order: Vec<usize> = if upper {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    let mut out = QuadMat::zeros(n, y.ncols());
    for c in 0..y.ncols() {
        for &i in &order {
            let known = if upper { i + 1..n } else { 0..i };
            let mut s = y[(i, c)].clone();
            for j in known.filter(|&j| !x[(i, j)].is_zero()) {
                s = checked_add(&s, &-checked_mul(&x[(i, j)], &out[(j, c)])?)?;
            }
            out[(i, c)] = checked_mul(&s, &pivots[i])?;
        }
    }
    Some(out)
}
