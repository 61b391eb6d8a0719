//! The elementary functions through one table macro: `sqrt`, `exp`, the
//! logarithms, trigonometric and hyperbolic functions, rounding and `sign`.
//! Exact input stays exact where the result is rational or a square root.

use super::super::ctx::Ctx;
use super::super::{one, Builtin, Doc, Topic};
use super::{exact_form, map_quad, quad_form};
use crate::error::{Result, Span};
use crate::exact::quad::sqrt_rat;
use crate::exact::{Quad, QuadMat, RatMat};
use crate::linalg::C64;
use crate::value::Value;

/// One element-wise function: its real form, its complex form, and when a
/// real input needs the complex form.
struct Elementwise {
    real: fn(f64) -> f64,
    complex: fn(C64) -> C64,
    leaves_reals: fn(f64) -> bool,
}

/// `sqrt` of exact rationals is exact: `sqrt(8)` is `2*sqrt(2)`, `sqrt(-4)`
/// is `2i` (floats when the roots need two different fields).
fn exact_sqrt(m: &RatMat) -> Option<Value> {
    let out: Option<Vec<Quad>> = m.iter().map(sqrt_rat).collect();
    Some(Value::quad(QuadMat::from_vec(m.nrows(), m.ncols(), out?)))
}

fn apply(name: &str, v: &Value, f: &Elementwise) -> Result<Value> {
    if let (Value::Exact(m), Some(g)) = (v, exact_form(name)) {
        return Ok(Value::Exact(m.map(|x| g(&x)).into()));
    }
    if let (Value::Exact(m), "sqrt") = (v, name) {
        if let Some(out) = exact_sqrt(m) {
            return Ok(out);
        }
    }
    if let Value::Quad(m) = v {
        if let Some(out) = quad_form(name).and_then(|g| map_quad(m, g)) {
            return Ok(out);
        }
        return apply(name, &v.clone().to_float(), f);
    }
    match v {
        Value::Complex(m) => Ok(Value::complex(m.map(f.complex))),
        _ => {
            let m = v.to_real(name)?;
            if m.iter().any(|&x| (f.leaves_reals)(x)) {
                Ok(Value::complex(m.map(|x| (f.complex)(C64::new(x, 0.0)))))
            } else {
                Ok(Value::Real(m.map(f.real).into()))
            }
        }
    }
}

/// Exact input that had to become doubles to be computed with says so
/// when the doubles are not it (`sin(1e400)` computes sin(Inf)).
fn warn_float_loss(ctx: &mut dyn Ctx, x: &Value, out: &Value, span: Span) {
    if let (Value::Exact(m), Value::Real(_) | Value::Complex(_)) = (x, out) {
        if let Some(w) = crate::ops::exact::float_loss_warning(m) {
            ctx.warn(&w, span);
        }
    }
}

fn never(_: f64) -> bool {
    false
}

macro_rules! elementwise {
    (
        $name:literal,
        $summary:expr,
        $math:expr,
        $example:expr,
        $related:expr,
        $real:expr,
        $complex:expr,
        $leaves:expr
    ) => {
        Builtin {
            name: $name,
            min_args: 1,
            max_args: 1,
            doc: Doc {
                topic: Topic::Elementwise,
                signature: concat!($name, "(x)"),
                summary: $summary,
                math: $math,
                example: $example,
                related: $related,
            },
            run: |ctx, a| {
                const F: Elementwise = Elementwise {
                    real: $real,
                    complex: $complex,
                    leaves_reals: $leaves,
                };
                let x = a.num(0)?;
                let out = apply($name, x, &F)?;
                warn_float_loss(ctx, x, &out, a.span);
                one(out)
            },
            ..Builtin::DEFAULTS
        }
    };
}

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        quad_aware: true,
        ..elementwise!(
            "sqrt",
            "Square root, element by element (principal branch: non-negative real part): exact for exact rational input (a rational times the square root of a square-free integer) and for a quadratic number whose root lies in its own field (sqrt(-3 + 4i) = 1 + 2i); otherwise floating point, complex for negative input.",
            &["sqrt(x)^2 = x", "sqrt(8) = 2*sqrt(2)"],
            &[
                ">> sqrt(8)",
                "ans = 2*sqrt(2)",
                ">> sqrt(-4)",
                "ans = 2i",
                ">> sqrt(-3 + 4i)",
                "ans = 1 + 2i",
                ">> sqrt([4 9 2])",
                "ans =",
                "",
                "         2         3   sqrt(2)",
                ">> double(sqrt(2))",
                "ans = 1.4142"
            ],
            &["abs", "norm"],
            f64::sqrt,
            |z| z.sqrt(),
            |x| x < 0.0
        )
    },
    elementwise!(
        "exp",
        "Exponential e^x, element by element.",
        &["exp(x) = sum x^k/k!"],
        &[">> exp(0)", "ans = 1"],
        &["log", "expm"],
        f64::exp,
        |z| z.exp(),
        never
    ),
    elementwise!(
        "log",
        "Natural logarithm (complex for negative input).",
        &["exp(log(x)) = x"],
        &[">> log(e)", "ans = 1"],
        &["exp", "log10"],
        f64::ln,
        |z| z.ln(),
        |x| x < 0.0
    ),
    elementwise!(
        "log10",
        "Base-10 logarithm.",
        &["log10(x) = log(x)/log(10)"],
        &[">> log10(1000)", "ans = 3"],
        &["log", "log2"],
        f64::log10,
        |z| z.ln() / 10f64.ln(),
        |x| x < 0.0
    ),
    elementwise!(
        "log2",
        "Base-2 logarithm.",
        &["log2(x) = log(x)/log(2)"],
        &[">> log2(8)", "ans = 3"],
        &["log"],
        f64::log2,
        |z| z.ln() / 2f64.ln(),
        |x| x < 0.0
    ),
    elementwise!(
        "sin",
        "Sine (radians).",
        &["sin(x)^2 + cos(x)^2 = 1"],
        &[">> sin(pi/2)", "ans = 1"],
        &["cos", "asin"],
        f64::sin,
        |z| z.sin(),
        never
    ),
    elementwise!(
        "cos",
        "Cosine (radians).",
        &["cos(0) = 1"],
        &[">> cos(0)", "ans = 1"],
        &["sin", "acos"],
        f64::cos,
        |z| z.cos(),
        never
    ),
    elementwise!(
        "tan",
        "Tangent (radians).",
        &["tan(x) = sin(x)/cos(x)"],
        &[">> tan(pi/4)", "ans = 1.0000"],
        &["atan"],
        f64::tan,
        |z| z.tan(),
        never
    ),
    elementwise!(
        "asin",
        "Inverse sine (complex outside [-1, 1]).",
        &["sin(asin(x)) = x"],
        &[">> asin(1)", "ans = 1.5708"],
        &["sin"],
        f64::asin,
        |z| z.asin(),
        |x| x.abs() > 1.0
    ),
    elementwise!(
        "acos",
        "Inverse cosine (complex outside [-1, 1]).",
        &["cos(acos(x)) = x"],
        &[">> acos(0)", "ans = 1.5708"],
        &["cos"],
        f64::acos,
        |z| z.acos(),
        |x| x.abs() > 1.0
    ),
    elementwise!(
        "atan",
        "Inverse tangent.",
        &["tan(atan(x)) = x"],
        &[">> atan(1)", "ans = 0.7854"],
        &["tan", "atan2"],
        f64::atan,
        |z| z.atan(),
        never
    ),
    elementwise!(
        "sinh",
        "Hyperbolic sine.",
        &["sinh(x) = (e^x - e^-x)/2"],
        &[">> sinh(0)", "ans = 0"],
        &["cosh"],
        f64::sinh,
        |z| z.sinh(),
        never
    ),
    elementwise!(
        "cosh",
        "Hyperbolic cosine.",
        &["cosh(x) = (e^x + e^-x)/2"],
        &[">> cosh(0)", "ans = 1"],
        &["sinh"],
        f64::cosh,
        |z| z.cosh(),
        never
    ),
    elementwise!(
        "tanh",
        "Hyperbolic tangent.",
        &["tanh(x) = sinh(x)/cosh(x)"],
        &[">> tanh(0)", "ans = 0"],
        &["sinh"],
        f64::tanh,
        |z| z.tanh(),
        never
    ),
    Builtin {
        quad_aware: true,
        ..elementwise!(
            "round",
            "Round to the nearest integer (halves away from zero).",
            &["round(2.5) = 3, round(-2.5) = -3"],
            &[">> round([2.5 -2.5 1.4])", "ans =", "", "   3  -3   1"],
            &["floor", "ceil", "fix"],
            f64::round,
            |z| C64::new(z.re.round(), z.im.round()),
            never
        )
    },
    Builtin {
        quad_aware: true,
        ..elementwise!(
            "floor",
            "Round toward minus infinity (complex: each part). Exact input is decided exactly, square roots included (floor(sqrt(2)) = 1; round, ceil and fix likewise).",
            &["floor(x) = largest integer <= x"],
            &[">> floor(-1.5)", "ans = -2", ">> floor((1 + sqrt(2))^30)", "ans = 304278004997"],
            &["ceil", "round"],
            f64::floor,
            |z| C64::new(z.re.floor(), z.im.floor()),
            never
        )
    },
    Builtin {
        quad_aware: true,
        ..elementwise!(
            "ceil",
            "Round toward plus infinity.",
            &["ceil(x) = smallest integer >= x"],
            &[">> ceil(-1.5)", "ans = -1"],
            &["floor", "round"],
            f64::ceil,
            |z| C64::new(z.re.ceil(), z.im.ceil()),
            never
        )
    },
    Builtin {
        quad_aware: true,
        ..elementwise!(
            "fix",
            "Round toward zero.",
            &["fix(x) = sign(x)*floor(|x|)"],
            &[">> fix(-1.5)", "ans = -1"],
            &["floor", "round"],
            f64::trunc,
            |z| C64::new(z.re.trunc(), z.im.trunc()),
            never
        )
    },
    // sign reads quadratic numbers itself (`quad_form`).
    Builtin {
        quad_aware: true,
        ..elementwise!(
            "sign",
            "Sign: -1, 0 or 1 (z/|z| for complex).",
            &["sign(x) = x/|x|, sign(0) = 0"],
            &[">> sign([-3 0 2])", "ans =", "", "  -1   0   1"],
            &["abs"],
            |x| if x > 0.0 {
                1.0
            } else if x < 0.0 {
                -1.0
            } else {
                x
            },
            |z| if z.norm() == 0.0 { z } else { z / z.norm() },
            never
        )
    },
];
