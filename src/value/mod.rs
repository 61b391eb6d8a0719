//! Run-time values. Numbers are matrices as in Octave (a scalar is 1x1).
//! Operations reach the numbers through the conversions here (`to_real`,
//! `to_complex`, `num_kind`), so a new numeric variant only has to teach these.
//! Also here: the variable store (`vars`), display (`format`) and the session
//! file format (`storage`). May use: linalg, exact, syntax, error.

pub mod cell;
pub mod format;
mod numfmt;
pub mod readable;
pub mod storage;
pub mod vars;

use crate::error::{LaError, Result};
use crate::exact::{Quad, QuadMat, Rat, RatMat};
use crate::linalg::{CMat, RMat, C64};
use crate::syntax::ast::{FunctionDef, Lambda};
use nalgebra::DMatrix;
use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

pub type BMat = DMatrix<bool>;

pub use crate::value::vars::Vars;

/// Matrices are shared, not copied: cloning a `Value` (reading a variable,
/// passing an argument) bumps a reference count, and writing goes through
/// `Arc::make_mut`, which copies only when the matrix has another owner.
/// `Arc` rather than `Rc` so values can be handed to another thread.
#[derive(Debug, Clone)]
pub enum Value {
    /// Exact rationals: what integer and decimal literals produce (homework mode).
    Exact(Arc<RatMat>),
    /// Exact numbers `a + b√d` of one quadratic field (`d = -1`: `a + bi`),
    /// at least one of them irrational (see [`Value::quad`]); or real numbers
    /// whose entries lie in different real fields, such as unit columns
    /// `v/√k` of different `k`; or unit eigenvectors with entries `x/√k`
    /// outside every quadratic field (`i/√2`, `6/√(78 - 6√33)`), which
    /// belong to no field and compute as floats. Whatever combines entries
    /// checks `common_field` (or uses `quad::checked_*`) and otherwise falls
    /// back to floating point.
    Quad(Arc<QuadMat>),
    Real(Arc<RMat>),
    Complex(Arc<CMat>),
    Bool(Arc<BMat>),
    Str(String),
    Func(Rc<Func>),
    /// A scalar structure: named fields in order. Only `catch err` makes one
    /// (fields `message`, `identifier`); `s.f` reads a field.
    Struct(Rc<Vec<(String, Value)>>),
    /// A cell array (`{1, 'a'}`): a 2-D array of any values (see `cell`).
    Cell(Rc<cell::CellMat>),
}

#[derive(Debug)]
pub enum Func {
    /// `@(x) body` with the variables it uses captured by value.
    Lambda {
        def: Rc<Lambda>,
        captured: Vars,
    },
    /// `@name` for a built-in or user function.
    Named(String),
    User(Rc<FunctionDef>),
}

/// `Arc::make_mut`: the matrix to write, copied first only when another
/// value shares it. The sole-owner test is two plain loads instead of the
/// atomic read-modify-write `make_mut` does, which cost a quarter of the
/// scalar loop `for i = 1:n, s = s + i; end` (two writes per iteration).
#[inline(always)]
pub fn make_mut<T: Clone>(a: &mut Arc<T>) -> &mut T {
    if Arc::strong_count(a) == 1 && Arc::weak_count(a) == 0 {
        // Pairs with the release decrement of the last other owner's drop,
        // so its reads of the data happen before our writes.
        std::sync::atomic::fence(std::sync::atomic::Ordering::Acquire);
        // SAFETY: this is the only `Arc` (strong count 1) and no `Weak`
        // exists, and we hold it mutably, so no other reference to the data
        // can exist or be created while the returned borrow lives; the fence
        // orders every earlier access by former owners before ours.
        return unsafe { &mut *Arc::as_ptr(a).cast_mut() };
    }
    Arc::make_mut(a)
}

/// The numeric kinds, ordered by promotion: mixing two gives the larger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NumKind {
    Bool,
    Exact,
    Real,
    Complex,
}

impl Value {
    pub fn scalar(x: f64) -> Value {
        Value::Real(RMat::from_element(1, 1, x).into())
    }
    pub fn bool(b: bool) -> Value {
        Value::Bool(BMat::from_element(1, 1, b).into())
    }
    pub fn real(m: RMat) -> Value {
        Value::Real(m.into())
    }
    pub fn empty() -> Value {
        Value::Real(RMat::zeros(0, 0).into())
    }
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into())
    }
    /// A complex result narrowed to real when every imaginary part is zero, as Octave does.
    pub fn complex(m: CMat) -> Value {
        if m.iter().all(|z| z.im == 0.0) {
            Value::Real(m.map(|z| z.re).into())
        } else {
            Value::Complex(m.into())
        }
    }
    pub fn row(v: Vec<f64>) -> Value {
        Value::Real(RMat::from_row_slice(1, v.len(), &v).into())
    }
    pub fn col(v: Vec<f64>) -> Value {
        Value::Real(RMat::from_column_slice(v.len(), 1, &v).into())
    }

    pub fn exact(m: RatMat) -> Value {
        Value::Exact(m.into())
    }
    pub fn rat(x: Rat) -> Value {
        Value::Exact(RatMat::from_element(1, 1, x).into())
    }
    /// Quadratic numbers as a value: rational when every entry is, a
    /// `Quad` value when the irrational ones share one field or are all
    /// real or some are unit-vector entries `x/sqrt(k)` (which the exact
    /// routines leave alone), and floating point (complex) when complex
    /// numbers mix with other fields.
    pub fn quad(m: QuadMat) -> Value {
        match crate::exact::quad::common_field(m.iter()) {
            Some(0) => Value::Exact(m.map(|q| q.re_part().clone()).into()),
            Some(_) => Value::Quad(m.into()),
            None if m.iter().all(Quad::is_real) || m.iter().any(Quad::is_scaled) => {
                Value::Quad(m.into())
            }
            None => Value::Quad(m.into()).to_float(),
        }
    }
    /// The field `d` of a `Quad` value (0 for other values and for real
    /// entries of different fields).
    pub fn radicand(&self) -> i64 {
        match self {
            Value::Quad(m) => crate::exact::quad::common_field(m.iter()).unwrap_or(0),
            _ => 0,
        }
    }

    #[inline]
    pub fn dims(&self) -> (usize, usize) {
        match self {
            Value::Exact(m) => m.shape(),
            Value::Quad(m) => m.shape(),
            Value::Real(m) => m.shape(),
            Value::Complex(m) => m.shape(),
            Value::Bool(m) => m.shape(),
            Value::Str(s) => (if s.is_empty() { 0 } else { 1 }, s.chars().count()),
            Value::Func(_) | Value::Struct(_) => (1, 1),
            Value::Cell(m) => m.shape(),
        }
    }
    pub fn numel(&self) -> usize {
        let (r, c) = self.dims();
        r * c
    }
    pub fn is_empty(&self) -> bool {
        self.numel() == 0
    }
    pub fn is_scalar(&self) -> bool {
        self.dims() == (1, 1)
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Exact(_) => "rational",
            Value::Quad(_) => "quadratic",
            Value::Real(_) => "double",
            Value::Complex(_) => "complex",
            Value::Bool(_) => "logical",
            Value::Str(_) => "char",
            Value::Func(_) => "function handle",
            Value::Struct(_) => "struct",
            Value::Cell(_) => "cell",
        }
    }

    /// The class as Octave's `class` names it: exact numbers are doubles to the language.
    pub fn class_name(&self) -> &'static str {
        match self {
            Value::Exact(_) | Value::Quad(_) | Value::Real(_) | Value::Complex(_) => "double",
            Value::Bool(_) => "logical",
            Value::Str(_) => "char",
            Value::Func(_) => "function_handle",
            Value::Struct(_) => "struct",
            Value::Cell(_) => "cell",
        }
    }

    /// Field `name` of a structure.
    pub fn field(&self, name: &str) -> Result<&Value> {
        let Value::Struct(fields) = self else {
            return Err(LaError::eval(format!(
                "invalid use of '.{name}': {} is not a structure",
                self.describe()
            )));
        };
        fields.iter().find(|(n, _)| n == name).map(|(_, v)| v).ok_or_else(|| {
            let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
            LaError::eval(format!(
                "invalid use of undefined value: the structure has no field '{name}' (its fields: {})",
                names.join(", ")
            ))
        })
    }

    pub fn num_kind(&self) -> Option<NumKind> {
        match self {
            Value::Bool(_) => Some(NumKind::Bool),
            Value::Exact(_) => Some(NumKind::Exact),
            // Operations with no exact form see the floats.
            Value::Quad(m) if !m.iter().all(Quad::is_real) => Some(NumKind::Complex),
            Value::Quad(_) => Some(NumKind::Real),
            Value::Real(_) | Value::Str(_) => Some(NumKind::Real),
            Value::Complex(_) => Some(NumKind::Complex),
            Value::Func(_) | Value::Struct(_) | Value::Cell(_) => None,
        }
    }

    /// The value as a real matrix (logicals as 0/1). Strings are refused: a
    /// string where a number is expected is a mistake, never character codes
    /// (operators that do compute with character codes, as Octave's do, call
    /// [`Value::codes`] first). Complex values are refused too: callers that
    /// accept them use `to_complex`.
    pub fn to_real(&self, what: &str) -> Result<Cow<'_, RMat>> {
        Ok(match self {
            Value::Real(m) => Cow::Borrowed(m),
            Value::Exact(m) => Cow::Owned(crate::exact::matrix::to_f64(m)),
            Value::Quad(m) if m.iter().all(Quad::is_real) => Cow::Owned(m.map(|q| q.re_f64())),
            Value::Bool(m) => Cow::Owned(m.map(|b| if b { 1.0 } else { 0.0 })),
            Value::Str(_) => {
                return Err(LaError::eval(format!(
                    "{what}: expected a number, not {}",
                    self.describe()
                )))
            }
            Value::Complex(_) | Value::Quad(_) => {
                return Err(LaError::eval(format!(
                    "{what}: complex input is not supported"
                )))
            }
            Value::Func(_) | Value::Struct(_) | Value::Cell(_) => {
                return Err(LaError::eval(format!(
                    "{what}: expected a numeric value, got {}",
                    self.describe()
                )))
            }
        })
    }

    /// A string as the row of its character codes (what operators compute
    /// with, as in Octave: `'a' + 1` is 98); any other value unchanged.
    pub fn codes(&self) -> Cow<'_, Value> {
        match self {
            Value::Str(s) => {
                let codes: Vec<f64> = s.chars().map(|c| c as u32 as f64).collect();
                Cow::Owned(Value::Real(
                    RMat::from_row_slice(if codes.is_empty() { 0 } else { 1 }, codes.len(), &codes)
                        .into(),
                ))
            }
            other => Cow::Borrowed(other),
        }
    }

    /// The value in a few words for an error message: `the string 'r'`,
    /// `the number 3`, `a 2x3 matrix`, `a function handle`.
    pub fn describe(&self) -> String {
        match self {
            Value::Str(s) => {
                let short: String = s.chars().take(20).collect();
                let more = if s.chars().count() > 20 { "..." } else { "" };
                format!("the string '{short}{more}'")
            }
            Value::Func(_) => "a function handle".to_string(),
            Value::Struct(_) => "a structure".to_string(),
            Value::Cell(m) => format!("a {}x{} cell array", m.nrows(), m.ncols()),
            Value::Complex(m) if m.len() == 1 => "a complex number".to_string(),
            Value::Exact(m) if m.len() == 1 => format!("the number {}", m[0]),
            Value::Quad(m) if m.len() == 1 => format!("the number {}", m[0]),
            Value::Real(m) if m.len() == 1 => format!("the number {}", plain_number(m[0])),
            Value::Bool(m) if m.len() == 1 => format!("the logical {}", m[0]),
            v => {
                let (r, c) = v.dims();
                let kind = match v {
                    Value::Complex(_) => "complex matrix",
                    Value::Bool(_) => "logical matrix",
                    _ => "matrix",
                };
                format!("a {r}x{c} {kind}")
            }
        }
    }

    /// The same elements, in column-major order, as an `r x c` matrix
    /// (`r * c` must be `numel`): what `reshape` and `A(:)` do.
    pub fn reshaped(&self, r: usize, c: usize, what: &str) -> Result<Value> {
        fn to<T: nalgebra::Scalar>(m: &DMatrix<T>, r: usize, c: usize) -> DMatrix<T> {
            DMatrix::from_column_slice(r, c, m.as_slice())
        }
        Ok(match self {
            Value::Real(m) => Value::Real(to(m, r, c).into()),
            Value::Exact(m) => Value::Exact(to(m, r, c).into()),
            Value::Quad(m) => Value::Quad(to(m, r, c).into()),
            Value::Complex(m) => Value::Complex(to(m, r, c).into()),
            Value::Bool(m) => Value::Bool(to(m, r, c).into()),
            other => Value::Real(to(&*other.to_real(what)?, r, c).into()),
        })
    }

    pub fn to_complex(&self, what: &str) -> Result<Cow<'_, CMat>> {
        match self {
            Value::Complex(m) => Ok(Cow::Borrowed(m)),
            Value::Quad(m) => Ok(Cow::Owned(m.map(|q| C64::new(q.re_f64(), q.im_f64())))),
            other => Ok(Cow::Owned(other.to_real(what)?.map(|x| C64::new(x, 0.0)))),
        }
    }

    pub fn to_bool(&self, what: &str) -> Result<Cow<'_, BMat>> {
        match self {
            Value::Bool(m) => Ok(Cow::Borrowed(m)),
            Value::Complex(m) => Ok(Cow::Owned(m.map(|z| z.re != 0.0 || z.im != 0.0))),
            Value::Exact(m) => Ok(Cow::Owned(m.map(|x| !x.is_zero()))),
            Value::Quad(m) => Ok(Cow::Owned(m.map(|x| !num_traits::Zero::is_zero(&x)))),
            Value::Str(s) => Ok(Cow::Owned(BMat::from_row_iterator(
                if s.is_empty() { 0 } else { 1 },
                s.chars().count(),
                s.chars().map(|c| c != '\0'),
            ))),
            other => {
                let m = other.to_real(what)?;
                if m.iter().any(|x| x.is_nan()) {
                    return Err(LaError::eval(format!(
                        "{what}: logical conversion of NaN value"
                    )));
                }
                Ok(Cow::Owned(m.map(|x| x != 0.0)))
            }
        }
    }

    /// One real number, e.g. a size or a tolerance argument.
    pub fn to_f64(&self, what: &str) -> Result<f64> {
        match self {
            Value::Complex(m) if m.len() == 1 => Ok(m[0].re),
            _ => {
                let m = self.to_real(what)?;
                if m.len() != 1 {
                    let (r, c) = m.shape();
                    return Err(LaError::eval(format!(
                        "{what}: expected a scalar, got a {r}x{c} matrix"
                    )));
                }
                Ok(m[0])
            }
        }
    }

    /// A non-negative integer such as a dimension or a count.
    pub fn to_usize(&self, what: &str) -> Result<usize> {
        let x = self.to_f64(what)?;
        if x.is_nan() || x < 0.0 || x.fract() != 0.0 {
            return Err(LaError::eval(format!(
                "{what}: expected a non-negative integer, got {x}"
            )));
        }
        if x > usize::MAX as f64 / 2.0 {
            return Err(LaError::eval(format!("{what}: value {x} is too large")));
        }
        Ok(x as usize)
    }

    /// The value as exact rationals, when it is exact (logicals count as 0/1).
    pub fn to_exact(&self) -> Option<Cow<'_, RatMat>> {
        match self {
            Value::Exact(m) => Some(Cow::Borrowed(m)),
            Value::Bool(m) => Some(Cow::Owned(
                m.map(|b| if b { Rat::one() } else { Rat::zero() }),
            )),
            _ => None,
        }
    }

    /// The value as quadratic numbers, when it is exact (rationals and
    /// logicals lifted into the field).
    pub fn to_quad(&self) -> Option<Cow<'_, QuadMat>> {
        match self {
            Value::Quad(m) => Some(Cow::Borrowed(m)),
            _ => Some(Cow::Owned(self.to_exact()?.map(Quad::rat))),
        }
    }

    /// Exact values become floating point; everything else is unchanged.
    pub fn to_float(self) -> Value {
        match self {
            Value::Exact(m) => Value::Real(crate::exact::matrix::to_f64(&m).into()),
            Value::Quad(m) if m.iter().all(Quad::is_real) => {
                Value::Real(m.map(|q| q.re_f64()).into())
            }
            Value::Quad(m) => Value::Complex(m.map(|q| C64::new(q.re_f64(), q.im_f64())).into()),
            other => other,
        }
    }

    /// Element `k` in column-major order, as a 1x1 value of the same kind
    /// (a function handle or structure is its own only element).
    pub fn element(&self, k: usize) -> Value {
        match self {
            Value::Exact(m) => Value::rat(m[k].clone()),
            Value::Quad(m) => Value::quad(crate::exact::QuadMat::from_element(1, 1, m[k].clone())),
            Value::Real(m) => Value::scalar(m[k]),
            Value::Complex(m) => Value::Complex(CMat::from_element(1, 1, m[k]).into()),
            Value::Bool(m) => Value::bool(m[k]),
            Value::Str(s) => Value::Str(s.chars().nth(k).map(String::from).unwrap_or_default()),
            Value::Func(_) | Value::Struct(_) => self.clone(),
            Value::Cell(m) => Value::cell(cell::CellMat::from_element(1, 1, m[k].clone())),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Truth of a condition as Octave defines it: non-empty and all non-zero.
    pub fn is_true(&self, what: &str) -> Result<bool> {
        let b = self.to_bool(what)?;
        Ok(!b.is_empty() && b.iter().all(|&x| x))
    }

    /// Bytes the value occupies, for `whos` and memory limits.
    pub fn bytes(&self) -> usize {
        match self {
            Value::Real(m) => m.len() * 8,
            Value::Exact(m) => m
                .iter()
                .map(|x| 16 + (x.numer().bits() + x.denom().bits()) as usize / 8)
                .sum(),
            Value::Complex(m) => m.len() * 16,
            Value::Quad(m) => m.iter().map(|q| 24 + q.bits() as usize / 8).sum(),
            Value::Bool(m) => m.len(),
            Value::Str(s) => s.len(),
            Value::Func(_) => 0,
            Value::Struct(f) => f.iter().map(|(n, v)| n.len() + v.bytes()).sum(),
            Value::Cell(m) => m.iter().map(|e| 8 + e.0.bytes()).sum(),
        }
    }

    /// `isequal`: same size and the same elements (a string equals its
    /// character codes, 1 equals true, as in Octave); structures field by
    /// field, cells element by element; handles when they name the same function.
    pub fn is_equal(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Func(f), Value::Func(g)) => match (&**f, &**g) {
                (Func::Named(p), Func::Named(q)) => p == q,
                (Func::User(p), Func::User(q)) => Rc::ptr_eq(p, q),
                _ => Rc::ptr_eq(f, g),
            },
            (Value::Cell(a), Value::Cell(b)) => cell::cells_equal(a, b),
            (Value::Struct(a), Value::Struct(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .all(|(n, v)| b.iter().any(|(m, w)| m == n && v.is_equal(w)))
            }
            // Two exact values compare as fractions, not after rounding to doubles.
            (Value::Exact(p), Value::Exact(q)) => p == q,
            _ if self.num_kind().is_none() || other.num_kind().is_none() => false,
            _ => {
                if self.dims() != other.dims() {
                    return false;
                }
                if let Some(e) = quad_equal(self, other) {
                    return e;
                }
                let (x, y) = (self.codes(), other.codes());
                match (x.to_complex("isequal"), y.to_complex("isequal")) {
                    (Ok(p), Ok(q)) => p.iter().zip(q.iter()).all(|(s, t)| s == t),
                    _ => false,
                }
            }
        }
    }
}

/// Exact equality of two values of one size when either holds quadratic
/// numbers and every entry can be decided exactly (`Quad::exact_eq`);
/// `None` sends the comparison to the doubles.
fn quad_equal(a: &Value, b: &Value) -> Option<bool> {
    if !matches!(a, Value::Quad(_)) && !matches!(b, Value::Quad(_)) {
        return None;
    }
    let (x, y) = (a.to_quad()?, b.to_quad()?);
    let mut decided = true;
    for (p, q) in x.iter().zip(y.iter()) {
        match p.exact_eq(q) {
            Some(false) => return Some(false),
            Some(true) => {}
            None => decided = false,
        }
    }
    decided.then_some(true)
}

/// A number in a message: as Rust writes it, in e-notation when tiny or huge.
fn plain_number(x: f64) -> String {
    let a = x.abs();
    if a == 0.0 || !x.is_finite() || (1e-5..1e15).contains(&a) {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}
