//! Source text -> AST. pest recognises the grammar in `grammar/la.pest`; this
//! module turns its pairs into `ast` nodes with spans, resolving operator
//! precedence with a Pratt parser.

use crate::error::{LaError, Result};
use crate::syntax::ast::*;
use crate::syntax::guards::{check_block_comments, check_depth, check_nesting};
use crate::syntax::open_blocks::block_error;
use crate::syntax::pest_errors::pest_error;
use crate::syntax::teach;
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest::Parser;
use std::rc::Rc;
use std::sync::OnceLock;

use crate::syntax::grammar::{LaParser, Rule};
pub use crate::syntax::guards::{MAX_EXPR_DEPTH, MAX_NESTING};

pub fn parse_program(src: &str) -> Result<Vec<Stmt>> {
    teach::check_characters(src)?;
    let accepted = teach::accept_numpy_array(src);
    let src = accepted.as_deref().unwrap_or(src);
    let open = check_nesting(src)?;
    check_block_comments(src)?;
    let mut pairs = LaParser::parse(Rule::program, src).map_err(|e| {
        let err = pest_error(e);
        if let Some((at, c)) = teach::unmatched_closer(src) {
            return teach::parse_error(
                format_args!("unmatched '{c}': no bracket before it is open"),
                Span::new(at, at + 1),
            );
        }
        if let Some(e) = err.span.and_then(|s| block_error(src, s.start)) {
            return e;
        }
        let taught = match err.span {
            Some(s) if !err.message.starts_with("unterminated") => teach::explain(src, s.start),
            _ => None,
        };
        if let Some(t) = taught {
            return t;
        }
        // Input that ends inside a bracket: point at the bracket, not past the end.
        match (open.last(), err.span) {
            (Some(&(at, b)), Some(span)) if src[span.start.min(src.len())..].trim().is_empty() => {
                let close = match b {
                    b'(' => ')',
                    b'[' => ']',
                    _ => '}',
                };
                LaError::parse(
                    format!(
                        "parse error: unclosed '{}': the input ends before its '{close}'",
                        b as char
                    ),
                    Span::new(at, at + 1),
                )
            }
            // A bracket left open on an earlier line: the lines after it were
            // read as its rows, so the error there comes from the bracket.
            (Some(&(at, b)), Some(span))
                if src.get(at..span.start).is_some_and(|t| t.contains('\n')) =>
            {
                let (line, col) = crate::error::Source::new("", src).line_col(at);
                LaError {
                    message: format!(
                        "{} (the '{}' at line {line}, column {col} is never closed)",
                        err.message, b as char
                    ),
                    ..err
                }
            }
            _ => err,
        }
    })?;
    if let Some(e) = teach::numpy_prefix(src) {
        return Err(e);
    }
    let program = pairs
        .next()
        .ok_or_else(|| LaError::internal("empty parse"))?;
    let body = program
        .into_inner()
        .next()
        .ok_or_else(|| LaError::internal("no body"))?;
    Builder.body(body)
}

fn pratt() -> &'static PrattParser<Rule> {
    static P: OnceLock<PrattParser<Rule>> = OnceLock::new();
    P.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::oror, Assoc::Left))
            .op(Op::infix(Rule::andand, Assoc::Left))
            .op(Op::infix(Rule::or, Assoc::Left))
            .op(Op::infix(Rule::and, Assoc::Left))
            .op(Op::infix(Rule::eq, Assoc::Left)
                | Op::infix(Rule::ne, Assoc::Left)
                | Op::infix(Rule::lt, Assoc::Left)
                | Op::infix(Rule::le, Assoc::Left)
                | Op::infix(Rule::gt, Assoc::Left)
                | Op::infix(Rule::ge, Assoc::Left))
            .op(Op::infix(Rule::range, Assoc::Left))
            .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
            .op(Op::infix(Rule::mul, Assoc::Left)
                | Op::infix(Rule::div, Assoc::Left)
                | Op::infix(Rule::ldiv, Assoc::Left)
                | Op::infix(Rule::emul, Assoc::Left)
                | Op::infix(Rule::ediv, Assoc::Left)
                | Op::infix(Rule::eldiv, Assoc::Left))
            .op(Op::prefix(Rule::neg)
                | Op::prefix(Rule::pos)
                | Op::prefix(Rule::not)
                | Op::prefix(Rule::incr))
            .op(Op::infix(Rule::pow, Assoc::Left) | Op::infix(Rule::epow, Assoc::Left))
            .op(Op::postfix(Rule::transpose)
                | Op::postfix(Rule::ctranspose)
                | Op::postfix(Rule::call_args)
                | Op::postfix(Rule::brace_args)
                | Op::postfix(Rule::field))
    })
}

fn span_of(p: &Pair<Rule>) -> Span {
    Span::new(p.as_span().start(), p.as_span().end())
}

#[derive(Default)]
pub(super) struct Builder;

impl Builder {
    pub(super) fn body(&self, body: Pair<Rule>) -> Result<Vec<Stmt>> {
        let mut out = Vec::new();
        let mut inner = body.into_inner().peekable();
        while let Some(p) = inner.next() {
            if p.as_rule() == Rule::term {
                continue;
            }
            let display = match inner.peek() {
                Some(t) if t.as_rule() == Rule::term => t.as_str() != ";",
                _ => true,
            };
            out.push(self.statement(p, display)?);
        }
        Ok(out)
    }

    fn statement(&self, p: Pair<Rule>, display: bool) -> Result<Stmt> {
        let span = span_of(&p);
        let rule = p.as_rule();
        let text = p.as_str();
        let mut it = p.into_inner();
        let kind = match rule {
            Rule::expr_stmt => StmtKind::Expr(self.expr(next(&mut it)?)?),
            Rule::assign => {
                StmtKind::Assign(self.lvalue(next(&mut it)?)?, self.expr(next(&mut it)?)?)
            }
            Rule::op_assign => {
                let lv = self.lvalue(next(&mut it)?)?;
                let op = match next(&mut it)?.as_str() {
                    "+=" => BinOp::Add,
                    "-=" => BinOp::Sub,
                    "*=" => BinOp::Mul,
                    _ => BinOp::Div,
                };
                StmtKind::OpAssign(lv, op, self.expr(next(&mut it)?)?)
            }
            Rule::multi_assign => {
                let mut targets = Vec::new();
                let mut rhs = None;
                for q in it {
                    match q.as_rule() {
                        Rule::tilde => targets.push(None),
                        Rule::lvalue => targets.push(Some(self.lvalue(q)?)),
                        _ => rhs = Some(self.expr(q)?),
                    }
                }
                StmtKind::MultiAssign(targets, rhs.ok_or_else(|| LaError::internal("no rhs"))?)
            }
            Rule::if_stmt => self.if_stmt(it)?,
            Rule::for_stmt => {
                let var = next(&mut it)?.as_str().to_string();
                let range = self.expr(next(&mut it)?)?;
                StmtKind::For(Name::new(var), range, self.body(next(&mut it)?)?)
            }
            Rule::while_stmt => {
                let cond = self.expr(next(&mut it)?)?;
                StmtKind::While(cond, self.body(next(&mut it)?)?)
            }
            Rule::switch_stmt => self.switch_stmt(it)?,
            Rule::try_stmt => self.try_stmt(it)?,
            Rule::unwind_stmt => {
                let body = self.body(next(&mut it)?)?;
                StmtKind::Unwind(body, self.body(next(&mut it)?)?)
            }
            Rule::do_stmt => {
                let body = self.body(next(&mut it)?)?;
                StmtKind::DoUntil(body, self.expr(next(&mut it)?)?)
            }
            Rule::incr_stmt => {
                let lv = self.lvalue(next(&mut it)?)?;
                let op = match next(&mut it)?.as_str() {
                    "++" => BinOp::Add,
                    _ => BinOp::Sub,
                };
                StmtKind::Incr(lv, op)
            }
            Rule::break_stmt => StmtKind::Break,
            Rule::continue_stmt => StmtKind::Continue,
            Rule::return_stmt => StmtKind::Return,
            Rule::function_def => self.function_def(it, text)?,
            Rule::exit_call => {
                let code = it.next().map(|a| a.as_str().to_string());
                StmtKind::Command("exit".into(), code.into_iter().collect())
            }
            Rule::command => {
                let name = next(&mut it)?.as_str().to_string();
                StmtKind::Command(name, it.map(|a| unquote_command_arg(a.as_str())).collect())
            }
            Rule::steps_stmt => {
                let first = next(&mut it)?;
                let latex = first.as_rule() == Rule::latex_word;
                let e = if latex { next(&mut it)? } else { first };
                StmtKind::Steps {
                    latex,
                    expr: self.expr(e)?,
                }
            }
            Rule::check_stmt => {
                let mut outputs = Vec::new();
                let mut q = next(&mut it)?;
                if q.as_rule() == Rule::check_outputs {
                    outputs = idents(q);
                    q = next(&mut it)?;
                }
                let question_text = q.as_str().trim().to_string();
                let question = self.expr(q)?;
                let answers = next(&mut it)?
                    .into_inner()
                    .map(|a| self.expr(a))
                    .collect::<Result<Vec<_>>>()?;
                StmtKind::Check(Box::new(Check {
                    outputs,
                    question,
                    question_text,
                    answers,
                }))
            }
            r => return Err(LaError::internal(format!("unexpected statement {r:?}"))),
        };
        Ok(Stmt {
            kind,
            span,
            display,
        })
    }

    fn if_stmt(&self, mut it: Pairs<Rule>) -> Result<StmtKind> {
        let cond = self.expr(next(&mut it)?)?;
        let mut arms = vec![(cond, self.body(next(&mut it)?)?)];
        let mut otherwise = None;
        for p in it {
            let mut inner = p.clone().into_inner();
            match p.as_rule() {
                Rule::elseif_part => {
                    let c = self.expr(next(&mut inner)?)?;
                    arms.push((c, self.body(next(&mut inner)?)?));
                }
                _ => otherwise = Some(self.body(next(&mut inner)?)?),
            }
        }
        Ok(StmtKind::If(arms, otherwise))
    }

    fn function_def(&self, it: Pairs<Rule>, text: &str) -> Result<StmtKind> {
        let (mut name, mut params, mut outputs, mut body) = (String::new(), vec![], vec![], vec![]);
        for p in it {
            match p.as_rule() {
                Rule::fn_outputs => outputs = idents(p),
                Rule::ident => name = p.as_str().to_string(),
                Rule::fn_params => params = idents(p),
                _ => body = self.body(p)?,
            }
        }
        Ok(StmtKind::Function(Rc::new(FunctionDef {
            name,
            params,
            outputs,
            body,
            text: text.trim_end().to_string(),
            source: Default::default(),
        })))
    }

    pub(super) fn lvalue(&self, p: Pair<Rule>) -> Result<LValue> {
        let span = span_of(&p);
        let mut it = p.into_inner().peekable();
        let name = next_peek(&mut it)?.as_str().to_string();
        let (mut index, mut brace) = (None, false);
        if let Some(a) = it.next_if(|a| a.as_rule() != Rule::field) {
            brace = a.as_rule() == Rule::brace_args;
            index = Some(self.args(a)?);
        }
        let path = it
            .map(|q| match q.as_rule() {
                Rule::field => Ok(Sel::Field(q.as_str()[1..].to_string())),
                Rule::brace_args => self.args(q).map(Sel::Brace),
                _ => self.args(q).map(Sel::Paren),
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(LValue::new(Name::new(name), index, brace, path, span))
    }

    pub(super) fn args(&self, p: Pair<Rule>) -> Result<Vec<Arg>> {
        p.into_inner()
            .map(|a| match a.as_rule() {
                Rule::magic_colon => Ok(Arg::Colon),
                _ => self.expr(a).map(Arg::Expr),
            })
            .collect()
    }

    pub(super) fn expr(&self, p: Pair<Rule>) -> Result<Expr> {
        let e = pratt()
            .map_primary(|q| self.primary(q))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let span = span_of(&op).to(rhs.span);
                if op.as_rule() == Rule::incr {
                    let bin = if op.as_str() == "++" {
                        BinOp::Add
                    } else {
                        BinOp::Sub
                    };
                    return Ok(Expr {
                        kind: ExprKind::PreIncr(bin, Box::new(rhs)),
                        span,
                    });
                }
                let u = match op.as_rule() {
                    Rule::neg => UnOp::Neg,
                    Rule::pos => UnOp::Plus,
                    _ => UnOp::Not,
                };
                Ok(Expr {
                    kind: ExprKind::Unary(u, Box::new(rhs)),
                    span,
                })
            })
            .map_postfix(|lhs, op| {
                let lhs = lhs?;
                let span = lhs.span.to(span_of(&op));
                let kind = match op.as_rule() {
                    Rule::field => ExprKind::Field(Box::new(lhs), op.as_str()[1..].to_string()),
                    Rule::transpose => ExprKind::Unary(UnOp::Transpose, Box::new(lhs)),
                    Rule::ctranspose => ExprKind::Unary(UnOp::CTranspose, Box::new(lhs)),
                    Rule::brace_args => ExprKind::CellIndex(Box::new(lhs), self.args(op)?),
                    _ => ExprKind::Call(Box::new(lhs), self.args(op)?),
                };
                Ok(Expr { kind, span })
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                let span = lhs.span.to(rhs.span);
                let kind = match op.as_rule() {
                    Rule::range => range(lhs, rhs),
                    r => ExprKind::Binary(binop(r), Box::new(lhs), Box::new(rhs)),
                };
                Ok(Expr { kind, span })
            })
            .parse(p.into_inner())?;
        check_depth(&e)?;
        Ok(e)
    }

    fn primary(&self, p: Pair<Rule>) -> Result<Expr> {
        let span = span_of(&p);
        let s = p.as_str();
        let kind = match p.as_rule() {
            Rule::number => number_kind(s),
            Rule::sq_string => ExprKind::Str(s[1..s.len() - 1].replace("''", "'")),
            Rule::dq_string => ExprKind::Str(unescape(&s[1..s.len() - 1])),
            Rule::ident => ExprKind::Ident(Name::new(s)),
            Rule::end_atom => ExprKind::End,
            Rule::paren => return self.expr(next(&mut p.into_inner())?),
            Rule::matrix => {
                let (rows, all_commas) = self.rows(p)?;
                ExprKind::Matrix(numpy_rows(rows, all_commas))
            }
            Rule::cell => ExprKind::Cell(self.rows(p)?.0),
            Rule::func_handle => {
                ExprKind::FuncHandle(next(&mut p.into_inner())?.as_str().to_string())
            }
            Rule::anon_fn => {
                let mut it = p.into_inner();
                let params = idents(next(&mut it)?);
                let body = self.expr(next(&mut it)?)?;
                ExprKind::AnonFn(Rc::new(Lambda {
                    params,
                    body,
                    text: s.to_string(),
                    source: Default::default(),
                }))
            }
            Rule::expr | Rule::pexpr | Rule::mexpr => return self.expr(p),
            r => return Err(LaError::internal(format!("unexpected primary {r:?}"))),
        };
        Ok(Expr { kind, span })
    }

    /// The rows of a `[...]` or `{...}` literal, and whether it is spelled
    /// with commas only ([`commas_only`]).
    fn rows(&self, p: Pair<Rule>) -> Result<(Vec<Vec<Expr>>, bool)> {
        let all_commas = commas_only(&p);
        let rows = p
            .into_inner()
            .map(|row| {
                row.into_inner()
                    .filter(|q| q.as_rule() != Rule::comma)
                    .map(|q| self.expr(q))
                    .collect::<Result<Vec<_>>>()
            })
            .collect::<Result<_>>()?;
        Ok((rows, all_commas))
    }
}

/// Whether every element of a `[...]` or `{...}` literal, and of each
/// bracket literal inside it, is separated from the next by a comma, as
/// NumPy writes them: `[[1, 2], [3, 4]]` is, Octave's `[[1 2], [3 4]]` is not.
fn commas_only(p: &Pair<Rule>) -> bool {
    p.clone().into_inner().all(|row| {
        let mut items = row.into_inner().peekable();
        while let Some(q) = items.next() {
            if q.as_rule() == Rule::comma {
                continue;
            }
            let sep_is_comma = matches!(items.peek(), Some(c) if c.as_rule() == Rule::comma);
            if (items.peek().is_some() && !sep_is_comma) || !literal_commas_only(&q) {
                return false;
            }
        }
        true
    })
}

/// [`commas_only`] for an element that is a bracket literal; true for any
/// other element.
fn literal_commas_only(q: &Pair<Rule>) -> bool {
    let mut q = q.clone();
    loop {
        if q.as_rule() == Rule::matrix {
            return commas_only(&q);
        }
        let mut inner = q.into_inner();
        match (inner.next(), inner.next()) {
            (Some(only), None) => q = only,
            _ => return true,
        }
    }
}

/// A pasted NumPy array `[[1, 2], [3, 4]]` means rows, not concatenation:
/// when every element is a one-row bracket literal of the same length and
/// every separator, inside them too, is a comma, each inner bracket becomes
/// a row. (`[[1 2], [3 4]]` is no NumPy: it concatenates, as in Octave.)
fn numpy_rows(rows: Vec<Vec<Expr>>, all_commas: bool) -> Vec<Vec<Expr>> {
    let inner_len = |e: &Expr| match &e.kind {
        ExprKind::Matrix(r) if r.len() == 1 => Some(r[0].len()),
        _ => None,
    };
    let lens: Vec<Option<usize>> = rows.iter().flatten().map(inner_len).collect();
    let stack = all_commas
        && rows.iter().any(|r| r.len() >= 2)
        && lens.first().copied().flatten().is_some()
        && lens.iter().all(|l| *l == lens[0]);
    if !stack {
        return rows;
    }
    rows.into_iter()
        .flatten()
        .map(|e| match e.kind {
            ExprKind::Matrix(mut r) => r.remove(0),
            _ => vec![e],
        })
        .collect()
}

fn range(lhs: Expr, rhs: Expr) -> ExprKind {
    // `a:b:c` arrives as `(a:b):c`; turn it into start a, step b, end c.
    match lhs.kind {
        ExprKind::Range(start, None, step) => ExprKind::Range(start, Some(step), Box::new(rhs)),
        _ => ExprKind::Range(Box::new(lhs), None, Box::new(rhs)),
    }
}

fn binop(r: Rule) -> BinOp {
    match r {
        Rule::oror => BinOp::OrOr,
        Rule::andand => BinOp::AndAnd,
        Rule::or => BinOp::Or,
        Rule::and => BinOp::And,
        Rule::eq => BinOp::Eq,
        Rule::ne => BinOp::Ne,
        Rule::lt => BinOp::Lt,
        Rule::le => BinOp::Le,
        Rule::gt => BinOp::Gt,
        Rule::ge => BinOp::Ge,
        Rule::add => BinOp::Add,
        Rule::sub => BinOp::Sub,
        Rule::mul => BinOp::Mul,
        Rule::div => BinOp::Div,
        Rule::ldiv => BinOp::LDiv,
        Rule::emul => BinOp::EMul,
        Rule::ediv => BinOp::EDiv,
        Rule::eldiv => BinOp::ELDiv,
        Rule::epow => BinOp::EPow,
        _ => BinOp::Pow,
    }
}

fn number_kind(s: &str) -> ExprKind {
    match s.strip_suffix(['i', 'j', 'I', 'J']) {
        Some(t) => ExprKind::Imag(t.to_string()),
        None => ExprKind::Number(s.to_string()),
    }
}

fn idents(p: Pair<Rule>) -> Vec<String> {
    p.into_inner()
        .filter(|q| q.as_rule() == Rule::ident)
        .map(|q| q.as_str().to_string())
        .collect()
}

fn unquote_command_arg(s: &str) -> String {
    match s.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
        Some(t) => t.replace("''", "'"),
        None => s.to_string(),
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('a') => out.push('\x07'),
            Some('0') => out.push('\0'),
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    out
}

fn next_peek<'a>(it: &mut std::iter::Peekable<Pairs<'a, Rule>>) -> Result<Pair<'a, Rule>> {
    it.next()
        .ok_or_else(|| LaError::internal("malformed parse tree"))
}

pub(super) fn next<'a>(it: &mut Pairs<'a, Rule>) -> Result<Pair<'a, Rule>> {
    it.next()
        .ok_or_else(|| LaError::internal("malformed parse tree"))
}
