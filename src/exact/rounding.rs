//! `floor`, `ceil`, `fix` and `round` of quadratic numbers, decided exactly
//! at any size (an integer square root brackets the radical, one exact
//! comparison decides), the real and imaginary parts of a complex number
//! rounded apart into a Gaussian integer.

use crate::exact::{Quad, Rat};
use std::cmp::Ordering;

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
/// `x/√k`.
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

/// `⌊q⌋` of a real `q = a + c`, `c = b√d`, with no float: `⌊√(b²d)⌋ =
/// ⌊√⌊b²d⌋⌋` is an integer square root `s`, so `c` lies strictly between
/// `s` and `s + 1` (or `-s - 1` and `-s`; `c` is irrational) and `q`
/// strictly between `a + low` and `a + low + 1`: its floor is `⌊a + low⌋`
/// or one more, which one exact comparison decides.
fn floor(q: &Quad) -> Option<Rat> {
    if let Some(r) = q.as_rat() {
        return Some(r.floor());
    }
    let (a, b) = (q.re_part(), q.radical_part());
    let r = &(b * b) * &Rat::from_i64(q.radicand());
    let s = Rat::from_integer(r.floor().numer().sqrt());
    let one = Rat::from_i64(1);
    let low = if b.is_positive() { s } else { -(&s + &one) };
    let n = (a + &low).floor();
    let next = &n + &one;
    Some(match q.cmp_real(&Quad::rat(next.clone()))? {
        Ordering::Less => n,
        _ => next,
    })
}
