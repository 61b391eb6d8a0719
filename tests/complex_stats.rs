//! Statistics and shape tests of complex input, as Octave: `median` in
//! sort's order (by modulus, then angle), `var`/`std` real, of
//! |x - mean|^2, with a dimension; `mode` (the first of the most frequent
//! in that order); `max`/`min`, `cross` and `isdiag` & co.
//! tests/complex_stats/octave.txt is what octave-cli 7.3 prints for
//! tests/complex_stats/cases.m (regen.sh there remakes it; the inputs are
//! doubles, so la prints the same). Exact input stays exact: those cases
//! are worked by hand below.

mod common;
use common::{eval, run};

#[test]
fn complex_statistics_print_what_octave_prints() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/complex_stats");
    let want = std::fs::read_to_string(dir.join("octave.txt")).expect("octave.txt");
    let cases = dir.join("cases.m");
    let r = run(&[cases.to_str().expect("utf-8 path")], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, want);
}

/// `src`'s output, which must come without warnings or errors.
fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!((r.status, r.stderr.as_str()), (0, ""), "{src}");
    r.stdout
}

#[test]
fn the_median_of_exact_complex_input_is_exact() {
    // |3| = 3 > |1 + 2i| = sqrt(5) > |2i| = 2: the middle one is 1 + 2i.
    assert_eq!(out("m = median([1+2i 3 2i])"), "m = 1 + 2i\n");
    // 1, 2i, 1 + 2i, 3 in order: the mean of 2i and 1 + 2i.
    assert_eq!(out("m = median([1+2i 3 2i 1])"), "m = (1 + 4i)/2\n");
    // A complex matrix orders its real columns by modulus too: 1 and -1
    // have modulus 1, angle 0 before pi, so [3; 1; -1] has median -1.
    assert_eq!(
        out("m = median([1+2i 3; 2i 1; 5 -1]), isexact(m)"),
        "m =\n\n   1 + 2i  -1 + 0i\n\nans = 1\n"
    );
    // Rows: (1 + 2i + 3)/2, (2i + 1)/2, (5 - 1)/2.
    assert_eq!(
        out("m = median([1+2i 3; 2i 1; 5 -1], 2)"),
        "m =\n\n        2 + i\n   (1 + 2i)/2\n            2\n\n"
    );
    // Decided exactly where doubles cannot: |10^8 - i|^2 = 10^16 + 1 > 10^16,
    // so 10^8 is the middle of 0, 10^8, 10^8 - i (as doubles the moduli
    // round alike and the angle puts 10^8 - i first).
    assert_eq!(
        out("m = median([100000000 - 1i, 100000000, 0])"),
        "m = 100000000\n"
    );
}

#[test]
fn var_and_std_of_exact_complex_input_are_exact_and_real() {
    // mean 3/2 + i/2; |x - mean|^2 = 1/2 twice: var = 1 (n - 1), 1/2 (n).
    assert_eq!(
        out("v = var([1+i 2]), w = var([1+i 2], 1), s = std([1+i 2]), isexact(v)"),
        "v = 1\nw = 1/2\ns = 1\nans = 1\n"
    );
    // mean 3/2 + 4i/3; deviations 2i/3, 3/2 - 4i/3, -3/2 + 2i/3:
    // 4/9 + (9/4 + 16/9) + (9/4 + 4/9) = 43/6, over 2; std = sqrt(129)/6.
    assert_eq!(
        out("v = var([3/2+2i 3 2i]), s = std([3/2+2i 3 2i])"),
        "v = 43/12\ns = sqrt(129)/6\n"
    );
    // Columns (|1 + i - 2|^2 = 2, over 2 twice ... 5/2) and rows with dim 2:
    // [1+i 2] gives 1; [3 4i]: mean (3 + 4i)/2, |d|^2 = 25/4 twice.
    assert_eq!(
        out("v = var([1+i 2; 3 4i]), w = var([1+i 2; 3 4i], 0, 2), s = std([1+i 2; 3 4i], 1, 2)"),
        "v =\n\n   5/2    10\n\nw =\n\n      1\n   25/2\n\ns =\n\n   1/sqrt(2)\n         5/2\n\n"
    );
    // 'all' is the variance of A(:): 1, 2, 3, 4 has 5/3.
    assert_eq!(out("v = var([1 2; 3 4], 0, 'all')"), "v = 5/3\n");
}

#[test]
fn bad_dimensions_and_weights_are_refused() {
    let r = eval("var([1 2], 0, 0)");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("var: DIM must be a valid dimension"),
        "{}",
        r.stderr
    );
    let r = eval("std([1+i 2], 2)");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("0 (divide by n - 1) or 1 (divide by n)"),
        "{}",
        r.stderr
    );
}

#[test]
fn isdiag_and_triangular_tests_of_exact_input_are_exact() {
    // 10^-400 is not zero, though its double is.
    assert_eq!(
        out("[isdiag([1 1e-400; 0 1]), istriu([1 0; 1e-400 1]), istril([1 1e-400; 0 1])]"),
        "ans =\n\n  0  0  0\n\n"
    );
    // Exact complex: 2i on the diagonal, i off it.
    assert_eq!(
        out("[isdiag([1 0; 0 2i]), isdiag([1 i; 0 2i]), istriu([1 i; 0 2i]), isbanded([1 i; 0 2i], 0, 0)]"),
        "ans =\n\n  1  0  1  0\n\n"
    );
}

#[test]
fn mode_of_exact_input_is_exact_and_of_nothing_is_empty_or_an_error() {
    // 1/3 twice; i and -i once each beside 2 twice.
    assert_eq!(
        out("[m, f] = mode([1/3 1/2 1/3]), m = mode([1i 2 -1i 2])"),
        "m = 1/3\nf = 2\nm = 2\n"
    );
    // All once: the first in the order, -i (angle -pi/2) before i.
    assert_eq!(out("m = mode([1i -1i 2])"), "m = -i\n");
    // Empty input with no lines to answer for gives empties, as Octave 7.3
    // (cases.m: mode(zeros(0, 3)) runs along rows and is [](0x1)). Empty
    // lines that need an answer have none: Octave 7.3 fails on
    // mode(zeros(0, 1)) (an index out of bound) and on mode(zeros(0, 3), 1).
    for src in [
        "mode(zeros(0, 1))",
        "mode(zeros(0, 3), 1)",
        "[m, f] = mode(zeros(2, 0), 2)",
    ] {
        let r = eval(src);
        assert_eq!(r.status, 1, "{src}: {}", r.stdout);
        assert!(
            r.stderr.contains("error: mode: the ") && r.stderr.contains("no most frequent one"),
            "{src}: {}",
            r.stderr
        );
    }
}
