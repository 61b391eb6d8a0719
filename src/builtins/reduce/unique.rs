//! `unique`: the distinct elements (or rows) of an array in sorted order, or
//! in order of first appearance, with the index vectors that map between
//! the array and them, as Octave's. Every NaN is distinct; exact input stays
//! exact; a cell of strings gives a cell.

use super::super::ctx::Ctx;
use super::super::{Args, Builtin, Doc, Topic};
use super::order;
use crate::error::{LaError, Result};
use crate::exact::Rat;
use crate::linalg::RMat;
use crate::value::cell::Elem;
use crate::value::{NumKind, Value};
use nalgebra::{DMatrix, Scalar};
use std::cmp::Ordering;

pub static BUILTINS: &[Builtin] = &[Builtin {
    name: "unique",
    quad_aware: true,
    any_field: false,
    min_args: 1,
    max_args: 3,
    max_out: 3,
    heavy: false,
    doc: Doc {
        topic: Topic::Reductions,
        signature: concat!(
            "unique(x), [u, i, j] = unique(x), unique(A, 'rows'), ",
            "unique(x, 'stable'), unique(x, 'first'), unique(x, 'last')"
        ),
        summary: concat!(
            "The distinct elements of x, sorted (complex ones by modulus, then angle), ",
            "a row for a row vector and a column otherwise; each NaN counts as distinct. ",
            "With 'rows', the distinct rows of A. u = x(i) and x = u(j), both column ",
            "vectors; i holds first occurrences ('last': last ones). 'stable' keeps the ",
            "order of first appearance. A cell of strings gives a cell; exact input ",
            "stays exact."
        ),
        math: &["u = x(i), x = u(j)"],
        example: &[
            ">> [u, i, j] = unique([3 1 3 2])",
            "u =",
            "",
            "   1   2   3",
            "",
            "i =",
            "",
            "   2",
            "   4",
            "   1",
            "",
            "j =",
            "",
            "   3",
            "   1",
            "   3",
            "   2",
            "",
            ">> unique([3 1 3 2], 'stable')",
            "ans =",
            "",
            "   3   1   2",
            "",
        ],
        related: &["sort", "max", "min"],
    },
    run: unique,
}];

/// The options given: rows of a matrix instead of elements, first-appearance
/// order, and the last occurrence in `i` instead of the first.
#[derive(Default, Clone, Copy)]
struct Opts {
    rows: bool,
    stable: bool,
    last: bool,
}

fn options(a: &Args) -> Result<Opts> {
    let mut o = Opts::default();
    let (mut order, mut which) = (None, None);
    for k in 1..a.len() {
        let word = a
            .val(k)?
            .as_str()
            .ok_or_else(|| a.wrong(k, "an option string"))?;
        let clash = |what: &str, old: Option<&str>| match old {
            Some(prev) if !prev.eq_ignore_ascii_case(word) => Err(LaError::eval(format!(
                "unique: '{prev}' and '{word}' cannot both be given ({what})"
            ))),
            _ => Ok(()),
        };
        match word.to_ascii_lowercase().as_str() {
            "rows" => o.rows = true,
            "sorted" | "stable" => {
                clash("the order of u", order)?;
                order = Some(word);
                o.stable = word.eq_ignore_ascii_case("stable");
            }
            "first" | "last" => {
                clash("which occurrence i holds", which)?;
                which = Some(word);
                o.last = word.eq_ignore_ascii_case("last");
            }
            _ => {
                return Err(LaError::eval(format!(
                    "unique: unknown option '{word}' (the options are 'rows', 'sorted', \
                     'stable', 'first' and 'last')"
                )))
            }
        }
    }
    if let (Some(s), Some(w)) = (order, which) {
        return Err(LaError::eval(format!(
            "unique: '{w}' cannot go with '{s}' (as in Octave); '{w}' alone gives sorted output"
        )));
    }
    Ok(o)
}

fn unique(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let o = options(&a)?;
    let v = a.val(0)?;
    let dims = v.dims();
    let (u, i, j) = match v {
        Value::Cell(m) => {
            if !v.is_cellstr() {
                return Err(a.wrong(0, "a numeric array or a cell array of strings"));
            }
            if o.rows {
                return Err(LaError::eval(
                    "unique: 'rows' applies to a matrix, not to a cell array of strings",
                ));
            }
            fn text(e: &Elem) -> &str {
                e.0.as_str().unwrap_or_default()
            }
            let (u, i, j) = distinct(m, o, |x, y| text(x).cmp(text(y)), |x, y| text(x) == text(y));
            (Value::cell(shaped(u, dims, o)), i, j)
        }
        Value::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let m = DMatrix::from_row_slice(usize::from(!chars.is_empty()), chars.len(), &chars);
            let (u, i, j) = distinct(&m, o, char::cmp, |x, y| x == y);
            (Value::Str(u.iter().collect()), i, j)
        }
        Value::Func(_) | Value::Struct(_) => {
            return Err(a.wrong(0, "a numeric array or a cell array of strings"))
        }
        Value::Bool(m) => {
            let (u, i, j) = distinct(m, o, bool::cmp, |x, y| x == y);
            (Value::Bool(shaped(u, dims, o).into()), i, j)
        }
        Value::Exact(m) => {
            let (u, i, j) = distinct(m, o, Rat::cmp, |x, y| x == y);
            (Value::exact(shaped(u, dims, o)), i, j)
        }
        Value::Quad(m) if order::quad(m.iter()).is_some() => {
            let cmp = order::quad(m.iter()).ok_or_else(|| LaError::internal("unique: order"))?;
            let (u, i, j) = distinct(m, o, cmp, |x, y| x == y);
            (Value::quad(shaped(u, dims, o)), i, j)
        }
        _ if v.num_kind() == Some(NumKind::Complex) => {
            let m = a.complex(0)?;
            let (u, i, j) = distinct(&m, o, order::complex, |x, y| x == y);
            (Value::Complex(shaped(u, dims, o).into()), i, j)
        }
        _ => {
            let m = a.real(0)?;
            let (u, i, j) = distinct(&m, o, order::real, |x, y| x == y);
            (Value::Real(shaped(u, dims, o).into()), i, j)
        }
    };
    Ok(vec![u, index_column(&i), index_column(&j)])
}

/// The distinct elements of `m` (its rows with 'rows': `m` as given), the
/// positions `i` they come from and `j` of each element (or row) in them.
/// Sorted by `cmp` (stably, so ties keep their order), grouped by `eq`.
fn distinct<T: Scalar>(
    m: &DMatrix<T>,
    o: Opts,
    cmp: impl Fn(&T, &T) -> Ordering,
    eq: impl Fn(&T, &T) -> bool,
) -> (DMatrix<T>, Vec<usize>, Vec<usize>) {
    if o.rows {
        let (r, c) = m.shape();
        let row_cmp = |x: usize, y: usize| {
            (0..c).fold(Ordering::Equal, |acc, k| {
                acc.then_with(|| cmp(&m[(x, k)], &m[(y, k)]))
            })
        };
        let row_eq = |x: usize, y: usize| (0..c).all(|k| eq(&m[(x, k)], &m[(y, k)]));
        let (i, j) = groups(r, o, row_cmp, row_eq);
        let u = DMatrix::from_fn(i.len(), c, |p, k| m[(i[p], k)].clone());
        return (u, i, j);
    }
    let items = m.as_slice();
    let (i, j) = groups(
        items.len(),
        o,
        |x, y| cmp(&items[x], &items[y]),
        |x, y| eq(&items[x], &items[y]),
    );
    let u = DMatrix::from_fn(i.len(), 1, |p, _| items[i[p]].clone());
    (u, i, j)
}

/// For `n` items: the item standing for each distinct value, in sorted (or
/// first-appearance) order, and for each item the position of its value.
/// Equal items end up next to each other once sorted.
fn groups(
    n: usize,
    o: Opts,
    cmp: impl Fn(usize, usize) -> Ordering,
    eq: impl Fn(usize, usize) -> bool,
) -> (Vec<usize>, Vec<usize>) {
    let mut sorted: Vec<usize> = (0..n).collect();
    sorted.sort_by(|&x, &y| cmp(x, y));
    // (first, last) occurrence of each distinct value, in sorted order.
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut group = vec![0; n];
    for (k, &x) in sorted.iter().enumerate() {
        match bounds.last_mut() {
            Some(b) if k > 0 && eq(sorted[k - 1], x) => b.1 = x,
            _ => bounds.push((x, x)),
        }
        group[x] = bounds.len() - 1;
    }
    let mut seq: Vec<usize> = (0..bounds.len()).collect();
    if o.stable {
        seq.sort_by_key(|&g| bounds[g].0);
    }
    let mut place = vec![0; bounds.len()];
    for (p, &g) in seq.iter().enumerate() {
        place[g] = p;
    }
    let reps = seq
        .iter()
        .map(|&g| if o.last { bounds[g].1 } else { bounds[g].0 })
        .collect();
    (reps, group.iter().map(|&g| place[g]).collect())
}

/// The distinct values (a column, or rows) shaped as Octave shapes them
/// for input of `dims`: a row for a non-empty row vector, 0x0 for 0x0.
fn shaped<T: Scalar>(u: DMatrix<T>, dims: (usize, usize), o: Opts) -> DMatrix<T> {
    match dims {
        (0, 0) => DMatrix::from_vec(0, 0, Vec::new()),
        (1, c) if c > 0 && !o.rows => u.transpose(),
        _ => u,
    }
}

/// 0-based positions as Octave's 1-based index column (0x0 when empty).
fn index_column(p: &[usize]) -> Value {
    let cols = usize::from(!p.is_empty());
    Value::Real(RMat::from_iterator(p.len(), cols, p.iter().map(|&k| (k + 1) as f64)).into())
}
