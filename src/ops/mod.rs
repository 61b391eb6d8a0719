//! Operators: element-wise arithmetic with Octave broadcasting, comparisons,
//! logical operators, matrix product, division and power, and indexing.
//! One dispatch over two kernels: exact operands go to `exact` (rationals),
//! the rest to the float code here; `broadcast` is the shared skeleton.
//! May use: value, linalg, exact, syntax, error.

pub mod broadcast;
pub mod exact;
pub mod index;
pub mod quad;
pub mod scalar;

use broadcast::nonconformant;
pub use broadcast::{broadcast, cmp_fn};
pub use scalar::{scalar_fast_path, scalar_op, Scalar};

use crate::error::{LaError, Result};
use crate::linalg::{self, RMat, C64};
use crate::syntax::ast::{BinOp, UnOp};
use crate::value::{NumKind, Value};

fn kind_of(a: &Value, b: &Value, op: &str) -> Result<NumKind> {
    match (a.num_kind(), b.num_kind()) {
        (Some(x), Some(y)) => Ok(x.max(y).max(NumKind::Real)),
        _ => Err(LaError::eval(format!(
            "binary operator '{op}' not implemented for '{}' by '{}' operations",
            a.class_name(),
            b.class_name()
        ))),
    }
}

/// Apply a binary operator; numerical warnings (singular systems) go to `warn`.
pub fn binary(op: BinOp, a: &Value, b: &Value, warn: &mut Vec<String>) -> Result<Value> {
    use BinOp::*;
    let sym = op.symbol();
    // Operators compute with the character codes of strings, as Octave's do.
    let (a, b) = (a.codes(), b.codes());
    let (a, b) = (&*a, &*b);
    if let Some(v) = crate::ops::quad::binary(op, a, b, warn)? {
        return Ok(v);
    }
    if let Some(v) = crate::ops::exact::binary(op, a, b, warn)? {
        return Ok(v);
    }
    for v in [a, b] {
        if let Value::Exact(m) = v {
            warn.extend(exact::float_loss_warning(m));
        }
    }
    match op {
        OrOr | AndAnd => unreachable_logical(sym),
        Or | And => {
            let (x, y) = (a.to_bool(sym)?, b.to_bool(sym)?);
            let f = if op == Or {
                |p: &bool, q: &bool| *p || *q
            } else {
                |p: &bool, q: &bool| *p && *q
            };
            Ok(Value::Bool(broadcast(sym, &x, &y, f)?.into()))
        }
        Eq | Ne | Lt | Le | Gt | Ge => compare(op, a, b),
        Add | Sub | EMul | EDiv | ELDiv => elementwise(op, a, b),
        EPow => power_elementwise(a, b),
        Mul => multiply(a, b),
        Div => divide(a, b, warn),
        LDiv => left_divide(a, b, warn),
        Pow => matrix_power(a, b, warn),
    }
}

fn unreachable_logical(sym: &str) -> Result<Value> {
    Err(LaError::internal(format!(
        "short-circuit operator {sym} reached the element-wise path"
    )))
}

fn compare(op: BinOp, a: &Value, b: &Value) -> Result<Value> {
    use BinOp::*;
    let sym = op.symbol();
    if kind_of(a, b, sym)? == NumKind::Complex && matches!(op, Eq | Ne) {
        let (x, y) = (a.to_complex(sym)?, b.to_complex(sym)?);
        let eq = op == Eq;
        return Ok(Value::Bool(
            broadcast(sym, &x, &y, |p, q| (p == q) == eq)?.into(),
        ));
    }
    // Ordering compares real parts, as Octave does for complex operands.
    let re = |v: &Value| -> Result<RMat> {
        match v {
            Value::Complex(_) | Value::Quad(_) => Ok(v.to_complex(sym)?.map(|z| z.re)),
            _ => Ok(v.to_real(sym)?.into_owned()),
        }
    };
    let (x, y) = (re(a)?, re(b)?);
    Ok(Value::Bool(broadcast(sym, &x, &y, cmp_fn(op))?.into()))
}

fn elementwise(op: BinOp, a: &Value, b: &Value) -> Result<Value> {
    use BinOp::*;
    let sym = op.symbol();
    if kind_of(a, b, sym)? == NumKind::Complex {
        let (x, y) = (a.to_complex(sym)?, b.to_complex(sym)?);
        let f: fn(&C64, &C64) -> C64 = match op {
            Add => |p, q| p + q,
            Sub => |p, q| p - q,
            EMul => |p, q| p * q,
            EDiv => |p, q| complex_div(*p, *q),
            _ => |p, q| complex_div(*q, *p),
        };
        return Ok(Value::complex(broadcast(sym, &x, &y, f)?));
    }
    let (x, y) = (a.to_real(sym)?, b.to_real(sym)?);
    if x.len() == 1 && y.len() == 1 {
        return Ok(Value::scalar(real_op(op, x[0], y[0])));
    }
    Ok(Value::Real(
        broadcast(sym, &x, &y, |p, q| real_op(op, *p, *q))?.into(),
    ))
}

fn real_op(op: BinOp, p: f64, q: f64) -> f64 {
    match op {
        BinOp::Add => p + q,
        BinOp::Sub => p - q,
        BinOp::EMul => p * q,
        BinOp::EDiv => p / q,
        _ => q / p,
    }
}

/// Complex division that gives Inf/NaN like real division instead of NaN for x/0.
fn complex_div(p: C64, q: C64) -> C64 {
    if q.im == 0.0 {
        C64::new(p.re / q.re, p.im / q.re)
    } else {
        p / q
    }
}

fn power_elementwise(a: &Value, b: &Value) -> Result<Value> {
    let sym = ".^";
    if kind_of(a, b, sym)? == NumKind::Real {
        let (x, y) = (a.to_real(sym)?, b.to_real(sym)?);
        // A negative base with a fractional exponent has a complex result.
        let needs_complex =
            x.iter().any(|&p| p < 0.0) && y.iter().any(|&q| q.fract() != 0.0 && q.is_finite());
        if !needs_complex {
            return Ok(Value::Real(
                broadcast(sym, &x, &y, |p, q| real_pow(*p, *q))?.into(),
            ));
        }
    }
    let (x, y) = (a.to_complex(sym)?, b.to_complex(sym)?);
    Ok(Value::complex(broadcast(sym, &x, &y, |p, q| {
        complex_pow(*p, *q)
    })?))
}

fn real_pow(p: f64, q: f64) -> f64 {
    // The loops' `k^2`: what `powi` gives (one rounding), without its call.
    if q == 2.0 {
        return p * p;
    }
    // An integer exponent: `q as i32` round-trips (cheaper than `fract`, a libm call).
    if q.abs() < i32::MAX as f64 && (q as i32) as f64 == q {
        p.powi(q as i32)
    } else {
        p.powf(q)
    }
}

fn complex_pow(p: C64, q: C64) -> C64 {
    if q.im == 0.0 && q.re.fract() == 0.0 && q.re.abs() < 1024.0 {
        p.powi(q.re as i32)
    } else if p == C64::new(0.0, 0.0) {
        if q.re > 0.0 {
            C64::new(0.0, 0.0)
        } else {
            C64::new(f64::INFINITY, 0.0)
        }
    } else {
        p.powc(q)
    }
}

pub fn multiply(a: &Value, b: &Value) -> Result<Value> {
    if a.is_scalar() || b.is_scalar() {
        return elementwise(BinOp::EMul, a, b);
    }
    let (ad, bd) = (a.dims(), b.dims());
    if ad.1 != bd.0 {
        return Err(nonconformant("*", ad, bd));
    }
    if kind_of(a, b, "*")? == NumKind::Complex {
        return Ok(Value::complex(&*a.to_complex("*")? * &*b.to_complex("*")?));
    }
    Ok(Value::Real(
        linalg::matmul(&*a.to_real("*")?, &*b.to_real("*")?).into(),
    ))
}

/// `b / a`: solve x*a = b, i.e. (a' \ b')'.
fn divide(b: &Value, a: &Value, warn: &mut Vec<String>) -> Result<Value> {
    if a.is_scalar() {
        return elementwise(BinOp::EDiv, b, a);
    }
    let (bd, ad) = (b.dims(), a.dims());
    if bd.1 != ad.1 {
        return Err(nonconformant("/", bd, ad));
    }
    let x = left_divide(&transpose(a, true)?, &transpose(b, true)?, warn)?;
    transpose(&x, true)
}

fn left_divide(a: &Value, b: &Value, warn: &mut Vec<String>) -> Result<Value> {
    if a.is_scalar() {
        return elementwise(BinOp::ELDiv, a, b);
    }
    let (ad, bd) = (a.dims(), b.dims());
    if ad.0 != bd.0 {
        return Err(nonconformant("\\", ad, bd));
    }
    if kind_of(a, b, "\\")? == NumKind::Complex {
        let x = linalg::solve::solve_c(&*a.to_complex("\\")?, &*b.to_complex("\\")?, warn)?;
        return Ok(Value::complex(x));
    }
    let x = linalg::solve::solve(&*a.to_real("\\")?, &*b.to_real("\\")?, warn)?;
    Ok(Value::Real(x.into()))
}

fn matrix_power(a: &Value, b: &Value, warn: &mut Vec<String>) -> Result<Value> {
    if a.is_scalar() && b.is_scalar() {
        return power_elementwise(a, b);
    }
    let (r, c) = a.dims();
    if a.is_scalar() && b.dims().0 == b.dims().1 {
        return scalar_to_matrix_power(a, b);
    }
    if !b.is_scalar() || r != c {
        // x^2 of a vector is nearly always meant element-wise (NumPy's **).
        return Err(LaError::eval(format!(
            "operator ^: for x^y, only square matrix arguments are permitted and one argument must be scalar (got {r}x{c} and {}x{}) (^ and ** are the matrix power; .^ is element-wise)",
            b.dims().0,
            b.dims().1
        )));
    }
    let p = b.to_f64("^")?;
    if p.fract() != 0.0 || p.abs() > 1e15 {
        return Err(LaError::eval(
            "operator ^: non-integer powers of a matrix are not supported; with [V, D] = eig(A), A^p is V*D.^p/V",
        ));
    }
    let base = if p < 0.0 {
        inverse(a, warn)?
    } else {
        a.clone()
    };
    let mut n = p.abs() as u64;
    let mut result = Value::Real(RMat::identity(r, r).into());
    let mut sq = base;
    while n > 0 {
        if n & 1 == 1 {
            result = multiply(&result, &sq)?;
        }
        n >>= 1;
        if n > 0 {
            sq = multiply(&sq, &sq)?;
        }
    }
    Ok(result)
}

pub fn unary(op: UnOp, a: &Value) -> Result<Value> {
    if matches!(op, UnOp::Transpose | UnOp::CTranspose) {
        return transpose(a, op == UnOp::CTranspose);
    }
    let a = &*a.codes();
    match op {
        UnOp::Plus => match a {
            Value::Bool(_) | Value::Str(_) => Ok(Value::Real(a.to_real("+")?.into_owned().into())),
            _ => Ok(a.clone()),
        },
        UnOp::Neg => match a {
            Value::Complex(m) => Ok(Value::Complex((-&**m).into())),
            Value::Exact(m) => Ok(Value::Exact(m.map(|x| -x).into())),
            Value::Quad(m) => Ok(Value::Quad(m.map(|x| -x).into())),
            _ => Ok(Value::Real((-a.to_real("-")?.into_owned()).into())),
        },
        UnOp::Not => Ok(Value::Bool(a.to_bool("!")?.map(|b| !b).into())),
        UnOp::Transpose => transpose(a, false),
        UnOp::CTranspose => transpose(a, true),
    }
}

pub fn transpose(a: &Value, conjugate: bool) -> Result<Value> {
    Ok(match a {
        Value::Exact(m) => Value::Exact(m.transpose().into()),
        Value::Quad(m) if conjugate => Value::Quad(m.transpose().map(|q| q.conj_complex()).into()),
        Value::Quad(m) => Value::Quad(m.transpose().into()),
        Value::Real(m) => Value::Real(m.transpose().into()),
        Value::Complex(m) if conjugate => Value::Complex(m.adjoint().into()),
        Value::Complex(m) => Value::Complex(m.transpose().into()),
        Value::Bool(m) => Value::Bool(m.transpose().into()),
        Value::Str(s) if s.chars().count() <= 1 => a.clone(),
        Value::Str(_) => Value::Real(a.codes().to_real("transpose")?.transpose().into()),
        Value::Cell(m) => Value::cell(m.transpose()),
        Value::Func(_) | Value::Struct(_) => {
            return Err(LaError::eval(format!(
                "transpose not defined for {}",
                a.describe()
            )))
        }
    })
}

/// `inv(A)` for real or complex A, shared by `inv` and negative matrix powers.
pub fn inverse(a: &Value, warn: &mut Vec<String>) -> Result<Value> {
    let (r, c) = a.dims();
    if r != c {
        return Err(LaError::eval(format!(
            "inverse: argument must be a square matrix (got {r}x{c})"
        )));
    }
    match a {
        Value::Complex(m) => Ok(Value::complex(linalg::solve::solve_c(
            m,
            &crate::linalg::CMat::identity(r, r),
            warn,
        )?)),
        _ => Ok(Value::Real(
            linalg::solve::inv(&*a.to_real("inv")?, warn)?.into(),
        )),
    }
}

/// Number of elements of `base:inc:limit`, with Octave's tolerance for round-off.
pub fn range_len(base: f64, inc: f64, limit: f64) -> f64 {
    if base.is_nan() || limit.is_nan() || inc.is_nan() || inc == 0.0 || (limit - base) / inc < 0.0 {
        return 0.0;
    }
    if base.is_infinite() || limit.is_infinite() || inc.is_infinite() {
        // `1:Inf` would never end; the caller's memory check refuses it.
        return if (limit - base) / inc > 0.0 {
            f64::INFINITY
        } else {
            0.0
        };
    }
    let n = ((limit - base) / inc * (1.0 + f64::EPSILON * 4.0)).floor() + 1.0;
    n.max(0.0)
}

/// `s^B` for a scalar `s > 0` and a square matrix `B`: `expm(log(s)*B)`.
fn scalar_to_matrix_power(a: &Value, b: &Value) -> Result<Value> {
    let s = a.to_f64("^")?;
    if s.is_nan() || s <= 0.0 || s.is_infinite() {
        return Err(LaError::eval(format!(
            "operator ^: s^B with a square matrix B needs a positive base (got {s}); it is expm(log(s)*B)"
        )));
    }
    let m = b.to_real("^")?;
    let e = linalg::decomp::expm(&(&*m * s.ln()))?;
    Ok(Value::Real(e.into()))
}
