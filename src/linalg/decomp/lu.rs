//! LU factorisation with partial pivoting (P A = L U).

use super::*;

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

/// faer's blocked LU. It divides by an exactly zero pivot (0 * inf = NaN)
/// where LAPACK would skip the column, so NaNs appearing from finite input
/// mean "exactly singular": return `None` and let the caller use the
/// careful loop.
pub(super) fn lu_blocked<T: Field>(a: &DMatrix<T>) -> Option<LuFactors<T>> {
    let (m, n) = a.shape();
    let mut lu = a.clone();
    let mut perm = vec![0usize; m];
    let mut perm_inv = vec![0usize; m];
    let view = faer_mut(&mut lu);
    let info = run_kernel(Kernel::Lu, m.max(n), |par| {
        let req = plu::lu_in_place_scratch::<usize, T>(m, n, par, Default::default());
        with_stack(req, |stack| {
            plu::lu_in_place(
                view,
                &mut perm,
                &mut perm_inv,
                par,
                stack,
                Default::default(),
            )
            .0
        })
    });
    // Elimination only subtracts and divides, so a non-finite input entry
    // stays non-finite: finite factors mean finite input, and the input
    // needs looking at only when the factors are not.
    let finite = |x: &DMatrix<T>| all_entries(x.as_slice(), |v| v.is_finite());
    if !finite(&lu) && finite(a) {
        return None;
    }
    Some(LuFactors {
        lu,
        perm,
        swaps: info.transposition_count,
    })
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

    /// Inverse of the (square, nonsingular) factored matrix, as LAPACK's
    /// dgetri: inv(A) = inv(U) inv(L) P, 2n^3 flops where solving against
    /// the identity would take 8n^3/3. Small matrices solve against the
    /// identity: faer's set-up costs more than the flops it saves there.
    pub fn inverse(&self) -> RMat {
        let n = self.lu.nrows();
        if n < LU_BLOCKED_MIN {
            return self.solve(&RMat::identity(n, n));
        }
        let mut inv_perm = vec![0usize; n];
        for (i, &src) in self.perm.iter().enumerate() {
            inv_perm[src] = i;
        }
        let mut out = RMat::zeros(n, n);
        let lu = faer_ref(&self.lu);
        let perm = faer::perm::PermRef::new_checked(&self.perm, &inv_perm, n);
        let o = faer_mut(&mut out);
        run_kernel(Kernel::Lu, n, |par| {
            let req = plu_inverse::inverse_scratch::<usize, f64>(n, par);
            with_stack(req, |stack| {
                plu_inverse::inverse(o, lu, lu, perm, par, stack)
            });
        });
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
