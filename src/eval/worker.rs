//! Long built-in work on a worker thread, so Ctrl-C gives the prompt back at
//! once even in the middle of a decomposition (`[U, S, V] = svd(rand(4000))`).
//!
//! The worker gets its own copies of the argument handles (matrices are
//! shared through `Arc`, so nothing is copied) and a detached context that
//! collects warnings and text; the session is never touched from the worker.
//! On Ctrl-C the evaluator stops waiting and abandons the worker: it runs to
//! its end in the background and its result is dropped, so an abandoned
//! computation can never write into the session.

use super::Interp;
use crate::builtins::ctx::{Ctx, NameKind};
use crate::builtins::{Args, Builtin};
use crate::error::{LaError, Result, Span};
use crate::exact::RatMat;
use crate::linalg::random::Rng;
use crate::linalg::{CMat, RMat};
use crate::syntax::ast::BinOp;
use crate::value::format::Format;
use crate::value::{BMat, Func, Value};
use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// Inputs below this many entries finish before a thread would pay off.
const WORKER_MIN_ENTRIES: usize = 250 * 250;

/// A value that may cross to the worker thread (no function handles).
enum Plain {
    Exact(Arc<RatMat>),
    Quad(Arc<crate::exact::QuadMat>),
    Real(Arc<RMat>),
    Complex(Arc<CMat>),
    Bool(Arc<BMat>),
    Str(String),
}

impl Plain {
    fn from(v: &Value) -> Option<Plain> {
        Some(match v {
            Value::Exact(m) => Plain::Exact(m.clone()),
            Value::Quad(m) => Plain::Quad(m.clone()),
            Value::Real(m) => Plain::Real(m.clone()),
            Value::Complex(m) => Plain::Complex(m.clone()),
            Value::Bool(m) => Plain::Bool(m.clone()),
            Value::Str(s) => Plain::Str(s.clone()),
            Value::Func(_) | Value::Struct(_) | Value::Cell(_) => return None,
        })
    }
    fn value(self) -> Value {
        match self {
            Plain::Exact(m) => Value::Exact(m),
            Plain::Quad(m) => Value::Quad(m),
            Plain::Real(m) => Value::Real(m),
            Plain::Complex(m) => Value::Complex(m),
            Plain::Bool(m) => Value::Bool(m),
            Plain::Str(s) => Value::Str(s),
        }
    }
}

/// What the worker hands back: the outputs, or the error, plus its output.
struct Finished {
    result: std::result::Result<Vec<Plain>, LaError>,
    warnings: Vec<(String, Span)>,
    text: String,
    notes: Vec<String>,
}

/// The context a worker runs a built-in in: everything the heavy built-ins
/// use, nothing that reaches the session.
struct Detached {
    display: (Format, usize),
    max_bytes: usize,
    warnings: Vec<(String, Span)>,
    text: String,
    notes: Vec<String>,
    rng: Rng,
    timer: Option<Instant>,
    /// Heavy built-ins draw nothing; a private set keeps the session's untouched.
    figures: crate::plot::Figures,
}

impl Ctx for Detached {
    fn warn(&mut self, message: &str, span: Span) {
        self.warnings.push((message.to_string(), span));
    }
    fn print(&mut self, text: &str) {
        self.text.push_str(text);
    }
    fn note(&mut self, text: &str) {
        self.notes.push(text.to_string());
    }
    fn display(&self) -> (Format, usize) {
        self.display
    }
    fn check_alloc(&self, what: &str, rows: f64, cols: f64, elem: usize) -> Result<()> {
        super::limits::check(what, rows * cols * elem as f64, self.max_bytes)
    }
    fn rng(&mut self) -> &mut Rng {
        &mut self.rng
    }
    fn timer(&mut self) -> &mut Option<Instant> {
        &mut self.timer
    }
    fn figures(&mut self) -> &mut crate::plot::Figures {
        &mut self.figures
    }
    fn name_kind(&self, _: &str) -> NameKind {
        NameKind::Unknown
    }
    fn call(&mut self, _: &Func, _: Vec<Value>, _: usize, _: Span) -> Result<Vec<Value>> {
        Err(LaError::internal("a worker cannot call functions"))
    }
    fn last_error(&self) -> String {
        String::new()
    }
    fn eval_text(&mut self, _: &str) -> Result<Value> {
        Err(LaError::internal("a worker cannot evaluate text"))
    }
    fn binary(&mut self, op: BinOp, l: &Value, r: &Value, span: Span) -> Result<Value> {
        if op == BinOp::Mul && !l.is_scalar() && !r.is_scalar() {
            self.check_alloc("operator *", l.dims().0 as f64, r.dims().1 as f64, 8)?;
        }
        let mut warnings = Vec::new();
        let v = crate::ops::binary(op, l, r, &mut warnings).map_err(|e| e.at(span))?;
        self.warnings
            .extend(warnings.into_iter().map(|w| (w, span)));
        Ok(v)
    }
}

/// The arguments as plain values when `b` on them is worth a worker thread.
fn worth_a_worker(b: &Builtin, args: &[Value]) -> Option<Vec<Plain>> {
    if !b.heavy {
        return None;
    }
    let entries: usize = args.iter().map(|v| v.dims().0 * v.dims().1).sum();
    if entries < WORKER_MIN_ENTRIES {
        return None;
    }
    args.iter().map(Plain::from).collect()
}

impl Interp<'_> {
    /// Run `b` on a worker when it is heavy and the input large; `None` to
    /// run it here as usual (the arguments are handed back).
    pub(super) fn run_on_worker(
        &mut self,
        b: &'static Builtin,
        args: Vec<Value>,
        nargout: usize,
        span: Span,
    ) -> std::result::Result<Result<Vec<Value>>, Vec<Value>> {
        let Some(plain) = worth_a_worker(b, &args) else {
            return Err(args);
        };
        let mut ctx = Detached {
            display: (self.session.format, self.session.width),
            max_bytes: self.session.max_bytes,
            warnings: Vec::new(),
            text: String::new(),
            notes: Vec::new(),
            rng: Rng::new(0),
            timer: None,
            figures: Default::default(),
        };
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name(format!("la-{}", b.name))
            .stack_size(64 << 20)
            .spawn(move || {
                let vals = plain.into_iter().map(Plain::value).collect();
                let args = Args {
                    vals,
                    nargout,
                    span,
                    name: b.name,
                    signature: b.doc.signature,
                };
                let result = (b.run)(&mut ctx, args)
                    .map(|out| out.iter().filter_map(Plain::from).collect::<Vec<Plain>>());
                let _ = tx.send(Finished {
                    result,
                    warnings: ctx.warnings,
                    text: ctx.text,
                    notes: ctx.notes,
                });
            });
        if spawned.is_err() {
            // No thread to be had (address-space limits): run here instead.
            return Err(args);
        }
        Ok(self.wait_for(rx))
    }

    /// Wait for the worker, giving up at once on Ctrl-C.
    fn wait_for(&mut self, rx: mpsc::Receiver<Finished>) -> Result<Vec<Value>> {
        loop {
            match rx.recv_timeout(Duration::from_millis(20)) {
                Ok(done) => {
                    if !done.text.is_empty() {
                        self.sink.text(&done.text);
                    }
                    self.notes.extend(done.notes);
                    for (w, span) in done.warnings {
                        self.sink.warning(&w, Some(span));
                    }
                    return done
                        .result
                        .map(|out| out.into_iter().map(Plain::value).collect());
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if self.session.interrupt.swap(false, Ordering::Relaxed) {
                        return Err(LaError::interrupted_abandoned());
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(LaError::internal(
                        "the worker thread stopped without a result",
                    ));
                }
            }
        }
    }
}
