//! The session's settings and its end: `format`, `clc`, `warning`, the
//! terminal-only commands that do nothing here, `pkg`, and `exit`.

use super::Next;
use crate::builtins::ctx::{CommandCtx, NameKind};
use crate::error::{LaError, Result, Span};
use crate::value::format::{Format, Numbers};
use crate::value::Value;

/// `format [short|long] [e|g]`, `format shortg`, `bank`, `rat`, `compact`,
/// `loose`, as in Octave: plain `format` restores every default; the others
/// change only what they name.
pub(super) fn format(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Next> {
    let mut fmt = it.display().0;
    let words = args.join(" ").to_ascii_lowercase().replace(' ', "");
    match words.as_str() {
        "" => fmt = Format::default(),
        "compact" => fmt.compact = true,
        "loose" => fmt.compact = false,
        w => {
            fmt.numbers = match w {
                "short" => Numbers::Short,
                "long" => Numbers::Long,
                "rat" => Numbers::Rat,
                "shorte" => Numbers::ShortE,
                "longe" => Numbers::LongE,
                "shortg" => Numbers::ShortG,
                "longg" => Numbers::LongG,
                "bank" => Numbers::Bank,
                _ => {
                    return Err(LaError::eval(format!(
                        "format: unknown format '{}' (use short, long, short e, long e, short g, \
                         long g, bank, rat, compact or loose)",
                        args.join(" ")
                    ))
                    .at(span))
                }
            }
        }
    }
    it.set_format(fmt);
    Ok(Next::Continue)
}

/// `exit`, `exit CODE`: a status that is not an integer is refused and the
/// session goes on, as Octave refuses one.
pub(super) fn exit(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Next> {
    let refuse = |what: String| {
        Err(LaError::eval(format!(
            "exit: {what}; type exit to leave with status 0, or exit 1 for status 1"
        ))
        .at(span))
    };
    match args {
        [] => Ok(Next::Exit(0)),
        [code] => match code.parse() {
            Ok(n) => Ok(Next::Exit(n)),
            // `exit abc` (command syntax): a word that names no variable is text.
            Err(_) if is_word(code) && it.name_kind(code) != NameKind::Variable => {
                refuse(format!("the status must be an integer, not '{code}'"))
            }
            // `exit(status)`: the value of the expression, as Octave.
            Err(_) => match it.eval_text(code).map_err(|e| e.at(span))? {
                v if v.is_scalar()
                    && matches!(v, Value::Exact(_) | Value::Real(_) | Value::Bool(_)) =>
                {
                    match v.to_real("exit")?[0] {
                        x if x.fract() == 0.0 && x.abs() <= f64::from(i32::MAX) => {
                            Ok(Next::Exit(x as i32))
                        }
                        x => refuse(format!("the status must be an integer, not {x}")),
                    }
                }
                v => {
                    let (r, c) = v.dims();
                    refuse(format!(
                        "the status must be one integer, not a {r}x{c} {}",
                        v.class_name()
                    ))
                }
            },
        },
        _ => refuse(format!(
            "one status at most, not {} ('{}')",
            args.len(),
            args.join(" ")
        )),
    }
}

pub(super) fn clc(it: &mut dyn CommandCtx, _: &[String], _: Span) -> Result<Next> {
    it.clear_screen();
    Ok(Next::Continue)
}

/// Terminal-only commands: nothing to do outside a terminal UI.
pub(super) fn nothing(_: &mut dyn CommandCtx, _: &[String], _: Span) -> Result<Next> {
    Ok(Next::Continue)
}

/// `warning off|on|query|error ...` changes nothing; any other words are a message.
pub(super) fn warning(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Next> {
    match args.first().map(|s| s.to_ascii_lowercase()).as_deref() {
        None | Some("on") | Some("off") | Some("query") | Some("error") => {}
        Some(_) => it.warn(&args.join(" "), span),
    }
    Ok(Next::Continue)
}

pub(super) fn pkg(it: &mut dyn CommandCtx, args: &[String], _: Span) -> Result<Next> {
    let what = std::iter::once("pkg")
        .chain(args.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    it.print(&format!(
        "note: la needs no packages; '{what}' is ignored\n"
    ));
    Ok(Next::Continue)
}

/// A bare identifier, as command syntax passes a word.
fn is_word(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
