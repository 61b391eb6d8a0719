//! The blocks beyond `if`/`for`/`while`, as Octave runs them: `switch`,
//! `try`/`catch`, `unwind_protect`, `do ... until`, and `x++` / `x--`.

use super::*;
use crate::error::ErrorKind;

impl Interp<'_> {
    /// The first case whose value (or one of whose `{...}` values) equals
    /// the subject runs; else `otherwise`.
    pub(super) fn exec_switch(
        &mut self,
        subject: &Expr,
        cases: &[(Expr, Vec<Stmt>)],
        otherwise: Option<&[Stmt]>,
    ) -> Result<Flow> {
        let v = self.eval(subject)?;
        for (label, body) in cases {
            let c = self.eval(label)?;
            // A cell of values `case {1, 2}` matches when one of them does.
            let matched = match &c {
                Value::Cell(m) => m.iter().try_fold(false, |hit, e| {
                    Ok::<_, LaError>(hit || case_matches(&v, &e.0)?)
                }),
                _ => case_matches(&v, &c),
            };
            if matched.map_err(|e| e.at(label.span))? {
                return self.exec_block(body);
            }
        }
        otherwise.map_or(Ok(Flow::Normal), |body| self.exec_block(body))
    }

    /// Run `body`; on an error run `handler` with the error bound to `var`
    /// as a structure (`err.message`, `err.identifier`). Ctrl-C and la's own
    /// internal errors are not caught.
    pub(super) fn exec_try(
        &mut self,
        body: &[Stmt],
        var: Option<&Name>,
        handler: &[Stmt],
    ) -> Result<Flow> {
        match self.exec_block(body) {
            Err(e) if e.kind == ErrorKind::Eval => {
                if let Some(name) = var {
                    let mut v = error_value(&e, &self.session.source);
                    self.bind(name, Rhs::Value(&mut v), false)?;
                }
                self.session.last_error = e.message;
                self.exec_block(handler)
            }
            other => other,
        }
    }

    /// The cleanup runs however the body ends (an error, `return`, `break`);
    /// an error in the cleanup itself wins, as in Octave.
    pub(super) fn exec_unwind(&mut self, body: &[Stmt], cleanup: &[Stmt]) -> Result<Flow> {
        let result = self.exec_block(body);
        let after = self.exec_block(cleanup)?;
        let flow = result?;
        Ok(if after == Flow::Normal { flow } else { after })
    }

    pub(super) fn exec_do_until(&mut self, body: &[Stmt], cond: &Expr) -> Result<Flow> {
        loop {
            self.check_interrupt()?;
            match self.exec_block(body)? {
                Flow::Break => break,
                Flow::Normal | Flow::Continue => {}
                other => return Ok(other),
            }
            if self
                .eval(cond)?
                .is_true("until")
                .map_err(|e| e.at(cond.span))?
            {
                break;
            }
        }
        Ok(Flow::Normal)
    }

    /// `++x` / `--x`: the variable (or its indexed element) changed by one,
    /// giving the new value; on anything but a variable, two signs.
    pub(super) fn pre_increment(&mut self, op: BinOp, a: &Expr, span: Span) -> Result<Value> {
        let target = match &a.kind {
            ExprKind::Ident(n) => Some((n, None)),
            ExprKind::Call(f, args) => match &f.kind {
                ExprKind::Ident(n) => Some((n, Some(args.clone()))),
                _ => None,
            },
            _ => None,
        };
        let Some((name, index)) = target.filter(|(n, _)| self.vars().lookup(n).is_some()) else {
            let sign = if op == BinOp::Add {
                UnOp::Plus
            } else {
                UnOp::Neg
            };
            let v = ops::unary(sign, &self.eval(a)?).map_err(|e| e.at(span))?;
            return ops::unary(sign, &v).map_err(|e| e.at(span));
        };
        let lv = LValue::new(name.clone(), index, false, Vec::new(), a.span);
        let old = self.eval_lvalue_current(&lv)?;
        let one = Value::rat(crate::exact::Rat::one());
        let new = self.binary(op, &old, &one, span)?;
        self.assign(&lv, Rhs::Value(&mut new.clone()), false)?;
        Ok(new)
    }

    /// `x++` / `x--`: as in Octave, `ans` becomes the old value (shown
    /// without `;`) and `x` the new one.
    pub(super) fn exec_incr(&mut self, lv: &LValue, op: BinOp, stmt: &Stmt) -> Result<()> {
        let old = self.eval_lvalue_current(lv)?;
        let one = Value::rat(crate::exact::Rat::one());
        let mut new = self.binary(op, &old, &one, stmt.span)?;
        self.assign(lv, Rhs::Value(&mut new), false)?;
        if stmt.display {
            self.show("ans", &old);
        }
        self.vars_mut().insert("ans", old);
        Ok(())
    }
}

/// Octave's rule for a case: the same size and every element equal (`'a'`
/// matches 97 by its code; two empties match).
fn case_matches(v: &Value, c: &Value) -> Result<bool> {
    if v.dims() != c.dims() {
        return Ok(false);
    }
    if v.is_empty() {
        return Ok(true);
    }
    let eq = ops::binary(BinOp::Eq, &v.codes(), &c.codes(), &mut Vec::new())?;
    eq.is_true("switch")
}

/// The structure `catch err` binds: `message`, `identifier` and `stack` as
/// in Octave. la has no structure arrays, so `stack` is the innermost frame
/// only (what Octave's `err.stack(1)` is): the file, the function (the
/// script's name outside functions), and the line and column of the failure.
fn error_value(e: &LaError, src: &crate::error::Source) -> Value {
    let script = src.stem();
    let (file, name, line, col) = match e.stack(src).into_iter().next() {
        Some(p) => (p.file, p.name, p.line, p.col),
        None => {
            let (l, c) = e.span.map_or((0, 0), |s| src.line_col(s.start));
            (src.name.clone(), script, l, c)
        }
    };
    let number = |x: usize| Value::rat(crate::exact::Rat::from_i64(x as i64));
    let stack = Value::Struct(Rc::new(vec![
        ("file".to_string(), Value::str(file)),
        ("name".to_string(), Value::str(name)),
        ("line".to_string(), number(line)),
        ("column".to_string(), number(col)),
    ]));
    Value::Struct(Rc::new(vec![
        ("message".to_string(), Value::str(e.message.clone())),
        (
            "identifier".to_string(),
            Value::str(e.identifier.clone().unwrap_or_default()),
        ),
        ("stack".to_string(), stack),
    ]))
}
