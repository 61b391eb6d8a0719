//! Unit tests of `linalg::products`: every path of `matmul_t` (nalgebra for
//! small sizes, faer, the symmetric `A*A'` / `A'*A`, the built `B'` of a large
//! `A*B'`) against a plain triple loop.
use super::*;
use crate::linalg::testutil::Rng;

/// op(a) * op(b) summed term by term, the definition.
fn naive(a: &RMat, ta: bool, b: &RMat, tb: bool) -> RMat {
    let at = |i: usize, l: usize| if ta { a[(l, i)] } else { a[(i, l)] };
    let bt = |l: usize, j: usize| if tb { b[(j, l)] } else { b[(l, j)] };
    let (m, k) = if ta {
        (a.ncols(), a.nrows())
    } else {
        a.shape()
    };
    let n = if tb { b.nrows() } else { b.ncols() };
    RMat::from_fn(m, n, |i, j| (0..k).map(|l| at(i, l) * bt(l, j)).sum())
}

fn assert_close(got: &RMat, want: &RMat, what: &str) {
    assert_eq!(got.shape(), want.shape(), "{what}: shape");
    let k = 1.0 + want.abs().max();
    let err = (got - want).abs().max();
    assert!(
        err <= 1e-12 * k * want.nrows().max(want.ncols()).max(1) as f64,
        "{what}: error {err}"
    );
}

/// Shapes (m, k, n) of op(a) (m x k) and op(b) (k x n): odd sizes on both
/// sides of the nalgebra/faer switch and of the built-B' threshold, vectors
/// and empty matrices.
const SHAPES: [(usize, usize, usize); 9] = [
    (0, 5, 7),
    (5, 0, 7),
    (1, 301, 1),
    (1, 77, 93),
    (93, 77, 1),
    (3, 5, 2),
    (67, 71, 73),
    (131, 97, 163),
    (409, 401, 403),
];

#[test]
fn transposed_products_match_the_definition() {
    let mut rng = Rng::new(5);
    for (m, k, n) in SHAPES {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = if ta { rng.mat(k, m) } else { rng.mat(m, k) };
            let b = if tb { rng.mat(n, k) } else { rng.mat(k, n) };
            let what = format!("{m}x{k} times {k}x{n}, transposed ({ta}, {tb})");
            assert_close(&matmul_t(&a, ta, &b, tb), &naive(&a, ta, &b, tb), &what);
        }
    }
}

/// `A*A'` and `A'*A` on one matrix compute a triangle and mirror it: the
/// result equals the definition and is exactly symmetric.
#[test]
fn gram_products_are_exactly_symmetric() {
    let mut rng = Rng::new(9);
    for (m, n) in [
        (0, 4),
        (4, 0),
        (1, 300),
        (300, 1),
        (70, 90),
        (201, 150),
        (257, 129),
    ] {
        let a = rng.mat(m, n);
        for (ta, tb) in [(false, true), (true, false)] {
            let c = matmul_t(&a, ta, &a, tb);
            let what = format!("{m}x{n}, transposed ({ta}, {tb})");
            assert_close(&c, &naive(&a, ta, &a, tb), &what);
            assert_eq!(c, c.transpose(), "{what}: not exactly symmetric");
        }
    }
}
