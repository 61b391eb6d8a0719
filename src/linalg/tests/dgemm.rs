//! Unit tests of `linalg::dgemm` on every CPU level that runs it: integer
//! products (exact whatever the order of summation) against the definition,
//! at sizes on both sides of every tile and block edge.
use super::*;
use crate::linalg::testutil::{naive_product, Rng};

fn kernels() -> Vec<Dgemm> {
    Level::available()
        .into_iter()
        .filter_map(Dgemm::for_level)
        .collect()
}

/// (m, k, n) around MR = 8, NR = 6, MC = 96, KC = 256 and NC = 1020.
const SHAPES: [(usize, usize, usize); 10] = [
    (1, 1, 1),
    (7, 3, 5),
    (8, 1, 6),
    (9, 7, 7),
    (17, 255, 13),
    (95, 257, 97),
    (96, 256, 6),
    (97, 513, 11),
    (193, 31, 1021),
    (5, 300, 1026),
];

#[test]
fn products_add_the_definition_exactly() {
    let mut rng = Rng::new(41);
    for kernel in kernels() {
        for (m, k, n) in SHAPES {
            for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                let (a, b) = rng.int_operands((m, k, n), ta, tb);
                let start = rng.int_mat(m, n);
                let want = &start + naive_product(&a, ta, &b, tb);
                let mut c = start.clone();
                kernel.add_product(c.as_mut_slice(), View::new(&a, ta), View::new(&b, tb));
                assert_eq!(c, want, "{m}x{k} times {k}x{n}, transposed ({ta}, {tb})");
            }
        }
    }
}

/// A block of columns of B (as `products` hands them to each thread).
#[test]
fn column_blocks_of_the_right_operand_are_read_in_place() {
    let mut rng = Rng::new(43);
    for kernel in kernels() {
        let (a, b) = (rng.int_mat(70, 90), rng.int_mat(90, 40));
        for tb in [false, true] {
            let bt = b.transpose();
            let vb = if tb {
                View::new(&bt, true)
            } else {
                View::new(&b, false)
            };
            let mut c = RMat::zeros(70, 13);
            kernel.add_product(c.as_mut_slice(), View::new(&a, false), vb.subcols(20, 13));
            assert_eq!(c, &a * b.columns(20, 13), "transposed {tb}");
        }
    }
}
