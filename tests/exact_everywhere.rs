//! Exact mode does not stop being exact silently: least squares and
//! minimum-norm solutions, pseudoinverses, eigenvalues of any size within
//! the cost rule and number literals of any length stay exact. Every value
//! below is derived by hand in the comment beside it.

mod common;
use common::*;

/// The `"exact"` entry of the last value `src` displays in `--json` mode
/// (rows of fraction strings, or one string for a scalar), and stderr.
fn exact(src: &str) -> (serde_json::Value, String) {
    let r = run(&["--json", "-e", src], "");
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    let line = r
        .stdout
        .lines()
        .rfind(|l| l.contains("\"name\""))
        .unwrap_or_else(|| panic!("{src}: no value in {}", r.stdout));
    let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
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
