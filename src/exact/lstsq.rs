//! Exact least squares and pseudoinverse for any shape and rank, through the
//! full-rank factorisation A = C R: C holds A's pivot columns (m x r), R the
//! non-zero rows of rref(A) (r x n). Both have full rank r, so C'C and R R'
//! are invertible and
//!
//! `pinv(A) = R' (R R')^-1 (C'C)^-1 C'`,
//!
//! which gives the minimum-norm least-squares solution `x = pinv(A) b`
//! (for full column rank R = I and this is the normal equations; for full
//! row rank C'C cancels and it is the minimum-norm solution R'(RR')^-1 b).

use crate::exact::echelon::rref_plain;
use crate::exact::elim::solve;
use crate::exact::matrix::{self, matmul, transpose, RatMat};
use crate::exact::{ExactError, Result};

/// `X = pinv(A) B` exactly, with the rank of `A`.
pub fn lstsq(a: &RatMat, b: &RatMat) -> Result<(RatMat, usize)> {
    if b.nrows() != a.nrows() {
        return Err(ExactError::Nonconformant {
            func: "mldivide",
            a: a.shape(),
            b: b.shape(),
        });
    }
    match full_rank(a) {
        None => Ok((matrix::zeros(a.ncols(), b.ncols()), 0)),
        Some((c, r)) => Ok((apply(&c, &r, &matmul(&transpose(&c), b)?)?, r.nrows())),
    }
}

/// `pinv(A)` exactly, with the rank of `A` (C' stands in for C'B: no m x m identity).
pub fn pinv(a: &RatMat) -> Result<(RatMat, usize)> {
    match full_rank(a) {
        None => Ok((matrix::zeros(a.ncols(), a.nrows()), 0)),
        Some((c, r)) => Ok((apply(&c, &r, &transpose(&c))?, r.nrows())),
    }
}

/// `A = C R` with C the pivot columns of A and R the non-zero rows of
/// rref(A); `None` for the zero matrix (rank 0).
fn full_rank(a: &RatMat) -> Option<(RatMat, RatMat)> {
    let (r_full, pivots) = rref_plain(a);
    if pivots.is_empty() {
        return None;
    }
    let c = a.select_columns(pivots.iter());
    Some((c, r_full.rows(0, pivots.len()).into_owned()))
}

/// `R' (R R')^-1 (C'C)^-1 M` for `M` = C'B: solve `(C'C) Y = M`, then
/// `(R R') Z = Y`; both Gram matrices have full rank r, so are invertible.
fn apply(c: &RatMat, r: &RatMat, m: &RatMat) -> Result<RatMat> {
    let singular = || ExactError::Singular { func: "mldivide" };
    let y = solve(&matmul(&transpose(c), c)?, m)?.ok_or_else(singular)?;
    let rt = transpose(r);
    let z = solve(&matmul(r, &rt)?, &y)?.ok_or_else(singular)?;
    matmul(&rt, &z)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::matrix::from_i64_rows;
    use crate::exact::Rat;

    fn q(n: i64, d: i64) -> Rat {
        Rat::from_i64(n) / Rat::from_i64(d)
    }

    #[test]
    fn tall_full_rank_is_the_exact_normal_equations_solution() {
        // [2 1; 1 0; 1 0] x = [3; 1; 1] is consistent with x = [1; 1].
        let a = from_i64_rows(3, 2, &[2, 1, 1, 0, 1, 0]);
        let (x, r) = lstsq(&a, &from_i64_rows(3, 1, &[3, 1, 1])).unwrap();
        assert_eq!((x, r), (from_i64_rows(2, 1, &[1, 1]), 2));
    }

    #[test]
    fn rank_one_gives_the_minimum_norm_solution() {
        // A = [1;2] [1 2]: A'A = 5 [1 2; 2 4]; for b = [1; 2], x = (1/5)[1; 2].
        let a = from_i64_rows(2, 2, &[1, 2, 2, 4]);
        let (x, r) = lstsq(&a, &from_i64_rows(2, 1, &[1, 2])).unwrap();
        assert_eq!(r, 1);
        assert_eq!(x.as_slice(), &[q(1, 5), q(2, 5)]);
        // pinv of a rank-one u v' is v u' / (|u|^2 |v|^2) = A' / 25.
        let (p, _) = pinv(&a).unwrap();
        assert_eq!(p, transpose(&a).map(|e| e / Rat::from_i64(25)));
    }

    #[test]
    fn zero_matrix_gives_zero() {
        let (x, r) = lstsq(&matrix::zeros(2, 3), &from_i64_rows(2, 1, &[1, 1])).unwrap();
        assert_eq!((x, r), (matrix::zeros(3, 1), 0));
        assert_eq!(
            pinv(&matrix::zeros(2, 3)).unwrap(),
            (matrix::zeros(3, 2), 0)
        );
    }
}
