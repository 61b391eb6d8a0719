//! The `check` statement (`check inv(A) = X`, `check [V, D] = eig(A) = V0, D0`)
//! and its function form `check('inv(A)', X)`: la answers the question
//! itself, reads how each decimal of the answers was typed, and hands both to
//! `builtins::check`, which judges; the verdict goes to the sink and `ans`.

use crate::builtins::check::Typed;
use crate::builtins::check::{self as judge, Answer, Question};
use crate::error::{LaError, Result, Span};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, BinOp, Check, Expr, ExprKind, StmtKind, UnOp};
use crate::value::Value;
use nalgebra::DMatrix;

/// What la computed for the question.
struct Asked {
    func: Option<String>,
    args: Vec<Value>,
    arg_texts: Vec<String>,
    expected: Vec<Value>,
}

/// Run a `check` statement: print the verdict and set `ans` to it.
pub fn check(it: &mut Interp, c: &Check) -> Result<bool> {
    let answers = evaluate_answers(it, &c.answers)?;
    verdict(it, c, answers)
}

fn evaluate_answers(it: &mut Interp, exprs: &[Expr]) -> Result<Vec<Answer>> {
    let mut answers = Vec::with_capacity(exprs.len());
    for e in exprs {
        let value = it.eval(e)?;
        let typed = typed_entries(e, value.dims());
        answers.push(Answer {
            value,
            typed,
            span: e.span,
        });
    }
    Ok(answers)
}

fn verdict(it: &mut Interp, c: &Check, answers: Vec<Answer>) -> Result<bool> {
    if !c.outputs.is_empty() && c.outputs.len() != answers.len() {
        let span = answers
            .iter()
            .map(|a| a.span)
            .reduce(Span::to)
            .unwrap_or(c.question.span);
        return Err(LaError::eval(format!(
            "check: [{}] names {} output{} but you gave {} answer{}",
            c.outputs.join(", "),
            c.outputs.len(),
            if c.outputs.len() == 1 { "" } else { "s" },
            answers.len(),
            if answers.len() == 1 { "" } else { "s" }
        ))
        .at(span));
    }
    let asked = ask(it, c, answers.len().max(1))?;
    let q = Question {
        func: asked.func.as_deref(),
        text: &c.question_text,
        args: &asked.args,
        arg_texts: &asked.arg_texts,
        expected: &asked.expected,
        outputs: &c.outputs,
    };
    let v = judge::judge(&q, &answers)?;
    it.session.checks.total += 1;
    if v.correct {
        it.session.checks.correct += 1;
    }
    it.sink.verdict(&v);
    it.vars_mut().insert("ans", Value::bool(v.correct));
    Ok(v.correct)
}

/// The source text of `span` inside the question.
fn text_in(c: &Check, span: Span) -> String {
    let base = c.question.span.start;
    span.start
        .checked_sub(base)
        .zip(span.end.checked_sub(base))
        .and_then(|(a, b)| c.question_text.get(a..b))
        .unwrap_or("")
        .to_string()
}

/// Compute la's answer: a built-in called once with its arguments kept (so
/// the judge can use them), `A\b`, or any other expression.
fn ask(it: &mut Interp, c: &Check, nout: usize) -> Result<Asked> {
    let e = &c.question;
    match &e.kind {
        ExprKind::Call(f, args) => {
            if let ExprKind::Ident(name) = &f.kind {
                let builtin = it.vars().get(name).is_none()
                    && !it.session.funcs.contains_key(name.as_str())
                    && crate::builtins::lookup(name).is_some();
                let plain = args.iter().all(|a| matches!(a, Arg::Expr(_)));
                if builtin && plain {
                    let most = crate::builtins::lookup(name).map_or(1, |b| b.max_out.max(1));
                    if nout > most {
                        let span = c
                            .answers
                            .iter()
                            .map(|a| a.span)
                            .reduce(Span::to)
                            .unwrap_or(e.span);
                        return Err(LaError::eval(format!(
                            "check: {} gives {most} output{}; you gave {nout} answers",
                            c.question_text,
                            if most == 1 { "" } else { "s" }
                        ))
                        .at(span));
                    }
                    let mut vals = Vec::with_capacity(args.len());
                    let mut texts = Vec::with_capacity(args.len());
                    for a in args {
                        if let Arg::Expr(x) = a {
                            vals.push(it.eval(x)?);
                            texts.push(text_in(c, x.span));
                        }
                    }
                    let expected = it.call_named(name, vals.clone(), nout, e.span)?;
                    return Ok(Asked {
                        func: Some(name.to_string()),
                        args: vals,
                        arg_texts: texts,
                        expected,
                    });
                }
            }
        }
        ExprKind::Binary(BinOp::LDiv, a, b) => {
            let (av, bv) = (it.eval(a)?, it.eval(b)?);
            // la's own warnings about the system are not the student's business here.
            let (x, _) = it.apply(BinOp::LDiv, &av, &bv, e.span)?;
            return Ok(Asked {
                func: Some("mldivide".into()),
                args: vec![av, bv],
                arg_texts: vec![text_in(c, a.span), text_in(c, b.span)],
                expected: vec![x],
            });
        }
        _ => {}
    }
    let expected = it.eval_multi(e, nout)?;
    if expected.is_empty() {
        return Err(LaError::eval(format!("check: {} gives no value", c.question_text)).at(e.span));
    }
    Ok(Asked {
        func: None,
        args: Vec::new(),
        arg_texts: Vec::new(),
        expected,
    })
}

/// How each entry of an answer was typed, when the answer is a literal
/// (`0.333`, `[0.707; -0.707]`, `[1 2; 3 4]'`) whose entries are scalars.
fn typed_entries(e: &Expr, dims: (usize, usize)) -> Option<DMatrix<Option<Typed>>> {
    let (r, c) = dims;
    match &e.kind {
        ExprKind::Matrix(rows) => {
            if rows.len() != r || rows.iter().any(|row| row.len() != c) {
                return None;
            }
            let cells: Vec<Option<Typed>> = rows.iter().flatten().map(scalar_typed).collect();
            Some(DMatrix::from_row_slice(r, c, &cells))
        }
        ExprKind::Unary(UnOp::Transpose | UnOp::CTranspose, inner) => {
            typed_entries(inner, (c, r)).map(|t| t.transpose())
        }
        ExprKind::Unary(UnOp::Neg | UnOp::Plus, inner) if (r, c) != (1, 1) => {
            typed_entries(inner, dims)
        }
        // `diag([6.708 2.236])`: the typed vector on the diagonal.
        ExprKind::Call(f, args)
            if r == c
                && args.len() == 1
                && matches!(&f.kind, ExprKind::Ident(n) if n.as_str() == "diag") =>
        {
            let Arg::Expr(x) = &args[0] else { return None };
            let v = typed_entries(x, (1, r)).or_else(|| typed_entries(x, (r, 1)))?;
            let mut t = DMatrix::from_element(r, r, None);
            for (k, cell) in v.iter().enumerate().take(r) {
                t[(k, k)] = *cell;
            }
            Some(t)
        }
        _ if (r, c) == (1, 1) => Some(DMatrix::from_element(1, 1, scalar_typed(e))),
        _ => None,
    }
}

/// A scalar literal's typing: `0.333`, `-0.5`, `0.5 + 0.866i` (the coarser part).
fn scalar_typed(e: &Expr) -> Option<Typed> {
    match &e.kind {
        ExprKind::Number(s) | ExprKind::Imag(s) => Typed::of_literal(s),
        ExprKind::Unary(UnOp::Neg | UnOp::Plus, x) => scalar_typed(x),
        ExprKind::Binary(BinOp::Add | BinOp::Sub, a, b) => {
            match (scalar_typed(a), scalar_typed(b)) {
                (Some(x), Some(y)) => Some(if x.decimals <= y.decimals { x } else { y }),
                (x, y) => x.or(y),
            }
        }
        _ => None,
    }
}

/// `check('eig(A)', [3; 1])`, `check('[V, D] = eig(A)', V0, D0)`: the question
/// as text, then the answers. Prints the verdict; returns true or false
/// when asked for a value, and sets `ans` either way.
pub fn call_form(it: &mut Interp, args: &[Arg], nargout: usize, span: Span) -> Result<Vec<Value>> {
    let usage = "check: expected check('QUESTION', ANSWER, ...), e.g. check('inv(A)', X) — or the statement form check inv(A) = X";
    let Some(Arg::Expr(first)) = args.first() else {
        return Err(LaError::eval(usage).at(span));
    };
    let text = match it.eval(first)? {
        Value::Str(s) => s,
        _ => return Err(LaError::eval(usage).at(first.span)),
    };
    let mut answer_exprs = Vec::new();
    for a in &args[1..] {
        match a {
            Arg::Expr(x) => answer_exprs.push(x.clone()),
            Arg::Colon => return Err(LaError::eval(usage).at(span)),
        }
    }
    if answer_exprs.is_empty() {
        return Err(LaError::eval(format!("{usage} (no answer given)")).at(span));
    }
    let relocate = |mut e: LaError| {
        e.span = Some(first.span);
        e.message = format!("check: in the question '{text}': {}", e.message);
        e
    };
    let stmts = crate::syntax::parse::parse_program(&text).map_err(relocate)?;
    let (outputs, question) = match stmts.as_slice() {
        [s] => match &s.kind {
            StmtKind::Expr(e) => (Vec::new(), e.clone()),
            StmtKind::MultiAssign(targets, e) => {
                let names = targets
                    .iter()
                    .map(|t| t.as_ref().map_or("~".to_string(), |lv| lv.name.to_string()))
                    .collect();
                (names, e.clone())
            }
            StmtKind::Assign(lv, e) if lv.index.is_none() && lv.path.is_empty() => {
                (vec![lv.name.to_string()], e.clone())
            }
            _ => return Err(LaError::eval(usage).at(first.span)),
        },
        _ => return Err(LaError::eval(usage).at(first.span)),
    };
    let question_text = text
        .get(question.span.start..question.span.end)
        .unwrap_or(&text)
        .to_string();
    let c = Check {
        outputs,
        question,
        question_text,
        answers: Vec::new(),
    };
    let answers = evaluate_answers(it, &answer_exprs)?;
    // The question's own spans point into its text, not the script.
    let ok = match verdict(it, &c, answers) {
        Ok(ok) => ok,
        Err(e)
            if e.span
                .is_some_and(|s| answer_exprs.iter().any(|a| a.span == s)) =>
        {
            return Err(e)
        }
        Err(e) => return Err(relocate(e)),
    };
    Ok(if nargout == 0 {
        Vec::new()
    } else {
        vec![Value::bool(ok)]
    })
}
