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
//! f lambda 1
//! "@(x) a*x"
//! a rational 1 1
//! 2
//! g handle
//! "sin"
//! err struct 1
//! message string
//! "oops"
//! ```
//! Numbers use Rust's shortest round-trip form (full f64 precision); complex
//! entries are written as `re im` pairs; strings are JSON-quoted. Exact
//! values keep their kind: `rational` entries are fractions (`-3/4`);
//! `quadD` (e.g. `quad2`, `quad-1` for Gaussian rationals) holds the pairs
//! `a b` of `a + b√D`; `quad` real numbers of different fields as the
//! triples `a b d`; `scaled` the unit-vector entries `x/√k` of exact `eig`
//! as the triples of `x` and of `k` (`0 1 -1 2 0 0` is `i/√2`; `1 0 0` for
//! `k` when an entry has none). An anonymous
//! function is saved as its source text followed by the N variables it
//! captured (entries of the same format), and re-parsed on load; a handle to a
//! built-in is saved as its name, and one to a user function as the
//! function's source text (`g function`), so it works after `load` in a new
//! session. Files are written to a temporary name
//! and renamed, so an interrupted save never leaves a half-written file.
//!
//! Also here: plain numeric text (`load data.txt`, `csvread`, `dlmread`),
//! parsed by [`parse_ascii`].

use crate::exact::{Quad, QuadMat, Rat, RatMat};
use crate::linalg::{CMat, RMat, C64};
use crate::syntax::ast::{ExprKind, StmtKind};
use crate::value::{BMat, Func, Value, Vars};
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

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

/// `a + b√d` as the words `a b d`.
fn triple(q: &Quad) -> String {
    format!("{} {} {}", q.re_part(), q.radical_part(), q.radicand())
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
        // Unit-vector entries x/sqrt(k): `a b d` of x, then of k (`1 0 0`
        // for an entry without k).
        Value::Quad(m) if m.iter().any(Quad::is_scaled) => format!(
            "{name} scaled {} {}\n{}",
            m.nrows(),
            m.ncols(),
            rows(m.nrows(), m.ncols(), &|i, j| {
                let q = &m[(i, j)];
                let k = q.under_root().map_or_else(|| "1 0 0".into(), triple);
                format!("{} {k}", triple(&q.numerator()))
            })
        ),
        // Entries of different fields: each as `a b d`.
        Value::Quad(m) if v.radicand() == 0 => format!(
            "{name} quad {} {}\n{}",
            m.nrows(),
            m.ncols(),
            rows(m.nrows(), m.ncols(), &|i, j| triple(&m[(i, j)]))
        ),
        Value::Quad(m) => format!(
            "{name} quad{} {} {}\n{}",
            v.radicand(),
            m.nrows(),
            m.ncols(),
            rows(m.nrows(), m.ncols(), &|i, j| format!(
                "{} {}",
                m[(i, j)].re_part(),
                m[(i, j)].radical_part()
            ))
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
        // The elements follow in column-major order, each an entry named `e`.
        Value::Cell(m) => {
            let mut out = format!("{name} cell {} {}\n", m.nrows(), m.ncols());
            for e in m.iter() {
                out.push_str(&encode("e", &e.0));
            }
            out
        }
        Value::Struct(fields) => {
            let mut out = format!("{name} struct {}\n", fields.len());
            for (n, v) in fields.iter() {
                out.push_str(&encode(n, v));
            }
            out
        }
        Value::Func(f) => match &**f {
            Func::Lambda { def, captured } => {
                let mut names: Vec<&String> = captured.keys().collect();
                names.sort();
                let mut out = format!(
                    "{name} lambda {}\n{}\n",
                    names.len(),
                    serde_json::Value::from(def.text.as_str())
                );
                for n in names {
                    if let Some(v) = captured.get(n) {
                        out.push_str(&encode(n, v));
                    }
                }
                out
            }
            Func::Named(n) => format!("{name} handle\n{}\n", serde_json::Value::from(n.as_str())),
            Func::User(d) => format!(
                "{name} function\n{}\n",
                serde_json::Value::from(d.text.as_str())
            ),
        },
    }
}

pub type ParseError = (usize, String);

/// The header every session file starts with.
pub fn is_session_file(text: &str) -> bool {
    text.lines()
        .next()
        .is_some_and(|h| h.trim_start_matches('\u{feff}').trim() == HEADER)
}

type Lines<'a> = std::iter::Peekable<Box<dyn Iterator<Item = (usize, &'a str)> + 'a>>;

/// The variables of a session file, or the line and reason it is malformed.
pub fn parse(text: &str) -> std::result::Result<HashMap<String, Value>, ParseError> {
    let it: Box<dyn Iterator<Item = (usize, &str)>> =
        Box::new(text.lines().enumerate().map(|(k, l)| {
            (
                k + 1,
                l.trim_start_matches('\u{feff}').trim_end_matches('\r'),
            )
        }));
    let mut lines: Lines = it.peekable();
    let mut vars = HashMap::new();
    match lines.next() {
        Some((_, h)) if h.trim() == HEADER => {}
        _ => return Err((1, format!("not an la session file (expected '{HEADER}')"))),
    }
    while let Some((name, value)) = entry(&mut lines, 0)? {
        vars.insert(name, value);
    }
    Ok(vars)
}

/// The next `NAME TYPE ...` entry, or `None` at the end of the file.
fn entry(
    lines: &mut Lines,
    depth: usize,
) -> std::result::Result<Option<(String, Value)>, ParseError> {
    let (n, line) = loop {
        match lines.next() {
            None => return Ok(None),
            Some((_, l)) if l.trim().is_empty() || l.starts_with('#') => continue,
            Some(x) => break x,
        }
    };
    if depth > 64 {
        return Err((n, "functions nested too deeply".into()));
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let (name, kind) = match words.as_slice() {
        [name, kind, ..] if is_name(name) => (name.to_string(), *kind),
        _ => return Err((n, "expected 'NAME TYPE [ROWS COLS]'".into())),
    };
    let quoted = |lines: &mut Lines, what: &str| {
        let (m, body) = lines.next().ok_or((n, format!("missing {what} value")))?;
        serde_json::from_str::<String>(body).map_err(|e| (m, format!("bad {what}: {e}")))
    };
    let value = match kind {
        "string" => Value::Str(quoted(lines, "string")?),
        "handle" => {
            let f = quoted(lines, "function name")?;
            if !is_name(&f) {
                return Err((n + 1, format!("bad function name '{f}'")));
            }
            Value::Func(Rc::new(Func::Named(f)))
        }
        "function" => {
            let text = quoted(lines, "function text")?;
            match only_statement(&text) {
                Some(StmtKind::Function(def)) => Value::Func(Rc::new(Func::User(def))),
                _ => return Err((n + 1, format!("not a function definition: {text}"))),
            }
        }
        "struct" => {
            let count = words
                .get(2)
                .and_then(|w| w.parse::<usize>().ok())
                .ok_or((n, "expected 'NAME struct COUNT'".to_string()))?;
            let mut fields = Vec::new();
            for _ in 0..count {
                fields.push(
                    entry(lines, depth + 1)?
                        .ok_or((n, "file ends inside a structure's fields".to_string()))?,
                );
            }
            Value::Struct(Rc::new(fields))
        }
        "cell" => {
            let dim = |k: usize| words.get(k).and_then(|w| w.parse::<usize>().ok());
            let (Some(r), Some(c)) = (dim(2), dim(3)) else {
                return Err((n, "expected 'NAME cell ROWS COLS'".to_string()));
            };
            let count = r
                .checked_mul(c)
                .ok_or((n, "cell size too large".to_string()))?;
            let mut elems = Vec::new();
            for _ in 0..count {
                let (_, v) = entry(lines, depth + 1)?
                    .ok_or((n, "file ends inside a cell's elements".to_string()))?;
                elems.push(v);
            }
            Value::cell_shaped(elems, (r, c))
        }
        "lambda" => {
            let count = words
                .get(2)
                .and_then(|w| w.parse::<usize>().ok())
                .ok_or((n, "expected 'NAME lambda COUNT'".to_string()))?;
            let text = quoted(lines, "function text")?;
            let def = match &only_statement(&text) {
                Some(StmtKind::Expr(e)) => match &e.kind {
                    ExprKind::AnonFn(def) => Some(def.clone()),
                    _ => None,
                },
                _ => None,
            }
            .ok_or((n + 1, format!("not an anonymous function: {text}")))?;
            // Its spans are offsets into its own text.
            let _ = def
                .source
                .set(std::sync::Arc::new(crate::error::Source::new(
                    "<loaded>",
                    text.as_str(),
                )));
            let mut captured = Vars::default();
            for _ in 0..count {
                let (cn, cv) = entry(lines, depth + 1)?.ok_or((
                    n,
                    "file ends inside a function's captured values".to_string(),
                ))?;
                captured.insert(&cn, cv);
            }
            Value::Func(Rc::new(Func::Lambda { def, captured }))
        }
        _ => matrix_entry(lines, n, kind, &words)?,
    };
    Ok(Some((name, value)))
}

/// The kind of the one statement `text` parses to, if it is exactly one.
fn only_statement(text: &str) -> Option<StmtKind> {
    let mut stmts = crate::syntax::parse::parse_program(text).ok()?;
    match stmts.len() {
        1 => stmts.pop().map(|s| s.kind),
        _ => None,
    }
}

fn matrix_entry(
    lines: &mut Lines,
    n: usize,
    kind: &str,
    words: &[&str],
) -> std::result::Result<Value, ParseError> {
    // `quadD`: numbers a + b√d, stored as the pairs `a b`; `quad`: real
    // numbers of different fields, as the triples `a b d`; `scaled`: x/√k
    // as the triples of x and k.
    let mixed = kind == "quad" || kind == "scaled";
    let radicand = kind.strip_prefix("quad").filter(|_| !mixed).map(|d| {
        d.parse::<i64>()
            .ok()
            .filter(|&d| crate::exact::quad::is_radicand(d))
            .ok_or((n, format!("bad radicand in '{kind}'")))
    });
    let radicand = radicand.transpose()?;
    if radicand.is_none() && !mixed && !matches!(kind, "rational" | "real" | "complex" | "logical")
    {
        return Err((n, format!("unknown type '{kind}'")));
    }
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
    if mixed {
        return mixed_quad(lines, n, (r, c), kind == "scaled");
    }
    let width = if kind == "complex" || radicand.is_some() {
        2 * c
    } else {
        c
    };
    let mut words = Vec::with_capacity(r.saturating_mul(width).min(1 << 20));
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
    if kind == "rational" || radicand.is_some() {
        let vals: Vec<Rat> = words
            .iter()
            .map(|(m, w)| {
                w.parse::<Rat>()
                    .map_err(|_| (*m, format!("bad fraction '{w}'")))
            })
            .collect::<std::result::Result<_, _>>()?;
        if let Some(d) = radicand {
            let q: Vec<Quad> = vals
                .chunks(2)
                .map(|p| Quad::new(p[0].clone(), p[1].clone(), d))
                .collect();
            return Ok(Value::quad(QuadMat::from_row_slice(r, c, &q)));
        }
        return Ok(Value::Exact(RatMat::from_row_slice(r, c, &vals).into()));
    }
    let data: Vec<f64> = words
        .iter()
        .map(|(m, w)| {
            w.parse::<f64>()
                .map_err(|_| (*m, format!("bad number '{w}'")))
        })
        .collect::<std::result::Result<_, _>>()?;
    Ok(match kind {
        "real" => Value::Real(RMat::from_row_slice(r, c, &data).into()),
        "complex" => {
            let z: Vec<C64> = data.chunks(2).map(|p| C64::new(p[0], p[1])).collect();
            Value::Complex(CMat::from_row_slice(r, c, &z).into())
        }
        _ => Value::Bool(
            BMat::from_row_slice(r, c, &data.iter().map(|x| *x != 0.0).collect::<Vec<_>>()).into(),
        ),
    })
}

/// Plain numeric text as a matrix: one row per line, numbers separated by
/// whitespace or commas (or `sep` when given), `%` and `#` starting comments,
/// blank lines ignored. A first line that is not numeric is a header and is
/// skipped (its line number is returned so the caller can say so). A
/// malformed row is an error with its line and 1-based column.
pub struct AsciiData {
    pub matrix: RMat,
    pub header: Option<usize>,
}

pub fn parse_ascii(
    text: &str,
    sep: Option<char>,
) -> std::result::Result<AsciiData, (usize, usize, String)> {
    let mut rows: Vec<Vec<f64>> = Vec::new();
    let mut header = None;
    let mut first_line: Option<usize> = None;
    for (k, raw) in text.lines().enumerate() {
        let n = k + 1;
        let line = raw.trim_start_matches('\u{feff}').trim_end_matches('\r');
        let line = match line.find(['%', '#']) {
            Some(i) => &line[..i],
            None => line,
        };
        if line.trim().is_empty() {
            continue;
        }
        let is_first = first_line.is_none();
        first_line.get_or_insert(n);
        // Fields with their 1-based character columns.
        let mut fields: Vec<(usize, &str)> = Vec::new();
        let mut start: Option<usize> = None;
        let mut seps_since = 0usize;
        let mut col = 0usize;
        let mut byte_start = 0usize;
        let is_sep = |c: char| match sep {
            Some(s) if s.is_whitespace() => false,
            Some(s) => c == s,
            None => c == ',' || c == ';',
        };
        for (b, ch) in line.char_indices() {
            col += 1;
            if ch.is_whitespace() || is_sep(ch) {
                if let Some(s) = start.take() {
                    fields.push((s, &line[byte_start..b]));
                }
                if is_sep(ch) {
                    seps_since += 1;
                    // Two separators in a row: an empty field, as Octave's dlmread reads 0.
                    if seps_since > 1 || fields.is_empty() {
                        fields.push((col, ""));
                    }
                }
            } else {
                if start.is_none() {
                    start = Some(col);
                    byte_start = b;
                    seps_since = 0;
                }
            }
        }
        if let Some(s) = start {
            fields.push((s, &line[byte_start..]));
        }
        let mut row = Vec::with_capacity(fields.len());
        let mut bad = None;
        for (c, f) in &fields {
            if f.is_empty() {
                row.push(0.0);
                continue;
            }
            match parse_number(f) {
                Some(x) => row.push(x),
                None => {
                    bad = Some((*c, *f));
                    break;
                }
            }
        }
        if let Some((c, f)) = bad {
            if is_first && header.is_none() {
                header = Some(n);
                first_line = None;
                continue;
            }
            return Err((n, c, format!("'{f}' is not a number")));
        }
        if let Some(first) = rows.first() {
            if row.len() != first.len() {
                let c = fields
                    .get(first.len())
                    .map_or(line.chars().count() + 1, |(c, _)| *c);
                return Err((
                    n,
                    c,
                    format!(
                        "this row has {} numbers but the rows above have {}",
                        row.len(),
                        first.len()
                    ),
                ));
            }
        }
        rows.push(row);
    }
    if rows.is_empty() {
        let line = header.unwrap_or(1);
        return Err((line, 1, "no rows of numbers (not a data file)".to_string()));
    }
    let cols = rows.first().map_or(0, Vec::len);
    let data: Vec<f64> = rows.iter().flatten().copied().collect();
    Ok(AsciiData {
        matrix: RMat::from_row_slice(rows.len(), cols, &data),
        header,
    })
}

/// A number as data files write it: decimal, e-notation, `Inf`, `NaN`.
fn parse_number(w: &str) -> Option<f64> {
    let t = w.trim_start_matches('+');
    match t.to_ascii_lowercase().as_str() {
        "inf" | "+inf" => return Some(f64::INFINITY),
        "-inf" => return Some(f64::NEG_INFINITY),
        "nan" | "-nan" | "na" => return Some(f64::NAN),
        _ => {}
    }
    if !t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
    {
        return None;
    }
    t.parse::<f64>().ok()
}

/// The text `save -ascii` writes: each numeric variable's rows, full precision.
pub fn to_ascii(m: &RMat) -> String {
    let mut out = String::new();
    for i in 0..m.nrows() {
        let row: Vec<String> = (0..m.ncols()).map(|j| num(m[(i, j)])).collect();
        out.push_str(&row.join(" "));
        out.push('\n');
    }
    out
}

fn is_name(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A `quad` entry: real numbers `a + b√d`, each row `a b d` per entry; or
/// (`scaled`) numbers `x/√k`, each row `a b d` of x then of k per entry,
/// where x may be complex (d = -1 and other negative radicands).
fn mixed_quad(
    lines: &mut Lines,
    n: usize,
    (r, c): (usize, usize),
    scaled: bool,
) -> std::result::Result<Value, ParseError> {
    let width = if scaled { 6 } else { 3 };
    let mut q = Vec::with_capacity(r.saturating_mul(c).min(1 << 20));
    for _ in 0..r {
        let (m, row) = lines
            .next()
            .ok_or((n, "file ends inside a matrix".to_string()))?;
        let row: Vec<&str> = row.split_whitespace().collect();
        if row.len() != width * c {
            return Err((
                m,
                format!("expected {} numbers, found {}", width * c, row.len()),
            ));
        }
        let number = |t: &[&str], complex: bool| {
            let part = |w: &str| {
                w.parse::<Rat>()
                    .map_err(|_| (m, format!("bad fraction '{w}'")))
            };
            let d = t[2]
                .parse::<i64>()
                .ok()
                .filter(|&d| d == 0 || (d > 0 || complex) && crate::exact::quad::is_radicand(d))
                .ok_or((m, format!("bad radicand '{}'", t[2])))?;
            Ok(Quad::new(part(t[0])?, part(t[1])?, d))
        };
        for t in row.chunks(width) {
            let x = number(&t[..3], scaled)?;
            q.push(match scaled {
                false => x,
                true => {
                    let k = number(&t[3..], false)?;
                    Quad::over_sqrt(&x, &k)
                        .ok_or((m, format!("bad x/sqrt(k): k = {k} is not positive")))?
                }
            });
        }
    }
    Ok(Value::quad(QuadMat::from_row_slice(r, c, &q)))
}
