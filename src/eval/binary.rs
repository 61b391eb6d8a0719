//! Binary operators on expressions: operands read in place (a variable is
//! not copied to be an operand), `A'*B` without forming the transpose, and
//! the warnings an operator gives.

use super::Interp;
use crate::builtins::ctx::Ctx;
use crate::error::{LaError, Result};
use crate::ops;
use crate::syntax::ast::*;
use crate::value::Value;

/// `x` when `e` is `x'` or `x.'`.
fn transposed_operand(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Unary(UnOp::Transpose | UnOp::CTranspose, inner) => Some(inner),
        _ => None,
    }
}

enum Operand<'e> {
    Var(&'e Name),
    Value(Value),
}

impl Interp<'_> {
    pub(super) fn eval_binary(
        &mut self,
        op: BinOp,
        a: &Expr,
        b: &Expr,
        span: Span,
    ) -> Result<Value> {
        if matches!(op, BinOp::OrOr | BinOp::AndAnd) {
            let sym = op.symbol();
            let l = self.eval(a)?.is_true(sym).map_err(|e| e.at(a.span))?;
            if (op == BinOp::OrOr) == l {
                return Ok(Value::bool(l));
            }
            let r = self.eval(b)?.is_true(sym).map_err(|e| e.at(b.span))?;
            return Ok(Value::bool(r));
        }
        if op == BinOp::Mul {
            if let Some(v) = self.transposed_product(a, b, span)? {
                return Ok(v);
            }
        }
        // Variables are read in place rather than copied (a 2000x2000 operand is 32 MB).
        // Reading a variable has no side effects, so evaluating the other operand first is safe.
        let l = self.operand(a)?;
        let r = self.operand(b)?;
        let (lv, rv) = (self.resolve(&l)?, self.resolve(&r)?);
        if let Some(v) = ops::scalar_fast_path(op, lv, rv) {
            return Ok(v);
        }
        let (v, warnings) = self.apply(op, lv, rv, span)?;
        self.flush_warnings(warnings, span);
        Ok(v)
    }

    /// An operand: a variable to borrow, or a computed value.
    fn operand<'e>(&mut self, e: &'e Expr) -> Result<Operand<'e>> {
        if let ExprKind::Ident(name) = &e.kind {
            if self.vars().lookup(name).is_some() {
                return Ok(Operand::Var(name));
            }
        }
        self.eval(e).map(Operand::Value)
    }

    fn resolve<'a>(&'a self, o: &'a Operand) -> Result<&'a Value> {
        match o {
            Operand::Value(v) => Ok(v),
            Operand::Var(n) => self
                .vars()
                .lookup(n)
                .ok_or_else(|| LaError::internal("operand variable vanished")),
        }
    }

    /// `A*B'` and `A'*B` on real matrices multiply through a transposed view
    /// instead of building the transpose.
    fn transposed_product(&mut self, a: &Expr, b: &Expr, span: Span) -> Result<Option<Value>> {
        let (ta, tb) = (transposed_operand(a), transposed_operand(b));
        if ta.is_none() && tb.is_none() {
            return Ok(None);
        }
        let l = self.operand(ta.unwrap_or(a))?;
        let r = self.operand(tb.unwrap_or(b))?;
        let (lv, rv) = (self.resolve(&l)?, self.resolve(&r)?);
        let (Value::Real(x), Value::Real(y)) = (lv, rv) else {
            // Not the real case: fall back to the general operators on the real transposes.
            let lt = if ta.is_some() {
                ops::transpose(lv, true)?
            } else {
                lv.clone()
            };
            let rt = if tb.is_some() {
                ops::transpose(rv, true)?
            } else {
                rv.clone()
            };
            return self.binary(BinOp::Mul, &lt, &rt, span).map(Some);
        };
        let (m, k1) = if ta.is_some() {
            (x.ncols(), x.nrows())
        } else {
            x.shape()
        };
        let (k2, n) = if tb.is_some() {
            (y.ncols(), y.nrows())
        } else {
            y.shape()
        };
        if m * k1 == 1 || k2 * n == 1 {
            let lt = if ta.is_some() {
                Value::Real(x.transpose().into())
            } else {
                lv.clone()
            };
            let rt = if tb.is_some() {
                Value::Real(y.transpose().into())
            } else {
                rv.clone()
            };
            return self.binary(BinOp::Mul, &lt, &rt, span).map(Some);
        }
        if k1 != k2 {
            return Err(LaError::eval(format!(
                "operator *: nonconformant arguments (op1 is {m}x{k1}, op2 is {k2}x{n})"
            ))
            .at(span));
        }
        self.check_alloc("operator *", m as f64, n as f64, 8)
            .map_err(|e| e.at(span))?;
        let v = crate::linalg::products::matmul_t(x, ta.is_some(), y, tb.is_some());
        Ok(Some(Value::Real(v.into())))
    }

    pub fn binary(&mut self, op: BinOp, l: &Value, r: &Value, span: Span) -> Result<Value> {
        let (v, warnings) = self.apply(op, l, r, span)?;
        self.flush_warnings(warnings, span);
        Ok(v)
    }

    /// The operator with the memory check for products; warnings are returned
    /// so callers still holding borrowed operands can report them afterwards.
    pub(super) fn apply(
        &self,
        op: BinOp,
        l: &Value,
        r: &Value,
        span: Span,
    ) -> Result<(Value, Vec<String>)> {
        if op == BinOp::Mul && !l.is_scalar() && !r.is_scalar() {
            self.check_alloc("operator *", l.dims().0 as f64, r.dims().1 as f64, 8)
                .map_err(|e| e.at(span))?;
        }
        let mut warnings = Vec::new();
        let v = ops::binary(op, l, r, &mut warnings).map_err(|e| e.at(span))?;
        Ok((v, warnings))
    }
}
