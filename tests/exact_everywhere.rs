//! Exact mode does not stop being exact silently: least squares and
//! minimum-norm solutions, pseudoinverses, eigenvalues of any size within
//! the cost rule and number literals of any length stay exact. Every value
//! below is derived by hand in the comment beside it.

mod common;
use common::*;

/// The `"exact"` entry of the last value `src` displays in `--json` mode
/// (rows of fraction strings, or one string for a scalar), and stderr.
fn exact(src: &str) -> (serde_json::Value, String) {
    let (v, r) = last_value(src);
    (v["exact"].clone(), r.stderr)
}

fn column(entries: &[&str]) -> serde_json::Value {
    serde_json::json!(entries.iter().map(|e| [e]).collect::<Vec<_>>())
}

#[test]
fn tall_full_rank_least_squares_is_exact() {
    // Consistent: 2*1 + 1 = 3, 1 = 1, 1 = 1.
    let (x, err) = exact("x = [2 1; 1 0; 1 0] \\ [3; 1; 1]");
    assert_eq!(x, column(&["1", "1"]));
    assert!(!err.contains("warning"), "{err}");
    // Inconsistent: A'A = [2 0; 0 1], A'b = [3; 3], so x = [3/2; 3].
    let (x, _) = exact("x = [1 0; 1 0; 0 1] \\ [1; 2; 3]");
    assert_eq!(x, column(&["3/2", "3"]));
    // b / A is (A' \ b')': the same system transposed.
    let (x, _) = exact("x = [3 1 1] / [2 1; 1 0; 1 0]'");
    assert_eq!(x, serde_json::json!([["1", "1"]]));
}

#[test]
fn wide_full_rank_gives_the_exact_minimum_norm_solution() {
    // x = A'(AA')^-1 b with AA' = [14 32; 32 77] (det 54):
    // (AA')^-1 [1; 2] = [13; -4]/54, x = A' [13; -4]/54 = [-3; 6; 15]/54.
    let (x, err) = exact("x = [1 2 3; 4 5 6] \\ [1; 2]");
    assert_eq!(x, column(&["-1/18", "1/9", "5/18"]));
    assert!(!err.contains("warning"), "{err}");
}

#[test]
fn rank_deficient_systems_give_the_minimum_norm_least_squares_solution_and_warn() {
    // A = u v' has pinv(A) = v u' / (|u|^2 |v|^2), so x = v (u'b) / (|u|^2 |v|^2).
    // u = [1;2;3], v = [1;2], b = [1;2;3]: x = [1;2] * 14 / (14*5) = [1/5; 2/5].
    let (x, err) = exact("x = [1 2; 2 4; 3 6] \\ [1; 2; 3]");
    assert_eq!(x, column(&["1/5", "2/5"]));
    assert!(err.contains("rank deficient 3x2 matrix, rank = 1"), "{err}");
    // u = [1;2], v = [1;2;3], b = [1;2]: x = [1;2;3] * 5 / (5*14).
    let (x, err) = exact("x = [1 2 3; 2 4 6] \\ [1; 2]");
    assert_eq!(x, column(&["1/14", "1/7", "3/14"]));
    assert!(err.contains("rank deficient 2x3 matrix, rank = 1"), "{err}");
    // Square and singular: u = v = [1;2], b = [1;2]: x = [1;2] * 5 / 25.
    let (x, err) = exact("x = [1 2; 2 4] \\ [1; 2]");
    assert_eq!(x, column(&["1/5", "2/5"]));
    assert!(err.contains("det(A) = 0 exactly"), "{err}");
    // The zero matrix: every x fits equally badly, the smallest is 0.
    let (x, _) = exact("x = zeros(2, 3) \\ [1; 1]");
    assert_eq!(x, column(&["0", "0", "0"]));
}

#[test]
fn pinv_and_lstsq_of_exact_input_are_exact() {
    // u v' with u = [1;2;3], v = [1;2]: pinv = v u' / 70.
    let (p, _) = exact("p = pinv([1 2; 2 4; 3 6])");
    assert_eq!(
        p,
        serde_json::json!([["1/70", "1/35", "3/70"], ["1/35", "2/35", "3/35"]])
    );
    // Full column rank: (A'A)^-1 A' with A'A = [2 0; 0 1].
    let (p, _) = exact("p = pinv([1 0; 1 0; 0 1])");
    assert_eq!(p, serde_json::json!([["1/2", "1/2", "0"], ["0", "0", "1"]]));
    // A'A = [3 6; 6 14] (det 6), A'b = [5; 11]: x = [14*5 - 6*11; 3*11 - 6*5]/6.
    let (x, _) = exact("x = lstsq([1 1; 1 2; 1 3], [1; 2; 2])");
    assert_eq!(x, column(&["2/3", "1/2"]));
    // A tolerance is a floating-point notion: pinv(A, tol) stays numeric.
    let (p, _) = exact("p = pinv([1 0; 0 2], 1e-3)");
    assert_eq!(p, serde_json::Value::Null);
}

#[test]
fn exact_eig_has_no_fixed_size_limit() {
    let (e, err) = exact("e = eig(2*eye(13))");
    assert_eq!(e, column(&["2"; 13]));
    assert!(err.is_empty(), "{err}");
    // diag(1:20): the eigenvalues are the diagonal, descending.
    let want: Vec<String> = (1..=20).rev().map(|k| k.to_string()).collect();
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_eq!(exact("e = eig(diag(1:20))").0, column(&want));
}

#[test]
fn long_literals_are_exact() {
    let ten40 = format!("1{}", "0".repeat(40));
    let (n, _) = exact(&format!("n = {ten40}"));
    assert_eq!(n, serde_json::json!(ten40));
    assert_eq!(
        out(&format!("n = {ten40} + 1 - {ten40}")),
        "n = 1\n",
        "a float would have lost the 1"
    );
    // 0.(43 digits) ending in 3 (prime to 10): those digits over 10^43.
    let digits = "1234567890123456789012345678901234567890123";
    let (q, _) = exact(&format!("q = 0.{digits}"));
    assert_eq!(
        q,
        serde_json::json!(format!("{digits}/1{}", "0".repeat(43)))
    );
    // 1200 nines need 3987 bits: still exact; 1300 need 4319 bits: a float.
    let (big, _) = exact(&format!("b = {}", "9".repeat(1200)));
    assert_eq!(big, serde_json::json!("9".repeat(1200)));
    let (big, _) = exact(&format!("b = {}", "9".repeat(1300)));
    assert_eq!(big, serde_json::Value::Null);
}

fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    r.stdout
}

/// A large exact matrix whose characteristic polynomial has irreducible
/// factors of high degree: the eigenvalues are those of the matrix itself
/// (float QR), not float roots of a degree-30 polynomial, which lose most
/// of their digits. Checked against the float path on the same matrix and
/// against trace(S) = sum of the eigenvalues.
#[test]
fn large_exact_eig_is_as_accurate_as_the_float_path() {
    let v = json(
        "B = mod((1:30)' * (1:30), 7) - 3; S = B + B'; \
         d = norm(eig(S) - eig(double(S))) / norm(S), t = abs(sum(eig(S)) - trace(S))",
    );
    let num = |name: &str| {
        v.iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, x)| x.as_f64())
            .unwrap_or_else(|| panic!("{name} not shown as a number: {v:?}"))
    };
    assert!(
        num("d") < 1e-12,
        "eig(S) differs from eig(double(S)): {}",
        num("d")
    );
    assert!(num("t") < 1e-9, "sum of eigenvalues vs trace: {}", num("t"));
}

#[test]
fn remainders_of_exact_numbers_are_exact() {
    // 10 = 3 (mod 7) and 3^6 = 1 (mod 7), so 10^20 = 3^20 = 3^2 = 2 and
    // 10^20 + 1 = 3 (mod 7); a double holds 10^20 + 1 as 10^20 (remainder 2,
    // or 0 after the rounding of x/y).
    let (x, _) = exact("x = mod(10^20 + 1, 7)");
    assert_eq!(x, serde_json::json!("3"));
    // rem takes the sign of x: -(10^20 + 1) = -3 (mod 7).
    let (x, _) = exact("x = rem(-(10^20 + 1), 7)");
    assert_eq!(x, serde_json::json!("-3"));
    // 1/3 = 1*(1/4) + 1/12; -1/3 = -1 + 2/3.
    let (x, _) = exact("x = [mod(1/3, 1/4) mod(-1/3, 1)]");
    assert_eq!(x, serde_json::json!([["1/12", "2/3"]]));
    // mod(x, 0) = x and the sign of a negative divisor (Octave's rules).
    let (x, _) = exact("x = mod(-7, [3 0 -3])");
    assert_eq!(x, serde_json::json!([["2", "-7", "-1"]]));
    // 10^400 = 3^400 = 3^4 = 4 (mod 7), as 3^6 = 1: powers past 256 stay exact.
    let (x, _) = exact("x = mod(10^400 + 1, 7)");
    assert_eq!(x, serde_json::json!("5"));
    let (x, _) = exact("x = 2^1000 - 2^999 * 2 + 2^-300 * 2^300");
    assert_eq!(x, serde_json::json!("1"));
    // rem(x, 0) is NaN, which no fraction holds: a double.
    let r = eval("x = rem(5, 0), isexact(x)");
    assert!(
        r.stdout.contains("x = NaN") && r.stdout.contains("ans = 0"),
        "{}",
        r.stdout
    );
}

/// A literal is exact whenever its fraction fits the 4096-bit budget, however
/// large its exponent: 1e400 is 10^400 (1329 bits) and 1e-400 is 1/10^400,
/// as 10^400 and 10^-400 are. Octave's doubles make them Inf and 0.
#[test]
fn literals_with_large_exponents_are_exact_within_the_budget() {
    let (big, err) = exact("b = 1e400");
    assert_eq!(big, serde_json::json!(format!("1{}", "0".repeat(400))));
    assert_eq!(err, "");
    let (small, _) = exact("s = 1e-400");
    assert_eq!(small, serde_json::json!(format!("1/1{}", "0".repeat(400))));
    let (x, _) = exact("x = 2.5e-350");
    assert_eq!(x, serde_json::json!(format!("1/4{}", "0".repeat(349))));
    assert_eq!(
        out("[1e400 == 10^400, 1e-400 * 1e400 == 1, 1e400 > 1e399]"),
        "ans =\n\n  1  1  1\n\n"
    );
    // Exact arithmetic: 10^400 * 0 is 0, not Octave's Inf * 0 = NaN.
    assert_eq!(out("x = 1e400; y = x*0, isexact(y)"), "y = 0\nans = 1\n");
    // Shown in exact scientific notation, not as the doubles 0 and Inf;
    // 1.0000e-400 is 1e-400 exactly, so no note says it is rounded.
    let note = "  (exact fractions shown rounded; `format rat` shows them exactly)\n";
    assert_eq!(out("s = 1e-400"), "s = 1.0000e-400\n");
    // 10^400/3 = 3.333...e399; -2/3 * 10^-400 rounds half up to -6.6667e-401.
    assert_eq!(
        out("v = [10^400/3; -2e-400/3]"),
        format!("v =\n\n    3.3333e+399\n   -6.6667e-401\n{note}\n")
    );
}

/// Past the budget a literal is a double, and when the double is not the
/// number typed (Inf, 0 or subnormal) a warning names it; the size is
/// judged from the digits and exponent, so 1e999999999 costs nothing.
#[test]
fn literals_past_the_budget_warn_when_doubles_cannot_hold_them() {
    let cases = [
        ("1e1300", "Inf", "it is Inf"),
        ("1e999999999", "Inf", "it is Inf"),
        ("1e-5000", "0", "it is 0"),
        ("0.5e-99999999999999999999", "0", "it is 0"),
    ];
    for (lit, shown, what) in cases {
        let r = eval(&format!("x = {lit}"));
        assert_eq!(r.stdout, format!("x = {shown}\n"), "{lit}: {}", r.stderr);
        let want = format!(
            "warning: the number {lit} needs more than 4096 bits as an exact fraction, so it \
             is a double, and double precision cannot hold it: {what}"
        );
        assert!(r.stderr.starts_with(&want), "{lit}: {}", r.stderr);
        assert!(r.stderr.contains("1:5"), "{}", r.stderr);
    }
    // 1.11...1 (931 ones) times 10^-310: its denominator 10^1240 alone
    // needs 4120 bits, and the double is subnormal.
    let lit = format!("1{}e-1240", "1".repeat(930));
    let r = eval(&format!("x = {lit};"));
    assert!(
        r.stderr
            .contains("it is a subnormal double with fewer than 16 significant digits"),
        "{}",
        r.stderr
    );
    // A long literal that a double holds is quiet: 0.99...9e-5 (1300 nines) is 1e-5.
    let r = eval(&format!("x = 0.{}e-5;", "9".repeat(1300)));
    assert_eq!((r.status, r.stderr.as_str()), (0, ""));
}

/// An exact value that becomes a double beyond the doubles' range says so:
/// `double(1e400)` and `1e400 * pi` are Inf with a warning.
#[test]
fn exact_values_beyond_the_double_range_warn_on_conversion() {
    for (src, col) in [("y = double(1e400)", "5"), ("y = 1e400 * pi", "5")] {
        let r = eval(src);
        assert_eq!(r.stdout, "y = Inf\n", "{src}: {}", r.stderr);
        assert!(
            r.stderr.starts_with(
                "warning: the exact value 1.0000e+400 is beyond double precision: as a double it is Inf"
            ),
            "{src}: {}",
            r.stderr
        );
        assert!(r.stderr.contains(&format!("1:{col}")), "{}", r.stderr);
    }
    let r = eval("y = double(1e-400)");
    assert_eq!(r.stdout, "y = 0\n");
    assert!(r.stderr.contains("as a double it is 0"), "{}", r.stderr);
    // Within the range: quiet.
    let r = eval("y = double(10^300) * pi;");
    assert_eq!((r.status, r.stderr.as_str()), (0, ""));
    // Element-wise functions compute on the doubles: sin(Inf) is NaN, and
    // the warning says why (with the sign of the lost value).
    let r = eval("y = sin(1e400)");
    assert_eq!(r.stdout, "y = NaN\n");
    assert!(
        r.stderr
            .contains("1.0000e+400 is beyond double precision: as a double it is Inf"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("1:5"), "{}", r.stderr);
    let r = eval("y = exp(-1e400)");
    assert_eq!(r.stdout, "y = 0\n");
    assert!(r.stderr.contains("as a double it is -Inf"), "{}", r.stderr);
    // Exact results need no doubles, so no warning.
    let r = eval("y = abs(-1e400);");
    assert_eq!((r.status, r.stderr.as_str()), (0, ""));
}

/// expm of an exact nilpotent matrix is its finite series, exactly.
#[test]
fn expm_of_a_nilpotent_matrix_is_its_exact_finite_series() {
    // A = [0 1; 0 0]: A^2 = 0, so expm(A) = I + A (Octave prints 1 1; 0 1).
    let (e, _) = exact("E = expm([0 1; 0 0])");
    assert_eq!(e, serde_json::json!([["1", "1"], ["0", "1"]]));
    // A = [0 1 2; 0 0 3; 0 0 0]: A^2 = [0 0 3; 0 0 0; 0 0 0] (only 1*3 in
    // the corner), A^3 = 0, so expm(A) = I + A + A^2/2 = [1 1 7/2; 0 1 3; 0 0 1].
    let (e, _) = exact("E = expm([0 1 2; 0 0 3; 0 0 0])");
    assert_eq!(
        e,
        serde_json::json!([["1", "1", "7/2"], ["0", "1", "3"], ["0", "0", "1"]])
    );
    // Nilpotent without being triangular: N = [1 1; -1 -1], N^2 = 0, so
    // expm(N) = I + N = [2 1; -1 0].
    let (e, _) = exact("E = expm([1 1; -1 -1] / 3)");
    assert_eq!(e, serde_json::json!([["4/3", "1/3"], ["-1/3", "2/3"]]));
    // A strictly lower 4x4 with A^4 = 0 but A^3 != 0: the shift S
    // (ones below the diagonal) gives expm(S) with entries 1/(i-j)!.
    let (e, _) = exact("E = expm(diag([1 1 1], -1))");
    assert_eq!(
        e,
        serde_json::json!([
            ["1", "0", "0", "0"],
            ["1", "1", "0", "0"],
            ["1/2", "1", "1", "0"],
            ["1/6", "1/2", "1", "1"]
        ])
    );
    // Not nilpotent (trace 0, but A^2 = I): the float series, not exact.
    let (e, _) = exact("E = expm([0 1; 1 0])");
    assert_eq!(e, serde_json::Value::Null);
}
