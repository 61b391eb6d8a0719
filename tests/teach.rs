//! Errors that teach (issue 13): each input through the real binary, with
//! the fragment its message must hold and the `line:col` of its caret, plus
//! the forms that are accepted with their values.

mod common;
use common::{assert_error, eval, json};

const A: &str = "A = [1 2; 3 4]; ";

/// (input, message fragment, `:line:col` of the caret)
fn errors() -> Vec<(String, &'static str, &'static str)> {
    let a = |s: &str| format!("{A}{s}");
    vec![
        // Characters from PDFs.
        (
            "x = 2×3".into(),
            "'×' (U+00D7) is not an operator; write * for a product",
            ":1:6",
        ),
        (
            "x = 2·3".into(),
            "'·' (U+00B7) is not an operator; write *",
            ":1:6",
        ),
        ("x = 6÷3".into(), "write / for a division", ":1:6"),
        ("y = 3 ≤ 4".into(), "write <=", ":1:7"),
        ("y = 3 ≥ 4".into(), "write >=", ":1:7"),
        ("y = 3 ≠ 4".into(), "write ~=", ":1:7"),
        ("y = √4".into(), "write sqrt(x)", ":1:5"),
        ("x = 3²".into(), "write ^2", ":1:6"),
        (
            "λ = 2".into(),
            "'λ' (U+03BB) cannot be part of a name",
            ":1:1",
        ),
        (a("B = A’"), "'’' (U+2019) is a typographic quote", ":1:22"),
        (
            "s = ‘abc’".into(),
            "(U+2018) is a typographic quote",
            ":1:5",
        ),
        ("s = “abc”".into(), "write \" around a string", ":1:5"),
        ("x = 1\u{200b}+2".into(), "zero-width", ":1:6"),
        // The caret column counts characters, after tabs and wide characters.
        ("x\t= 2 × 3".into(), "'×'", ":1:7"),
        ("x = \"中文\" × 3".into(), "'×'", ":1:10"),
        // NumPy and Python habits.
        (
            a("A.T"),
            "in la write A' (or A.' without conjugation)",
            ":1:18",
        ),
        (a("A.shape"), "write size(A)", ":1:18"),
        (a("A @ A"), "write A*A", ":1:19"),
        // Octave 7's hexadecimal and binary literals: 0x1F is 31, 0b101 is 5.
        ("x = 0x1F".into(), "write 31 for 0x1F", ":1:5"),
        ("x = 0b101 + 1".into(), "write 5 for 0b101", ":1:5"),
        // Whole operands, brackets and all, not the text after a bracket.
        (a("C = (A + 1) @ A'"), "write (A + 1)*A'", ":1:29"),
        (
            "C = np.array([[1, 2], [3, 4]]) @ np.array([[1], [2]])".into(),
            "write array([[1, 2], [3, 4]])*array([[1], [2]])",
            ":1:32",
        ),
        (
            "B = np.linalg.inv([1 2; 3 4])".into(),
            "write inv([1 2; 3 4])",
            ":1:5",
        ),
        (
            "d = np.dot([1 2], [3 4])".into(),
            "write dot([1 2], [3 4])",
            ":1:5",
        ),
        ("x = numpy.zeros(2)".into(), "write zeros(2)", ":1:5"),
        (
            a("A[0][1]"),
            "la indexes from 1, with parentheses: write A(1, 2)",
            ":1:18",
        ),
        (
            a("A[0, 1]"),
            "la indexes from 1, with parentheses: write A(1, 2)",
            ":1:18",
        ),
        (
            a("A[:, 0]"),
            "la indexes from 1, with parentheses: write A(:, 1)",
            ":1:18",
        ),
        ("import numpy as np".into(), "la needs no imports", ":1:1"),
        ("from numpy import *".into(), "la needs no imports", ":1:1"),
        ("print(3)".into(), "write disp(x)", ":1:1"),
        ("n = len([1 2])".into(), "write length(x)", ":1:5"),
        ("t = True".into(), "true in la", ":1:5"),
        ("f = False".into(), "false in la", ":1:5"),
        ("z = None".into(), "[] is the empty matrix", ":1:5"),
        (
            a("A**A"),
            "(^ and ** are the matrix power; .^ is element-wise)",
            ":1:17",
        ),
        // Octave-level slips.
        (a("2A"), "missing operator: write 2*A", ":1:18"),
        (a("det(A))"), "unmatched ')'", ":1:23"),
        ("A = [1 2; 3 4]]".into(), "unmatched ']'", ":1:15"),
        (
            "x = 1; if x = 2, disp(1), end".into(),
            "use == to compare: if x == 2",
            ":1:13",
        ),
        (
            "x = 1; while x = 2; end".into(),
            "use == to compare",
            ":1:16",
        ),
        (a("inv A"), "write inv(A)", ":1:21"),
        ("x = 'abc".into(), "unterminated string", ":1:5"),
        (a("A^0.5"), "V*D.^p/V", ":1:17"),
    ]
}

#[test]
fn each_slip_is_named_with_a_caret_on_it() {
    for (src, fragment, at) in errors() {
        let r = eval(&src);
        assert_error(&r, fragment, at);
        assert!(!r.stderr.contains("logm"), "{src}: {}", r.stderr);
    }
}

#[test]
fn the_caret_lines_up_under_tabs_and_wide_characters() {
    let r = eval("x\t= 2 × 3");
    let caret = r.stderr.lines().last().expect("caret line");
    // `1 | ` gutter, then the tab copied, then spaces.
    assert!(caret.ends_with(" \t    ^"), "{caret:?}");
    let r = eval("x = \"中文\" × 3");
    let caret = r.stderr.lines().last().expect("caret line");
    assert!(
        caret.ends_with(&format!("{}^", " ".repeat(11))),
        "{caret:?}"
    );
}

/// (input, the displayed value as JSON text)
fn accepted() -> Vec<(&'static str, &'static str)> {
    vec![
        ("x = 3 − 1", "2"),
        ("x = 3 – 1", "2"),
        ("x = −3", "-3"),
        ("x = 1\u{a0}+\u{2009}2\u{202f}", "3"),
        ("x = np.array([1, 2, 3]); x(3)", "3"),
        ("x = numpy.array([4 5]); x(1)", "4"),
        // NumPy's printed output pasted back: dtype and scalar types.
        ("x = array([[1, 2], [3, 4]], dtype=float64); x(2, 1)", "3"),
        ("y = np.float64(3.0) + 1", "4"),
        ("z = np.array([1., 2.5], dtype = np.float32); z(2) * 2", "5"),
        ("s = 'dtype=x'; length(s)", "7"),
        ("x = inf", "Inf"),
        ("x = -inf", "-Inf"),
        ("x = isnan(nan)", "true"),
        ("s = 'it’s × fine'; length(s)", "11"),
    ]
}

#[test]
fn accepted_forms_have_their_values() {
    for (src, want) in accepted() {
        let vals = json(src);
        let got = vals.last().expect("a value").1.to_string();
        assert_eq!(got.trim_matches('"'), want, "{src}");
    }
    // `[1 −2]` has two elements, as `[1 -2]` does.
    let (r, c, d) = common::matrix("x = [1 −2]");
    assert_eq!((r, c), (1, 2));
    common::assert_close(&d, &[1.0, -2.0], 0.0);
}

#[test]
fn a_scalar_to_a_matrix_power_is_expm() {
    // 2^A = expm(log(2)*A); for a diagonal A that is diag(2.^d).
    let (_, _, d) = common::matrix("2^[1 0; 0 3]");
    common::assert_close(&d, &[2.0, 0.0, 0.0, 8.0], 1e-12);
}

#[test]
fn numpy_hints_name_only_existing_functions() {
    for (np, la_name) in la::syntax::teach::NUMPY_NAMES {
        if la_name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            assert!(
                la::builtins::lookup(la_name).is_some(),
                "np.{np} points at {la_name}, which is not a function"
            );
        }
    }
}

/// `format` as in Octave: each expected text is what Octave 8 prints.
#[test]
fn format_forms_print_as_octave() {
    let cases: &[(&str, &str)] = &[
        (
            "format compact; x = [1 2; 3 4]",
            "x =\n   1   2\n   3   4\n",
        ),
        (
            "format compact; format loose; x = [1 2]",
            "x =\n\n   1   2\n\n",
        ),
        (
            "format short g; a = [pi 1e5 1e-3]",
            "a =\n\n       3.1416        1e+05        0.001\n\n",
        ),
        ("format short g; b = pi", "b = 3.1416\n"),
        ("format long g; b = pi", "b = 3.141592653589793\n"),
        (
            "format long g; c = [pi; 1e5]",
            "c =\n\n       3.141592653589793\n                  100000\n\n",
        ),
        ("format short e; b = pi", "b = 3.1416e+00\n"),
        (
            "format short e; x = [1 2; 3 4]",
            "x =\n\n   1.0000e+00   2.0000e+00\n   3.0000e+00   4.0000e+00\n\n",
        ),
        ("format long e; b = pi", "b = 3.141592653589793e+00\n"),
        ("format bank; b = pi", "b = 3.14\n"),
        (
            "format bank; d = [1.005 -2.5; 100 3]",
            "d =\n\n     1.00    -2.50\n   100.00     3.00\n\n",
        ),
        ("format long; format; b = 0.5", "b = 1/2\n"),
    ];
    for (src, want) in cases {
        let r = eval(src);
        assert_eq!(r.status, 0, "{src}: {}", r.stderr);
        assert_eq!(r.stdout, *want, "{src}");
    }
    assert_error(&eval("format shrt"), "unknown format 'shrt'", ":1:1");
}

/// A block on one line without commas parses as in Octave.
#[test]
fn one_line_blocks_parse_as_octave() {
    let cases: &[(&str, &str)] = &[
        ("x = 1; if x > 0 disp(1) end", "1\n"),
        ("x = -1; if x > 0 disp(1) else disp(2) end", "2\n"),
        ("x = 0; if x > 0 disp(1) elseif x == 0 disp(0) end", "0\n"),
        ("for k = 1:3 disp(k) end", "1\n2\n3\n"),
        ("x = 0; while x < 2 x = x + 1; end, disp(x)", "2\n"),
        ("if 1 y = 3 end", "y = 3\n"),
    ];
    for (src, want) in cases {
        let r = eval(src);
        assert_eq!(r.status, 0, "{src}: {}", r.stderr);
        assert_eq!(r.stdout, *want, "{src}");
    }
}
