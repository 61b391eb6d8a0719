//! `floor`, `ceil`, `fix` and `round` of quadratic numbers, decided exactly:
//! the float's floor corrected by exact comparisons (a real `a + b√d` is
//! never an integer, so only the side of each integer matters), and the
//! real and imaginary parts of a complex number rounded apart into a
//! Gaussian integer.

use crate::exact::{Quad, Rat};
use std::cmp::Ordering;

/// Largest magnitude whose float floor is off by at most one.
const FLOAT_EXACT: f64 = 4.0e15;

/// How a real number becomes an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    Floor,
    Ceil,
    /// Toward zero.
    Fix,
    /// Nearest, halves away from zero.
    Round,
}

/// `q` rounded as `how` (part by part when complex); `None` for an entry
/// `x/√k` or a number too large for the float estimate.
pub fn round_quad(q: &Quad, how: Rounding) -> Option<Quad> {
    if q.is_scaled() {
        return None;
    }
    if q.is_real() {
        return Some(Quad::rat(round_real(q, how)?));
    }
    let re = Quad::rat(q.re_part().clone());
    let im = match q.radicand() {
        -1 => Quad::rat(q.radical_part().clone()),
        d => Quad::new(Rat::zero(), q.radical_part().clone(), -d),
    };
    let (re, im) = (round_real(&re, how)?, round_real(&im, how)?);
    Some(Quad::new(re, im, -1))
}

fn round_real(q: &Quad, how: Rounding) -> Option<Rat> {
    let negative = q.sign()? == Ordering::Less;
    let half = Quad::rat(&Rat::from_i64(1) / &Rat::from_i64(2));
    Some(match how {
        Rounding::Floor => floor(q)?,
        Rounding::Ceil => -floor(&-q)?,
        Rounding::Fix if negative => -floor(&-q)?,
        Rounding::Fix => floor(q)?,
        Rounding::Round if negative => -floor(&(&-q + &half))?,
        Rounding::Round => floor(&(q + &half))?,
    })
}

/// `⌊q⌋` of a real number: the float's floor, moved by one while an exact
/// comparison says it is wrong.
fn floor(q: &Quad) -> Option<Rat> {
    if let Some(r) = q.as_rat() {
        return Some(r.floor());
    }
    let f = q.re_f64().floor();
    if f.is_nan() || f.abs() >= FLOAT_EXACT {
        return None;
    }
    let mut n = Rat::from_i64(f as i64);
    let one = Rat::from_i64(1);
    for _ in 0..2 {
        if q.cmp_real(&Quad::rat(n.clone()))? == Ordering::Less {
            n = &n - &one;
        } else if q.cmp_real(&Quad::rat(&n + &one))? != Ordering::Less {
            n = &n + &one;
        } else {
            return Some(n);
        }
    }
    None
}
