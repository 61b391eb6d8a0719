//! Assignment: plain, indexed (growing the matrix, in place when the kinds
//! agree), deletion `A(i) = []`, and the subscripts they evaluate.

use super::*;

impl Interp<'_> {
    pub(super) fn eval_lvalue_current(&mut self, lv: &LValue) -> Result<Value> {
        let base = Expr {
            kind: ExprKind::Ident(lv.name.clone()),
            span: lv.span,
        };
        match &lv.index {
            None => self.eval(&base),
            Some(args) => {
                let e = Expr {
                    kind: ExprKind::Call(Box::new(base), args.clone()),
                    span: lv.span,
                };
                self.eval(&e)
            }
        }
    }

    pub(super) fn assign(&mut self, lv: &LValue, v: Value, display: bool) -> Result<()> {
        if let Some(args) = &lv.index {
            // Subscripts may read the variable itself (`A(A > 3) = 0`): evaluate them first.
            let dims = self.vars().get(&lv.name).map_or((0, 0), Value::dims);
            let idx = self.subscripts(dims, args)?;
            let existed = self.vars().contains_key(&lv.name);
            let mut target = self
                .vars_mut()
                .remove(&lv.name)
                .unwrap_or_else(Value::empty);
            if let Err(e) = self.assign_indexed(&mut target, &idx, v, lv.span) {
                if existed {
                    self.vars_mut().insert(&lv.name, target);
                }
                return Err(e.at(lv.span));
            }
            return self.bind(&lv.name, target, display);
        }
        self.bind(&lv.name, v, display)
    }

    /// Store a variable (reusing its slot) and show it unless suppressed.
    pub(super) fn bind(&mut self, name: &str, value: Value, display: bool) -> Result<()> {
        if display {
            self.show(name, &value);
        }
        match self.vars_mut().get_mut(name) {
            Some(slot) => *slot = value,
            None => {
                self.vars_mut().insert(name, value);
            }
        }
        Ok(())
    }

    /// Evaluate subscripts; `end` means the extent of `dims` along that position.
    pub(super) fn subscripts(&mut self, dims: (usize, usize), args: &[Arg]) -> Result<Vec<Idx>> {
        let (r, c) = dims;
        let n = args.len();
        let mut out = Vec::with_capacity(n);
        for (k, a) in args.iter().enumerate() {
            let end = match (n, k) {
                (1, _) => r * c,
                (_, 0) => r,
                (_, 1) => c,
                _ => 1,
            };
            out.push(match a {
                Arg::Colon => Idx::All,
                Arg::Expr(e) => {
                    self.ends.push(end);
                    let v = self.eval(e);
                    self.ends.pop();
                    index::resolve(&v?).map_err(|err| err.at(e.span))?
                }
            });
        }
        Ok(out)
    }

    /// `target(args) = v`, in place when the kinds already agree (no copy of the matrix).
    pub(super) fn assign_indexed(
        &mut self,
        target: &mut Value,
        idx: &[Idx],
        v: Value,
        span: Span,
    ) -> Result<()> {
        // The result is at least as large as the largest subscript asks for.
        let need: f64 = idx
            .iter()
            .map(|i| match i {
                Idx::List { pos, .. } => pos.iter().max().map_or(1.0, |m| *m as f64 + 1.0),
                Idx::All => 1.0,
            })
            .product();
        self.check_alloc("index assignment", need, 1.0, 8)
            .map_err(|e| e.at(span))?;
        match (&mut *target, &v) {
            (Value::Real(t), Value::Real(s)) => return index::assign(t, idx, s, 0.0),
            (Value::Exact(t), Value::Exact(s)) => {
                return index::assign(t, idx, s, crate::exact::Rat::zero())
            }
            (Value::Complex(t), Value::Complex(s)) => {
                return index::assign(t, idx, s, crate::linalg::C64::new(0.0, 0.0))
            }
            (Value::Bool(t), Value::Bool(s)) => return index::assign(t, idx, s, false),
            _ => {}
        }
        *target = match index::promote(&[target, &v], "index assignment")? {
            Promoted::Bool(mut m) => {
                let src = m.pop().unwrap_or_default();
                let mut t = m.pop().unwrap_or_default();
                index::assign(&mut t, idx, &src, false)?;
                Value::Bool(t)
            }
            Promoted::Exact(mut m) => {
                let src = m.pop().unwrap_or_default();
                let mut t = m.pop().unwrap_or_default();
                index::assign(&mut t, idx, &src, crate::exact::Rat::zero())?;
                Value::Exact(t)
            }
            Promoted::Real(mut m) => {
                let src = m.pop().unwrap_or_default();
                let mut t = m.pop().unwrap_or_default();
                index::assign(&mut t, idx, &src, 0.0)?;
                Value::Real(t)
            }
            Promoted::Complex(mut m) => {
                let src = m.pop().unwrap_or_default();
                let mut t = m.pop().unwrap_or_default();
                index::assign(&mut t, idx, &src, crate::linalg::C64::new(0.0, 0.0))?;
                Value::complex(t)
            }
        };
        Ok(())
    }

    pub(super) fn delete(&mut self, lv: &LValue, display: bool) -> Result<()> {
        let target = self
            .vars()
            .get(&lv.name)
            .cloned()
            .ok_or_else(|| LaError::eval(format!("'{}' undefined", lv.name)).at(lv.span))?;
        let args = lv.index.as_deref().unwrap_or(&[]);
        let idx = self.subscripts(target.dims(), args)?;
        let out = match &target {
            Value::Exact(m) => Value::Exact(index::delete(m, &idx)?),
            Value::Real(m) => Value::Real(index::delete(m, &idx)?),
            Value::Complex(m) => Value::complex(index::delete(m, &idx)?),
            Value::Bool(m) => Value::Bool(index::delete(m, &idx)?),
            _ => return Err(LaError::eval("deletion is only defined for matrices").at(lv.span)),
        };
        if display {
            self.show(&lv.name, &out);
        }
        self.vars_mut().insert(&lv.name, out);
        Ok(())
    }
}

pub(super) fn is_empty_literal(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Matrix(rows) if rows.iter().all(|r| r.is_empty()))
}
