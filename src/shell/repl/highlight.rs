//! Syntax colouring of the line being edited. `roles` decides what each
//! token is (pure, tested); `render` turns that into ANSI colour with the
//! `colored` palette. The coloured text must have the same display width as
//! the input, so only escape codes are added, never characters.

use super::names::Names;
use crate::syntax::lex::{tokenize, Kind, Token};
use colored::Color;
use std::collections::HashSet;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Number,
    Str,
    Keyword,
    Function,
    Variable,
    Unknown,
    Comment,
    /// The bracket under the cursor and its partner.
    Bracket,
    /// A bracket under the cursor with no partner.
    BadBracket,
}

/// The ANSI SGR parameters for a role.
fn sgr(role: Role) -> String {
    let fg = |c: Color| c.to_fg_str().into_owned();
    match role {
        Role::Number => fg(Color::Cyan),
        Role::Str => fg(Color::Green),
        Role::Keyword => format!("1;{}", fg(Color::Magenta)),
        Role::Function => fg(Color::Blue),
        Role::Variable => "1".into(),
        Role::Unknown => fg(Color::Red),
        Role::Comment => fg(Color::BrightBlack),
        Role::Bracket => format!("1;4;{}", fg(Color::BrightYellow)),
        Role::BadBracket => format!("1;{}", fg(Color::BrightRed)),
    }
}

/// Wrap `text` in the colour for `role`.
pub fn paint(text: &str, role: Role) -> String {
    format!("\x1b[{}m{}\x1b[0m", sgr(role), text)
}

/// Grey, for hints.
pub fn dim(text: &str) -> String {
    format!("\x1b[{}m{}\x1b[0m", Color::BrightBlack.to_fg_str(), text)
}

/// Colour the last line of `prefix + line` (`prefix` holds the lines already
/// entered, so a string or bracket opened there is still understood).
pub fn highlight(prefix: &str, line: &str, cursor: Option<usize>, names: &Names) -> String {
    let offset = if prefix.is_empty() {
        0
    } else {
        prefix.len() + 1
    };
    let full = if prefix.is_empty() {
        line.to_string()
    } else {
        format!("{prefix}\n{line}")
    };
    let spans = roles(&full, cursor.map(|c| c + offset), names);
    let clipped = spans.into_iter().filter_map(|(r, role)| {
        let start = r.start.max(offset);
        (start < r.end).then(|| (start - offset..r.end - offset, role))
    });
    render(line, clipped)
}

fn render(src: &str, spans: impl Iterator<Item = (Range<usize>, Role)>) -> String {
    let mut out = String::with_capacity(src.len() * 2);
    let mut at = 0;
    for (r, role) in spans {
        out.push_str(&src[at..r.start]);
        out.push_str(&paint(&src[r.clone()], role));
        at = r.end;
    }
    out.push_str(&src[at..]);
    out
}

/// What to colour, in order and without overlaps.
pub fn roles(src: &str, cursor: Option<usize>, names: &Names) -> Vec<(Range<usize>, Role)> {
    let tokens = tokenize(src);
    let local = assigned_here(src, &tokens);
    let brackets = cursor
        .map(|c| bracket_at_cursor(src, &tokens, c))
        .unwrap_or_default();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let role = match brackets.iter().find(|(k, _)| *k == i) {
            Some((_, role)) => Some(*role),
            None => token_role(src, t, &local, names),
        };
        if let Some(role) = role {
            out.push((t.start..t.end, role));
        }
    }
    out
}

fn token_role(src: &str, t: &Token, local: &HashSet<&str>, names: &Names) -> Option<Role> {
    let text = t.text(src);
    Some(match t.kind {
        Kind::Number => Role::Number,
        Kind::Str { .. } => Role::Str,
        Kind::Keyword | Kind::Command => Role::Keyword,
        Kind::Comment | Kind::BlockComment { .. } | Kind::Continuation => Role::Comment,
        Kind::Ident if local.contains(text) || names.is_var(text) => Role::Variable,
        Kind::Ident if names.is_function(text) => Role::Function,
        Kind::Ident if text == "steps" || text == "latex" || text == "check" => Role::Keyword,
        Kind::Ident => Role::Unknown,
        _ => return None,
    })
}

/// Names this input itself defines, so they are not flagged as unknown:
/// assignment targets (`x = `, `[V, D] = `, `for k = `), function headers and
/// anonymous-function parameters.
fn assigned_here<'a>(src: &'a str, tokens: &[Token]) -> HashSet<&'a str> {
    let sig: Vec<&Token> = tokens.iter().filter(|t| t.kind != Kind::Space).collect();
    let mut out = HashSet::new();
    let mut in_function_header = false;
    for (i, t) in sig.iter().enumerate() {
        let text = t.text(src);
        if t.kind == Kind::Keyword && text == "function" {
            in_function_header = true;
        }
        if matches!(t.kind, Kind::Newline | Kind::Sep) && t.depth == 0 {
            in_function_header = false;
        }
        if t.kind != Kind::Ident {
            continue;
        }
        if in_function_header || is_assigned(src, &sig, i) || is_lambda_param(src, &sig, i) {
            out.insert(text);
        }
    }
    out
}

fn is_op(src: &str, t: Option<&&Token>, op: &str) -> bool {
    t.is_some_and(|t| t.kind == Kind::Op && t.text(src) == op)
}

/// `x =` (not `x ==`), or an identifier inside a `[...]` followed by `=`.
fn is_assigned(src: &str, sig: &[&Token], i: usize) -> bool {
    let single = is_op(src, sig.get(i + 1), "=") && !is_op(src, sig.get(i + 2), "=");
    if single || sig[i].depth == 0 {
        return single;
    }
    // Inside brackets: find the `]` that closes this group and look past it.
    let depth = sig[i].depth;
    let close = sig[i..]
        .iter()
        .position(|t| t.kind == Kind::Close && t.depth == depth - 1);
    close.is_some_and(|c| {
        let c = i + c;
        sig[c].text(src) == "]"
            && is_op(src, sig.get(c + 1), "=")
            && !is_op(src, sig.get(c + 2), "=")
    })
}

/// An identifier in the parameter list of `@(a, b) ...`.
fn is_lambda_param(src: &str, sig: &[&Token], i: usize) -> bool {
    let depth = sig[i].depth;
    let open = sig[..i]
        .iter()
        .rposition(|t| t.kind == Kind::Open && t.depth + 1 == depth);
    open.is_some_and(|o| o > 0 && sig[o].text(src) == "(" && is_op(src, sig.get(o - 1), "@"))
}

/// The bracket under (or just before) the cursor and its partner, as token indices.
fn bracket_at_cursor(src: &str, tokens: &[Token], cursor: usize) -> Vec<(usize, Role)> {
    let is_bracket = |t: &Token| matches!(t.kind, Kind::Open | Kind::Close);
    let here = tokens
        .iter()
        .position(|t| t.start == cursor && is_bracket(t))
        .or_else(|| tokens.iter().position(|t| t.end == cursor && is_bracket(t)));
    let Some(here) = here else {
        return Vec::new();
    };
    match partner(src, tokens, here) {
        Some(other) => vec![(here, Role::Bracket), (other, Role::Bracket)],
        // An opener without partner is just unfinished input; a closer
        // without one is a mistake worth showing.
        None if tokens[here].kind == Kind::Close => vec![(here, Role::BadBracket)],
        None => Vec::new(),
    }
}

/// Index of the bracket matching `tokens[i]`, skipping strings and comments
/// (they are separate tokens, so only real brackets are counted).
fn partner(src: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let mut stack: Vec<usize> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        match t.kind {
            Kind::Open => stack.push(k),
            Kind::Close => {
                let open = stack.pop()?;
                if !pairs(tokens[open].text(src), t.text(src)) {
                    return None;
                }
                if open == i {
                    return Some(k);
                }
                if k == i {
                    return Some(open);
                }
            }
            _ => {}
        }
    }
    None
}

fn pairs(open: &str, close: &str) -> bool {
    matches!((open, close), ("(", ")") | ("[", "]") | ("{", "}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_of(src: &str, word: &str, names: &Names) -> Option<Role> {
        let at = src.find(word).expect("word in source");
        roles(src, None, names)
            .into_iter()
            .find(|(r, _)| r.start == at)
            .map(|(_, role)| role)
    }

    #[test]
    fn numbers_strings_keywords_comments() {
        let n = Names::default();
        assert_eq!(role_of("x = 2.5e3", "2.5e3", &n), Some(Role::Number));
        assert_eq!(role_of("s = 'a(b'", "'a(b'", &n), Some(Role::Str));
        assert_eq!(role_of("s = \"hi\"", "\"hi\"", &n), Some(Role::Str));
        assert_eq!(role_of("if x, end", "if", &n), Some(Role::Keyword));
        assert_eq!(role_of("help eig", "help", &n), Some(Role::Keyword));
        assert_eq!(role_of("x = 1 % note", "% note", &n), Some(Role::Comment));
    }

    #[test]
    fn functions_variables_and_unknown_names() {
        let n = Names::with_vars(&["A"]);
        assert_eq!(role_of("y = abs(A)", "abs", &n), Some(Role::Function));
        assert_eq!(role_of("y = abs(A)", "A", &n), Some(Role::Variable));
        assert_eq!(role_of("y = abs(Q)", "Q", &n), Some(Role::Unknown));
        // A name assigned in the same input is a variable, not unknown.
        assert_eq!(role_of("y = 1", "y", &n), Some(Role::Variable));
        assert_eq!(role_of("[V, D] = f(A)", "V", &n), Some(Role::Variable));
        assert_eq!(role_of("[V, D] = f(A)", "D", &n), Some(Role::Variable));
        assert_eq!(role_of("y == 1", "y", &n), Some(Role::Unknown));
        assert_eq!(role_of("g = @(t) t.^2", "t)", &n), Some(Role::Variable));
        assert_eq!(role_of("for k = 1:3", "k", &n), Some(Role::Variable));
    }

    #[test]
    fn a_variable_shadows_a_function() {
        let n = Names::with_vars(&["abs"]);
        assert_eq!(role_of("abs(1)", "abs", &n), Some(Role::Variable));
    }

    #[test]
    fn matching_bracket_under_the_cursor() {
        let n = Names::default();
        let src = "f([1 2])";
        let at = |cursor| -> Vec<(usize, Role)> {
            roles(src, Some(cursor), &n)
                .into_iter()
                .filter(|(_, r)| matches!(r, Role::Bracket | Role::BadBracket))
                .map(|(r, role)| (r.start, role))
                .collect()
        };
        assert_eq!(at(1), vec![(1, Role::Bracket), (7, Role::Bracket)]);
        assert_eq!(at(2), vec![(2, Role::Bracket), (6, Role::Bracket)]);
        assert_eq!(at(8), vec![(1, Role::Bracket), (7, Role::Bracket)]);
        let open = roles("f([1 2", Some(6), &n);
        assert!(open
            .iter()
            .all(|(_, r)| !matches!(r, Role::Bracket | Role::BadBracket)));
        let extra = roles("f(1))", Some(5), &n);
        assert!(extra.contains(&(4..5, Role::BadBracket)));
    }

    #[test]
    fn brackets_in_strings_do_not_match() {
        let n = Names::default();
        let r = roles("f(')')", Some(1), &n);
        assert!(r.contains(&(1..2, Role::Bracket)));
        assert!(r.contains(&(5..6, Role::Bracket)));
    }

    #[test]
    fn rendering_keeps_the_text_and_adds_only_escapes() {
        let n = Names::with_vars(&["A"]);
        let out = highlight("", "y = A * 2 % c", Some(0), &n);
        let plain = strip(&out);
        assert_eq!(plain, "y = A * 2 % c");
        assert!(out.contains("\x1b[36m2\x1b[0m"), "{out:?}");
    }

    #[test]
    fn continuation_lines_see_the_earlier_lines() {
        let n = Names::default();
        // The `'` opened nothing on this line, but `]` closes the earlier `[`.
        let out = highlight("A = [1 2", "3 4]", Some(4), &n);
        assert_eq!(strip(&out), "3 4]");
        // Bold, underlined, bright yellow: the matched-bracket style.
        assert!(out.contains("\x1b[1;4;93m]\x1b[0m"), "{out:?}");
    }

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
