//! LU factorisation with partial pivoting (P A = L U).

use super::*;
use faer::linalg::matmul::matmul;
use faer::{Accum, MatRef};
use rayon::prelude::*;

/// Packed LU factors of an m x n matrix with partial pivoting: row `i` of
/// P*A is row `perm[i]` of A, L is unit lower (strictly below the diagonal
/// of `lu`) and U is upper (on and above it).
#[derive(Debug, Clone)]
pub(crate) struct LuFactors<T = f64> {
    pub lu: DMatrix<T>,
    pub perm: Vec<usize>,
    /// Number of row interchanges (parity gives the sign of det P).
    pub swaps: usize,
}

/// LU with partial pivoting. A column with no nonzero candidate pivot is
/// skipped (as LAPACK's dgetrf does), leaving a zero on U's diagonal.
pub(crate) fn lu_factor<T: Field>(a: &DMatrix<T>) -> LuFactors<T> {
    if a.nrows().min(a.ncols()) >= LU_BLOCKED_MIN {
        if let Some(f) = lu_blocked(a) {
            return f;
        }
    }
    lu_unblocked(a)
}

/// Blocked right-looking LU (LAPACK's dgetrf with one panel of look-ahead).
/// Each panel of [`PANEL`] columns is factored by faer's recursive LU on one
/// thread; the trailing columns take the panel's row swaps, a triangular
/// solve and a rank-[`PANEL`] product update, split into column blocks that
/// the threads take by work stealing (faer's own parallel LU meets at a
/// barrier inside every product and used 1.5-1.7x the CPU of one thread at n = 1000). The
/// next panel's columns are updated first, so it is factored on one thread
/// while the other updates the rest. faer divides by an exactly zero pivot
/// (0 * inf = NaN) where LAPACK would skip the column, so NaNs appearing
/// from finite input mean "exactly singular": return `None` and let the
/// caller use the careful loop.
pub(super) fn lu_blocked<T: Field>(a: &DMatrix<T>) -> Option<LuFactors<T>> {
    let (m, n) = a.shape();
    let k = m.min(n);
    let mut lu = a.clone();
    // piv[j]: the row swapped with row j at step j (LAPACK's ipiv, 0-based).
    let mut piv = vec![0usize; k];
    let buf = lu.as_mut_slice();
    run_kernel(Kernel::Lu, m.max(n), |par| {
        factor_panel(&mut buf[..m * PANEL.min(k)], m, 0, &mut piv[..PANEL.min(k)]);
        for j0 in (0..k).step_by(PANEL) {
            let jb = PANEL.min(k - j0);
            let next = j0 + jb;
            let (done, rest) = buf.split_at_mut(next * m);
            let panel = MatRef::from_column_major_slice(&done[j0 * m..], m, jb);
            let (pj, later) = piv.split_at_mut(next);
            let step = Step {
                panel,
                j0,
                piv: &pj[j0..],
            };
            let nb = PANEL.min(k - next);
            let (ahead, others) = rest.split_at_mut(nb * m);
            step.update(ahead, Par::Seq);
            if nb == 0 {
                step.update(others, par);
            } else if par.degree() > 1 {
                rayon::join(
                    || factor_panel(ahead, m, next, &mut later[..nb]),
                    || step.update(others, par),
                );
            } else {
                factor_panel(ahead, m, next, &mut later[..nb]);
                step.update(others, par);
            }
        }
        swap_left_columns(buf, m, &piv, par);
    });
    let finite = |x: &DMatrix<T>| all_entries(x.as_slice(), |v| v.is_finite());
    // Elimination only subtracts and divides, so a non-finite input entry
    // stays non-finite: finite factors mean finite input, and the input
    // needs looking at only when the factors are not.
    if !finite(&lu) && finite(a) {
        return None;
    }
    let mut perm: Vec<usize> = (0..m).collect();
    let mut swaps = 0;
    for (j, &p) in piv.iter().enumerate() {
        if p != j {
            perm.swap(j, p);
            swaps += 1;
        }
    }
    Some(LuFactors { lu, perm, swaps })
}

/// Identity columns per block of `LuFactors::inverse`.
const INV_BLOCK: usize = 64;

/// Panel width of the blocked LU. 32, 48, 96 and 128 measured the same
/// or slower on one core at n = 300 and 1000 (AMD EPYC, Zen 3).
const PANEL: usize = 64;

/// Factors the panel `cols` (its columns, all m rows) from row j0 down with
/// faer's recursive LU on one thread; writes its swaps into `piv`
/// (absolute row numbers). The rows above j0 are left alone.
fn factor_panel<T: Field>(cols: &mut [T], m: usize, j0: usize, piv: &mut [usize]) {
    let jb = piv.len();
    let rows = m - j0;
    let view = faer::MatMut::from_column_major_slice_mut(cols, m, jb).subrows_mut(j0, rows);
    let mut perm = vec![0usize; rows];
    let mut perm_inv = vec![0usize; rows];
    let req = plu::lu_in_place_scratch::<usize, T>(rows, jb, Par::Seq, Default::default());
    with_stack(req, |stack| {
        plu::lu_in_place(
            view,
            &mut perm,
            &mut perm_inv,
            Par::Seq,
            stack,
            Default::default(),
        );
    });
    // faer reports the permutation; recover the interchanges that made it
    // (row i of the result is row perm[i] of the panel): bring perm[i] to i.
    let mut at: Vec<usize> = (0..rows).collect(); // at[r]: position of row r
    let mut row_at: Vec<usize> = (0..rows).collect(); // row_at[i]: row at i
    for (i, p) in piv.iter_mut().enumerate() {
        let r = at[perm[i]];
        row_at.swap(i, r);
        at[row_at[i]] = i;
        at[row_at[r]] = r;
        *p = j0 + r;
    }
}

/// One panel's update of later columns: the panel (all m rows of its jb
/// columns, L11 and L21 from row j0 down) and its interchanges.
struct Step<'a, T> {
    panel: MatRef<'a, T>,
    j0: usize,
    piv: &'a [usize],
}

impl<T: Field> Step<'_, T> {
    /// Applies the step to the columns in `cols` (m rows each): row swaps,
    /// U12 = L11 \ A12, A22 -= L21 U12. With threads, column blocks go to
    /// whichever thread is free.
    fn update(&self, cols: &mut [T], par: Par) {
        let m = self.panel.nrows();
        if cols.is_empty() {
            return;
        }
        let ncols = cols.len() / m;
        let rows = m - self.j0;
        if par.degree() > 1 && ncols * rows * self.piv.len() >= PAR_UPDATE_FLOPS {
            let w = ncols.div_ceil(2 * par.degree()).max(32);
            cols.par_chunks_mut(w * m)
                .with_max_len(1)
                .for_each(|c| self.update_block(c));
        } else {
            self.update_block(cols);
        }
    }

    fn update_block(&self, cols: &mut [T]) {
        let m = self.panel.nrows();
        let (j0, jb) = (self.j0, self.piv.len());
        for col in cols.chunks_mut(m) {
            for (i, &p) in self.piv.iter().enumerate() {
                col.swap(j0 + i, p);
            }
        }
        let w = cols.len() / m;
        let block = faer::MatMut::from_column_major_slice_mut(cols, m, w).subrows_mut(j0, m - j0);
        let (mut top, bottom) = block.split_at_row_mut(jb);
        let (l11, l21) = self.panel.subrows(j0, m - j0).split_at_row(jb);
        tri::solve_unit_lower_triangular_in_place(l11, top.rb_mut(), Par::Seq);
        let minus_one = <T as nalgebra::ComplexField>::from_real(-1.0);
        matmul(bottom, Accum::Add, l21, top.as_ref(), minus_one, Par::Seq);
    }
}

/// Below this many multiply-adds a trailing update stays on one thread.
const PAR_UPDATE_FLOPS: usize = 64 * 64 * 64;

/// Applies each panel's row swaps to the columns left of it (the earlier
/// panels' L), deferred to the end so each column is swept once.
fn swap_left_columns<T: Field>(buf: &mut [T], m: usize, piv: &[usize], par: Par) {
    let k = piv.len();
    let swap = |(c, col): (usize, &mut [T])| {
        let later = (c / PANEL + 1) * PANEL;
        for (j, &p) in piv.iter().enumerate().skip(later) {
            col.swap(j, p);
        }
    };
    let cols = &mut buf[..m * k];
    if par.degree() > 1 {
        cols.par_chunks_mut(m).enumerate().for_each(swap);
    } else {
        cols.chunks_mut(m).enumerate().for_each(swap);
    }
}

pub(super) fn lu_unblocked<T: Field>(a: &DMatrix<T>) -> LuFactors<T> {
    let (m, n) = a.shape();
    let mut lu = a.clone();
    let mut perm: Vec<usize> = (0..m).collect();
    let mut swaps = 0;
    for j in 0..m.min(n) {
        let (p, max) = (j..m).fold((j, 0.0_f64), |(bp, bm), i| {
            // |re| + |im|, as LAPACK's zgetrf pivots (the same as |x| for reals).
            let v = lu[(i, j)].norm1();
            if v > bm {
                (i, v)
            } else {
                (bp, bm)
            }
        });
        if max == 0.0 {
            continue;
        }
        if p != j {
            lu.swap_rows(p, j);
            perm.swap(p, j);
            swaps += 1;
        }
        let pivot = lu[(j, j)];
        for i in j + 1..m {
            lu[(i, j)] /= pivot;
        }
        for c in j + 1..n {
            let u = lu[(j, c)];
            if !u.is_zero() {
                for i in j + 1..m {
                    let l = lu[(i, j)];
                    lu[(i, c)] -= l * u;
                }
            }
        }
    }
    LuFactors { lu, perm, swaps }
}

impl<T: Field> LuFactors<T> {
    fn k(&self) -> usize {
        self.lu.nrows().min(self.lu.ncols())
    }

    /// Unit lower-trapezoidal factor, m x min(m, n).
    pub fn l(&self) -> DMatrix<T> {
        let (m, k) = (self.lu.nrows(), self.k());
        DMatrix::from_fn(m, k, |i, j| match i.cmp(&j) {
            std::cmp::Ordering::Greater => self.lu[(i, j)],
            std::cmp::Ordering::Equal => T::one(),
            std::cmp::Ordering::Less => T::zero(),
        })
    }

    /// Upper-trapezoidal factor, min(m, n) x n.
    pub fn u(&self) -> DMatrix<T> {
        DMatrix::from_fn(self.k(), self.lu.ncols(), |i, j| {
            if i <= j {
                self.lu[(i, j)]
            } else {
                T::zero()
            }
        })
    }

    /// Permutation matrix P with P*A = L*U.
    pub fn p(&self) -> RMat {
        let m = self.perm.len();
        let mut p = RMat::zeros(m, m);
        for (i, &src) in self.perm.iter().enumerate() {
            p[(i, src)] = 1.0;
        }
        p
    }

    /// True when U has an exactly zero diagonal entry.
    pub fn has_zero_pivot(&self) -> bool {
        (0..self.k()).any(|i| self.lu[(i, i)].is_zero())
    }
}

impl LuFactors {
    /// Determinant of the (square) factored matrix. The running product is
    /// kept in mantissa/exponent form so intermediate products cannot
    /// overflow or underflow when the final value is representable.
    pub fn det(&self) -> f64 {
        const CHUNK: i32 = 512;
        let big = 2f64.powi(CHUNK);
        let mut mant = if self.swaps.is_multiple_of(2) {
            1.0
        } else {
            -1.0
        };
        let mut exp = 0i32;
        for i in 0..self.k() {
            mant *= self.lu[(i, i)];
            if mant == 0.0 || !mant.is_finite() {
                return mant;
            }
            while mant.abs() > big {
                mant /= big;
                exp += 1;
            }
            while mant.abs() < 1.0 / big {
                mant *= big;
                exp -= 1;
            }
        }
        (0..exp.abs()).fold(mant, |acc, _| if exp > 0 { acc * big } else { acc / big })
    }

    /// Solves A*X = B for the square factored A (no singularity check).
    pub fn solve(&self, b: &RMat) -> RMat {
        let mut x = RMat::from_fn(b.nrows(), b.ncols(), |i, j| b[(self.perm[i], j)]);
        let lu = faer_ref(&self.lu);
        let xr = &mut x;
        run_kernel(Kernel::TriSolve, tri_size(&self.lu, b), |par| {
            tri::solve_unit_lower_triangular_in_place(lu, faer_mut(xr), par);
            tri::solve_upper_triangular_in_place(lu, faer_mut(xr), par);
        });
        x
    }

    /// Inverse of the (square, nonsingular) factored matrix:
    /// inv(A) = inv(U) inv(L) P, 2n^3 flops as LAPACK's dgetri, where
    /// solving against the identity would take 8n^3/3: column j of inv(L)
    /// is zero above row j, so each block of identity columns is solved
    /// with the trailing part of L only. Blocks are independent and go to
    /// whichever thread is free (faer's parallel inverse, which meets at a
    /// barrier in every product, used 1.6x the CPU of one thread at
    /// n = 1000). Small matrices solve against the identity: the set-up
    /// costs more than the flops it saves there.
    pub fn inverse(&self) -> RMat {
        let n = self.lu.nrows();
        if n < LU_BLOCKED_MIN {
            return self.solve(&RMat::identity(n, n));
        }
        let mut y = RMat::zeros(n, n);
        let lu = faer_ref(&self.lu);
        let solve_block = |(b, cols): (usize, &mut [f64])| {
            let (j0, w) = (b * INV_BLOCK, cols.len() / n);
            let mut block = faer::MatMut::from_column_major_slice_mut(cols, n, w);
            for c in 0..w {
                block[(j0 + c, c)] = 1.0;
            }
            let l = lu.submatrix(j0, j0, n - j0, n - j0);
            tri::solve_unit_lower_triangular_in_place(
                l,
                block.rb_mut().subrows_mut(j0, n - j0),
                Par::Seq,
            );
            tri::solve_upper_triangular_in_place(lu, block, Par::Seq);
        };
        let buf = y.as_mut_slice();
        run_kernel(Kernel::Lu, n, |par| {
            if par.degree() > 1 {
                buf.par_chunks_mut(n * INV_BLOCK)
                    .with_max_len(1)
                    .enumerate()
                    .for_each(solve_block);
            } else {
                buf.chunks_mut(n * INV_BLOCK)
                    .enumerate()
                    .for_each(solve_block);
            }
        });
        // inv(A) = Y P: column perm[i] of inv(A) is column i of Y.
        let mut out = RMat::zeros(n, n);
        for (i, &dst) in self.perm.iter().enumerate() {
            out.column_mut(dst).copy_from(&y.column(i));
        }
        out
    }

    /// Solves A'*X = B for the square factored A: A' = U' L' P.
    pub fn solve_transpose(&self, b: &RMat) -> RMat {
        let mut y = b.clone();
        let lut = faer_ref(&self.lu).transpose();
        let yr = &mut y;
        run_kernel(Kernel::TriSolve, tri_size(&self.lu, b), |par| {
            tri::solve_lower_triangular_in_place(lut, faer_mut(yr), par);
            tri::solve_unit_upper_triangular_in_place(lut, faer_mut(yr), par);
        });
        let mut x = RMat::zeros(b.nrows(), b.ncols());
        for (i, &src) in self.perm.iter().enumerate() {
            x.set_row(src, &y.row(i));
        }
        x
    }
}

/// Size that decides parallelism for triangular solves: a few right-hand
/// sides are memory-bound and stay on one thread whatever n is.
fn tri_size(lu: &RMat, b: &RMat) -> usize {
    if b.ncols() < 16 {
        0
    } else {
        lu.nrows()
    }
}

/// `[L, U, P] = lu(A)` for any shape, real or complex: P*A = L*U with L
/// m x k unit lower, U k x n upper, P m x m, k = min(m, n). Exactly singular
/// input is fine (zero pivots stay on U's diagonal); NaN simply propagates.
pub fn lu<T: Field>(a: &DMatrix<T>) -> (DMatrix<T>, DMatrix<T>, RMat) {
    let f = lu_factor(a);
    (f.l(), f.u(), f.p())
}

/// `Y = lu(A)`: both factors of P*A = L*U in one m x n matrix as LAPACK
/// stores them, Y = L + U - I (L's unit diagonal implied), as Octave.
pub fn lu_packed<T: Field>(a: &DMatrix<T>) -> DMatrix<T> {
    lu_factor(a).lu
}

/// `[L, U] = lu(A)`: L = P'*L is "psychologically lower triangular" (a row
/// permutation of a unit lower one) and A = L*U.
pub fn lu_permuted<T: Field>(a: &DMatrix<T>) -> (DMatrix<T>, DMatrix<T>) {
    let f = lu_factor(a);
    let l = f.l();
    let mut pl = DMatrix::zeros(l.nrows(), l.ncols());
    for (i, &src) in f.perm.iter().enumerate() {
        pl.set_row(src, &l.row(i));
    }
    (pl, f.u())
}

#[cfg(test)]
#[path = "../tests/lu.rs"]
mod tests;
