//! Unit tests of `linalg::dgemm` on every CPU level that runs it: integer
//! products (exact whatever the order of summation) against the definition,
//! at sizes on both sides of every tile and block edge.
use super::*;
use crate::linalg::testutil::Rng;

/// Entries in [-9, 9]: sums of at most 1100 products of size <= 81 are exact.
fn int_mat(rng: &mut Rng, m: usize, n: usize) -> RMat {
    RMat::from_fn(m, n, |_, _| rng.below(19) as f64 - 9.0)
}

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
                let a = if ta {
                    int_mat(&mut rng, k, m)
                } else {
                    int_mat(&mut rng, m, k)
                };
                let b = if tb {
                    int_mat(&mut rng, n, k)
                } else {
                    int_mat(&mut rng, k, n)
                };
                let (oa, ob) = (
                    if ta { a.transpose() } else { a.clone() },
                    if tb { b.transpose() } else { b.clone() },
                );
                let start = int_mat(&mut rng, m, n);
                let want = RMat::from_fn(m, n, |i, j| {
                    start[(i, j)] + (0..k).map(|l| oa[(i, l)] * ob[(l, j)]).sum::<f64>()
                });
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
        let (a, b) = (int_mat(&mut rng, 70, 90), int_mat(&mut rng, 90, 40));
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
