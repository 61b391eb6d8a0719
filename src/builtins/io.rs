//! Output, checks and timing: disp, printf, num2str, assert, tic/toc.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Doc, Topic, MANY};
use crate::error::{LaError, Result};
use crate::value::format::{self, Format, Numbers};
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "csvread",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "csvread(file)",
            summary: concat!(
                "Read a file of comma-separated numbers (one row per line; % and # comments; ",
                "an empty field is 0; a header line is skipped with a warning) as a matrix of ",
                "doubles. A malformed row is an error naming the file, line and column."
            ),
            math: &[],
            example: &[
                ">> A = [1 2; 3 4]; save -ascii /tmp/la-help-csvread.txt A",
                ">> csvread('/tmp/la-help-csvread.txt')",
                "ans =",
                "",
                "   1   2",
                "   3   4",
                "",
            ],
            related: &["dlmread", "load"],
        },
        run: csvread,
    },
    Builtin {
        name: "dlmread",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "dlmread(file), dlmread(file, sep)",
            summary: concat!(
                "Read a file of delimited numbers as a matrix of doubles: separated by spaces ",
                "or commas, or by the one character sep (\"\\t\" for tabs). Comments, empty ",
                "fields and a header line as csvread."
            ),
            math: &[],
            example: &[
                ">> A = [1 2; 3 4]; save -ascii /tmp/la-help-dlmread.txt A",
                ">> dlmread('/tmp/la-help-dlmread.txt', ' ')",
                "ans =",
                "",
                "   1   2",
                "   3   4",
                "",
            ],
            related: &["csvread", "load"],
        },
        run: dlmread,
    },
    Builtin {
        name: "strcmp",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "strcmp(s, t)",
            summary: "True when s and t are identical strings; with a cell of strings, the answer for each element.",
            math: &[],
            example: &[
                ">> strcmp(definiteness(eye(2)), 'positive definite')",
                "ans = 1",
            ],
            related: &["isequal"],
        },
        run: strcmp,
    },
    Builtin {
        name: "disp",
        min_args: 1,
        max_args: 1,
        max_out: 0,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "disp(x)",
            summary: "Print a value without its name.",
            math: &[],
            example: &[">> disp([1 2])", "   1   2"],
            related: &["printf", "num2str"],
        },
        run: disp,
    },
    Builtin {
        name: "printf",
        min_args: 1,
        max_args: MANY,
        max_out: 0,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "printf(template, ...)",
            summary: concat!(
                "Formatted output (%d %i %f %e %g %s %c %x %%), reusing the template ",
                "while arguments remain."
            ),
            math: &[],
            example: &[">> printf(\"%d squared is %d\\n\", 3, 9)", "3 squared is 9"],
            related: &["fprintf", "sprintf", "disp"],
        },
        run: printf,
    },
    Builtin {
        name: "fprintf",
        min_args: 1,
        max_args: MANY,
        max_out: 0,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "fprintf(template, ...), fprintf(1, template, ...)",
            summary: "As printf; a leading 1 (stdout) is accepted.",
            math: &[],
            example: &[">> fprintf(\"%.2f\\n\", pi)", "3.14"],
            related: &["printf"],
        },
        run: fprintf,
    },
    Builtin {
        name: "sprintf",
        min_args: 1,
        max_args: MANY,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "sprintf(template, ...)",
            summary: "Formatted text as a string.",
            math: &[],
            example: &[">> s = sprintf(\"%g\", 0.5)", "s = 0.5"],
            related: &["printf", "num2str"],
        },
        run: sprintf_fn,
    },
    Builtin {
        name: "num2str",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "num2str(x), num2str(x, prec)",
            summary: "A number as text (4 significant decimals by default, integers exactly).",
            math: &[],
            example: &[">> ['x = ' num2str(pi)]", "ans = x = 3.1416"],
            related: &["sprintf", "disp"],
        },
        run: num2str,
    },
    Builtin {
        name: "assert",
        min_args: 1,
        max_args: MANY,
        max_out: 0,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "assert(cond), assert(cond, template, ...), assert(observed, expected, tol)",
            summary: concat!(
                "Error unless cond is true (with the formatted message when given), or ",
                "observed has expected's size and matches it within tol (negative tol: relative)."
            ),
            math: &["|observed - expected| <= tol, or <= |tol|*|expected| when tol < 0"],
            example: &[">> assert(norm([3 4]), 5)", ">> assert(pi, 3.1416, 1e-4)"],
            related: &["isequal"],
        },
        run: assert,
    },
    Builtin {
        name: "error",
        min_args: 1,
        max_args: MANY,
        max_out: 0,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "error(template, ...)",
            summary: "Stop with an error message.",
            math: &[],
            example: &[">> x = 1;"],
            related: &["assert"],
        },
        run: error_fn,
    },
    Builtin {
        name: "warning",
        min_args: 1,
        max_args: MANY,
        max_out: 0,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "warning(template, ...), warning(id, template, ...), warning('off', id)",
            summary: concat!(
                "Show a warning and go on; `warning('off', ...)` and `warning('on', ...)` are ",
                "accepted and change nothing."
            ),
            math: &[],
            example: &[">> warning('off', 'all')"],
            related: &["error"],
        },
        run: warning_fn,
    },
    Builtin {
        name: "tic",
        min_args: 0,
        max_args: 0,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "tic",
            summary: "Start a stopwatch.",
            math: &[],
            example: &[">> tic;"],
            related: &["toc"],
        },
        run: tic,
    },
    Builtin {
        name: "toc",
        min_args: 0,
        max_args: 0,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Output,
            signature: "toc, t = toc",
            summary: "Seconds since tic.",
            math: &[],
            example: &[">> tic; t = toc; t < 10", "ans = 1"],
            related: &["tic"],
        },
        run: toc,
    },
];

fn strcmp(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    super::cells::string_compare(&a, |x, y| x == y)
}

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

/// The index of the template: `error('pkg:id', 'fmt', ...)` starts with an
/// identifier (a word with a colon and no spaces), which is skipped.
fn template_start(a: &Args) -> usize {
    let is_id = |s: &str| {
        s.contains(':')
            && !s.ends_with(':')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_:-".contains(c))
    };
    match a.vals.first().and_then(|v| v.as_str()) {
        Some(s) if a.len() > 1 && is_id(s) => 1,
        _ => 0,
    }
}

fn error_fn(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let first = template_start(&a);
    let e = LaError::eval(sprintf(&a, first)?);
    Err(match a.str(0) {
        Some(id) if first == 1 => e.with_identifier(id),
        _ => e,
    })
}

fn warning_fn(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let head = a.vals[0].as_str().map(|s| s.to_ascii_lowercase());
    if matches!(head.as_deref(), Some("on" | "off" | "query" | "error")) {
        return Ok(Vec::new());
    }
    let first = template_start(&a);
    let msg = sprintf(&a, first)?;
    it.warn(&msg, a.span);
    Ok(Vec::new())
}

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

fn assert(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    // `assert(cond, template, ...)`: a text second argument after a condition
    // that is not text is a message, as Octave tells the two forms apart.
    let message_form = a.len() > 1 && a.vals[1].as_str().is_some() && a.vals[0].as_str().is_none();
    if a.len() == 1 || message_form {
        let ok = a.vals[0].is_true("assert")?;
        if !ok {
            if message_form {
                return Err(LaError::eval(sprintf(&a, 1)?));
            }
            return Err(LaError::eval("assert (cond) failed"));
        }
        return Ok(Vec::new());
    }
    if a.len() > 3 {
        return Err(LaError::eval(
            "assert: use assert(cond, template, ...) or assert(observed, expected, tol)",
        ));
    }
    let (obs, exp) = (&a.vals[0], &a.vals[1]);
    if let (Some(x), Some(y)) = (obs.as_str(), exp.as_str()) {
        if x != y {
            return Err(LaError::eval(format!(
                "assert: strings differ: '{x}' expected '{y}'"
            )));
        }
        return Ok(Vec::new());
    }
    let tol = a.opt_f64(2)?.unwrap_or(0.0);
    if obs.dims() != exp.dims() {
        return Err(LaError::eval(format!(
            "assert: dimensions do not agree (observed {}x{}, expected {}x{})",
            obs.dims().0,
            obs.dims().1,
            exp.dims().0,
            exp.dims().1
        )));
    }
    let (o, e) = (a.complex(0)?, a.complex(1)?);
    let worst = crate::ops::broadcast("assert", &o, &e, |x, y| {
        let err = (x - y).norm();
        let same_special = (x.re.is_nan() && y.re.is_nan()) || (x == y);
        if same_special {
            0.0
        } else if tol < 0.0 {
            err / y.norm()
        } else {
            err
        }
    })?;
    let bound = tol.abs();
    if let Some((k, d)) = worst
        .iter()
        .enumerate()
        .find(|(_, d)| d.is_nan() || **d > bound)
    {
        return Err(LaError::eval(format!(
            "assert (observed, expected, tol) failed: element {} differs by {} (tolerance {}{})",
            k + 1,
            format::short_number(*d),
            format::short_number(bound),
            if tol < 0.0 { ", relative" } else { "" }
        )));
    }
    Ok(Vec::new())
}

/// The template of `printf`-like calls, starting at argument `first`.
fn sprintf(a: &Args, first: usize) -> Result<String> {
    let fmt = a.string(first)?;
    format_values(fmt, &a.vals[first + 1..])
}

enum Item {
    Num(f64),
    Text(String),
}

/// Expand a C-style template over all argument elements, reusing it while any remain.
pub fn format_values(template: &str, args: &[Value]) -> Result<String> {
    let template = unescape(template);
    let mut items = Vec::new();
    for v in args {
        match v {
            Value::Str(s) => items.push(Item::Text(s.clone())),
            Value::Complex(m) => items.extend(m.iter().map(|z| Item::Num(z.re))),
            other => items.extend(other.to_real("printf")?.iter().map(|x| Item::Num(*x))),
        }
    }
    let mut out = String::new();
    let mut next = 0;
    loop {
        let consumed = expand(&template, &items, &mut next, &mut out)?;
        if next >= items.len() || consumed == 0 {
            break;
        }
    }
    Ok(out)
}

/// One pass over the template; returns how many items it consumed.
fn expand(t: &str, items: &[Item], next: &mut usize, out: &mut String) -> Result<usize> {
    let start = *next;
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'%') {
            out.push('%');
            i += 2;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && "-+ #0".contains(chars[j]) {
            j += 1;
        }
        let flags: String = chars[i + 1..j].iter().collect();
        let w0 = j;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        let width = chars[w0..j].iter().collect::<String>().parse().ok();
        let mut prec = None;
        if chars.get(j) == Some(&'.') {
            let p0 = j + 1;
            j += 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            prec = Some(chars[p0..j].iter().collect::<String>().parse().unwrap_or(0));
        }
        while j < chars.len() && "lh".contains(chars[j]) {
            j += 1;
        }
        let Some(&conv) = chars.get(j) else {
            out.extend(&chars[i..]);
            break;
        };
        if *next >= items.len() && !items.is_empty() {
            return Ok(*next - start);
        }
        let item = items.get(*next);
        *next += 1;
        let text = match (conv, item) {
            (_, None) => String::new(),
            ('s', Some(Item::Text(s))) => s.clone(),
            // A whole number under %s is a character code, as in Octave.
            ('s', Some(Item::Num(x))) => match char::from_u32(*x as u32) {
                Some(ch) if x.fract() == 0.0 && *x >= 0.0 => ch.to_string(),
                _ => format::short_number(*x).trim().to_string(),
            },
            ('c', Some(Item::Num(x))) => char::from_u32(*x as u32)
                .map(String::from)
                .unwrap_or_default(),
            (_, Some(Item::Text(s))) => s.clone(),
            (c, Some(Item::Num(x))) => c_format(c, *x, None, prec, &flags),
        };
        out.push_str(&pad(&text, width, &flags));
        i = j + 1;
    }
    Ok(*next - start)
}

/// Widest printf field honoured; a larger width would only exhaust memory.
const MAX_WIDTH: usize = 100_000;

fn pad(s: &str, width: Option<usize>, flags: &str) -> String {
    let w = width.unwrap_or(0).min(MAX_WIDTH);
    let n = s.chars().count();
    if n >= w {
        return s.to_string();
    }
    if flags.contains('-') {
        format!("{s}{}", " ".repeat(w - n))
    } else if flags.contains('0')
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '-')
    {
        let (sign, digits) = s.strip_prefix('-').map_or(("", s), |d| ("-", d));
        format!("{sign}{}{digits}", "0".repeat(w - n))
    } else {
        format!("{}{s}", " ".repeat(w - n))
    }
}

/// Most digits printed after the point by printf-style conversions.
const MAX_PRECISION: usize = 100;

/// Format one number for conversion `c` as C's printf would.
pub fn c_format(
    c: char,
    x: f64,
    _width: Option<usize>,
    prec: Option<usize>,
    flags: &str,
) -> String {
    // Digits beyond what a double holds are noise; the cap also keeps Rust's formatter in range.
    let prec = prec.map(|p| p.min(MAX_PRECISION));
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Inf".into() } else { "-Inf".into() };
    }
    let plus = if flags.contains('+') && x >= 0.0 {
        "+"
    } else {
        ""
    };
    let body = match c {
        'd' | 'i' | 'u' if x.fract() == 0.0 => format!("{x:.0}"),
        // Octave prints a non-integer under %d as %g would.
        'd' | 'i' | 'u' => general(x, prec.unwrap_or(6).max(1)),
        'f' | 'F' => format!("{:.*}", prec.unwrap_or(6), x),
        'e' | 'E' => exp_c(x, prec.unwrap_or(6), c == 'E'),
        'x' => format!("{:x}", x as i64),
        'o' => format!("{:o}", x as i64),
        _ => general(x, prec.unwrap_or(6).max(1)),
    };
    format!("{plus}{body}")
}

fn exp_c(x: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let (sign, d) = e.strip_prefix('-').map_or(("+", e), |d| ("-", d));
    let r = format!("{m}e{sign}{d:0>2}");
    if upper {
        r.to_uppercase()
    } else {
        r
    }
}

/// `%g`: shortest of %e and %f at `p` significant digits, trailing zeros removed.
fn general(x: f64, p: usize) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let exp = x.abs().log10().floor() as i32;
    let s = if exp < -4 || exp >= p as i32 {
        let s = exp_c(x, p - 1, false);
        let (m, e) = s.split_once('e').unwrap_or((&s, ""));
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.')
        } else {
            m
        };
        format!("{m}e{e}")
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let s = format!("{x:.decimals$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    s
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('r') => out.push('\r'),
            Some('a') => out.push('\x07'),
            Some('"') => out.push('"'),
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn file_arg(a: &Args) -> Result<String> {
    match a.val(0)? {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(a.wrong(0, "a file name (a string)")),
    }
}

fn csvread(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let path = file_arg(&a)?;
    one(super::commands::read_delimited(
        it, "csvread", &path, None, a.span,
    )?)
}

fn dlmread(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let path = file_arg(&a)?;
    let sep = match a.get(1) {
        None => None,
        Some(Value::Str(s)) => {
            let s = match s.as_str() {
                "\\t" => "\t",
                other => other,
            };
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => return Err(a.wrong(1, "one separator character such as ',' or '\\t'")),
            }
        }
        Some(_) => return Err(a.wrong(1, "a separator character (a string)")),
    };
    one(super::commands::read_delimited(
        it, "dlmread", &path, sep, a.span,
    )?)
}
