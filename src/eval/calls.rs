//! Calls: built-ins through the registry, user functions, anonymous
//! functions with their captured variables, and indexing when the name is a variable.

use super::*;

impl Interp<'_> {
    pub(super) fn eval_call(
        &mut self,
        target: &Expr,
        args: &[Arg],
        nargout: usize,
        span: Span,
    ) -> Result<Vec<Value>> {
        if let ExprKind::Ident(name) = &target.kind {
            if let Some(v) = self.vars().lookup(name).cloned() {
                return self.call_or_index(&v, args, nargout, span, Some(name.as_str()));
            }
            if name.as_str() == "check" && !self.session.funcs.contains_key("check") {
                return super::check::call_form(self, args, nargout, span);
            }
            if matches!(name.as_str(), "save" | "load")
                && !self.session.funcs.contains_key(name.as_str())
            {
                return self.file_call(name.as_str(), args, nargout, span);
            }
            let vals = self.eval_args(args)?;
            return self.call_named(name, vals, nargout, span);
        }
        let v = self.eval(target)?;
        self.call_or_index(&v, args, nargout, span, None)
    }

    /// `save('f.txt', 'x')`, `load('f.txt')`, `X = load('data.txt')`: the
    /// commands in function form, every argument a string.
    fn file_call(
        &mut self,
        name: &str,
        args: &[Arg],
        nargout: usize,
        span: Span,
    ) -> Result<Vec<Value>> {
        use crate::builtins::commands;
        let vals = self.eval_args(args)?;
        let mut words = Vec::with_capacity(vals.len());
        for (k, v) in vals.iter().enumerate() {
            match v {
                Value::Str(s) => words.push(s.clone()),
                other => {
                    return Err(LaError::eval(format!(
                        "{name}: argument {} must be a string (a file or variable name), not {}",
                        k + 1,
                        other.describe()
                    ))
                    .at(span))
                }
            }
        }
        if name == "save" {
            if nargout > 0 {
                return Err(LaError::eval("save: it returns no value").at(span));
            }
            commands::save_args(self, &words, span)?;
            Ok(Vec::new())
        } else if nargout > 0 {
            Ok(vec![commands::load_value(self, &words, span)?])
        } else {
            commands::load_args(self, &words, span)?;
            Ok(Vec::new())
        }
    }

    /// Argument values; `c{:}` stands for every element it picks.
    pub(super) fn eval_args(&mut self, args: &[Arg]) -> Result<Vec<Value>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            match a {
                Arg::Colon => out.push(Value::str(":")),
                Arg::Expr(e) => self.push_values(e, &mut out)?,
            }
        }
        Ok(out)
    }

    /// `v(args)`: a call when `v` is a function, else indexing (of the
    /// variable `name`, which an index error then names, as Octave does).
    pub(super) fn call_or_index(
        &mut self,
        v: &Value,
        args: &[Arg],
        nargout: usize,
        span: Span,
        name: Option<&str>,
    ) -> Result<Vec<Value>> {
        if let Value::Func(f) = v {
            let vals = self.eval_args(args)?;
            return self.call_func(f, vals, nargout, span);
        }
        let subs = self.eval_subscripts(v.dims(), args, name)?;
        // An index error points at this index, not at the whole statement.
        Self::index_value(v, subs).map_err(|e| index::naming(e, name).at(span))
    }

    /// `v(subs)` for a value that is no function.
    fn index_value(v: &Value, subs: super::assign::Subs) -> Result<Vec<Value>> {
        // One element by plain numbers (`A(i, j)` in a loop): read just it.
        if let Some(k) = subs.element(v.dims()) {
            let out = match v {
                Value::Exact(m) => Some(Value::rat(m[k].clone())),
                Value::Real(m) => Some(Value::scalar(m[k])),
                Value::Bool(m) => Some(Value::bool(m[k])),
                _ => None,
            };
            if let Some(out) = out {
                return Ok(vec![out]);
            }
        }
        let idx = subs.into_idx();
        let out = match v {
            Value::Exact(m) => Value::Exact(index::index(m, &idx)?.into()),
            Value::Quad(m) => Value::quad(index::index(m, &idx)?),
            Value::Real(m) => Value::Real(index::index(m, &idx)?.into()),
            Value::Complex(m) => Value::complex(index::index(m, &idx)?),
            Value::Bool(m) => Value::Bool(index::index(m, &idx)?.into()),
            Value::Str(s) => Value::Str(
                index::index(&super::assign::chars(s), &idx)?
                    .iter()
                    .collect(),
            ),
            Value::Cell(m) => Value::cell(index::index(m, &idx)?),
            Value::Func(_) => unreachable_func()?,
            // A scalar structure is its own only element: `err.stack(1)`.
            Value::Struct(_) if !idx.is_empty() && idx.iter().all(is_first) => v.clone(),
            Value::Struct(_) => {
                return Err(LaError::eval(
                    "index out of bound: a structure has one element, s(1)",
                ))
            }
        };
        Ok(vec![out])
    }

    pub fn call_func(
        &mut self,
        f: &Func,
        args: Vec<Value>,
        nargout: usize,
        span: Span,
    ) -> Result<Vec<Value>> {
        match f {
            Func::Named(name) => self.call_named(name, args, nargout, span),
            Func::User(def) => self.call_user(def, args, nargout, span),
            Func::Lambda { def, captured } => {
                if args.len() > def.params.len() {
                    return Err(LaError::eval(format!(
                        "{}: function called with too many inputs ({} given, {} expected)",
                        def.text,
                        args.len(),
                        def.params.len()
                    ))
                    .at(span));
                }
                let mut frame = captured.clone();
                for (p, a) in def.params.iter().zip(args) {
                    frame.insert(p, a);
                }
                self.enter(frame, span)?;
                let here = self.current_source();
                let own = def.source.get().cloned();
                self.sources
                    .push(own.clone().unwrap_or_else(|| here.clone()));
                let r = self.eval_multi(&def.body, nargout);
                self.sources.pop();
                self.frames.pop();
                // Written in another input: its error is shown there, as a
                // named function's is.
                r.map_err(|e| match own {
                    Some(src) if *src != *here => e.leaving("@<anonymous>", span, Some(src)),
                    _ => e,
                })
            }
        }
    }

    pub(super) fn enter(&mut self, frame: Vars, span: Span) -> Result<()> {
        self.check_interrupt()?;
        if self.frames.len() >= MAX_CALL_DEPTH {
            return Err(LaError::eval(format!(
                "max_recursion_depth exceeded ({MAX_CALL_DEPTH} nested calls)"
            ))
            .at(span));
        }
        self.frames.push(frame);
        Ok(())
    }

    pub fn call_named(
        &mut self,
        name: &str,
        args: Vec<Value>,
        nargout: usize,
        span: Span,
    ) -> Result<Vec<Value>> {
        if let Some(def) = self.session.funcs.get(name).cloned() {
            return self.call_user(&def, args, nargout, span);
        }
        let Some(b) = builtins::lookup(name) else {
            return Err(LaError::eval(undefined_message(name, self)).at(span));
        };
        if args.len() < b.min_args || args.len() > b.max_args || nargout > b.max_out.max(1) {
            let why = if nargout > b.max_out.max(1) {
                format!(
                    "{name}: function called with too many outputs (at most {})",
                    b.max_out
                )
            } else {
                format!(
                    "Invalid call to {name}: expected {} (got {} argument{})",
                    b.doc.signature,
                    args.len(),
                    if args.len() == 1 { "" } else { "s" }
                )
            };
            return Err(LaError::eval(why).at(span));
        }
        if b.max_out == 0 && nargout > 0 {
            // Pictures return nothing: refuse `x = plot(...)` before drawing.
            return Err(LaError::eval(format!(
                "{name}: value on right hand side: element number 1 undefined in return list"
            ))
            .at(span));
        }
        self.check_interrupt()?;
        let mut warnings = Vec::new();
        let args = crate::builtins::quad_args(b, args, &mut warnings);
        for w in &warnings {
            crate::builtins::ctx::Ctx::warn(self, w, span);
        }
        let args = match self.run_on_worker(b, args, nargout, span) {
            Ok(result) => return result.map_err(|e| e.at(span)),
            Err(args) => args,
        };
        (b.run)(
            self,
            Args {
                vals: args,
                nargout,
                span,
                name: b.name,
                signature: b.doc.signature,
            },
        )
        .map_err(|e| e.at(span))
    }

    pub(super) fn call_user(
        &mut self,
        def: &Rc<FunctionDef>,
        args: Vec<Value>,
        nargout: usize,
        span: Span,
    ) -> Result<Vec<Value>> {
        if args.len() > def.params.len() {
            return Err(LaError::eval(format!(
                "{}: function called with too many inputs",
                def.name
            ))
            .at(span));
        }
        if nargout > def.outputs.len().max(1) {
            return Err(LaError::eval(format!(
                "{}: function called with too many outputs",
                def.name
            ))
            .at(span));
        }
        let frame: Vars = def.params.iter().cloned().zip(args).collect();
        self.enter(frame, span)?;
        let src = def.source.get().cloned();
        self.sources
            .push(src.unwrap_or_else(|| self.session.source.clone()));
        let flow = self.exec_block(&def.body);
        self.sources.pop();
        let frame = self.frames.pop().unwrap_or_default();
        if let Flow::Exit(_) =
            flow.map_err(|e| e.leaving(&def.name, span, def.source.get().cloned()))?
        {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for (k, name) in def.outputs.iter().enumerate().take(nargout.max(1)) {
            match frame.get(name) {
                Some(v) => out.push(v.clone()),
                None if k == 0 && nargout == 0 => break,
                None => {
                    return Err(LaError::eval(format!(
                        "{}: value of output '{name}' was never set",
                        def.name
                    ))
                    .at(span))
                }
            }
        }
        Ok(out)
    }

    /// The source of the code being run: the innermost user function's or
    /// lambda's, else the input.
    fn current_source(&self) -> Arc<crate::error::Source> {
        self.sources.last().unwrap_or(&self.session.source).clone()
    }

    pub(super) fn make_lambda(&self, def: &Rc<Lambda>) -> Value {
        // Its spans are offsets into the code it is written in.
        def.source.get_or_init(|| self.current_source());
        let mut names = Vec::new();
        free_idents(&def.body, &mut names);
        let captured = names
            .into_iter()
            .filter(|n| !def.params.contains(n))
            .filter_map(|n| self.vars().get(&n).map(|v| (n, v.clone())))
            .collect();
        Value::Func(Rc::new(Func::Lambda {
            def: def.clone(),
            captured,
        }))
    }
}

/// A subscript that picks exactly the first element.
fn is_first(i: &Idx) -> bool {
    matches!(i, Idx::List { pos, .. } if pos.as_slice() == [0])
}

pub(super) fn unreachable_func() -> Result<Value> {
    Err(LaError::internal("function value reached indexing"))
}

pub(super) fn undefined_message(name: &str, it: &Interp) -> String {
    let habit = match name {
        "True" => Some("Python's True is true in la"),
        "False" => Some("Python's False is false in la"),
        "None" => Some("Python's None has no la twin; [] is the empty matrix"),
        "len" => Some("len is Python's; in la write length(x) (or numel(x), size(x))"),
        "print" => Some("print is Python's; in la write disp(x), or leave off the ';' to show x"),
        "np" | "numpy" => Some("la needs no NumPy: its functions are always available"),
        _ => None,
    };
    if let Some(h) = habit {
        return format!("'{name}' undefined: {h}");
    }
    let mut known: Vec<&str> = builtins::names().collect();
    known.extend(it.vars().keys().map(|s| s.as_str()));
    known.extend(it.session.funcs.keys().map(|s| s.as_str()));
    match crate::builtins::help::closest(name, known.into_iter()) {
        Some(s) => format!("'{name}' undefined (did you mean `{s}`?)"),
        None => format!("'{name}' undefined"),
    }
}

pub(super) fn free_idents(e: &Expr, out: &mut Vec<String>) {
    let args = |args: &[Arg], out: &mut Vec<String>| {
        for a in args {
            if let Arg::Expr(x) = a {
                free_idents(x, out);
            }
        }
    };
    match &e.kind {
        ExprKind::Ident(n) => out.push(n.to_string()),
        ExprKind::Binary(_, a, b) => {
            free_idents(a, out);
            free_idents(b, out);
        }
        ExprKind::Unary(_, a) | ExprKind::Field(a, _) | ExprKind::PreIncr(_, a) => {
            free_idents(a, out)
        }
        ExprKind::Range(a, s, b) => {
            free_idents(a, out);
            if let Some(s) = s {
                free_idents(s, out);
            }
            free_idents(b, out);
        }
        ExprKind::Call(f, a) => {
            free_idents(f, out);
            args(a, out);
        }
        ExprKind::CellIndex(f, a) => {
            free_idents(f, out);
            args(a, out);
        }
        ExprKind::Matrix(rows) | ExprKind::Cell(rows) => {
            rows.iter().flatten().for_each(|x| free_idents(x, out))
        }
        ExprKind::AnonFn(def) => free_idents(&def.body, out),
        _ => {}
    }
}
