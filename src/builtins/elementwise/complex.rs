//! Complex numbers: `abs`, `real`, `imag`, `angle`, `conj` (exact for exact
//! and quadratic input) and `complex`, which builds a + bi.

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use super::{exact_form, map_quad, quad_form};
use crate::error::Result;
use crate::linalg::{RMat, C64};
use crate::ops::broadcast;
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "abs",
        min_args: 1,
        max_args: 1,
        quad_aware: true,
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
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "real",
        min_args: 1,
        max_args: 1,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "real(z)",
            summary: "Real part.",
            math: &["real(a + bi) = a"],
            example: &[">> real(3 + 4i)", "ans = 3"],
            related: &["imag", "conj"],
        },
        run: real,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "imag",
        min_args: 1,
        max_args: 1,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "imag(z)",
            summary: "Imaginary part.",
            math: &["imag(a + bi) = b"],
            example: &[">> imag(3 + 4i)", "ans = 4"],
            related: &["real", "conj"],
        },
        run: imag,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "angle",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "angle(z), arg(z)",
            summary: "Argument (phase angle) in radians.",
            math: &["angle(a + bi) = atan2(b, a)"],
            example: &[">> angle(1i)", "ans = 1.5708"],
            related: &["abs"],
        },
        run: angle,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "conj",
        min_args: 1,
        max_args: 1,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "conj(z)",
            summary: "Complex conjugate.",
            math: &["conj(a + bi) = a - bi"],
            example: &[">> conj(3 + 4i)", "ans = 3 - 4i"],
            related: &["real", "imag"],
        },
        run: conj,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "complex",
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "complex(a, b)",
            summary: "Build a + bi.",
            math: &["complex(a, b) = a + b*i"],
            example: &[">> complex(1, 2)", "ans =  1 + 2i"],
            related: &["real", "imag"],
        },
        run: complex,
        ..Builtin::DEFAULTS
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
