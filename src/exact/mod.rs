//! Exact ("homework mode") linear algebra over the rationals and the
//! quadratic fields Q(√d): the `Rat` and `Quad` scalars, their matrices,
//! elimination written once over a `Field` that records its working as data,
//! characteristic polynomials with their rational roots and quadratic
//! factors, and text/LaTeX rendering of values and steps. Pure: nothing here
//! prints.
//! A kernel: may use only `error`; knows nothing of values or the interpreter.

pub mod echelon;
pub mod elim;
pub mod field;
pub mod gcd;
pub mod lstsq;
pub mod matrix;
pub mod modp;
pub mod modular;
pub mod norm2;
pub mod orth;
pub mod padic_inv;
pub mod poly;
pub mod quad;
pub mod rat;
pub mod reconstruct;
pub mod render;
pub mod rounding;
pub mod splitting;
pub mod squarefree;
pub mod substitution;
pub mod symmetric;

pub use echelon::{
    null, null_if_affordable, rank, rank_if_affordable, rref_if_affordable, rref_plain,
};
pub use elim::{
    augment, det, det_cofactor_steps, det_steps, inv, inv_steps, null_steps, rank_steps, rref,
    solve, solve_general_steps, solve_steps, CofactorExpansion, CofactorTerm, GeneralSolution,
    RowOp, Step,
};
pub use field::Field;
pub use matrix::{
    estimated_cost_ns, is_integer_matrix, max_entry_bits, too_costly, too_costly_for, ExactWork,
    RatMat, MAX_EXACT_COST_NS, MAX_EXACT_ENTRIES,
};
pub use poly::{
    charpoly, eig_exact, eig_steps, eigenspace, rational_roots, EigSteps, EigenvalueSteps,
};
pub use quad::{Quad, QuadMat};
pub use rat::{ParseRatError, Rat, DEFAULT_APPROX_TOL};
pub use render::{
    cofactor_latex, cofactor_text, eig_steps_latex, eig_steps_text, format_rat_matrix,
    format_rat_matrix_split, inline_matrix, latex_matrix, latex_matrix_split, latex_rat, op_latex,
    op_text, poly_latex, poly_text, steps_latex, steps_text, working_latex, working_text,
};
pub use symmetric::{definiteness, inertia, ldl_posdef};

/// Why an exact routine refused its input. `func` is the user-facing function
/// name so the message can be shown as is (mirrors `linalg::LinalgError`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExactError {
    #[error("{func}: input must be a square matrix (got {rows}x{cols})")]
    NotSquare {
        func: &'static str,
        rows: usize,
        cols: usize,
    },
    #[error("{func}: nonconformant arguments (op1 is {}x{}, op2 is {}x{})", a.0, a.1, b.0, b.1)]
    Nonconformant {
        func: &'static str,
        a: (usize, usize),
        b: (usize, usize),
    },
    #[error("{func}: matrix is singular")]
    Singular { func: &'static str },
}

pub type Result<T> = std::result::Result<T, ExactError>;

/// Errors unless `a` is square.
pub(crate) fn require_square(func: &'static str, a: &RatMat) -> Result<usize> {
    if a.is_square() {
        Ok(a.nrows())
    } else {
        Err(ExactError::NotSquare {
            func,
            rows: a.nrows(),
            cols: a.ncols(),
        })
    }
}
