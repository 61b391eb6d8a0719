//! Tab completion: what may stand at the cursor depends on where it is —
//! the first word of a statement (commands, keywords, functions, variables),
//! inside an expression (functions, variables) or after a command word
//! (`help <name>`, `clear <var>`, `format short|long`).

use super::names::Names;
use crate::builtins;
use crate::builtins::commands;
use crate::syntax::lex::{tokenize, Kind, Token, KEYWORDS};

/// What the cursor is completing.
#[derive(Debug, PartialEq, Eq)]
pub enum Place<'a> {
    /// Inside a string, comment or number: nothing to offer.
    Nowhere,
    /// The first word of a statement.
    Head,
    Expr,
    /// An argument of the named command.
    CommandArg(&'a str),
}

/// Where the word being completed starts, and the candidates for it, sorted.
/// File names for `save`/`load` are left to the caller (`Place::CommandArg`).
pub fn complete(line: &str, pos: usize, names: &Names) -> (usize, Vec<String>) {
    let (start, place) = locate(line, pos);
    let word = &line[start..pos];
    let mut out: Vec<String> = candidates(&place, names)
        .into_iter()
        .filter(|c| c.starts_with(word))
        .collect();
    out.sort();
    out.dedup();
    (start, out)
}

/// Find the start of the word at `pos` and what kind of place it is in.
pub fn locate(line: &str, pos: usize) -> (usize, Place<'_>) {
    let before = &line[..pos];
    let tokens = tokenize(before);
    let (start, word_index) = match tokens.last() {
        Some(t) if t.end == pos => match t.kind {
            Kind::Ident | Kind::Keyword | Kind::Command | Kind::CmdArg => {
                (t.start, Some(tokens.len() - 1))
            }
            Kind::Str { .. }
            | Kind::Comment
            | Kind::BlockComment { .. }
            | Kind::Continuation
            | Kind::Number => return (pos, Place::Nowhere),
            _ => (pos, None),
        },
        _ => (pos, None),
    };
    let upto = word_index.unwrap_or(tokens.len());
    (start, place_in_statement(before, &tokens[..upto]))
}

/// Classify by the tokens of the current statement before the word.
fn place_in_statement<'a>(src: &'a str, before_word: &[Token]) -> Place<'a> {
    let stmt_begin = before_word
        .iter()
        .rposition(|t| t.depth == 0 && matches!(t.kind, Kind::Sep | Kind::Newline))
        .map_or(0, |i| i + 1);
    let mut stmt = before_word[stmt_begin..]
        .iter()
        .filter(|t| t.kind != Kind::Space);
    match stmt.next() {
        None => Place::Head,
        Some(t) if t.kind == Kind::Command => Place::CommandArg(t.text(src)),
        // `else` may be followed by a statement on the same line.
        Some(t) if t.text(src) == "else" && stmt.next().is_none() => Place::Head,
        Some(_) => Place::Expr,
    }
}

fn candidates(place: &Place, names: &Names) -> Vec<String> {
    let functions = || {
        builtins::names()
            .map(str::to_string)
            .chain(names.funcs.iter().cloned())
    };
    let vars = || names.vars.iter().cloned();
    match place {
        Place::Nowhere => Vec::new(),
        Place::Head => commands::words()
            .chain(KEYWORDS.iter().copied())
            .map(|s| s.to_string())
            .chain(functions())
            .chain(vars())
            .collect(),
        Place::Expr => functions().chain(vars()).collect(),
        Place::CommandArg("help") => functions()
            .chain(commands::words().map(str::to_string))
            .collect(),
        Place::CommandArg("clear") => vars().chain(["all".to_string()]).collect(),
        Place::CommandArg("format") => vec!["short".into(), "long".into()],
        Place::CommandArg(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        let mut n = Names::with_vars(&["velocity", "A", "eigvals_mine"]);
        n.funcs = vec!["myfun".into()];
        n
    }

    fn at_end(line: &str) -> (usize, Vec<String>) {
        complete(line, line.len(), &names())
    }

    #[test]
    fn functions_and_variables() {
        let (start, c) = at_end("x = ei");
        assert_eq!(start, 4);
        assert!(builtins::lookup("eig").is_some());
        assert!(c.contains(&"eig".to_string()), "{c:?}");
        assert!(c.contains(&"eigvals_mine".to_string()));
        assert!(c.iter().all(|n| n.starts_with("ei")));
        let (_, c) = at_end("y = vel");
        assert_eq!(c, vec!["velocity"]);
        let (_, c) = at_end("my");
        assert_eq!(c, vec!["myfun"]);
    }

    #[test]
    fn commands_and_keywords_only_at_statement_start() {
        let (_, c) = at_end("he");
        assert!(c.contains(&"help".to_string()));
        let (_, c) = at_end("x = 1; wh");
        assert!(c.contains(&"while".to_string()) && c.contains(&"whos".to_string()));
        let (_, c) = at_end("x = wh");
        assert!(!c.contains(&"while".to_string()));
        let (_, c) = at_end("[1, wh");
        assert!(!c.contains(&"whos".to_string()));
    }

    #[test]
    fn help_arguments_are_function_names() {
        let (start, c) = at_end("help ab");
        assert_eq!(start, 5);
        assert_eq!(c, vec!["abs"]);
        let (_, c) = at_end("help vel");
        assert!(c.is_empty(), "variables are not help topics: {c:?}");
    }

    #[test]
    fn clear_and_format_arguments() {
        assert_eq!(at_end("clear vel").1, vec!["velocity"]);
        assert!(at_end("clear ").1.contains(&"all".to_string()));
        assert_eq!(at_end("format l").1, vec!["long"]);
        assert_eq!(at_end("format ").1, vec!["long", "short"]);
    }

    #[test]
    fn nothing_inside_strings_comments_or_numbers() {
        assert!(at_end("disp('vel").1.is_empty());
        assert!(at_end("x = 1 % vel").1.is_empty());
        assert!(at_end("x = 12").1.is_empty());
    }

    #[test]
    fn completes_in_the_middle_of_a_line() {
        let line = "y = vel + 1";
        let (start, c) = complete(line, 7, &names());
        assert_eq!(start, 4);
        assert_eq!(c, vec!["velocity"]);
    }
}
