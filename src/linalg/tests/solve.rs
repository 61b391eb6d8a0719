//! Unit tests of `linalg::solve` (kept beside it so they can reach private items).
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

/// Large enough that the final product runs in faer on two threads, with
/// the adjoint read through a view (complex: conjugated, not just transposed).
#[test]
fn pinv_penrose_conditions_hold_at_parallel_sizes() {
    let mut rng = Rng::new(23);
    let a = rng.rank_deficient(160, 140, 120);
    let p = pinv(&a, None).expect("finite");
    assert_eq!(p.shape(), (140, 160));
    assert!(rel_err(&(&a * &p * &a), &a) < 1e-9);
    assert!(rel_err(&(&p * &a * &p), &p) < 1e-9);
    assert!(rel_err(&(&a * &p).transpose(), &(&a * &p)) < 1e-9);
    assert!(rel_err(&(&p * &a).transpose(), &(&p * &a)) < 1e-9);
    let c = rng.cmat(150, 130) * rng.cmat(130, 140);
    let q = pinv_c(&c, None).expect("finite");
    let (cq, qc) = (&c * &q, &q * &c);
    assert!(rel_err_c(&(&cq * &c), &c) < 1e-9);
    assert!(rel_err_c(&(&qc * &q), &q) < 1e-9);
    assert!(rel_err_c(&cq.adjoint(), &cq) < 1e-9);
    assert!(rel_err_c(&qc.adjoint(), &qc) < 1e-9);
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
        let z = null(&a, None).expect("finite");
        assert_eq!(z.shape(), (c, c - k));
        assert!((&a * &z).norm() < 1e-10 * a.norm().max(1.0));
        assert!(orth_err(&z) < TOL);
        let q = orth(&a, None).expect("finite");
        assert_eq!(q.shape(), (r, k));
        assert!(orth_err(&q) < TOL);
        // Range of A lies in span(Q).
        assert!(rel_err(&(&q * q.transpose() * &a), &a) < 1e-9);
    }
    assert_eq!(
        null(&RMat::identity(3, 3), None).expect("finite").shape(),
        (3, 0)
    );
    assert_eq!(
        null(&m(1, 2, &[1.0, 1.0]), None).expect("finite").ncols(),
        1
    );
    let z = null(&m(1, 2, &[0.0, 1.0]), None).expect("finite");
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
            16.0, 2.0, 3.0, 13.0, 5.0, 11.0, 10.0, 8.0, 9.0, 7.0, 6.0, 12.0, 4.0, 14.0, 15.0, 1.0,
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

/// The least-squares solution of A = L*R (L m x r, R r x n, rank r): the
/// residual is orthogonal to A's range (A'(A*x - b) = 0) and x lies in the
/// row space of R (x = R'(R R')^-1 R x), which makes it the minimum-norm one.
/// Sizes reach faer's parallel products; tall, wide, real and complex.
#[test]
fn lstsq_is_the_minimum_norm_solution_at_parallel_sizes() {
    let mut rng = Rng::new(29);
    for (m, n, r) in [(300, 170, 140), (170, 300, 140), (7, 5, 2)] {
        let (l, rt) = (rng.mat(m, r), rng.mat(r, n));
        let (a, b) = (&l * &rt, rng.mat(m, 3));
        let x = lstsq(&a, &b).expect("finite");
        assert!((a.transpose() * (&a * &x - &b)).norm() < 1e-8 * a.norm() * b.norm());
        let gram = (&rt * rt.transpose())
            .try_inverse()
            .expect("R has full row rank");
        let row_space = rt.transpose() * gram * &rt * &x;
        assert!(rel_err(&row_space, &x) < 1e-9, "{m}x{n}");

        let (lc, rc) = (rng.cmat(m, r), rng.cmat(r, n));
        let (ac, bc) = (&lc * &rc, rng.cmat(m, 2));
        let mut w = Vec::new();
        let xc = solve_c(&ac, &bc, &mut w).expect("finite");
        assert_eq!(
            w,
            vec![format!("rank deficient {m}x{n} matrix, rank = {r}")]
        );
        assert!((ac.adjoint() * (&ac * &xc - &bc)).norm() < 1e-8 * ac.norm() * bc.norm());
        let gram_c = (&rc * rc.adjoint()).try_inverse().expect("full row rank");
        assert!(
            rel_err_c(&(rc.adjoint() * gram_c * &rc * &xc), &xc) < 1e-9,
            "{m}x{n}"
        );
    }
}
