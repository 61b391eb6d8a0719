//! Display of values, character for character, against GNU Octave: for each
//! case of tests/display/cases.tsv, `tests/display/derive.sh` recorded what
//! octave-cli prints (tests/display/octave.out), and la must print the same.
//! Covers the choices of src/value/format.rs that a student sees: integer,
//! fixed and e-notation layouts, NaN/Inf cells, column blocks, every `format`.
//! The few places where la's layout differs from Octave's on purpose are
//! checked below by hand. Written to kill mutants of format.rs (scripts/mutants).

mod common;
use common::eval;

#[test]
fn displays_match_octave() {
    let data = include_str!("display/octave.out");
    let mut cases = 0;
    for block in data.split("### ").filter(|b| !b.is_empty()) {
        let (src, want) = block.split_once('\n').expect("a case line");
        let r = eval(src);
        assert_eq!(r.status, 0, "{src}: {}", r.stderr);
        assert_eq!(r.stdout, want, "{src}");
        cases += 1;
    }
    assert_eq!(cases, include_str!("display/cases.tsv").lines().count());
}

/// Complex numbers: real part, the sign of the imaginary part, its
/// magnitude; the real part has a column for its sign, and in a matrix the
/// signs line up, two spaces between columns (octave-cli 7.3 prints the
/// floats below byte for byte the same; tests/octave_display has more).
#[test]
fn complex_values() {
    assert_eq!(eval("x = 1 + 2i").stdout, "x = 1 + 2i\n");
    assert_eq!(
        eval("x = double(1.5 - 2.5i)").stdout,
        "x =  1.5000 - 2.5000i\n"
    );
    assert_eq!(
        eval("x = double([1+2i, -3.5-4i])").stdout,
        "x =\n\n   1.0000 + 2.0000i  -3.5000 - 4.0000i\n\n"
    );
}

/// Exact values: fractions right-aligned in columns three apart; whole
/// numbers as integers; a scalar inline.
#[test]
fn exact_values() {
    assert_eq!(eval("x = [1 2]/3").stdout, "x =\n\n   1/3   2/3\n\n");
    assert_eq!(eval("x = [1; 10]/3").stdout, "x =\n\n    1/3\n   10/3\n\n");
    assert_eq!(eval("x = 7/2").stdout, "x = 7/2\n");
    assert_eq!(eval("x = [-1 -2]").stdout, "x =\n\n  -1  -2\n\n");
    assert_eq!(
        eval("x = [1 2; 3 4]").stdout,
        "x =\n\n   1   2\n   3   4\n\n"
    );
    // Empty exact matrices show their size like empty doubles.
    assert_eq!(eval("x = zeros(0, 3)").stdout, "x = [](0x3)\n");
    assert_eq!(eval("x = zeros(2, 0)").stdout, "x = [](2x0)\n");
    // format long shows exact values as decimals, format rat as fractions.
    assert_eq!(
        eval("format long; x = 1/3").stdout,
        "x = 0.333333333333333\n"
    );
    assert_eq!(eval("format rat; x = 1/3").stdout, "x = 1/3\n");
    assert_eq!(
        eval("format rat; x = double([0.5 0.25])").stdout,
        "x =\n\n   1/2   1/4\n\n"
    );
    // format compact drops the blank lines around a matrix.
    assert_eq!(
        eval("format compact; x = double([1.5 2])").stdout,
        "x =\n   1.5000   2.0000\n"
    );
}

/// `--json` numbers: integers without a point, others in full, specials as strings.
#[test]
fn json_numbers() {
    let r = common::run(&["--json", "-e", "x = double([1 -2.5 NaN -Inf])"], "");
    assert_eq!(
        r.stdout,
        "{\"name\":\"x\",\"value\":{\"cols\":4,\"data\":[[1,-2.5,\"NaN\",\"-Inf\"]],\"rows\":1},\"class\":\"double\",\"source\":\"-e\"}\n"
    );
    let r = common::run(&["--json", "-e", "z = double([1+2i, -1])"], "");
    assert_eq!(
        r.stdout,
        "{\"name\":\"z\",\"value\":{\"cols\":2,\"data\":[[{\"im\":2,\"re\":1},{\"im\":0,\"re\":-1}]],\"rows\":1},\"class\":\"double\",\"complex\":true,\"source\":\"-e\"}\n"
    );
    // Typed with rational parts it is exact (a Gaussian rational): the
    // same numbers, plus their exact text.
    let r = common::run(&["--json", "-e", "z = [1+2i, -1]"], "");
    assert!(
        r.stdout
            .contains("\"complex\":true,\"exact\":[[\"1 + 2i\",\"-1\"]]"),
        "{}",
        r.stdout
    );
    let r = common::run(&["--json", "-e", "x = [1 2; 3 4] == 1"], "");
    assert_eq!(
        r.stdout,
        "{\"name\":\"x\",\"value\":{\"cols\":2,\"data\":[[true,false],[false,false]],\"rows\":2},\"class\":\"logical\",\"source\":\"-e\"}\n"
    );
}
