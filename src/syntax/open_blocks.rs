//! Which blocks (`if`, `for`, ..., `do`) are open at the end of a text, and
//! which closing word closes no block or the wrong one: one reading of the
//! lexer's tokens, for the REPL (ask for another line while a block is open)
//! and for the parser (name the block behind a parse error).

use crate::error::{LaError, Source, Span};
use crate::syntax::grammar::{LaParser, Rule};
use crate::syntax::lex::{tokenize, Kind, Token};
use pest::Parser;

/// Each block's opening word and the words that close it, `end` first.
const BLOCKS: &[(&str, &[&str])] = &[
    ("if", &["end", "endif"]),
    ("for", &["end", "endfor"]),
    ("while", &["end", "endwhile"]),
    ("switch", &["end", "endswitch"]),
    ("try", &["end", "end_try_catch"]),
    ("unwind_protect", &["end", "end_unwind_protect"]),
    ("function", &["end", "endfunction"]),
    ("do", &["until"]),
];

/// The word between the two bodies of `unwind_protect`.
const CLEANUP: &str = "unwind_protect_cleanup";

/// An opening word found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opened {
    pub word: &'static str,
    closers: &'static [&'static str],
    pub span: Span,
    /// `unwind_protect_cleanup` seen (only `unwind_protect` has one).
    cleanup: bool,
}

impl Opened {
    /// What closes it, in words: `'end' (or 'endfor')`.
    fn ending(&self) -> String {
        match self.closers {
            ["until"] => "'until' and a condition".to_string(),
            [_, own] if self.word == "unwind_protect" && !self.cleanup => {
                format!("'{CLEANUP}', then 'end' (or '{own}')")
            }
            [end, own] => format!("'{end}' (or '{own}')"),
            _ => String::new(),
        }
    }

    /// Text that closes it, for checking that nothing else is missing.
    fn closing(&self) -> String {
        match self.closers {
            ["until"] => "until 1".to_string(),
            _ if self.word == "unwind_protect" && !self.cleanup => format!("{CLEANUP}\nend"),
            _ => "end".to_string(),
        }
    }
}

/// A closing word that closes no block (`opener` is `None`) or not the
/// innermost open one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Misplaced {
    pub span: Span,
    pub opener: Option<Opened>,
}

/// The blocks open so far, innermost last.
#[derive(Debug, Default)]
pub struct Blocks {
    pub open: Vec<Opened>,
    /// The first misplaced closing word.
    pub misplaced: Option<Misplaced>,
}

impl Blocks {
    /// Read the blocks of `src`.
    pub fn of(src: &str) -> Blocks {
        let mut blocks = Blocks::default();
        for t in tokenize(src) {
            blocks.step(&t, src);
        }
        blocks
    }

    /// Follow one token. A keyword inside brackets is `end` as an index (`x(end)`).
    pub fn step(&mut self, t: &Token, src: &str) {
        if t.kind != Kind::Keyword || t.depth > 0 {
            return;
        }
        let text = t.text(src);
        let span = Span::new(t.start, t.end);
        if let Some(&(word, closers)) = BLOCKS.iter().find(|(w, _)| *w == text) {
            self.open.push(Opened {
                word,
                closers,
                span,
                cleanup: false,
            });
        } else if text == CLEANUP {
            if let Some(o) = self.open.last_mut() {
                o.cleanup = true;
            }
        } else if BLOCKS.iter().any(|(_, c)| c.contains(&text)) {
            // A wrong closing word is taken to close the innermost block anyway.
            match self.open.pop() {
                Some(o) if o.closers.contains(&text) => {}
                opener => {
                    self.misplaced.get_or_insert(Misplaced { span, opener });
                }
            }
        }
    }
}

/// The error to give instead of pest's at `pos` when a block is its cause: a
/// closing word at or before `pos` that closes no block or the wrong one, or
/// a block still open at the end when closing it is all the input lacks.
pub(super) fn block_error(src: &str, pos: usize) -> Option<LaError> {
    let blocks = Blocks::of(src);
    if let Some(m) = blocks.misplaced.filter(|m| m.span.start <= pos) {
        let word = &src[m.span.start..m.span.end];
        let msg = match m.opener {
            None => format!("parse error: this '{word}' closes no block: none is open here"),
            Some(o) => {
                let (line, col) = Source::new("", src).line_col(o.span.start);
                format!(
                    "parse error: '{word}' cannot close the '{}' at line {line}, column {col}, which ends with {}",
                    o.word,
                    o.ending()
                )
            }
        };
        return Some(LaError::parse(msg, m.span));
    }
    let innermost = *blocks.open.last()?;
    let closed: Vec<String> = blocks.open.iter().rev().map(Opened::closing).collect();
    let completed = format!("{src}\n{}\n", closed.join("\n"));
    LaParser::parse(Rule::program, &completed).ok()?;
    Some(LaError::parse(
        format!(
            "parse error: '{}' is never closed: expected {} before the end of the input",
            innermost.word,
            innermost.ending()
        ),
        innermost.span,
    ))
}

#[cfg(test)]
mod tests {
    use super::Blocks;

    fn open_words(src: &str) -> Vec<&'static str> {
        Blocks::of(src).open.iter().map(|o| o.word).collect()
    }

    #[test]
    fn blocks_open_and_close_by_their_words() {
        assert_eq!(
            open_words("for k = 1:3\n if k\n x(end) = 1;\n end"),
            ["for"]
        );
        assert_eq!(open_words("do\n x++;\nuntil x > 3"), Vec::<&str>::new());
        assert_eq!(open_words("switch x\n case 1\n try"), ["switch", "try"]);
        assert_eq!(open_words("help for"), Vec::<&str>::new());
        assert_eq!(open_words("s = 'if'; % while"), Vec::<&str>::new());
    }

    #[test]
    fn misplaced_closers_are_found() {
        let b = Blocks::of("x = 1; end");
        assert_eq!(
            b.misplaced.map(|m| (m.span.start, m.opener)),
            Some((7, None))
        );
        let b = Blocks::of("for k = 1:3\n endwhile");
        let m = b.misplaced.expect("endwhile closes no for");
        assert_eq!(m.opener.map(|o| o.word), Some("for"));
        assert!(Blocks::of("if a, b = 1; else, b = 2; endif")
            .misplaced
            .is_none());
    }
}
