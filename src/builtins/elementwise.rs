//! Element-wise functions. Real input stays real unless the result leaves the
//! reals (sqrt(-1), log(-1), asin(2)), where it becomes complex as in Octave.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Doc, Topic};
use crate::error::Result;

use crate::exact::quad::{sqrt_quad, sqrt_rat};
use crate::exact::rounding::{round_quad, Rounding};
use crate::exact::{Quad, QuadMat, Rat, RatMat};
use crate::linalg::{RMat, C64};
use crate::ops::broadcast;
use crate::value::Value;

/// One element-wise function: its real form, its complex form, and when a
/// real input needs the complex form.
struct Elementwise {
    real: fn(f64) -> f64,
    complex: fn(C64) -> C64,
    leaves_reals: fn(f64) -> bool,
}

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
            max_out: 1,
            heavy: false,
            doc: Doc {
                topic: Topic::Elementwise,
                signature: concat!($name, "(x)"),
                summary: $summary,
                math: $math,
                example: $example,
                related: $related,
            },
            run: |_, a| {
                const F: Elementwise = Elementwise {
                    real: $real,
                    complex: $complex,
                    leaves_reals: $leaves,
                };
                one(apply($name, a.num(0)?, &F)?)
            },
        }
    };
}

pub static BUILTINS: &[Builtin] = &[
    elementwise!(
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
    ),
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
    elementwise!(
        "round",
        "Round to the nearest integer (halves away from zero).",
        &["round(2.5) = 3, round(-2.5) = -3"],
        &[">> round([2.5 -2.5 1.4])", "ans =", "", "   3  -3   1"],
        &["floor", "ceil", "fix"],
        f64::round,
        |z| C64::new(z.re.round(), z.im.round()),
        never
    ),
    elementwise!(
        "floor",
        "Round toward minus infinity (complex: each part). Exact input is decided exactly, square roots included (floor(sqrt(2)) = 1; round, ceil and fix likewise).",
        &["floor(x) = largest integer <= x"],
        &[">> floor(-1.5)", "ans = -2", ">> floor((1 + sqrt(2))^30)", "ans = 304278004997"],
        &["ceil", "round"],
        f64::floor,
        |z| C64::new(z.re.floor(), z.im.floor()),
        never
    ),
    elementwise!(
        "ceil",
        "Round toward plus infinity.",
        &["ceil(x) = smallest integer >= x"],
        &[">> ceil(-1.5)", "ans = -1"],
        &["floor", "round"],
        f64::ceil,
        |z| C64::new(z.re.ceil(), z.im.ceil()),
        never
    ),
    elementwise!(
        "fix",
        "Round toward zero.",
        &["fix(x) = sign(x)*floor(|x|)"],
        &[">> fix(-1.5)", "ans = -1"],
        &["floor", "round"],
        f64::trunc,
        |z| C64::new(z.re.trunc(), z.im.trunc()),
        never
    ),
    elementwise!(
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
    ),
    Builtin {
        name: "abs",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "abs(x)",
            summary: "Absolute value (modulus for complex numbers).",
            math: &["|a + bi| = sqrt(a^2 + b^2)"],
            example: &[
                ">> abs([-3 4])",
                "ans =",
                "",
                "   3   4",
                "",
                ">> abs(3 + 4i)",
                "ans = 5",
            ],
            related: &["sign", "norm"],
        },
        run: abs,
    },
    Builtin {
        name: "real",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "real(z)",
            summary: "Real part.",
            math: &["real(a + bi) = a"],
            example: &[">> real(3 + 4i)", "ans = 3"],
            related: &["imag", "conj"],
        },
        run: real,
    },
    Builtin {
        name: "imag",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "imag(z)",
            summary: "Imaginary part.",
            math: &["imag(a + bi) = b"],
            example: &[">> imag(3 + 4i)", "ans = 4"],
            related: &["real", "conj"],
        },
        run: imag,
    },
    Builtin {
        name: "angle",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "angle(z), arg(z)",
            summary: "Argument (phase angle) in radians.",
            math: &["angle(a + bi) = atan2(b, a)"],
            example: &[">> angle(1i)", "ans = 1.5708"],
            related: &["abs"],
        },
        run: angle,
    },
    Builtin {
        name: "conj",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "conj(z)",
            summary: "Complex conjugate.",
            math: &["conj(a + bi) = a - bi"],
            example: &[">> conj(3 + 4i)", "ans = 3 - 4i"],
            related: &["real", "imag"],
        },
        run: conj,
    },
    Builtin {
        name: "complex",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "complex(a, b)",
            summary: "Build a + bi.",
            math: &["complex(a, b) = a + b*i"],
            example: &[">> complex(1, 2)", "ans =  1 + 2i"],
            related: &["real", "imag"],
        },
        run: complex,
    },
    Builtin {
        name: "isnan",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "isnan(x)",
            summary: "True where x is NaN.",
            math: &[],
            example: &[">> isnan([1 NaN])", "ans =", "", "  0  1"],
            related: &["isinf"],
        },
        run: isnan,
    },
    Builtin {
        name: "isinf",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "isinf(x)",
            summary: "True where x is infinite.",
            math: &[],
            example: &[">> isinf([1 -Inf])", "ans =", "", "  0  1"],
            related: &["isnan"],
        },
        run: isinf,
    },
    Builtin {
        name: "isfinite",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "isfinite(x)",
            summary: "True where x is neither Inf nor NaN.",
            math: &[],
            example: &[">> isfinite([1 Inf NaN])", "ans =", "", "  1  0  0"],
            related: &["isnan"],
        },
        run: isfinite,
    },
    Builtin {
        name: "double",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "double(x)",
            summary: "Convert to floating point (logicals and characters to numbers).",
            math: &["double(true) = 1"],
            example: &[">> double('A')", "ans = 65"],
            related: &["logical"],
        },
        run: double,
    },
    Builtin {
        name: "exact",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "exact(x), exact(x, tol)",
            summary: concat!(
                "Convert floating point to the nearest simple fractions (continued ",
                "fractions, as Octave's rats); exact input is unchanged unless tol is ",
                "given, which simplifies it the same way."
            ),
            math: &["the simplest p/q with |x - p/q| <= tol*|x| (tol = 1e-10 by default)"],
            example: &[
                ">> exact(0.75)",
                "ans = 3/4",
                ">> exact(pi, 1e-6)",
                "ans = 355/113",
            ],
            related: &["double"],
        },
        run: to_exact,
    },
    Builtin {
        name: "logical",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "logical(x)",
            summary: "Convert to true/false (non-zero is true).",
            math: &["logical(x) = (x ~= 0)"],
            example: &[">> logical([2 0])", "ans =", "", "  1  0"],
            related: &["double"],
        },
        run: logical,
    },
    Builtin {
        name: "not",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "not(x)",
            summary: "Logical negation, as !x.",
            math: &[],
            example: &[">> not([1 0])", "ans =", "", "  0  1"],
            related: &["logical"],
        },
        run: not,
    },
    Builtin {
        name: "atan2",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "atan2(y, x)",
            summary: "Four-quadrant inverse tangent of y/x.",
            math: &["angle of the point (x, y) in (-pi, pi]"],
            example: &[">> atan2(1, -1)", "ans = 2.3562"],
            related: &["atan", "angle"],
        },
        run: atan2,
    },
    Builtin {
        name: "hypot",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "hypot(x, y)",
            summary: "sqrt(x^2 + y^2) without overflow.",
            math: &[],
            example: &[">> hypot(3, 4)", "ans = 5"],
            related: &["norm"],
        },
        run: hypot,
    },
    Builtin {
        name: "mod",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "mod(x, y)",
            summary: "Remainder after floored division (sign of y).",
            math: &["mod(x, y) = x - floor(x/y)*y; mod(x, 0) = x"],
            example: &[">> mod(-7, 3)", "ans = 2"],
            related: &["rem"],
        },
        run: mod_fn,
    },
    Builtin {
        name: "rem",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "rem(x, y)",
            summary: "Remainder after truncated division (sign of x).",
            math: &["rem(x, y) = x - fix(x/y)*y; rem(x, 0) = NaN (mod(x, 0) = x)"],
            example: &[">> rem(-7, 3)", "ans = -1"],
            related: &["mod"],
        },
        run: rem,
    },
    Builtin {
        name: "power",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "power(x, y)",
            summary: "Element-wise power, as x .^ y.",
            math: &[],
            example: &[">> power([1 2 3], 2)", "ans =", "", "   1   4   9"],
            related: &["^", ".*"],
        },
        run: power,
    },
];

fn abs(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    part(&a, "abs", |z| z.norm())
}

fn real(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    part(&a, "real", |z| z.re)
}

fn imag(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    part(&a, "imag", |z| z.im)
}

fn angle(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    part(&a, "angle", |z| z.arg())
}

fn conj(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(match a.num(0)? {
        Value::Complex(m) => Value::complex(m.map(|z| z.conj())),
        v @ Value::Exact(_) => v.clone(),
        Value::Quad(m) => Value::Quad(m.map(|q| q.conj_complex()).into()),
        v => Value::Real(v.to_real("conj")?.into_owned().into()),
    })
}

fn complex(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let re = a.real(0)?;
    let im = match a.get(1) {
        Some(_) => a.real(1)?.into_owned(),
        None => RMat::zeros(1, 1),
    };
    one(Value::Complex(
        broadcast("complex", &re, &im, |x, y| C64::new(*x, *y))?.into(),
    ))
}

fn isnan(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    test(&a, |z| z.re.is_nan() || z.im.is_nan())
}

fn isinf(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    test(&a, |z| z.re.is_infinite() || z.im.is_infinite())
}

fn isfinite(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    test(&a, |z| z.re.is_finite() && z.im.is_finite())
}

fn double(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    // double('abc') gives the character codes, as in Octave.
    let v = a.val(0)?.codes();
    one(match &*v {
        Value::Complex(m) => Value::Complex(m.clone()),
        v @ Value::Quad(_) => v.clone().to_float(),
        Value::Func(_) => return Err(a.wrong(0, "a number or a string")),
        v => Value::Real(v.to_real("double")?.into_owned().into()),
    })
}

fn logical(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::Bool(a.bool(0)?.into_owned().into()))
}

fn not(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(crate::ops::unary(crate::syntax::ast::UnOp::Not, a.num(0)?)?)
}

fn atan2(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    binary(&a, "atan2", f64::atan2)
}

fn hypot(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    binary(&a, "hypot", f64::hypot)
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
    if let (Value::Exact(x), Value::Exact(y)) = (a.num(0)?, a.num(1)?) {
        if floored || y.iter().all(|d| !d.is_zero()) {
            let m = broadcast(name, x, y, |x, y| {
                if y.is_zero() {
                    return x.clone();
                }
                let q = x / y;
                let q = if floored { q.floor() } else { q.trunc() };
                x - &(&q * y)
            })?;
            return one(Value::Exact(m.into()));
        }
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

/// `power(x, y)` is `x .^ y`, with the operator's warnings (fractions
/// too large to stay exact).
fn power(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let op = crate::syntax::ast::BinOp::EPow;
    one(it.binary(op, a.num(0)?, a.num(1)?, a.span)?)
}

fn part(a: &Args, name: &str, f: fn(C64) -> f64) -> Result<Vec<Value>> {
    if let (Value::Exact(m), Some(g)) = (a.num(0)?, exact_form(name)) {
        return one(Value::Exact(m.map(|x| g(&x)).into()));
    }
    if let Value::Quad(m) = a.num(0)? {
        if let Some(out) = quad_form(name).and_then(|g| map_quad(m, g)) {
            return one(out);
        }
    }
    one(match a.num(0)? {
        Value::Complex(m) => Value::Real(m.map(f).into()),
        v @ Value::Quad(_) => Value::Real(v.to_complex(name)?.map(f).into()),
        v => Value::Real(v.to_real(name)?.map(|x| f(C64::new(x, 0.0))).into()),
    })
}

fn test(a: &Args, f: fn(C64) -> bool) -> Result<Vec<Value>> {
    let m = a.complex(0)?;
    one(Value::Bool(m.map(f).into()))
}

fn binary(a: &Args, name: &str, f: impl Fn(f64, f64) -> f64) -> Result<Vec<Value>> {
    let (x, y) = (a.real(0)?, a.real(1)?);
    one(Value::Real(
        broadcast(name, &x, &y, |p, q| f(*p, *q))?.into(),
    ))
}

fn to_exact(it: &mut dyn super::ctx::Ctx, a: Args) -> Result<Vec<Value>> {
    let given = a.tol(1)?;
    let tol = given.unwrap_or(crate::exact::DEFAULT_APPROX_TOL);
    if let (Value::Exact(m), None) = (a.num(0)?, given) {
        return one(Value::Exact(m.clone()));
    }
    let m = a.real(0)?;
    let q: Option<Vec<Rat>> = m.iter().map(|&x| Rat::approx_from_f64(x, tol)).collect();
    let q = q.ok_or_else(|| crate::error::LaError::eval("exact: Inf and NaN have no fraction"))?;
    // Without a tolerance asked for, a fraction that does not round back to
    // its float (sqrt(2), pi) must not pass for the true value: say so.
    if given.is_none() && q.iter().zip(m.iter()).any(|(r, &x)| r.to_f64() != x) {
        it.note("note: exact: a rational approximation of a floating-point value (not its exact value)\n");
    }
    one(Value::Exact(
        crate::exact::RatMat::from_vec(m.nrows(), m.ncols(), q).into(),
    ))
}
