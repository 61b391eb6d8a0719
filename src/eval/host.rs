//! The interpreter as the host of built-ins and commands: implements the
//! narrow interfaces of `builtins::ctx`.

use super::Interp;
use crate::builtins::ctx::{CommandCtx, Ctx, NameKind};
use crate::error::{Result, Span};
use crate::linalg::random::Rng;
use crate::syntax::ast::BinOp;
use crate::value::format::Format;
use crate::value::vars::Vars;
use crate::value::{Func, Value};
use std::time::Instant;

impl Ctx for Interp<'_> {
    fn warn(&mut self, message: &str, span: Span) {
        self.sink.warning(message, Some(span));
    }
    fn print(&mut self, text: &str) {
        self.sink.text(text);
    }
    fn note(&mut self, text: &str) {
        self.notes.push(text.to_string());
    }
    fn display(&self) -> (Format, usize) {
        (self.session.format, self.session.width)
    }
    #[inline]
    fn check_alloc(&self, what: &str, rows: f64, cols: f64, elem: usize) -> Result<()> {
        super::limits::check(what, rows * cols * elem as f64, self.session.max_bytes)
    }
    fn rng(&mut self) -> &mut Rng {
        &mut self.session.rng
    }
    fn timer(&mut self) -> &mut Option<Instant> {
        &mut self.session.tic
    }
    fn name_kind(&self, name: &str) -> NameKind {
        if self.vars().contains_key(name) {
            NameKind::Variable
        } else if self.session.funcs.contains_key(name) {
            NameKind::UserFunction
        } else if crate::builtins::lookup(name).is_some() {
            NameKind::Builtin
        } else {
            NameKind::Unknown
        }
    }
    fn call(
        &mut self,
        f: &Func,
        args: Vec<Value>,
        nargout: usize,
        span: Span,
    ) -> Result<Vec<Value>> {
        self.call_func(f, args, nargout, span)
    }
    fn figures(&mut self) -> &mut crate::plot::Figures {
        &mut self.session.figures
    }
    fn eval_text(&mut self, src: &str) -> Result<Value> {
        let stmts = crate::syntax::parse::parse_program(src)?;
        match stmts.as_slice() {
            [s] => match &s.kind {
                crate::syntax::ast::StmtKind::Expr(e) => self.eval(e),
                _ => Err(crate::error::LaError::eval("not an expression")),
            },
            _ => Err(crate::error::LaError::eval("not one expression")),
        }
    }
    fn last_error(&self) -> String {
        self.session.last_error.clone()
    }
    fn binary(&mut self, op: BinOp, l: &Value, r: &Value, span: Span) -> Result<Value> {
        Interp::binary(self, op, l, r, span)
    }
}

impl CommandCtx for Interp<'_> {
    fn vars(&self) -> &Vars {
        Interp::vars(self)
    }
    fn vars_mut(&mut self) -> &mut Vars {
        Interp::vars_mut(self)
    }
    fn set_format(&mut self, format: Format) {
        self.session.format = format;
    }
    fn clear_screen(&mut self) {
        self.sink.clear_screen();
    }
}
