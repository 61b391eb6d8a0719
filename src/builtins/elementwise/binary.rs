//! Functions of two arguments, broadcast against each other: `atan2`,
//! `hypot`, `mod`, `rem` (exact for exact operands) and `power`.

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use crate::builtins::quad_linalg::in_one_field;
use crate::error::Result;
use crate::exact::norm2::norm2;
use crate::exact::rounding::{round_quad, Rounding};
use crate::exact::{Quad, QuadMat};
use crate::ops::broadcast;
use crate::value::{NumKind, Value};
use num_traits::Zero;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "atan2",
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "atan2(y, x)",
            summary: "Four-quadrant inverse tangent of y/x.",
            math: &["angle of the point (x, y) in (-pi, pi]"],
            example: &[">> atan2(1, -1)", "ans = 2.3562"],
            related: &["atan", "angle"],
        },
        run: atan2,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "hypot",
        quad_aware: true,
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "hypot(x, y)",
            summary: "sqrt(|x|^2 + |y|^2) without overflow (complex x, y by their moduli, as Octave); exact for exact x and y (also complex ones like 3 + 4i) when the root is (a fraction or a square root).",
            math: &["hypot(x, y) = sqrt(|x|^2 + |y|^2), element by element"],
            example: &[
                ">> hypot(3, 4)",
                "ans = 5",
                ">> hypot(1, 1)",
                "ans = sqrt(2)",
                ">> hypot(3 + 4i, 0)",
                "ans = 5",
            ],
            related: &["norm"],
        },
        run: hypot,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "mod",
        quad_aware: true,
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "mod(x, y)",
            summary: "Remainder after floored division (sign of y); exact for exact operands (fractions, sqrt(2)).",
            math: &["mod(x, y) = x - floor(x/y)*y; mod(x, 0) = x"],
            example: &[">> mod(-7, 3)", "ans = 2"],
            related: &["rem"],
        },
        run: mod_fn,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "rem",
        quad_aware: true,
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "rem(x, y)",
            summary: "Remainder after truncated division (sign of x); exact for exact operands (fractions, sqrt(2)).",
            math: &["rem(x, y) = x - fix(x/y)*y; rem(x, 0) = NaN (mod(x, 0) = x)"],
            example: &[">> rem(-7, 3)", "ans = -1"],
            related: &["mod"],
        },
        run: rem,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "power",
        quad_aware: true,
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "power(x, y)",
            summary: "Element-wise power, as x .^ y.",
            math: &[],
            example: &[">> power([1 2 3], 2)", "ans =", "", "   1   4   9"],
            related: &["^", ".*"],
        },
        run: power,
        ..Builtin::DEFAULTS
    },
];

fn atan2(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    binary(&a, "atan2", f64::atan2)
}

fn hypot(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(m) = exact_hypot(&a)? {
        return one(m);
    }
    let complex = |k: usize| a.vals[k].num_kind() == Some(NumKind::Complex);
    if !complex(0) && !complex(1) {
        return binary(&a, "hypot", f64::hypot);
    }
    // Complex operands count by their moduli: hypot(x, y) = hypot(|x|, |y|).
    let (x, y) = (a.complex(0)?, a.complex(1)?);
    one(Value::Real(
        broadcast("hypot", &x, &y, |p, q| p.norm().hypot(q.norm()))?.into(),
    ))
}

/// `hypot` of exact operands, each entry `√(|x|² + |y|²)` exactly when all
/// are exact (`hypot(1, 1)` is `sqrt(2)`, `hypot(3, 4)` is 5); `None` for
/// other operands.
fn exact_hypot(a: &Args) -> Result<Option<Value>> {
    let (Some(x), Some(y)) = (a.num(0)?.to_quad(), a.num(1)?.to_quad()) else {
        return Ok(None);
    };
    let m = broadcast("hypot", &x, &y, |p, q| norm2([p, q]))?;
    let entries: Option<Vec<Quad>> = m.iter().cloned().collect();
    Ok(entries.map(|e| Value::quad(QuadMat::from_vec(m.nrows(), m.ncols(), e))))
}

fn mod_fn(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    remainder(&a, "mod", true)
}

fn rem(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    remainder(&a, "rem", false)
}

/// `mod` and `rem`: x - q*y with q = floor(x/y) (mod, the sign of y) or
/// fix(x/y) (rem, the sign of x); a zero divisor gives x for mod and NaN for
/// rem. Exact operands stay exact: in floats `mod(10^20 + 1, 7)` is 0, not 3.
fn remainder(a: &Args, name: &str, floored: bool) -> Result<Vec<Value>> {
    if let Some(m) = exact_remainder(a, name, floored)? {
        return one(m);
    }
    binary(a, name, |x, y| {
        if y == 0.0 {
            return if floored { x } else { f64::NAN };
        }
        let q = x / y;
        let r = x - if floored { q.floor() } else { q.trunc() } * y;
        // Rounding in x/y can leave r on the wrong side of 0 for mod.
        if floored && r != 0.0 && (r < 0.0) != (y < 0.0) {
            r + y
        } else {
            r
        }
    })
}

/// `mod`/`rem` of real exact operands of one field (rationals, `sqrt(2)`),
/// the quotient floored or truncated exactly; `None` for other operands
/// and for `rem` by zero (NaN).
fn exact_remainder(a: &Args, name: &str, floored: bool) -> Result<Option<Value>> {
    let Some(mut v) = in_one_field(&[a.num(0)?, a.num(1)?]) else {
        return Ok(None);
    };
    let (Some(y), Some(x)) = (v.pop(), v.pop()) else {
        return Ok(None);
    };
    let real = x.iter().chain(y.iter()).all(Quad::is_real);
    if !real || (!floored && y.iter().any(Quad::is_zero)) {
        return Ok(None);
    }
    let how = if floored {
        Rounding::Floor
    } else {
        Rounding::Fix
    };
    let m = broadcast(name, &x, &y, |x, y| match y.recip() {
        Some(r) => Some(x - &(&round_quad(&(x * &r), how)? * y)),
        None => Some(x.clone()), // mod(x, 0) = x
    })?;
    let entries: Option<Vec<Quad>> = m.iter().cloned().collect();
    Ok(entries.map(|e| Value::quad(QuadMat::from_vec(m.nrows(), m.ncols(), e))))
}

/// `power(x, y)` is `x .^ y`, with the operator's warnings (fractions
/// too large to stay exact).
fn power(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let op = crate::syntax::ast::BinOp::EPow;
    one(it.binary(op, a.num(0)?, a.num(1)?, a.span)?)
}

fn binary(a: &Args, name: &str, f: impl Fn(f64, f64) -> f64) -> Result<Vec<Value>> {
    let (x, y) = (a.real(0)?, a.real(1)?);
    one(Value::Real(
        broadcast(name, &x, &y, |p, q| f(*p, *q))?.into(),
    ))
}
