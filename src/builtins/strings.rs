//! Functions on strings (single-row char arrays): case, joining, replacing,
//! trimming, comparing (`strcmp`, `strcmpi`), and numbers to and from text.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Doc, Topic};
use crate::error::{LaError, Result};
use crate::value::Value;

/// A string-to-string function of one argument.
macro_rules! text_map {
    ($name:literal, $summary:literal, $example:literal, $answer:literal, $f:expr) => {
        builtin!(
            $name,
            1,
            1,
            1,
            Topic::Output,
            concat!($name, "(s)"),
            $summary,
            &[],
            &[concat!(">> ", $example), concat!("ans = ", $answer)],
            &["strrep", "strcat", "sprintf"],
            |_, a| {
                let f: fn(&str) -> String = $f;
                one(Value::Str(f(a.string(0)?)))
            }
        )
    };
}

pub static BUILTINS: &[Builtin] = &[
    text_map!("upper", "The string in upper case.", "upper('Ax + b')", "AX + B", |s| s.to_uppercase()),
    text_map!("lower", "The string in lower case.", "lower('Ax + B')", "ax + b", |s| s.to_lowercase()),
    text_map!(
        "strtrim",
        "The string without leading and trailing whitespace (spaces, tabs, newlines, NUL).",
        "['<' strtrim(sprintf('  a b \\n')) '>']",
        "<a b>",
        |s| s.trim_matches(|c: char| c.is_whitespace() || c == '\0').to_string()
    ),
    Builtin {
        name: "strcat",
        min_args: 1,
        max_args: super::MANY,
        doc: Doc {
            topic: Topic::Output,
            signature: "strcat(s1, s2, ...)",
            summary: "The strings joined, each without its trailing whitespace (as Octave does for char arrays); [s1 s2] keeps it.",
            math: &[],
            example: &[">> strcat('a ', 'b ', 'c')", "ans = abc"],
            related: &["upper", "strrep"],
        },
        run: strcat,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "strrep",
        min_args: 3,
        max_args: 3,
        doc: Doc {
            topic: Topic::Output,
            signature: "strrep(s, pattern, replacement)",
            summary: "s with every occurrence of pattern replaced.",
            math: &[],
            example: &[">> strrep('abcabc', 'bc', 'X')", "ans = aXaX"],
            related: &["regexprep", "strcat"],
        },
        run: strrep,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "regexprep",
        min_args: 3,
        max_args: 3,
        doc: Doc {
            topic: Topic::Output,
            signature: "regexprep(s, pattern, replacement)",
            summary: "s with every match of the regular expression replaced; $1, $2 ... are the groups.",
            math: &[],
            example: &[">> regexprep('hello world', '(\\w+) (\\w+)', '$2 $1')", "ans = world hello"],
            related: &["strrep"],
        },
        run: regexprep,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "strcmp",
        min_args: 2,
        max_args: 2,
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
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "strcmpi",
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Output,
            signature: "strcmpi(a, b)",
            summary: "True when a and b are the same string, ignoring case (false when either is not a string).",
            math: &[],
            example: &[">> strcmpi('ABC', 'abc')", "ans = 1"],
            related: &["strcmp"],
        },
        run: strcmpi,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "int2str",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Output,
            signature: "int2str(x)",
            summary: "x rounded to integers (halves away from zero), as text.",
            math: &[],
            example: &[">> int2str(2.5)", "ans = 3"],
            related: &["num2str", "mat2str"],
        },
        run: int2str,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "mat2str",
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Output,
            signature: "mat2str(A), mat2str(A, n)",
            summary: "A as the bracket text that rebuilds it (n significant digits, 15 unless given).",
            math: &[],
            example: &[">> mat2str([1 2; 3 4.5])", "ans = [1 2;3 4.5]"],
            related: &["num2str", "str2num"],
        },
        run: mat2str,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "str2double",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Output,
            signature: "str2double(s)",
            summary: "The number s spells (NaN when it is not one number, or s is not a string).",
            math: &[],
            example: &[">> str2double('2.5e3')", "ans = 2500", ">> str2double('abc')", "ans = NaN"],
            related: &["str2num", "num2str"],
        },
        run: str2double,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "str2num",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Output,
            signature: "str2num(s)",
            summary: "The value of the text s, read as the inside of [ ... ] (numbers and expressions).",
            math: &[],
            example: &[">> str2num('3 + 4')", "ans = 7"],
            related: &["str2double", "mat2str"],
        },
        run: str2num,
        ..Builtin::DEFAULTS
    },
];

fn strcat(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let mut out = String::new();
    for k in 0..a.len() {
        let s = a.string(k)?;
        out.push_str(s.trim_end_matches(|c: char| c.is_whitespace() || c == '\0'));
    }
    one(Value::Str(out))
}

fn strrep(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (s, from, to) = (a.string(0)?, a.string(1)?, a.string(2)?);
    if from.is_empty() {
        return one(Value::str(s));
    }
    one(Value::Str(s.replace(from, to)))
}

fn regexprep(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (s, pattern, to) = (a.string(0)?, a.string(1)?, a.string(2)?);
    let re = regex::Regex::new(pattern).map_err(|e| {
        LaError::eval(format!(
            "regexprep: argument 2 (pattern) is not a regular expression la understands: {}",
            e.to_string().lines().last().unwrap_or("")
        ))
    })?;
    // `$1x` would name group "1x" in the regex crate: brace the numbers.
    let to = regex::Regex::new(r"\$(\d+)")
        .map_err(|e| LaError::internal(e.to_string()))?
        .replace_all(to, "$${${1}}");
    one(Value::Str(re.replace_all(s, to.as_ref()).into_owned()))
}

fn strcmp(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    super::cells::string_compare(&a, |x, y| x == y)
}

fn strcmpi(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    super::cells::string_compare(&a, |x, y| x.to_lowercase() == y.to_lowercase())
}

/// Rounding half away from zero, as Octave's `round`.
fn int_text(x: f64) -> String {
    let r = x.round();
    if r.is_nan() {
        "NaN".into()
    } else if r.is_infinite() {
        if r > 0.0 { "Inf" } else { "-Inf" }.into()
    } else {
        format!("{}", r + 0.0)
    }
}

fn int2str(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let m = a.real(0)?;
    let rows: Vec<String> = (0..m.nrows())
        .map(|i| {
            (0..m.ncols())
                .map(|j| int_text(m[(i, j)]))
                .collect::<Vec<_>>()
                .join("  ")
        })
        .collect();
    one(Value::Str(rows.join("\n")))
}

/// `%.{n}g` without C's padding: what mat2str writes for one number.
fn short_g(x: f64, n: usize) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return int_text(x);
    }
    super::io::c_format('g', x, None, Some(n), "")
}

fn mat2str(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let n = match a.get(1) {
        Some(_) => a.usize(1)?.max(1),
        None => 15,
    };
    let cell = |i: usize, j: usize| -> Result<String> {
        Ok(match v {
            Value::Bool(m) => (if m[(i, j)] { "true" } else { "false" }).to_string(),
            Value::Complex(m) => {
                let z = m[(i, j)];
                let sign = if z.im < 0.0 || (z.im == 0.0 && z.im.is_sign_negative()) {
                    "-"
                } else {
                    "+"
                };
                format!("{}{sign}{}i", short_g(z.re, n), short_g(z.im.abs(), n))
            }
            _ => short_g(v.to_real("mat2str")?[(i, j)], n),
        })
    };
    let (r, c) = v.dims();
    let mut rows = Vec::with_capacity(r);
    for i in 0..r {
        rows.push(
            (0..c)
                .map(|j| cell(i, j))
                .collect::<Result<Vec<_>>>()?
                .join(" "),
        );
    }
    let body = rows.join(";");
    one(Value::Str(if r * c == 1 {
        body
    } else {
        format!("[{body}]")
    }))
}

fn str2double(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let x = a.vals[0].as_str().map_or(f64::NAN, |s| {
        let t = s.trim();
        match t.to_ascii_lowercase().trim_start_matches(['+', '-']) {
            "inf" => {
                if t.starts_with('-') {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }
            }
            "nan" => f64::NAN,
            _ if t.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c)) => {
                t.parse().unwrap_or(f64::NAN)
            }
            _ => f64::NAN,
        }
    });
    one(Value::scalar(x))
}

fn str2num(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let s = a.string(0)?;
    it.eval_text(&format!("[{s}]"))
        .map(|v| vec![v])
        .map_err(|e| {
            LaError::eval(format!(
                "str2num: cannot read '{s}' as a value: {}",
                e.message
            ))
        })
}
