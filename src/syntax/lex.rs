//! A forgiving tokenizer. The pest grammar rejects unfinished input, but the
//! REPL's highlighter, validator and completer must work on exactly that, and
//! the parser, when pest fails, asks it which blocks are open: so this lexer
//! never fails, it only classifies byte ranges.

/// What a run of source text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Number,
    /// A quoted string; `closed` is false when the line ended first.
    Str {
        closed: bool,
    },
    Ident,
    /// `if`, `end`, `for`, ...
    Keyword,
    /// The word of a command statement: `help`, `format`, `clear`, ...
    Command,
    /// A word after a command word: `eig` in `help eig`.
    CmdArg,
    Comment,
    /// `%{ ... %}`; `closed` is false while the closing line is missing.
    BlockComment {
        closed: bool,
    },
    /// `...` and the rest of its line, newline included.
    Continuation,
    Open,
    Close,
    /// `;` or `,`
    Sep,
    Newline,
    Space,
    Op,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Brackets open before this token (`(`, `[`, `{`).
    pub depth: usize,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

/// The grammar's reserved words (its `kw` rule).
pub const KEYWORDS: &[&str] = &[
    "if",
    "elseif",
    "else",
    "end",
    "endif",
    "for",
    "endfor",
    "while",
    "endwhile",
    "do",
    "until",
    "switch",
    "case",
    "otherwise",
    "endswitch",
    "try",
    "catch",
    "end_try_catch",
    "unwind_protect",
    "unwind_protect_cleanup",
    "end_unwind_protect",
    "function",
    "endfunction",
    "break",
    "continue",
    "return",
];

/// The words that start command syntax (`help eig`, `hold on`): the
/// grammar's `cmd_word` rule (`tests/layers.rs` checks they agree).
pub const COMMAND_WORDS: &[&str] = &[
    "help", "doc", "lookfor", "format", "clear", "whos", "who", "save", "load", "exit", "quit",
    "clc", "more", "close", "clf", "warning", "pkg", "hold", "grid", "axis", "print", "figure",
];

/// Keywords after which a statement may follow on the same line without a separator.
const STATEMENT_AFTER: &[&str] = &["else", "do", "try", "otherwise", "unwind_protect_cleanup"];

pub fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Split `src` into tokens covering every byte, in order.
pub fn tokenize(src: &str) -> Vec<Token> {
    let mut lx = Lexer {
        src,
        pos: 0,
        depth: 0,
        tokens: Vec::new(),
        stmt_start: true,
        line_start: true,
    };
    lx.run();
    lx.tokens
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    tokens: Vec<Token>,
    /// No significant token yet in the current statement.
    stmt_start: bool,
    /// Only blanks so far on the current line (for `%{`).
    line_start: bool,
}

impl Lexer<'_> {
    fn rest(&self) -> &str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek2(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    fn push(&mut self, kind: Kind, end: usize) {
        self.tokens.push(Token {
            kind,
            start: self.pos,
            end,
            depth: self.depth,
        });
        self.pos = end;
    }

    /// Byte offset where the current line ends (before its newline).
    fn line_end(&self) -> usize {
        self.rest()
            .find('\n')
            .map_or(self.src.len(), |i| self.pos + i)
    }

    fn run(&mut self) {
        while let Some(c) = self.peek() {
            let was_line_start = self.line_start;
            self.line_start = false;
            if was_line_start && self.block_comment() {
                continue;
            }
            self.one(c);
        }
    }

    fn one(&mut self, c: char) {
        match c {
            '\n' => {
                self.push(Kind::Newline, self.pos + 1);
                self.line_start = true;
                if self.depth == 0 {
                    self.stmt_start = true;
                }
            }
            ' ' | '\t' | '\r' => {
                self.line_start = self.line_start_blank();
                let end = self.run_while(|c| matches!(c, ' ' | '\t' | '\r'));
                self.push(Kind::Space, end);
            }
            '%' | '#' => self.push(Kind::Comment, self.line_end()),
            '.' if self.rest().starts_with("...") => {
                let end = (self.line_end() + 1).min(self.src.len());
                self.push(Kind::Continuation, end);
            }
            '0'..='9' => self.number(),
            '.' if self.peek2().is_some_and(|d| d.is_ascii_digit()) => self.number(),
            '\'' if self.quote_is_transpose() => self.op(1),
            '\'' | '"' => self.string(c),
            c if c.is_ascii_alphabetic() || c == '_' => self.word(),
            '(' | '[' | '{' => {
                self.push(Kind::Open, self.pos + 1);
                self.depth += 1;
                self.stmt_start = false;
            }
            ')' | ']' | '}' => {
                self.depth = self.depth.saturating_sub(1);
                self.push(Kind::Close, self.pos + 1);
            }
            ';' | ',' => {
                self.push(Kind::Sep, self.pos + 1);
                if self.depth == 0 {
                    self.stmt_start = true;
                }
            }
            c => self.op(c.len_utf8()),
        }
    }

    /// Whether everything on this line before `pos` is blank (a leading space run).
    fn line_start_blank(&self) -> bool {
        let before = &self.src[..self.pos];
        let line = before.rsplit('\n').next().unwrap_or("");
        line.chars().all(|c| c == ' ' || c == '\t')
    }

    fn op(&mut self, len: usize) {
        self.push(Kind::Op, self.pos + len);
        self.stmt_start = false;
    }

    fn run_while(&self, f: impl Fn(char) -> bool) -> usize {
        self.rest()
            .char_indices()
            .find(|&(_, c)| !f(c))
            .map_or(self.src.len(), |(i, _)| self.pos + i)
    }

    /// `%{` alone on a line opens a block comment that runs to a `%}` line.
    fn block_comment(&mut self) -> bool {
        let line = &self.src[self.pos..self.line_end()];
        let opener = line.trim();
        if opener != "%{" && opener != "#{" {
            return false;
        }
        let mut at = self.line_end();
        while at < self.src.len() {
            let next_start = at + 1;
            let next_end = self.src[next_start..]
                .find('\n')
                .map_or(self.src.len(), |i| next_start + i);
            let t = self.src[next_start..next_end].trim();
            if t == "%}" || t == "#}" {
                self.push(Kind::BlockComment { closed: true }, next_end);
                return true;
            }
            at = next_end;
        }
        self.push(Kind::BlockComment { closed: false }, self.src.len());
        true
    }

    /// `'` right after a value is the transpose operator; elsewhere it opens a string.
    fn quote_is_transpose(&self) -> bool {
        let Some(prev) = self.tokens.last() else {
            return false;
        };
        if prev.end != self.pos {
            return false;
        }
        match prev.kind {
            Kind::Ident | Kind::Number | Kind::Close => true,
            Kind::Keyword => prev.text(self.src) == "end",
            Kind::Op => matches!(prev.text(self.src), "'" | "."),
            _ => false,
        }
    }

    fn string(&mut self, quote: char) {
        let body = &self.src[self.pos + 1..];
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\n' => break,
                '\\' if quote == '"' => {
                    chars.next();
                }
                c if c == quote => {
                    // `''` inside a single-quoted string is an escaped quote.
                    if quote == '\'' && body[i + 1..].starts_with('\'') {
                        chars.next();
                        continue;
                    }
                    self.push(Kind::Str { closed: true }, self.pos + 1 + i + 1);
                    self.stmt_start = false;
                    return;
                }
                _ => {}
            }
        }
        self.push(Kind::Str { closed: false }, self.line_end());
        self.stmt_start = false;
    }

    fn number(&mut self) {
        let b = self.src.as_bytes();
        let mut i = self.pos;
        let digits = |i: &mut usize| {
            while *i < b.len() && b[*i].is_ascii_digit() {
                *i += 1;
            }
        };
        digits(&mut i);
        // `1.*x` is `1 .* x`, not `1. * x`, as in the grammar's `frac`.
        if i < b.len()
            && b[i] == b'.'
            && !matches!(b.get(i + 1), Some(b'*' | b'/' | b'\\' | b'^' | b'\''))
            && !self.src[i..].starts_with("...")
        {
            i += 1;
            digits(&mut i);
        }
        if i < b.len() && matches!(b[i], b'e' | b'E') {
            let mut j = i + 1;
            if j < b.len() && matches!(b[j], b'+' | b'-') {
                j += 1;
            }
            if j < b.len() && b[j].is_ascii_digit() {
                i = j;
                digits(&mut i);
            }
        }
        if i < b.len()
            && matches!(b[i], b'i' | b'j' | b'I' | b'J')
            && !b.get(i + 1).is_some_and(|&c| is_ident_char(c as char))
        {
            i += 1;
        }
        self.push(Kind::Number, i);
        self.stmt_start = false;
    }

    fn word(&mut self) {
        let end = self.run_while(is_ident_char);
        let text = &self.src[self.pos..end];
        if self.stmt_start
            && self.depth == 0
            && COMMAND_WORDS.contains(&text)
            && self.starts_command(end)
        {
            self.push(Kind::Command, end);
            self.stmt_start = false;
            self.command_args();
            return;
        }
        let kind = if KEYWORDS.contains(&text) {
            Kind::Keyword
        } else {
            Kind::Ident
        };
        self.push(kind, end);
        // `else disp(1)`: a statement may follow `else` without a separator.
        self.stmt_start = kind == Kind::Keyword && STATEMENT_AFTER.contains(&text);
    }

    /// Command syntax unless the word is followed by `=` or `(` (grammar's `command`).
    fn starts_command(&self, end: usize) -> bool {
        let next = self.src[end..].chars().next();
        let after = self.src[end..].trim_start_matches([' ', '\t']);
        let ends_word = matches!(
            next,
            None | Some(' ' | '\t' | '\r' | '\n' | ';' | ',' | '%' | '#')
        );
        ends_word && !after.starts_with('=') && !after.starts_with('(')
    }

    /// The raw words after a command, up to `;`, `,`, a comment or the line end.
    fn command_args(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                ';' | ',' | '\n' | '%' | '#' => return,
                ' ' | '\t' | '\r' => {
                    let end = self.run_while(|c| matches!(c, ' ' | '\t' | '\r'));
                    self.push(Kind::Space, end);
                }
                '\'' => self.string('\''),
                _ => {
                    let end = self.run_while(|c| {
                        !matches!(c, ' ' | '\t' | '\r' | ';' | ',' | '\n' | '%' | '#')
                    });
                    self.push(Kind::CmdArg, end);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(Kind, &str)> {
        tokenize(src)
            .into_iter()
            .filter(|t| t.kind != Kind::Space)
            .map(|t| (t.kind, t.text(src)))
            .collect()
    }

    #[test]
    fn tokens_cover_the_input() {
        for src in [
            "x = [1 2; 3 4]'",
            "help eig % hi",
            "s = 'it''s'",
            "a.' + 1.5e-3i",
            "%{\nx\n%}\ny",
            "é = 1",
        ] {
            let toks = tokenize(src);
            let mut at = 0;
            for t in &toks {
                assert_eq!(t.start, at, "{src:?}");
                at = t.end;
            }
            assert_eq!(at, src.len(), "{src:?}");
        }
    }

    #[test]
    fn quote_after_value_is_transpose() {
        assert_eq!(kinds("a'")[1], (Kind::Op, "'"));
        assert_eq!(kinds("x(end)'")[4], (Kind::Op, "'"));
        assert_eq!(kinds("[a 'b']")[2], (Kind::Str { closed: true }, "'b'"));
        assert_eq!(kinds("disp('x)')")[2], (Kind::Str { closed: true }, "'x)'"));
    }

    #[test]
    fn command_words_take_raw_arguments() {
        assert_eq!(
            kinds("help if"),
            vec![(Kind::Command, "help"), (Kind::CmdArg, "if")]
        );
        assert_eq!(kinds("help = 3")[0], (Kind::Ident, "help"));
        assert_eq!(kinds("x = 1; format long")[4], (Kind::Command, "format"));
        assert_eq!(kinds("[help]")[1], (Kind::Ident, "help"));
    }

    #[test]
    fn numbers() {
        assert_eq!(kinds("1.*x")[0], (Kind::Number, "1"));
        assert_eq!(kinds("2.5e-3i")[0], (Kind::Number, "2.5e-3i"));
        assert_eq!(kinds(".5")[0], (Kind::Number, ".5"));
        assert_eq!(kinds("1...\n2")[1].0, Kind::Continuation);
    }
}
