//! Trust at the edges (issue 12), through the real binary: input is never
//! lost or misread, the display never makes a value look like something it
//! is not, and nothing the user saved is dropped. (The REPL items are in
//! `repl_pty.rs`.)

mod common;
use common::*;

#[test]
fn a_newline_inside_parentheses_continues_the_expression() {
    let r = eval(
        "y = max([1 2],\n[3 0]);\nA = [2 0; 0 3]; e = eig(A\n);\nz = (1 +\n 2);\ndisp([y, e', z])",
    );
    assert_eq!(
        (r.status, r.stdout.as_str()),
        (0, "   3   2   3   2   3\n"),
        "{}",
        r.stderr
    );
    // The same in a script file.
    let dir = std::env::temp_dir().join(format!("la-trust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let f = dir.join("paren.la");
    std::fs::write(&f, "s = sum([1 2\n3 4],\n  2)';\ndisp(s)\n").expect("write script");
    let r = run(&[f.to_str().expect("path")], "");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        (r.status, r.stdout.as_str()),
        (0, "   3   7\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_unterminated_string_is_named_at_its_quote() {
    assert_error(&eval("x = 'abc"), "unterminated string", "<input>:1:5");
    assert_error(
        &eval("A = 1;\nD = [A ']"),
        "unterminated string",
        "<input>:2:8",
    );
    assert_error(
        &eval("s = \"abc\ny = 2"),
        "unterminated string",
        "<input>:1:5",
    );
    // Doubled quotes are an escaped quote, not an end.
    let r = eval("disp('it''s')");
    assert_eq!(r.stdout, "it's\n", "{}", r.stderr);
}
