//! The logical operators as functions, as Octave has them: `and`, `or` and
//! `xor` (which has no operator); `not` is in `elementwise`. They read their arguments as
//! the operators `&`, `|`, `~` do (nonzero is true, NaN an error).

use super::{one, Args, Builtin, Topic, MANY};
use crate::error::Result;
use crate::ops::broadcast;
use crate::value::Value;

/// `name(x, y, ...)`: `f` entry by entry, left to right, with broadcasting.
fn fold(a: &Args, f: fn(bool, bool) -> bool) -> Result<Vec<Value>> {
    let mut acc = a.bool(0)?.into_owned();
    for k in 1..a.len() {
        let next = a.bool(k)?;
        acc = broadcast(a.name, &acc, &next, |p, q| f(*p, *q))?;
    }
    one(Value::Bool(acc.into()))
}

/// One of the folding functions: name, operator, summary, math, example and its answer.
macro_rules! logical {
    ($name:literal, $sig:literal, $summary:literal, $math:expr, $example:literal, $answer:literal, $f:expr) => {
        builtin!(
            $name,
            2,
            MANY,
            1,
            Topic::Operators,
            $sig,
            $summary,
            $math,
            &[concat!(">> ", $example), "ans =", "", $answer, ""],
            &["&", "|", "~", "any", "all"],
            |_, a| fold(&a, $f)
        )
    };
}

pub static BUILTINS: &[Builtin] = &[
    logical!(
        "and",
        "and(x, y, ...)",
        "Logical and entry by entry, the same as x & y & ...",
        &["and(x, y) = 1 where x ~= 0 and y ~= 0"],
        "and([1 0 1], [1 1 0])",
        "  1  0  0",
        |p, q| p && q
    ),
    logical!(
        "or",
        "or(x, y, ...)",
        "Logical or entry by entry, the same as x | y | ...",
        &["or(x, y) = 1 where x ~= 0 or y ~= 0 (or both)"],
        "or([1 0 0], [1 1 0])",
        "  1  1  0",
        |p, q| p || q
    ),
    logical!(
        "xor",
        "xor(x, y, ...)",
        "Exclusive or entry by entry: true where exactly one of x and y is nonzero; with more arguments, xor(xor(x, y), z), ...",
        &["xor(x, y) = (x | y) & ~(x & y)"],
        "xor([1 1 0 0], [1 0 1 0])",
        "  0  1  1  0",
        |p, q| p != q
    ),
];
