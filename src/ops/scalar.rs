//! Operators on plain scalars, without building a `Value`: the loops students
//! write (`s = s + i`, `z(k) = k^2`, `y(end+1) = k`) compute numbers, and a
//! variable is overwritten in place instead of reallocated. Results are the
//! general path's; anything it would treat specially (a complex result, an
//! exact division by zero, a large power) is left to it (`None`).

use super::{cmp_fn, exact, real_op, real_pow};
use crate::exact::render::beyond_double;
use crate::exact::Rat;
use crate::linalg::C64;
use crate::syntax::ast::BinOp;
use crate::value::{make_mut, Value};

/// One number of a numeric value, by kind.
#[derive(Debug, Clone)]
pub enum Scalar {
    Real(f64),
    Bool(bool),
    Rat(Rat),
    Complex(C64),
}

impl Scalar {
    /// The number a 1x1 numeric value holds.
    #[inline(always)]
    pub fn of(v: &Value) -> Option<Scalar> {
        match v {
            Value::Real(m) => sole(m.as_slice()).copied().map(Scalar::Real),
            Value::Exact(m) => sole(m.as_slice()).cloned().map(Scalar::Rat),
            Value::Bool(m) => sole(m.as_slice()).copied().map(Scalar::Bool),
            Value::Complex(m) => sole(m.as_slice()).copied().map(Scalar::Complex),
            _ => None,
        }
    }

    /// Element `k` (column-major) of a numeric matrix, when it exists.
    #[inline]
    pub fn element(v: &Value, k: usize) -> Option<Scalar> {
        match v {
            Value::Real(m) => m.as_slice().get(k).copied().map(Scalar::Real),
            Value::Exact(m) => m.as_slice().get(k).cloned().map(Scalar::Rat),
            Value::Bool(m) => m.as_slice().get(k).copied().map(Scalar::Bool),
            Value::Complex(m) => m.as_slice().get(k).copied().map(Scalar::Complex),
            _ => None,
        }
    }

    pub fn to_value(&self) -> Value {
        match self {
            Scalar::Real(x) => Value::scalar(*x),
            Scalar::Bool(b) => Value::bool(*b),
            Scalar::Rat(r) => Value::rat(r.clone()),
            // An element of a complex matrix may be real: narrowed, as indexing does.
            Scalar::Complex(z) => Value::complex(crate::linalg::CMat::from_element(1, 1, *z)),
        }
    }

    /// Stores the number in `slot`, reusing its storage when it already
    /// holds a scalar of the same kind.
    #[inline(always)]
    pub fn store(&self, slot: &mut Value) {
        match (self, &mut *slot) {
            (Scalar::Real(x), Value::Real(m)) if m.len() == 1 => make_mut(m).as_mut_slice()[0] = *x,
            (Scalar::Bool(b), Value::Bool(m)) if m.len() == 1 => make_mut(m).as_mut_slice()[0] = *b,
            (Scalar::Rat(r), Value::Exact(m)) if m.len() == 1 => {
                make_mut(m).as_mut_slice()[0] = r.clone()
            }
            (s, _) => *slot = s.to_value(),
        }
    }

    /// As a subscript: the 0-based position a positive integer names. A
    /// logical, a fraction, zero or a complex number is not one (`None`:
    /// `index::resolve` then decides, or reports the error).
    #[inline]
    pub fn position(&self) -> Option<usize> {
        const LIMIT: f64 = (1u64 << 53) as f64;
        match self {
            Scalar::Real(x) => {
                // `as` truncates (NaN to 0, saturating): the round trip is exact
                // only for an integer, without the libm `trunc` that `fract` calls.
                let k = *x as u64;
                (k >= 1 && (k as f64) < LIMIT && k as f64 == *x).then(|| k as usize - 1)
            }
            Scalar::Rat(q) => match q.as_i64_pair() {
                Some((p, 1)) if p >= 1 => usize::try_from(p - 1).ok(),
                _ => None,
            },
            Scalar::Bool(_) | Scalar::Complex(_) => None,
        }
    }

    /// `-x` for a double or an exact number.
    pub fn negated(self) -> Option<Scalar> {
        match self {
            Scalar::Real(x) => Some(Scalar::Real(-x)),
            Scalar::Rat(q) => Some(Scalar::Rat(-q)),
            Scalar::Bool(_) | Scalar::Complex(_) => None,
        }
    }
}

/// The one element of a 1x1 matrix's storage. Matrices are read through
/// their slices here: nalgebra's `m[k]` turns `k` into (row, column) and checks both, in a call.
#[inline(always)]
fn sole<T>(s: &[T]) -> Option<&T> {
    match s {
        [x] => Some(x),
        _ => None,
    }
}

/// [`scalar_op`] on two 1x1 values, as a value (`None` for anything else).
pub fn scalar_fast_path(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    scalar_op(op, &Scalar::of(a)?, &Scalar::of(b)?).map(|x| x.to_value())
}

/// `a op b` on two plain numbers: doubles and exact numbers (a mix of the two
/// computes in doubles, as the general path does); `None` for the rest.
#[inline]
pub fn scalar_op(op: BinOp, a: &Scalar, b: &Scalar) -> Option<Scalar> {
    use BinOp::*;
    let (p, q) = match (a, b) {
        (Scalar::Rat(x), Scalar::Rat(y)) => return exact_op(op, x, y),
        (Scalar::Real(p), Scalar::Real(q)) => (*p, *q),
        // An exact number beyond the doubles' range takes the general path, which warns.
        (Scalar::Real(p), Scalar::Rat(y)) if !beyond_double(y) => (*p, y.to_f64()),
        (Scalar::Rat(x), Scalar::Real(q)) if !beyond_double(x) => (x.to_f64(), *q),
        _ => return None,
    };
    match op {
        Add | Sub | EMul | EDiv => Some(Scalar::Real(real_op(op, p, q))),
        // For scalars the matrix product and division are the element-wise ones.
        Mul => Some(Scalar::Real(real_op(EMul, p, q))),
        Div => Some(Scalar::Real(real_op(EDiv, p, q))),
        Eq | Ne | Lt | Le | Gt | Ge => Some(Scalar::Bool(cmp_fn(op)(&p, &q))),
        // A negative base with a fractional exponent is complex: the general path.
        Pow | EPow if !(p < 0.0 && q.fract() != 0.0 && q.is_finite()) => {
            Some(Scalar::Real(real_pow(p, q)))
        }
        _ => None,
    }
}

/// Two small exact numbers: arithmetic and comparisons directly on the
/// fractions (division by zero is left to the general path).
fn exact_op(op: BinOp, p: &Rat, q: &Rat) -> Option<Scalar> {
    use BinOp::*;
    if p.as_i64_pair().is_none() || q.as_i64_pair().is_none() {
        return None;
    }
    Some(match op {
        Add => Scalar::Rat(p + q),
        Sub => Scalar::Rat(p - q),
        Mul | EMul => Scalar::Rat(p * q),
        Div | EDiv => Scalar::Rat(p.checked_div(q)?),
        Eq | Ne | Lt | Le | Gt | Ge => Scalar::Bool(cmp_fn(op)(p, q)),
        // `k^2` as one product (what the power's repeated squaring gives).
        Pow | EPow if q.as_i64_pair() == Some((2, 1)) => Scalar::Rat(p * p),
        Pow | EPow => Scalar::Rat(exact::scalar_power(p, q)?),
        _ => return None,
    })
}
