//! Linear systems and the matrix functions built on them: det, inv, rcond,
//! A\b, least squares, pinv, rank, cond, null, orth and rref.

use super::decomp::{
    lu_factor, qr, singular_values, svd_full, svd_thin, svd_thin_unsigned, Field, LuFactors,
};
use super::faer_ref;
use super::products::mul_views;
use super::{
    all_finite, ensure_finite, ensure_square, fmt_g, make_dominant_positive, CMat, LinalgError,
};
use super::{RMat, Result, C64};
use nalgebra::DMatrix;

const SINGULAR: &str = "matrix singular to machine precision";

/// Octave's test for "singular to machine precision": rcond + 1 == 1
/// (i.e. rcond below about eps/2) or rcond is NaN.
fn is_numerically_singular(rcond: f64) -> bool {
    rcond + 1.0 == 1.0 || rcond.is_nan()
}

/// Octave's wording: plain when exactly singular, with `%g` rcond otherwise.
fn singular_warning(rcond: f64) -> String {
    if rcond == 0.0 {
        SINGULAR.to_string()
    } else {
        format!("{SINGULAR}, rcond = {}", fmt_g(rcond))
    }
}

/// Maximum absolute column sum.
fn norm1(a: &RMat) -> f64 {
    a.column_iter()
        .map(|c| c.iter().map(|x| x.abs()).sum::<f64>())
        .fold(0.0, f64::max)
}

/// Default rank tolerance, as Octave's rank/pinv/null/orth:
/// max(m, n) * sigma_max * eps.
fn default_tol(shape: (usize, usize), sigma_max: f64) -> f64 {
    shape.0.max(shape.1) as f64 * sigma_max * f64::EPSILON
}

// ---------------------------------------------------------------- det / inv

/// Determinant via LU with partial pivoting (det([]) = 1).
pub fn det(a: &RMat) -> Result<f64> {
    ensure_square("det", a)?;
    Ok(lu_factor(a).det())
}

/// Determinant of a complex matrix via LU with partial pivoting.
pub fn det_c(a: &CMat) -> Result<C64> {
    ensure_square("det", a)?;
    Ok(a.clone().lu().determinant())
}

/// `inv(A)`. Exactly singular (a zero pivot): warns "matrix singular to
/// machine precision" and returns a matrix full of Inf, as Octave. When the
/// reciprocal condition number is below machine precision the warning
/// carries "rcond = X" and the computed inverse is still returned. The
/// rcond here is exact (1-norm of A times 1-norm of the computed inverse).
pub fn inv(a: &RMat, warnings: &mut Vec<String>) -> Result<RMat> {
    ensure_square("inv", a)?;
    let n = a.nrows();
    let f = lu_factor(a);
    if f.has_zero_pivot() {
        warnings.push(singular_warning(0.0));
        return Ok(RMat::from_element(n, n, f64::INFINITY));
    }
    let x = f.inverse();
    if n > 0 {
        let rc = 1.0 / (norm1(a) * norm1(&x));
        if is_numerically_singular(rc) {
            warnings.push(singular_warning(rc));
        }
    }
    Ok(x)
}

/// Reciprocal 1-norm condition estimate, as Octave's `rcond`: 0 for an
/// exactly singular matrix, Inf for the empty matrix, NaN for NaN input.
/// Uses the Hager/Higham estimator of ||A^-1||_1 (LAPACK's dlacon), which
/// needs only a handful of solves with the LU factors.
pub fn rcond(a: &RMat) -> Result<f64> {
    ensure_square("rcond", a)?;
    if a.is_empty() {
        return Ok(f64::INFINITY);
    }
    if !all_finite(a) {
        return Ok(f64::NAN);
    }
    let f = lu_factor(a);
    Ok(rcond_and_solve(a, &f, &RMat::zeros(a.nrows(), 0)).0)
}

/// The rcond estimate from A's LU factors, and A \ B from the same factors
/// (meaningless, and zero, when rcond is 0).
fn rcond_and_solve(a: &RMat, f: &LuFactors, b: &RMat) -> (f64, RMat) {
    let anorm = norm1(a);
    if f.has_zero_pivot() || anorm == 0.0 {
        return (0.0, RMat::zeros(b.nrows(), b.ncols()));
    }
    let (inv_norm, x) = inv_norm1_estimate(f, b);
    (1.0 / (anorm * inv_norm), x)
}

/// Hager's method with Higham's safeguard: a lower bound of ||A^-1||_1 that
/// is almost always within a small factor of the truth. Also returns A \ B:
/// B's columns share the first pass over the factors with the estimator's
/// start vector and Higham's test vector (a pass costs about the same for
/// one right-hand side as for a few, and at n = 1000 each is ~1 ms).
fn inv_norm1_estimate(f: &LuFactors, b: &RMat) -> (f64, RMat) {
    let n = f.lu.nrows();
    let k = b.ncols();
    let mut rhs = RMat::zeros(n, k + 2);
    rhs.columns_mut(0, k).copy_from(b);
    rhs.column_mut(k).fill(1.0 / n as f64);
    // Alternating test vector catches matrices that fool the iteration.
    for i in 0..n {
        let s = if i % 2 == 0 { 1.0 } else { -1.0 };
        rhs[(i, k + 1)] = s * (1.0 + i as f64 / (n.max(2) - 1) as f64);
    }
    let first = f.solve(&rhs);
    let abs_sum = |m: &RMat| m.iter().map(|v| v.abs()).sum::<f64>();
    let alt_est = 2.0 * abs_sum(&first.columns(k + 1, 1).into_owned()) / (3.0 * n as f64);
    let mut x = rhs.columns(k, 1).into_owned();
    let mut y = first.columns(k, 1).into_owned();
    let mut est = 0.0;
    let mut last_j = usize::MAX;
    for iter in 0..5 {
        if iter > 0 {
            y = f.solve(&x);
        }
        let y_norm = abs_sum(&y);
        if iter > 0 && y_norm <= est {
            break;
        }
        est = y_norm;
        let signs = y.map(|v| if v >= 0.0 { 1.0 } else { -1.0 });
        let z = f.solve_transpose(&signs);
        let j = z.iamax_full().0;
        if iter > 0 && (j == last_j || z[j].abs() <= z.dot(&x)) {
            break;
        }
        last_j = j;
        x = RMat::zeros(n, 1);
        x[j] = 1.0;
    }
    (est.max(alt_est), first.columns(0, k).into_owned())
}

// ---------------------------------------------------------------- A \ b

/// `A \ B` (Octave's mldivide for full matrices).
/// * square: LU with partial pivoting. If A is singular to machine precision
///   (see [`inv`]) the singular warning is pushed and, as Octave does, the
///   minimum-norm least-squares solution is returned instead.
/// * tall: least squares via QR; when R looks ill-conditioned the SVD
///   decides the rank, "rank deficient MxN matrix, rank = R" is pushed if it
///   is deficient, and the minimum-norm solution is returned.
/// * wide: minimum-norm solution via the SVD (same warning when deficient).
///
/// Rank tolerance: max(m, n) * sigma_max * eps, as [`rank`]. With NaN/Inf
/// in A or B nothing is fitted and no warning is given: square systems
/// return the LU result, others NaN (NaN propagates rather than erroring).
pub fn solve(a: &RMat, b: &RMat, warnings: &mut Vec<String>) -> Result<RMat> {
    check_conformant(a.shape(), b.shape())?;
    let (m, n) = a.shape();
    if a.is_empty() {
        return Ok(RMat::zeros(n, b.ncols()));
    }
    let finite = all_finite(a) && all_finite(b);
    if m == n {
        solve_square(a, b, finite, warnings)
    } else if !finite {
        // Nothing sensible to fit; let NaN propagate instead of erroring.
        Ok(RMat::from_element(n, b.ncols(), f64::NAN))
    } else if m > n {
        solve_tall(a, b, warnings)
    } else {
        lstsq_warn(a, b, warnings)
    }
}

fn check_conformant(a: (usize, usize), b: (usize, usize)) -> Result<()> {
    if a.0 == b.0 {
        Ok(())
    } else {
        Err(LinalgError::Nonconformant {
            func: "operator \\",
            a,
            b,
        })
    }
}

fn solve_square(a: &RMat, b: &RMat, finite: bool, warnings: &mut Vec<String>) -> Result<RMat> {
    let f = lu_factor(a);
    if !finite {
        return Ok(f.solve(b));
    }
    let (rc, x) = rcond_and_solve(a, &f, b);
    if is_numerically_singular(rc) {
        warnings.push(singular_warning(rc));
        return Ok(lstsq_rank(a, b)?.0);
    }
    Ok(x)
}

/// Full-rank tall systems go through economy QR; anything whose R diagonal
/// spans more than 1/sqrt(eps) is handed to the SVD, which is both more
/// accurate there and authoritative about the rank.
fn solve_tall(a: &RMat, b: &RMat, warnings: &mut Vec<String>) -> Result<RMat> {
    let (q, r) = qr(a, true);
    let d: Vec<f64> = (0..r.nrows()).map(|i| r[(i, i)].abs()).collect();
    let dmax = d.iter().copied().fold(0.0, f64::max);
    let dmin = d.iter().copied().fold(f64::INFINITY, f64::min);
    if dmin <= f64::EPSILON.sqrt() * dmax {
        return lstsq_warn(a, b, warnings);
    }
    let rhs = q.transpose() * b;
    let r = r.upper_triangle();
    Ok(r.solve_upper_triangular(&rhs)
        .expect("R has a nonzero diagonal (checked above)"))
}

fn lstsq_warn(a: &RMat, b: &RMat, warnings: &mut Vec<String>) -> Result<RMat> {
    let (x, r) = lstsq_rank(a, b)?;
    let (m, n) = a.shape();
    if r < m.min(n) {
        warnings.push(format!("rank deficient {m}x{n} matrix, rank = {r}"));
    }
    Ok(x)
}

/// Minimum-norm least-squares solution of A*X = B for any shape (via the
/// SVD, with [`pinv`]'s default tolerance).
pub fn lstsq(a: &RMat, b: &RMat) -> Result<RMat> {
    check_conformant(a.shape(), b.shape())?;
    Ok(lstsq_rank(a, b)?.0)
}

/// Min-norm solution X = V_r diag(1/s_r) U_r' B and the numerical rank r
/// used for it (pinv's tolerance), real or complex; both products run in
/// faer, U_r' read through a view.
fn lstsq_rank<T: Field>(a: &DMatrix<T>, b: &DMatrix<T>) -> Result<(DMatrix<T>, usize)> {
    ensure_finite("lstsq", b)?;
    let (s, u, v) = svd_thin_unsigned("lstsq", a)?;
    let r = kept_values(a.shape(), &s, None);
    let mut ut_b = mul_views(leading_columns(&u, r).adjoint(), faer_ref(b));
    for mut col in ut_b.column_iter_mut() {
        for (x, &si) in col.iter_mut().zip(&s) {
            *x /= T::from_real(si);
        }
    }
    Ok((mul_views(leading_columns(&v, r), faer_ref(&ut_b)), r))
}

/// `A \ B` for complex operands: LU for square (singular → warning and
/// minimum-norm least squares), minimum-norm least squares otherwise.
pub fn solve_c(a: &CMat, b: &CMat, warnings: &mut Vec<String>) -> Result<CMat> {
    check_conformant(a.shape(), b.shape())?;
    let (m, n) = a.shape();
    if a.is_empty() {
        return Ok(CMat::zeros(n, b.ncols()));
    }
    if m == n {
        let lu = a.clone().lu();
        let rc = lu
            .try_inverse()
            .map_or(0.0, |ai| 1.0 / (norm1_c(a) * norm1_c(&ai)));
        if !is_numerically_singular(rc) {
            return Ok(lu.solve(b).expect("LU of a nonsingular matrix solves"));
        }
        warnings.push(singular_warning(rc));
        return Ok(lstsq_rank(a, b)?.0);
    }
    let (x, r) = lstsq_rank(a, b)?;
    if r < m.min(n) {
        warnings.push(format!("rank deficient {m}x{n} matrix, rank = {r}"));
    }
    Ok(x)
}

fn norm1_c(a: &CMat) -> f64 {
    a.column_iter()
        .map(|c| c.iter().map(|x| x.norm()).sum::<f64>())
        .fold(0.0, f64::max)
}

// ---------------------------------------------------------------- SVD based

/// Moore-Penrose pseudoinverse (n x m). Singular values <= tol are dropped;
/// default tol = max(m, n) * sigma_max * eps (Octave).
pub fn pinv(a: &RMat, tol: Option<f64>) -> Result<RMat> {
    let (s, u, v) = svd_thin_unsigned("pinv", a)?;
    Ok(pinv_from_svd(a.shape(), &s, &u, &v, tol))
}

/// Pseudoinverse of a complex matrix (V' is the conjugate transpose), with
/// [`pinv`]'s tolerance.
pub fn pinv_c(a: &CMat, tol: Option<f64>) -> Result<CMat> {
    let (s, u, v) = svd_thin_unsigned("pinv", a)?;
    Ok(pinv_from_svd(a.shape(), &s, &u, &v, tol))
}

/// V_r diag(1/s_r) U_r' from a thin SVD, keeping the singular values > tol.
fn pinv_from_svd<T>(
    shape: (usize, usize),
    s: &[f64],
    u: &DMatrix<T>,
    v: &DMatrix<T>,
    tol: Option<f64>,
) -> DMatrix<T>
where
    T: Field,
{
    let r = kept_values(shape, s, tol);
    let mut vr = v.columns(0, r).into_owned();
    for (j, mut col) in vr.column_iter_mut().enumerate() {
        col *= T::from_real(1.0 / s[j]);
    }
    mul_views(faer_ref(&vr), leading_columns(u, r).adjoint())
}

/// How many singular values (descending) exceed tol, by default
/// max(m, n) * sigma_max * eps (Octave).
fn kept_values(shape: (usize, usize), s: &[f64], tol: Option<f64>) -> usize {
    let tol = tol.unwrap_or_else(|| default_tol(shape, s.first().copied().unwrap_or(0.0)));
    s.iter().take_while(|&&x| x > tol).count()
}

/// The first r columns of `a` (a prefix of its column-major buffer) as a
/// faer view, without a copy.
fn leading_columns<T: Field>(a: &DMatrix<T>, r: usize) -> faer::MatRef<'_, T> {
    faer::MatRef::from_column_major_slice(&a.as_slice()[..a.nrows() * r], a.nrows(), r)
}

/// Numerical rank: number of singular values > tol, default
/// max(m, n) * sigma_max * eps (Octave). rank([]) = 0.
pub fn rank(a: &RMat, tol: Option<f64>) -> Result<usize> {
    let s = singular_values("rank", a)?;
    Ok(kept_values(a.shape(), &s, tol))
}

/// 2-norm condition number sigma_max / sigma_min (any shape). Inf when
/// sigma_min is 0; cond([]) = 0 as Octave.
pub fn cond(a: &RMat) -> Result<f64> {
    let s = singular_values("cond", a)?;
    Ok(match (s.first(), s.last()) {
        (Some(_), Some(&0.0)) => f64::INFINITY,
        (Some(&hi), Some(&lo)) => hi / lo,
        _ => 0.0,
    })
}

/// Orthonormal basis of the null space (n x (n - rank)), from the trailing
/// right singular vectors, as Octave's `null`: entries below eps in
/// magnitude are set to 0, and each column's largest entry is positive.
/// A full-rank matrix gives n x 0. Singular values <= `tol` count as zero
/// (default max(m, n) * sigma_max * eps, as Octave).
pub fn null(a: &RMat, tol: Option<f64>) -> Result<RMat> {
    let n = a.ncols();
    let (sigma, _, v) = svd_full("null", a)?;
    let tol = tol.unwrap_or_else(|| default_tol(a.shape(), sigma.first().copied().unwrap_or(0.0)));
    let r = sigma.iter().filter(|&&x| x > tol).count();
    let mut basis = v
        .columns(r, n - r)
        .map(|x| if x.abs() < f64::EPSILON { 0.0 } else { x });
    for j in 0..basis.ncols() {
        make_dominant_positive(&mut basis, j);
    }
    Ok(basis)
}

/// Orthonormal basis of the range (m x rank): the leading left singular
/// vectors, as Octave's `orth`. Singular values <= `tol` count as zero
/// (default max(m, n) * sigma_max * eps).
pub fn orth(a: &RMat, tol: Option<f64>) -> Result<RMat> {
    let (s, u, _) = svd_thin("orth", a)?;
    let tol = tol.unwrap_or_else(|| default_tol(a.shape(), s.first().copied().unwrap_or(0.0)));
    let r = s.iter().filter(|&&x| x > tol).count();
    Ok(u.columns(0, r).into_owned())
}

// ---------------------------------------------------------------- rref

/// Reduced row echelon form by Gauss-Jordan elimination with partial
/// pivoting, following Octave's rref.m: a column whose best pivot is
/// <= tol is skipped and its remaining entries set to exactly 0. Default
/// tol = eps * max(m, n) * norm(A, inf). Returns the pivot columns 1-based.
pub fn rref(a: &RMat, tol: Option<f64>) -> (RMat, Vec<usize>) {
    let (m, n) = a.shape();
    let mut r = a.clone();
    let mut pivots = Vec::new();
    if m == 0 || n == 0 {
        return (r, pivots);
    }
    let row_sum_max = r
        .row_iter()
        .map(|row| row.iter().map(|x| x.abs()).sum::<f64>())
        .fold(0.0, f64::max);
    let tol = tol.unwrap_or(f64::EPSILON * m.max(n) as f64 * row_sum_max);
    let mut row = 0;
    for c in 0..n {
        let (p, max) = (row..m).fold((row, -1.0), |(bp, bm), i| {
            if r[(i, c)].abs() > bm {
                (i, r[(i, c)].abs())
            } else {
                (bp, bm)
            }
        });
        if max <= tol {
            r.view_mut((row, c), (m - row, 1)).fill(0.0);
            continue;
        }
        pivots.push(c + 1);
        r.swap_rows(p, row);
        eliminate(&mut r, row, c);
        row += 1;
        if row == m {
            break;
        }
    }
    (r, pivots)
}

/// Scales pivot row `row` so r[row, c] = 1 and clears column c elsewhere.
fn eliminate(r: &mut RMat, row: usize, c: usize) {
    let (m, n) = r.shape();
    let pivot = r[(row, c)];
    for j in c..n {
        r[(row, j)] /= pivot;
    }
    r[(row, c)] = 1.0;
    for i in (0..m).filter(|&i| i != row) {
        let factor = r[(i, c)];
        if factor != 0.0 {
            for j in c..n {
                r[(i, j)] -= factor * r[(row, j)];
            }
            r[(i, c)] = 0.0;
        }
    }
}

#[cfg(test)]
#[path = "tests/solve.rs"]
mod tests;
