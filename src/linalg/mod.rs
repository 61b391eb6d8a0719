//! Numerical linear algebra over nalgebra matrices. Pure functions: no printing,
//! warnings are pushed onto a caller-supplied list and errors are returned.
//! A kernel: may use only `error`; knows nothing of values or the interpreter.

pub mod random;

pub type C64 = num_complex::Complex<f64>;
pub type RMat = nalgebra::DMatrix<f64>;
pub type CMat = nalgebra::DMatrix<C64>;

/// Why a linear-algebra routine refused its input. `func` is the user-facing
/// function name so the message can be shown as is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LinalgError {
    #[error("{func}: input must be a square matrix (got {rows}x{cols})")]
    NotSquare {
        func: &'static str,
        rows: usize,
        cols: usize,
    },
    #[error("{func}: input contains NaN or Inf")]
    NonFinite { func: &'static str },
    #[error("{func}: nonconformant arguments (op1 is {}x{}, op2 is {}x{})", a.0, a.1, b.0, b.1)]
    Nonconformant {
        func: &'static str,
        a: (usize, usize),
        b: (usize, usize),
    },
    #[error(
        "chol: input matrix must be positive definite (leading minor {minor} is not positive)"
    )]
    NotPositiveDefinite { minor: usize },
    #[error("{func}: failed to converge")]
    NoConvergence { func: &'static str },
    #[error("{func}: {msg}")]
    Invalid { func: &'static str, msg: String },
}

pub type Result<T> = std::result::Result<T, LinalgError>;

impl From<LinalgError> for crate::error::LaError {
    fn from(e: LinalgError) -> Self {
        crate::error::LaError::eval(e.to_string())
    }
}

pub mod decomp;
mod dgemm;
pub mod norms;
pub mod pca;
mod pnorm;
pub mod poly;
pub mod predicates;
mod simd;
pub mod solve;
mod tridiag;

use faer::dyn_stack::{MemBuffer, MemStack, StackReq};
use faer::Par;
use nalgebra::DMatrix;
use std::sync::OnceLock;

/// A family of heavy kernels; each has its own measured size at which two
/// threads start to pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kernel {
    Matmul,
    Lu,
    Chol,
    TriSolve,
    Qr,
    EigGeneral,
    EigSym,
    Svd,
}

impl Kernel {
    /// Smallest largest-dimension that runs in parallel. Measured on the
    /// 2-core target (faer inside the pool, seq vs 2 threads): matmul wins
    /// from n = 150, the symmetric eigensolver from 150, the SVD from 300,
    /// Cholesky breaks even at 450, QR and the general eigensolver at 600.
    /// Our blocked LU (look-ahead, work-stealing updates) breaks even at
    /// n = 200 and at n = 300 takes det from 1.5-1.7 ms to 1.2-1.4 and inv
    /// from 3.9-4.1 to 2.7-3.1 (AMD EPYC Zen 3, 3 interleaved rounds).
    fn par_threshold(self) -> usize {
        match self {
            Kernel::Matmul => 128,
            Kernel::EigSym => 150,
            Kernel::Svd => 250,
            Kernel::Lu => 240,
            Kernel::Chol | Kernel::TriSolve => 500,
            Kernel::Qr | Kernel::EigGeneral => 550,
        }
    }
}

/// The worker pool for parallel kernels (None on a one-core machine).
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if threads < 2 {
            return None;
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("la-worker-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// Runs `f` with the parallelism suited to `kernel` at size `n`. Parallel
/// work runs *inside* the pool: called from outside it, every fork/join of
/// faer's recursive kernels crosses threads, which measured 2-4x slower
/// than one thread (LU at n = 1000: 15 ms vs 7.5 ms; inside the pool 5.9 ms).
pub(crate) fn run_kernel<R: Send>(kernel: Kernel, n: usize, f: impl FnOnce(Par) -> R + Send) -> R {
    match pool() {
        Some(p) if n >= kernel.par_threshold() => {
            let threads = p.current_num_threads();
            p.install(|| f(Par::rayon(threads)))
        }
        _ => f(Par::Seq),
    }
}

/// Zero-copy faer view of a nalgebra matrix (both are column-major).
pub(crate) fn faer_ref<T>(a: &DMatrix<T>) -> faer::MatRef<'_, T>
where
    T: nalgebra::Scalar,
{
    faer::MatRef::from_column_major_slice(a.as_slice(), a.nrows(), a.ncols())
}

/// Mutable zero-copy faer view of a nalgebra matrix.
pub(crate) fn faer_mut<T>(a: &mut DMatrix<T>) -> faer::MatMut<'_, T>
where
    T: nalgebra::Scalar,
{
    let (m, n) = a.shape();
    faer::MatMut::from_column_major_slice_mut(a.as_mut_slice(), m, n)
}

/// Runs `f` with a scratch stack of the requested size.
pub(crate) fn with_stack<R>(req: StackReq, f: impl FnOnce(&mut MemStack) -> R) -> R {
    let mut buf = MemBuffer::new(req);
    f(MemStack::new(&mut buf))
}

/// `NotSquare` unless `a` is square.
pub(crate) fn ensure_square<T>(func: &'static str, a: &DMatrix<T>) -> Result<()>
where
    T: nalgebra::Scalar,
{
    if a.is_square() {
        Ok(())
    } else {
        Err(LinalgError::NotSquare {
            func,
            rows: a.nrows(),
            cols: a.ncols(),
        })
    }
}

/// `NonFinite` if any entry is NaN or infinite; iterative solvers may not
/// terminate (or return garbage) on such input.
pub(crate) fn ensure_finite<T>(func: &'static str, a: &DMatrix<T>) -> Result<()>
where
    T: nalgebra::ComplexField,
{
    if all_entries(a.as_slice(), |x| x.is_finite()) {
        Ok(())
    } else {
        Err(LinalgError::NonFinite { func })
    }
}

/// Whether `ok` holds for every entry. Checks blocks without stopping
/// early inside a block, so the test vectorises (a 1000x1000 finiteness
/// check: 0.7 ms entry by entry, a fraction of that in blocks).
pub fn all_entries<T>(xs: &[T], ok: impl Fn(&T) -> bool) -> bool {
    xs.chunks(256)
        .all(|c| c.iter().fold(true, |acc, x| acc & ok(x)))
}

/// Whether every entry of a real matrix is finite.
pub fn all_finite(a: &RMat) -> bool {
    all_entries(a.as_slice(), |x| x.is_finite())
}

/// Relative slack used when deciding which entry of a vector is "largest" for
/// the sign conventions: entries this close to the maximum count as ties, and
/// ties go to the first index, so rounding noise cannot flip a sign.
const TIE_TOL: f64 = 1e-12;

/// Index of the entry of largest magnitude (first one on near-ties), or
/// `None` when every magnitude is zero. Takes the magnitudes as an iterator
/// so callers need not collect a column into a vector first.
pub(crate) fn dominant_index(mags: impl Iterator<Item = f64> + Clone) -> Option<usize> {
    let max = mags.clone().fold(0.0_f64, f64::max);
    if max > 0.0 {
        mags.clone().position(|m| m >= max * (1.0 - TIE_TOL))
    } else {
        None
    }
}

/// Flips column `j` of `m` so its dominant entry is positive; returns whether
/// it flipped.
pub(crate) fn make_dominant_positive(m: &mut RMat, j: usize) -> bool {
    // The column as a plain slice: iterating nalgebra's view is several
    // times slower, which showed in the symmetric eigensolver's profile.
    let rows = m.nrows();
    let flip = dominant_is_negative(&m.as_slice()[j * rows..(j + 1) * rows]);
    if flip {
        m.column_mut(j).neg_mut();
    }
    flip
}

/// Whether the sign rule flips this column: its dominant entry is negative.
pub(crate) fn dominant_is_negative(col: &[f64]) -> bool {
    dominant_index(col.iter().map(|x| x.abs())).is_some_and(|i| col[i] < 0.0)
}

/// Formats like C's `%g` (6 significant digits), as Octave's warnings do.
pub(crate) fn fmt_g(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x}");
    }
    let exp = x.abs().log10().floor() as i32;
    if (-5..6).contains(&exp) {
        let decimals = (5 - exp).max(0) as usize;
        let s = format!("{x:.decimals$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    } else {
        let s = format!("{x:.5e}");
        let (mant, e) = s
            .split_once('e')
            .expect("{:e} output always has an exponent");
        let mant = if mant.contains('.') {
            mant.trim_end_matches('0').trim_end_matches('.')
        } else {
            mant
        };
        let e: i32 = e.parse().expect("{:e} exponent is an integer");
        let sign = if e < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", e.abs())
    }
}

#[cfg(test)]
pub(crate) mod testutil {
    use super::{CMat, RMat, C64};

    /// Small deterministic generator (SplitMix64) so tests need no extra crates.
    pub struct Rng(u64);

    impl Rng {
        pub fn new(seed: u64) -> Self {
            Rng(seed)
        }

        pub fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        /// Uniform in [-1, 1).
        pub fn uniform(&mut self) -> f64 {
            (self.next_u64() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
        }

        pub fn below(&mut self, n: usize) -> usize {
            (self.next_u64() % n as u64) as usize
        }

        pub fn mat(&mut self, m: usize, n: usize) -> RMat {
            RMat::from_fn(m, n, |_, _| self.uniform())
        }

        /// Entries in [-9, 9]: products of these (inner size up to ~10^14 /
        /// 81) are exact whatever the order of summation.
        pub fn int_mat(&mut self, m: usize, n: usize) -> RMat {
            RMat::from_fn(m, n, |_, _| self.below(19) as f64 - 9.0)
        }

        /// Integer operands of op(a) * op(b), op(a) m x k and op(b) k x n,
        /// stored transposed where `ta` / `tb` say.
        pub fn int_operands(
            &mut self,
            (m, k, n): (usize, usize, usize),
            ta: bool,
            tb: bool,
        ) -> (RMat, RMat) {
            let a = if ta {
                self.int_mat(k, m)
            } else {
                self.int_mat(m, k)
            };
            let b = if tb {
                self.int_mat(n, k)
            } else {
                self.int_mat(k, n)
            };
            (a, b)
        }

        pub fn cmat(&mut self, m: usize, n: usize) -> CMat {
            CMat::from_fn(m, n, |_, _| C64::new(self.uniform(), self.uniform()))
        }

        pub fn sym(&mut self, n: usize) -> RMat {
            let a = self.mat(n, n);
            (&a + a.transpose()) * 0.5
        }

        /// Random m x n matrix of rank r (r <= min(m, n)).
        pub fn rank_deficient(&mut self, m: usize, n: usize, r: usize) -> RMat {
            self.mat(m, r) * self.mat(r, n)
        }
    }

    /// Frobenius norm of the difference, relative to max(1, ||b||_F).
    /// op(a) * op(b) summed term by term, the definition.
    pub fn naive_product(a: &RMat, ta: bool, b: &RMat, tb: bool) -> RMat {
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

    pub fn rel_err(a: &RMat, b: &RMat) -> f64 {
        (a - b).norm() / b.norm().max(1.0)
    }

    pub fn rel_err_c(a: &CMat, b: &CMat) -> f64 {
        (a - b).norm() / b.norm().max(1.0)
    }

    pub fn orth_err(q: &RMat) -> f64 {
        (q.transpose() * q - RMat::identity(q.ncols(), q.ncols())).norm()
    }

    pub fn hilb(n: usize) -> RMat {
        RMat::from_fn(n, n, |i, j| 1.0 / (i + j + 1) as f64)
    }

    #[test]
    fn fmt_g_matches_c_printf() {
        use super::fmt_g;
        assert_eq!(fmt_g(1.2e-17), "1.2e-17");
        assert_eq!(fmt_g(2.345678912e-19), "2.34568e-19");
        assert_eq!(fmt_g(8.27523e-67), "8.27523e-67");
        assert_eq!(fmt_g(0.5), "0.5");
        assert_eq!(fmt_g(0.0001234), "0.0001234");
        assert_eq!(fmt_g(123456.0), "123456");
        assert_eq!(fmt_g(1234567.0), "1.23457e+06");
        assert_eq!(fmt_g(0.0), "0");
        assert_eq!(fmt_g(f64::NAN), "NaN");
    }

    #[test]
    fn dominant_index_prefers_first_on_ties() {
        use super::dominant_index;
        let idx = |v: &[f64]| dominant_index(v.iter().copied());
        assert_eq!(idx(&[0.5, 0.7, 0.7]), Some(1));
        assert_eq!(idx(&[0.7, 0.7 * (1.0 + 1e-15), 0.1]), Some(0));
        assert_eq!(idx(&[0.0, 0.0]), None);
        assert_eq!(idx(&[]), None);
    }
}

pub mod products;
pub use products::matmul;
