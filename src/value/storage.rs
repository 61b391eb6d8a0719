//! `save FILE` / `load FILE`: session variables in a plain text format that
//! reads back losslessly.
//!
//! ```text
//! # la session v1
//! A real 2 2
//! 1 2
//! 3 4.5
//! z complex 1 1
//! 1 -2
//! b logical 1 2
//! 1 0
//! s string
//! "hello\n"
//! ```
//! Numbers use Rust's shortest round-trip form (full f64 precision); complex
//! entries are written as `re im` pairs; strings are JSON-quoted. Function
//! handles are not saved. Files are written to a temporary name and renamed,
//! so an interrupted save never leaves a half-written file.

use crate::exact::{Rat, RatMat};
use crate::linalg::{CMat, RMat, C64};
use crate::value::{BMat, Value};
use std::collections::HashMap;
use std::io::Write;

const HEADER: &str = "# la session v1";

/// The session file text holding `vars`, in the order given.
pub fn to_text<'a>(vars: impl Iterator<Item = (&'a str, &'a Value)>) -> String {
    let mut out = format!("{HEADER}\n");
    for (n, v) in vars {
        out.push_str(&encode(n, v));
    }
    out
}

/// Write `text` to `path` through a temporary file and a rename, so an
/// interrupted save never leaves a half-written file.
pub fn write_atomic(path: &str, text: &str) -> std::io::Result<()> {
    let tmp = format!("{path}.tmp{}", std::process::id());
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn num(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 {
            "Inf".into()
        } else {
            "-Inf".into()
        }
    } else {
        format!("{x:?}")
    }
}

fn encode(name: &str, v: &Value) -> String {
    let rows = |r: usize, c: usize, cell: &dyn Fn(usize, usize) -> String| {
        (0..r)
            .map(|i| (0..c).map(|j| cell(i, j)).collect::<Vec<_>>().join(" ") + "\n")
            .collect::<String>()
    };
    match v {
        Value::Exact(m) => format!(
            "{name} rational {} {}\n{}",
            m.nrows(),
            m.ncols(),
            rows(m.nrows(), m.ncols(), &|i, j| m[(i, j)].to_string())
        ),
        Value::Real(m) => format!(
            "{name} real {} {}\n{}",
            m.nrows(),
            m.ncols(),
            rows(m.nrows(), m.ncols(), &|i, j| num(m[(i, j)]))
        ),
        Value::Complex(m) => format!(
            "{name} complex {} {}\n{}",
            m.nrows(),
            m.ncols(),
            rows(m.nrows(), m.ncols(), &|i, j| format!(
                "{} {}",
                num(m[(i, j)].re),
                num(m[(i, j)].im)
            ))
        ),
        Value::Bool(m) => format!(
            "{name} logical {} {}\n{}",
            m.nrows(),
            m.ncols(),
            rows(m.nrows(), m.ncols(), &|i, j| u8::from(m[(i, j)])
                .to_string())
        ),
        Value::Str(s) => format!("{name} string\n{}\n", serde_json::Value::from(s.as_str())),
        Value::Func(_) => String::new(),
    }
}

pub type ParseError = (usize, String);

/// The variables of a session file, or the line and reason it is malformed.
pub fn parse(text: &str) -> std::result::Result<HashMap<String, Value>, ParseError> {
    let mut lines = text.lines().enumerate().map(|(k, l)| {
        (
            k + 1,
            l.trim_start_matches('\u{feff}').trim_end_matches('\r'),
        )
    });
    let mut vars = HashMap::new();
    match lines.next() {
        Some((_, h)) if h.trim() == HEADER => {}
        _ => return Err((1, format!("not an la session file (expected '{HEADER}')"))),
    }
    while let Some((n, line)) = lines.next() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let (name, kind) = match words.as_slice() {
            [name, kind, ..] if is_name(name) => (name.to_string(), *kind),
            _ => return Err((n, "expected 'NAME TYPE [ROWS COLS]'".into())),
        };
        let value = if kind == "string" {
            let (m, body) = lines
                .next()
                .ok_or((n, "missing string value".to_string()))?;
            Value::Str(
                serde_json::from_str::<String>(body)
                    .map_err(|e| (m, format!("bad string: {e}")))?,
            )
        } else {
            let dim = |k: usize| {
                words
                    .get(k)
                    .and_then(|w| w.parse::<usize>().ok())
                    .ok_or((n, "expected ROWS COLS".to_string()))
            };
            let (r, c) = (dim(2)?, dim(3)?);
            if r.saturating_mul(c) > 1 << 32 {
                return Err((n, "matrix too large".into()));
            }
            let width = if kind == "complex" { 2 * c } else { c };
            let mut words = Vec::with_capacity(r * width);
            for _ in 0..r {
                let (m, row) = lines
                    .next()
                    .ok_or((n, "file ends inside a matrix".to_string()))?;
                let row: Vec<&str> = row.split_whitespace().collect();
                if row.len() != width {
                    return Err((m, format!("expected {width} numbers, found {}", row.len())));
                }
                words.extend(row.into_iter().map(|w| (m, w)));
            }
            if kind == "rational" {
                let vals: Vec<Rat> = words
                    .iter()
                    .map(|(m, w)| {
                        w.parse::<Rat>()
                            .map_err(|_| (*m, format!("bad fraction '{w}'")))
                    })
                    .collect::<std::result::Result<_, _>>()?;
                vars.insert(
                    name,
                    Value::Exact(RatMat::from_row_slice(r, c, &vals).into()),
                );
                continue;
            }
            let data: Vec<f64> = words
                .iter()
                .map(|(m, w)| {
                    w.parse::<f64>()
                        .map_err(|_| (*m, format!("bad number '{w}'")))
                })
                .collect::<std::result::Result<_, _>>()?;
            match kind {
                "real" => Value::Real(RMat::from_row_slice(r, c, &data).into()),
                "complex" => {
                    let z: Vec<C64> = data.chunks(2).map(|p| C64::new(p[0], p[1])).collect();
                    Value::Complex(CMat::from_row_slice(r, c, &z).into())
                }
                "logical" => Value::Bool(
                    BMat::from_row_slice(r, c, &data.iter().map(|x| *x != 0.0).collect::<Vec<_>>())
                        .into(),
                ),
                other => return Err((n, format!("unknown type '{other}'"))),
            }
        };
        vars.insert(name, value);
    }
    Ok(vars)
}

fn is_name(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
