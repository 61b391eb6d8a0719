//! Conversions between kinds: `double`, `exact` (floats to simple
//! fractions), `logical` and its negation `not`.

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use crate::error::Result;
use crate::exact::Rat;
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "double",
        min_args: 1,
        max_args: 1,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "double(x)",
            summary: "Convert to floating point (logicals and characters to numbers).",
            math: &["double(true) = 1"],
            example: &[">> double('A')", "ans = 65"],
            related: &["logical"],
        },
        run: double,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "exact",
        min_args: 1,
        max_args: 2,
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
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "logical",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "logical(x)",
            summary: "Convert to true/false (non-zero is true).",
            math: &["logical(x) = (x ~= 0)"],
            example: &[">> logical([2 0])", "ans =", "", "  1  0"],
            related: &["double"],
        },
        run: logical,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "not",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Elementwise,
            signature: "not(x)",
            summary: "Logical negation, as !x.",
            math: &[],
            example: &[">> not([1 0])", "ans =", "", "  0  1"],
            related: &["logical"],
        },
        run: not,
        ..Builtin::DEFAULTS
    },
];

fn double(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    // double('abc') gives the character codes, as in Octave.
    let v = a.val(0)?.codes();
    if let Value::Exact(m) = &*v {
        if let Some(w) = crate::ops::exact::float_loss_warning(m) {
            ctx.warn(&w, a.span);
        }
    }
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

fn to_exact(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
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
