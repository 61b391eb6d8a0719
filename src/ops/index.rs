//! Indexing `A(i, j)`, indexed assignment (growing the matrix when needed),
//! deletion `A(i) = []` and concatenation `[A, B; C]`. The element work is
//! generic over the matrix element type; values are first promoted to a
//! common kind.

use crate::error::{LaError, Result};
use crate::exact::RatMat;
use crate::linalg::{CMat, RMat};
use crate::value::{BMat, NumKind, Value};
use nalgebra::{DMatrix, Dyn, Scalar, VecStorage};

/// One resolved subscript, 0-based.
#[derive(Debug, Clone)]
pub enum Idx {
    All,
    List {
        pos: Vec<usize>,
        shape: (usize, usize),
        mask: bool,
    },
}

impl Idx {
    /// One position, as `resolve` gives for a numeric scalar subscript.
    pub fn scalar(p: usize) -> Idx {
        Idx::List {
            pos: vec![p],
            shape: (1, 1),
            mask: false,
        }
    }
    fn len(&self, extent: usize) -> usize {
        match self {
            Idx::All => extent,
            Idx::List { pos, .. } => pos.len(),
        }
    }
    fn get(&self, k: usize) -> usize {
        match self {
            Idx::All => k,
            Idx::List { pos, .. } => pos[k],
        }
    }
    fn max(&self) -> Option<usize> {
        match self {
            Idx::All => None,
            Idx::List { pos, .. } => pos.iter().copied().max(),
        }
    }
}

/// Turn subscript `which` of `count` (numbers or a logical mask) into positions.
pub fn resolve(v: &Value, which: usize, count: usize) -> Result<Idx> {
    if let Value::Bool(m) = v {
        let pos = m
            .iter()
            .enumerate()
            .filter(|(_, &b)| b)
            .map(|(i, _)| i)
            .collect::<Vec<_>>();
        let n = pos.len();
        let shape = if m.nrows() == 1 { (1, n) } else { (n, 1) };
        return Ok(Idx::List {
            pos,
            shape,
            mask: true,
        });
    }
    let m = v.codes().to_real("index")?.into_owned();
    let mut pos = Vec::with_capacity(m.len());
    for &x in m.iter() {
        // `fract` of an infinity is NaN; 2^63 and beyond fit no position (Octave's bound).
        if x.fract() != 0.0 || x.is_nan() || !(1.0..9_223_372_036_854_775_808.0).contains(&x) {
            let text = crate::value::format::subscript_text(x);
            return Err(LaError::eval(format!(
                "index ({}): subscripts must be either integers 1 to (2^63)-1 or logicals",
                place(count, which, &text)
            )));
        }
        pos.push(x as usize - 1);
    }
    Ok(Idx::List {
        pos,
        shape: m.shape(),
        mask: false,
    })
}

/// The subscripts of an index error as Octave writes them: the one at
/// fault among `_`s (`3,_`: the first of two).
fn place(count: usize, which: usize, text: &str) -> String {
    let part = |p| if p == which { text } else { "_" };
    (0..count.max(1)).map(part).collect::<Vec<_>>().join(",")
}

/// Index errors read `index (3,_): ...`, as Octave words them for the value
/// of an expression; indexing a variable, Octave names it: `A(3,_): ...`.
pub fn naming(e: LaError, name: Option<&str>) -> LaError {
    match (name, e.message.strip_prefix("index (")) {
        (Some(name), Some(rest)) => LaError {
            message: format!("{name}({rest}"),
            ..e
        },
        _ => e,
    }
}

fn out_of_bound(
    idx: &[Idx],
    which: usize,
    value: usize,
    bound: usize,
    dims: (usize, usize),
) -> LaError {
    LaError::eval(format!(
        "index ({}): out of bound {bound} (dimensions are {}x{})",
        place(idx.len(), which, &value.to_string()),
        dims.0,
        dims.1
    ))
}

/// The first two subscripts of `A(i, j, 1, ...)`: a matrix has extent 1
/// past its second dimension, so each later subscript must pick that one
/// place (past it, reading is out of bound as in Octave; `la` has no N-d
/// arrays to grow into or to hold several copies).
fn matrix_subscripts(idx: &[Idx], dims: (usize, usize), reading: bool) -> Result<&[Idx]> {
    for (k, ix) in idx.iter().enumerate().skip(2) {
        match ix.max() {
            Some(mx) if mx >= 1 && reading => return Err(out_of_bound(idx, k, mx + 1, 1, dims)),
            _ if ix.len(1) == 1 && ix.max().unwrap_or(0) == 0 => {}
            _ => {
                return Err(LaError::eval(format!(
                    "index ({}): la's arrays have two dimensions, so a subscript past the second must be the single index 1",
                    place(idx.len(), k, &positions_text(ix))
                )))
            }
        }
    }
    Ok(&idx[..idx.len().min(2)])
}

/// A subscript's 1-based positions for a message: `2`, `[1 1]`, `[1 2 3 ...]`.
fn positions_text(ix: &Idx) -> String {
    const SHOWN: usize = 4;
    match ix {
        Idx::All => ":".to_string(),
        Idx::List { pos, .. } if pos.len() == 1 => (pos[0] + 1).to_string(),
        Idx::List { pos, .. } => {
            let mut words: Vec<String> = pos
                .iter()
                .take(SHOWN)
                .map(|p| (p + 1).to_string())
                .collect();
            if pos.len() > SHOWN {
                words.push("...".to_string());
            }
            format!("[{}]", words.join(" "))
        }
    }
}

/// Read `m(idx...)`.
pub fn index<T: Scalar>(m: &DMatrix<T>, idx: &[Idx]) -> Result<DMatrix<T>> {
    let (r, c) = m.shape();
    match matrix_subscripts(idx, (r, c), true)? {
        [i] => {
            let n = r * c;
            if let Some(mx) = i.max() {
                if mx >= n {
                    return Err(out_of_bound(idx, 0, mx + 1, n, (r, c)));
                }
            }
            let len = i.len(n);
            let shape = match i {
                Idx::All => (n, 1),
                Idx::List { shape, mask, .. } => linear_shape((r, c), *shape, *mask, len),
            };
            let data = m.as_slice();
            let out: Vec<T> = match i {
                Idx::All => data.to_vec(),
                Idx::List { pos, .. } => pos.iter().map(|&k| data[k].clone()).collect(),
            };
            Ok(DMatrix::from_data(VecStorage::new(
                Dyn(shape.0),
                Dyn(shape.1),
                out,
            )))
        }
        [i, j] => {
            for (k, (ix, ext)) in [(i, r), (j, c)].into_iter().enumerate() {
                if let Some(mx) = ix.max() {
                    if mx >= ext {
                        return Err(out_of_bound(idx, k, mx + 1, ext, (r, c)));
                    }
                }
            }
            // Column by column: a whole column (`A(:, j)`) is one slice copy.
            let (ni, nj) = (i.len(r), j.len(c));
            let mut data = Vec::with_capacity(ni * nj);
            let all = m.as_slice();
            for b in 0..nj {
                let start = j.get(b) * r;
                let col = &all[start..start + r];
                match i {
                    Idx::All => data.extend_from_slice(col),
                    Idx::List { pos, .. } => data.extend(pos.iter().map(|&a| col[a].clone())),
                }
            }
            Ok(DMatrix::from_data(VecStorage::new(Dyn(ni), Dyn(nj), data)))
        }
        _ => Err(LaError::eval(
            "index: only one or two subscripts are supported",
        )),
    }
}

/// Octave's shape rule for `A(I)`: a mask gives a column (a row for a row A),
/// a vector A indexed by a vector keeps A's orientation, otherwise I's shape.
fn linear_shape(a: (usize, usize), i: (usize, usize), mask: bool, len: usize) -> (usize, usize) {
    let i_is_vector = i.0 == 1 || i.1 == 1;
    if mask {
        if a.0 == 1 {
            (1, len)
        } else {
            (len, 1)
        }
    } else if a.0 == 1 && a.1 != 1 && i_is_vector {
        (1, len)
    } else if a.1 == 1 && a.0 != 1 && i_is_vector {
        (len, 1)
    } else {
        i
    }
}

/// `m(idx...) = src`, growing `m` with `zero` where the indices go past its end.
pub fn assign<T: Scalar>(m: &mut DMatrix<T>, idx: &[Idx], src: &DMatrix<T>, zero: T) -> Result<()> {
    let (r, c) = m.shape();
    match matrix_subscripts(idx, (r, c), false)? {
        [i] => {
            let n = r * c;
            let count = i.len(n);
            check_count(count, src, (count, 1))?;
            if let Some(mx) = i.max() {
                grow_to(m, mx, zero)?;
            }
            let data = m.as_mut_slice();
            for k in 0..count {
                data[i.get(k)] = pick(src, k).clone();
            }
            Ok(())
        }
        [i, j] => {
            let (r, c) = assign_extents((r, c), i, j, src);
            let (ni, nj) = (i.len(r), j.len(c));
            check_count(ni * nj, src, (ni, nj))?;
            if !src.is_empty()
                && src.len() != 1
                && (src.nrows(), src.ncols()) != (ni, nj)
                && !(src.len() == ni * nj && (ni == 1 || nj == 1))
            {
                return Err(assign_mismatch((ni, nj), src.shape()));
            }
            let nr = i.max().map_or(r, |x| r.max(x + 1));
            let nc = j.max().map_or(c, |x| c.max(x + 1));
            if (nr, nc) != m.shape() {
                resize(m, nr, nc, zero);
            }
            let (ni, nj) = (i.len(nr), j.len(nc));
            for b in 0..nj {
                for a in 0..ni {
                    m[(i.get(a), j.get(b))] = pick(src, a + b * ni).clone();
                }
            }
            Ok(())
        }
        _ => Err(LaError::eval(
            "index: only one or two subscripts are supported",
        )),
    }
}

/// The extents `m(i, j) = src` indexes into: `m`'s, except that a colon into
/// an empty 0x0 `m` takes its length from `src`, as in Octave (`A = [];
/// A(:, 1) = v` makes a column; a colon beside one position takes all of a vector).
fn assign_extents<T: Scalar>(
    (r, c): (usize, usize),
    i: &Idx,
    j: &Idx,
    src: &DMatrix<T>,
) -> (usize, usize) {
    if r != 0 || c != 0 {
        return (r, c);
    }
    match (i, j) {
        (Idx::All, Idx::All) => src.shape(),
        (Idx::All, j) if j.len(0) == 1 => (src.len(), 0),
        (Idx::All, _) => (src.nrows(), 0),
        (i, Idx::All) if i.len(0) == 1 => (0, src.len()),
        (_, Idx::All) => (0, src.ncols()),
        _ => (0, 0),
    }
}

fn pick<T: Scalar>(src: &DMatrix<T>, k: usize) -> &T {
    if src.len() == 1 {
        &src[0]
    } else {
        &src.as_slice()[k]
    }
}

fn check_count<T: Scalar>(count: usize, src: &DMatrix<T>, dims: (usize, usize)) -> Result<()> {
    if src.len() == 1 || src.len() == count {
        Ok(())
    } else {
        Err(assign_mismatch(dims, src.shape()))
    }
}

fn assign_mismatch(lhs: (usize, usize), rhs: (usize, usize)) -> LaError {
    LaError::eval(format!(
        "=: nonconformant arguments (op1 is {}x{}, op2 is {}x{})",
        lhs.0, lhs.1, rhs.0, rhs.1
    ))
}

/// `m(k) = x` with a 0-based linear `k`, growing a vector (or an empty
/// matrix, into a row) when `k` is past its end, as `assign` does.
#[inline]
pub fn put<T: Scalar>(m: &mut DMatrix<T>, k: usize, x: T, zero: T) -> Result<()> {
    // Through the slice: nalgebra's `m[k]` turns `k` into (row, column) (dividing by the row count).
    if let Some(slot) = m.as_mut_slice().get_mut(k) {
        *slot = x;
        return Ok(());
    }
    if k == m.len() {
        // Appending (the loop case): the new last element is pushed as it is.
        return grow_to(m, k, x);
    }
    grow_to(m, k, zero)?;
    m.as_mut_slice()[k] = x;
    Ok(())
}

/// Make linear position `mx` exist: a row (or empty) matrix gets columns, a
/// column gets rows; any other matrix cannot grow through one subscript.
#[inline]
fn grow_to<T: Scalar>(m: &mut DMatrix<T>, mx: usize, zero: T) -> Result<()> {
    let (r, c) = m.shape();
    let n = r * c;
    if mx < n {
        return Ok(());
    }
    let (nr, nc) = if r == 0 && c == 0 || r == 1 {
        (1, mx + 1)
    } else if c == 1 {
        (mx + 1, 1)
    } else {
        return Err(LaError::eval(format!(
            "Octave:index out of bound; A(I) = X: X must fit in A when A is a {r}x{c} matrix (index {} is past its {n} elements)",
            mx + 1
        )));
    };
    resize(m, nr, nc, zero);
    Ok(())
}

/// Grow `m` to `nr` x `nc` (never smaller), new elements `zero`, in place:
/// the storage is reserved geometrically, as a `Vec` does, so a loop that
/// appends one element or one column at a time costs O(n) in total.
/// Adding rows to a matrix of several columns moves its columns apart
/// within the same buffer (no allocation, but O(size) per call).
fn resize<T: Scalar>(m: &mut DMatrix<T>, nr: usize, nc: usize, zero: T) {
    let (r, c) = m.shape();
    debug_assert!(nr >= r && nc >= c);
    let empty = DMatrix::from_data(VecStorage::new(Dyn(0), Dyn(0), Vec::new()));
    let mut data: Vec<T> = std::mem::replace(m, empty).data.into();
    let len = nr * nc;
    if len == data.len() + 1 {
        // Appending one element (the loop case): `push` doubles the capacity when full.
        data.push(zero);
    } else {
        // `reserve` at least doubles the capacity when it has to grow.
        data.reserve(len - data.len());
        data.resize(len, zero);
    }
    if nr > r && c > 1 {
        // Column b moves from b*r to b*nr; going backwards, each target
        // still holds a zero, which the swap leaves behind.
        for b in (1..c).rev() {
            for a in (0..r).rev() {
                data.swap(b * r + a, b * nr + a);
            }
        }
    }
    *m = DMatrix::from_data(VecStorage::new(Dyn(nr), Dyn(nc), data));
}

/// `m(idx) = []`: remove whole rows, columns, or (for vectors) elements.
pub fn delete<T: Scalar>(m: &DMatrix<T>, idx: &[Idx]) -> Result<DMatrix<T>> {
    let (r, c) = m.shape();
    let extents: &[usize] = if idx.len() == 1 { &[r * c] } else { &[r, c] };
    for (k, (ix, &ext)) in idx.iter().zip(extents).enumerate() {
        if let Some(mx) = ix.max().filter(|&mx| mx >= ext) {
            return Err(out_of_bound(idx, k, mx + 1, ext, (r, c)));
        }
    }
    let keep = |ix: &Idx, ext: usize| -> Vec<usize> {
        let gone: std::collections::HashSet<usize> = (0..ix.len(ext)).map(|k| ix.get(k)).collect();
        (0..ext).filter(|x| !gone.contains(x)).collect()
    };
    match idx {
        // As Octave: `A(:) = []` leaves 0x0 whatever the shape.
        [Idx::All] => Ok(DMatrix::from_vec(0, 0, Vec::new())),
        [i] => {
            let kept = keep(i, r * c);
            let data = m.as_slice();
            let vals = kept.iter().map(|&k| data[k].clone());
            Ok(if c == 1 {
                DMatrix::from_iterator(kept.len(), 1, vals)
            } else {
                DMatrix::from_iterator(1, kept.len(), vals)
            })
        }
        // Columns go when all rows are named and the columns are a list;
        // `A(:, :) = []` removes the rows (0 x c), as Octave.
        [i, j]
            if matches!(j, Idx::List { .. })
                && (matches!(i, Idx::All) || i.len(r) == r && r > 0 && is_full(i, r)) =>
        {
            let cols = keep(j, c);
            Ok(DMatrix::from_fn(r, cols.len(), |a, b| {
                m[(a, cols[b])].clone()
            }))
        }
        [i, j] if matches!(j, Idx::All) || is_full(j, c) => {
            let rows = keep(i, r);
            Ok(DMatrix::from_fn(rows.len(), c, |a, b| {
                m[(rows[a], b)].clone()
            }))
        }
        _ => Err(LaError::eval(
            "a null assignment can only have one non-colon index",
        )),
    }
}

fn is_full(ix: &Idx, ext: usize) -> bool {
    match ix {
        Idx::All => true,
        Idx::List { pos, .. } => {
            let mut p = pos.clone();
            p.sort_unstable();
            p.dedup();
            p.len() == ext && p.iter().enumerate().all(|(k, &x)| k == x)
        }
    }
}

/// Values promoted to one element type, for code that is generic over it.
pub enum Promoted {
    Bool(Vec<BMat>),
    Exact(Vec<RatMat>),
    Quad(Vec<crate::exact::QuadMat>),
    Real(Vec<RMat>),
    Complex(Vec<CMat>),
}

pub fn promote(vals: &[&Value], what: &str) -> Result<Promoted> {
    let owned: Vec<std::borrow::Cow<'_, Value>> = vals.iter().map(|v| v.codes()).collect();
    let vals: Vec<&Value> = owned.iter().map(|v| &**v).collect();
    if let Some(q) = promote_quad(&vals) {
        return Ok(Promoted::Quad(q));
    }
    let mut kind = NumKind::Bool;
    for v in &vals {
        kind = kind.max(v.num_kind().ok_or_else(|| {
            LaError::eval(format!("{what}: function handles cannot be used here"))
        })?);
    }
    Ok(match kind {
        NumKind::Bool => Promoted::Bool(
            vals.iter()
                .map(|v| v.to_bool(what).map(|m| m.into_owned()))
                .collect::<Result<_>>()?,
        ),
        NumKind::Exact => Promoted::Exact(
            vals.iter()
                .map(|v| {
                    v.to_exact()
                        .map(|m| m.into_owned())
                        .ok_or_else(|| LaError::internal("exact promotion"))
                })
                .collect::<Result<_>>()?,
        ),
        NumKind::Real => Promoted::Real(
            vals.iter()
                .map(|v| v.to_real(what).map(|m| m.into_owned()))
                .collect::<Result<_>>()?,
        ),
        NumKind::Complex => Promoted::Complex(
            vals.iter()
                .map(|v| v.to_complex(what).map(|m| m.into_owned()))
                .collect::<Result<_>>()?,
        ),
    })
}

/// Every value as quadratic numbers, when some value is a `Quad` and all
/// are exact, of one field or all real (`Value::quad` decides the kind).
fn promote_quad(vals: &[&Value]) -> Option<Vec<crate::exact::QuadMat>> {
    if !vals.iter().any(|v| matches!(v, Value::Quad(_))) {
        return None;
    }
    let q: Vec<crate::exact::QuadMat> = vals
        .iter()
        .map(|v| v.to_quad().map(|m| m.into_owned()))
        .collect::<Option<_>>()?;
    let real = q.iter().flatten().all(crate::exact::Quad::is_real);
    (real || crate::exact::quad::common_field(q.iter().flatten()).is_some()).then_some(q)
}

/// A block of a string row `['a' 66]`: a string, or whole numbers that are
/// character codes (as Octave converts them).
fn as_chars(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.clone()),
        _ if v.dims().0 <= 1 => char_codes(v).ok().map(|m| m.iter().collect()),
        _ => None,
    }
}

/// Real numbers (exact, double or logical) as the characters whose codes
/// they are: `s(3) = 65` puts 'A' in a string, as Octave. A code must be a
/// whole number naming a Unicode character; anything else is refused
/// rather than rounded or replaced by NUL (Octave rounds 65.7 to 'B' and
/// turns -1 into NUL with a warning).
pub fn char_codes(v: &Value) -> Result<DMatrix<char>> {
    let m = v.to_real("character code")?;
    let code = |x: f64| {
        (x.fract() == 0.0 && x >= 0.0 && x <= f64::from(u32::MAX))
            .then(|| char::from_u32(x as u32))
            .flatten()
    };
    let mut out = DMatrix::from_element(m.nrows(), m.ncols(), '\0');
    for (c, &x) in out.iter_mut().zip(m.iter()) {
        *c = code(x).ok_or_else(|| {
            LaError::eval(format!(
                "a string holds characters: {} is not a character code (a whole number \
                 from 0 to 1114111, not 55296 to 57343); round it with round(x), or make \
                 the string numbers first with double(s)",
                crate::value::format::short_number(x)
            ))
        })?;
    }
    Ok(out)
}

/// `[a b; c d]`: rows of blocks. Empty blocks are skipped, as in Octave.
pub fn concat(rows: Vec<Vec<Value>>) -> Result<Value> {
    if rows.iter().flatten().next().is_none() {
        // `[]` is a double (class "double", as Octave's), exact so that
        // `v = []; v(end+1) = 1/3` stays exact.
        return Ok(Value::Exact(crate::exact::RatMat::zeros(0, 0).into()));
    }
    if rows.iter().flatten().any(|v| matches!(v, Value::Cell(_))) {
        return concat_cells(rows);
    }
    if rows.len() == 1 && rows[0].iter().any(|v| matches!(v, Value::Str(_))) {
        if let Some(s) = rows[0].iter().map(as_chars).collect::<Option<String>>() {
            return Ok(Value::Str(s));
        }
    }
    if rows.iter().flatten().any(|v| matches!(v, Value::Str(_)))
        && rows.iter().flatten().any(|v| !matches!(v, Value::Str(_)))
        || rows.len() > 1 && rows.iter().flatten().all(|v| matches!(v, Value::Str(_)))
    {
        return Err(LaError::eval(
            "concatenation: strings can only be joined side by side with other strings",
        ));
    }
    let shape: Vec<usize> = rows.iter().map(|r| r.len()).collect();
    let flat: Vec<&Value> = rows.iter().flatten().collect();
    let mut groups = Vec::new();
    let mut k = 0;
    for &len in &shape {
        groups.push((k..k + len).collect::<Vec<_>>());
        k += len;
    }
    Ok(match promote(&flat, "concatenation")? {
        Promoted::Bool(ms) => Value::Bool(concat_blocks(&ms, &groups)?.into()),
        Promoted::Exact(ms) => Value::Exact(concat_blocks(&ms, &groups)?.into()),
        Promoted::Quad(ms) => Value::quad(concat_blocks(&ms, &groups)?),
        Promoted::Real(ms) => Value::Real(concat_blocks(&ms, &groups)?.into()),
        Promoted::Complex(ms) => Value::complex(concat_blocks(&ms, &groups)?),
    })
}

/// `[c1, c2]` with a cell among the blocks: cells joined as matrices are,
/// any other value taken as a 1x1 cell holding it (as Octave does).
fn concat_cells(rows: Vec<Vec<Value>>) -> Result<Value> {
    use crate::value::cell::{CellMat, Elem};
    let mut blocks = Vec::new();
    let mut groups = Vec::new();
    for row in rows {
        let mut group = Vec::new();
        for v in row {
            group.push(blocks.len());
            blocks.push(match v {
                Value::Cell(m) => (*m).clone(),
                other => CellMat::from_element(1, 1, Elem(other)),
            });
        }
        groups.push(group);
    }
    Ok(Value::cell(concat_blocks(&blocks, &groups)?))
}

fn concat_blocks<T: Scalar>(blocks: &[DMatrix<T>], rows: &[Vec<usize>]) -> Result<DMatrix<T>> {
    let mut stripes: Vec<DMatrix<T>> = Vec::new();
    for row in rows {
        let parts: Vec<&DMatrix<T>> = row
            .iter()
            .map(|&k| &blocks[k])
            .filter(|m| !m.is_empty())
            .collect();
        if parts.is_empty() {
            continue;
        }
        let h = parts[0].nrows();
        if let Some(bad) = parts.iter().find(|m| m.nrows() != h) {
            return Err(LaError::eval(format!(
                "horizontal dimensions mismatch ({}x{} vs {}x{})",
                parts[0].nrows(),
                parts[0].ncols(),
                bad.nrows(),
                bad.ncols()
            )));
        }
        let w: usize = parts.iter().map(|m| m.ncols()).sum();
        let mut cols = Vec::with_capacity(w);
        for m in &parts {
            cols.extend(m.column_iter().map(|c| c.into_owned()));
        }
        stripes.push(DMatrix::from_columns(&cols));
    }
    if stripes.is_empty() {
        let r = rows
            .iter()
            .flatten()
            .map(|&k| blocks[k].nrows())
            .max()
            .unwrap_or(0);
        let c = rows
            .iter()
            .flatten()
            .map(|&k| blocks[k].ncols())
            .max()
            .unwrap_or(0);
        let r = if r * c == 0 { 0 } else { r };
        return Ok(DMatrix::from_iterator(
            r,
            if r == 0 { 0 } else { c },
            std::iter::empty(),
        ));
    }
    let w = stripes[0].ncols();
    if let Some(bad) = stripes.iter().find(|m| m.ncols() != w) {
        return Err(LaError::eval(format!(
            "vertical dimensions mismatch ({}x{} vs {}x{})",
            stripes[0].nrows(),
            w,
            bad.nrows(),
            bad.ncols()
        )));
    }
    let rows: Vec<_> = stripes
        .iter()
        .flat_map(|m| m.row_iter().map(|r| r.into_owned()).collect::<Vec<_>>())
        .collect();
    Ok(DMatrix::from_rows(&rows))
}
