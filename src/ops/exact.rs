//! Operators on exact values. When both operands are exact (or logical) and
//! the operation stays in the rationals, the result is exact; otherwise this
//! returns `None` and the floating-point operators take over, so an exact
//! value never makes a float operation slower or different.

use super::broadcast::{broadcast, cmp_fn};
use crate::error::{LaError, Result};
use crate::exact::{self, Rat, RatMat, MAX_EXACT_ENTRIES};
use crate::syntax::ast::BinOp;
use crate::value::Value;
use std::borrow::Cow;

/// Entries longer than this (numerator plus denominator bits) stop being
/// useful as fractions and make every further step slower: switch to floats.
pub const MAX_EXACT_BITS: u64 = 4096;

/// Both operands as rationals, when at least one is exact and both are
/// small enough: element-wise work costs one operation per entry, so only
/// the size of the fractions limits it; matrix products and solves also
/// stop at [`MAX_EXACT_ENTRIES`] entries (with [`warn_large`]'s warning).
fn pair<'a>(
    op: BinOp,
    a: &'a Value,
    b: &'a Value,
    warn: &mut Vec<String>,
) -> Option<(Cow<'a, RatMat>, Cow<'a, RatMat>)> {
    if !matches!(a, Value::Exact(_)) && !matches!(b, Value::Exact(_)) {
        return None;
    }
    if !elementwise(op, a, b) && a.numel().max(b.numel()) > MAX_EXACT_ENTRIES {
        return None;
    }
    let (x, y) = (a.to_exact()?, b.to_exact()?);
    if exact::max_entry_bits(&x).max(exact::max_entry_bits(&y)) > MAX_EXACT_BITS {
        warn.push(too_long_warning());
        return None;
    }
    Some((x, y))
}

pub fn binary(op: BinOp, a: &Value, b: &Value, warn: &mut Vec<String>) -> Result<Option<Value>> {
    use BinOp::*;
    let Some((x, y)) = pair(op, a, b, warn) else {
        warn_large(op, a, b, warn);
        return Ok(None);
    };
    let sym = op.symbol();
    let v = match op {
        Add => Value::Exact(broadcast(sym, &x, &y, |p, q| p + q)?.into()),
        Sub => Value::Exact(broadcast(sym, &x, &y, |p, q| p - q)?.into()),
        EMul => Value::Exact(broadcast(sym, &x, &y, |p, q| p * q)?.into()),
        EDiv if !y.iter().any(Rat::is_zero) => {
            Value::Exact(broadcast(sym, &x, &y, |p, q| p / q)?.into())
        }
        ELDiv if !x.iter().any(Rat::is_zero) => {
            Value::Exact(broadcast(sym, &x, &y, |p, q| q / p)?.into())
        }
        Eq | Ne | Lt | Le | Gt | Ge => Value::Bool(broadcast(sym, &x, &y, cmp_fn(op))?.into()),
        EPow => return Ok(power(sym, &x, &y, warn)?.map(Value::exact)),
        Mul if x.len() == 1 || y.len() == 1 => {
            Value::Exact(broadcast(sym, &x, &y, |p, q| p * q)?.into())
        }
        Mul => {
            if x.ncols() != y.nrows() {
                return Ok(None); // the float path reports the nonconformant shapes
            }
            Value::Exact(
                exact::matrix::matmul(&x, &y)
                    .map_err(|e| LaError::eval(e.to_string()))?
                    .into(),
            )
        }
        Div if y.len() == 1 && !y[0].is_zero() => Value::Exact(x.map(|p| p / &y[0]).into()),
        LDiv if x.len() == 1 && !x[0].is_zero() => Value::Exact(y.map(|q| q / &x[0]).into()),
        LDiv if x.len() > 1 && x.nrows() == y.nrows() => {
            if !affordable(&x, y.ncols()) {
                warn.push(too_slow_warning("mldivide", &x));
                return Ok(None);
            }
            return Ok(mldivide(&x, &y, "mldivide", warn)?.map(Value::exact));
        }
        Div if y.len() > 1 && x.ncols() == y.ncols() => {
            if !affordable(&y, x.nrows()) {
                warn.push(too_slow_warning("mrdivide", &y));
                return Ok(None);
            }
            // x / y = (y' \\ x')'
            let t = mldivide(&y.transpose(), &x.transpose(), "mrdivide", warn)?;
            return Ok(t.map(|t| Value::exact(t.transpose())));
        }
        Pow => return matrix_power(&x, &y, warn),
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// The warning when exact work gives way to floating point because of its
/// cost (the rule of `exact::too_costly_for`); `what` names the operation.
pub fn too_slow_warning(what: &str, a: &RatMat) -> String {
    too_slow_for(what, a.shape())
}

/// [`too_slow_warning`] for an input of `r x c` entries of any exact kind.
pub fn too_slow_for(what: &str, (r, c): (usize, usize)) -> String {
    format!(
        "{what}: exact arithmetic would be too slow for this {r}x{c} input; using floating point"
    )
}

/// One operation per pair of entries (a scalar operand broadcast), not a
/// matrix product or solve.
pub(super) fn elementwise(op: BinOp, a: &Value, b: &Value) -> bool {
    use BinOp::*;
    match op {
        Mul => a.is_scalar() || b.is_scalar(),
        Div => b.is_scalar(),
        LDiv => a.is_scalar(),
        Pow => a.is_scalar() && b.is_scalar(),
        _ => true,
    }
}

/// The [`too_slow_warning`] for a matrix product, power or solve with an
/// exact operand of more than [`MAX_EXACT_ENTRIES`] entries, which [`pair`]
/// hands to floats.
pub(super) fn warn_large(op: BinOp, a: &Value, b: &Value, warn: &mut Vec<String>) {
    let what = match op {
        _ if elementwise(op, a, b) => return,
        BinOp::LDiv => "mldivide",
        BinOp::Div => "mrdivide",
        BinOp::Mul => "mtimes",
        BinOp::Pow => "mpower",
        _ => return,
    };
    let large = [a, b]
        .into_iter()
        .find(|v| matches!(v, Value::Exact(_) | Value::Quad(_)) && v.numel() > MAX_EXACT_ENTRIES);
    if let Some(v) = large {
        warn.push(too_slow_for(what, v.dims()));
    }
}

/// Whether `A \ B` (B with `rhs` columns) is worth doing exactly: p-adic
/// lifting (`exact::modular`) for square A, the least-squares route by
/// fraction-free elimination for other shapes (and, checked again in
/// [`mldivide`], for a singular square A).
fn affordable(a: &RatMat, rhs: usize) -> bool {
    let work = if a.is_square() {
        exact::ExactWork::ModularSolve { rhs }
    } else {
        exact::ExactWork::Inverse
    };
    !exact::too_costly_for(a, work)
}

/// Largest exponent of a matrix power kept exact: each squaring multiplies
/// whole matrices of growing fractions. Powers of numbers are bounded by the
/// size of the result instead ([`MAX_EXACT_BITS`]), so `2^1000` stays exact.
const MAX_MATRIX_POWER: u64 = 256;

pub(crate) fn small_int(q: &Rat) -> Option<i64> {
    let (n, d) = q.as_i64_pair()?;
    (d == 1 && n.unsigned_abs() <= MAX_EXACT_BITS).then_some(n)
}

/// The warning when fractions grow too long to stay exact.
pub fn too_long_warning() -> String {
    format!("exact fractions grew past {MAX_EXACT_BITS} bits; continuing in floating point")
}

/// The warning when exact values become doubles that are not them: an
/// entry beyond the double range turns into Inf, one too small into 0 or a
/// subnormal.
pub fn float_loss_warning(m: &RatMat) -> Option<String> {
    let q = m.iter().find(|q| exact::render::beyond_double(q))?;
    let x = q.to_f64();
    let became = if x.is_infinite() {
        if x < 0.0 {
            "-Inf"
        } else {
            "Inf"
        }
    } else if x == 0.0 {
        "0"
    } else {
        "a subnormal double with fewer than 16 significant digits"
    };
    Some(format!(
        "the exact value {} is beyond double precision: as a double it is {became}",
        exact::render::scientific(q)
    ))
}

/// `x .^ y` with integer exponents stays exact (0 .^ negative goes to
/// floats: Inf); a power whose fractions would pass [`MAX_EXACT_BITS`] goes
/// to floats with [`too_long_warning`]. Other exponents have irrational
/// results in general: floats.
fn power(sym: &str, x: &RatMat, y: &RatMat, warn: &mut Vec<String>) -> Result<Option<RatMat>> {
    if !y.iter().all(Rat::is_integer) {
        return Ok(None);
    }
    let k = y
        .iter()
        .map(|q| small_int(q).map_or(u64::MAX, i64::unsigned_abs))
        .max()
        .unwrap_or(0);
    if exact::max_entry_bits(x).saturating_mul(k) > MAX_EXACT_BITS {
        warn.push(too_long_warning());
        return Ok(None);
    }
    if x.iter().any(Rat::is_zero) && y.iter().any(Rat::is_negative) {
        return Ok(None);
    }
    let out = broadcast(sym, x, y, |p, q| small_int(q).and_then(|k| p.pow(k as i32)))?;
    if out.iter().any(Option::is_none) {
        return Ok(None);
    }
    Ok(Some(out.map(|v| v.unwrap_or_else(Rat::zero))))
}

/// `p ^ q` (or `p .^ q`) for two exact scalars: what [`power`] gives on 1x1
/// operands, without building matrices; `None` where it would go to floats.
pub(crate) fn scalar_power(p: &Rat, q: &Rat) -> Option<Rat> {
    let k = small_int(q)?;
    if p.bits().saturating_mul(k.unsigned_abs()) > MAX_EXACT_BITS || p.is_zero() && k < 0 {
        return None;
    }
    p.pow(k as i32)
}

fn matrix_power(x: &RatMat, y: &RatMat, warn: &mut Vec<String>) -> Result<Option<Value>> {
    if x.len() == 1 && y.len() == 1 {
        return Ok(power("^", x, y, warn)?.map(Value::exact));
    }
    let (Some(k), true, true) = (
        y.iter().next().filter(|q| q.is_integer()),
        y.len() == 1,
        x.is_square(),
    ) else {
        return Ok(None);
    };
    let Some(k) = small_int(k).filter(|k| k.unsigned_abs() <= MAX_MATRIX_POWER) else {
        warn.push(format!(
            "mpower: exact matrix powers go up to A^{MAX_MATRIX_POWER}; using floating point"
        ));
        return Ok(None);
    };
    if k >= 0 {
        return Ok(exact_or_warn(exact::elim::pow(x, k), warn));
    }
    // A^-k is priced and computed as inv(A) is (the modular inverse), then
    // raised to k.
    if exact::too_costly_for(x, exact::ExactWork::ModularInverse) {
        warn.push(too_slow_warning("mpower", x));
        return Ok(None);
    }
    match exact::inv(x).map_err(err)? {
        Some(inv) => Ok(exact_or_warn(exact::elim::pow(&inv, -k), warn)),
        // Exactly singular: A^-k is A^-1 (all Inf) to a power, as inv gives.
        None => inverse(x, warn).map(Some),
    }
}

/// An exact power, or floating point with a warning saying why.
fn exact_or_warn(r: exact::Result<RatMat>, warn: &mut Vec<String>) -> Option<Value> {
    r.map_err(|e| warn.push(format!("mpower: {e}; using floating point")))
        .ok()
        .map(Value::exact)
}

/// `A \ B` exactly for any shape: the unique solution when A is square and
/// invertible, otherwise the minimum-norm least-squares solution (Octave's
/// answer), with a warning when A is rank deficient; `None` (floating
/// point) when A is singular and too large for the least-squares route.
fn mldivide(a: &RatMat, b: &RatMat, what: &str, warn: &mut Vec<String>) -> Result<Option<RatMat>> {
    if a.is_square() {
        if let Some(x) = exact::solve(a, b).map_err(err)? {
            return Ok(Some(x));
        }
        if exact::too_costly(a) {
            warn.push(too_slow_warning(what, a));
            return Ok(None);
        }
    }
    let (x, rank) = exact::lstsq::lstsq(a, b).map_err(err)?;
    let (m, n) = a.shape();
    if m == n {
        warn.push(SINGULAR_SOLVE.to_string());
    } else if rank < m.min(n) {
        warn.push(format!("rank deficient {m}x{n} matrix, rank = {rank}"));
    }
    Ok(Some(x))
}

/// The warning for `A \ b` with an exactly singular square A.
pub const SINGULAR_SOLVE: &str =
    "matrix is singular: det(A) = 0 exactly; the result is the minimum-norm least-squares solution";

fn err(e: exact::ExactError) -> LaError {
    LaError::eval(e.to_string())
}

/// The warning for inverting an exactly singular matrix.
pub const SINGULAR_EXACT: &str =
    "matrix is singular: det(A) = 0 exactly, so it has no inverse (result is Inf)";

/// `inv(A)` of an exact square matrix: exact when A is invertible; when
/// det(A) = 0 exactly, an all-Inf matrix (as Octave's inv of a singular
/// matrix) and the warning [`SINGULAR_EXACT`]. Shared by `inv` and `A^-k`.
pub fn inverse(x: &RatMat, warn: &mut Vec<String>) -> Result<Value> {
    match exact::inv(x).map_err(err)? {
        Some(m) => Ok(Value::Exact(m.into())),
        None => {
            warn.push(SINGULAR_EXACT.to_string());
            let n = x.nrows();
            Ok(Value::Real(
                crate::linalg::RMat::from_element(n, n, f64::INFINITY).into(),
            ))
        }
    }
}
