//! Operators through the real binary, on both kernels: exact operands (integer
//! and decimal literals are exact) and doubles (`double(...)`), with values
//! worked out by hand. Written to kill mutants of src/ops (scripts/mutants):
//! every comparison, every element-wise operator, broadcasting in each
//! direction, the matrix product, both divisions and the matrix power.

mod common;
use common::{assert_close, eval, json, matrix};

/// The first line of the error `src` stops with.
fn error_line(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 1, "{src:?} should fail; stdout: {}", r.stdout);
    r.stderr.lines().next().unwrap_or("").to_string()
}

/// The `"exact"` entry of the last value `src` displays (rows of fraction
/// strings), or Null when that value is not exact.
fn exact(src: &str) -> serde_json::Value {
    common::last_value(src).0["exact"].clone()
}

/// Real and imaginary parts of the displayed value of `src` (a complex result).
fn parts(src: &str) -> (Vec<f64>, Vec<f64>) {
    let re = matrix(&format!("z = {src}; real(z)")).2;
    let im = matrix(&format!("z = {src}; imag(z)")).2;
    (re, im)
}

#[test]
fn broadcasting_expands_scalars_rows_and_columns() {
    for (a, b) in [
        ("[1 2 3]", "[10; 20]"),
        ("double([1 2 3])", "double([10; 20])"),
    ] {
        assert_eq!(
            matrix(&format!("{a} + {b}")),
            (2, 3, vec![11.0, 12.0, 13.0, 21.0, 22.0, 23.0])
        );
        // The other way round: a column against a row.
        assert_eq!(
            matrix(&format!("{b} - {a}")),
            (2, 3, vec![9.0, 8.0, 7.0, 19.0, 18.0, 17.0])
        );
    }
    assert_eq!(
        matrix("double([1 2; 3 4]) .* [10 100]"),
        (2, 2, vec![10.0, 200.0, 30.0, 400.0])
    );
    assert_eq!(
        matrix("[1 2; 3 4] - [1; 2]"),
        (2, 2, vec![0.0, 1.0, 1.0, 2.0])
    );
    assert_eq!(
        matrix("double([1 2; 3 4]) - double([1; 2])"),
        (2, 2, vec![0.0, 1.0, 1.0, 2.0])
    );
    assert_eq!(matrix("10 - double([1 2])"), (1, 2, vec![9.0, 8.0]));
    for (a, b) in [("[1 2 3]", "[1 2]"), ("double([1 2 3])", "double([1 2])")] {
        assert_eq!(
            error_line(&format!("{a} + {b}")),
            "error: operator +: nonconformant arguments (op1 is 1x3, op2 is 1x2)"
        );
    }
    assert_eq!(
        error_line("[1 2; 3 4] .* [1 2 3; 4 5 6; 7 8 9]"),
        "error: operator .*: nonconformant arguments (op1 is 2x2, op2 is 3x3)"
    );
}

#[test]
fn all_six_comparisons_on_both_kernels() {
    // Rows: ==, ~=, <, <=, >, >= of [1 2 3] against 2.
    let want = vec![
        0.0, 1.0, 0.0, //
        1.0, 0.0, 1.0, //
        1.0, 0.0, 0.0, //
        1.0, 1.0, 0.0, //
        0.0, 0.0, 1.0, //
        0.0, 1.0, 1.0,
    ];
    for x in ["[1 2 3]", "double([1 2 3])"] {
        let src = format!("x = {x}; [x == 2; x ~= 2; x < 2; x <= 2; x > 2; x >= 2]");
        assert_eq!(matrix(&src), (6, 3, want.clone()), "{src}");
    }
    // Scalars (the interpreter's fast path), exact and double.
    for (p, q) in [("2", "3"), ("double(2)", "double(3)")] {
        let src = format!("[{p} == {q}, {p} ~= {q}, {p} < {q}, {p} <= {q}, {p} > {q}, {p} >= {q}]");
        assert_eq!(
            matrix(&src),
            (1, 6, vec![0.0, 1.0, 1.0, 1.0, 0.0, 0.0]),
            "{src}"
        );
        let src = format!("[{q} < {q}, {q} <= {q}, {q} >= {q}, {q} > {q}]");
        assert_eq!(matrix(&src), (1, 4, vec![0.0, 1.0, 1.0, 0.0]), "{src}");
    }
    // Complex: equality compares both parts, ordering the real parts (Octave).
    assert_eq!(matrix("[1+2i, 3] == [1+2i, 3+1i]"), (1, 2, vec![1.0, 0.0]));
    assert_eq!(matrix("[1+2i, 3] ~= [1+2i, 3+1i]"), (1, 2, vec![0.0, 1.0]));
    assert_eq!(matrix("[1+5i, 3-1i] < 2"), (1, 2, vec![1.0, 0.0]));
}

#[test]
fn element_wise_arithmetic_on_both_kernels() {
    // 7 and 2: + - .* ./ .\ and the scalar forms of * / \.
    let want = vec![9.0, 5.0, 14.0, 3.5, 2.0 / 7.0, 14.0, 3.5, 3.5];
    for (p, q) in [("7", "2"), ("double(7)", "double(2)")] {
        let src = format!(
            "p = {p}; q = {q}; [p + q, p - q, p .* q, p ./ q, p .\\ q, p * q, p / q, q \\ p]"
        );
        let (_, _, got) = matrix(&src);
        assert_close(&got, &want, 1e-15);
    }
    // Matrices, element by element.
    let want = vec![3.0, 3.0, -1.0, 1.0, 2.0, 2.0, 0.5, 2.0, 0.5, 2.0];
    for (a, b) in [("[1 2]", "[2 1]"), ("double([1 2])", "double([2 1])")] {
        let src = format!("a = {a}; b = {b}; [a + b, a - b, a .* b, a ./ b, b .\\ a]");
        let (_, _, got) = matrix(&src);
        assert_close(&got, &want, 1e-15);
    }
    // Exact operands stay exact.
    assert_eq!(
        exact("x = [1 2] ./ [3 4]"),
        serde_json::json!([["1/3", "1/2"]])
    );
    assert_eq!(
        exact("x = [3 4] .\\ [1 2]"),
        serde_json::json!([["1/3", "1/2"]])
    );
    assert_eq!(
        exact("x = [1 2] * (1/3)"),
        serde_json::json!([["1/3", "2/3"]])
    );
    assert_eq!(exact("x = 3 \\ [1 2]"), serde_json::json!([["1/3", "2/3"]]));
    // Division by an exact zero leaves the exact kernel: Inf, as with doubles.
    assert_eq!(
        matrix("[1 -1] ./ [0 0]").2,
        vec![f64::INFINITY, f64::NEG_INFINITY]
    );
    assert_eq!(
        matrix("[0 0] .\\ [1 -1]").2,
        vec![f64::INFINITY, f64::NEG_INFINITY]
    );
}

#[test]
fn complex_arithmetic() {
    // (1+2i)(2i) = -4+2i; (1+2i)/(2i) = (1+2i)(-2i)/4 = 1 - 0.5i.
    let z = "[1+2i, 3-1i]";
    let w = "[2i, 1]";
    assert_eq!(
        parts(&format!("{z} + {w}")),
        (vec![1.0, 4.0], vec![4.0, -1.0])
    );
    assert_eq!(
        parts(&format!("{z} - {w}")),
        (vec![1.0, 2.0], vec![0.0, -1.0])
    );
    assert_eq!(
        parts(&format!("{z} .* {w}")),
        (vec![-4.0, 3.0], vec![2.0, -1.0])
    );
    assert_eq!(
        parts(&format!("{z} ./ {w}")),
        (vec![1.0, 3.0], vec![-0.5, -1.0])
    );
    assert_eq!(
        parts(&format!("{w} .\\ {z}")),
        (vec![1.0, 3.0], vec![-0.5, -1.0])
    );
    // Dividing by a real number divides both parts; by zero gives Inf in each.
    assert_eq!(
        parts(&format!("{z} ./ 2")),
        (vec![0.5, 1.5], vec![1.0, -0.5])
    );
    assert_eq!(
        parts("(1+1i) / 0"),
        (vec![f64::INFINITY], vec![f64::INFINITY])
    );
    // The matrix product of complex matrices: [1 i] * [i; 1] = i + i = 2i.
    assert_eq!(parts("[1, 1i] * [1i; 1]"), (vec![0.0], vec![2.0]));
}

#[test]
fn powers_element_wise_and_of_scalars() {
    assert_eq!(matrix("double([1 2 3]) .^ 2"), (1, 3, vec![1.0, 4.0, 9.0]));
    assert_eq!(matrix("2 .^ double([1 2 3])"), (1, 3, vec![2.0, 4.0, 8.0]));
    assert_eq!(matrix("double([4 9]) .^ 0.5"), (1, 2, vec![2.0, 3.0]));
    // A zero base is not negative: the result stays real.
    let v = json("x = double([0 4 9]) .^ 0.5");
    assert_eq!(
        v[0].1,
        serde_json::json!({"cols": 3, "data": [[0, 2, 3]], "rows": 1})
    );
    assert_eq!(matrix("double(2) ^ -2"), (1, 1, vec![0.25]));
    assert_eq!(
        exact("x = [2 3] .^ -2"),
        serde_json::json!([["1/4", "1/9"]])
    );
    assert_eq!(exact("x = (2/3) ^ 3"), serde_json::json!("8/27"));
    // 0 to a negative power is Inf, exact or not.
    assert_eq!(matrix("0 ^ -1").2, vec![f64::INFINITY]);
    assert_eq!(matrix("[0 2] .^ -1").2, vec![f64::INFINITY, 0.5]);
    // A negative base to a fractional power is complex: (-8)^(1/3) = 1 + sqrt(3) i.
    let (re, im) = parts("(-8) ^ (1/3)");
    assert_close(&re, &[1.0], 1e-14);
    assert_close(&im, &[3f64.sqrt()], 1e-14);
    let (re, im) = parts("double([-8 8]) .^ (1/3)");
    assert_close(&re, &[1.0, 2.0], 1e-14);
    assert_close(&im, &[3f64.sqrt(), 0.0], 1e-14);
    // Complex base, integer power: (1+i)^2 = 2i; 0^(complex) is 0 for a positive real part.
    assert_eq!(parts("(1+1i) ^ 2"), (vec![0.0], vec![2.0]));
    assert_eq!(parts("0 .^ [1+1i]"), (vec![0.0], vec![0.0]));
}

#[test]
fn matrix_product_divisions_and_powers() {
    // A = [1 2; 3 4], inv(A) = [-2 1; 3/2 -1/2], B = [5 6; 7 8].
    for (a, b) in [
        ("[1 2; 3 4]", "[5 6; 7 8]"),
        ("double([1 2; 3 4])", "double([5 6; 7 8])"),
    ] {
        let v = |op: &str| matrix(&format!("A = {a}; B = {b}; {op}"));
        assert_eq!(v("A * B"), (2, 2, vec![19.0, 22.0, 43.0, 50.0]));
        let (_, _, got) = v("A \\ B");
        assert_close(&got, &[-3.0, -4.0, 4.0, 5.0], 1e-14);
        let (_, _, got) = v("B / A");
        assert_close(&got, &[-1.0, 2.0, -2.0, 3.0], 1e-14);
        assert_eq!(v("A ^ 0"), (2, 2, vec![1.0, 0.0, 0.0, 1.0]));
        assert_eq!(v("A ^ 2"), (2, 2, vec![7.0, 10.0, 15.0, 22.0]));
        assert_eq!(v("A ^ 3"), (2, 2, vec![37.0, 54.0, 81.0, 118.0]));
        let (_, _, got) = v("A ^ -1");
        assert_close(&got, &[-2.0, 1.0, 1.5, -0.5], 1e-14);
        let (_, _, got) = v("A ^ -2");
        assert_close(&got, &[5.5, -2.5, -3.75, 1.75], 1e-14);
        // A row times a column, and a column times a row.
        assert_eq!(v("[1 2] * [3; 4]"), (1, 1, vec![11.0]));
        assert_eq!(v("[1; 2] * [3 4]"), (2, 2, vec![3.0, 4.0, 6.0, 8.0]));
    }
    assert_eq!(
        exact("x = [1 2; 3 4] ^ -1"),
        serde_json::json!([["-2", "1"], ["3/2", "-1/2"]])
    );
    // s^B = expm(log(s) B): for a diagonal B, s to each diagonal entry.
    let (_, _, got) = matrix("2 ^ [1 0; 0 3]");
    assert_close(&got, &[2.0, 0.0, 0.0, 8.0], 1e-13);
}

#[test]
fn shape_errors_of_matrix_operators() {
    for (a, b) in [("[1 2 3]", "[1 2]"), ("double([1 2 3])", "double([1 2])")] {
        assert_eq!(
            error_line(&format!("{a} * {b}")),
            "error: operator *: nonconformant arguments (op1 is 1x3, op2 is 1x2)"
        );
    }
    assert_eq!(
        error_line("double([1 2 3]) / double([1 2; 3 4])"),
        "error: operator /: nonconformant arguments (op1 is 1x3, op2 is 2x2)"
    );
    assert_eq!(
        error_line("double([1 2; 3 4]) \\ double([1 2 3])"),
        "error: operator \\: nonconformant arguments (op1 is 2x2, op2 is 1x3)"
    );
    let r = error_line("[1 2 3] ^ 2");
    assert!(
        r.contains("(got 1x3 and 1x1) (^ and ** are the matrix power; .^ is element-wise)"),
        "{r}"
    );
    let r = error_line("[1 2; 3 4] ^ [1 2; 3 4]");
    assert!(
        r.contains("(got 2x2 and 2x2) (^ and ** are the matrix power; .^ is element-wise)"),
        "{r}"
    );
    let r = error_line("double([1 2; 3 4]) ^ 0.5");
    assert!(r.contains("non-integer powers of a matrix"), "{r}");
    let r = error_line("0 ^ [1 0; 0 1]");
    assert!(r.contains("needs a positive base (got 0)"), "{r}");
}

#[test]
fn unary_and_logical_operators() {
    assert_eq!(matrix("-[1 -2]"), (1, 2, vec![-1.0, 2.0]));
    assert_eq!(matrix("-double([1 -2])"), (1, 2, vec![-1.0, 2.0]));
    assert_eq!(matrix("~[1 0 2]"), (1, 3, vec![0.0, 1.0, 0.0]));
    assert_eq!(matrix("[1 2; 3 4]'"), (2, 2, vec![1.0, 3.0, 2.0, 4.0]));
    assert_eq!(
        matrix("double([1 2; 3 4]).'"),
        (2, 2, vec![1.0, 3.0, 2.0, 4.0])
    );
    // ' conjugates, .' does not.
    assert_eq!(parts("[1+2i; 3]'"), (vec![1.0, 3.0], vec![-2.0, 0.0]));
    assert_eq!(parts("[1+2i; 3].'"), (vec![1.0, 3.0], vec![2.0, 0.0]));
    assert_eq!(parts("-(1+2i)"), (vec![-1.0], vec![-2.0]));
    // Unary plus of a logical gives a double.
    let vals = json("y = +true; c = class(y)");
    assert_eq!(vals.last().unwrap().1, serde_json::json!("double"));
    assert_eq!(matrix("[1 0 1] & [1 1 0]"), (1, 3, vec![1.0, 0.0, 0.0]));
    assert_eq!(matrix("[1 0 1] | [0 0 1]"), (1, 3, vec![1.0, 0.0, 1.0]));
    assert_eq!(matrix("[1 0] | [0; 1]"), (2, 2, vec![1.0, 0.0, 1.0, 1.0]));
    assert_eq!(matrix("[1 0] & [1; 0]"), (2, 2, vec![1.0, 0.0, 0.0, 0.0]));
}

/// Element counts of ranges, with Octave's round-off tolerance, for exact
/// bounds and for double ones (a separate count: `range_len`).
#[test]
fn range_lengths() {
    for (a, s, b, n) in [
        ("0", "0.1", "1", 11.0),
        ("1", "0.2", "2", 6.0),
        ("1", "1", "0", 0.0),
        ("5", "-1", "1", 5.0),
        ("1", "-1", "5", 0.0),
        ("1", "0", "5", 0.0),
        ("0", "3", "10", 4.0),
        ("5", "-2", "0", 3.0),
        ("10", "-3", "0", 4.0),
    ] {
        for src in [
            format!("{a}:{s}:{b}"),
            format!("double({a}):double({s}):double({b})"),
        ] {
            assert_eq!(matrix(&format!("numel({src})")).2, vec![n], "{src}");
        }
    }
}

/// Quadratic numbers (one field Q(sqrt(2))): every operator stays exact, and
/// a result whose radicals cancel is rational again. Worked by hand.
#[test]
fn quadratic_numbers_stay_exact_under_every_operator() {
    let cases: &[(&str, serde_json::Value)] = &[
        (
            "[sqrt(2) 1] .* [sqrt(2) 3]",
            serde_json::json!([["2", "3"]]),
        ),
        (
            "sqrt(2) * [1 2]",
            serde_json::json!([["sqrt(2)", "2*sqrt(2)"]]),
        ),
        ("(1 + sqrt(2)) * (1 - sqrt(2))", serde_json::json!("-1")),
        ("[1 sqrt(2)] * [sqrt(2); 1]", serde_json::json!("2*sqrt(2)")),
        ("1 / sqrt(2)", serde_json::json!("1/sqrt(2)")),
        ("sqrt(2) \\ 2", serde_json::json!("sqrt(2)")),
        (
            "[sqrt(2) 0; 0 1] \\ [2; 1]",
            serde_json::json!([["sqrt(2)"], ["1"]]),
        ),
        (
            "[2 1] / [sqrt(2) 0; 0 1]",
            serde_json::json!([["sqrt(2)", "1"]]),
        ),
        (
            "[sqrt(2) 2] ./ [2 sqrt(2)]",
            serde_json::json!([["1/sqrt(2)", "sqrt(2)"]]),
        ),
        (
            "[2 4] .\\ [sqrt(2) 2]",
            serde_json::json!([["1/sqrt(2)", "1/2"]]),
        ),
        (
            "sqrt(2) - [1 2]",
            serde_json::json!([["-1 + sqrt(2)", "-2 + sqrt(2)"]]),
        ),
        (
            "sqrt(2) + [1 2]",
            serde_json::json!([["1 + sqrt(2)", "2 + sqrt(2)"]]),
        ),
        ("sqrt(2) ^ 3", serde_json::json!("2*sqrt(2)")),
        ("[sqrt(2) 1] .^ 2", serde_json::json!([["2", "1"]])),
        (
            "[1 sqrt(2); 0 1] ^ 2",
            serde_json::json!([["1", "2*sqrt(2)"], ["0", "1"]]),
        ),
    ];
    for (src, want) in cases {
        assert_eq!(&exact(&format!("x = {src}")), want, "{src}");
    }
    assert_eq!(
        matrix("s = sqrt(2); [s < 1.5, s > 1.5, s == s, s ~= s, s <= s, s >= 2]"),
        (1, 6, vec![1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
    );
}
