//! Numerical linear algebra over nalgebra matrices. Pure functions: no printing,
//! warnings are pushed onto a caller-supplied list and errors are returned.

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

pub mod products;
pub mod solve;

pub use products::matmul;
