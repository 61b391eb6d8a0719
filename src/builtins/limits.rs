//! The limits of the number types: `realmax`, `realmin`, `flintmax` for
//! doubles, `intmax` / `intmin` for Octave's integer types (given exactly:
//! la has no integer types, and exact numbers keep every digit).

use super::{one, Args, Builtin, Doc, Topic};
use crate::error::{LaError, Result};
use crate::exact::Rat;
use crate::value::Value;

/// A constant of doubles: name, summary, value and its display.
macro_rules! double_limit {
    ($name:literal, $summary:literal, $math:literal, $shown:literal, $value:expr) => {
        builtin!(
            $name,
            0,
            0,
            1,
            Topic::Basics,
            $name,
            $summary,
            &[$math],
            &[concat!(">> ", $name), concat!("ans = ", $shown)],
            &["eps", "intmax", "realmax", "realmin", "flintmax"],
            |_, _| one(Value::scalar($value))
        )
    };
}

pub static BUILTINS: &[Builtin] = &[
    double_limit!(
        "realmax",
        "The largest finite double.",
        "realmax = (2 - 2^-52) * 2^1023",
        "1.7977e+308",
        f64::MAX
    ),
    double_limit!(
        "realmin",
        "The smallest positive normalised double.",
        "realmin = 2^-1022",
        "2.2251e-308",
        f64::MIN_POSITIVE
    ),
    double_limit!(
        "flintmax",
        "The largest double below which every integer is exactly representable.",
        "flintmax = 2^53",
        "9.0072e+15",
        9007199254740992.0
    ),
    Builtin {
        name: "intmax",
        min_args: 0,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "intmax, intmax(type)",
            summary: concat!(
                "The largest value of an integer type ('int8' ... 'int64', 'uint8' ... ",
                "'uint64'; 'int32' when not given), as an exact number."
            ),
            math: &["intmax('intN') = 2^(N-1) - 1, intmax('uintN') = 2^N - 1"],
            example: &[">> intmax", "ans = 2147483647", ">> intmax('uint8')", "ans = 255"],
            related: &["intmin", "flintmax"],
        },
        run: |_, a| int_limit(&a, true),
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "intmin",
        min_args: 0,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "intmin, intmin(type)",
            summary: "The smallest value of an integer type ('int32' when not given), as an exact number.",
            math: &["intmin('intN') = -2^(N-1), intmin('uintN') = 0"],
            example: &[">> intmin('int8')", "ans = -128"],
            related: &["intmax"],
        },
        run: |_, a| int_limit(&a, false),
        ..Builtin::DEFAULTS
    },
];

const TYPES: &[&str] = &[
    "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
];

fn int_limit(a: &Args, max: bool) -> Result<Vec<Value>> {
    let ty = match a.get(0) {
        None => "int32",
        Some(_) => a.option(0, TYPES)?.unwrap_or("int32"),
    };
    let (unsigned, bits) = match ty.strip_prefix('u') {
        Some(rest) => (true, rest),
        None => (false, ty),
    };
    let bits: u32 = bits[3..]
        .parse()
        .map_err(|_| LaError::internal("integer type width"))?;
    let value: i128 = match (unsigned, max) {
        (true, true) => (1i128 << bits) - 1,
        (true, false) => 0,
        (false, true) => (1i128 << (bits - 1)) - 1,
        (false, false) => -(1i128 << (bits - 1)),
    };
    let q: Rat = value
        .to_string()
        .parse()
        .map_err(|_| LaError::internal("integer limit"))?;
    one(Value::rat(q))
}
