//! `Field`: what exact elimination needs of its numbers, implemented by the
//! rationals (`Rat`) and the quadratic numbers (`Quad`), and elimination
//! written once over it for the fields without a fraction-free fast path
//! (the rationals keep Bareiss in `elim`; the recorded homework routines
//! there are generic over this trait too).

use crate::exact::matrix::{gcd, lcm_of_denominators};
use crate::exact::Rat;
use nalgebra::DMatrix;
use num_bigint::BigInt;
use num_traits::{One, Zero};

/// A field of exact numbers: the four operations, with `inverse` refusing 0.
pub trait Field:
    Clone + PartialEq + std::fmt::Debug + std::fmt::Display + Zero + One + 'static
{
    fn inverse(&self) -> Option<Self>;
    fn plus(&self, o: &Self) -> Self;
    fn minus(&self, o: &Self) -> Self;
    fn times(&self, o: &Self) -> Self;
    fn negate(&self) -> Self;
    /// A positive rational multiple of `v` with integer parts, as small as
    /// possible (for basis vectors a student would write).
    fn integer_multiple(v: &[Self]) -> Vec<Self>;
}

impl Field for Rat {
    fn inverse(&self) -> Option<Rat> {
        self.recip()
    }
    fn plus(&self, o: &Rat) -> Rat {
        self + o
    }
    fn minus(&self, o: &Rat) -> Rat {
        self - o
    }
    fn times(&self, o: &Rat) -> Rat {
        self * o
    }
    fn negate(&self) -> Rat {
        -self
    }
    /// Coprime integers (zero vectors are returned unchanged).
    fn integer_multiple(v: &[Rat]) -> Vec<Rat> {
        let lcm = lcm_of_denominators(v.iter());
        let ints: Vec<BigInt> = v.iter().map(|x| x.numer() * (&lcm / x.denom())).collect();
        let g = ints.iter().fold(BigInt::zero(), |g, x| gcd(g, x.clone()));
        if g.is_zero() {
            return v.to_vec();
        }
        ints.into_iter()
            .map(|x| Rat::from_integer(x / &g))
            .collect()
    }
}

/// Gauss–Jordan in place over the first `pivot_cols` columns: pivot rows
/// scaled to 1, columns cleared above and below. Returns the pivot columns
/// and the number of row swaps.
pub fn gauss_jordan<F: Field>(m: &mut DMatrix<F>, pivot_cols: usize) -> (Vec<usize>, usize) {
    let mut pivots = Vec::new();
    let mut swaps = 0;
    for c in 0..pivot_cols {
        let r = pivots.len();
        let Some((p, inv)) = (r..m.nrows()).find_map(|i| m[(i, c)].inverse().map(|v| (i, v)))
        else {
            continue;
        };
        if p != r {
            m.swap_rows(p, r);
            swaps += 1;
        }
        for j in 0..m.ncols() {
            m[(r, j)] = m[(r, j)].times(&inv);
        }
        for i in (0..m.nrows()).filter(|&i| i != r) {
            let f = m[(i, c)].clone();
            if f.is_zero() {
                continue;
            }
            for j in 0..m.ncols() {
                let t = f.times(&m[(r, j)]);
                m[(i, j)] = m[(i, j)].minus(&t);
            }
        }
        pivots.push(c);
    }
    (pivots, swaps)
}

/// Determinant by elimination to upper triangular form.
pub fn det<F: Field>(a: &DMatrix<F>) -> F {
    let mut m = a.clone();
    let n = m.nrows();
    let mut d = F::one();
    for c in 0..n {
        let Some(p) = (c..n).find(|&i| !m[(i, c)].is_zero()) else {
            return F::zero();
        };
        if p != c {
            m.swap_rows(p, c);
            d = d.negate();
        }
        let piv = m[(c, c)].clone();
        d = d.times(&piv);
        let Some(inv) = piv.inverse() else {
            return F::zero();
        };
        for i in c + 1..n {
            let f = m[(i, c)].times(&inv);
            if f.is_zero() {
                continue;
            }
            for j in c..n {
                let t = f.times(&m[(c, j)]);
                m[(i, j)] = m[(i, j)].minus(&t);
            }
        }
    }
    d
}

/// `[A | B]` reduced; `None` when the square `A` (first `n` columns) is
/// singular, else the solution block.
pub fn solve<F: Field>(a: &DMatrix<F>, b: &DMatrix<F>) -> Option<DMatrix<F>> {
    let n = a.nrows();
    let mut aug = DMatrix::<F>::zeros(n, n + b.ncols());
    aug.view_mut((0, 0), a.shape()).copy_from(a);
    aug.view_mut((0, n), b.shape()).copy_from(b);
    if gauss_jordan(&mut aug, n).0.len() < n {
        return None;
    }
    Some(aug.columns(n, b.ncols()).into_owned())
}

pub fn inv<F: Field>(a: &DMatrix<F>) -> Option<DMatrix<F>> {
    solve(a, &DMatrix::identity(a.nrows(), a.nrows()))
}

pub fn rank<F: Field>(a: &DMatrix<F>) -> usize {
    gauss_jordan(&mut a.clone(), a.ncols()).0.len()
}

/// Reduced row echelon form and pivot columns.
pub fn rref<F: Field>(a: &DMatrix<F>) -> (DMatrix<F>, Vec<usize>) {
    let mut m = a.clone();
    let pivots = gauss_jordan(&mut m, a.ncols()).0;
    (m, pivots)
}

/// Null space basis: one column per free variable, read off the rref with
/// that variable 1 and the others 0, then cleared of fractions (a positive
/// multiple, so the free variable stays positive).
pub fn null<F: Field>(a: &DMatrix<F>) -> DMatrix<F> {
    let (r, pivots) = rref(a);
    null_from_rref(&r, &pivots)
}

pub fn null_from_rref<F: Field>(r: &DMatrix<F>, pivots: &[usize]) -> DMatrix<F> {
    let n = r.ncols();
    let free: Vec<usize> = (0..n).filter(|c| !pivots.contains(c)).collect();
    let mut basis = DMatrix::<F>::zeros(n, free.len());
    for (k, &f) in free.iter().enumerate() {
        let mut v = vec![F::zero(); n];
        v[f] = F::one();
        for (i, &p) in pivots.iter().enumerate() {
            v[p] = r[(i, f)].negate();
        }
        for (i, x) in F::integer_multiple(&v).into_iter().enumerate() {
            basis[(i, k)] = x;
        }
    }
    basis
}

/// Rationals as field elements of another field.
pub fn lift<F: Field + From<Rat>>(a: &DMatrix<Rat>) -> DMatrix<F> {
    a.map(F::from)
}

/// Matrix product (`a.ncols() == b.nrows()`).
pub fn matmul<F: Field>(a: &DMatrix<F>, b: &DMatrix<F>) -> DMatrix<F> {
    DMatrix::from_fn(a.nrows(), b.ncols(), |i, j| {
        (0..a.ncols()).fold(F::zero(), |s, k| s.plus(&a[(i, k)].times(&b[(k, j)])))
    })
}

/// `a^k` for square `a` by repeated squaring; `None` when `k < 0` and `a`
/// is singular.
pub fn pow<F: Field>(a: &DMatrix<F>, k: i64) -> Option<DMatrix<F>> {
    let n = a.nrows();
    let base = if k < 0 { inv(a)? } else { a.clone() };
    let mut e = k.unsigned_abs();
    let (mut acc, mut sq) = (DMatrix::identity(n, n), base);
    while e > 0 {
        if e & 1 == 1 {
            acc = matmul(&acc, &sq);
        }
        e >>= 1;
        if e > 0 {
            sq = matmul(&sq, &sq);
        }
    }
    Some(acc)
}
