//! Matrix products. Large products run through faer (in parallel above the
//! measured threshold); small ones stay in nalgebra, whose overhead is lower.

use super::decomp::Field;
use super::{faer_mut, faer_ref, run_kernel, Kernel, RMat};
use faer::{Accum, MatMut, MatRef, Par};
use nalgebra::DMatrix;

/// Below this many multiply-adds nalgebra's own kernel is as fast and starts quicker.
const FAER_FLOPS: usize = 64 * 64 * 64;

pub fn matmul(a: &RMat, b: &RMat) -> RMat {
    let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
    if m * k * n < FAER_FLOPS {
        return a * b;
    }
    matmul_t(a, false, b, false)
}

/// `op(a) * op(b)` where op transposes when asked, through faer's transposed
/// views: the transpose is never built.
pub fn matmul_t(a: &RMat, ta: bool, b: &RMat, tb: bool) -> RMat {
    let av = if ta {
        faer_ref(a).transpose()
    } else {
        faer_ref(a)
    };
    let bv = if tb {
        faer_ref(b).transpose()
    } else {
        faer_ref(b)
    };
    let (m, k, n) = (av.nrows(), av.ncols(), bv.ncols());
    // Small products (a dot product `x'*y` in a loop) skip faer and its
    // thread pool: nalgebra's own loops are far cheaper at this size.
    if m * k * n < FAER_FLOPS {
        return match (ta, tb) {
            (false, false) => a * b,
            (true, false) => a.tr_mul(b),
            (false, true) => a * b.transpose(),
            (true, true) => (b * a).transpose(),
        };
    }
    product(m, n, k, |out, par| {
        faer::linalg::matmul::matmul(out, Accum::Replace, av, bv, 1.0, par)
    })
}

/// `a * b'` (b' the conjugate transpose), read through faer's adjoint view
/// so the transpose is never built.
pub(crate) fn mul_adjoint<T: Field>(a: MatRef<'_, T>, b: MatRef<'_, T>) -> DMatrix<T> {
    let one = <T as nalgebra::ComplexField>::from_real(1.0);
    product(a.nrows(), b.nrows(), a.ncols(), |out, par| {
        faer::linalg::matmul::matmul(out, Accum::Replace, a, b.adjoint(), one, par)
    })
}

/// A new m x n product (inner dimension k) written by `fill` with the
/// parallelism the matmul kernel calls for at this size.
fn product<T: Field>(
    m: usize,
    n: usize,
    k: usize,
    fill: impl FnOnce(MatMut<'_, T>, Par) + Send,
) -> DMatrix<T> {
    let mut c = DMatrix::<T>::zeros(m, n);
    let out = faer_mut(&mut c);
    run_kernel(Kernel::Matmul, m.max(n).max(k), |par| fill(out, par));
    c
}
