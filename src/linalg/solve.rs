//! Linear systems and the matrix functions built on them: det, inv, rcond,
//! A\b, least squares, pinv, rank, cond, null, orth and rref.

use super::decomp::{lu_factor, qr, singular_values, svd_full, svd_thin, svd_thin_c, LuFactors};
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
        return Ok(lstsq_rank(a, b, None)?.0);
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
    let (x, r) = lstsq_rank(a, b, None)?;
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
    Ok(lstsq_rank(a, b, None)?.0)
}

/// Min-norm solution and the numerical rank used for it.
fn lstsq_rank(a: &RMat, b: &RMat, tol: Option<f64>) -> Result<(RMat, usize)> {
    ensure_finite("lstsq", b)?;
    let (s, u, v) = svd_thin("lstsq", a)?;
    let tol = tol.unwrap_or_else(|| default_tol(a.shape(), s.first().copied().unwrap_or(0.0)));
    let r = s.iter().take_while(|&&x| x > tol).count();
    let ut_b = u.columns(0, r).transpose() * b;
    let scaled = RMat::from_fn(r, b.ncols(), |i, j| ut_b[(i, j)] / s[i]);
    Ok((v.columns(0, r) * scaled, r))
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
        return Ok(lstsq_c_rank(a, b)?.0);
    }
    let (x, r) = lstsq_c_rank(a, b)?;
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

fn lstsq_c_rank(a: &CMat, b: &CMat) -> Result<(CMat, usize)> {
    ensure_finite("lstsq", b)?;
    let (s, u, v) = svd_thin_c("lstsq", a)?;
    let tol = default_tol(a.shape(), s.first().copied().unwrap_or(0.0));
    let r = s.iter().take_while(|&&x| x > tol).count();
    let uh_b = u.columns(0, r).adjoint() * b;
    let scaled = CMat::from_fn(r, b.ncols(), |i, j| uh_b[(i, j)] / s[i]);
    Ok((v.columns(0, r) * scaled, r))
}

// ---------------------------------------------------------------- SVD based

/// Moore-Penrose pseudoinverse (n x m). Singular values <= tol are dropped;
/// default tol = max(m, n) * sigma_max * eps (Octave).
pub fn pinv(a: &RMat, tol: Option<f64>) -> Result<RMat> {
    let (s, u, v) = svd_thin("pinv", a)?;
    Ok(pinv_from_svd(a.shape(), &s, &u, &v, tol))
}

/// Pseudoinverse of a complex matrix (V' is the conjugate transpose), with
/// [`pinv`]'s tolerance.
pub fn pinv_c(a: &CMat, tol: Option<f64>) -> Result<CMat> {
    let (s, u, v) = svd_thin_c("pinv", a)?;
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
    T: nalgebra::ComplexField<RealField = f64>,
{
    let tol = tol.unwrap_or_else(|| default_tol(shape, s.first().copied().unwrap_or(0.0)));
    let r = s.iter().take_while(|&&x| x > tol).count();
    let mut vr = v.columns(0, r).into_owned();
    for (j, mut col) in vr.column_iter_mut().enumerate() {
        col *= T::from_real(1.0 / s[j]);
    }
    vr * u.columns(0, r).adjoint()
}

/// Numerical rank: number of singular values > tol, default
/// max(m, n) * sigma_max * eps (Octave). rank([]) = 0.
pub fn rank(a: &RMat, tol: Option<f64>) -> Result<usize> {
    let s = singular_values("rank", a)?;
    let tol = tol.unwrap_or_else(|| default_tol(a.shape(), s.first().copied().unwrap_or(0.0)));
    Ok(s.iter().filter(|&&x| x > tol).count())
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
/// A full-rank matrix gives n x 0.
pub fn null(a: &RMat) -> Result<RMat> {
    let n = a.ncols();
    let (sigma, _, v) = svd_full("null", a)?;
    let tol = default_tol(a.shape(), sigma.first().copied().unwrap_or(0.0));
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
/// vectors (largest entry of each column positive), as Octave's `orth`.
pub fn orth(a: &RMat) -> Result<RMat> {
    let (s, u, _) = svd_thin("orth", a)?;
    let tol = default_tol(a.shape(), s.first().copied().unwrap_or(0.0));
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
mod tests {
    use super::*;
    use crate::linalg::testutil::{hilb, orth_err, rel_err, rel_err_c, Rng};
    use nalgebra::DVector;

    const TOL: f64 = 1e-10;

    fn m(r: usize, c: usize, v: &[f64]) -> RMat {
        RMat::from_row_slice(r, c, v)
    }

    #[test]
    fn det_values() {
        assert_eq!(det(&m(2, 2, &[1.0, 2.0, 3.0, 4.0])), Ok(-2.0));
        assert_eq!(det(&m(2, 2, &[1.0, 2.0, 2.0, 4.0])), Ok(0.0));
        assert_eq!(det(&RMat::zeros(0, 0)), Ok(1.0));
        let big = RMat::from_diagonal(&DVector::from_vec(vec![1e200, 1e200, 1e-300]));
        assert!((det(&big).expect("square") / 1e100 - 1.0).abs() < 1e-12);
        let mut rng = Rng::new(11);
        for n in [3, 17, 90] {
            let a = rng.mat(n, n);
            let want = a.clone().determinant();
            assert!((det(&a).expect("square") - want).abs() <= 1e-9 * want.abs());
        }
        let c = CMat::from_row_slice(
            2,
            2,
            &[
                C64::new(0.0, 1.0),
                C64::new(1.0, 0.0),
                C64::new(1.0, 0.0),
                C64::new(0.0, 1.0),
            ],
        );
        assert!((det_c(&c).expect("square") - C64::new(-2.0, 0.0)).norm() < 1e-15);
        assert!(det(&RMat::zeros(2, 3)).is_err());
    }

    #[test]
    fn inv_and_warnings() {
        let mut w = Vec::new();
        let mut rng = Rng::new(12);
        for n in [1, 5, 40, 120, 530] {
            let a = rng.mat(n, n) + RMat::identity(n, n) * 2.0;
            let x = inv(&a, &mut w).expect("square");
            assert!(rel_err(&(&a * x), &RMat::identity(n, n)) < TOL);
        }
        assert!(w.is_empty());
        let x = inv(&m(2, 2, &[1.0, 2.0, 2.0, 4.0]), &mut w).expect("square");
        assert!(x.iter().all(|v| *v == f64::INFINITY));
        assert_eq!(w, vec!["matrix singular to machine precision".to_string()]);
        w.clear();
        let x = inv(&hilb(12), &mut w).expect("square");
        assert!(x.iter().all(|v| v.is_finite()));
        assert_eq!(w.len(), 1);
        assert!(
            w[0].starts_with("matrix singular to machine precision, rcond = "),
            "{}",
            w[0]
        );
        assert!(w[0].contains("e-"));
        w.clear();
        inv(&hilb(8), &mut w).expect("square");
        assert!(w.is_empty(), "hilb(8) has rcond ~ 3e-11, no warning");
        assert_eq!(inv(&RMat::zeros(0, 0), &mut w), Ok(RMat::zeros(0, 0)));
        assert_eq!(
            inv(&RMat::zeros(2, 3), &mut w).unwrap_err().to_string(),
            "inv: input must be a square matrix (got 2x3)"
        );
    }

    #[test]
    fn rcond_estimate_brackets_exact_value() {
        let mut rng = Rng::new(13);
        for n in [2, 7, 30, 80] {
            for a in [rng.mat(n, n), hilb(n.min(10))] {
                let ai = a
                    .clone()
                    .try_inverse()
                    .expect("random matrices are invertible");
                let exact = 1.0 / (norm1(&a) * norm1(&ai));
                let est = rcond(&a).expect("square");
                assert!(
                    est >= exact * (1.0 - 1e-4) && est <= 10.0 * exact,
                    "{est} vs {exact}"
                );
            }
        }
        assert_eq!(rcond(&m(2, 2, &[1.0, 2.0, 2.0, 4.0])), Ok(0.0));
        assert_eq!(rcond(&RMat::identity(3, 3)), Ok(1.0));
        assert_eq!(rcond(&RMat::zeros(0, 0)), Ok(f64::INFINITY));
        assert!(rcond(&m(1, 1, &[f64::NAN])).expect("square").is_nan());
    }

    #[test]
    fn solve_square_tall_wide() {
        let mut w = Vec::new();
        let mut rng = Rng::new(14);
        for n in [1, 4, 30, 100] {
            let a = rng.mat(n, n);
            let b = rng.mat(n, 3);
            let x = solve(&a, &b, &mut w).expect("conformant");
            assert!(rel_err(&(&a * &x), &b) < 1e-9);
        }
        assert!(w.is_empty());
        // Full-rank tall: matches the normal equations.
        let a = rng.mat(20, 4);
        let b = rng.mat(20, 2);
        let x = solve(&a, &b, &mut w).expect("conformant");
        let ne = (a.transpose() * &a).try_inverse().expect("full rank") * a.transpose() * &b;
        assert!(rel_err(&x, &ne) < 1e-9 && w.is_empty());
        // Wide: minimum-norm solution equals pinv(A) * b.
        let a = rng.mat(3, 7);
        let b = rng.mat(3, 1);
        let x = solve(&a, &b, &mut w).expect("conformant");
        assert!(rel_err(&(&a * &x), &b) < TOL && w.is_empty());
        assert!(rel_err(&x, &(pinv(&a, None).expect("finite") * &b)) < TOL);
    }

    #[test]
    fn solve_singular_and_rank_deficient() {
        let mut w = Vec::new();
        let x = solve(
            &m(2, 2, &[1.0, 2.0, 2.0, 4.0]),
            &m(2, 1, &[1.0, 2.0]),
            &mut w,
        )
        .expect("conformant");
        assert!(rel_err(&x, &m(2, 1, &[0.2, 0.4])) < 1e-14);
        assert_eq!(w, vec![SINGULAR.to_string()]);
        w.clear();
        let mut rng = Rng::new(15);
        let a = rng.rank_deficient(6, 3, 2);
        let b = rng.mat(6, 1);
        let x = solve(&a, &b, &mut w).expect("conformant");
        assert_eq!(w, vec!["rank deficient 6x3 matrix, rank = 2".to_string()]);
        let pinv_x = pinv(&a, None).expect("finite") * &b;
        assert!(rel_err(&x, &pinv_x) < 1e-9);
        // Residual is orthogonal to the range of A.
        assert!((a.transpose() * (&a * &x - &b)).norm() < 1e-10);
        w.clear();
        let x = lstsq(&a, &b).expect("conformant");
        assert!(rel_err(&x, &pinv_x) < 1e-9);
        let err = solve(&RMat::zeros(2, 2), &RMat::zeros(3, 1), &mut w).unwrap_err();
        assert_eq!(
            err.to_string(),
            "operator \\: nonconformant arguments (op1 is 2x2, op2 is 3x1)"
        );
        assert_eq!(
            solve(&RMat::zeros(0, 0), &RMat::zeros(0, 2), &mut w),
            Ok(RMat::zeros(0, 2))
        );
    }

    #[test]
    fn solve_complex() {
        let mut w = Vec::new();
        let mut rng = Rng::new(16);
        for (r, c) in [(5, 5), (8, 3), (3, 8)] {
            let a = rng.cmat(r, c);
            let b = rng.cmat(r, 2);
            let x = solve_c(&a, &b, &mut w).expect("conformant");
            let resid = a.adjoint() * (&a * &x - &b);
            assert!(resid.norm() < 1e-10, "{r}x{c}");
        }
        assert!(w.is_empty());
        let s = CMat::from_element(2, 2, C64::new(1.0, 1.0));
        solve_c(&s, &CMat::from_element(2, 1, C64::new(1.0, 0.0)), &mut w).expect("conformant");
        assert_eq!(w, vec![SINGULAR.to_string()]);
    }

    #[test]
    fn complex_pinv_satisfies_penrose_conditions() {
        let mut rng = Rng::new(21);
        for (m, n, r) in [(5, 3, 3), (3, 6, 3), (6, 6, 2)] {
            let a = rng.cmat(m, r) * rng.cmat(r, n);
            let p = pinv_c(&a, None).expect("finite");
            assert_eq!(p.shape(), (n, m));
            let (ap, pa) = (&a * &p, &p * &a);
            assert!(rel_err_c(&(&ap * &a), &a) < 1e-9);
            assert!(rel_err_c(&(&pa * &p), &p) < 1e-9);
            assert!(rel_err_c(&ap.adjoint(), &ap) < 1e-9);
            assert!(rel_err_c(&pa.adjoint(), &pa) < 1e-9);
        }
    }

    #[test]
    fn pinv_rank_cond() {
        let mut rng = Rng::new(17);
        for _ in 0..15 {
            let (r, c) = (1 + rng.below(30), 1 + rng.below(30));
            let k = 1 + rng.below(r.min(c));
            let a = rng.rank_deficient(r, c, k);
            assert_eq!(rank(&a, None), Ok(k));
            let p = pinv(&a, None).expect("finite");
            assert!(rel_err(&(&a * &p * &a), &a) < 1e-9);
            assert!(rel_err(&(&p * &a * &p), &p) < 1e-9);
            assert!(rel_err(&(&a * &p).transpose(), &(&a * &p)) < 1e-9);
        }
        assert_eq!(rank(&RMat::zeros(0, 0), None), Ok(0));
        assert_eq!(rank(&m(2, 2, &[1.0, 0.0, 0.0, 1e-3]), Some(1e-2)), Ok(1));
        assert_eq!(pinv(&RMat::zeros(0, 3), None), Ok(RMat::zeros(3, 0)));
        assert!((cond(&m(2, 2, &[1.0, 0.0, 0.0, -2.0])).expect("finite") - 2.0).abs() < 1e-15);
        assert_eq!(
            cond(&m(2, 2, &[1.0, 2.0, 2.0, 4.0])).map(|c| c > 1e15),
            Ok(true)
        );
        assert_eq!(cond(&RMat::zeros(2, 2)), Ok(f64::INFINITY));
        assert_eq!(cond(&RMat::zeros(0, 0)), Ok(0.0));
        assert_eq!(
            rank(&m(1, 1, &[f64::NAN]), None),
            Err(LinalgError::NonFinite { func: "rank" })
        );
    }

    #[test]
    fn null_and_orth() {
        let mut rng = Rng::new(18);
        for _ in 0..10 {
            let (r, c) = (1 + rng.below(20), 1 + rng.below(20));
            let k = 1 + rng.below(r.min(c));
            let a = rng.rank_deficient(r, c, k);
            let z = null(&a).expect("finite");
            assert_eq!(z.shape(), (c, c - k));
            assert!((&a * &z).norm() < 1e-10 * a.norm().max(1.0));
            assert!(orth_err(&z) < TOL);
            let q = orth(&a).expect("finite");
            assert_eq!(q.shape(), (r, k));
            assert!(orth_err(&q) < TOL);
            // Range of A lies in span(Q).
            assert!(rel_err(&(&q * q.transpose() * &a), &a) < 1e-9);
        }
        assert_eq!(null(&RMat::identity(3, 3)).expect("finite").shape(), (3, 0));
        assert_eq!(null(&m(1, 2, &[1.0, 1.0])).expect("finite").ncols(), 1);
        let z = null(&m(1, 2, &[0.0, 1.0])).expect("finite");
        assert_eq!(z, m(2, 1, &[1.0, 0.0]));
    }

    #[test]
    fn rref_cases() {
        let (r, p) = rref(
            &m(3, 3, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0]),
            None,
        );
        assert!(rel_err(&r, &RMat::identity(3, 3)) < 1e-14);
        assert_eq!(p, vec![1, 2, 3]);
        let (r, p) = rref(&m(2, 2, &[1.0, 2.0, 2.0, 4.0]), None);
        assert_eq!(r, m(2, 2, &[1.0, 2.0, 0.0, 0.0]));
        assert_eq!(p, vec![1]);
        let magic4 = m(
            4,
            4,
            &[
                16.0, 2.0, 3.0, 13.0, 5.0, 11.0, 10.0, 8.0, 9.0, 7.0, 6.0, 12.0, 4.0, 14.0, 15.0,
                1.0,
            ],
        );
        let (r, p) = rref(&magic4, None);
        let want = m(
            4,
            4,
            &[
                1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 3.0, 0.0, 0.0, 1.0, -3.0, 0.0, 0.0, 0.0, 0.0,
            ],
        );
        assert!((&r - &want).norm() < 1e-12);
        assert_eq!(
            r.row(3).iter().filter(|x| **x != 0.0).count(),
            0,
            "tiny entries are exactly zero"
        );
        assert_eq!(p, vec![1, 2, 3]);
        let (r, p) = rref(&m(2, 3, &[0.0, 1.0, 2.0, 0.0, 2.0, 4.0]), None);
        assert_eq!(r, m(2, 3, &[0.0, 1.0, 2.0, 0.0, 0.0, 0.0]));
        assert_eq!(p, vec![2]);
        assert_eq!(rref(&RMat::zeros(0, 3), None), (RMat::zeros(0, 3), vec![]));
    }

    #[test]
    fn large_solve_uses_blocked_lu() {
        let mut rng = Rng::new(19);
        let a = rng.mat(300, 300);
        let b = rng.mat(300, 1);
        let mut w = Vec::new();
        let x = solve(&a, &b, &mut w).expect("conformant");
        assert!(rel_err(&(&a * &x), &b) < 1e-9 && w.is_empty());
        let tall = rng.mat(300, 50);
        let x = solve(&tall, &b, &mut w).expect("conformant");
        assert!((tall.transpose() * (&tall * &x - &b)).norm() < 1e-9);
    }
}
