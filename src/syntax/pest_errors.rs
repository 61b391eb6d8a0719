//! pest's parse errors in words a student reads: the rules it expected,
//! named as constructs ("an expression", "'end'"), and the likely cause
//! (an unterminated string, an unclosed bracket).

use crate::error::{LaError, Span};
use crate::syntax::grammar::Rule;

/// pest's error -> our error, with rule names a student can read.
pub(super) fn pest_error(e: pest::error::Error<Rule>) -> LaError {
    use pest::error::{ErrorVariant, InputLocation};
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let msg = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            let mut names: Vec<&str> = positives.iter().filter_map(|r| rule_name(*r)).collect();
            names.sort_unstable();
            names.dedup();
            if names.is_empty() {
                "parse error: unexpected input".to_string()
            } else {
                format!("parse error: expected {}", names.join(", "))
            }
        }
        ErrorVariant::CustomError { message } => format!("parse error: {message}"),
    };
    let col = match e.line_col {
        pest::error::LineColLocation::Pos((_, c))
        | pest::error::LineColLocation::Span((_, c), _) => c,
    };
    let rest: String = e.line().chars().skip(col.saturating_sub(1)).collect();
    let msg = match unterminated_string(&rest) {
        Some(q) => format!(
            "unterminated string: this {q} opens a string that does not end on this line{}",
            if q == '\'' {
                " (a transpose quote goes right after a value, as in A')"
            } else {
                ""
            }
        ),
        None => refine_message(e.line(), msg),
    };
    LaError::parse(msg, Span::new(pos, pos + 1))
}

/// The quote `text` starts with, when no matching quote closes it on the line.
fn unterminated_string(text: &str) -> Option<char> {
    let q = text.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let mut chars = text[1..]
        .chars()
        .take_while(|c| *c != '\n' && *c != '\r')
        .peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && q == '"' {
            chars.next();
        } else if c == q {
            // `''` inside a single-quoted string is an escaped quote.
            if q == '\'' && chars.peek() == Some(&'\'') {
                chars.next();
            } else {
                return None;
            }
        }
    }
    Some(q)
}

/// Whether `line` has an `=` that is not part of `==`, `~=`, `!=`, `<=`, `>=`.
fn has_lone_eq(line: &str) -> bool {
    let b = line.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b'=' && !(i > 0 && b"=~!<>".contains(&b[i - 1])) && b.get(i + 1) != Some(&b'=')
    })
}

/// Add the likely cause when the line has an obvious unclosed construct.
fn refine_message(line: &str, msg: String) -> String {
    let t = line.trim_start();
    if t.starts_with("check ") && !t.contains('=') {
        return format!(
            "{msg} (check needs the question, `=`, then your answer: check eig(A) = [3; 1])"
        );
    }
    if t.starts_with("check ") && t.contains("==") && !has_lone_eq(t) {
        let fixed = t.trim_end().replacen("==", "=", 1);
        return format!(
            "{msg} (check separates the question from your answer with one `=`: {fixed})"
        );
    }
    let opens = |o: char, c: char| line.matches(o).count() > line.matches(c).count();
    if opens('[', ']') {
        format!("{msg} (unclosed '[')")
    } else if opens('(', ')') {
        format!("{msg} (unclosed '(')")
    } else if line.matches('"').count() % 2 == 1 {
        format!("{msg} (unterminated string)")
    } else {
        msg
    }
}

fn rule_name(r: Rule) -> Option<&'static str> {
    Some(match r {
        Rule::expr
        | Rule::pexpr
        | Rule::mexpr
        | Rule::number
        | Rule::ident
        | Rule::sq_string
        | Rule::dq_string
        | Rule::matrix
        | Rule::cell
        | Rule::paren
        | Rule::anon_fn
        | Rule::func_handle
        | Rule::end_atom => "an expression",
        Rule::term => "end of statement",
        Rule::call_args => "'('",
        Rule::elseif_part
        | Rule::else_part
        | Rule::switch_case
        | Rule::otherwise_part
        | Rule::catch_part => "'end'",
        Rule::oror
        | Rule::andand
        | Rule::or
        | Rule::and
        | Rule::eq
        | Rule::ne
        | Rule::le
        | Rule::ge
        | Rule::lt
        | Rule::gt
        | Rule::range
        | Rule::add
        | Rule::sub
        | Rule::emul
        | Rule::ediv
        | Rule::eldiv
        | Rule::epow
        | Rule::mul
        | Rule::div
        | Rule::ldiv
        | Rule::pow => "an operator",
        Rule::mrow | Rule::comma => "a matrix element",
        Rule::ident_list | Rule::fn_params => "a name",
        Rule::EOI => "end of input",
        _ => return None,
    })
}
