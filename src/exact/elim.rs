//! Exact elimination. Two families:
//! * fast routines for results only: `det`, `inv`, `solve` (and, in
//!   `echelon`, `rank`, `rref_plain`, `null`), by fraction-free (Bareiss)
//!   elimination on integer rows, or for larger matrices by the modular
//!   methods of `modular`;
//! * homework routines that record every row operation with the matrix after
//!   it (`rref`, `det_steps`, `inv_steps`, `solve_steps`, `rank_steps`,
//!   `null_steps`, `det_cofactor_steps`). They keep a full matrix per step, so
//!   they are meant for small matrices.
//!
//! Rows and columns are 0-based here; the renderer shows rows 1-based.

use crate::exact::field::{self, Field};
pub use crate::exact::matrix::augment;
use crate::exact::matrix::{self, integer_rows, IntRows, RatMat};
use crate::exact::{modular, padic_inv};
use crate::exact::{require_square, ExactError, Rat, Result};
use nalgebra::DMatrix;
use num_bigint::BigInt;
use num_traits::{One, Zero};

/// One elementary row operation (or a piece of commentary) in worked steps.
#[derive(Debug, Clone, PartialEq)]
pub enum RowOp<F = Rat> {
    /// Exchange two rows.
    Swap(usize, usize),
    /// `R_row <- by * R_row`.
    Scale { row: usize, by: F },
    /// `R_target <- R_target + factor * R_source`.
    AddMultiple {
        target: usize,
        source: usize,
        factor: F,
    },
    /// Back substitution for unknown `var` from an echelon row:
    /// `x_var = (rhs - sum(coeff * x_j for (j, coeff) in terms)) / pivot`,
    /// one `rhs`/`value` entry per right-hand-side column.
    BackSub {
        var: usize,
        pivot: F,
        rhs: Vec<F>,
        terms: Vec<(usize, F)>,
        value: Vec<F>,
    },
    /// A row of the reduced [A | b] reads 0 = value (non-zero): no solution.
    Inconsistent { row: usize, value: F },
    /// The solutions read off a reduced [A | b]: x = particular + sum of
    /// t_k * basis[k] for any numbers t_k; `free` holds the free variables.
    /// No basis vectors means the solution is unique.
    Solutions {
        free: Vec<usize>,
        particular: Vec<F>,
        basis: Vec<Vec<F>>,
    },
    /// The determinant read off the echelon form:
    /// `det = (-1)^swaps * (product of the diagonal)`.
    DetProduct {
        swaps: usize,
        diagonal: Vec<Rat>,
        det: Rat,
    },
    /// A remark in words (the matrix is unchanged).
    Note(String),
}

impl<F: Field> RowOp<F> {
    /// Applies the operation to `m` in place; `BackSub` and `Note` leave it
    /// unchanged. Row indices must be in range.
    pub fn apply(&self, m: &mut DMatrix<F>) {
        match self {
            RowOp::Swap(i, j) => m.swap_rows(*i, *j),
            RowOp::Scale { row, by } => {
                for x in m.row_mut(*row).iter_mut() {
                    *x = x.times(by);
                }
            }
            RowOp::AddMultiple {
                target,
                source,
                factor,
            } => {
                for c in 0..m.ncols() {
                    let delta = factor.times(&m[(*source, c)]);
                    m[(*target, c)] = m[(*target, c)].plus(&delta);
                }
            }
            RowOp::BackSub { .. }
            | RowOp::Inconsistent { .. }
            | RowOp::Solutions { .. }
            | RowOp::DetProduct { .. }
            | RowOp::Note(_) => {}
        }
    }
}

/// A recorded operation and the matrix right after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Step<F = Rat> {
    pub op: RowOp<F>,
    pub after: DMatrix<F>,
}

/// One term `sign * entry * det(minor)` of a first-row cofactor expansion.
#[derive(Debug, Clone, PartialEq)]
pub struct CofactorTerm {
    /// Column of the expanded entry (0-based).
    pub col: usize,
    /// `(-1)^col`: +1 or -1.
    pub sign: i8,
    pub entry: Rat,
    /// The matrix without row 0 and column `col`.
    pub minor: RatMat,
    pub minor_det: Rat,
}

/// A determinant worked out by expansion along the first row.
#[derive(Debug, Clone, PartialEq)]
pub struct CofactorExpansion {
    pub terms: Vec<CofactorTerm>,
    pub det: Rat,
}

// ---- fast fraction-free core ------------------------------------------

/// Outcome of a fraction-free elimination.
pub(super) struct FfOutcome {
    pub(super) pivots: Vec<usize>,
    swaps: usize,
}

/// Bareiss elimination over the first `pivot_cols` columns: every update is
/// `(p*x - f*y) / previous_pivot`, an exact integer division, so entries stay
/// minors of the input instead of blowing up. With `jordan` the rows above
/// each pivot are cleared too (fraction-free Gauss–Jordan), leaving every
/// pivot row as `pivot * (rref row)`.
pub(super) fn fraction_free(rows: &mut IntRows, pivot_cols: usize, jordan: bool) -> FfOutcome {
    let m = rows.len();
    let mut prev = BigInt::one();
    let mut out = FfOutcome {
        pivots: Vec::new(),
        swaps: 0,
    };
    for c in 0..pivot_cols {
        let r = out.pivots.len();
        if r == m {
            break;
        }
        let Some(p) = (r..m).find(|&i| !rows[i][c].is_zero()) else {
            continue;
        };
        if p != r {
            rows.swap(p, r);
            out.swaps += 1;
        }
        let pivot_row = rows[r].clone();
        let piv = &pivot_row[c];
        let (targets, first_col) = if jordan { (0..m, 0) } else { (r + 1..m, c) };
        for i in targets.filter(|&i| i != r) {
            let f = rows[i][c].clone();
            for (x, y) in rows[i][first_col..].iter_mut().zip(&pivot_row[first_col..]) {
                let t = piv * &*x - &f * y;
                *x = if prev.is_one() { t } else { t / &prev };
            }
        }
        prev = piv.clone();
        out.pivots.push(c);
    }
    out
}

/// Solves `[A | B]` (A is `n×n`, the first `n` columns) by fraction-free
/// Gauss–Jordan; `None` when `A` is singular.
fn solve_augmented(aug: &RatMat, n: usize) -> Option<RatMat> {
    let (mut rows, _) = integer_rows(aug);
    if fraction_free(&mut rows, n, true).pivots.len() < n {
        return None;
    }
    let k = aug.ncols() - n;
    let data = (0..n).flat_map(|i| {
        let row = &rows[i];
        (n..n + k).map(move |j| Rat::new(row[j].clone(), row[i].clone()))
    });
    let data = data.collect::<Option<Vec<_>>>()?;
    Some(RatMat::from_row_iterator(n, k, data))
}

/// Matrices from this size on go to the modular routines (`modular`) when
/// their entries allow; smaller ones are quicker by fraction-free elimination.
pub(super) const MODULAR_FROM: usize = 8;

/// Exact determinant: multimodular for larger matrices, else Bareiss.
pub fn det(a: &RatMat) -> Result<Rat> {
    let n = require_square("det", a)?;
    if n >= MODULAR_FROM {
        if let Some(d) = modular::det(a) {
            return Ok(d);
        }
    }
    Ok(det_fraction_free(a))
}

/// Exact determinant by fraction-free Bareiss elimination (`a` square).
pub(crate) fn det_fraction_free(a: &RatMat) -> Rat {
    let n = a.nrows();
    if n == 0 {
        return Rat::one();
    }
    let (mut rows, scales) = integer_rows(a);
    let out = fraction_free(&mut rows, n, false);
    if out.pivots.len() < n {
        return Rat::zero();
    }
    let mut d = rows[n - 1][n - 1].clone();
    if out.swaps % 2 == 1 {
        d = -d;
    }
    // The scales are lcms of denominators, so their product is non-zero.
    let scale = scales.into_iter().product();
    Rat::new(d, scale).unwrap_or_else(Rat::zero)
}

/// Exact inverse; `Ok(None)` when `a` is singular. p-adic lifting for
/// larger matrices (`padic_inv`), else fraction-free Gauss–Jordan.
pub fn inv(a: &RatMat) -> Result<Option<RatMat>> {
    let n = require_square("inverse", a)?;
    if n >= MODULAR_FROM {
        if let Some(x) = padic_inv::inv(a) {
            return Ok(x);
        }
    }
    Ok(solve_augmented(&augment(a, &matrix::identity(n)), n))
}

/// Exact solution of `A X = B` for square `A`; `Ok(None)` when singular.
pub fn solve(a: &RatMat, b: &RatMat) -> Result<Option<RatMat>> {
    let n = require_square("mldivide", a)?;
    if b.nrows() != n {
        return Err(ExactError::Nonconformant {
            func: "mldivide",
            a: a.shape(),
            b: b.shape(),
        });
    }
    if n >= MODULAR_FROM {
        if let Some(x) = modular::solve(a, b) {
            return Ok(x);
        }
    }
    Ok(solve_fraction_free(a, b))
}

/// [`solve`] by fraction-free Gauss–Jordan (`a` square, `b` as many rows).
pub(crate) fn solve_fraction_free(a: &RatMat, b: &RatMat) -> Option<RatMat> {
    solve_augmented(&augment(a, b), a.nrows())
}

/// `a^k` by repeated squaring; negative `k` inverts first.
pub fn pow(a: &RatMat, k: i64) -> Result<RatMat> {
    let n = require_square("mpower", a)?;
    let base = if k < 0 {
        inv(a)?.ok_or(ExactError::Singular { func: "mpower" })?
    } else {
        a.clone()
    };
    let mut e = k.unsigned_abs();
    let (mut acc, mut sq) = (matrix::identity(n), base);
    while e > 0 {
        if e & 1 == 1 {
            acc = matrix::matmul(&acc, &sq)?;
        }
        e >>= 1;
        if e > 0 {
            sq = matrix::matmul(&sq, &sq)?;
        }
    }
    Ok(acc)
}

/// The positive multiple of `v` with coprime integer entries and a positive
/// first non-zero entry (zero vectors are returned unchanged).
pub(crate) fn smallest_integers(v: &[Rat]) -> Vec<Rat> {
    let ints = Rat::integer_multiple(v);
    if ints
        .iter()
        .find(|x| !x.is_zero())
        .is_some_and(Rat::is_negative)
    {
        ints.iter().map(|x| -x).collect()
    } else {
        ints
    }
}

// ---- recorded (homework) elimination ------------------------------------

/// The matrix being worked on plus the steps so far.
struct Recorder<F: Field = Rat> {
    m: DMatrix<F>,
    steps: Vec<Step<F>>,
}

impl<F: Field> Recorder<F> {
    fn new(m: DMatrix<F>) -> Recorder<F> {
        Recorder {
            m,
            steps: Vec::new(),
        }
    }

    fn push(&mut self, op: RowOp<F>) {
        op.apply(&mut self.m);
        self.steps.push(Step {
            op,
            after: self.m.clone(),
        });
    }

    fn note(&mut self, text: String) {
        self.push(RowOp::Note(text));
    }

    /// First row at or below `r` with a non-zero entry in column `c`, and
    /// the reciprocal of that entry.
    fn find_pivot(&self, r: usize, c: usize) -> Option<(usize, F)> {
        (r..self.m.nrows()).find_map(|i| self.m[(i, c)].inverse().map(|inv| (i, inv)))
    }

    /// Swaps row `p` up to `r` when needed.
    fn bring_up(&mut self, p: usize, r: usize) {
        if p != r {
            self.push(RowOp::Swap(r, p));
        }
    }

    /// `R_i <- R_i - (m[i][c]/pivot) R_r` for each listed row with a non-zero
    /// entry in column `c`.
    fn clear_column(
        &mut self,
        r: usize,
        c: usize,
        inv_pivot: &F,
        rows: impl Iterator<Item = usize>,
    ) {
        for i in rows.filter(|&i| i != r) {
            if !self.m[(i, c)].is_zero() {
                let factor = self.m[(i, c)].times(inv_pivot).negate();
                self.push(RowOp::AddMultiple {
                    target: i,
                    source: r,
                    factor,
                });
            }
        }
    }

    /// Gauss–Jordan over the first `pivot_cols` columns as a student would do
    /// it: first non-zero pivot, swap only when needed, scale the pivot row to
    /// 1, clear the column above and below. Returns the pivot columns.
    fn gauss_jordan(&mut self, pivot_cols: usize) -> Vec<usize> {
        let mut pivots = Vec::new();
        for c in 0..pivot_cols {
            let r = pivots.len();
            let Some((p, inv_pivot)) = self.find_pivot(r, c) else {
                continue;
            };
            self.bring_up(p, r);
            if !inv_pivot.is_one() {
                self.push(RowOp::Scale {
                    row: r,
                    by: inv_pivot,
                });
            }
            self.clear_column(r, c, &F::one(), 0..self.m.nrows());
            pivots.push(c);
        }
        pivots
    }

    /// Forward elimination to row echelon form (no scaling) over the first
    /// `pivot_cols` columns. Returns the pivot columns.
    fn echelon(&mut self, pivot_cols: usize) -> Vec<usize> {
        let mut pivots = Vec::new();
        for c in 0..pivot_cols {
            let r = pivots.len();
            let Some((p, inv_pivot)) = self.find_pivot(r, c) else {
                continue;
            };
            self.bring_up(p, r);
            self.clear_column(r, c, &inv_pivot, r + 1..self.m.nrows());
            pivots.push(c);
        }
        pivots
    }
}

/// Gauss–Jordan reduced row echelon form with pivot columns (0-based) and
/// the recorded steps.
pub fn rref<F: Field>(a: &DMatrix<F>) -> (DMatrix<F>, Vec<usize>, Vec<Step<F>>) {
    let mut rec = Recorder::new(a.clone());
    let pivots = rec.gauss_jordan(a.ncols());
    (rec.m, pivots, rec.steps)
}

/// Determinant by elimination to upper triangular form with swaps and row
/// additions only (no scaling, so only swaps change the determinant):
/// `det = (-1)^swaps * product of the diagonal`, stated in a final step.
pub fn det_steps(a: &RatMat) -> Result<(Rat, Vec<Step>)> {
    let n = require_square("det", a)?;
    let mut rec = Recorder::new(a.clone());
    let pivots = rec.echelon(n);
    let swaps = rec
        .steps
        .iter()
        .filter(|s| matches!(s.op, RowOp::Swap(..)))
        .count();
    if pivots.len() < n {
        rec.note("a column has no pivot, so the matrix is singular: det = 0".to_string());
        return Ok((Rat::zero(), rec.steps));
    }
    let diag: Vec<Rat> = (0..n).map(|i| rec.m[(i, i)].clone()).collect();
    let product = diag.iter().fold(Rat::one(), |acc, x| &acc * x);
    let d = if swaps % 2 == 1 { -product } else { product };
    rec.push(RowOp::DetProduct {
        swaps,
        diagonal: diag,
        det: d.clone(),
    });
    Ok((d, rec.steps))
}

/// Expansion along the first row (meant for 3×3 homework; works for any
/// square size, minors by Bareiss).
pub fn det_cofactor_steps(a: &RatMat) -> Result<CofactorExpansion> {
    let n = require_square("det", a)?;
    let mut terms = Vec::with_capacity(n);
    for col in 0..n {
        let minor = a.clone().remove_row(0).remove_column(col);
        terms.push(CofactorTerm {
            col,
            sign: if col % 2 == 0 { 1 } else { -1 },
            entry: a[(0, col)].clone(),
            minor_det: det(&minor)?,
            minor,
        });
    }
    let det = if n == 0 {
        Rat::one()
    } else {
        terms
            .iter()
            .map(|t| Rat::from_i64(t.sign.into()) * &t.entry * &t.minor_det)
            .sum()
    };
    Ok(CofactorExpansion { terms, det })
}

/// Inverse by reducing `[A | I]`; `None` (with a closing note) if singular.
pub fn inv_steps(a: &RatMat) -> Result<(Option<RatMat>, Vec<Step>)> {
    let n = require_square("inverse", a)?;
    let mut rec = Recorder::new(augment(a, &matrix::identity(n)));
    let pivots = rec.gauss_jordan(n);
    if pivots.len() < n {
        rec.note("the left block cannot be reduced to I, so A is singular".to_string());
        return Ok((None, rec.steps));
    }
    let x = rec.m.view((0, n), (n, n)).into_owned();
    Ok((Some(x), rec.steps))
}

/// Solves `A X = B` by forward elimination of `[A | B]` then back
/// substitution (one `BackSub` step per unknown, last unknown first).
pub fn solve_steps(a: &RatMat, b: &RatMat) -> Result<(Option<RatMat>, Vec<Step>)> {
    let n = require_square("mldivide", a)?;
    if b.nrows() != n {
        return Err(ExactError::Nonconformant {
            func: "mldivide",
            a: a.shape(),
            b: b.shape(),
        });
    }
    let mut rec = Recorder::new(augment(a, b));
    if rec.echelon(n).len() < n {
        rec.note("a column of A has no pivot, so A is singular: no unique solution".to_string());
        return Ok((None, rec.steps));
    }
    let k = b.ncols();
    let mut x = matrix::zeros(n, k);
    for i in (0..n).rev() {
        let u = &rec.m;
        let pivot = u[(i, i)].clone();
        let Some(inv_pivot) = pivot.recip() else {
            return Ok((None, rec.steps));
        };
        let terms: Vec<(usize, Rat)> = (i + 1..n)
            .filter(|&j| !u[(i, j)].is_zero())
            .map(|j| (j, u[(i, j)].clone()))
            .collect();
        let rhs: Vec<Rat> = (0..k).map(|c| u[(i, n + c)].clone()).collect();
        let value: Vec<Rat> = (0..k)
            .map(|c| {
                let known: Rat = terms.iter().map(|(j, coef)| coef * &x[(*j, c)]).sum();
                (&rhs[c] - known) * &inv_pivot
            })
            .collect();
        for (c, v) in value.iter().enumerate() {
            x[(i, c)] = v.clone();
        }
        rec.push(RowOp::BackSub {
            var: i,
            pivot,
            rhs,
            terms,
            value,
        });
    }
    Ok((Some(x), rec.steps))
}

/// The general solution of A x = b for any A and one right-hand side.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneralSolution {
    /// The solution with every free variable 0; `None` when there is none.
    pub particular: Option<RatMat>,
    /// A basis of A's null space (smallest integers): x = x_p + t1 v1 + ...
    pub null_basis: RatMat,
}

/// Gauss-Jordan elimination of [A | b] (b one column), ending in the row
/// that makes the system inconsistent or in the solution set.
pub fn solve_general_steps(a: &RatMat, b: &RatMat) -> Result<(GeneralSolution, Vec<Step>)> {
    let n = a.ncols();
    if b.nrows() != a.nrows() || b.ncols() != 1 {
        return Err(ExactError::Nonconformant {
            func: "mldivide",
            a: a.shape(),
            b: b.shape(),
        });
    }
    let mut rec = Recorder::new(augment(a, b));
    let pivots = rec.gauss_jordan(n);
    if let Some(row) = (pivots.len()..a.nrows()).find(|&i| !rec.m[(i, n)].is_zero()) {
        let value = rec.m[(row, n)].clone();
        rec.push(RowOp::Inconsistent { row, value });
        let none = GeneralSolution {
            particular: None,
            null_basis: matrix::zeros(n, 0),
        };
        return Ok((none, rec.steps));
    }
    let mut xp = matrix::zeros(n, 1);
    for (i, &p) in pivots.iter().enumerate() {
        xp[(p, 0)] = rec.m[(i, n)].clone();
    }
    let basis = field::null_from_rref(&rec.m.columns(0, n).into_owned(), &pivots);
    rec.push(RowOp::Solutions {
        free: (0..n).filter(|c| !pivots.contains(c)).collect(),
        particular: xp.iter().cloned().collect(),
        basis: basis
            .column_iter()
            .map(|c| c.iter().cloned().collect())
            .collect(),
    });
    let general = GeneralSolution {
        particular: Some(xp),
        null_basis: basis,
    };
    Ok((general, rec.steps))
}

/// Rank by forward elimination; a final note counts the non-zero rows.
pub fn rank_steps(a: &RatMat) -> (usize, Vec<Step>) {
    let mut rec = Recorder::new(a.clone());
    let r = rec.echelon(a.ncols()).len();
    rec.note(format!(
        "rank = number of non-zero rows in echelon form = {r}"
    ));
    (r, rec.steps)
}

/// Null space basis via the recorded rref, with notes naming the free
/// variables (1-based, as `x1, x2, ...`).
pub fn null_steps(a: &RatMat) -> (RatMat, Vec<Step>) {
    let mut rec = Recorder::new(a.clone());
    let pivots = rec.gauss_jordan(a.ncols());
    let free: Vec<String> = (0..a.ncols())
        .filter(|c| !pivots.contains(c))
        .map(|c| format!("x{}", c + 1))
        .collect();
    let basis = field::null_from_rref(&rec.m, &pivots);
    if free.is_empty() {
        rec.note("every column has a pivot: the null space is {0}".to_string());
    } else {
        rec.note(format!(
            "free variables: {}; set each to 1 (the others 0) and solve the pivot rows",
            free.join(", ")
        ));
    }
    (basis, rec.steps)
}

#[cfg(test)]
#[path = "tests/elim.rs"]
mod tests;
