//! Ranges `a:b` / `a:s:b`: exact while small, floating point otherwise, and
//! walked lazily by `for` loops.

use super::*;
use crate::exact::{Rat, RatMat, MAX_EXACT_ENTRIES};

impl Interp<'_> {
    pub(super) fn range_parts(
        &mut self,
        a: &Expr,
        step: Option<&Expr>,
        b: &Expr,
    ) -> Result<Vec<Value>> {
        let mut vals = Vec::with_capacity(3);
        for e in [Some(a), step, Some(b)].into_iter().flatten() {
            vals.push(self.eval(e)?);
        }
        Ok(vals)
    }

    pub(super) fn eval_range(
        &mut self,
        a: &Expr,
        step: Option<&Expr>,
        b: &Expr,
        span: Span,
    ) -> Result<Value> {
        let vals = self.range_parts(a, step, b)?;
        if let Some(r) = exact_range(&vals) {
            return Ok(r);
        }
        let (base, inc, n) = float_range(&vals, span)?;
        self.check_alloc("colon", 1.0, n, 8)
            .map_err(|e| e.at(span))?;
        Ok(Value::Real(
            crate::linalg::RMat::from_fn(1, n as usize, |_, k| base + k as f64 * inc).into(),
        ))
    }
}

pub(super) fn column(v: &Value, j: usize, rows: usize) -> Value {
    match v {
        Value::Exact(m) => Value::Exact(m.columns(j, 1).into_owned().into()),
        Value::Quad(m) => Value::quad(m.columns(j, 1).into_owned()),
        Value::Real(m) => Value::Real(m.columns(j, 1).into_owned().into()),
        Value::Complex(m) => Value::complex(m.columns(j, 1).into_owned()),
        Value::Bool(m) => Value::Bool(m.columns(j, 1).into_owned().into()),
        Value::Str(s) => Value::Str(s.chars().nth(j).map(String::from).unwrap_or_default()),
        // A cell loop gives each column as a cell, as Octave does.
        Value::Cell(m) => Value::cell(m.columns(j, 1).into_owned()),
        Value::Func(_) | Value::Struct(_) if rows > 0 => v.clone(),
        Value::Func(_) | Value::Struct(_) => Value::empty(),
    }
}

/// Start, step and element count of a floating-point range `a:b` / `a:s:b`.
pub(super) fn float_range(vals: &[Value], span: Span) -> Result<(f64, f64, f64)> {
    let f = |v: &Value| v.codes().to_f64("colon").map_err(|e| e.at(span));
    let (base, inc, limit) = match vals {
        [a, b] => (f(a)?, 1.0, f(b)?),
        [a, s, b] => (f(a)?, f(s)?, f(b)?),
        _ => return Err(LaError::internal("range with no bounds")),
    };
    let n = crate::ops::range_len(base, inc, limit);
    if !n.is_finite() {
        return Err(LaError::eval("colon: the range never ends (a bound is infinite)").at(span));
    }
    Ok((base, inc, n))
}

/// Start, step and element count of `a:b` / `a:s:b` with exact scalars,
/// while the range is small enough to stay exact.
pub(super) fn exact_range_parts(vals: &[Value]) -> Option<(Rat, Rat, usize)> {
    let q: Vec<Rat> = vals
        .iter()
        .map(|v| match v {
            Value::Exact(m) if m.len() == 1 => Some(m[0].clone()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (base, inc, limit) = match q.as_slice() {
        [a, b] => (a.clone(), Rat::one(), b.clone()),
        [a, s, b] => (a.clone(), s.clone(), b.clone()),
        _ => return None,
    };
    if inc.is_zero() || (&limit - &base).is_negative() != inc.is_negative() && limit != base {
        return Some((base, inc, 0));
    }
    let (steps, _) = ((&limit - &base) / &inc).floor().as_i64_pair()?;
    let n = usize::try_from(steps).ok()? + 1;
    (n <= MAX_EXACT_ENTRIES).then_some((base, inc, n))
}

/// `a:b` or `a:s:b` with exact scalars stays exact while it is small.
pub(super) fn exact_range(vals: &[Value]) -> Option<Value> {
    let (base, inc, n) = exact_range_parts(vals)?;
    let mut out = Vec::with_capacity(n);
    let mut x = base;
    for _ in 0..n {
        out.push(x.clone());
        x = x + &inc;
    }
    Some(Value::Exact(RatMat::from_row_slice(1, n, &out).into()))
}
