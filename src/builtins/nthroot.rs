//! Real n-th roots (`nthroot`): the real root of a negative number for odd
//! n, where `x^(1/n)` gives the complex principal root.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Topic};
use crate::error::{LaError, Result};
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[builtin!(
    "nthroot",
    2,
    2,
    1,
    Topic::Elementwise,
    "nthroot(x, n)",
    concat!(
        "The real n-th root of each element of x (n a nonzero integer; odd when x has ",
        "negative elements, whose root is then negative). x^(1/n) is the complex ",
        "principal root instead."
    ),
    &[
        "nthroot(x, n)^n = x",
        "nthroot(-x, n) = -nthroot(x, n) for odd n"
    ],
    &[
        ">> nthroot(-27, 3)",
        "ans = -3",
        ">> nthroot([16 2], 4)",
        "ans =",
        "",
        "   2.0000   1.1892",
        ""
    ],
    &["sqrt", "power"],
    nthroot
)];

fn nthroot(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let n = a.f64(1)?;
    if n == 0.0 || n.fract() != 0.0 || !n.is_finite() {
        return Err(LaError::eval(format!(
            "nthroot: n must be a nonzero integer, not {n}"
        )));
    }
    let x = a.real(0)?;
    if n % 2.0 == 0.0 && x.iter().any(|v| *v < 0.0) {
        return Err(LaError::eval(
            "nthroot: n must be odd when x has negative elements (their even roots are not real; x^(1/n) gives the complex root)",
        ));
    }
    one(Value::real(x.map(|v| root(v, n))))
}

/// The real root, polished by one Newton step as Octave does, so that an
/// exact root comes out exact (`nthroot(27, 3)` is 3, not 3.0000000000000004).
fn root(x: f64, n: f64) -> f64 {
    if n < 0.0 {
        return 1.0 / root(x, -n);
    }
    let y = x.abs().powf(1.0 / n).copysign(x);
    if y == 0.0 || !y.is_finite() {
        return y;
    }
    y - (y.powf(n) - x) / (n * y.powf(n - 1.0))
}
