//! Cell arrays: making them (`cell`, `num2cell`), testing them (`iscell`,
//! `iscellstr`), mapping a function over them (`cellfun`, sharing its core
//! with `arrayfun`) and the string functions whose result or input is a cell
//! of strings (`strsplit`, `strjoin`).

use super::ctx::Ctx;
use super::{one, Args, Builtin, Topic, MANY};
use crate::error::{LaError, Result};
use crate::value::cell::{CellMat, Elem};
use crate::value::{Func, Value};
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[
    builtin!(
        "cell",
        0,
        2,
        1,
        Topic::Basics,
        "cell(n), cell(m, n)",
        "An n x n (or m x n) cell array whose elements are all the empty matrix [].",
        &["cell(m, n){i, j} = [] for every i, j"],
        &[">> c = cell(1, 2)", "c =", "{", "  [1,1] = [](0x0)", "  [1,2] = [](0x0)", "}", ""],
        &["num2cell", "iscell", "cellfun"],
        cell
    ),
    builtin!(
        "iscell",
        1,
        1,
        1,
        Topic::Basics,
        "iscell(x)",
        "True for cell arrays ({1, 'a'}).",
        &[],
        &[">> [iscell({1, 'a'}), iscell([1 2])]", "ans =", "", "  1  0", ""],
        &["iscellstr", "class"],
        |_, a| one(Value::bool(matches!(a.vals[0], Value::Cell(_))))
    ),
    builtin!(
        "iscellstr",
        1,
        1,
        1,
        Topic::Basics,
        "iscellstr(x)",
        "True for a cell array whose every element is a string.",
        &[],
        &[">> [iscellstr({'a', 'bc'}), iscellstr({'a', 1})]", "ans =", "", "  1  0", ""],
        &["iscell", "ischar"],
        |_, a| one(Value::bool(a.vals[0].is_cellstr()))
    ),
    builtin!(
        "num2cell",
        1,
        1,
        1,
        Topic::Basics,
        "num2cell(A)",
        "A cell array of A's shape holding each element of A in its own cell.",
        &["num2cell(A){i, j} = A(i, j)"],
        &[">> c = num2cell([1 2])", "c =", "{", "  [1,1] = 1", "  [1,2] = 2", "}", ""],
        &["cell", "cellfun"],
        num2cell
    ),
    builtin!(
        "cellfun",
        2,
        MANY,
        MANY,
        Topic::Basics,
        "cellfun(f, c), cellfun(f, c, d, ...), cellfun(f, c, 'UniformOutput', false)",
        concat!(
            "f (a handle or a function's name, such as 'isempty' or 'length') applied to ",
            "the contents of each element of c (and the matching elements of d, ...). ",
            "Each call must return one scalar, and the results form a matrix of c's ",
            "shape; with 'UniformOutput', false they form a cell array instead."
        ),
        &["cellfun(f, c)(i, j) = f(c{i, j})"],
        &[
            ">> cellfun(@length, {'ab', [1 2 3], []})",
            "ans =",
            "",
            "   2   3   0",
            "",
            ">> cellfun(@(x) [x x], {1, 'a'}, 'UniformOutput', false)",
            "ans =",
            "{",
            "  [1,1] =",
            "",
            "     1   1",
            "",
            "  [1,2] = aa",
            "}",
            "",
        ],
        &["arrayfun", "num2cell"],
        cellfun
    ),
    builtin!(
        "strsplit",
        1,
        4,
        1,
        Topic::Output,
        "strsplit(s), strsplit(s, delimiter), strsplit(s, {d1, d2}), strsplit(s, d, 'CollapseDelimiters', false)",
        concat!(
            "The pieces of s between the delimiters (default a space), as a 1xN cell of ",
            "strings. Runs of delimiters count as one unless 'CollapseDelimiters' is false ",
            "(as Octave)."
        ),
        &[],
        &[
            ">> strsplit('a,b,,c', ',')",
            "ans =",
            "{",
            "  [1,1] = a",
            "  [1,2] = b",
            "  [1,3] = c",
            "}",
            "",
        ],
        &["strjoin", "strtrim", "strrep"],
        strsplit
    ),
    builtin!(
        "strjoin",
        1,
        2,
        1,
        Topic::Output,
        "strjoin(c), strjoin(c, delimiter)",
        "The strings of the cell c joined into one, with delimiter (default a space) between them.",
        &[],
        &[">> strjoin({'x', 'y', 'z'}, ' + ')", "ans = x + y + z"],
        &["strsplit", "strcat"],
        strjoin
    ),
];

fn cell(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let r = if a.is_empty() { 0 } else { a.usize(0)? };
    let c = if a.len() == 2 { a.usize(1)? } else { r };
    it.check_alloc("cell", r as f64, c as f64, 8)?;
    one(Value::cell(CellMat::from_element(r, c, Elem::default())))
}

fn num2cell(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = &a.vals[0];
    if let Value::Cell(_) = v {
        return Err(a.wrong(0, "a matrix or string"));
    }
    let vals = (0..v.numel()).map(|k| v.element(k)).collect();
    one(Value::cell_shaped(vals, v.dims()))
}

/// Where the inputs end and whether results are uniform: a trailing
/// `'UniformOutput', tf` pair is read and removed; other options are refused.
pub(super) fn uniform_option(a: &Args) -> Result<(usize, bool)> {
    let n = a.len();
    match a.str(n.saturating_sub(2)) {
        Some(s) if n >= 4 && s.eq_ignore_ascii_case("UniformOutput") => {
            Ok((n - 2, a.vals[n - 1].is_true(a.name)?))
        }
        Some(s) if n >= 4 && s.eq_ignore_ascii_case("ErrorHandler") => Err(LaError::eval(format!(
            "{}: the 'ErrorHandler' option is not supported (use try/catch inside the function)",
            a.name
        ))),
        _ => Ok((n, true)),
    }
}

/// `f` called on the k-th element of every input list in turn: the shared
/// core of `arrayfun` and `cellfun`. Uniform results must be scalars and form
/// matrices of `dims`; otherwise each output is a cell of `dims`.
pub(super) fn map_elements(
    it: &mut dyn Ctx,
    f: &Func,
    inputs: Vec<Vec<Value>>,
    dims: (usize, usize),
    uniform: bool,
    a: &Args,
) -> Result<Vec<Value>> {
    let n = dims.0 * dims.1;
    let outs = a.nargout.max(1);
    let mut results: Vec<Vec<Value>> = vec![Vec::with_capacity(n); outs];
    for k in 0..n {
        let args = inputs.iter().map(|list| list[k].clone()).collect();
        let vals = it.call(f, args, a.nargout, a.span)?;
        if vals.is_empty() && a.nargout == 0 {
            // A function that returns nothing (`cellfun(@disp, c)`) is called for its effect.
            continue;
        }
        for (o, out) in results.iter_mut().enumerate() {
            match vals.get(o) {
                Some(v) if !uniform || v.numel() == 1 => out.push(v.clone()),
                _ => {
                    return Err(LaError::eval(format!(
                        "{}: all values must be scalars when UniformOutput = true; \
                         use the 'UniformOutput', false option to collect them in a cell",
                        a.name
                    )))
                }
            }
        }
    }
    if n > 0 && results[0].is_empty() {
        return Ok(Vec::new());
    }
    results
        .into_iter()
        .map(|vals| match uniform {
            true => shaped(vals, dims),
            false => Ok(Value::cell_shaped(vals, dims)),
        })
        .collect()
}

/// Scalars in column-major order, as a matrix of `dims`.
fn shaped(vals: Vec<Value>, (r, c): (usize, usize)) -> Result<Value> {
    if vals.is_empty() {
        return Ok(Value::real(crate::linalg::RMat::zeros(r, c)));
    }
    let rows = (0..r)
        .map(|i| (0..c).map(|j| vals[i + j * r].clone()).collect())
        .collect();
    crate::ops::index::concat(rows)
}

/// The common size of the inputs `vals` (arguments `first + 1`, ...), or the error naming the odd one.
pub(super) fn same_dims(a: &Args, vals: &[Value], first: usize) -> Result<(usize, usize)> {
    let dims = vals[0].dims();
    if let Some(k) = vals.iter().position(|v| v.dims() != dims) {
        let (r, c) = vals[k].dims();
        return Err(LaError::eval(format!(
            "{}: all the input arguments must have the same size (argument {} is {r}x{c}, argument {} is {}x{})",
            a.name,
            first + k + 1,
            first + 1,
            dims.0,
            dims.1
        )));
    }
    Ok(dims)
}

fn cellfun(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let f = function(&a, 0)?;
    let (n, uniform) = uniform_option(&a)?;
    let mut inputs = Vec::with_capacity(n - 1);
    for k in 1..n {
        match &a.vals[k] {
            Value::Cell(m) => inputs.push(m.iter().map(|e| e.0.clone()).collect()),
            _ => return Err(a.wrong(k, "a cell array")),
        }
    }
    let dims = same_dims(&a, &a.vals[1..n], 1)?;
    map_elements(it, &f, inputs, dims, uniform, &a)
}

/// The strings of a cell argument (`what` names it in the error).
fn strings(a: &Args, k: usize, what: &str) -> Result<Vec<String>> {
    match a.val(k)? {
        Value::Cell(m) if a.vals[k].is_cellstr() => Ok(m
            .iter()
            .filter_map(|e| e.0.as_str().map(str::to_string))
            .collect()),
        _ => Err(a.wrong(k, what)),
    }
}

fn strsplit(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let s = a.string(0)?;
    let delims = match a.get(1) {
        None => vec![" ".to_string()],
        Some(Value::Str(d)) => vec![d.clone()],
        Some(_) => strings(&a, 1, "a string or a cell of strings")?,
    };
    if delims.iter().any(String::is_empty) {
        return Err(LaError::eval("strsplit: a delimiter cannot be empty"));
    }
    let collapse = match a.len() {
        4 if a
            .str(2)
            .is_some_and(|o| o.eq_ignore_ascii_case("CollapseDelimiters")) =>
        {
            a.vals[3].is_true("strsplit")?
        }
        2 | 1 => true,
        _ => {
            return Err(a.wrong(
                2,
                "the option 'CollapseDelimiters' followed by true or false",
            ))
        }
    };
    let mut pieces = vec![String::new()];
    let mut rest = s;
    let mut after_delim = false;
    while !rest.is_empty() {
        // The longest delimiter that starts here, as Octave tries them.
        match delims
            .iter()
            .filter(|d| rest.starts_with(d.as_str()))
            .max_by_key(|d| d.len())
        {
            Some(d) => {
                if !(collapse && after_delim) {
                    pieces.push(String::new());
                }
                after_delim = true;
                rest = &rest[d.len()..];
            }
            None => {
                let c = rest.chars().next().unwrap_or_default();
                if let Some(p) = pieces.last_mut() {
                    p.push(c);
                }
                after_delim = false;
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    one(Value::cell_row(
        pieces.into_iter().map(Value::Str).collect(),
    ))
}

fn strjoin(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let parts = strings(&a, 0, "a cell of strings")?;
    let delim = if a.len() == 2 { a.string(1)? } else { " " };
    one(Value::str(parts.join(delim)))
}

/// `strcmp`/`strcmpi`: one answer for two values (false unless both are
/// strings and `same`), or one per element when either is a cell, as Octave.
pub(super) fn string_compare(a: &Args, same: fn(&str, &str) -> bool) -> Result<Vec<Value>> {
    let test =
        |x: &Value, y: &Value| matches!((x.as_str(), y.as_str()), (Some(p), Some(q)) if same(p, q));
    let (x, y) = (&a.vals[0], &a.vals[1]);
    let (cell, other) = match (x, y) {
        (Value::Cell(m), _) => (m, y),
        (_, Value::Cell(m)) => (m, x),
        _ => return one(Value::bool(test(x, y))),
    };
    let at = |k: usize| match other {
        Value::Cell(o) if o.len() == 1 => o[0].0.clone(),
        Value::Cell(o) => o[k].0.clone(),
        v => v.clone(),
    };
    if let Value::Cell(o) = other {
        if o.len() != 1 && cell.len() != 1 && o.shape() != cell.shape() {
            return Err(LaError::eval(format!(
                "{}: nonconformant cell arrays ({}x{} vs {}x{})",
                a.name,
                x.dims().0,
                x.dims().1,
                y.dims().0,
                y.dims().1
            )));
        }
        if cell.len() == 1 && o.len() != 1 {
            let answers = o.map(|e| test(&cell[0].0, &e.0));
            return one(Value::Bool(answers.into()));
        }
    }
    let answers = crate::value::BMat::from_fn(cell.nrows(), cell.ncols(), |i, j| {
        test(&cell[(i, j)].0, &at(i + j * cell.nrows()))
    });
    one(Value::Bool(answers.into()))
}

/// `sort` of a cell of strings: in character-code order (stable), with the
/// original positions as the second output.
pub(super) fn sort_cellstr(a: &Args, descend: bool) -> Result<Vec<Value>> {
    let Value::Cell(m) = &a.vals[0] else {
        return Err(a.wrong(0, "a cell of strings"));
    };
    if !a.vals[0].is_cellstr() || a.vals[1..].iter().any(|v| v.as_str().is_none()) {
        return Err(LaError::eval(
            "sort: a cell array must hold only strings, and is sorted as a whole (no dim argument)",
        ));
    }
    let mut order: Vec<usize> = (0..m.len()).collect();
    let key = |k: usize| m[k].0.as_str().unwrap_or_default();
    order.sort_by(|&x, &y| {
        let o = key(x).cmp(key(y));
        if descend {
            o.reverse()
        } else {
            o
        }
    });
    let sorted = order.iter().map(|&k| m[k].0.clone()).collect();
    let positions: Vec<f64> = order.iter().map(|&k| (k + 1) as f64).collect();
    let dims = m.shape();
    Ok(vec![
        Value::cell_shaped(sorted, dims),
        Value::real(crate::linalg::RMat::from_vec(dims.0, dims.1, positions)),
    ])
}

/// Argument `k` as a function: a handle, or the name of one.
pub(super) fn function(a: &Args, k: usize) -> Result<Rc<Func>> {
    match a.val(k)? {
        Value::Func(f) => Ok(f.clone()),
        Value::Str(s) => Ok(Rc::new(Func::Named(s.clone()))),
        _ => Err(a.wrong(k, "a function handle or a function name")),
    }
}
