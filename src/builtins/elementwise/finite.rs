//! The tests for special values: `isnan`, `isinf`, `isfinite`.

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use crate::error::Result;
use crate::linalg::C64;
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "isnan",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "isnan(x)",
            summary: "True where x is NaN.",
            math: &[],
            example: &[">> isnan([1 NaN])", "ans =", "", "  0  1"],
            related: &["isinf"],
        },
        run: isnan,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "isinf",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "isinf(x)",
            summary: "True where x is infinite.",
            math: &[],
            example: &[">> isinf([1 -Inf])", "ans =", "", "  0  1"],
            related: &["isnan"],
        },
        run: isinf,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "isfinite",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "isfinite(x)",
            summary: "True where x is neither Inf nor NaN.",
            math: &[],
            example: &[">> isfinite([1 Inf NaN])", "ans =", "", "  1  0  0"],
            related: &["isnan"],
        },
        run: isfinite,
        ..Builtin::DEFAULTS
    },
];

fn isnan(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    test(&a, |z| z.re.is_nan() || z.im.is_nan())
}

fn isinf(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    test(&a, |z| z.re.is_infinite() || z.im.is_infinite())
}

fn isfinite(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    test(&a, |z| z.re.is_finite() && z.im.is_finite())
}

fn test(a: &Args, f: fn(C64) -> bool) -> Result<Vec<Value>> {
    let m = a.complex(0)?;
    one(Value::Bool(m.map(f).into()))
}
