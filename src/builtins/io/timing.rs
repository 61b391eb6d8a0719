//! Timing: `tic` starts the session's stopwatch, `toc` reads it.

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use crate::error::{LaError, Result};
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "tic",
        min_args: 0,
        max_args: 0,
        doc: Doc {
            topic: Topic::Output,
            signature: "tic",
            summary: "Start a stopwatch.",
            math: &[],
            example: &[">> tic;"],
            related: &["toc"],
        },
        run: tic,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "toc",
        min_args: 0,
        max_args: 0,
        doc: Doc {
            topic: Topic::Output,
            signature: "toc, t = toc",
            summary: "Seconds since tic.",
            math: &[],
            example: &[">> tic; t = toc; t < 10", "ans = 1"],
            related: &["tic"],
        },
        run: toc,
        ..Builtin::DEFAULTS
    },
];

fn tic(it: &mut dyn Ctx, _: Args) -> Result<Vec<Value>> {
    *it.timer() = Some(std::time::Instant::now());
    Ok(Vec::new())
}

fn toc(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let Some(t0) = *it.timer() else {
        return Err(LaError::eval(
            "toc: function called before timer initialization with tic()",
        ));
    };
    let secs = t0.elapsed().as_secs_f64();
    if a.nargout == 0 {
        it.print(&format!("Elapsed time is {secs:.6} seconds.\n"));
        return Ok(Vec::new());
    }
    one(Value::scalar(secs))
}
