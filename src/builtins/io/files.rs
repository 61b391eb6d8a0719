//! Reading numeric text files into a matrix: `csvread`, `dlmread` (the
//! reader is the one `load` uses for plain numbers).

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use crate::error::Result;
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "csvread",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Output,
            signature: "csvread(file)",
            summary: concat!(
                "Read a file of comma-separated numbers (one row per line; % and # comments; ",
                "an empty field is 0; a header line is skipped with a warning) as a matrix of ",
                "doubles. A malformed row is an error naming the file, line and column."
            ),
            math: &[],
            example: &[
                ">> A = [1 2; 3 4]; save -ascii /tmp/la-help-csvread.txt A",
                ">> csvread('/tmp/la-help-csvread.txt')",
                "ans =",
                "",
                "   1   2",
                "   3   4",
                "",
            ],
            related: &["dlmread", "load"],
        },
        run: csvread,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "dlmread",
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Output,
            signature: "dlmread(file), dlmread(file, sep)",
            summary: concat!(
                "Read a file of delimited numbers as a matrix of doubles: separated by spaces ",
                "or commas, or by the one character sep (\"\\t\" for tabs). Comments, empty ",
                "fields and a header line as csvread."
            ),
            math: &[],
            example: &[
                ">> A = [1 2; 3 4]; save -ascii /tmp/la-help-dlmread.txt A",
                ">> dlmread('/tmp/la-help-dlmread.txt', ' ')",
                "ans =",
                "",
                "   1   2",
                "   3   4",
                "",
            ],
            related: &["csvread", "load"],
        },
        run: dlmread,
        ..Builtin::DEFAULTS
    },
];

fn file_arg(a: &Args) -> Result<String> {
    match a.val(0)? {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(a.wrong(0, "a file name (a string)")),
    }
}

fn csvread(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let path = file_arg(&a)?;
    one(super::super::commands::read_delimited(
        it, "csvread", &path, None, a.span,
    )?)
}

fn dlmread(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let path = file_arg(&a)?;
    let sep = match a.get(1) {
        None => None,
        Some(Value::Str(s)) => {
            let s = match s.as_str() {
                "\\t" => "\t",
                other => other,
            };
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => return Err(a.wrong(1, "one separator character such as ',' or '\\t'")),
            }
        }
        Some(_) => return Err(a.wrong(1, "a separator character (a string)")),
    };
    one(super::super::commands::read_delimited(
        it, "dlmread", &path, sep, a.span,
    )?)
}
