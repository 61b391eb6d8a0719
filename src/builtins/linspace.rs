//! `linspace`: evenly spaced points, as Octave computes them.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Doc, Topic};
use crate::error::{LaError, Result};
use crate::linalg::{CMat, C64};
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[Builtin {
    name: "linspace",
    min_args: 2,
    max_args: 3,
    doc: Doc {
        topic: Topic::Construct,
        signature: "linspace(a, b), linspace(a, b, n)",
        summary: concat!(
            "n equally spaced points from a to b (default n = 100), built from both ",
            "ends so they are symmetric about the midpoint. Complex ends are spaced ",
            "in the plane; column vectors a and b give one row per pair; n < 1 ",
            "gives an empty 1x0 row and n = 1 (or []) just b, as Octave."
        ),
        math: &["x_k = a + (k-1)*(b-a)/(n-1), k = 1..n"],
        example: &[
            ">> linspace(0, 1, 5)",
            "ans =",
            "",
            "        0   0.2500   0.5000   0.7500   1.0000",
        ],
        related: &["colon"],
    },
    run: linspace,
    ..Builtin::DEFAULTS
}];

fn linspace(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let n = match a.get(2) {
        None => 100.0,
        // An empty count asks for one point, as in Octave (and Matlab).
        Some(v) if v.is_empty() && v.as_str().is_none() => 1.0,
        Some(_) => match a.f64(2)? {
            n if n.is_nan() => return Err(a.wrong(2, "a number of points")),
            n => n.floor().max(0.0),
        },
    };
    let (lo, hi) = (ends(&a, 0)?, ends(&a, 1)?);
    let rows = match (lo.len(), hi.len()) {
        (p, q) if p == q || q == 1 => p,
        (1, q) => q,
        _ => {
            return Err(LaError::eval(
                "linspace: vectors a and b must be of equal length",
            ))
        }
    };
    it.check_alloc("linspace", rows as f64, n, 16)?;
    let n = n as usize;
    let mut out = CMat::zeros(rows, n);
    for i in 0..rows {
        let pick = |v: &[C64]| v[if v.len() == 1 { 0 } else { i }];
        for (k, x) in spaced(pick(&lo), pick(&hi), n).into_iter().enumerate() {
            out[(i, k)] = x;
        }
    }
    one(Value::complex(out))
}

/// Endpoint argument `k`: a number or a vector of them (one row each).
fn ends(a: &Args, k: usize) -> Result<Vec<C64>> {
    let m = a.complex(k)?;
    if m.nrows() != 1 && m.ncols() != 1 {
        return Err(a.wrong(k, "a number or a vector"));
    }
    Ok(m.iter().copied().collect())
}

/// `n` points from `x1` to `x2`: the ends exactly, the inner points stepped
/// in from both ends, and an odd middle as the mean (0 for opposite ends), so
/// the points are symmetric about the midpoint. With an infinite end the
/// step is infinite and the inner points NaN, except that middle.
fn spaced(x1: C64, x2: C64, n: usize) -> Vec<C64> {
    if n < 2 {
        return vec![x2; n];
    }
    let mut v = vec![x1; n];
    v[n - 1] = x2;
    let step = (x2 - x1) / (n - 1) as f64;
    for i in 1..n / 2 {
        v[i] = x1 + step * i as f64;
        v[n - 1 - i] = x2 - step * i as f64;
    }
    if n % 2 == 1 {
        v[n / 2] = if x1 == -x2 {
            C64::new(0.0, 0.0)
        } else {
            (x1 + x2) / 2.0
        };
    }
    v
}
