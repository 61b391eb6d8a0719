//! The exact 2-norm `√(Σ |x_i|²)` of exact numbers (rationals, quadratic
//! numbers, the unit-vector entries `x/√k`): `|x_i|² = x_i·conj(x_i)`, their
//! sum and its root, each exact when it is one number of a field (or one
//! term `x/√k`); `None` as soon as one is not, for the caller's floats.

use super::quad::{checked_add, checked_mul, sqrt_quad, Quad};
use num_traits::Zero;

/// `|q|² = q·conj(q)`: `|1 + i|² = 2`, `|(1 - i)/√2|² = 1`.
pub fn abs_squared(q: &Quad) -> Option<Quad> {
    checked_mul(q, &q.conj_complex())
}

/// `Σ |x_i|²`.
pub fn sum_of_squares<'a>(entries: impl IntoIterator<Item = &'a Quad>) -> Option<Quad> {
    entries
        .into_iter()
        .try_fold(Quad::zero(), |s, x| checked_add(&s, &abs_squared(x)?))
}

/// `√(Σ |x_i|²)`: `‖[1 1]‖ = √2`, `‖[1 2 2]‖ = 3`, `‖[1 i]/√2‖ = 1`.
pub fn norm2<'a>(entries: impl IntoIterator<Item = &'a Quad>) -> Option<Quad> {
    root(&sum_of_squares(entries)?)
}

/// `√s` of a sum of squares, 0 for 0.
pub fn root(s: &Quad) -> Option<Quad> {
    if s.is_zero() {
        Some(Quad::zero())
    } else {
        sqrt_quad(s)
    }
}
