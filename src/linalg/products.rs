//! Matrix products. Large products run column block by column block (in
//! parallel above the measured threshold) through `dgemm` on AVX2-only CPUs
//! (f64) or faer; small ones stay in nalgebra, whose overhead is lower.

use super::decomp::Field;
use super::dgemm::{Dgemm, View};
use super::{faer_ref, run_kernel, Kernel, RMat};
use faer::linalg::matmul::matmul as gemm;
use faer::traits::Conjugate;
use faer::{Accum, MatMut, MatRef, Par};
use nalgebra::DMatrix;
use rayon::prelude::*;

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
/// views (only a large `A*B'` builds B' first).
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
        return gram(av);
    }
    if let Some(kernel) = Dgemm::detect() {
        // Packs both operands, transposed or not, so B' is never built.
        let (va, vb) = (View::new(a, ta), View::new(b, tb));
        return product(m, n, k, |cols: &mut [f64], j0| {
            kernel.add_product(cols, va, vb.subcols(j0, cols.len() / m))
        });
    }
    if tb && !ta && m * k * n >= COPY_RHS_FLOPS {
        // faer's kernel reads a row-major right operand 10-20% slower
        // (A*B' at n = 2000 on one core: 393 vs 344 ms with B' built first,
        // AMD EPYC, Zen 4); the copy is 1% of that. Copying it block by
        // block instead re-packs A per block: 384 vs 354 ms.
        return matmul_t(a, false, &b.transpose(), false);
    }
    product(m, n, k, |cols, j0| {
        let out = as_block(cols, m);
        let w = out.ncols();
        gemm(out, Accum::Replace, av, bv.subcols(j0, w), 1.0, Par::Seq)
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
/// product), then mirrored, so the result is exactly symmetric. Column block
/// j0..j1 is the triangle x[j0..j1] x[j0..j1]' on the diagonal and the
/// rectangle x[j1..] x[j0..j1]' below it. A' is read in place: copying it
/// block by block (256 columns) was 7% faster on one core but took the
/// peak RSS of `A*A'` at n = 2000 over its target (see README).
fn gram(x: MatRef<'_, f64>) -> RMat {
    use faer::linalg::matmul::triangular::{matmul as trmm, BlockStructure};
    let (m, k) = x.shape();
    let mut c = product(m, m, k, |cols, j0| {
        let out = as_block(cols, m);
        let w = out.ncols();
        let rhs = x.subrows(j0, w).transpose();
        let (diag, below) = out.subrows_mut(j0, m - j0).split_at_row_mut(w);
        let (top, rest) = x.subrows(j0, m - j0).split_at_row(w);
        trmm(
            diag,
            BlockStructure::TriangularLower,
            Accum::Replace,
            top,
            BlockStructure::Rectangular,
            rhs,
            BlockStructure::Rectangular,
            1.0,
            Par::Seq,
        );
        gemm(below, Accum::Replace, rest, rhs, 1.0, Par::Seq);
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

/// `a * b` of two faer views, real or complex; a transposed or adjoint view
/// (`b.adjoint()`) is read in place, never built.
pub(crate) fn mul_views<T, L, R>(a: MatRef<'_, L>, b: MatRef<'_, R>) -> DMatrix<T>
where
    T: Field,
    L: Conjugate<Canonical = T> + Sync,
    R: Conjugate<Canonical = T> + Sync,
{
    let one = <T as nalgebra::ComplexField>::from_real(1.0);
    let m = a.nrows();
    product(m, b.ncols(), a.ncols(), |cols, j0| {
        let out = as_block(cols, m);
        let w = out.ncols();
        gemm(out, Accum::Replace, a, b.subcols(j0, w), one, Par::Seq)
    })
}

/// A new m x n product (inner dimension k), zero to start, filled by
/// column blocks: `fill(block, j0)` writes columns j0.. of the product into
/// `block` (whole columns of m entries), on one thread. With two threads
/// the blocks are handed out by rayon's work stealing, so a thread that
/// runs while the other's vCPU is descheduled takes over its blocks: one
/// join at the end, where faer's own parallel product meets at a barrier
/// after every packed step and its waiting thread spins (see README,
/// matrix products).
fn product<T: Field>(
    m: usize,
    n: usize,
    k: usize,
    fill: impl Fn(&mut [T], usize) + Sync,
) -> DMatrix<T> {
    let mut c = DMatrix::<T>::zeros(m, n);
    if m == 0 || n == 0 {
        return c;
    }
    let size = m.max(n).max(k);
    let out = c.as_mut_slice();
    run_kernel(Kernel::Matmul, size, |par| {
        let w = block_width(n, par);
        let run = |(i, cols): (usize, &mut [T])| fill(cols, i * w);
        if par.degree() > 1 {
            out.par_chunks_mut(m * w)
                .with_max_len(1)
                .enumerate()
                .for_each(run);
        } else {
            out.chunks_mut(m * w).enumerate().for_each(run);
        }
    });
    c
}

/// A column block of `product` as a faer view with m rows.
fn as_block<T>(cols: &mut [T], m: usize) -> MatMut<'_, T> {
    MatMut::from_column_major_slice_mut(cols, m, cols.len() / m)
}

/// Columns per block: one block on one thread, BLOCKS_PER_THREAD blocks per
/// thread on several (fewer, wider blocks pack the left operand fewer times;
/// more balance better when a thread stalls).
fn block_width(n: usize, par: Par) -> usize {
    let blocks = match par.degree() {
        0 | 1 => 1,
        t => t * BLOCKS_PER_THREAD,
    };
    n.div_ceil(blocks)
}

/// Measured at n = 2000 on the 2-core target: 2 per thread used the least
/// CPU; 4 and 8 re-pack the left operand more often (see README).
const BLOCKS_PER_THREAD: usize = 2;

#[cfg(test)]
#[path = "tests/products.rs"]
mod tests;
