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

#[test]
fn unclosed_bracket_at_the_end_points_at_the_bracket() {
    assert_error(
        &eval("a = 1;\nb = 2;\nc = (3\n"),
        "unclosed '('",
        "<input>:3:5",
    );
}

/// The cells of the rows of `name =` display (blank lines skipped).
fn cells(stdout: &str, name: &str) -> Vec<Vec<String>> {
    let head = format!("{name} =");
    stdout
        .split(&head)
        .nth(1)
        .unwrap_or("")
        .split("\n\n")
        .nth(1)
        .unwrap_or("")
        .lines()
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect()
}

#[test]
fn tiny_values_are_never_shown_as_integers_or_zero() {
    // Octave: `double([1 1e-14])` shows both in e-notation.
    let r = eval("x = double([1 1e-14])");
    assert_eq!(
        cells(&r.stdout, "x"),
        [["1.0000e+00", "1.0000e-14"]],
        "{}",
        r.stdout
    );
    // Integer layout only when every entry is an integer.
    let r = eval("y = double([1 2 3])");
    assert_eq!(cells(&r.stdout, "y"), [["1", "2", "3"]]);
    // The defective matrix's second eigenvector is round-off away from [1; 0]
    // (A - 2I has rank 1): its tiny second entry must show as nonzero.
    let r = eval("[V, D] = eig([2 1; 0 2])");
    let v = cells(&r.stdout, "V");
    let tiny: f64 = v[1][1].parse().expect("a number");
    assert!(tiny != 0.0 && tiny.abs() < 1e-12, "{}", r.stdout);
    // B'*B is 3x3 of rank 2: in floating point its smallest eigenvalue is
    // round-off, shown as such (exact input gives 0 and (91 ± sqrt(8065))/2).
    let r = eval("B = double([1 2 3; 4 5 6]); e = eig(B'*B)");
    let e = cells(&r.stdout, "e");
    let small: f64 = e[2][0].parse().expect("a number");
    assert!(small != 0.0 && small.abs() < 1e-12, "{}", r.stdout);
    // The two others are the squared singular values of B: 90.4027, 0.5973.
    let big: f64 = e[0][0].parse().expect("a number");
    assert!((big - 90.4027).abs() < 1e-3, "{}", r.stdout);
    // A scalar shown alone shows its value.
    let r = eval("s = double(-5.9605e-15)");
    assert_eq!(r.stdout, "s = -5.9605e-15\n");
}

/// Back substitution in `steps` is unambiguous arithmetic: fractions and
/// negative divisors are bracketed (x3 = (3/2)/(1/2) = 3, x2 = (2 - 3/2)/(1/2) = 1,
/// x1 = (1 - 1 - 3)/2 = -3/2, worked by hand).
#[test]
fn steps_back_substitution_brackets_fractions() {
    let r = eval("steps [2 1 1; 0 1/2 1/2; 0 0 1/2]\\[1; 2; 3/2]");
    assert!(
        r.stdout.contains("x3 = (3/2) / (1/2) = 3\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("x2 = (2 - (1/2)*x3) / (1/2) = 1\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("x1 = (1 - x2 - x3) / 2 = -3/2\n"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("/ 1/2"), "{}", r.stdout);
}

#[test]
fn check_quotes_a_long_decimal_as_typed() {
    // 2/3 to 21 decimals rounds to ...667, so ...666 is wrong; the verdict
    // must quote the 21 digits typed, not a double's (0.66666666666666662966).
    let r = eval("check 2/3 = 0.666666666666666666666");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("✗ not correct: you have 0.666666666666666666666, 2/3 is 2/3"),
        "{}",
        r.stdout
    );
    let r = eval("check -1/2 = -0.50");
    assert!(r.stdout.starts_with("✓ correct"), "{}", r.stdout);
    let r = eval("check -1/4 = -0.26");
    assert!(r.stdout.contains("you have -0.26,"), "{}", r.stdout);
}
