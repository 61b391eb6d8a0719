//! Exact det, A\b, rank and rref of 100x100 matrices through the real
//! binary (issue 19: the modular kernels keep them exact instead of
//! switching to floating point). Every answer is known by construction:
//! A = L*U with L unit lower triangular and U upper triangular with a
//! chosen diagonal, so det(A) is the product of that diagonal; b = A*x for
//! a chosen x; A is invertible, so rank 100 and rref I; and B = C * [I K]
//! with C of full column rank has rref [I K; 0] (40x40: a rank-deficient
//! 100x100 still gives way to the cost rule).

mod common;
use common::*;

/// la source defining A (100x100, integer entries) from the formulas below.
/// (`mod` gives floats: `exact` brings its integers back.)
const SETUP: &str = "n = 100; i = (1:n)'; j = 1:n; \
    L = tril(exact(mod(7*i + 3*j, 5)) - 2, -1) + eye(n); \
    d = exact(mod(1:n, 3)) + 1; \
    U = triu(exact(mod(5*i + 11*j, 7)) - 3, 1) + diag(d); \
    A = L*U;";

/// The last value `src` displays in `--json` mode as its exact entries,
/// and stderr.
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

fn no_float_switch(stderr: &str) {
    assert!(
        !stderr.contains("floating point"),
        "switched to floating point: {stderr}"
    );
}

#[test]
fn det_of_100x100_is_the_product_of_the_chosen_pivots() {
    // d(k) = mod(k, 3) + 1 for k = 1..100: 34 twos (k = 1, 4, ..., 100),
    // 33 threes and 33 ones, so det = 2^34 * 3^33.
    let want = (0..34).fold(num_bigint::BigInt::from(1), |p, _| p * 2);
    let want = (0..33).fold(want, |p, _| p * 3);
    let (d, err) = exact(&format!("{SETUP} x = det(A)"));
    assert_eq!(d, serde_json::json!(want.to_string()));
    no_float_switch(&err);
    // Changing one entry of U's diagonal to 0 makes A singular: det 0.
    let (z, err) = exact(&format!("{SETUP} U(50, 50) = 0; x = det(L*U)"));
    assert_eq!(z, serde_json::json!("0"));
    no_float_switch(&err);
}

#[test]
fn solve_100x100_returns_the_chosen_fractions() {
    // x(k) = (k - 50)/7, exactly; b = A*x is exact too.
    let (x, err) = exact(&format!("{SETUP} xs = ((1:n)' - 50)/7; y = A \\ (A*xs)"));
    no_float_switch(&err);
    let rows = x.as_array().expect("a column of fractions");
    assert_eq!(rows.len(), 100);
    for (k, row) in rows.iter().enumerate() {
        let num = k as i64 + 1 - 50;
        let want = match num {
            0 => "0".to_string(),
            _ if num % 7 == 0 => (num / 7).to_string(),
            _ => format!("{num}/7"),
        };
        assert_eq!(row, &serde_json::json!([want]), "x({})", k + 1);
    }
}

#[test]
fn rank_and_rref_of_the_invertible_100x100() {
    // det(A) = 2^34 * 3^33 is not 0, so rank 100 and rref(A) = I.
    let (r, err) = exact(&format!("{SETUP} r = rank(A)"));
    assert_eq!(r, serde_json::json!("100"));
    no_float_switch(&err);
    let (rref, err) = exact(&format!("{SETUP} R = rref(A)"));
    no_float_switch(&err);
    let rows = rref.as_array().expect("rows");
    for (i, row) in rows.iter().enumerate() {
        let row = row.as_array().expect("entries");
        for (j, e) in row.iter().enumerate() {
            let want = i64::from(i == j).to_string();
            assert_eq!(e, &serde_json::json!(want), "R({}, {})", i + 1, j + 1);
        }
    }
}

#[test]
fn rank_and_rref_of_a_rank_24_product() {
    // C = [I; M] (40x24) has full column rank, K(i, j) = mod(i + 2j, 9) - 4
    // is 24x16, and B = C * [I K] is 40x40 of rank 24 with rref [I K; 0].
    let setup = "i = (1:16)'; C = [eye(24); exact(mod(3*i + (1:24), 5)) - 2]; \
        K = exact(mod((1:24)' + 2*(1:16), 9)) - 4; B = C * [eye(24) K];";
    let (r, err) = exact(&format!("{setup} r = rank(B)"));
    assert_eq!(r, serde_json::json!("24"));
    no_float_switch(&err);
    let (rref, err) = exact(&format!("{setup} R = rref(B)"));
    no_float_switch(&err);
    let rows = rref.as_array().expect("rows");
    assert_eq!(rows.len(), 40);
    for (i, row) in rows.iter().enumerate() {
        let row = row.as_array().expect("entries");
        for (j, e) in row.iter().enumerate() {
            let want = match (i < 24, j < 24) {
                (false, _) => 0,
                (true, true) => i64::from(i == j),
                (true, false) => ((i + 1 + 2 * (j - 23)) % 9) as i64 - 4,
            };
            assert_eq!(
                e,
                &serde_json::json!(want.to_string()),
                "R({}, {})",
                i + 1,
                j + 1
            );
        }
    }
}
