//! Element-wise functions. Real input stays real unless the result leaves the
//! reals (sqrt(-1), log(-1), asin(2)), where it becomes complex as in Octave.
//! This module holds what the families share (the exact and quadratic forms
//! that keep exact input exact); each other module is one family of entries:
//! `elementary` (sqrt, exp, log, trigonometry, rounding, sign), `complex`
//! (parts of complex numbers), `finite` (the NaN and Inf tests), `convert`
//! (double, exact, logical, not) and `binary` (atan2, hypot, mod, rem, power).

mod binary;
mod complex;
mod convert;
mod elementary;
mod finite;

pub use binary::BUILTINS as BINARY;
pub use complex::BUILTINS as COMPLEX;
pub use convert::BUILTINS as CONVERT;
pub use elementary::BUILTINS as ELEMENTARY;
pub use finite::BUILTINS as FINITE;

use crate::exact::quad::{sqrt_quad, sqrt_rat};
use crate::exact::rounding::{round_quad, Rounding};
use crate::exact::{Quad, QuadMat, Rat};
use crate::value::Value;

/// Functions that map rationals to rationals keep exact input exact.
fn exact_form(name: &str) -> Option<fn(&Rat) -> Rat> {
    Some(match name {
        "round" => Rat::round,
        "floor" => Rat::floor,
        "ceil" => Rat::ceil,
        "fix" => Rat::trunc,
        "sign" => Rat::signum,
        "abs" => Rat::abs,
        "real" | "conj" => Rat::clone,
        "imag" => |_| Rat::zero(),
        _ => return None,
    })
}

/// Functions that keep quadratic numbers exact (`abs(1 + 2i)` is
/// `sqrt(5)`); `None` for an entry whose result is not exact.
fn quad_form(name: &str) -> Option<fn(&Quad) -> Option<Quad>> {
    Some(match name {
        "abs" => |q| match q.sign() {
            Some(std::cmp::Ordering::Less) => Some(-q),
            Some(_) => Some(q.clone()),
            None => sqrt_rat(&q.norm()),
        },
        "sign" => |q| q.sign().map(|o| Quad::rat(Rat::from_i64(o as i64))),
        "real" => |q| {
            Some(if q.is_real() {
                q.clone()
            } else {
                Quad::rat(q.re_part().clone())
            })
        },
        "imag" => |q| {
            Some(match q.radicand() {
                -1 => Quad::rat(q.radical_part().clone()),
                d if d < 0 => Quad::new(Rat::zero(), q.radical_part().clone(), -d),
                _ => Quad::rat(Rat::zero()),
            })
        },
        "conj" => |q| Some(q.conj_complex()),
        "sqrt" => sqrt_quad,
        "floor" => |q| round_quad(q, Rounding::Floor),
        "ceil" => |q| round_quad(q, Rounding::Ceil),
        "fix" => |q| round_quad(q, Rounding::Fix),
        "round" => |q| round_quad(q, Rounding::Round),
        _ => return None,
    })
}

/// `f` on every entry of an exact quadratic matrix, when every result is exact.
fn map_quad(m: &QuadMat, f: fn(&Quad) -> Option<Quad>) -> Option<Value> {
    if m.iter().any(Quad::is_scaled) {
        return None; // x/sqrt(k) lies in no field: floats
    }
    let out: Option<Vec<Quad>> = m.iter().map(f).collect();
    Some(Value::quad(QuadMat::from_vec(m.nrows(), m.ncols(), out?)))
}
