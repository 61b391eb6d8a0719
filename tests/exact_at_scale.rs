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
    let (v, r) = last_value(src);
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

/// The warning of the cost rule (`exact::too_costly_for`) when it gives way.
fn gives_way(stderr: &str, what: &str, shape: &str) {
    let want = format!("{what}: exact arithmetic would be too slow for this {shape} input");
    assert!(stderr.contains(&want), "wanted {want:?} in {stderr}");
}

#[test]
fn the_cost_rule_keeps_det_exact_below_its_budget_and_warns_above() {
    // The modular det costs n^3/3 word updates of 1.5 ns per 31 bits of
    // Hadamard's bound, n*(bits + log2(n)/2) (matrix.rs). n = 100 with
    // 41-bit entries: about 144 words, 7.2e7 ns, under the 1e8 budget, and
    // det(2^40 I) = 2^4000 exactly. 62-bit entries: about 212 words,
    // 1.06e8 ns, over it: floating point, with the warning.
    let want = (0..4000).fold(num_bigint::BigInt::from(1), |p, _| p * 2);
    let (d, err) = exact("x = det(2^40 * eye(100))");
    assert_eq!(d, serde_json::json!(want.to_string()));
    no_float_switch(&err);
    let r = run(&["-e", "x = det((2^61 + 1) * eye(100));"], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    gives_way(&r.stderr, "det", "100x100");
}

#[test]
fn the_cost_rule_keeps_a_40x40_inverse_exact_and_gives_way_at_100x100() {
    // The p-adic inverse (matrix.rs, ExactWork::ModularInverse) keeps A's
    // small entries exact even at n = 100 (see the cost-rule test in
    // matrix.rs); 20-bit entries (A * 1000003) make the lifting of a 100x100
    // inverse too long for the budget, so that one gives way.
    let small = SETUP.replace("n = 100;", "n = 40;");
    let r = run(
        &[
            "--json",
            "-e",
            &format!("{small} X = inv(A); z = isequal(A*X, eye(n))"),
        ],
        "",
    );
    assert!(
        r.stdout.contains(r#""name":"z","value":true"#),
        "{}",
        r.stdout
    );
    no_float_switch(&r.stderr);
    let (x, _) = exact(&format!("{small} X = inv(A); x = X(1, 1)"));
    assert!(x.is_string(), "inv of 40x40 not exact: {x}");
    let r = run(&["-e", &format!("{SETUP} X = inv(A * 1000003);")], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    gives_way(&r.stderr, "inv", "100x100");
}

#[test]
fn a_negative_power_is_priced_and_computed_as_inv() {
    // A^-1 of the small-entry 100x100 stays exact as inv(A) does, A^-2 is
    // its square; the 20-bit one gives way with mpower's warning.
    let src =
        format!("{SETUP} X = A^-1; Y = A^-2; z = isequal(A*X, eye(n)) && isequal(A*A*Y, eye(n))");
    let r = run(&["--json", "-e", &src], "");
    assert!(
        r.stdout.contains(r#""name":"z","value":true"#),
        "{}",
        r.stdout
    );
    no_float_switch(&r.stderr);
    let (x, _) = exact(&format!("{SETUP} X = A^-1; x = X(1, 1)"));
    assert!(x.is_string(), "A^-1 of 100x100 not exact: {x}");
    let r = run(&["-e", &format!("{SETUP} X = (A * 1000003)^-1;")], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    gives_way(&r.stderr, "mpower", "100x100");
    // Exactly singular at 100x100: the exact verdict, not "to machine precision".
    let r = run(
        &["-e", &format!("{SETUP} A(:, 1) = A(:, 2); X = A^-1;")],
        "",
    );
    assert!(r.stderr.contains("det(A) = 0 exactly"), "{}", r.stderr);
}

#[test]
fn the_rank_of_a_wide_100x200_is_exact_and_its_rref_gives_way() {
    // [A A] has full rank 100 modulo a prime, which is its rank over Q with
    // no lifting: exact, past the 10 000-entry limit of fraction-free work
    // (the floating-point rank of this ill-conditioned A is 97). Its rref
    // lifts 100 non-pivot columns, over the budget: the warning.
    let (r, err) = exact(&format!("{SETUP} r = rank([A A])"));
    assert_eq!(r, serde_json::json!("100"));
    no_float_switch(&err);
    let r = run(&["-e", &format!("{SETUP} R = rref([A A]);")], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    gives_way(&r.stderr, "rref", "100x200");
}

#[test]
fn a_rank_over_budget_never_answers_below_the_rank_modulo_a_prime() {
    // [A A; A A] has rank 100 (rank 100 modulo the prime, 100 columns to
    // lift: over budget). Floating point finds 97 for this ill-conditioned
    // A; the rank modulo a prime is a certain lower bound, so 100 it is,
    // with both warnings.
    let r = run(
        &["--json", "-e", &format!("{SETUP} r = rank([A A; A A])")],
        "",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(r#""name":"r","value":100"#),
        "{}",
        r.stdout
    );
    gives_way(&r.stderr, "rank", "200x200");
    assert!(
        r.stderr.contains("the rank is at least 100; answering 100"),
        "{}",
        r.stderr
    );
}

#[test]
fn det_of_101x101_is_exact_past_the_entry_limit() {
    // 10 201 entries: fraction-free work would give way, the modular det's
    // estimate does not. det([A 0; 0 7]) = 7 det(A) = 7 * 2^34 * 3^33.
    let want = (0..34).fold(num_bigint::BigInt::from(7), |p, _| p * 2);
    let want = (0..33).fold(want, |p, _| p * 3);
    let (d, err) = exact(&format!(
        "{SETUP} X = [A zeros(n, 1); zeros(1, n) 7]; x = det(X)"
    ));
    assert_eq!(d, serde_json::json!(want.to_string()));
    no_float_switch(&err);
}

/// C is well conditioned (50 on the diagonal, entries in [-2, 2] beside
/// it), so the floating-point answers after the switch are right too.
const WELL: &str = "n = 100; i = (1:n)'; j = 1:n; C = 50*eye(n) + exact(mod(7*i + 3*j, 5)) - 2;";

#[test]
fn bases_over_budget_warn_and_fall_back() {
    // [C C; C C] has rank 100 with 100 non-pivot columns to lift: over
    // budget for null(X, 'r'), colspace, rowspace and leftnull, each with
    // the warning. null's 'r' basis is [-I; I] (free variables 1), read off
    // the floating-point rref.
    let x = format!("{WELL} X = [C C; C C];");
    let r = run(
        &[
            "--json",
            "-e",
            &format!("{x} N = null(X, 'r'); z = isequal(N, [-eye(n); eye(n)])"),
        ],
        "",
    );
    assert!(
        r.stdout.contains(r#""name":"z","value":true"#),
        "{}",
        r.stdout
    );
    gives_way(&r.stderr, "null", "200x200");
    for f in ["colspace", "rowspace", "leftnull"] {
        let r = run(&["-e", &format!("{x} B = {f}(X); s = size(B, 2)")], "");
        assert_eq!(r.status, 0, "{f}: {}", r.stderr);
        assert!(r.stdout.contains("s = 100"), "{f}: {}", r.stdout);
        gives_way(&r.stderr, f, "200x200");
    }
}

#[test]
fn eigenspace_over_budget_warns_and_falls_back_as_null() {
    // X = [C C; C C] has the eigenvalue 0 with the eigenspace null(X): priced
    // as null(X, 'r'), over the budget, so the same basis [-I; I] (free
    // variables 1) from the floating-point rref, with the warning.
    let r = run(
        &[
            "--json",
            "-e",
            &format!(
                "{WELL} X = [C C; C C]; E = eigenspace(X, 0); z = isequal(E, [-eye(n); eye(n)])"
            ),
        ],
        "",
    );
    assert!(
        r.stdout.contains(r#""name":"z","value":true"#),
        "{}",
        r.stdout
    );
    gives_way(&r.stderr, "eigenspace", "200x200");
    // Under the budget: exact, and no warning.
    let r = run(&["-e", "E = eigenspace([2 1; 1 2], 3), isexact(E)"], "");
    assert_eq!(r.stdout, "E =\n\n   1\n   1\n\nans = 1\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn qr_and_gramschmidt_of_an_exact_100x100_warn_when_they_switch() {
    // Both are priced as fraction-free elimination (no modular route):
    // over the budget at 100x100, so floating point, with the warning.
    for (call, what) in [
        ("[Q, R] = qr(C);", "qr"),
        ("Q = gramschmidt(C);", "gramschmidt"),
    ] {
        let r = run(
            &[
                "-e",
                &format!("{WELL} {call} e = norm(Q'*Q - eye(n)) < 1e-12"),
            ],
            "",
        );
        assert_eq!(r.status, 0, "{what}: {}", r.stderr);
        assert!(r.stdout.contains("e = 1"), "{what}: {}", r.stdout);
        gives_way(&r.stderr, what, "100x100");
    }
}

#[test]
fn the_cost_rule_keeps_a_30x30_charpoly_exact_and_gives_way_at_60x60() {
    // Berkowitz costs n^4 (9 + 0.02 limbs^2) ns, limbs = 1 + n*bits/64
    // (matrix.rs), with 6-bit entries: n = 30 is about 7.5e6 ns, n = 60
    // about 1.3e8 (over the 1e8 budget). The constant term of the
    // characteristic polynomial is (-1)^n det(A); for n = 30 the pivots
    // mod(k, 3) + 1 are ten each of 1, 2 and 3, so det = 6^10 = 60466176.
    let small = SETUP.replace("n = 100;", "n = 30;");
    let (p, err) = exact(&format!("{small} p = poly(A); c = [p(1) p(end)]"));
    assert_eq!(p, serde_json::json!([["1", "60466176"]]));
    no_float_switch(&err);
    let wide = SETUP.replace("n = 100;", "n = 60;");
    for (call, what) in [("p = poly(A);", "poly"), ("e = eig(A);", "eig")] {
        let r = run(&["-e", &format!("{wide} {call}")], "");
        assert_eq!(r.status, 0, "{}", r.stderr);
        gives_way(&r.stderr, what, "60x60");
    }
}

#[test]
fn poly_of_400_exact_roots_stays_exact_and_of_401_warns() {
    // prod (x - k), k = 1..n: the coefficient of x^(n-1) is -(1 + ... + n)
    // = -n(n+1)/2: -80200 for n = 400. Multiplying out 401 roots passes the
    // 400-entry limit of exact work on quadratic numbers: floats, warned.
    let (p, err) = exact("p = poly(1:400); c = p(2)");
    assert_eq!(p, serde_json::json!("-80200"));
    no_float_switch(&err);
    let r = run(&["-e", "p = poly(1:401);"], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    gives_way(&r.stderr, "poly", "1x401");
}

/// Element-wise work on an exact array of more than 10 000 entries costs
/// one operation per entry: it stays exact (1/3 + 1/6 = 1/2 and
/// 10001/3 + 1/6 = 20003/6; 10001^2 = 100020001). A matrix product of that
/// size gives way with the cost rule's warning, and a power whose
/// fractions would pass 4096 bits warns too: no silent switch.
#[test]
fn large_elementwise_work_stays_exact_and_every_switch_warns() {
    let r = eval("x = [1:5000, 5001:10001]; y = x / 3 + 1/6; w = x .* x; y(1), y(end), w(end)");
    assert_eq!(
        r.stdout, "ans = 1/2\nans = 20003/6\nans = 100020001\n",
        "{}",
        r.stderr
    );
    no_float_switch(&r.stderr);
    let r = eval("x = [1:5000, 5001:10001]; s = x * x';");
    gives_way(&r.stderr, "mtimes", "1x10001");
    // 3^5000 needs 7925 bits; power(x, k) warns as x .^ k does.
    for src in ["y = 3^5000;", "y = (1/3) .^ 5000;", "y = power(3, 5000);"] {
        let r = eval(src);
        assert!(
            r.stderr.contains("exact fractions grew past 4096 bits"),
            "{src}: {}",
            r.stderr
        );
    }
    let r = eval("A = [1 1; 0 1]^300;");
    assert!(
        r.stderr
            .contains("mpower: exact matrix powers go up to A^256"),
        "{}",
        r.stderr
    );
}
