//! The evaluator: walks the AST against a `Session`. It never prints; values
//! to display, text and warnings go to a `Sink` chosen by the caller.
//! It hosts the built-ins (`host` implements `builtins::ctx`) and runs the
//! `steps` statement. May use everything below it; not shell.

pub mod check;
pub mod limits;
pub mod steps;

use crate::builtins::ctx::Ctx;
use crate::builtins::{self, Args};
use crate::error::{LaError, Result};
use crate::ops;
use crate::ops::index::{self, Idx, Promoted};
use crate::syntax::ast::*;
use crate::value::format::Format;
use crate::value::{make_mut, Func, Value, Vars};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

mod assign;
mod binary;
mod calls;
mod cells;
mod control;
mod fields;
mod host;
mod literal;
mod ranges;
mod scalar;
mod worker;

use assign::{is_empty_literal, Rhs};
use ops::Scalar;
use ranges::{column, exact_range_parts, float_range};
use scalar::end_of;

/// Where evaluation output goes: the CLI prints it, tests collect it.
pub trait Sink {
    /// A statement without `;` shows `name = value`.
    fn value(&mut self, name: &str, value: &Value, format: Format);
    /// Text printed by `disp`, `printf`, `help`, ...
    fn text(&mut self, text: &str);
    fn warning(&mut self, message: &str, span: Option<Span>);
    /// The verdict of a `check` statement; plain text unless the sink knows better.
    fn verdict(&mut self, verdict: &crate::builtins::check::Verdict) {
        self.text(&format!("{}\n", verdict.line()));
    }
    /// The working of `steps` (LaTeX for `latex steps`); plain text unless the sink knows better.
    fn working(&mut self, text: &str, latex: bool) {
        let _ = latex;
        self.text(text);
        self.text("\n");
    }
    /// A figure to show (after a statement that changed it). Sinks that
    /// collect values only may ignore it; the shells draw it.
    fn figure(&mut self, _figure: &crate::plot::Figure) {}
    /// `clc`: the shells clear a terminal; other sinks have no screen.
    fn clear_screen(&mut self) {}
}

/// How many `check` statements ran and how many were right: a homework
/// sheet ends with the summary.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CheckTally {
    pub correct: usize,
    pub total: usize,
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
    pub rng: crate::linalg::random::Rng,
    pub tic: Option<Instant>,
    /// Set by Ctrl-C; loops and calls check it and stop with an error.
    pub interrupt: Arc<AtomicBool>,
    /// Largest single result allowed, in bytes.
    pub max_bytes: usize,
    /// Terminal width used to split wide matrices into column blocks.
    pub width: usize,
    /// The `check` statements run so far.
    pub checks: CheckTally,
    /// The figures `plot` and friends draw on.
    pub figures: crate::plot::Figures,
    /// Decimal literals already converted, so `x = x + 0.1` in a loop parses
    /// `0.1` (a big-integer fraction) once, not on every iteration.
    literals: rustc_hash::FxHashMap<Box<str>, Value>,
    /// The message of the last error `try` caught, for `lasterr`.
    pub last_error: String,
    /// The source being run (its name set by the shell), for `err.stack`.
    /// Shared with the functions it defines, so their errors are shown in it.
    pub source: Arc<crate::error::Source>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            vars: Vars::default(),
            funcs: HashMap::new(),
            format: Format::default(),
            rng: crate::linalg::random::Rng::new(42),
            tic: None,
            interrupt: Arc::new(AtomicBool::new(false)),
            max_bytes: crate::eval::limits::default_max_bytes(),
            width: 80,
            checks: CheckTally::default(),
            figures: crate::plot::Figures::default(),
            literals: Default::default(),
            last_error: String::new(),
            source: Arc::new(crate::error::Source::new("<input>", "")),
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
        if self.source.text != src {
            self.source = Arc::new(crate::error::Source::new("<input>", src));
        }
        let program = crate::syntax::parse::parse_program(src)?;
        self.interrupt.store(false, Ordering::Relaxed);
        let mut it = Interp {
            session: self,
            sink,
            frames: Vec::new(),
            ends: Vec::new(),
            notes: Vec::new(),
            sources: Vec::new(),
        };
        let flow = it.exec_block(&program);
        it.show_figure();
        match flow? {
            Flow::Exit(code) => Ok(Control::Exit(code)),
            _ => Ok(Control::Continue),
        }
    }
}

/// One value of a `for` loop.
enum Item {
    Scalar(Scalar),
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
    /// Notes about the statement's result, shown with its value (see `Ctx::note`).
    notes: Vec<String>,
    /// The sources of the user functions being run, innermost last (the
    /// input being run when empty): where a lambda written there comes from.
    sources: Vec<Arc<crate::error::Source>>,
}

impl Interp<'_> {
    #[inline(always)]
    pub fn vars(&self) -> &Vars {
        self.frames.last().unwrap_or(&self.session.vars)
    }
    #[inline(always)]
    pub fn vars_mut(&mut self) -> &mut Vars {
        match self.frames.last_mut() {
            Some(f) => f,
            None => &mut self.session.vars,
        }
    }

    fn flush_warnings(&mut self, warnings: Vec<String>, span: Span) {
        for w in warnings {
            self.warn(&w, span);
        }
    }

    pub fn check_interrupt(&self) -> Result<()> {
        // A plain load first: this runs every statement and an atomic swap costs more.
        let flag = &self.session.interrupt;
        if flag.load(Ordering::Relaxed) && flag.swap(false, Ordering::Relaxed) {
            return Err(LaError::interrupted());
        }
        Ok(())
    }

    fn show(&mut self, name: &str, v: &Value) {
        for note in std::mem::take(&mut self.notes) {
            self.sink.text(&note);
        }
        let fmt = self.session.format;
        self.sink.value(name, v, fmt);
    }

    pub fn exec_block(&mut self, stmts: &[Stmt]) -> Result<Flow> {
        for s in stmts {
            self.check_interrupt()?;
            let flow = self.exec(s);
            // Notes no display took: the statement ended in `;` (or failed).
            self.notes.clear();
            // Matched where it lies: moving the whole `Result` (an error's
            // size) cost a tenth of a loop statement.
            match flow {
                Ok(Flow::Normal) => {}
                Ok(other) => return Ok(other),
                Err(e) => return Err(e.at(s.span)),
            }
        }
        Ok(Flow::Normal)
    }

    /// One statement; inlined into its one caller, [`Interp::exec_block`]
    /// (a call returning the large `Result` through memory cost a loop
    /// statement a sixth more time).
    #[inline(always)]
    fn exec(&mut self, s: &Stmt) -> Result<Flow> {
        match &s.kind {
            StmtKind::Expr(e) => self.exec_expr_stmt(e, s.display)?,
            StmtKind::Assign(lv, e) => {
                if is_empty_literal(e) && (lv.index.is_some() && !lv.brace || !lv.path.is_empty()) {
                    return self.delete(lv, s.display).map(|_| Flow::Normal);
                }
                // A plain number (the typical loop body) is stored without a `Value`.
                let x = self.scalar(e);
                let mut v;
                let rhs = match &x {
                    Some(x) => Rhs::Scalar(x),
                    None => {
                        v = self.eval(e)?;
                        Rhs::Value(&mut v)
                    }
                };
                self.assign(lv, rhs, s.display)?;
            }
            StmtKind::OpAssign(lv, op, e) => {
                let current = self.eval_lvalue_current(lv)?;
                let rhs = self.eval(e)?;
                let mut v = self.binary(*op, &current, &rhs, s.span)?;
                self.assign(lv, Rhs::Value(&mut v), s.display)?;
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
            StmtKind::Switch(subject, cases, otherwise) => {
                return self.exec_switch(subject, cases, otherwise.as_deref())
            }
            StmtKind::Try(body, var, handler) => return self.exec_try(body, var.as_ref(), handler),
            StmtKind::Unwind(body, cleanup) => return self.exec_unwind(body, cleanup),
            StmtKind::DoUntil(body, cond) => return self.exec_do_until(body, cond),
            StmtKind::Incr(lv, op) => self.exec_incr(lv, *op, s)?,
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Return => return Ok(Flow::Return),
            StmtKind::Function(def) => {
                // Its spans are offsets into the input that defined it.
                let _ = def.source.set(self.session.source.clone());
                self.session.funcs.insert(def.name.clone(), def.clone());
            }
            StmtKind::Command(name, args) => return self.command(name, args, s.span),
            StmtKind::Steps { latex, expr } => crate::eval::steps::steps(self, expr, *latex)?,
            StmtKind::Check(c) => {
                crate::eval::check::check(self, c)?;
            }
        }
        Ok(Flow::Normal)
    }

    fn command(&mut self, name: &str, args: &[String], span: Span) -> Result<Flow> {
        if crate::builtins::commands::lookup(name).is_none()
            && crate::builtins::lookup(name).is_some()
        {
            // Command syntax for a function (`hold on`, `print -dsvg f.svg`).
            let vals = args.iter().map(|a| Value::Str(a.clone())).collect();
            self.call_named(name, vals, 0, span)?;
            if self.frames.is_empty() {
                self.show_figure();
            }
            return Ok(Flow::Normal);
        }
        let Some(c) = crate::builtins::commands::lookup(name) else {
            return Err(LaError::internal(format!(
                "command '{name}' has no registry entry"
            )));
        };
        Ok(match (c.run)(self, args, span)? {
            crate::builtins::commands::Next::Continue => Flow::Normal,
            crate::builtins::commands::Next::Exit(code) => Flow::Exit(code),
        })
    }

    /// Show the current figure if it changed since it was last shown.
    pub fn show_figure(&mut self) {
        if self.session.figures.dirty {
            self.session.figures.dirty = false;
            if let Some(f) = self.session.figures.shown() {
                let f = f.clone();
                self.sink.figure(&f);
            }
        }
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
            if display && self.frames.is_empty() {
                self.show_figure();
            }
            return Ok(());
        }
        // `c{:}` gives several values: each becomes `ans` in turn, as in Octave.
        if !matches!(e.kind, ExprKind::CellIndex(..)) {
            vals.truncate(1);
        }
        let Some(v) = vals.pop() else {
            return Ok(());
        };
        if display {
            for earlier in &vals {
                self.show("ans", earlier);
            }
            self.show("ans", &v);
        }
        if display && self.frames.is_empty() {
            self.show_figure();
        }
        self.vars_mut().insert("ans", v);
        Ok(())
    }

    fn exec_for(&mut self, var: &Name, range: &Expr, body: &[Stmt]) -> Result<Flow> {
        // A large float range is walked without building it (`for k = 1:1e9`).
        if let ExprKind::Range(a, step, b) = &range.kind {
            let vals = self.range_parts(a, step.as_deref(), b)?;
            if let Some((base, inc, n)) = exact_range_parts(&vals) {
                // Integer ranges (the usual `for i = 1:n`) count in machine integers.
                let ints = match (base.as_i64_pair(), inc.as_i64_pair()) {
                    (Some((b, 1)), Some((s, 1))) => Some((b, s)),
                    _ => None,
                };
                let at = |k: usize| {
                    let small = ints.and_then(|(b, s)| {
                        let k = i64::try_from(k).ok()?;
                        b.checked_add(s.checked_mul(k)?)
                    });
                    Item::Scalar(Scalar::Rat(match small {
                        Some(x) => crate::exact::Rat::from_i64(x),
                        None => &base + &(&inc * &crate::exact::Rat::from_i64(k as i64)),
                    }))
                };
                return self.run_loop(var, n, at, body);
            }
            let (base, inc, n) = float_range(&vals, range.span)?;
            return self.run_loop(
                var,
                n as usize,
                |k| Item::Scalar(Scalar::Real(base + k as f64 * inc)),
                body,
            );
        }
        let r = self.eval(range)?;
        let (rows, cols) = r.dims();
        let cols = if rows == 0 { 0 } else { cols };
        self.run_loop(var, cols, |j| Item::Value(column(&r, j, rows)), body)
    }

    fn run_loop(
        &mut self,
        var: &Name,
        n: usize,
        item: impl Fn(usize) -> Item,
        body: &[Stmt],
    ) -> Result<Flow> {
        for k in 0..n {
            self.check_interrupt()?;
            // A number overwrites the previous one in place: no allocation per iteration.
            match item(k) {
                Item::Scalar(x) => self.bind(var, Rhs::Scalar(&x), false)?,
                Item::Value(mut v) => self.bind(var, Rhs::Value(&mut v), false)?,
            }
            match self.exec_block(body)? {
                Flow::Break => break,
                Flow::Normal | Flow::Continue => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
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
        for (t, mut v) in targets.iter().zip(vals) {
            if let Some(lv) = t {
                self.assign(lv, Rhs::Value(&mut v), display)?;
            }
        }
        Ok(())
    }

    pub fn eval(&mut self, e: &Expr) -> Result<Value> {
        // Single-valued forms skip the Vec of eval_multi: this is the interpreter's hot path.
        match &e.kind {
            ExprKind::Binary(op, a, b) => {
                return match &self.scalar(e) {
                    Some(x) => Ok(x.to_value()),
                    None => self.eval_binary(*op, a, b, e.span),
                }
            }
            ExprKind::Ident(name) => {
                if let Some(v) = self.vars().lookup(name) {
                    return Ok(v.clone());
                }
            }
            ExprKind::Number(s) => return self.number(s, e.span),
            ExprKind::End => {
                if let Some(&n) = self.ends.last() {
                    return Ok(Value::scalar(n as f64));
                }
            }
            _ => {}
        }
        let mut vals = self.eval_multi(e, 1)?;
        if vals.is_empty() {
            return Err(LaError::eval("value on right hand side of assignment is undefined (the function returns nothing)").at(e.span));
        }
        Ok(vals.swap_remove(0))
    }

    /// The value of a number literal; see [`literal::number`].
    fn number(&mut self, s: &str, span: Span) -> Result<Value> {
        const KEPT: usize = 4096;
        if let Some(v) = self.session.literals.get(s) {
            return Ok(v.clone());
        }
        let (v, warning) = literal::number(s, span)?;
        match warning {
            // Not kept, so the warning comes with every use.
            Some(w) => self.warn(&w, span),
            None if self.session.literals.len() < KEPT => {
                self.session.literals.insert(s.into(), v.clone());
            }
            None => {}
        }
        Ok(v)
    }

    fn eval_multi(&mut self, e: &Expr, nargout: usize) -> Result<Vec<Value>> {
        let one = |v: Value| Ok(vec![v]);
        match &e.kind {
            ExprKind::Number(s) => one(self.number(s, e.span)?),
            ExprKind::Imag(s) => one(literal::imaginary(self.number(s, e.span)?)?),
            ExprKind::Str(s) => one(Value::Str(s.clone())),
            ExprKind::End => match self.ends.last() {
                Some(&n) => one(Value::scalar(n as f64)),
                None => Err(LaError::eval(
                    "invalid use of 'end': it is only valid inside an index of an existing value, as in x(end)",
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
            ExprKind::PreIncr(op, a) => one(self.pre_increment(*op, a, e.span)?),
            ExprKind::Range(a, step, b) => one(self.eval_range(a, step.as_deref(), b, e.span)?),
            ExprKind::Call(target, args) => self.eval_call(target, args, nargout, e.span),
            ExprKind::Matrix(rows) => {
                let mut vals = Vec::with_capacity(rows.len());
                for row in rows {
                    let mut r = Vec::with_capacity(row.len());
                    for x in row {
                        self.push_values(x, &mut r)?;
                    }
                    vals.push(r);
                }
                let total: usize = vals.iter().flatten().map(Value::numel).sum();
                self.check_alloc("concatenation", total as f64, 1.0, 16)
                    .map_err(|err| err.at(e.span))?;
                one(index::concat(vals).map_err(|err| err.at(e.span))?)
            }
            ExprKind::Cell(rows) => one(self.cell_literal(rows, e.span)?),
            ExprKind::CellIndex(target, args) => {
                let vals = self.cell_contents(target, args, e.span)?;
                if vals.is_empty() {
                    return Err(LaError::eval(
                        "indexing produces no results: the cell elements picked are none",
                    )
                    .at(e.span));
                }
                Ok(vals)
            }
            ExprKind::AnonFn(def) => one(self.make_lambda(def)),
            ExprKind::Field(base, name) => {
                let v = self.eval(base)?;
                if !matches!(v, Value::Struct(_)) {
                    // NumPy's `A.T`, `A.shape`: name the la spelling, at the dot.
                    let obj = match &base.kind {
                        ExprKind::Ident(n) => n.to_string(),
                        _ => "A".to_string(),
                    };
                    if let Some(hint) = crate::syntax::teach::attribute_hint(&obj, name) {
                        return Err(LaError::eval(hint).at(Span::new(base.span.end, e.span.end)));
                    }
                }
                one(v.field(name).map_err(|err| err.at(e.span))?.clone())
            }
            ExprKind::FuncHandle(name) => {
                // A user function is bound when the handle is made, as in
                // Octave, so the handle (and a saved copy) keeps working.
                if let Some(def) = self.session.funcs.get(name) {
                    one(Value::Func(Rc::new(Func::User(def.clone()))))
                } else if builtins::lookup(name).is_some() {
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

    fn eval_ident(&mut self, name: &Name, span: Span, nargout: usize) -> Result<Vec<Value>> {
        if let Some(v) = self.vars().lookup(name) {
            return Ok(vec![v.clone()]);
        }
        self.call_named(name, Vec::new(), nargout, span)
    }
}
