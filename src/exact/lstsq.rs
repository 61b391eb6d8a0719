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

use crate::exact::elim::{rref_plain, solve};
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
    let (r_full, pivots) = rref_plain(a);
    let r = pivots.len();
    if r == 0 {
        return Ok((matrix::zeros(a.ncols(), b.ncols()), 0));
    }
    let c = a.select_columns(pivots.iter());
    let rows = r_full.rows(0, r).into_owned();
    let ct = transpose(&c);
    // (C'C) y = C'b, then (R R') z = y, then x = R' z.
    let y = solve_full_rank(&matmul(&ct, &c)?, &matmul(&ct, b)?)?;
    let rt = transpose(&rows);
    let z = solve_full_rank(&matmul(&rows, &rt)?, &y)?;
    Ok((matmul(&rt, &z)?, r))
}

/// `pinv(A)` exactly, with the rank of `A`.
pub fn pinv(a: &RatMat) -> Result<(RatMat, usize)> {
    lstsq(a, &matrix::identity(a.nrows()))
}

/// Solves a Gram system of full rank (always invertible by construction).
fn solve_full_rank(g: &RatMat, rhs: &RatMat) -> Result<RatMat> {
    solve(g, rhs)?.ok_or(ExactError::Singular { func: "mldivide" })
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
    }
}
