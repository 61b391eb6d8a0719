//! Display of values, Octave style (`format short` / `format long`), and the
//! `--json` encoding. Pure functions from values to text.

use crate::exact::{Quad, Rat};
use crate::linalg::C64;
use crate::value::readable::{self, Layout};
use crate::value::{Func, Value};
use nalgebra::DMatrix;

/// How numbers are written. `Default`: floats as `format short`, exact
/// values as short fractions or decimals (the rule is in [`readable`]).
/// `Short`/`Long`: everything in decimals. `Rat`: exact values as full
/// fractions, floats as close ones. `ShortE`/`LongE`: always e-notation;
/// `ShortG`/`LongG`: each entry in the shorter of fixed and e-notation (C's
/// `%g`); `Bank`: two decimals. As Octave's `format` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Numbers {
    #[default]
    Default,
    Short,
    Long,
    Rat,
    ShortE,
    LongE,
    ShortG,
    LongG,
    Bank,
}

/// The display settings `format` chooses: the numbers, and `compact` (no
/// blank line after `x =`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Format {
    pub numbers: Numbers,
    pub compact: bool,
}

impl Format {
    pub const fn of(numbers: Numbers) -> Format {
        Format {
            numbers,
            compact: false,
        }
    }
    fn precision(self) -> i32 {
        match self.numbers {
            Numbers::Long | Numbers::LongE | Numbers::LongG => 16,
            _ => 5,
        }
    }
    fn fractions(self) -> bool {
        matches!(self.numbers, Numbers::Default | Numbers::Rat)
    }
    /// Widest fixed-point field before switching to exponent notation.
    fn max_width(self) -> usize {
        match self.numbers {
            Numbers::Long => 20,
            _ => 9,
        }
    }
}

/// How every entry of one matrix is printed, chosen from all of them at once.
#[derive(Debug, Clone, Copy)]
enum NumFmt {
    Int {
        width: usize,
    },
    Fixed {
        width: usize,
        decimals: usize,
    },
    Exp {
        decimals: usize,
    },
    /// `%g` with `prec` significant digits, right-aligned in `width`.
    General {
        width: usize,
        prec: usize,
    },
}

fn digits(x: f64) -> i32 {
    if x == 0.0 {
        0
    } else {
        x.abs().log10().floor() as i32 + 1
    }
}

/// Octave's rule: digits left and right of the point for one magnitude.
fn ld_rd(x: f64, prec: i32) -> (i32, i32) {
    let d = digits(x);
    if d > 0 {
        (d, if prec > d { prec - d } else { prec })
    } else if d < 0 {
        (1, if prec > d { prec - d } else { prec })
    } else {
        (1, if prec > 1 { prec - 1 } else { prec })
    }
}

fn choose(values: &[f64], fmt: Format) -> NumFmt {
    let finite: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    let max_abs = finite.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let prec = fmt.precision();
    match fmt.numbers {
        Numbers::ShortE | Numbers::LongE => {
            return NumFmt::Exp {
                decimals: (prec - 1) as usize,
            }
        }
        // Octave's columns: 13 characters in short g, 24 in long g.
        Numbers::ShortG | Numbers::LongG => {
            return NumFmt::General {
                width: prec as usize + 6,
                prec: prec as usize,
            }
        }
        Numbers::Bank => {
            return NumFmt::Fixed {
                width: digits(max_abs).max(1) as usize + 4,
                decimals: 2,
            }
        }
        _ => {}
    }
    let has_special = finite.len() < values.len();
    // Integer layout only when every entry is an integer: a tiny nonzero
    // entry (round-off included) must stay visible, as in Octave.
    if finite.iter().all(|x| x.fract() == 0.0) {
        // Octave prints integers in full up to 6 digits in a matrix, 7 for a
        // scalar (15 in format long), and switches to e-notation beyond.
        let int_digits = match (fmt.numbers, values.len()) {
            (Numbers::Long, _) => 15,
            (_, 1) => 7,
            _ => 6,
        };
        if digits(max_abs) <= int_digits {
            let w = digits(max_abs).max(1) as usize + 1;
            return NumFmt::Int {
                width: if has_special { w.max(4) } else { w },
            };
        }
        return NumFmt::Exp {
            decimals: (fmt.precision() - 1) as usize,
        };
    }
    let min_abs = finite
        .iter()
        .filter(|x| **x != 0.0)
        .fold(f64::INFINITY, |m, x| m.min(x.abs()));
    let (ld_max, rd_max) = ld_rd(max_abs, prec);
    let (ld_min, rd_min) = ld_rd(min_abs, prec);
    let (ld, rd) = (ld_max.max(ld_min), rd_max.max(rd_min).max(1));
    let width = (1 + ld + 1 + rd) as usize;
    if width > fmt.max_width() {
        NumFmt::Exp {
            decimals: (prec - 1) as usize,
        }
    } else {
        NumFmt::Fixed {
            width,
            decimals: rd as usize,
        }
    }
}

fn special(x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("NaN")
    } else if x == f64::INFINITY {
        Some("Inf")
    } else if x == f64::NEG_INFINITY {
        Some("-Inf")
    } else {
        None
    }
}

fn exp_string(x: f64, decimals: usize) -> String {
    let s = format!("{:.*e}", decimals, x);
    // Rust writes `1.5e3`; Octave writes `1.5000e+03`.
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = e.strip_prefix('-').map_or(("+", e), |d| ("-", d));
            format!("{m}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

/// C's `%.{prec}g`: e-notation when the exponent is below -5 or at least
/// `prec`, otherwise fixed; trailing zeros dropped either way.
fn general_string(x: f64, prec: usize) -> String {
    let e = exp_string(x, prec.saturating_sub(1));
    let (mantissa, exp) = e.split_once('e').unwrap_or((&e, "+00"));
    let p: i32 = exp.parse().unwrap_or(0);
    let trim = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if p < -5 || p >= prec as i32 {
        format!("{}e{exp}", trim(mantissa))
    } else {
        let decimals = (prec as i32 - 1 - p).max(0) as usize;
        trim(&format!("{x:.decimals$}"))
    }
}

fn entry(x: f64, f: NumFmt) -> String {
    if let Some(s) = special(x) {
        return s.to_string();
    }
    if x == 0.0 {
        return "0".to_string();
    }
    match f {
        // Integer formatting is several times faster than `{:.0}` on a float,
        // which matters when a million-entry range is displayed.
        NumFmt::Int { .. } if x.fract() == 0.0 && x.abs() < 1e15 => (x as i64).to_string(),
        NumFmt::Int { .. } => format!("{x:.0}"),
        NumFmt::Fixed { decimals, .. } => format!("{x:.decimals$}"),
        NumFmt::Exp { decimals } => exp_string(x, decimals),
        NumFmt::General { prec, .. } => general_string(x, prec),
    }
}

/// True when `f` is e-notation and every exponent has two digits, so every
/// cell is exactly as wide as [`width_of`] says and formatting them all
/// just to measure (slow for a huge matrix) can be skipped.
fn two_digit_exponents(f: NumFmt, values: &[f64]) -> bool {
    matches!(f, NumFmt::Exp { .. })
        && values
            .iter()
            .all(|x| !x.is_finite() || *x == 0.0 || (1e-99..1e99).contains(&x.abs()))
}

fn width_of(f: NumFmt) -> usize {
    match f {
        NumFmt::Int { width } | NumFmt::Fixed { width, .. } => width,
        NumFmt::Exp { decimals } => decimals + 7,
        NumFmt::General { width, .. } => width,
    }
}

/// A real number the way Octave shows a scalar (`3.1416`, `7`, `1.0000e-10`).
pub fn real_scalar(x: f64, fmt: Format) -> String {
    let f = choose(&[x], fmt);
    entry(if x == 0.0 { 0.0 } else { x }, f)
}

/// Compact form for messages.
pub fn short_number(x: f64) -> String {
    real_scalar(x, Format::of(Numbers::Short))
}

/// Real part, the sign between the parts, and the imaginary magnitude.
fn complex_parts(z: C64, f: NumFmt) -> (String, char, String) {
    let re = entry(z.re, f);
    let sign = if z.im.is_sign_negative() && !z.im.is_nan() {
        '-'
    } else {
        '+'
    };
    (re, sign, entry(z.im.abs(), f))
}

pub fn complex_scalar(z: C64, fmt: Format) -> String {
    let f = choose(&[z.re, z.im], fmt);
    let (re, sign, im) = complex_parts(z, f);
    format!("{re} {sign} {im}i")
}

/// Rows of right-aligned cells, split into column blocks to fit `width`.
/// Cells are produced on demand so a huge matrix costs only its output text.
fn grid(
    shape: (usize, usize),
    cell: impl Fn(usize, usize) -> String,
    col_width: usize,
    sep: usize,
    width: usize,
) -> String {
    let (r, c) = shape;
    // As Octave: a row of exactly `width` characters still fits.
    let per_block = (width / (col_width + sep)).max(1);
    let mut out = String::new();
    let mut start = 0;
    while start < c {
        let end = (start + per_block).min(c);
        if c > per_block {
            let head = match end - start {
                1 => format!(" Column {}:\n\n", start + 1),
                2 => format!(" Columns {} and {}:\n\n", start + 1, end),
                _ => format!(" Columns {} through {}:\n\n", start + 1, end),
            };
            out.push_str(&head);
        }
        for i in 0..r {
            for j in start..end {
                out.push_str(&format!("{:>w$}", cell(i, j), w = col_width + sep));
            }
            out.push('\n');
        }
        if end < c {
            out.push('\n');
        }
        start = end;
    }
    out
}

/// Widest cell, found without keeping the cells.
fn widest<T: nalgebra::Scalar>(m: &DMatrix<T>, len: impl Fn(&T) -> usize) -> usize {
    m.iter().map(len).max().unwrap_or(1)
}

pub fn real_matrix_body(m: &DMatrix<f64>, fmt: Format, width: usize) -> String {
    let f = choose(m.as_slice(), fmt);
    let cell = |x: f64| entry(x, f);
    let w = if two_digit_exponents(f, m.as_slice()) {
        width_of(f)
    } else {
        widest(m, |x| cell(*x).len()).max(width_of(f))
    };
    grid(m.shape(), |i, j| cell(m[(i, j)]), w, 2, width)
}

fn complex_matrix_body(m: &DMatrix<C64>, fmt: Format, width: usize) -> String {
    let parts: Vec<f64> = m.iter().flat_map(|z| [z.re, z.im]).collect();
    let f = choose(&parts, fmt);
    let parts = |z: C64| complex_parts(z, f);
    let wr = widest(m, |z| parts(*z).0.len());
    let wi = widest(m, |z| parts(*z).2.len());
    // As Octave: the sign in a fixed place, the imaginary magnitude right-aligned after it.
    let cell = |i, j| {
        let (re, sign, im) = parts(m[(i, j)]);
        format!("{re:>wr$} {sign} {im:>wi$}i")
    };
    grid(m.shape(), cell, wr + wi + 4, 3, width)
}

fn bool_matrix_body(m: &DMatrix<bool>, width: usize) -> String {
    grid(
        m.shape(),
        |i, j| u8::from(m[(i, j)]).to_string(),
        1,
        2,
        width,
    )
}

/// Exact values as fractions, columns right-aligned (`3/2  -1/2`).
fn rat_matrix_body(m: &DMatrix<Rat>, width: usize) -> String {
    let w = widest(m, |x| x.to_string().len());
    let cell = |i, j| m[(i, j)].to_string();
    if m.iter().all(|x| x.is_integer()) {
        let w = w.max(1) + usize::from(!m.iter().any(|x| x.is_negative()));
        return grid(m.shape(), cell, w, 2, width);
    }
    grid(m.shape(), cell, w, 3, width)
}

/// Exact quadratic numbers as they are typed (`sqrt(2)`, `(1 + sqrt(5))/2`,
/// `1 + 2i`), columns right-aligned.
fn quad_matrix_body(m: &DMatrix<Quad>, width: usize) -> String {
    let w = widest(m, |x| x.to_string().len());
    grid(m.shape(), |i, j| m[(i, j)].to_string(), w, 3, width)
}

/// Exact values in the default format, laid out by [`readable::layout`].
fn exact_body(m: &DMatrix<Rat>, width: usize) -> String {
    let scalar = m.len() == 1;
    match readable::layout(m) {
        Layout::Fractions if scalar => format!("{}\n", m[0]),
        Layout::Fractions => rat_matrix_body(m, width),
        Layout::Decimals(_) if scalar => format!("{}\n", readable::decimal_text(&m[0], 0)),
        Layout::Decimals(k) => {
            let w = widest(m, |x| readable::decimal_text(x, k).len());
            grid(
                m.shape(),
                |i, j| readable::decimal_text(&m[(i, j)], k),
                w,
                3,
                width,
            )
        }
        Layout::Rounded => {
            let floats = Value::Real(crate::exact::matrix::to_f64(m).into());
            body(&floats, Format::default(), width) + readable::ROUNDED_NOTE
        }
    }
}

/// A float matrix shown as close fractions (`format rat`): the first
/// continued-fraction convergent within the display tolerance.
fn approx_rat(m: &DMatrix<f64>) -> Option<DMatrix<Rat>> {
    let rats: Option<Vec<Rat>> = m
        .iter()
        .map(|&x| Rat::convergent_from_f64(x, 1e-6))
        .collect();
    rats.map(|v| DMatrix::from_vec(m.nrows(), m.ncols(), v))
}

/// The body of a value without its name: what `disp` prints.
pub fn body(v: &Value, fmt: Format, width: usize) -> String {
    let (r, c) = v.dims();
    if let (Numbers::Rat, Value::Real(m)) = (fmt.numbers, v) {
        if let Some(q) = approx_rat(m).filter(|_| r * c > 0) {
            return body(&Value::Exact(q.into()), fmt, width);
        }
    }
    match v {
        Value::Exact(m) if fmt.numbers == Numbers::Default && r * c > 0 => exact_body(m, width),
        Value::Exact(m) if !fmt.fractions() => body(
            &Value::Real(crate::exact::matrix::to_f64(m).into()),
            fmt,
            width,
        ),
        Value::Exact(m) if r * c == 1 => format!("{}\n", m[0]),
        Value::Quad(_) if !fmt.fractions() => body(&v.clone().to_float(), fmt, width),
        Value::Quad(m) if r * c == 1 => format!("{}\n", m[0]),
        Value::Str(s) => format!("{s}\n"),
        Value::Func(f) => format!("{}\n", func_text(f)),
        Value::Struct(fields) => struct_body(fields, fmt, width),
        Value::Cell(m) => cell_body(m, fmt, width),
        _ if r * c == 0 => format!("[]({r}x{c})\n"),
        Value::Real(m) if r * c == 1 => format!("{}\n", real_scalar(m[0], fmt)),
        Value::Complex(m) if r * c == 1 => format!("{}\n", complex_scalar(m[0], fmt)),
        Value::Bool(m) if r * c == 1 => format!("{}\n", u8::from(m[0])),
        Value::Real(m) => real_matrix_body(m, fmt, width),
        Value::Complex(m) => complex_matrix_body(m, fmt, width),
        Value::Bool(m) => bool_matrix_body(m, width),
        Value::Exact(m) => rat_matrix_body(m, width),
        Value::Quad(m) => quad_matrix_body(m, width),
    }
}

/// A structure as Octave shows it: a heading, then `field = value` indented.
fn struct_body(fields: &[(String, Value)], fmt: Format, width: usize) -> String {
    let mut out = String::from("  scalar structure containing the fields:\n\n");
    for (n, v) in fields {
        for line in display(n, v, fmt, width.saturating_sub(4)).lines() {
            out.push_str(if line.is_empty() { "" } else { "    " });
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A cell as Octave shows it: `{`, each element as `[i,j] = value` in
/// column-major order indented by two, `}`; an empty one as `{}(0x0)`.
fn cell_body(m: &super::cell::CellMat, fmt: Format, width: usize) -> String {
    let (r, c) = m.shape();
    if r * c == 0 {
        return format!("{{}}({r}x{c})\n");
    }
    let mut out = String::from("{\n");
    for j in 0..c {
        for i in 0..r {
            let name = format!("[{},{}]", i + 1, j + 1);
            let v = &m[(i, j)].0;
            let text = match v {
                // Octave shows a handle inside a cell on its name's line.
                Value::Func(f) => format!("{name} = {}\n", func_text(f)),
                _ => display(&name, v, fmt, width.saturating_sub(2)),
            };
            for line in text.lines() {
                out.push_str(if line.is_empty() { "" } else { "  " });
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.push_str("}\n");
    out
}

pub fn func_text(f: &Func) -> String {
    match f {
        Func::Lambda { def, .. } => def.text.clone(),
        Func::Named(n) => format!("@{n}"),
        Func::User(d) => format!("@{}", d.name),
    }
}

/// `name = value` as Octave shows it after a statement without `;`.
pub fn display(name: &str, v: &Value, fmt: Format, width: usize) -> String {
    let (r, c) = v.dims();
    let inline = r * c == 1 || r * c == 0 || matches!(v, Value::Str(_));
    if inline && !matches!(v, Value::Func(_) | Value::Struct(_) | Value::Cell(_)) || r * c == 0 {
        format!("{name} = {}", body(v, fmt, width))
    } else if let Value::Cell(m) = v {
        // Octave puts no blank line between `c =` and the cell's `{`.
        let gap = if fmt.compact { "" } else { "\n" };
        format!("{name} =\n{}{gap}", cell_body(m, fmt, width))
    } else {
        let gap = if fmt.compact { "" } else { "\n" };
        format!("{name} =\n{gap}{}{gap}", body(v, fmt, width))
    }
}

// ---------------------------------------------------------------- JSON

fn json_real(x: f64) -> serde_json::Value {
    match special(x) {
        Some(s) => serde_json::Value::from(s),
        None if x.fract() == 0.0 && x.abs() < 9.0e15 => serde_json::Value::from(x as i64),
        None => serde_json::Value::from(x),
    }
}

fn json_complex(z: C64) -> serde_json::Value {
    serde_json::json!({ "re": json_real(z.re), "im": json_real(z.im) })
}

/// `{"cols":c,"data":[[...]],"rows":r}` (a scalar for 1x1), written straight to
/// text: a large matrix then costs its output, not a tree of JSON values.
fn json_matrix_text<T: nalgebra::Scalar>(
    m: &DMatrix<T>,
    f: impl Fn(&T) -> serde_json::Value,
) -> String {
    let (r, c) = m.shape();
    if r * c == 1 {
        return f(&m[0]).to_string();
    }
    let mut out = format!("{{\"cols\":{c},\"data\":[");
    for i in 0..r {
        out.push_str(if i == 0 { "[" } else { ",[" });
        for j in 0..c {
            if j > 0 {
                out.push(',');
            }
            out.push_str(&f(&m[(i, j)]).to_string());
        }
        out.push(']');
    }
    out.push_str(&format!("],\"rows\":{r}}}"));
    out
}

/// One line: `{"name":"x","value":V}`.
pub fn json_line(name: &str, v: &Value) -> String {
    format!(
        "{{\"name\":{},\"value\":{},{}}}",
        serde_json::Value::from(name),
        json_value(v),
        json_kind(v)
    )
}

/// The JSON text of a value (a structure is an object of its fields).
fn json_value(v: &Value) -> String {
    match v {
        Value::Exact(m) => json_matrix_text(m, |x| json_real(x.to_f64())),
        Value::Quad(m) if m.iter().all(Quad::is_real) => {
            json_matrix_text(m, |x| json_real(x.re_f64()))
        }
        Value::Quad(m) => json_matrix_text(m, |x| json_complex(C64::new(x.re_f64(), x.im_f64()))),
        Value::Real(m) => json_matrix_text(m, |x| json_real(*x)),
        Value::Complex(m) => json_matrix_text(m, |z| json_complex(*z)),
        Value::Bool(m) => json_matrix_text(m, |b| serde_json::Value::Bool(*b)),
        Value::Str(t) => serde_json::Value::from(t.as_str()).to_string(),
        Value::Func(f) => serde_json::Value::from(func_text(f)).to_string(),
        Value::Struct(fields) => {
            let body = fields
                .iter()
                .map(|(n, v)| format!("{}:{}", serde_json::Value::from(n.as_str()), json_value(v)))
                .collect::<Vec<_>>();
            format!("{{{}}}", body.join(","))
        }
        // A vector cell is an array of its elements, a matrix one an array of rows.
        Value::Cell(m) => {
            let elems = |it: &mut dyn Iterator<Item = &super::cell::Elem>| {
                let parts: Vec<String> = it.map(|e| json_value(&e.0)).collect();
                format!("[{}]", parts.join(","))
            };
            if m.nrows() <= 1 || m.ncols() == 1 {
                elems(&mut m.iter())
            } else {
                let rows: Vec<String> = m.row_iter().map(|r| elems(&mut r.iter())).collect();
                format!("[{}]", rows.join(","))
            }
        }
    }
}

/// The keys a grader uses to tell values apart: `"class"` as Octave's
/// `class` names it (exact numbers are doubles to the language), `"complex":
/// true` for complex values, and for exact values `"exact"`: the value as
/// exact text (`"1/3"`, or rows of such strings), every digit kept.
pub fn json_kind(v: &Value) -> String {
    let class = v.class_name();
    let mut out = format!("\"class\":\"{class}\"");
    match v {
        Value::Complex(_) => out.push_str(",\"complex\":true"),
        Value::Cell(m) => out.push_str(&format!(",\"size\":[{},{}]", m.nrows(), m.ncols())),
        Value::Exact(m) => out.push_str(&format!(",\"exact\":{}", exact_json(m))),
        Value::Quad(m) => {
            if !m.iter().all(Quad::is_real) {
                out.push_str(",\"complex\":true");
            }
            out.push_str(&format!(",\"exact\":{}", exact_json(m)));
        }
        _ => {}
    }
    out
}

/// The exact text of each entry (`"1/3"`, or rows of such strings).
fn exact_json<T: nalgebra::Scalar + std::fmt::Display>(m: &DMatrix<T>) -> serde_json::Value {
    if m.len() == 1 {
        return serde_json::Value::from(m[0].to_string());
    }
    serde_json::Value::from(
        (0..m.nrows())
            .map(|i| {
                serde_json::Value::from(
                    (0..m.ncols())
                        .map(|j| serde_json::Value::from(m[(i, j)].to_string()))
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>(),
    )
}
