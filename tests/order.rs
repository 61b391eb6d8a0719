//! Order as Octave has it: `unique` (sorted or stable, first or last
//! occurrence, rows, cells of strings, NaN distinct) and `sort`, `max`,
//! `min` of complex numbers (by modulus, then angle). tests/order/octave.txt
//! is what octave-cli 7.3 prints for tests/order/cases.m (regen.sh there
//! remakes it); la must print the same. Exact input is decided exactly and
//! stays exact: those cases, where Octave's doubles would differ, are
//! derived by hand below.

mod common;
use common::{assert_error, eval, run};

#[test]
fn unique_sort_max_min_print_what_octave_prints() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/order");
    let want = std::fs::read_to_string(dir.join("octave.txt")).expect("octave.txt");
    let cases = dir.join("cases.m");
    let r = run(&[cases.to_str().expect("utf-8 path")], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, want);
}

#[test]
fn unique_keeps_exact_input_exact() {
    // 1/3 and 1/2 are fractions, not their doubles.
    let r = eval("u = unique([1/2 1/3 1/2]); u(1), u(2)");
    assert_eq!(r.stdout, "ans = 1/3\nans = 1/2\n", "{}", r.stderr);
    // Two fractions whose doubles agree are still two values: 1/3 and
    // 1/3 + 10^-30 round to the same double.
    let r = eval("numel(unique([1/3, 1/3 + 10^-30, 1/3]))");
    assert_eq!(r.stdout, "ans = 2\n", "{}", r.stderr);
    // Exact complex numbers by modulus, then angle: |1| = |-1| = |i| = 1 at
    // angles 0, pi, pi/2; |1+i|^2 = 2.
    let r = eval("u = unique([1+1i, -1, 1i, 1, -1]); u(3), u(4)");
    assert_eq!(r.stdout, "ans = -1\nans = 1 + i\n", "{}", r.stderr);
}

#[test]
fn unique_with_stable_gives_j_too() {
    // Octave 7.3 leaves j empty with 'stable'; u(j) = x holds here.
    let r = eval("x = [3 1 3 2 1]; [u, i, j] = unique(x, 'stable'); u, i', j', isequal(u(j), x)");
    assert_eq!(
        r.stdout,
        "u =\n\n   3   1   2\n\nans =\n\n   1   2   4\n\nans =\n\n   1   2   1   3   2\n\nans = 1\n",
        "{}",
        r.stderr
    );
}

#[test]
fn unique_refuses_what_it_cannot_honour() {
    let cases = [
        ("unique([1 2], 'foo')", "unknown option 'foo'"),
        ("unique([1 2], 3)", "must be an option string"),
        (
            "unique([1 2], 'first', 'last')",
            "'first' and 'last' cannot both",
        ),
        (
            "unique([1 2], 'stable', 'sorted')",
            "'stable' and 'sorted' cannot both",
        ),
        (
            "unique([1 2], 'stable', 'last')",
            "'last' cannot go with 'stable'",
        ),
        (
            "unique([1 2], 'first', 'sorted')",
            "'first' cannot go with 'sorted'",
        ),
        ("unique({1, 2})", "a cell array of strings"),
        ("unique({'a'}, 'rows')", "'rows' applies to a matrix"),
        ("unique(@sin)", "a numeric array"),
    ];
    for (src, word) in cases {
        assert_error(&eval(src), word, ":1:1");
    }
}

#[test]
fn exact_complex_sort_and_extremes_compare_exactly() {
    // |10^8 - i|^2 = 10^16 + 1 > 10^16 = |10^8|^2, though both moduli round
    // to the same double (where the angle -1e-8 < 0 would put 10^8 - i first).
    let r = eval("[s, k] = sort([100000000 - 1i, 100000000]); k, s(2)");
    assert_eq!(
        r.stdout, "k =\n\n   2   1\n\nans = 100000000 - i\n",
        "{}",
        r.stderr
    );
    let r = eval(
        "[m, k] = max([100000000 - 1i, 100000000]); k, [m2, k2] = min([100000000, 100000000 - 1i])",
    );
    assert_eq!(r.stdout, "k = 1\nm2 = 100000000\nk2 = 1\n", "{}", r.stderr);
    // The result stays exact: 1/3 + i/3 and its angle pi/4 against 1/3's 0.
    let r = eval("max([1/3, 1/3 + 1i/3])");
    assert_eq!(r.stdout, "ans = (1 + i)/3\n", "{}", r.stderr);
    // One modulus 1/3: angles 0, pi/2, pi.
    let r = eval("sort([1i/3, -1/3, 1/3])");
    assert_eq!(
        r.stdout, "ans =\n\n    1/3    i/3   -1/3\n\n",
        "{}",
        r.stderr
    );
    // Two arrays: by modulus only, the first kept on a tie, as Octave.
    let r = eval("[max(1i, -1), max(-1, 1i)]");
    // Laid out as Octave 7.3 shows [1i, -1].
    assert_eq!(r.stdout, "ans =\n\n   0 + 1i  -1 + 0i\n\n", "{}", r.stderr);
}
