//! Expressions built from number literals, `end`, scalar variables and
//! elements are computed as plain numbers in loops (no `Value` built): they
//! must give exactly the general path's answers — exact stays exact, the
//! kinds of the results are Octave's, and bad subscripts still get their
//! errors. Expected values are hand-derived.

mod common;

use common::{eval, json, num};

/// The last value `src` shows under `name` (`--json`).
fn value_of(src: &str, name: &str) -> serde_json::Value {
    json(src)
        .into_iter()
        .rev()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} not shown by `{src}`"))
        .1
}

#[test]
fn exact_integers_stay_exact_through_powers_and_elements() {
    // k^2 = 2^80 + 2^41 + 1 needs 81 bits: in doubles the differences below would be 0.
    let src = "k = 2^40 + 1; x = k^2; d = x - 1208925819616828197961728\n\
               e = [0 0]; e(2) = k^2; f = e(2) - 1208925819616828197961728";
    assert_eq!(num(&value_of(src, "d")), 1.0);
    assert_eq!(num(&value_of(src, "f")), 1.0);
    // In a loop too, with the counter itself exact.
    // (2^40)^2 + (2^40+1)^2 + (2^40+2)^2 = 3*2^80 + 6*2^40 + 5, and 3*2^80 is subtracted.
    let src = "s = 0; for k = 2^40:2^40+2, s = s + k^2; end\nd = s - 3626777458843887524118528";
    assert_eq!(num(&value_of(src, "d")), 6.0 * 2f64.powi(40) + 5.0);
}

#[test]
fn end_and_elements_read_the_right_entries() {
    // magic(4) = [16 2 3 13; 5 11 10 8; 9 7 6 12; 4 14 15 1]
    let src = "A = magic(4); a = A(end, end-1)\nb = -A(2, end) + A(end)\nc = A(end-1)\n\
               i = 2; j = 3; g = A(i, j) * A(j, i) - A(i + j)";
    assert_eq!(num(&value_of(src, "a")), 15.0);
    assert_eq!(num(&value_of(src, "b")), -7.0);
    assert_eq!(num(&value_of(src, "c")), 12.0); // A(15): row 3 of column 4
                                                // A(2,3) * A(3,2) - A(5) = 10 * 7 - 2
    assert_eq!(num(&value_of(src, "g")), 68.0);
}

#[test]
fn kinds_follow_octave() {
    // An element of a complex matrix that is real reads as a real number.
    let r = eval("c = [1+2i, 3]; t = c(2); disp(isreal(t)); disp(t + 1)");
    assert_eq!(r.stdout, "1\n4\n", "{}", r.stderr);
    // A comparison of numbers is logical; a double mixed with an exact number is a double.
    let r = eval("k = 3; b = k > 2; disp(class(b)); x = 0.5 * 2; y = k + x; disp(y)");
    assert_eq!(r.stdout, "logical\n4\n", "{}", r.stderr);
    // A logical subscript selects, it is not position 1.
    let r = eval("v = [5 6 7]; p = v(true); disp(p); v(false) = 9; disp(v)");
    assert_eq!(r.stdout, "5\n   5   6   7\n", "{}", r.stderr);
}

#[test]
fn bad_subscripts_keep_their_errors() {
    let r = eval("v = [5 6 7]; k = 0; x = v(k)");
    assert!(
        r.stderr.contains("v(0): subscripts must be"),
        "{}",
        r.stderr
    );
    let r = eval("v = [5 6 7]; x = v(1.5)");
    assert!(
        r.stderr.contains("subscripts must be either integers"),
        "{}",
        r.stderr
    );
    let r = eval("v = [5 6 7]; x = v(4)");
    assert!(r.stderr.contains("out of bound"), "{}", r.stderr);
    let r = eval("A = magic(3); A(10) = 1");
    assert!(
        r.stderr.contains("A(I) = X: X must fit in A"),
        "{}",
        r.stderr
    );
}
