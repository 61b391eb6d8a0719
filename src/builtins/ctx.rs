//! What a built-in may ask of the interpreter running it: a narrow interface
//! (as rhai's `NativeCallContext`), declared here and implemented by `eval`,
//! so built-ins never depend on the evaluator.

use crate::error::{Result, Span};
use crate::linalg::random::Rng;
use crate::syntax::ast::BinOp;
use crate::value::format::Format;
use crate::value::vars::Vars;
use crate::value::{Func, Value};
use std::time::Instant;

/// The services a function call gets.
pub trait Ctx {
    /// A `warning:` about the call at `span`.
    fn warn(&mut self, message: &str, span: Span);
    /// Text for the output (disp, printf, toc, steps, help).
    fn print(&mut self, text: &str);
    /// A note about the result (how exact it is): shown with the
    /// statement's value, dropped when `;` suppresses the display.
    fn note(&mut self, text: &str);
    /// The display format and the terminal width.
    fn display(&self) -> (Format, usize);
    /// Refuse a result of `rows x cols` elements of `elem` bytes before allocating it.
    fn check_alloc(&self, what: &str, rows: f64, cols: f64, elem: usize) -> Result<()>;
    fn rng(&mut self) -> &mut Rng;
    /// The `tic` stopwatch.
    fn timer(&mut self) -> &mut Option<Instant>;
    /// What `name` currently means, for `exist`.
    fn name_kind(&self, name: &str) -> NameKind;
    /// Call a function value (grad, jacobian, hessian, arrayfun).
    fn call(
        &mut self,
        f: &Func,
        args: Vec<Value>,
        nargout: usize,
        span: Span,
    ) -> Result<Vec<Value>>;
    /// The session's figures (plot, hold, title, print, ...); mark them
    /// `dirty` so the front end shows the current one.
    fn figures(&mut self) -> &mut crate::plot::Figures;
    /// The value of an expression given as text (`str2num`).
    fn eval_text(&mut self, src: &str) -> Result<Value>;
    /// The message of the last error a `try` caught (`lasterr`).
    fn last_error(&self) -> String;
    /// An operator, with the memory check and warnings operators get in expressions.
    fn binary(&mut self, op: BinOp, l: &Value, r: &Value, span: Span) -> Result<Value>;
}

/// What a name refers to, in `exist`'s order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Variable,
    UserFunction,
    Builtin,
    Unknown,
}

/// Commands (save, load, clear, format, ...) also reach the workspace.
pub trait CommandCtx: Ctx {
    fn vars(&self) -> &Vars;
    fn vars_mut(&mut self) -> &mut Vars;
    fn set_format(&mut self, format: Format);
    /// `clc`: clear the terminal screen (front ends without one ignore it).
    fn clear_screen(&mut self);
}
