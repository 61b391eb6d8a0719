//! Homework mode: `steps EXPR` shows the working of a computation.

use crate::ast::Expr;
use crate::error::{LaError, Result};
use crate::eval::Interp;

pub fn steps(_it: &mut Interp, expr: &Expr, _latex: bool) -> Result<()> {
    Err(LaError::eval("steps: step-by-step working is not available yet").at(expr.span))
}
