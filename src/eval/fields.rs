//! Assignment into structure fields and through them: `s.a = v`,
//! `s.p.q = v` (making the structures on the way), `s.v(2) = v` (growing the
//! field as any matrix grows), `s.c{2} = v`, `c{2}.name = v`, and deletion
//! `s.v(2) = []`. Structures are scalar: `s(1).a` is `s.a`, and any other
//! element of a structure array is refused by name.

use super::*;
use crate::value::cell::{CellMat, Elem};

/// One step of an assignment target, borrowed from its `LValue`.
#[derive(Clone, Copy)]
enum Step<'a> {
    Field(&'a str),
    Paren(&'a [Arg]),
    Brace(&'a [Arg]),
}

impl Interp<'_> {
    /// `lv = v` for a target with fields in it (`lv.path` not empty);
    /// `delete`: the right side is the literal `[]`, which removes elements
    /// when the last step is `(...)`. The variable changes only on success.
    pub(super) fn assign_path(
        &mut self,
        lv: &LValue,
        v: Value,
        delete: bool,
        display: bool,
    ) -> Result<()> {
        let v = match delete {
            false => match self.put_field_elements(lv, v)? {
                Ok(()) => return self.show_variable(&lv.name, display),
                Err(v) => v,
            },
            true => v,
        };
        let mut steps = Vec::with_capacity(lv.path.len() + 1);
        if let Some(args) = &lv.index {
            steps.push(match lv.brace {
                true => Step::Brace(args),
                false => Step::Paren(args),
            });
        }
        steps.extend(lv.path.iter().map(|s| match s {
            Sel::Field(f) => Step::Field(f),
            Sel::Paren(a) => Step::Paren(a),
            Sel::Brace(a) => Step::Brace(a),
        }));
        let current = self.vars().lookup(&lv.name).cloned();
        let new = self
            .put(current, &lv.name, &steps, v, delete)
            .map_err(|e| e.at(lv.span))?;
        self.vars_mut().insert(&lv.name, new);
        self.show_variable(&lv.name, display)
    }

    /// `s.a(args) = v` (also `s.a.b(args) = v`) when `s` and every structure
    /// on the way exist and neither the field nor `v` is a structure: the
    /// field is written where it lives, in place when nothing else shares
    /// it, so a loop filling `s.v(i)` or growing `s.v(end+1)` does not copy
    /// the field on every pass as the general route (which works on a copy
    /// of `s`) would. `Err(v)` hands `v` back when this is not that case;
    /// nothing has been evaluated then.
    fn put_field_elements(
        &mut self,
        lv: &LValue,
        v: Value,
    ) -> Result<std::result::Result<(), Value>> {
        let (Some((Sel::Paren(args), way)), None) = (lv.path.split_last(), &lv.index) else {
            return Ok(Err(v));
        };
        if matches!(v, Value::Struct(_)) {
            return Ok(Err(v));
        }
        let field = self.vars().lookup(&lv.name).and_then(|s| field_of(s, way));
        let dims = match field {
            Some(None) => (0, 0),
            Some(Some(x)) if !matches!(x, Value::Struct(_)) => x.dims(),
            _ => return Ok(Err(v)),
        };
        // Subscripts may read `s` itself (`s.v(numel(s.v) + 1)`): evaluated before it is opened.
        let idx = self
            .subscripts(dims, args, None)
            .map_err(|e| e.at(lv.span))?;
        self.check_assign_size(&idx).map_err(|e| e.at(lv.span))?;
        let (fields, name) = self
            .vars_mut()
            .lookup_mut(&lv.name)
            .and_then(|s| fields_of(s, way))
            .ok_or_else(|| LaError::internal("the structure changed under its subscripts"))?;
        let at = fields.iter().position(|(n, _)| n == name);
        match at {
            Some(k) => assign::assign_indexed(&mut fields[k].1, &idx, v),
            None => {
                let mut target = Value::empty();
                assign::assign_indexed(&mut target, &idx, v)?;
                fields.push((name.to_string(), target));
                Ok(())
            }
        }
        .map(Ok)
        .map_err(|e| e.at(lv.span))
    }

    /// `cur` (`None`: not yet defined) with `steps` leading to `v`.
    /// `what` names `cur` in messages (`s`, `s.a`).
    fn put(
        &mut self,
        cur: Option<Value>,
        what: &str,
        steps: &[Step],
        v: Value,
        delete: bool,
    ) -> Result<Value> {
        let Some((&step, rest)) = steps.split_first() else {
            return Ok(v);
        };
        match step {
            Step::Field(name) => {
                let mut fields = match cur {
                    None => Vec::new(),
                    Some(Value::Struct(f)) => Rc::unwrap_or_clone(f),
                    Some(x) if x.is_empty() && x.num_kind().is_some() => Vec::new(),
                    Some(other) => {
                        return Err(LaError::eval(format!(
                            "invalid use of '.{name}': {what} is {}, not a structure (clear {what} first, or pick another name)",
                            other.describe()
                        )))
                    }
                };
                let at = fields.iter().position(|(n, _)| n == name);
                let old = at.map(|k| std::mem::replace(&mut fields[k].1, Value::empty()));
                let inner = format!("{what}.{name}");
                let new = self.put(old, &inner, rest, v, delete)?;
                match at {
                    Some(k) => fields[k].1 = new,
                    None => fields.push((name.to_string(), new)),
                }
                Ok(Value::Struct(Rc::new(fields)))
            }
            Step::Paren(args) => self.put_paren(cur, what, args, rest, v, delete),
            Step::Brace(args) => {
                let mut m = match cur {
                    None => Rc::new(CellMat::from_element(0, 0, Elem::default())),
                    Some(Value::Cell(m)) => m,
                    Some(x) if x.is_empty() && x.num_kind().is_some() => {
                        Rc::new(CellMat::from_element(0, 0, Elem::default()))
                    }
                    Some(other) => {
                        return Err(LaError::eval(format!(
                            "'{{' indexing needs a cell array, but {what} is {} (write {what}(i) for its elements)",
                            other.describe()
                        )))
                    }
                };
                let idx = self.subscripts(m.shape(), args, None)?;
                let Some(k) = one_position(&idx, m.shape()) else {
                    return Err(LaError::eval(format!(
                        "{what}{{...}} = value sets one element; to set several write {what}(i) = {{value}}"
                    )));
                };
                self.check_assign_size(&idx)?;
                let old = k.map(|k| m[k].0.clone());
                let new = self.put(old, &format!("{what}{{...}}"), rest, v, delete)?;
                let src = CellMat::from_element(1, 1, Elem(new));
                index::assign(Rc::make_mut(&mut m), &idx, &src, Elem::default())?;
                Ok(Value::Cell(m))
            }
        }
    }

    /// `x(args)` as a step: the last one assigns (or deletes) elements; one
    /// before a field is the structure itself when it picks element 1.
    fn put_paren(
        &mut self,
        cur: Option<Value>,
        what: &str,
        args: &[Arg],
        rest: &[Step],
        v: Value,
        delete: bool,
    ) -> Result<Value> {
        let mut target = cur.unwrap_or_else(Value::empty);
        let idx = self.subscripts(target.dims(), args, None)?;
        let is_struct = matches!(target, Value::Struct(_)) || matches!(v, Value::Struct(_));
        if !rest.is_empty() || is_struct {
            let first = idx
                .iter()
                .all(|i| matches!(i, Idx::List { pos, .. } if pos.as_slice() == [0]));
            let scalar_ok = matches!(target, Value::Struct(_)) || target.is_empty();
            if !(first && scalar_ok) {
                return Err(LaError::eval(format!(
                    "structure arrays are not supported: {what}(i) of a structure must be {what}(1) (keep several structures in a cell: c{{i}}.field)"
                )));
            }
            let cur = (!target.is_empty()).then_some(target);
            return self.put(cur, what, rest, v, delete);
        }
        if delete {
            return delete_at(&target, &idx);
        }
        self.check_assign_size(&idx)?;
        assign::assign_indexed(&mut target, &idx, v)?;
        Ok(target)
    }
}

/// The field the `.name` steps `way` lead to inside `v`, through existing
/// structures only: `Some(None)` when the last structure lacks that field,
/// `None` when the way does not go through structures.
fn field_of<'v>(v: &'v Value, way: &[Sel]) -> Option<Option<&'v Value>> {
    let (last, way) = way.split_last()?;
    let mut v = v;
    for step in way {
        v = v.field(field_name(step)?).ok()?;
    }
    let Value::Struct(fields) = v else {
        return None;
    };
    let name = field_name(last)?;
    Some(fields.iter().find(|(n, _)| n == name).map(|(_, x)| x))
}

/// The fields of the structure holding the last field of `way` (made its
/// own, copied only when shared) and that field's name: [`field_of`] for writing.
fn fields_of<'v>(
    v: &'v mut Value,
    way: &'v [Sel],
) -> Option<(&'v mut Vec<(String, Value)>, &'v str)> {
    let (last, way) = way.split_last()?;
    let mut v = v;
    for step in way {
        let Value::Struct(fields) = v else {
            return None;
        };
        let name = field_name(step)?;
        v = Rc::make_mut(fields)
            .iter_mut()
            .find(|(n, _)| n == name)
            .map(|(_, x)| x)?;
    }
    match v {
        Value::Struct(fields) => Some((Rc::make_mut(fields), field_name(last)?)),
        _ => None,
    }
}

fn field_name(step: &Sel) -> Option<&str> {
    match step {
        Sel::Field(f) => Some(f),
        _ => None,
    }
}

/// The element one subscript per dimension picks: `Some(None)` when it is
/// past the end (the cell grows), `None` when they pick several.
fn one_position(idx: &[Idx], (r, c): (usize, usize)) -> Option<Option<usize>> {
    let mut pos = Vec::with_capacity(idx.len());
    for i in idx {
        match i {
            Idx::List { pos: p, .. } if p.len() == 1 => pos.push(p[0]),
            _ => return None,
        }
    }
    Some(match pos.as_slice() {
        [k] if *k < r * c => Some(*k),
        [i, j] if *i < r && *j < c => Some(i + j * r),
        _ => None,
    })
}

/// `target(idx) = []`: the elements removed.
pub(super) fn delete_at(target: &Value, idx: &[Idx]) -> Result<Value> {
    Ok(match target {
        Value::Exact(m) => Value::Exact(index::delete(m, idx)?.into()),
        Value::Quad(m) => Value::quad(index::delete(m, idx)?),
        Value::Real(m) => Value::Real(index::delete(m, idx)?.into()),
        Value::Complex(m) => Value::complex(index::delete(m, idx)?),
        Value::Bool(m) => Value::Bool(index::delete(m, idx)?.into()),
        Value::Str(s) => assign::string_row(&index::delete(&assign::chars(s), idx)?)?,
        Value::Cell(m) => Value::cell(index::delete(m, idx)?),
        _ => return Err(LaError::eval("deletion is only defined for matrices")),
    })
}
