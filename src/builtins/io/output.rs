//! Showing values and text: `disp`, `printf`, `fprintf`, `sprintf` and
//! `num2str`.

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic, MANY};
use super::printf::{c_format, format_values, sprintf};
use crate::error::Result;
use crate::value::format::{self, Format, Numbers};
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "disp",
        min_args: 1,
        max_args: 1,
        max_out: 0,
        quad_aware: true,
        any_field: true,
        doc: Doc {
            topic: Topic::Output,
            signature: "disp(x)",
            summary: "Print a value without its name.",
            math: &[],
            example: &[">> disp([1 2])", "   1   2"],
            related: &["printf", "num2str"],
        },
        run: disp,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "printf",
        min_args: 1,
        max_args: MANY,
        max_out: 0,
        doc: Doc {
            topic: Topic::Output,
            signature: "printf(template, ...)",
            summary: concat!(
                "Formatted output (%d %i %f %e %g %s %c %x %%), reusing the template ",
                "while arguments remain. Complex arguments are refused (no conversion ",
                "prints them): print real(z) and imag(z), or use num2str(z) or disp(z)."
            ),
            math: &[],
            example: &[
                ">> printf(\"%d squared is %d\\n\", 3, 9)",
                "3 squared is 9",
                ">> z = 3 - 4i; printf(\"%g%+gi\\n\", real(z), imag(z))",
                "3-4i",
            ],
            related: &["fprintf", "sprintf", "disp"],
        },
        run: printf,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "fprintf",
        min_args: 1,
        max_args: MANY,
        max_out: 0,
        doc: Doc {
            topic: Topic::Output,
            signature: "fprintf(template, ...), fprintf(1, template, ...)",
            summary: concat!(
                "As printf; a leading 1 (stdout) is accepted. Complex arguments are ",
                "refused: print real(z) and imag(z), or use num2str(z) or disp(z)."
            ),
            math: &[],
            example: &[">> fprintf(\"%.2f\\n\", pi)", "3.14"],
            related: &["printf"],
        },
        run: fprintf,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "sprintf",
        min_args: 1,
        max_args: MANY,
        doc: Doc {
            topic: Topic::Output,
            signature: "sprintf(template, ...)",
            summary: concat!(
                "Formatted text as a string (the templates of printf). Complex arguments ",
                "are refused: format real(z) and imag(z), or use num2str(z)."
            ),
            math: &[],
            example: &[
                ">> s = sprintf(\"%g\", 0.5)",
                "s = 0.5",
                ">> z = 1 + 2i; s = sprintf(\"%g + %gi\", real(z), imag(z))",
                "s = 1 + 2i",
            ],
            related: &["printf", "num2str"],
        },
        run: sprintf_fn,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "num2str",
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Output,
            signature: "num2str(x), num2str(x, prec)",
            summary: "A number as text (4 significant decimals by default, integers exactly).",
            math: &[],
            example: &[">> ['x = ' num2str(pi)]", "ans = x = 3.1416"],
            related: &["sprintf", "disp"],
        },
        run: num2str,
        ..Builtin::DEFAULTS
    },
];

fn disp(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (fmt, width) = it.display();
    let text = format::body(&a.vals[0], fmt, width);
    it.print(&text);
    Ok(Vec::new())
}

fn printf(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let s = sprintf(&a, 0)?;
    it.print(&s);
    Ok(Vec::new())
}

fn fprintf(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let skip = usize::from(a.len() > 1 && a.vals[0].as_str().is_none());
    if skip == 1 && !matches!(a.f64(0), Ok(x) if x == 1.0 || x == 2.0) {
        return Err(a.wrong(0, "1 (standard output), 2 or a template string"));
    }
    let s = sprintf(&a, skip)?;
    it.print(&s);
    Ok(Vec::new())
}

fn sprintf_fn(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::Str(sprintf(&a, 0)?))
}

/// Octave's `num2str`: integers exactly, otherwise `%.Ng` with N = 4 decimals + integer digits.
fn num2str(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = &a.vals[0];
    if let Value::Str(s) = v {
        return one(Value::Str(s.clone()));
    }
    if let Some(p) = a.get(1) {
        if let Some(fmt) = p.as_str() {
            return one(Value::Str(format_values(fmt, std::slice::from_ref(v))?));
        }
        let prec = a.usize(1)?;
        let m = a.real(0)?;
        return one(Value::Str(
            m.iter()
                .map(|x| c_format('g', *x, None, Some(prec), ""))
                .collect::<Vec<_>>()
                .join("  "),
        ));
    }
    if v.numel() == 1 {
        let s = match v {
            Value::Complex(m) => format::complex_scalar(m[0], Format::of(Numbers::Short)),
            // An exact integer keeps every digit.
            Value::Exact(m) if m[0].is_integer() => m[0].to_string(),
            _ => {
                let x = a.f64(0)?;
                if !x.is_finite() {
                    format::real_scalar(x, Format::of(Numbers::Short))
                } else if x.fract() == 0.0 {
                    format!("{}", x + 0.0)
                } else {
                    let digits = (x.abs().log10().floor() as i64 + 1).max(1) as usize;
                    c_format('g', x, None, Some(digits + 4), "")
                }
            }
        };
        return one(Value::Str(s));
    }
    let body = format::body(v, it.display().0, usize::MAX);
    let lines: Vec<&str> = body.lines().collect();
    let indent = lines
        .iter()
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    one(Value::Str(
        lines
            .iter()
            .map(|l| &l[indent..])
            .collect::<Vec<_>>()
            .join("\n"),
    ))
}
