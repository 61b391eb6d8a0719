//! Parser tests for every construct: precedence, literals, Octave's whitespace
//! rules inside brackets, NumPy pastes, statements and error positions. The
//! expected trees are written as S-expressions.

use la::syntax::ast::*;
use la::syntax::parse::{parse_program, MAX_EXPR_DEPTH, MAX_NESTING};

/// The tree as an S-expression, so tests can state the expected structure.
fn sx(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Number(s) => s.clone(),
        ExprKind::Ident(s) => s.to_string(),
        ExprKind::Imag(s) => format!("{s}i"),
        ExprKind::Str(s) => format!("'{s}'"),
        ExprKind::End => "end".into(),
        ExprKind::Colon => ":".into(),
        ExprKind::Binary(op, a, b) => format!("({} {} {})", op.symbol(), sx(a), sx(b)),
        ExprKind::Unary(op, a) => format!("({op:?} {})", sx(a)),
        ExprKind::Range(a, s, b) => match s {
            Some(s) => format!("(: {} {} {})", sx(a), sx(s), sx(b)),
            None => format!("(: {} {})", sx(a), sx(b)),
        },
        ExprKind::Call(f, args) => {
            let a: Vec<String> = args
                .iter()
                .map(|a| match a {
                    Arg::Colon => ":".to_string(),
                    Arg::Expr(x) => sx(x),
                })
                .collect();
            format!("{}({})", sx(f), a.join(","))
        }
        ExprKind::Matrix(rows) => format!("[{}]", rows_text(rows)),
        ExprKind::Cell(rows) => format!("{{{}}}", rows_text(rows)),
        ExprKind::CellIndex(f, args) => {
            let a: Vec<String> = args
                .iter()
                .map(|a| match a {
                    Arg::Colon => ":".to_string(),
                    Arg::Expr(x) => sx(x),
                })
                .collect();
            format!("{}{{{}}}", sx(f), a.join(","))
        }
        ExprKind::PreIncr(op, a) => format!("(pre{} {})", op.symbol(), sx(a)),
        ExprKind::AnonFn(l) => format!("@({}) {}", l.params.join(","), sx(&l.body)),
        ExprKind::FuncHandle(n) => format!("@{n}"),
        ExprKind::Field(b, n) => format!("(. {} {n})", sx(b)),
    }
}

fn rows_text(rows: &[Vec<Expr>]) -> String {
    let r: Vec<String> = rows
        .iter()
        .map(|r| r.iter().map(sx).collect::<Vec<_>>().join(" "))
        .collect();
    r.join("; ")
}

fn expr(src: &str) -> String {
    let prog = parse_program(src).unwrap_or_else(|e| panic!("{src}: {}", e.message));
    match &prog[0].kind {
        StmtKind::Expr(e) => sx(e),
        StmtKind::Assign(_, e) => sx(e),
        other => panic!("not an expression: {other:?}"),
    }
}

#[test]
fn precedence_follows_octave() {
    assert_eq!(expr("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_eq!(expr("-2^2"), "(Neg (^ 2 2))");
    assert_eq!(expr("2^-1"), "(^ 2 (Neg 1))");
    assert_eq!(expr("2^3^2"), "(^ (^ 2 3) 2)");
    assert_eq!(expr("1:n+1"), "(: 1 (+ n 1))");
    assert_eq!(expr("0:0.25:1"), "(: 0 0.25 1)");
    assert_eq!(expr("a < b & c | d"), "(| (& (< a b) c) d)");
    assert_eq!(expr("a || b && c"), "(|| a (&& b c))");
    assert_eq!(expr("~a == b"), "(== (Not a) b)");
    assert_eq!(expr("A'*B.'"), "(* (CTranspose A) (Transpose B))");
    assert_eq!(expr("x.^2./y"), "(./ (.^ x 2) y)");
    assert_eq!(expr("2.^x"), "(.^ 2 x)");
    assert_eq!(expr("A \\ b"), "(\\ A b)");
}

#[test]
fn literals() {
    assert_eq!(expr("x = .5"), ".5");
    assert_eq!(expr("1e-3"), "1e-3");
    assert_eq!(expr("2+3i"), "(+ 2 3i)");
    assert_eq!(expr("3.5j"), "3.5i");
    assert_eq!(expr("'it''s'"), "'it's'");
    assert_eq!(expr("\"a\\tb\""), "'a\tb'");
}

#[test]
fn brackets_follow_octave_whitespace_rules() {
    assert_eq!(expr("[1 -2]"), "[1 (Neg 2)]");
    assert_eq!(expr("[1 - 2]"), "[(- 1 2)]");
    assert_eq!(expr("[1 -2 + 3]"), "[1 (+ (Neg 2) 3)]");
    assert_eq!(expr("[a' b']"), "[(CTranspose a) (CTranspose b)]");
    assert_eq!(expr("[a 'str']"), "[a 'str']");
    assert_eq!(expr("[f (1)]"), "[f 1]");
    assert_eq!(expr("f (1)"), "f(1)");
    assert_eq!(expr("[1, 2; 3, 4]"), "[1 2; 3 4]");
    assert_eq!(expr("[1 2\n3 4]"), "[1 2; 3 4]");
    assert_eq!(expr("[\n  1 2   % c\n  3 4\n]"), "[1 2; 3 4]");
    assert_eq!(expr("[1, 2, ...\n 3]"), "[1 2 3]");
    assert_eq!(expr("[]"), "[]");
    assert_eq!(expr("[A, b; c', d]"), "[A b; (CTranspose c) d]");
}

#[test]
fn numpy_pastes_become_rows() {
    assert_eq!(expr("[[1, 2], [3, 4]]"), "[1 2; 3 4]");
    assert_eq!(expr("[[1, 2],\n [3, 4],\n]"), "[[1 2]; [3 4]]");
    // Spaces, not commas: Octave concatenation.
    assert_eq!(expr("[[1 2] [3 4]]"), "[[1 2] [3 4]]");
    assert_eq!(expr("[[1 2], [3 4]]"), "[[1 2] [3 4]]");
}

#[test]
fn indexing_and_calls() {
    assert_eq!(expr("A(2, end)"), "A(2,end)");
    assert_eq!(expr("A(:, 1)"), "A(:,1)");
    assert_eq!(expr("x(2:end)"), "x((: 2 end))");
    assert_eq!(expr("f = @(x) x'*A*x"), "@(x) (* (* (CTranspose x) A) x)");
    assert_eq!(expr("g = @sin"), "@sin");
}

#[test]
fn statements_and_display_flags() {
    let p = parse_program("a = 1; b = 2, c = 3\nd").unwrap();
    let shown: Vec<bool> = p.iter().map(|s| s.display).collect();
    assert_eq!(shown, [false, true, true, true]);
    let p = parse_program("[V, ~, W] = svd(A);").unwrap();
    assert!(matches!(&p[0].kind, StmtKind::MultiAssign(t, _) if t.len() == 3 && t[1].is_none()));
    let p = parse_program("if x, y = 1; elseif z\n y = 2; else y = 3; end").unwrap();
    assert!(matches!(&p[0].kind, StmtKind::If(arms, Some(_)) if arms.len() == 2));
    let p = parse_program("for i = 1:3\n s = s + i;\nend\nwhile k < 3, k = k + 1; end").unwrap();
    assert!(
        matches!(&p[0].kind, StmtKind::For(v, _, body) if v.as_str() == "i" && body.len() == 1)
    );
    assert!(matches!(&p[1].kind, StmtKind::While(_, _)));
    let p = parse_program("function [a, b] = f(x, y)\n a = x; b = y;\nend").unwrap();
    assert!(
        matches!(&p[0].kind, StmtKind::Function(d) if d.outputs.len() == 2 && d.params.len() == 2)
    );
    let p = parse_program("help eig\nformat long\nx += 2").unwrap();
    assert!(matches!(&p[0].kind, StmtKind::Command(n, a) if n == "help" && a[0] == "eig"));
    assert!(matches!(&p[2].kind, StmtKind::OpAssign(_, BinOp::Add, _)));
    let p = parse_program("%{\nignored\n%}\nx = 1 # comment").unwrap();
    assert_eq!(p.len(), 1);
}

#[test]
fn errors_point_at_the_problem() {
    let e = parse_program("x = [1 2; 3 4").unwrap_err();
    assert_eq!(
        e.span.map(|s| s.start),
        Some(4),
        "points at the unclosed bracket"
    );
    assert!(e.message.contains("unclosed '['"), "{}", e.message);
    let deep = format!(
        "{}1{}",
        "(".repeat(MAX_NESTING + 1),
        ")".repeat(MAX_NESTING + 1)
    );
    assert!(parse_program(&deep)
        .unwrap_err()
        .message
        .contains("nested too deeply"));
    let chain = format!("x{}", "'".repeat(MAX_EXPR_DEPTH + 10));
    assert!(parse_program(&chain)
        .unwrap_err()
        .message
        .contains("nested too deeply"));
}

#[test]
fn field_access_is_a_postfix_that_leaves_dotted_operators_alone() {
    assert_eq!(expr("err.message"), "(. err message)");
    assert_eq!(expr("e.message(1:3)"), "(. e message)((: 1 3))");
    assert_eq!(expr("a.^2 + b.'"), "(+ (.^ a 2) (Transpose b))");
    assert_eq!(expr("[1 .5]"), "[1 .5]");
}

#[test]
fn new_blocks_parse_and_keywords_are_not_names() {
    for src in [
        "switch x\n case 1\n y = 1;\n case {2, 3}\n y = 2;\n otherwise\n y = 3;\nend",
        "switch s, case 'a', disp(1), endswitch",
        "try\n x = 1;\ncatch err\n disp(err.message)\nend_try_catch",
        "try, x = 1; catch, x = 2; end",
        "unwind_protect\n x = 1;\nunwind_protect_cleanup\n x = 2;\nend_unwind_protect",
        "do\n x++;\nuntil x > 3",
        "x--; A(2)++",
    ] {
        assert!(
            parse_program(src).is_ok(),
            "{src:?}: {:?}",
            parse_program(src).err()
        );
    }
    for src in ["case = 1", "do = 2", "until = 3", "otherwise = 4"] {
        assert!(parse_program(src).is_err(), "{src:?} parsed");
    }
}

#[test]
fn cells_and_prefix_increments_parse() {
    assert_eq!(expr("{1, 'a'; x, @sin}"), "{1 'a'; x @sin}");
    assert_eq!(expr("c{end, 2}(3)"), "c{end,2}(3)");
    assert_eq!(expr("c{:}"), "c{:}");
    assert_eq!(expr("3 - --x"), "(- 3 (pre- x))");
    assert_eq!(expr("++v(2)"), "(pre+ v(2))");
}
