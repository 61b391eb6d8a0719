//! Unit tests of the blocked LU (`lu_blocked`): P*A = L*U, the pivots
//! partial pivoting must choose, singular and near-singular input, and
//! sizes around the panel edges, on one thread and (from n = 500) two.

use super::*;
use crate::linalg::testutil::{rel_err, Rng};

fn blocked(a: &RMat) -> LuFactors {
    lu_blocked(a).expect("finite factors")
}

/// P*A = L*U with |L| <= 1, and `perm` a permutation.
fn check(a: &RMat, f: &LuFactors) {
    let (m, n) = a.shape();
    let mut seen = f.perm.clone();
    seen.sort_unstable();
    assert_eq!(seen, (0..m).collect::<Vec<_>>(), "perm of {m}x{n}");
    let err = rel_err(&(f.l() * f.u()), &(f.p() * a));
    assert!(
        err < 1e-13 * m.max(n) as f64,
        "P*A != L*U for {m}x{n}: {err:e}"
    );
    assert!(f.l().iter().all(|x| x.abs() <= 1.0), "|L| <= 1 for {m}x{n}");
}

/// A = P'*L*U with |L(i,j)| <= 1/(2m) below the diagonal: partial
/// pivoting must find exactly this P (each pivot beats the rest of its
/// column by a factor of 2m), so the pivots, L and U are known in advance.
/// The off-diagonal entries are small so that A is well conditioned (with
/// entries of size 1/2 the computed L, U and inverse of a 200x200 one
/// were off by more than 1e-12: random triangular factors are
/// exponentially ill-conditioned).
fn known_factors(rng: &mut Rng, m: usize, n: usize) -> (RMat, Vec<usize>, RMat, RMat) {
    let k = m.min(n);
    let l = RMat::from_fn(m, k, |i, j| match i.cmp(&j) {
        std::cmp::Ordering::Greater => 0.5 * rng.uniform() / m as f64,
        std::cmp::Ordering::Equal => 1.0,
        std::cmp::Ordering::Less => 0.0,
    });
    let u = RMat::from_fn(k, n, |i, j| {
        if i == j {
            2.0 + rng.uniform()
        } else if i < j {
            rng.uniform() / n as f64
        } else {
            0.0
        }
    });
    let mut perm: Vec<usize> = (0..m).collect();
    for i in (1..m).rev() {
        perm.swap(i, rng.below(i + 1));
    }
    let lu = &l * &u;
    let mut a = RMat::zeros(m, n);
    for (i, &src) in perm.iter().enumerate() {
        a.set_row(src, &lu.row(i));
    }
    (a, perm, l, u)
}

#[test]
fn blocked_lu_finds_the_known_pivots_around_panel_edges() {
    let mut rng = Rng::new(11);
    let shapes = [
        (64, 64),
        (65, 65),
        (127, 127),
        (128, 128),
        (129, 129),
        (200, 200),
        (200, 70),
        (130, 64),
        (64, 130),
        (70, 200),
        (520, 520),
        (600, 520),
    ];
    for (m, n) in shapes {
        let (a, perm, l, u) = known_factors(&mut rng, m, n);
        let f = blocked(&a);
        // The pivots are the first k rows of P; a tall P's other rows are
        // not determined, so L is compared as P'*L (row by original row).
        let k = m.min(n);
        assert_eq!(f.perm[..k], perm[..k], "pivots of {m}x{n}");
        let by_row = |l: &RMat, p: &[usize]| {
            let mut o = RMat::zeros(m, k);
            for (i, &src) in p.iter().enumerate() {
                o.set_row(src, &l.row(i));
            }
            o
        };
        let err = rel_err(&by_row(&f.l(), &f.perm), &by_row(&l, &perm));
        assert!(err < 1e-12, "L of {m}x{n}");
        assert!(rel_err(&f.u(), &u) < 1e-12, "U of {m}x{n}");
        check(&a, &f);
    }
}

#[test]
fn blocked_lu_agrees_with_the_unblocked_loop() {
    let mut rng = Rng::new(12);
    for (m, n) in [(96, 96), (150, 150), (190, 130), (130, 190), (530, 530)] {
        let a = rng.mat(m, n);
        let (f, g) = (blocked(&a), lu_unblocked(&a));
        check(&a, &f);
        assert_eq!(f.perm, g.perm, "pivots of {m}x{n}");
        assert_eq!(f.swaps % 2, g.swaps % 2, "sign of det P for {m}x{n}");
        assert!(rel_err(&f.lu, &g.lu) < 1e-10, "factors of {m}x{n}");
    }
}

#[test]
fn blocked_lu_determinant_is_sign_times_pivots() {
    let mut rng = Rng::new(13);
    for n in [100, 530] {
        let (a, perm, _, u) = known_factors(&mut rng, n, n);
        // det P' = sign of the permutation, counted by its cycles.
        let mut seen = vec![false; n];
        let mut sign = 1.0;
        for i in 0..n {
            let mut j = i;
            let mut len = 0;
            while !seen[j] {
                seen[j] = true;
                j = perm[j];
                len += 1;
            }
            if len > 0 && len % 2 == 0 {
                sign = -sign;
            }
        }
        let log_det: f64 = (0..n).map(|i| u[(i, i)].ln()).sum();
        let f = blocked(&a);
        assert_eq!(f.det().signum(), sign, "sign of det, n = {n}");
        assert!(
            (f.det().abs().ln() - log_det).abs() < 1e-10,
            "|det|, n = {n}"
        );
    }
}

#[test]
fn singular_input_falls_back_to_the_careful_loop() {
    let mut rng = Rng::new(14);
    // A zero column inside a panel, on a panel edge, and last; a rank-
    // deficient product; a zero matrix.
    for col in [10, 64, 127, 128, 199] {
        let mut a = rng.mat(200, 200);
        a.column_mut(col).fill(0.0);
        if col < 199 {
            // 0 * inf = NaN below the pivot; the last one has none below.
            assert!(lu_blocked(&a).is_none(), "zero column {col}");
        }
        let f = lu_factor(&a);
        assert!(f.has_zero_pivot() && f.lu.iter().all(|x| x.is_finite()));
        check(&a, &f);
    }
    for (m, n, r) in [(150, 150, 100), (530, 530, 300)] {
        let a = rng.rank_deficient(m, n, r);
        let f = lu_factor(&a);
        assert!(f.lu.iter().all(|x| x.is_finite()));
        check(&a, &f);
    }
    let f = lu_factor(&RMat::zeros(100, 100));
    assert!(f.has_zero_pivot() && f.lu.iter().all(|&x| x == 0.0));
}

#[test]
fn near_singular_input_keeps_finite_factors() {
    let mut rng = Rng::new(15);
    for n in [130, 530] {
        let mut a = rng.rank_deficient(n, n, n - 1);
        a += rng.mat(n, n) * 1e-13;
        let f = blocked(&a);
        check(&a, &f);
        assert!(!f.has_zero_pivot());
        let u_min = (0..n).map(|i| f.lu[(i, i)].abs()).fold(f64::MAX, f64::min);
        assert!(
            u_min < 1e-9,
            "a pivot shows the near-singularity: {u_min:e}"
        );
    }
}

#[test]
fn non_finite_input_propagates() {
    let mut a = Rng::new(16).mat(100, 100);
    a[(50, 70)] = f64::NAN;
    let f = lu_factor(&a);
    assert!(f.lu.iter().any(|x| x.is_nan()));
}

/// inv(A) by blocks of identity columns agrees with solving A X = I and
/// gives A X = I, for sizes around the block edges (one thread below
/// n = 500, two above).
#[test]
fn inverse_by_column_blocks() {
    let mut rng = Rng::new(17);
    for n in [63, 64, 65, 127, 128, 129, 200, 530] {
        let (a, _, _, _) = known_factors(&mut rng, n, n);
        let f = lu_factor(&a);
        let x = f.inverse();
        let eye = RMat::identity(n, n);
        assert!(rel_err(&(&a * &x), &eye) < 1e-12, "A*inv(A) = I, n = {n}");
        assert!(rel_err(&x, &f.solve(&eye)) < 1e-12, "inv = A \\ I, n = {n}");
    }
}
