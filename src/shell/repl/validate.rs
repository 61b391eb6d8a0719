//! Is the input finished? Enter continues the input (with a continuation
//! prompt) while a bracket, a block, a block comment or a `...` line is open,
//! so a matrix typed or pasted over several lines runs as one statement.

use crate::syntax::lex::{tokenize, Kind};
use crate::syntax::open_blocks::Blocks;

/// True while `src` cannot be complete yet and Enter should ask for another line.
/// Input that is wrong rather than unfinished (a `)` closing a `[`) counts as
/// finished, so the parser reports the mistake instead of waiting forever.
pub fn needs_more(src: &str) -> bool {
    let tokens = tokenize(src);
    let mut brackets: Vec<u8> = Vec::new();
    let mut blocks = Blocks::default();
    for t in &tokens {
        let text = t.text(src);
        blocks.step(t, src);
        match t.kind {
            Kind::Open => brackets.push(text.as_bytes()[0]),
            Kind::Close if brackets.pop() != Some(opener_of(text.as_bytes()[0])) => return false,
            Kind::BlockComment { closed: false } => return true,
            // A string ends on its line: an unclosed one is a mistake to report, not more to read.
            Kind::Str { closed: false } => return false,
            _ => {}
        }
    }
    let trailing_dots = tokens
        .last()
        .is_some_and(|t| t.kind == Kind::Continuation && !t.text(src).ends_with('\n'));
    !brackets.is_empty() || !blocks.open.is_empty() || trailing_dots
}

/// Split `src` into complete inputs, line by line, so a pasted block runs as
/// Octave runs it: each statement in turn, an error in one not stopping the rest.
pub fn complete_pieces(src: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (k, _) in src
        .match_indices('\n')
        .chain(std::iter::once((src.len(), "")))
    {
        let piece = &src[start..k];
        if k == src.len() || !needs_more(piece) {
            if !piece.trim().is_empty() {
                pieces.push(piece);
            }
            start = (k + 1).min(src.len());
        }
    }
    pieces
}

fn opener_of(close: u8) -> u8 {
    match close {
        b')' => b'(',
        b']' => b'[',
        _ => b'{',
    }
}

#[cfg(test)]
mod tests {
    use super::needs_more;

    #[test]
    fn pieces_split_at_complete_lines() {
        use super::complete_pieces;
        assert_eq!(
            complete_pieces("x = 1\ny = [1\n2]\n\nz = 3"),
            ["x = 1", "y = [1\n2]", "z = 3"]
        );
        assert_eq!(
            complete_pieces("if x\n y = 1\nend\nw = 2"),
            ["if x\n y = 1\nend", "w = 2"]
        );
        assert_eq!(complete_pieces("A = [1 2"), ["A = [1 2"]);
        assert!(!needs_more("D = [A ']"));
    }

    #[test]
    fn brackets() {
        assert!(!needs_more("A = [1 2; 3 4]"));
        assert!(needs_more("A = [1 2"));
        assert!(needs_more("A = [1, 2,\n 3, 4,"));
        assert!(!needs_more("A = [1, 2,\n 3, 4]"));
        assert!(needs_more("A = [[1, 2],\n [3, 4],"));
        assert!(!needs_more("A = [[1, 2],\n [3, 4]]"));
        assert!(needs_more("f(1,"));
        assert!(!needs_more("f(1, g(2))"));
    }

    #[test]
    fn mismatched_or_extra_closers_are_left_to_the_parser() {
        assert!(!needs_more("x = [1 2)"));
        assert!(!needs_more("x = 1)"));
        assert!(!needs_more("end"));
    }

    #[test]
    fn blocks() {
        assert!(needs_more("if x > 1"));
        assert!(needs_more("for k = 1:3\n  s = s + k;"));
        assert!(!needs_more("for k = 1:3\n  s = s + k;\nend"));
        assert!(needs_more("while true\n if a\n  b = 1;\n end"));
        assert!(!needs_more("while true, x = 1; end"));
        assert!(needs_more("function y = f(x)\n y = x^2;"));
        assert!(!needs_more("function y = f(x)\n y = x^2;\nendfunction"));
        assert!(!needs_more("if a, b = 1; else, b = 2; endif"));
        assert!(needs_more("switch x\n case 1\n  y = 2;"));
        assert!(!needs_more("switch x\n case 1\n  y = 2;\nendswitch"));
        assert!(needs_more("do\n x++;"));
        assert!(!needs_more("do\n x++;\nuntil x > 3"));
        assert!(needs_more("try\n x = 1;\ncatch err"));
        assert!(needs_more(
            "unwind_protect\n x = 1;\nunwind_protect_cleanup"
        ));
        assert!(!needs_more(
            "unwind_protect\n x = 1;\nunwind_protect_cleanup\nend_unwind_protect"
        ));
    }

    #[test]
    fn end_inside_an_index_does_not_close_a_block() {
        assert!(needs_more("for k = 1:3\n x(end) = k;"));
        assert!(!needs_more("y = x(end)"));
        assert!(!needs_more("y = x(end-1, [1 end])"));
    }

    #[test]
    fn strings_and_comments_are_ignored() {
        assert!(!needs_more("s = '(['"));
        assert!(!needs_more("s = \"if [\""));
        assert!(!needs_more("x = 1 % if ( ["));
        assert!(!needs_more("x = 1 # for"));
        assert!(!needs_more("disp('end')"));
        assert!(needs_more("if x % end"));
        assert!(!needs_more("y = x' + [1 2]'"));
        assert!(needs_more("%{\nif ("));
        assert!(!needs_more("%{\nif (\n%}"));
    }

    #[test]
    fn command_arguments_are_not_keywords() {
        assert!(!needs_more("help if"));
        assert!(!needs_more("help for"));
        assert!(!needs_more("help end"));
    }

    #[test]
    fn continuation_dots() {
        assert!(needs_more("x = 1 + ..."));
        assert!(needs_more("x = 1 + ... comment"));
        assert!(!needs_more("x = 1 + ...\n 2"));
    }
}
