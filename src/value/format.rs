//! Display of values, Octave style (`format short` / `format long`), and the
//! `--json` encoding. Pure functions from values to text.

use crate::exact::{Quad, Rat};
use crate::linalg::C64;
use crate::value::numfmt::{
    choose, choose_complex, choose_complex_scalar, entry, general_string, special,
    two_digit_exponents, width_of, NumFmt,
};
pub use crate::value::numfmt::{Format, Numbers};
use crate::value::readable::{self, Layout};
use crate::value::{Func, Value};
use nalgebra::DMatrix;

/// A real number the way Octave shows a scalar (`3.1416`, `7`, `1.0000e-10`).
pub fn real_scalar(x: f64, fmt: Format) -> String {
    let f = choose(&[x], fmt);
    entry(if x == 0.0 { 0.0 } else { x }, f)
}

/// Compact form for messages.
pub fn short_number(x: f64) -> String {
    real_scalar(x, Format::of(Numbers::Short))
}

/// A subscript in an index error as Octave writes it (`%g`: `2.25`,
/// `0.333333`, `1e+20`), but in full where `%g` would make it look like an
/// integer (`10000000000.5`; Octave writes `1e+10-0.5`).
pub fn subscript_text(x: f64) -> String {
    if let Some(s) = special(x) {
        return s.to_string();
    }
    let g = general_string(x, 6);
    match g.parse::<f64>() {
        Ok(y) if y.fract() == 0.0 && x.fract() != 0.0 => format!("{x}"),
        _ => g,
    }
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

/// A complex number in few characters (`num2str`): `3 + 4i`.
pub fn complex_scalar(z: C64, fmt: Format) -> String {
    let f = choose(&[z.re, z.im], fmt);
    let (re, sign, im) = complex_parts(z, f);
    format!("{re} {sign} {im}i")
}

/// The texts of a complex entry's parts: real part, sign, imaginary magnitude.
type Parts = (String, char, String);

/// Width of the wider part (the real part's sign aside).
fn part_width((re, _, im): &Parts) -> usize {
    re.trim_start_matches('-').len().max(im.len())
}

/// A complex entry as Octave lays it out: both parts right-aligned in one
/// width `wi` (the widest magnitude), the real one a column wider for its
/// sign, the sign in a fixed place: ` 3 + 4i`, `      0 - 0.5000i`.
fn complex_cell((re, sign, im): Parts, wi: usize) -> String {
    let wr = wi + 1;
    format!("{re:>wr$} {sign} {im:>wi$}i")
}

/// A complex scalar as Octave displays it (`z =  3 + 4i`, `disp`).
fn complex_scalar_display(z: C64, fmt: Format) -> String {
    let parts = complex_parts(z, choose_complex_scalar(z, fmt));
    let wi = part_width(&parts);
    complex_cell(parts, wi)
}

/// Column layout: cells right-aligned in `width` after `sep` spaces, and
/// the width a column counts for when a wide matrix is split into blocks.
struct Columns {
    width: usize,
    sep: usize,
    counted: usize,
}

/// Rows of right-aligned cells, `sep` spaces before each of `col_width`.
fn grid(
    shape: (usize, usize),
    cell: impl Fn(usize, usize) -> String,
    col_width: usize,
    sep: usize,
    width: usize,
) -> String {
    let columns = Columns {
        width: col_width,
        sep,
        counted: col_width + sep,
    };
    grid_of(shape, cell, columns, width)
}

/// Rows of cells laid out by `columns`, split into column blocks to fit
/// `width`. Cells are produced on demand so a huge matrix costs only its
/// output text.
fn grid_of(
    shape: (usize, usize),
    cell: impl Fn(usize, usize) -> String,
    columns: Columns,
    width: usize,
) -> String {
    let (r, c) = shape;
    // As Octave: a row of exactly `width` characters still fits.
    let per_block = (width / columns.counted).max(1);
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
                out.push_str(&format!(
                    "{:>w$}",
                    cell(i, j),
                    w = columns.width + columns.sep
                ));
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
    let f = choose_complex(m.as_slice(), fmt);
    complex_grid(m.shape(), |i, j| complex_parts(m[(i, j)], f), width)
}

/// Complex entries in columns as Octave lays them out, from their parts'
/// texts (floats as the format writes them, exact Gaussian numbers as
/// integers or decimals): one part width for every entry, the widest magnitude.
fn complex_grid(
    (r, c): (usize, usize),
    parts: impl Fn(usize, usize) -> Parts,
    width: usize,
) -> String {
    let wi = (0..c)
        .flat_map(|j| (0..r).map(move |i| (i, j)))
        .map(|(i, j)| part_width(&parts(i, j)))
        .max()
        .unwrap_or(1);
    let wr = wi + 1;
    // Octave counts a complex column one character wider than it prints
    // when it splits a wide matrix into blocks.
    let columns = Columns {
        width: wr + wi + 4,
        sep: 2,
        counted: wr + wi + 7,
    };
    grid_of((r, c), |i, j| complex_cell(parts(i, j), wi), columns, width)
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

/// The parts of the Gaussian number `re + im*i` at (i, j), each with `k`
/// decimals so the points of a column line up.
fn gaussian_text<'a>(
    re: &'a DMatrix<Rat>,
    im: &'a DMatrix<Rat>,
    k: usize,
) -> impl Fn(usize, usize) -> Parts + 'a {
    move |i, j| {
        let b = &im[(i, j)];
        let sign = if b.is_negative() { '-' } else { '+' };
        let re = readable::decimal_text(&re[(i, j)], k);
        (re, sign, readable::decimal_text(&b.abs(), k))
    }
}

/// Exact quadratic numbers in the default format: as typed, except that
/// Gaussian integers, and Gaussian rationals with long parts (as decimals,
/// [`readable::gaussian_layout`]), are laid out in columns as complex floats are.
fn quad_body(m: &DMatrix<Quad>, width: usize) -> String {
    use crate::exact::render;
    let as_typed = || match m.len() {
        1 => format!("{}\n", m[0]),
        _ => quad_matrix_body(m, width),
    };
    let Some((re, im)) = readable::gaussian_parts(m) else {
        return as_typed();
    };
    match readable::gaussian_layout(&re, &im) {
        // A scalar as typed.
        Layout::Decimals(_) if m.len() == 1 => {
            let (a, sign, b) = gaussian_text(&re, &im, 0)(0, 0);
            format!("{a} {sign} {b}i\n")
        }
        Layout::Decimals(k) => complex_grid(m.shape(), gaussian_text(&re, &im, k), width),
        // Gaussian integers in columns as Octave's complex integers (`0 - 4i`).
        Layout::Fractions if m.len() > 1 && re.iter().chain(&im).all(Rat::is_integer) => {
            complex_grid(m.shape(), gaussian_text(&re, &im, 0), width)
        }
        Layout::Rounded if !re.iter().chain(&im).any(render::beyond_double) => {
            let floats = Value::Quad(m.clone().into()).to_float();
            let note = match &floats {
                Value::Complex(c) => gaussian_note(c, &re, &im),
                _ => readable::ROUNDED_NOTE,
            };
            body(&floats, Format::default(), width) + note
        }
        _ => as_typed(),
    }
}

/// The rounding note for the Gaussian rationals `re + im*i` shown as the
/// complex floats `c`: each part as the complex display writes it.
fn gaussian_note(c: &DMatrix<C64>, re: &DMatrix<Rat>, im: &DMatrix<Rat>) -> &'static str {
    let f = match c.as_slice() {
        [z] => choose_complex_scalar(*z, Format::default()),
        all => choose_complex(all, Format::default()),
    };
    let shown = c.iter().zip(re.iter().zip(im)).flat_map(|(&z, (a, b))| {
        let (r, sign, i) = complex_parts(z, f);
        [(r, a), (format!("{sign}{i}"), b)]
    });
    readable::rounded_note(shown)
}

/// Exact values in the default format, laid out by [`readable::layout`].
fn exact_body(m: &DMatrix<Rat>, width: usize) -> String {
    use crate::exact::render;
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
        // Beyond the doubles' range the rounded floats would be Inf or 0.
        Layout::Rounded if m.iter().any(render::beyond_double) => {
            let text = |i, j| render::scientific(&m[(i, j)]);
            let note = readable::rounded_note(m.iter().map(|x| (render::scientific(x), x)));
            if scalar {
                return format!("{}\n", text(0, 0)) + note;
            }
            let w = widest(m, |x| render::scientific(x).len());
            grid(m.shape(), text, w, 3, width) + note
        }
        Layout::Rounded => {
            let floats = crate::exact::matrix::to_f64(m);
            // As the float display writes them (one format for the whole matrix).
            let f = choose(floats.as_slice(), Format::default());
            let note =
                readable::rounded_note(m.iter().zip(&floats).map(|(x, &v)| (entry(v, f), x)));
            body(&Value::Real(floats.into()), Format::default(), width) + note
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
        Value::Quad(m) if fmt.numbers == Numbers::Default && r * c > 0 => quad_body(m, width),
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
        Value::Complex(m) if r * c == 1 => format!("{}\n", complex_scalar_display(m[0], fmt)),
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
