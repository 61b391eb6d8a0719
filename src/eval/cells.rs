//! Cell arrays in the evaluator: the literal `{a, b; c, d}`, content indexing
//! `c{i}` (several elements give several values, spliced into argument lists
//! and brackets as Octave's cs-lists), and `c{i} = v` (growing the cell).

use super::*;
use crate::value::cell::{CellMat, Elem};

impl Interp<'_> {
    /// The value of `e` appended to `out`; `c{...}` appends every element it picks.
    pub(super) fn push_values(&mut self, e: &Expr, out: &mut Vec<Value>) -> Result<()> {
        match &e.kind {
            ExprKind::CellIndex(target, args) => {
                out.extend(self.cell_contents(target, args, e.span)?);
                Ok(())
            }
            _ => {
                out.push(self.eval(e)?);
                Ok(())
            }
        }
    }

    /// `{a, b; c, d}`: every element kept whole (a cell inside stays a cell).
    pub(super) fn cell_literal(&mut self, rows: &[Vec<Expr>], span: Span) -> Result<Value> {
        let mut vals: Vec<Vec<Value>> = Vec::with_capacity(rows.len());
        for row in rows {
            let mut r = Vec::with_capacity(row.len());
            for x in row {
                self.push_values(x, &mut r)?;
            }
            if !r.is_empty() {
                vals.push(r);
            }
        }
        let cols = vals.first().map_or(0, Vec::len);
        if let Some(bad) = vals.iter().find(|r| r.len() != cols) {
            return Err(LaError::eval(format!(
                "vertical dimensions mismatch (1x{cols} vs 1x{}): each row of a cell literal needs the same number of elements",
                bad.len()
            ))
            .at(span));
        }
        let rows = vals.len();
        let flat: Vec<Elem> = vals.into_iter().flatten().map(Elem).collect();
        Ok(Value::cell(CellMat::from_row_iterator(rows, cols, flat)))
    }

    /// `c{i}`, `c{i, j}`, `c{:}`: the elements' values, in column-major order.
    pub(super) fn cell_contents(
        &mut self,
        target: &Expr,
        args: &[Arg],
        span: Span,
    ) -> Result<Vec<Value>> {
        let v = self.eval(target)?;
        let Value::Cell(m) = &v else {
            return Err(not_a_cell(target, &v).at(span));
        };
        // `c{3}` out of bound names `c`, as Octave does (`c(3): out of bound 2`).
        let name = match &target.kind {
            ExprKind::Ident(n) => Some(n.as_str()),
            _ => None,
        };
        let subs = self.eval_subscripts(m.shape(), args, name)?;
        if let Some(k) = subs.element(m.shape()) {
            return Ok(vec![m[k].0.clone()]);
        }
        let picked =
            index::index(m, &subs.into_idx()).map_err(|e| index::naming(e, name).at(span))?;
        Ok(picked.iter().map(|e| e.0.clone()).collect())
    }

    /// `c{i} = v`: one element set to `v`; the cell grows as needed, and a
    /// new variable (or an empty `[]`) becomes a cell.
    pub(super) fn assign_brace(&mut self, lv: &LValue, v: Value, display: bool) -> Result<()> {
        let args = lv.index.as_deref().unwrap_or(&[]);
        let dims = match self.vars().lookup(&lv.name) {
            Some(Value::Cell(m)) => m.shape(),
            None => (0, 0),
            Some(x) if x.is_empty() && x.num_kind().is_some() => (0, 0),
            Some(other) => {
                let target = Expr {
                    kind: ExprKind::Ident(lv.name.clone()),
                    span: lv.span,
                };
                return Err(not_a_cell(&target, other).at(lv.span));
            }
        };
        let idx = self.subscripts(dims, args, Some(lv.name.as_str()))?;
        if !idx
            .iter()
            .all(|i| matches!(i, Idx::List { pos, .. } if pos.len() == 1))
        {
            return Err(LaError::eval(format!(
                "{0}{{...}} = value sets one element; to set several write {0}(i) = {{value}}",
                lv.name
            ))
            .at(lv.span));
        }
        self.check_assign_size(&idx).map_err(|e| e.at(lv.span))?;
        let src = CellMat::from_element(1, 1, Elem(v));
        match self.vars_mut().lookup_mut(&lv.name) {
            Some(Value::Cell(m)) => index::assign(Rc::make_mut(m), &idx, &src, Elem::default()),
            _ => {
                let mut m = CellMat::from_element(0, 0, Elem::default());
                index::assign(&mut m, &idx, &src, Elem::default())?;
                self.vars_mut().insert(&lv.name, Value::cell(m));
                Ok(())
            }
        }
        .map_err(|e| e.at(lv.span))?;
        if display {
            if let Some(v) = self.vars().lookup(&lv.name).cloned() {
                self.show(&lv.name, &v);
            }
        }
        Ok(())
    }
}

/// `c(i) = v` on a cell: the elements of a cell `v`, or `v` itself put in
/// one element (`c(2) = 5` as Octave); an empty matrix target becomes a cell.
pub(super) fn assign_cell_paren(target: &mut Value, idx: &[Idx], v: Value) -> Result<()> {
    let src = match v {
        Value::Cell(m) => m,
        other => Rc::new(CellMat::from_element(1, 1, Elem(other))),
    };
    if !matches!(target, Value::Cell(_)) {
        if !target.is_empty() {
            return Err(LaError::eval(format!(
                "a cell cannot be stored in {}: make the variable a cell first (x = {{}})",
                target.describe()
            )));
        }
        *target = Value::cell(CellMat::from_element(0, 0, Elem::default()));
    }
    let Value::Cell(m) = target else {
        return Err(LaError::internal("cell assignment target"));
    };
    index::assign(Rc::make_mut(m), idx, &src, Elem::default())
}

/// The error for `x{i}` when `x` is not a cell.
fn not_a_cell(target: &Expr, v: &Value) -> LaError {
    let name = match &target.kind {
        ExprKind::Ident(n) => n.to_string(),
        _ => "the value".to_string(),
    };
    LaError::eval(format!(
        "'{{' indexing needs a cell array, but {name} is {} (write {name}(i) for its elements)",
        v.describe()
    ))
}
