//! Small trust items at the edges, through the real binary; each expected
//! value is Octave 7.3's output or derived by hand.

mod common;
use common::*;

/// `A\b` and `b/A` that leave exact arithmetic because of its cost say so,
/// in the words inv and det use for the same rule.
#[test]
fn exact_solves_too_costly_for_exact_arithmetic_say_so() {
    let r = script(
        "A = exact(eye(101)); b = ones(101, 1);\nx = A\\b;\ny = b'/A;\nB = inv(A);\n\
         disp([sum(x), sum(y), isexact(x), isexact(y)])\n",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    // I \ ones = ones, so each sum is 101; both are floating point now.
    assert_eq!(r.stdout, "   101   101     0     0\n");
    for (what, line) in [("mldivide", 2), ("mrdivide", 3), ("inv", 4)] {
        let want = format!(
            "warning: {what}: exact arithmetic would be too slow for this 101x101 input; using floating point\n --> "
        );
        assert!(r.stderr.contains(&want), "{what}: {}", r.stderr);
        assert!(r.stderr.contains(&format!(".m:{line}:5")), "{}", r.stderr);
    }
    // Under the entry limit but with 64-bit denominators: the cost rule.
    let r = script("B = magic(90)/(2^62+1) + eye(90)/997;\nz = B\\ones(90, 1);\n");
    assert!(
        r.stderr
            .contains("warning: mldivide: exact arithmetic would be too slow for this 90x90 input"),
        "{}",
        r.stderr
    );
    // An affordable exact solve stays exact and silent: [2 1; 1 3] \ [3; 5] = [4/5; 7/5].
    let r = eval("x = [2 1; 1 3] \\ [3; 5]");
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str()),
        ("x =\n\n   4/5\n   7/5\n\n", "")
    );
}
