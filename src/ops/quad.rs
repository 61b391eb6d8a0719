//! Operators on quadratic numbers (`Value::Quad`): when both operands are
//! exact and live in one field Q(√d), the result is exact (and becomes a
//! rational again when every radical cancels). Operands whose entries lie in
//! different fields, or that are unit-vector entries `x/√k`, stay exact
//! through `+ - .* * == ~=` and division by a scalar when every result entry
//! is one number of a field or one term `x/√k` (`V'*V`, `A*V - V*D`), and
//! through `.^` by an integer, and through `\` and `/` with a triangular
//! matrix (see `exact::substitution`: `R\(R'\b)` with `R = chol(A)`);
//! otherwise this returns `None` and the floating-point operators take over.

use super::broadcast::broadcast;
use super::exact::{elementwise, small_int, too_long_warning, warn_large, MAX_EXACT_BITS};
use crate::error::Result;
use crate::exact::field;
use crate::exact::quad::{checked_add, checked_mul, common_field};
use crate::exact::substitution::triangular_solve;
use crate::exact::{Quad, QuadMat, MAX_EXACT_ENTRIES};
use crate::syntax::ast::BinOp;
use crate::value::Value;
use num_traits::Zero;
use std::borrow::Cow;

/// Both operands as quadratic numbers, when one is a `Quad` value and the
/// other is exact too, both small enough; with their common field, if any.
type Pair<'a> = (Cow<'a, QuadMat>, Cow<'a, QuadMat>, Option<i64>);

/// Element-wise work is limited only by the size of the numbers; matrix
/// products and solves also by the entries (as `exact::pair`); each limit
/// warns when it sends the work to floats.
fn pair<'a>(op: BinOp, a: &'a Value, b: &'a Value, warn: &mut Vec<String>) -> Option<Pair<'a>> {
    if !matches!(a, Value::Quad(_)) && !matches!(b, Value::Quad(_)) {
        return None;
    }
    if !elementwise(op, a, b) && a.numel().max(b.numel()) > MAX_EXACT_ENTRIES {
        warn_large(op, a, b, warn);
        return None;
    }
    let (x, y) = (a.to_quad()?, b.to_quad()?);
    if x.iter().chain(y.iter()).any(|q| q.bits() > MAX_EXACT_BITS) {
        warn.push(too_long_warning());
        return None;
    }
    let d = common_field(x.iter().chain(y.iter()));
    Some((x, y, d))
}

/// Operands of different fields: the operations whose every result entry
/// still lies in one field (`None` as soon as one does not).
fn cross_field(
    op: BinOp,
    x: &QuadMat,
    y: &QuadMat,
    warn: &mut Vec<String>,
) -> Result<Option<QuadMat>> {
    use BinOp::*;
    let sym = op.symbol();
    let sub = |p: &Quad, q: &Quad| checked_add(p, &-q);
    let div = |p: &Quad, q: &Quad| checked_mul(p, &q.recip()?);
    let m = match op {
        Add => broadcast(sym, x, y, checked_add)?,
        Sub => broadcast(sym, x, y, sub)?,
        EMul => broadcast(sym, x, y, checked_mul)?,
        Mul if x.len() == 1 || y.len() == 1 => broadcast(sym, x, y, checked_mul)?,
        Mul if x.ncols() == y.nrows() => return Ok(checked_matmul(x, y)),
        EDiv => broadcast(sym, x, y, div)?,
        Div if y.len() == 1 => broadcast(sym, x, y, div)?,
        LDiv if x.len() == 1 => broadcast(sym, x, y, |p, q| div(q, p))?,
        LDiv => return Ok(triangular_solve(x, y)),
        Div => {
            let t = triangular_solve(&y.transpose(), &x.transpose());
            return Ok(t.map(|s| s.transpose()));
        }
        // Each power stays in its entry's own field.
        EPow => return Ok(power(op, x, y, warn)),
        Pow if x.len() == 1 => return Ok(power(op, x, y, warn)),
        _ => return Ok(None),
    };
    Ok(m.iter()
        .cloned()
        .collect::<Option<Vec<Quad>>>()
        .map(|v| QuadMat::from_vec(m.nrows(), m.ncols(), v)))
}

fn checked_matmul(x: &QuadMat, y: &QuadMat) -> Option<QuadMat> {
    let mut out = QuadMat::zeros(x.nrows(), y.ncols());
    for i in 0..x.nrows() {
        for j in 0..y.ncols() {
            let mut acc = Quad::zero();
            for k in 0..x.ncols() {
                acc = checked_add(&acc, &checked_mul(&x[(i, k)], &y[(k, j)])?)?;
            }
            out[(i, j)] = acc;
        }
    }
    Some(out)
}

/// The exponent of `y` when it is one small integer.
fn int_exponent(y: &QuadMat) -> Option<i64> {
    match y.as_slice() {
        [q] => small_int(q.as_rat()?),
        _ => None,
    }
}

pub fn binary(op: BinOp, a: &Value, b: &Value, warn: &mut Vec<String>) -> Result<Option<Value>> {
    use BinOp::*;
    let Some((x, y, d)) = pair(op, a, b, warn) else {
        return Ok(None);
    };
    if let Eq | Ne = op {
        let eq = op == Eq;
        let out = broadcast(op.symbol(), &x, &y, |p, q| p.exact_eq(q).map(|e| e == eq))?;
        if out.iter().any(Option::is_none) {
            return Ok(None); // a difference of several terms: compare the floats
        }
        return Ok(Some(Value::Bool(out.map(|b| b == Some(true)).into())));
    }
    let Some(d) = d else {
        return Ok(cross_field(op, &x, &y, warn)?.map(Value::quad));
    };
    let sym = op.symbol();
    let recip_all = |m: &QuadMat| -> Option<QuadMat> {
        m.iter()
            .all(|q| !q.is_zero())
            .then(|| m.map(|q| q.recip().unwrap_or_default()))
    };
    let m = match op {
        Add => broadcast(sym, &x, &y, |p, q| p + q)?,
        Sub => broadcast(sym, &x, &y, |p, q| p - q)?,
        EMul => broadcast(sym, &x, &y, |p, q| p * q)?,
        Mul if x.len() == 1 || y.len() == 1 => broadcast(sym, &x, &y, |p, q| p * q)?,
        Mul if x.ncols() == y.nrows() => field::matmul(&x, &y),
        EDiv | Div if y.len() == 1 || op == EDiv => match recip_all(&y) {
            Some(r) => broadcast(sym, &x, &r, |p, q| p * q)?,
            None => return Ok(None),
        },
        ELDiv | LDiv if x.len() == 1 || op == ELDiv => match recip_all(&x) {
            Some(r) => broadcast(sym, &r, &y, |p, q| p * q)?,
            None => return Ok(None),
        },
        LDiv if x.is_square() && x.nrows() == y.nrows() => match field::solve(&x, &y) {
            Some(s) => s,
            None => return Ok(None), // singular: the float path warns
        },
        Div if y.is_square() && x.ncols() == y.ncols() => {
            match field::solve(&y.transpose(), &x.transpose()) {
                Some(s) => s.transpose(),
                None => return Ok(None),
            }
        }
        Lt | Le | Gt | Ge if d >= 0 => {
            let test = super::broadcast::cmp_fn::<std::cmp::Ordering>(op);
            let out = broadcast(sym, &x, &y, |p, q| {
                p.cmp_real(q).map(|o| test(&o, &std::cmp::Ordering::Equal))
            })?;
            return Ok(Some(Value::Bool(out.map(|b| b.unwrap_or(false)).into())));
        }
        EPow | Pow => match power(op, &x, &y, warn) {
            Some(p) => p,
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(Value::quad(m)))
}

/// `x .^ k` element by element, or `x ^ k` for a square matrix, for one
/// small integer `k`; `None` (floats) for other exponents, results that
/// would grow too large, and zero to a negative power.
fn power(op: BinOp, x: &QuadMat, y: &QuadMat, warn: &mut Vec<String>) -> Option<QuadMat> {
    let k = int_exponent(y)?;
    let bits = x.iter().map(Quad::bits).max().unwrap_or(0);
    if bits.saturating_mul(k.unsigned_abs()) > MAX_EXACT_BITS {
        warn.push(too_long_warning());
        return None;
    }
    if op == BinOp::Pow && x.len() > 1 {
        return if x.is_square() {
            field::pow(x, k)
        } else {
            None
        };
    }
    let out: Option<Vec<Quad>> = x.iter().map(|q| q.pow(k as i32)).collect();
    Some(QuadMat::from_vec(x.nrows(), x.ncols(), out?))
}
