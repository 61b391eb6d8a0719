//! The orders of numbers that `sort`, `max`/`min` and `unique` share, as
//! Octave's: reals by value with NaN after every number; complex numbers by
//! modulus, then by argument in (-π, π], NaN last; exact numbers decided
//! exactly (complex ones through `exact::quad::cmp_abs_arg`).

use crate::exact::quad::{cmp_abs_arg, common_field};
use crate::exact::Quad;
use crate::linalg::C64;
use std::cmp::Ordering;

/// Real numbers ascending, NaN after every number (two NaNs tie).
pub(super) fn real(x: &f64, y: &f64) -> Ordering {
    x.partial_cmp(y)
        .unwrap_or_else(|| x.is_nan().cmp(&y.is_nan()))
}

/// Complex numbers by modulus, then argument; one with a NaN part last.
pub(super) fn complex(x: &C64, y: &C64) -> Ordering {
    let key = |z: &C64| {
        if z.re.is_nan() || z.im.is_nan() {
            (f64::NAN, 0.0)
        } else {
            (z.norm(), z.arg())
        }
    };
    let (kx, ky) = (key(x), key(y));
    real(&kx.0, &ky.0).then_with(|| real(&kx.1, &ky.1))
}

/// An exact order of quadratic numbers.
pub(super) type QuadOrder = fn(&Quad, &Quad) -> Ordering;

/// The exact order of some quadratic numbers: complex ones by
/// modulus and argument, real ones by value; `None` when they lie in
/// different fields (no exact comparison is at hand).
pub(super) fn quad<'a>(entries: impl IntoIterator<Item = &'a Quad>) -> Option<QuadOrder> {
    let d = common_field(entries)?;
    let cmp: QuadOrder = if d < 0 {
        |x, y| cmp_abs_arg(x, y).unwrap_or(Ordering::Equal)
    } else {
        |x, y| x.cmp_real(y).unwrap_or(Ordering::Equal)
    };
    Some(cmp)
}
