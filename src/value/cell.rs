//! Cell arrays: a 2-D array whose elements are any values, as Octave's
//! `{1, 'a'; [1 2], @sin}`. The element type wraps `Value` so the generic
//! indexing, assignment and concatenation of `ops::index` serve cells too.

use super::Value;
use nalgebra::DMatrix;
use std::rc::Rc;

/// One element of a cell array.
#[derive(Debug, Clone)]
pub struct Elem(pub Value);

/// Elements compare as `isequal` compares values.
impl PartialEq for Elem {
    fn eq(&self, other: &Elem) -> bool {
        self.0.is_equal(&other.0)
    }
}

impl Default for Elem {
    /// What a cell grows with (`c{3} = 1` on a 1x1 cell): `[]`, as in Octave.
    fn default() -> Elem {
        Elem(Value::empty())
    }
}

pub type CellMat = DMatrix<Elem>;

impl Value {
    /// A cell array of `m`.
    pub fn cell(m: CellMat) -> Value {
        Value::Cell(Rc::new(m))
    }
    /// A 1xN cell of `vals` (`strsplit`'s result, a `{a, b}` row).
    pub fn cell_row(vals: Vec<Value>) -> Value {
        let n = vals.len();
        Value::cell(CellMat::from_iterator(
            usize::from(n > 0),
            n,
            vals.into_iter().map(Elem),
        ))
    }
    /// A value of `dims`, column-major, as a cell (`cellfun(..., 'UniformOutput', false)`).
    pub fn cell_shaped(vals: Vec<Value>, (r, c): (usize, usize)) -> Value {
        Value::cell(CellMat::from_iterator(r, c, vals.into_iter().map(Elem)))
    }
    /// True for a cell array whose every element is a string (`iscellstr`).
    pub fn is_cellstr(&self) -> bool {
        matches!(self, Value::Cell(m) if m.iter().all(|e| matches!(e.0, Value::Str(_))))
    }
}

/// Two cells are equal when their sizes and every pair of elements are.
pub(super) fn cells_equal(a: &CellMat, b: &CellMat) -> bool {
    a.shape() == b.shape() && a.iter().zip(b.iter()).all(|(x, y)| x == y)
}
