//! Matrix products. Large products run through faer (in parallel above the
//! measured threshold); small ones stay in nalgebra, whose overhead is lower.

use super::decomp::Field;
use super::{faer_mut, faer_ref, run_kernel, Kernel, RMat};
use faer::traits::Conjugate;
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
    if ta != tb && same_matrix(a, b) {
        return gram(av, par_size(m, n, k));
    }
    if tb && !ta && m * k * n >= COPY_RHS_FLOPS {
        // faer's kernel reads a row-major right operand 10-20% slower
        // (A*B' at n = 2000 on one core: 393 vs 344 ms with B' built first,
        // AMD EPYC, Zen 4); the copy is 1% of that.
        return matmul_t(a, false, &b.transpose(), false);
    }
    product(m, n, k, |out, par| {
        faer::linalg::matmul::matmul(out, Accum::Replace, av, bv, 1.0, par)
    })
}

/// From this many multiply-adds `A*B'` builds B' first (see `matmul_t`).
const COPY_RHS_FLOPS: usize = 400 * 400 * 400;

/// Whether `a` and `b` are one matrix (`A*A'` with A shared by both sides).
fn same_matrix(a: &RMat, b: &RMat) -> bool {
    a.shape() == b.shape() && std::ptr::eq(a.as_slice().as_ptr(), b.as_slice().as_ptr())
}

/// `x * x'` (x = A gives `A*A'`, x = A' gives `A'*A`): only the lower
/// triangle is computed, as BLAS's dsyrk does (half the work of a full
/// product), then mirrored, so the result is exactly symmetric.
fn gram(x: MatRef<'_, f64>, size: usize) -> RMat {
    use faer::linalg::matmul::triangular::{matmul, BlockStructure};
    let m = x.nrows();
    let mut c = DMatrix::<f64>::zeros(m, m);
    let out = faer_mut(&mut c);
    run_kernel(Kernel::Matmul, size, |par| {
        matmul(
            out,
            BlockStructure::TriangularLower,
            Accum::Replace,
            x,
            BlockStructure::Rectangular,
            x.transpose(),
            BlockStructure::Rectangular,
            1.0,
            par,
        )
    });
    mirror_lower(&mut c);
    c
}

/// Copies the strict lower triangle onto the upper one, in square tiles so
/// both sides stay in cache.
fn mirror_lower(c: &mut RMat) {
    const TILE: usize = 64;
    let n = c.nrows();
    for j0 in (0..n).step_by(TILE) {
        for i0 in (0..=j0).step_by(TILE) {
            for j in j0..(j0 + TILE).min(n) {
                for i in i0..(i0 + TILE).min(j) {
                    c[(i, j)] = c[(j, i)];
                }
            }
        }
    }
}

/// The size `run_kernel` compares with the matmul threshold.
fn par_size(m: usize, n: usize, k: usize) -> usize {
    m.max(n).max(k)
}

/// `a * b` of two faer views, real or complex; a transposed or adjoint view
/// (`b.adjoint()`) is read in place, never built.
pub(crate) fn mul_views<T, L, R>(a: MatRef<'_, L>, b: MatRef<'_, R>) -> DMatrix<T>
where
    T: Field,
    L: Conjugate<Canonical = T>,
    R: Conjugate<Canonical = T>,
{
    let one = <T as nalgebra::ComplexField>::from_real(1.0);
    product(a.nrows(), b.ncols(), a.ncols(), |out, par| {
        faer::linalg::matmul::matmul(out, Accum::Replace, a, b, one, par)
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
    run_kernel(Kernel::Matmul, par_size(m, n, k), |par| fill(out, par));
    c
}

#[cfg(test)]
#[path = "tests/products.rs"]
mod tests;
