//! Matrix products. Large products run through faer on two threads; small
//! ones stay in nalgebra, whose overhead is lower.

use super::RMat;
use faer::{Accum, MatMut, MatRef, Par};

/// Below this many multiply-adds threading costs more than it saves.
const PARALLEL_FLOPS: usize = 200 * 200 * 200;

pub fn matmul(a: &RMat, b: &RMat) -> RMat {
    let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
    if m * k * n < 64 * 64 * 64 {
        return a * b;
    }
    let mut c = RMat::zeros(m, n);
    let par = if m * k * n >= PARALLEL_FLOPS {
        Par::rayon(2)
    } else {
        Par::Seq
    };
    faer::linalg::matmul::matmul(view_mut(&mut c), Accum::Replace, view(a), view(b), 1.0, par);
    c
}

/// Borrow a nalgebra matrix as a faer view without copying (both are column-major).
pub fn view(a: &RMat) -> MatRef<'_, f64> {
    MatRef::from_column_major_slice(a.as_slice(), a.nrows(), a.ncols())
}

pub fn view_mut(a: &mut RMat) -> MatMut<'_, f64> {
    let (r, c) = a.shape();
    MatMut::from_column_major_slice_mut(a.as_mut_slice(), r, c)
}
