//! The element-wise skeleton shared by the float and exact operators:
//! Octave broadcasting of scalars and singleton dimensions, and comparisons.

use crate::error::{LaError, Result};
use crate::syntax::ast::BinOp;
use nalgebra::{DMatrix, Scalar};

pub fn nonconformant(op: &str, a: (usize, usize), b: (usize, usize)) -> LaError {
    LaError::eval(format!(
        "operator {op}: nonconformant arguments (op1 is {}x{}, op2 is {}x{})",
        a.0, a.1, b.0, b.1
    ))
}

/// Apply `f` element by element, expanding scalars and singleton dimensions.
pub fn broadcast<T: Scalar, U: Scalar, R: Scalar>(
    op: &str,
    a: &DMatrix<T>,
    b: &DMatrix<U>,
    f: impl Fn(&T, &U) -> R,
) -> Result<DMatrix<R>> {
    let (ar, ac) = a.shape();
    let (br, bc) = b.shape();
    let dim = |x: usize, y: usize| {
        if x == y || y == 1 {
            Some(x)
        } else if x == 1 {
            Some(y)
        } else {
            None
        }
    };
    let (Some(r), Some(c)) = (dim(ar, br), dim(ac, bc)) else {
        return Err(nonconformant(op, (ar, ac), (br, bc)));
    };
    if (ar, ac) == (br, bc) {
        return Ok(DMatrix::from_iterator(
            r,
            c,
            a.iter().zip(b.iter()).map(|(x, y)| f(x, y)),
        ));
    }
    Ok(DMatrix::from_fn(r, c, |i, j| {
        f(
            &a[(if ar == 1 { 0 } else { i }, if ac == 1 { 0 } else { j })],
            &b[(if br == 1 { 0 } else { i }, if bc == 1 { 0 } else { j })],
        )
    }))
}

/// The comparison `op` stands for, for floats and fractions alike.
pub fn cmp_fn<T: PartialOrd>(op: BinOp) -> fn(&T, &T) -> bool {
    match op {
        BinOp::Eq => |p, q| p == q,
        BinOp::Ne => |p, q| p != q,
        BinOp::Lt => |p, q| p < q,
        BinOp::Le => |p, q| p <= q,
        BinOp::Gt => |p, q| p > q,
        _ => |p, q| p >= q,
    }
}
