//! Readable exact output: short fractions as fractions, decimal data as
//! typed, long fractions rounded with a note; `format rat`, `--json` and
//! the values themselves keep every digit.

mod common;
use common::*;

fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    r.stdout
}

const NOTE: &str = "  (exact fractions shown rounded; `format rat` shows them exactly)\n";

#[test]
fn short_fractions_print_as_fractions() {
    // inv([4 7; 2 6]) = [6 -7; -2 4] / 10 (det 10).
    assert_eq!(
        out("inv([4 7; 2 6])"),
        "ans =\n\n     3/5   -7/10\n    -1/5     2/5\n\n"
    );
    assert_eq!(
        out("hilb(3)"),
        "ans =\n\n     1   1/2   1/3\n   1/2   1/3   1/4\n   1/3   1/4   1/5\n\n"
    );
    // det(hilb(3)) = 1/2160: 5 digits.
    assert_eq!(out("det(hilb(3))"), "ans = 1/2160\n");
    // Ten digits together is still short.
    assert_eq!(out("x = 12345/67891"), "x = 12345/67891\n");
}

#[test]
fn decimal_data_prints_as_typed() {
    assert_eq!(out("x = 0.70710678"), "x = 0.70710678\n");
    assert_eq!(out("x = -1.0625"), "x = -17/16\n", "short: a fraction");
    // In a matrix every entry gets the longest number of decimals.
    assert_eq!(
        out("M = [0.70710678 0.5; -1.25 2]"),
        "M =\n\n    0.70710678    0.50000000\n   -1.25000000    2.00000000\n\n"
    );
    // The value is still exact: 0.70710678 = 35355339/50000000.
    assert_eq!(out("x = 0.70710678; x * 50000000"), "ans = 35355339\n");
}

#[test]
fn complex_decimal_data_prints_as_typed() {
    // Real and imaginary parts follow the rule of real values together.
    assert_eq!(out("z = 0.70710678 + 0.5i"), "z = 0.70710678 + 0.5i\n");
    assert_eq!(
        out("z = [0.123456789 + 1i; 2 - 0.5i]"),
        "z =\n\n   0.123456789 + 1.000000000i\n   2.000000000 - 0.500000000i\n\n"
    );
    // Still exact: 0.70710678 + 0.5i = (35355339 + 25000000i)/50000000.
    assert_eq!(
        out("z = 0.70710678 + 0.5i; z * 50000000"),
        "ans = 35355339 + 25000000i\n"
    );
    // Short parts stay one fraction.
    assert_eq!(out("z = 0.5 + 0.25i"), "z = (2 + i)/4\n");
    // 1/3 does not terminate: rounded as Octave shows 1/3 + 1e-9i (7.3).
    assert_eq!(
        out("z = 1/3 + 1e-9i"),
        format!("z =  3.3333e-01 + 1.0000e-09i\n{NOTE}")
    );
}

#[test]
fn long_fractions_print_rounded_with_a_note_and_keep_every_digit() {
    // 35355339/49999999 = 0.70710679414... ; 11 + 8 digits.
    assert_eq!(out("x = 35355339/49999999"), format!("x = 0.7071\n{NOTE}"));
    assert_eq!(
        out("y = [1/3 35355339/49999999]"),
        format!("y =\n\n   0.3333   0.7071\n{NOTE}\n")
    );
    assert_eq!(
        out("format rat; x = 35355339/49999999"),
        "x = 35355339/49999999\n"
    );
    let r = run(&["--json", "-e", "x = 35355339/49999999"], "");
    assert!(
        r.stdout.contains("\"exact\":\"35355339/49999999\""),
        "{}",
        r.stdout
    );
    assert_eq!(
        out("x = 35355339/49999999; x * 49999999"),
        "ans = 35355339\n"
    );
}

#[test]
fn format_rat_of_a_float_is_the_expected_fraction() {
    // The first convergents of pi: 3, 22/7 (error 1.3e-3), 355/113 (8.5e-8 relative).
    assert_eq!(out("format rat; x = pi"), "x = 355/113\n");
    assert_eq!(out("format rat; x = double(1e-7)"), "x = 1/10000000\n");
    assert_eq!(out("format rat; x = double(0.75)"), "x = 3/4\n");
}

#[test]
fn exact_of_an_irrational_float_says_it_approximates() {
    let r = eval("e = exact(sqrt(2))");
    assert!(r.stdout.contains("rational approximation"), "{}", r.stdout);
    // The note goes with the value: `;` hides both.
    let r = eval("e = exact(sqrt(2));");
    assert_eq!(r.stdout, "", "{}", r.stdout);
    // 0.25 is a float that is exactly 1/4: nothing to say.
    assert_eq!(out("e = exact(double(0.25))"), "e = 1/4\n");
}

/// The note comes only when an entry is shown rounded: each shown decimal,
/// read as an exact fraction, is compared with the value (1e-20 shown as
/// `1.0000e-20` is exact; 1/3 shown as `0.3333` is not).
#[test]
fn the_rounding_note_comes_only_when_something_shown_is_rounded() {
    for (src, shown) in [
        ("x = 1e-20", "x = 1.0000e-20\n"),
        ("x = [1e-20 1]", "x =\n\n   1.0000e-20   1.0000e+00\n\n"),
        ("x = [1e-20 1/8]", "x =\n\n   1.0000e-20   1.2500e-01\n\n"),
        ("x = 10^-400", "x = 1.0000e-400\n"),
        ("z = 1e-20 + 1e-20i", "z =  1.0000e-20 + 1.0000e-20i\n"),
        ("x = 0.5", "x = 1/2\n"),
    ] {
        assert_eq!(out(src), shown, "{src}");
    }
    for (src, shown) in [
        // 1/3 + 1e-30 is 0.3333...; 2^-60 = 8.67361737988...e-19.
        ("x = 1/3 + 1e-30", "x = 0.3333\n"),
        ("x = 2^-60", "x = 8.6736e-19\n"),
        // One rounded entry among exact ones.
        ("x = 10^-400 / 3", "x = 3.3333e-401\n"),
    ] {
        assert_eq!(out(src), format!("{shown}{NOTE}"), "{src}");
    }
    // One rounded entry among exact ones; the note comes before the matrix's blank line.
    assert_eq!(
        out("x = [1e-20 1/3]"),
        format!("x =\n\n   1.0000e-20   3.3333e-01\n{NOTE}\n")
    );
}
