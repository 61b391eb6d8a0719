//! The evaluator: walks the AST against a `Session`. It never prints; values
//! to display, text and warnings go to a `Sink` chosen by the caller.

use crate::ast::*;
use crate::builtins::{self, Args};
use crate::error::{LaError, Result};
use crate::format::Format;
use crate::index::{self, Idx, Promoted};
use crate::ops;
use crate::value::{Func, Value, Vars};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Where evaluation output goes: the CLI prints it, tests collect it.
pub trait Sink {
    /// A statement without `;` shows `name = value`.
    fn value(&mut self, name: &str, value: &Value, format: Format);
    /// Text printed by `disp`, `printf`, `help`, ...
    fn text(&mut self, text: &str);
    fn warning(&mut self, message: &str, span: Option<Span>);
}

/// What the caller should do after running some input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Continue,
    Exit(i32),
}

/// Everything a user builds up: variables, functions and settings. The REPL,
/// scripts, `-e` and stdin all run through the same `Session`.
pub struct Session {
    pub vars: Vars,
    pub funcs: HashMap<String, Rc<FunctionDef>>,
    pub format: Format,
    pub rng: crate::random::Rng,
    pub tic: Option<Instant>,
    /// Set by Ctrl-C; loops and calls check it and stop with an error.
    pub interrupt: Arc<AtomicBool>,
    /// Largest single result allowed, in bytes.
    pub max_bytes: usize,
    /// Terminal width used to split wide matrices into column blocks.
    pub width: usize,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            vars: Vars::default(),
            funcs: HashMap::new(),
            format: Format::Default,
            rng: crate::random::Rng::new(42),
            tic: None,
            interrupt: Arc::new(AtomicBool::new(false)),
            max_bytes: crate::limits::default_max_bytes(),
            width: 80,
        }
    }
}

impl Session {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parse and run `src`. On error, statements before it have taken effect
    /// and every variable is kept.
    pub fn run(&mut self, src: &str, sink: &mut dyn Sink) -> Result<Control> {
        let program = crate::parse::parse_program(src)?;
        self.interrupt.store(false, Ordering::Relaxed);
        let mut it = Interp {
            session: self,
            sink,
            frames: Vec::new(),
            ends: Vec::new(),
        };
        match it.exec_block(&program)? {
            Flow::Exit(code) => Ok(Control::Exit(code)),
            _ => Ok(Control::Continue),
        }
    }
}

/// `x` when `e` is `x'` or `x.'`.
fn transposed_operand(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Unary(UnOp::Transpose | UnOp::CTranspose, inner) => Some(inner),
        _ => None,
    }
}

enum Operand<'e> {
    Var(&'e str),
    Value(Value),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Normal,
    Break,
    Continue,
    Return,
    Exit(i32),
}

/// Deepest chain of user-function calls before we refuse (instead of overflowing the stack).
const MAX_CALL_DEPTH: usize = 256;

pub struct Interp<'s> {
    pub session: &'s mut Session,
    pub sink: &'s mut dyn Sink,
    /// Local variables of the user functions being run; the workspace when empty.
    frames: Vec<Vars>,
    /// What `end` means inside the index being evaluated.
    ends: Vec<usize>,
}

impl Interp<'_> {
    pub fn vars(&self) -> &Vars {
        self.frames.last().unwrap_or(&self.session.vars)
    }
    pub fn vars_mut(&mut self) -> &mut Vars {
        match self.frames.last_mut() {
            Some(f) => f,
            None => &mut self.session.vars,
        }
    }

    pub fn warn(&mut self, message: &str, span: Span) {
        self.sink.warning(message, Some(span));
    }

    fn flush_warnings(&mut self, warnings: Vec<String>, span: Span) {
        for w in warnings {
            self.warn(&w, span);
        }
    }

    pub fn check_interrupt(&self) -> Result<()> {
        if self.session.interrupt.swap(false, Ordering::Relaxed) {
            return Err(LaError::interrupted());
        }
        Ok(())
    }

    /// Refuse a result of `rows x cols` elements of `elem` bytes before allocating it.
    pub fn check_alloc(&self, what: &str, rows: f64, cols: f64, elem: usize) -> Result<()> {
        crate::limits::check(what, rows * cols * elem as f64, self.session.max_bytes)
    }

    fn show(&mut self, name: &str, v: &Value) {
        let fmt = self.session.format;
        self.sink.value(name, v, fmt);
    }

    pub fn exec_block(&mut self, stmts: &[Stmt]) -> Result<Flow> {
        for s in stmts {
            self.check_interrupt()?;
            let flow = self.exec(s).map_err(|e| e.at(s.span))?;
            if flow != Flow::Normal {
                return Ok(flow);
            }
        }
        Ok(Flow::Normal)
    }

    fn exec(&mut self, s: &Stmt) -> Result<Flow> {
        match &s.kind {
            StmtKind::Expr(e) => self.exec_expr_stmt(e, s.display)?,
            StmtKind::Assign(lv, e) => {
                let v = if is_empty_literal(e) && lv.index.is_some() {
                    return self.delete(lv, s.display).map(|_| Flow::Normal);
                } else {
                    self.eval(e)?
                };
                self.assign(lv, v, s.display)?;
            }
            StmtKind::OpAssign(lv, op, e) => {
                let current = self.eval_lvalue_current(lv)?;
                let rhs = self.eval(e)?;
                let v = self.binary(*op, &current, &rhs, s.span)?;
                self.assign(lv, v, s.display)?;
            }
            StmtKind::MultiAssign(targets, e) => self.multi_assign(targets, e, s.display)?,
            StmtKind::If(arms, otherwise) => {
                for (cond, body) in arms {
                    if self
                        .eval(cond)?
                        .is_true("if")
                        .map_err(|e| e.at(cond.span))?
                    {
                        return self.exec_block(body);
                    }
                }
                if let Some(body) = otherwise {
                    return self.exec_block(body);
                }
            }
            StmtKind::For(var, range, body) => return self.exec_for(var, range, body),
            StmtKind::While(cond, body) => loop {
                self.check_interrupt()?;
                if !self
                    .eval(cond)?
                    .is_true("while")
                    .map_err(|e| e.at(cond.span))?
                {
                    break;
                }
                match self.exec_block(body)? {
                    Flow::Break => break,
                    Flow::Normal | Flow::Continue => {}
                    other => return Ok(other),
                }
            },
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Return => return Ok(Flow::Return),
            StmtKind::Function(def) => {
                self.session.funcs.insert(def.name.clone(), def.clone());
            }
            StmtKind::Command(name, args) => return crate::commands::run(self, name, args, s.span),
            StmtKind::Steps { latex, expr } => crate::homework::steps(self, expr, *latex)?,
        }
        Ok(Flow::Normal)
    }

    fn exec_expr_stmt(&mut self, e: &Expr, display: bool) -> Result<()> {
        // A bare variable shows itself and leaves `ans` alone, as in Octave.
        if let ExprKind::Ident(name) = &e.kind {
            if let Some(v) = self.vars().get(name) {
                if display {
                    let v = v.clone();
                    self.show(name, &v);
                }
                return Ok(());
            }
        }
        let mut vals = self.eval_multi(e, 0)?;
        if vals.is_empty() {
            return Ok(());
        }
        let v = vals.swap_remove(0);
        if display {
            self.show("ans", &v);
        }
        self.vars_mut().insert("ans".into(), v);
        Ok(())
    }

    fn exec_for(&mut self, var: &str, range: &Expr, body: &[Stmt]) -> Result<Flow> {
        // A large float range is walked without building it (`for k = 1:1e9`).
        if let ExprKind::Range(a, step, b) = &range.kind {
            let vals = self.range_parts(a, step.as_deref(), b)?;
            if exact_range(&vals).is_none() {
                let (base, inc, n) = float_range(&vals, range.span)?;
                return self.run_loop(
                    var,
                    n as usize,
                    |k| Value::scalar(base + k as f64 * inc),
                    body,
                );
            }
        }
        let r = self.eval(range)?;
        let (rows, cols) = r.dims();
        let cols = if rows == 0 { 0 } else { cols };
        self.run_loop(var, cols, |j| column(&r, j, rows), body)
    }

    fn run_loop(
        &mut self,
        var: &str,
        n: usize,
        item: impl Fn(usize) -> Value,
        body: &[Stmt],
    ) -> Result<Flow> {
        for k in 0..n {
            self.check_interrupt()?;
            self.bind(var, item(k), false)?;
            match self.exec_block(body)? {
                Flow::Break => break,
                Flow::Normal | Flow::Continue => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn range_parts(&mut self, a: &Expr, step: Option<&Expr>, b: &Expr) -> Result<Vec<Value>> {
        let mut vals = Vec::with_capacity(3);
        for e in [Some(a), step, Some(b)].into_iter().flatten() {
            vals.push(self.eval(e)?);
        }
        Ok(vals)
    }

    fn multi_assign(&mut self, targets: &[Option<LValue>], e: &Expr, display: bool) -> Result<()> {
        let vals = self.eval_multi(e, targets.len())?;
        if vals.len()
            < targets
                .iter()
                .rposition(|t| t.is_some())
                .map_or(0, |k| k + 1)
        {
            return Err(LaError::eval(format!(
                "element number {} undefined in return list",
                vals.len() + 1
            ))
            .at(e.span));
        }
        for (t, v) in targets.iter().zip(vals) {
            if let Some(lv) = t {
                self.assign(lv, v, display)?;
            }
        }
        Ok(())
    }

    fn eval_lvalue_current(&mut self, lv: &LValue) -> Result<Value> {
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

    fn assign(&mut self, lv: &LValue, v: Value, display: bool) -> Result<()> {
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
                    self.vars_mut().insert(lv.name.clone(), target);
                }
                return Err(e.at(lv.span));
            }
            return self.bind(&lv.name, target, display);
        }
        self.bind(&lv.name, v, display)
    }

    /// Store a variable (reusing its slot) and show it unless suppressed.
    fn bind(&mut self, name: &str, value: Value, display: bool) -> Result<()> {
        if display {
            self.show(name, &value);
        }
        match self.vars_mut().get_mut(name) {
            Some(slot) => *slot = value,
            None => {
                self.vars_mut().insert(name.to_string(), value);
            }
        }
        Ok(())
    }

    /// Evaluate subscripts; `end` means the extent of `dims` along that position.
    fn subscripts(&mut self, dims: (usize, usize), args: &[Arg]) -> Result<Vec<Idx>> {
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
    fn assign_indexed(
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

    fn delete(&mut self, lv: &LValue, display: bool) -> Result<()> {
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
        self.vars_mut().insert(lv.name.clone(), out);
        Ok(())
    }

    pub fn eval(&mut self, e: &Expr) -> Result<Value> {
        // Single-valued forms skip the Vec of eval_multi: this is the interpreter's hot path.
        match &e.kind {
            ExprKind::Binary(op, a, b) => return self.eval_binary(*op, a, b, e.span),
            ExprKind::Ident(name) => {
                if let Some(v) = self.vars().get(name) {
                    return Ok(v.clone());
                }
            }
            ExprKind::Number(s) => return number_literal(s, e.span),
            _ => {}
        }
        let mut vals = self.eval_multi(e, 1)?;
        if vals.is_empty() {
            return Err(LaError::eval("value on right hand side of assignment is undefined (the function returns nothing)").at(e.span));
        }
        Ok(vals.swap_remove(0))
    }

    fn eval_multi(&mut self, e: &Expr, nargout: usize) -> Result<Vec<Value>> {
        let one = |v: Value| Ok(vec![v]);
        match &e.kind {
            ExprKind::Number(s) => one(number_literal(s, e.span)?),
            ExprKind::Imag(s) => one(Value::Complex(crate::linalg::CMat::from_element(
                1,
                1,
                crate::linalg::C64::new(0.0, parse_number(s, e.span)?),
            ))),
            ExprKind::Str(s) => one(Value::Str(s.clone())),
            ExprKind::End => match self.ends.last() {
                Some(&n) => one(Value::scalar(n as f64)),
                None => Err(LaError::eval(
                    "'end': nonconformant arguments (only valid inside an index)",
                )
                .at(e.span)),
            },
            ExprKind::Colon => one(Value::str(":")),
            ExprKind::Ident(name) => self.eval_ident(name, e.span, nargout),
            ExprKind::Binary(op, a, b) => one(self.eval_binary(*op, a, b, e.span)?),
            ExprKind::Unary(op, a) => {
                let v = self.eval(a)?;
                one(ops::unary(*op, &v).map_err(|err| err.at(e.span))?)
            }
            ExprKind::Range(a, step, b) => one(self.eval_range(a, step.as_deref(), b, e.span)?),
            ExprKind::Call(target, args) => self.eval_call(target, args, nargout, e.span),
            ExprKind::Matrix(rows) => {
                let mut vals = Vec::with_capacity(rows.len());
                for row in rows {
                    let mut r = Vec::with_capacity(row.len());
                    for x in row {
                        r.push(self.eval(x)?);
                    }
                    vals.push(r);
                }
                let total: usize = vals.iter().flatten().map(Value::numel).sum();
                self.check_alloc("concatenation", total as f64, 1.0, 16)
                    .map_err(|err| err.at(e.span))?;
                one(index::concat(vals).map_err(|err| err.at(e.span))?)
            }
            ExprKind::AnonFn(def) => one(self.make_lambda(def)),
            ExprKind::FuncHandle(name) => {
                if self.session.funcs.contains_key(name) || builtins::lookup(name).is_some() {
                    one(Value::Func(Rc::new(Func::Named(name.clone()))))
                } else {
                    Err(
                        LaError::eval(format!("@{name}: no function and no method found"))
                            .at(e.span),
                    )
                }
            }
        }
    }

    fn eval_ident(&mut self, name: &str, span: Span, nargout: usize) -> Result<Vec<Value>> {
        if let Some(v) = self.vars().get(name) {
            return Ok(vec![v.clone()]);
        }
        self.call_named(name, Vec::new(), nargout, span)
    }

    fn eval_binary(&mut self, op: BinOp, a: &Expr, b: &Expr, span: Span) -> Result<Value> {
        if matches!(op, BinOp::OrOr | BinOp::AndAnd) {
            let sym = op.symbol();
            let l = self.eval(a)?.is_true(sym).map_err(|e| e.at(a.span))?;
            if (op == BinOp::OrOr) == l {
                return Ok(Value::bool(l));
            }
            let r = self.eval(b)?.is_true(sym).map_err(|e| e.at(b.span))?;
            return Ok(Value::bool(r));
        }
        if op == BinOp::Mul {
            if let Some(v) = self.transposed_product(a, b, span)? {
                return Ok(v);
            }
        }
        // Variables are read in place rather than copied (a 2000x2000 operand is 32 MB).
        // Reading a variable has no side effects, so evaluating the other operand first is safe.
        let l = self.operand(a)?;
        let r = self.operand(b)?;
        let (lv, rv) = (self.resolve(&l)?, self.resolve(&r)?);
        if let Some(v) = ops::scalar_fast_path(op, lv, rv) {
            return Ok(v);
        }
        if op == BinOp::Mul && !lv.is_scalar() && !rv.is_scalar() {
            self.check_alloc("operator *", lv.dims().0 as f64, rv.dims().1 as f64, 8)
                .map_err(|e| e.at(span))?;
        }
        let mut warnings = Vec::new();
        let v = ops::binary(op, lv, rv, &mut warnings).map_err(|e| e.at(span))?;
        self.flush_warnings(warnings, span);
        Ok(v)
    }

    /// An operand: a variable to borrow, or a computed value.
    fn operand<'e>(&mut self, e: &'e Expr) -> Result<Operand<'e>> {
        if let ExprKind::Ident(name) = &e.kind {
            if self.vars().contains_key(name) {
                return Ok(Operand::Var(name));
            }
        }
        self.eval(e).map(Operand::Value)
    }

    fn resolve<'a>(&'a self, o: &'a Operand) -> Result<&'a Value> {
        match o {
            Operand::Value(v) => Ok(v),
            Operand::Var(n) => self
                .vars()
                .get(*n)
                .ok_or_else(|| LaError::internal("operand variable vanished")),
        }
    }

    /// `A*B'` and `A'*B` on real matrices multiply through a transposed view
    /// instead of building the transpose.
    fn transposed_product(&mut self, a: &Expr, b: &Expr, span: Span) -> Result<Option<Value>> {
        let (ta, tb) = (transposed_operand(a), transposed_operand(b));
        if ta.is_none() && tb.is_none() {
            return Ok(None);
        }
        let l = self.operand(ta.unwrap_or(a))?;
        let r = self.operand(tb.unwrap_or(b))?;
        let (lv, rv) = (self.resolve(&l)?, self.resolve(&r)?);
        let (Value::Real(x), Value::Real(y)) = (lv, rv) else {
            // Not the real case: fall back to the general operators on the real transposes.
            let lt = if ta.is_some() {
                ops::transpose(lv, true)?
            } else {
                lv.clone()
            };
            let rt = if tb.is_some() {
                ops::transpose(rv, true)?
            } else {
                rv.clone()
            };
            return self.binary(BinOp::Mul, &lt, &rt, span).map(Some);
        };
        let (m, k1) = if ta.is_some() {
            (x.ncols(), x.nrows())
        } else {
            x.shape()
        };
        let (k2, n) = if tb.is_some() {
            (y.ncols(), y.nrows())
        } else {
            y.shape()
        };
        if m * k1 == 1 || k2 * n == 1 {
            let lt = if ta.is_some() {
                Value::Real(x.transpose())
            } else {
                lv.clone()
            };
            let rt = if tb.is_some() {
                Value::Real(y.transpose())
            } else {
                rv.clone()
            };
            return self.binary(BinOp::Mul, &lt, &rt, span).map(Some);
        }
        if k1 != k2 {
            return Err(LaError::eval(format!(
                "operator *: nonconformant arguments (op1 is {m}x{k1}, op2 is {k2}x{n})"
            ))
            .at(span));
        }
        self.check_alloc("operator *", m as f64, n as f64, 8)
            .map_err(|e| e.at(span))?;
        let v = crate::linalg::products::matmul_t(x, ta.is_some(), y, tb.is_some());
        Ok(Some(Value::Real(v)))
    }

    pub fn binary(&mut self, op: BinOp, l: &Value, r: &Value, span: Span) -> Result<Value> {
        if op == BinOp::Mul && !l.is_scalar() && !r.is_scalar() {
            self.check_alloc("operator *", l.dims().0 as f64, r.dims().1 as f64, 8)
                .map_err(|e| e.at(span))?;
        }
        let mut warnings = Vec::new();
        let v = ops::binary(op, l, r, &mut warnings).map_err(|e| e.at(span))?;
        self.flush_warnings(warnings, span);
        Ok(v)
    }

    fn eval_range(&mut self, a: &Expr, step: Option<&Expr>, b: &Expr, span: Span) -> Result<Value> {
        let vals = self.range_parts(a, step, b)?;
        if let Some(r) = exact_range(&vals) {
            return Ok(r);
        }
        let (base, inc, n) = float_range(&vals, span)?;
        self.check_alloc("colon", 1.0, n, 8)
            .map_err(|e| e.at(span))?;
        Ok(Value::Real(crate::linalg::RMat::from_fn(
            1,
            n as usize,
            |_, k| base + k as f64 * inc,
        )))
    }

    fn eval_call(
        &mut self,
        target: &Expr,
        args: &[Arg],
        nargout: usize,
        span: Span,
    ) -> Result<Vec<Value>> {
        if let ExprKind::Ident(name) = &target.kind {
            if let Some(v) = self.vars().get(name).cloned() {
                return self.call_or_index(&v, args, nargout, span);
            }
            let vals = self.eval_args(args)?;
            return self.call_named(name, vals, nargout, span);
        }
        let v = self.eval(target)?;
        self.call_or_index(&v, args, nargout, span)
    }

    fn eval_args(&mut self, args: &[Arg]) -> Result<Vec<Value>> {
        args.iter()
            .map(|a| match a {
                Arg::Colon => Ok(Value::str(":")),
                Arg::Expr(e) => self.eval(e),
            })
            .collect()
    }

    fn call_or_index(
        &mut self,
        v: &Value,
        args: &[Arg],
        nargout: usize,
        span: Span,
    ) -> Result<Vec<Value>> {
        if let Value::Func(f) = v {
            let vals = self.eval_args(args)?;
            return self.call_func(f, vals, nargout, span);
        }
        let idx = self.subscripts(v.dims(), args)?;
        let out = match v {
            Value::Exact(m) => Value::Exact(index::index(m, &idx)?),
            Value::Real(m) => Value::Real(index::index(m, &idx)?),
            Value::Complex(m) => Value::complex(index::index(m, &idx)?),
            Value::Bool(m) => Value::Bool(index::index(m, &idx)?),
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                let m = nalgebra::DMatrix::from_row_slice(1, chars.len(), &chars);
                Value::Str(index::index(&m, &idx)?.iter().collect())
            }
            Value::Func(_) => unreachable_func()?,
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
                    frame.insert(p.clone(), a);
                }
                self.enter(frame, span)?;
                let r = self.eval_multi(&def.body, nargout);
                self.frames.pop();
                r
            }
        }
    }

    fn enter(&mut self, frame: Vars, span: Span) -> Result<()> {
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
                    b.signature,
                    args.len(),
                    if args.len() == 1 { "" } else { "s" }
                )
            };
            return Err(LaError::eval(why).at(span));
        }
        self.check_interrupt()?;
        (b.run)(
            self,
            Args {
                vals: args,
                nargout,
                span,
            },
        )
        .map_err(|e| e.at(span))
    }

    fn call_user(
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
        let flow = self.exec_block(&def.body);
        let frame = self.frames.pop().unwrap_or_default();
        if let Flow::Exit(_) = flow? {
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

    fn make_lambda(&self, def: &Rc<Lambda>) -> Value {
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

fn unreachable_func() -> Result<Value> {
    Err(LaError::internal("function value reached indexing"))
}

fn undefined_message(name: &str, it: &Interp) -> String {
    let mut known: Vec<&str> = builtins::names().collect();
    known.extend(it.vars().keys().map(|s| s.as_str()));
    known.extend(it.session.funcs.keys().map(|s| s.as_str()));
    match crate::help::closest(name, known.into_iter()) {
        Some(s) => format!("'{name}' undefined (did you mean `{s}`?)"),
        None => format!("'{name}' undefined"),
    }
}

fn is_empty_literal(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Matrix(rows) if rows.iter().all(|r| r.is_empty()))
}

fn column(v: &Value, j: usize, rows: usize) -> Value {
    match v {
        Value::Exact(m) => Value::Exact(m.columns(j, 1).into_owned()),
        Value::Real(m) => Value::Real(m.columns(j, 1).into_owned()),
        Value::Complex(m) => Value::complex(m.columns(j, 1).into_owned()),
        Value::Bool(m) => Value::Bool(m.columns(j, 1).into_owned()),
        Value::Str(s) => Value::Str(s.chars().nth(j).map(String::from).unwrap_or_default()),
        Value::Func(_) if rows > 0 => v.clone(),
        Value::Func(_) => Value::empty(),
    }
}

/// Start, step and element count of a floating-point range `a:b` / `a:s:b`.
fn float_range(vals: &[Value], span: Span) -> Result<(f64, f64, f64)> {
    let f = |v: &Value| v.to_f64("colon").map_err(|e| e.at(span));
    let (base, inc, limit) = match vals {
        [a, b] => (f(a)?, 1.0, f(b)?),
        [a, s, b] => (f(a)?, f(s)?, f(b)?),
        _ => return Err(LaError::internal("range with no bounds")),
    };
    let n = range_len(base, inc, limit);
    if !n.is_finite() {
        return Err(LaError::eval("colon: the range never ends (a bound is infinite)").at(span));
    }
    Ok((base, inc, n))
}

/// `a:b` or `a:s:b` with exact scalars stays exact while it is small.
fn exact_range(vals: &[Value]) -> Option<Value> {
    use crate::exact::{Rat, RatMat, MAX_EXACT_ENTRIES};
    let q: Vec<Rat> = vals
        .iter()
        .map(|v| match v {
            Value::Exact(m) if m.len() == 1 => Some(m[0].clone()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (base, inc, limit) = match q.as_slice() {
        [a, b] => (a.clone(), Rat::one(), b.clone()),
        [a, s, b] => (a.clone(), s.clone(), b.clone()),
        _ => return None,
    };
    if inc.is_zero() || (&limit - &base).is_negative() != inc.is_negative() && limit != base {
        return Some(Value::Exact(RatMat::zeros(1, 0)));
    }
    let steps = ((&limit - &base) / &inc).floor();
    let (n, _) = steps.as_i64_pair()?;
    if n < 0 || n as usize >= MAX_EXACT_ENTRIES {
        return None;
    }
    let mut out = Vec::with_capacity(n as usize + 1);
    let mut x = base;
    for _ in 0..=n {
        out.push(x.clone());
        x = x + &inc;
    }
    Some(Value::Exact(RatMat::from_row_slice(1, out.len(), &out)))
}

/// Number of elements of `base:inc:limit`, with Octave's tolerance for round-off.
pub fn range_len(base: f64, inc: f64, limit: f64) -> f64 {
    if base.is_nan() || limit.is_nan() || inc.is_nan() || inc == 0.0 || (limit - base) / inc < 0.0 {
        return 0.0;
    }
    if base.is_infinite() || limit.is_infinite() || inc.is_infinite() {
        // `1:Inf` would never end; the caller's memory check refuses it.
        return if (limit - base) / inc > 0.0 {
            f64::INFINITY
        } else {
            0.0
        };
    }
    let n = ((limit - base) / inc * (1.0 + f64::EPSILON * 4.0)).floor() + 1.0;
    n.max(0.0)
}

/// Integer and decimal literals are exact (`0.1` is 1/10) unless their
/// exponent is so large that the fraction would be unwieldy.
fn number_literal(s: &str, span: Span) -> Result<Value> {
    let exponent: i64 = s
        .split(['e', 'E'])
        .nth(1)
        .and_then(|e| e.parse().ok())
        .unwrap_or(0);
    if exponent.abs() <= 300 && s.len() <= 40 {
        if let Some(q) = crate::exact::Rat::from_decimal_str(s) {
            return Ok(Value::rat(q));
        }
    }
    parse_number(s, span).map(Value::scalar)
}

fn parse_number(s: &str, span: Span) -> Result<f64> {
    s.parse::<f64>()
        .map_err(|_| LaError::parse(format!("invalid number '{s}'"), span))
}

fn free_idents(e: &Expr, out: &mut Vec<String>) {
    let args = |args: &[Arg], out: &mut Vec<String>| {
        for a in args {
            if let Arg::Expr(x) = a {
                free_idents(x, out);
            }
        }
    };
    match &e.kind {
        ExprKind::Ident(n) => out.push(n.clone()),
        ExprKind::Binary(_, a, b) => {
            free_idents(a, out);
            free_idents(b, out);
        }
        ExprKind::Unary(_, a) => free_idents(a, out),
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
        ExprKind::Matrix(rows) => rows.iter().flatten().for_each(|x| free_idents(x, out)),
        ExprKind::AnonFn(def) => free_idents(&def.body, out),
        _ => {}
    }
}
