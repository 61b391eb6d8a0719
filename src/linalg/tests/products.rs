//! Unit tests of `linalg::products`: every path of `matmul_t` (nalgebra for
//! small sizes, `dgemm` on AVX2-only CPUs or faer, the symmetric `A*A'` /
//! `A'*A`, faer's built `B'` of a large `A*B'`) against a plain triple loop.
use super::*;
use crate::linalg::testutil::{naive_product as naive, Rng};

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

/// Integer matrix with entries in [-9, 9]: every product below is a sum of
/// at most 500 terms of size <= 81, exact in floating point whatever the
/// order of summation, so the blocked products must equal the definition.
/// Sizes on both sides of every switch of `matmul_t`: nalgebra vs faer
/// (64^3 multiply-adds), one thread vs column blocks on two (128), the
/// copied transposed right operand (400^3), block widths that do not
/// divide n, tall and wide shapes.
const EDGE_SHAPES: [(usize, usize, usize); 12] = [
    (1, 70, 1),
    (63, 65, 64),
    (65, 64, 70),
    (70, 69, 127),
    (127, 3, 129),
    (129, 130, 131),
    (300, 17, 7),
    (7, 17, 300),
    (257, 33, 259),
    (401, 403, 405),
    (403, 401, 9),
    (9, 401, 403),
];

#[test]
fn integer_products_equal_the_definition_exactly() {
    let mut rng = Rng::new(17);
    for (m, k, n) in EDGE_SHAPES {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let (a, b) = rng.int_operands((m, k, n), ta, tb);
            let what = format!("{m}x{k} times {k}x{n}, transposed ({ta}, {tb})");
            assert_eq!(matmul_t(&a, ta, &b, tb), naive(&a, ta, &b, tb), "{what}");
        }
    }
}

/// Every size from 1 to 70 with its neighbours, square and rectangular:
/// blocks of every remainder, on both sides of the nalgebra/faer switch.
#[test]
fn integer_products_of_sizes_1_to_70_are_exact() {
    let mut rng = Rng::new(23);
    for n in 1..=70 {
        let (a, b) = (rng.int_mat(n, n + 1), rng.int_mat(n + 1, n + 2));
        assert_eq!(matmul(&a, &b), naive(&a, false, &b, false), "n = {n}");
        let c = rng.int_mat(n + 2, n + 1);
        assert_eq!(
            matmul_t(&a, false, &c, true),
            naive(&a, false, &c, true),
            "n = {n}"
        );
    }
}

/// `A*A'` and `A'*A` by column blocks (a triangle on the diagonal, a
/// rectangle below): exact on integers and exactly symmetric, tall, wide
/// and square, block widths not dividing n.
#[test]
fn integer_gram_products_are_exact_and_symmetric() {
    let mut rng = Rng::new(29);
    for (m, n) in [
        (1, 70),
        (70, 1),
        (65, 66),
        (129, 131),
        (131, 40),
        (40, 260),
        (401, 403),
        (403, 401),
    ] {
        let a = rng.int_mat(m, n);
        for (ta, tb) in [(false, true), (true, false)] {
            let c = matmul_t(&a, ta, &a, tb);
            let what = format!("{m}x{n}, transposed ({ta}, {tb})");
            assert_eq!(c, naive(&a, ta, &a, tb), "{what}");
            assert_eq!(c, c.transpose(), "{what}: not exactly symmetric");
        }
    }
}

/// The complex products of `mul_views` (pinv, lstsq) by column blocks,
/// through an adjoint view: Gaussian integers, so exact.
#[test]
fn complex_products_through_adjoint_views_are_exact() {
    use crate::linalg::{CMat, C64};
    let mut rng = Rng::new(31);
    for (m, k, n) in [(5, 7, 3), (129, 70, 131), (300, 9, 260)] {
        let mut z = |r, c| {
            CMat::from_fn(r, c, |_, _| {
                C64::new(rng.below(19) as f64 - 9.0, rng.below(19) as f64 - 9.0)
            })
        };
        let (a, b) = (z(m, k), z(n, k));
        let got: CMat = mul_views(faer_ref(&a), faer_ref(&b).adjoint());
        let want = CMat::from_fn(m, n, |i, j| {
            (0..k).map(|l| a[(i, l)] * b[(j, l)].conj()).sum()
        });
        assert_eq!(got, want, "{m}x{k} times ({n}x{k})'");
    }
}
