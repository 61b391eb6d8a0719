//! Exact square roots and quadratic fields through the real binary: numbers
//! a + b*sqrt(d) (d = -1: a + bi), their arithmetic and elimination, exact
//! eigenvalues from quadratic factors, and `steps eig` past the rational
//! roots. Every expected value is derived by hand in the comments.

mod common;
use common::*;

fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    r.stdout
}

#[test]
fn square_roots_of_exact_numbers_are_exact() {
    // 8 = 2^2 * 2; sqrt(1/2) = 1/sqrt(2) (= sqrt(2)/2, shown as a unit vector's
    // entry is written); 9/4 is a square.
    assert_eq!(out("sqrt(8)"), "ans = 2*sqrt(2)\n");
    assert_eq!(out("sqrt(1/2)"), "ans = 1/sqrt(2)\n");
    assert_eq!(out("sqrt(1/2) == sqrt(2)/2"), "ans = 1\n");
    // sqrt(8)/3 = 2*sqrt(2)/3 is not n/sqrt(2) for an integer n (n = 4/3).
    assert_eq!(out("sqrt(8)/3"), "ans = 2*sqrt(2)/3\n");
    assert_eq!(out("sqrt(9/4)"), "ans = 3/2\n");
    assert_eq!(out("sqrt(-4)"), "ans = 2i\n");
    assert_eq!(out("sqrt(2)*sqrt(2) == 2"), "ans = 1\n");
    assert_eq!(out("sqrt(2)^2"), "ans = 2\n");
    // (1 + sqrt(2))^-1 = sqrt(2) - 1 (the norm of 1 + sqrt(2) is -1).
    assert_eq!(out("1/(1 + sqrt(2))"), "ans = -1 + sqrt(2)\n");
    // i^2 = -1 exactly.
    assert_eq!(out("z = sqrt(-1); z^2"), "ans = -1\n");
    // Decimals on request; sqrt(2) = 1.41421356237309504...
    assert_eq!(out("double(sqrt(2))"), "ans = 1.4142\n");
    assert_eq!(out("format long; sqrt(2)"), "ans = 1.414213562373095\n");
    assert_eq!(out("format short; sqrt(2)"), "ans = 1.4142\n");
}

#[test]
fn powers_in_a_quadratic_field_are_exact() {
    // (1 + sqrt(2))^2 = 3 + 2sqrt(2), ^3 = (3 + 2sqrt(2))(1 + sqrt(2)) =
    // 7 + 5sqrt(2), ^5 = (7 + 5sqrt(2))(3 + 2sqrt(2)) = 41 + 29sqrt(2);
    // (1 + sqrt(2))(sqrt(2) - 1) = 1, so ^-3 = (sqrt(2) - 1)^3 = 5sqrt(2) - 7.
    // Odd exponents need the multiply of every set bit, not just the last.
    assert_eq!(out("x = (1 + sqrt(2))^2"), "x = 3 + 2*sqrt(2)\n");
    assert_eq!(out("x = (1 + sqrt(2))^3"), "x = 7 + 5*sqrt(2)\n");
    assert_eq!(out("x = (1 + sqrt(2))^5"), "x = 41 + 29*sqrt(2)\n");
    assert_eq!(out("x = (1 + sqrt(2))^-3"), "x = -7 + 5*sqrt(2)\n");
    // i^3 = -i, i^6 = -1.
    assert_eq!(out("x = sqrt(-1)^3"), "x = -i\n");
    assert_eq!(out("x = sqrt(-1)^6"), "x = -1\n");
}

#[test]
fn comparisons_are_decided_exactly() {
    // 7 - 5*sqrt(2) = 7 - 7.0710... < 0; the golden ratio 1.6180... > 8/5.
    assert_eq!(out("7 - 5*sqrt(2) < 0"), "ans = 1\n");
    assert_eq!(out("(1 + sqrt(5))/2 > 1.6"), "ans = 1\n");
    assert_eq!(out("(1 + sqrt(5))/2 > 1.62"), "ans = 0\n");
    // phi^2 = phi + 1 exactly.
    assert_eq!(out("p = (1 + sqrt(5))/2; p^2 - p - 1"), "ans = 0\n");
}

#[test]
fn display_pastes_back_as_the_same_number() {
    let shown = out("e = eig([1 2; 3 4])");
    assert_eq!(shown, "e =\n\n   (5 + sqrt(33))/2\n   (5 - sqrt(33))/2\n\n");
    // The text typed back in is the eigenvalue exactly.
    assert_eq!(
        out("e = eig([1 2; 3 4]); e(1) == (5 + sqrt(33))/2 && e(2) == (5 - sqrt(33))/2"),
        "ans = 1\n"
    );
    assert_eq!(
        out("latex((5 + sqrt(33))/2)"),
        "\\frac{5 + \\sqrt{33}}{2}\n"
    );
}

#[test]
fn json_gives_numbers_and_the_exact_text() {
    let r = run(&["--json", "-e", "x = (5 + sqrt(33))/2"], "");
    let v: serde_json::Value = serde_json::from_str(r.stdout.trim()).expect("json");
    // (5 + 5.744562646538029)/2
    assert_eq!(v["value"].as_f64(), Some(5.372281323269014));
    assert_eq!(v["exact"], "(5 + sqrt(33))/2");
    let r = run(&["--json", "-e", "z = 1 + sqrt(-4)"], "");
    let v: serde_json::Value = serde_json::from_str(r.stdout.trim()).expect("json");
    assert_eq!(v["value"]["re"].as_f64(), Some(1.0));
    assert_eq!(v["value"]["im"].as_f64(), Some(2.0));
    assert_eq!(v["complex"], true);
    assert_eq!(v["exact"], "1 + 2i");
}

#[test]
fn elimination_over_a_quadratic_field() {
    // A = [1 r; r 3] with r = sqrt(2): det = 3 - 2 = 1, inv = [3 -r; -r 1],
    // A \ [1; 2] = inv * [1; 2] = [3 - 2r; 2 - r].
    let a = "A = [1 sqrt(2); sqrt(2) 3];";
    assert_eq!(out(&format!("{a} det(A)")), "ans = 1\n");
    assert_eq!(
        out(&format!("{a} inv(A)")),
        "ans =\n\n          3   -sqrt(2)\n   -sqrt(2)          1\n\n"
    );
    assert_eq!(
        out(&format!("{a} A \\ [1; 2]")),
        "ans =\n\n   3 - 2*sqrt(2)\n     2 - sqrt(2)\n\n"
    );
    assert_eq!(
        out(&format!("{a} A * inv(A) == eye(2)")),
        "ans =\n\n  1  1\n  1  1\n\n"
    );
    // [1 s; s 3] with s = sqrt(3) has rank 1: row 2 = s * row 1.
    assert_eq!(out("rank([1 sqrt(3); sqrt(3) 3])"), "ans = 1\n");
    assert_eq!(
        out("rref([1 sqrt(3); sqrt(3) 3])"),
        "ans =\n\n         1   sqrt(3)\n         0         0\n\n"
    );
    // Indexing, transpose and concatenation keep the field.
    assert_eq!(
        out(&format!("{a} B = [A; 1 0]'; B(2, 1)")),
        "ans = sqrt(2)\n"
    );
    // Two different fields: no exact home, so floating point (sqrt(2) + sqrt(3) = 3.1462...).
    assert_eq!(out("sqrt(2) + sqrt(3)"), "ans = 3.1463\n");
}

#[test]
fn eigenvalues_of_every_2x2_are_exact() {
    // Rotation by 90 degrees: λ^2 + 1 = 0, λ = ±i (imaginary part descending),
    // in columns as Octave 7.3 shows [i; -i].
    assert_eq!(out("eig([0 -1; 1 0])"), "ans =\n\n   0 + 1i\n   0 - 1i\n\n");
    // [2 1; 1 2]: rational 3 and 1 as before.
    assert_eq!(out("eig([2 1; 1 2])"), "ans =\n\n   3\n   1\n\n");
    // [1 -2; 1 3]: λ^2 - 4λ + 5, λ = 2 ± i.
    assert_eq!(out("eig([1 -2; 1 3])"), "ans =\n\n   2 + 1i\n   2 - 1i\n\n");
    // [1 1; 1 0]: λ^2 - λ - 1, the golden ratio and its conjugate.
    assert_eq!(
        out("eig([1 1; 1 0])"),
        "ans =\n\n   (1 + sqrt(5))/2\n   (1 - sqrt(5))/2\n\n"
    );
    // 3x3 with one rational and a quadratic pair: [2 0 0; 0 1 2; 0 3 4] has
    // 2 and (5 ± sqrt(33))/2 = 5.37, -0.37, sorted descending.
    assert_eq!(
        out("eig([2 0 0; 0 1 2; 0 3 4])"),
        "ans =\n\n   (5 + sqrt(33))/2\n                  2\n   (5 - sqrt(33))/2\n\n"
    );
}

#[test]
fn roots_are_exact_and_repeated_roots_repeat() {
    // (x - 1)^3 = x^3 - 3x^2 + 3x - 1.
    assert_eq!(out("roots([1 -3 3 -1])"), "ans =\n\n   1\n   1\n   1\n\n");
    // x^2 - 2.
    assert_eq!(
        out("roots([1 0 -2])"),
        "ans =\n\n    sqrt(2)\n   -sqrt(2)\n\n"
    );
    // (x - 1)(x^2 + 1) = x^3 - x^2 + x - 1: 1, i, -i.
    assert_eq!(
        out("roots([1 -1 1 -1])"),
        "ans =\n\n   1 + 0i\n   0 + 1i\n   0 - 1i\n\n"
    );
}

#[test]
fn irreducible_cubics_are_floating_point_with_a_note() {
    // The companion matrix of x^3 - 2: eigenvalues 2^(1/3) = 1.2599 and a
    // complex pair -0.6300 ± 1.0911i.
    let r = eval("e = eig([0 0 2; 1 0 0; 0 1 0])");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("note: x^3 - 2 has no linear or quadratic factor over the rationals"),
        "{}",
        r.stdout
    );
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    let (_, _, re) = matrix("e = real(eig(double([0 0 2; 1 0 0; 0 1 0])))");
    assert_close(
        &re,
        &[1.2599210498948732, -0.6299605249474366, -0.6299605249474366],
        1e-12,
    );
}

#[test]
fn eigenspace_takes_a_quadratic_eigenvalue() {
    // λ = (5 + r)/2, r = sqrt(33): A - λI row 1 is [1 - λ, 2], so
    // x1 = 2/(λ - 1) = 4/(3 + r) = (r - 3)/6 with x2 = 1; times 6: [r - 3; 6].
    assert_eq!(
        out("eigenspace([1 2; 3 4], (5 + sqrt(33))/2)"),
        "ans =\n\n   -3 + sqrt(33)\n               6\n\n"
    );
    // A v = λ v exactly for that vector.
    assert_eq!(
        out("A = [1 2; 3 4]; l = (5 + sqrt(33))/2; v = eigenspace(A, l); A*v == l*v"),
        "ans =\n\n  1\n  1\n\n"
    );
    // Rotation, λ = i: A - iI = [-i -1; 1 -i], x1 = i x2: [i; 1].
    assert_eq!(
        out("eigenspace([0 -1; 1 0], sqrt(-1))"),
        "ans =\n\n   0 + 1i\n   1 + 0i\n\n"
    );
}

#[test]
fn steps_eig_continues_with_the_quadratic_formula() {
    let s = out("steps eig([1 2; 3 4])");
    // det(A - λI) = (1 - λ)(4 - λ) - 6 = λ^2 - 5λ - 2: a = 1, b = -5, c = -2,
    // D = 25 + 8 = 33.
    for want in [
        "det(A - λI) = λ^2 - 5λ - 2",
        "discriminant D = b^2 - 4ac = (-5)^2 - 4*1*(-2) = 33",
        "λ = (-b ± sqrt(D))/(2a) = (5 ± sqrt(33))/2",
        "λ1 = (5 + sqrt(33))/2, λ2 = (5 - sqrt(33))/2",
        "λ = (5 + sqrt(33))/2 (algebraic multiplicity 1):",
        // 1 - λ = (-3 - sqrt(33))/2, whose inverse is -2(3 - sqrt(33))/(9 - 33)
        // = (3 - sqrt(33))/12; then R2 - 3*R1 clears the 3 below the pivot.
        "R1 <- ((3 - sqrt(33))/12)*R1\n    1  (3 - sqrt(33))/6\n",
        "R2 <- R2 - 3*R1\n",
        "R1 <- ((3 + sqrt(33))/12)*R1\n",
        "  [-3 + sqrt(33); 6]",
        "  [-3 - sqrt(33); 6]",
    ] {
        assert!(s.contains(want), "missing {want:?} in\n{s}");
    }
    assert!(
        s.ends_with("ans =\n\n   (5 + sqrt(33))/2\n   (5 - sqrt(33))/2\n\n"),
        "{s}"
    );
    // Complex pair: λ^2 + 1, D = -4, eigenvectors [i; 1] and [-i; 1].
    let s = out("steps eig([0 -1; 1 0])");
    for want in [
        "discriminant D = b^2 - 4ac = 0^2 - 4*1*1 = -4",
        "λ1 = i, λ2 = -i",
        // A - iI = [-i -1; 1 -i]: 1/(-i) = i scales R1 to [1 -i], and R2 - R1
        // (a coefficient of 1 is not written) clears it; for -i, 1/i = -i.
        "R1 <- (i)*R1\n",
        "R2 <- R2 - R1\n",
        "R1 <- -(i)*R1\n",
        "  [i; 1]",
        "  [-i; 1]",
    ] {
        assert!(s.contains(want), "missing {want:?} in\n{s}");
    }
    let t = out("latex steps eig([1 2; 3 4])");
    for want in [
        "\\frac{5 \\pm \\sqrt{33}}{2}",
        "R_{1} \\leftarrow \\left(\\frac{3 - \\sqrt{33}}{12}\\right)R_{1}}",
        "R_{2} \\leftarrow R_{2} - 3R_{1}}",
    ] {
        assert!(t.contains(want), "missing {want:?} in\n{t}");
    }
}

#[test]
fn sessions_keep_quadratic_numbers_exact() {
    let dir = std::env::temp_dir().join(format!("la-quad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let f = dir.join("q.la");
    let f = f.to_string_lossy();
    let src = format!("x = [sqrt(2)/3, 1 - sqrt(2)]; save('{f}'); clear; load('{f}'); x");
    // Columns are right-aligned to the widest entry (11 characters).
    assert_eq!(out(&src), "x =\n\n     sqrt(2)/3   1 - sqrt(2)\n\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_compares_numbers_of_one_field_exactly() {
    // [1 2; 3 4]: trace 5, det -2, so l^2 - 5l - 2 = 0 and l = (5 ± sqrt(33))/2.
    let right = |src: &str, note: &str| {
        let got = out(src);
        assert!(
            got.starts_with("✓ correct") && got.contains(note),
            "{src}: {got}"
        );
    };
    let wrong = |src: &str| {
        let got = out(src);
        assert!(got.starts_with("✗ not correct"), "{src}: {got}");
    };
    right(
        "check eig([1 2; 3 4]) = [(5-sqrt(33))/2; (5+sqrt(33))/2]",
        "any order",
    );
    right("check (5+sqrt(33))/2 = 5/2 + sqrt(33/4)", "");
    // Within 1e-8 as floats, yet not the number: exact sides must be equal.
    wrong("check (5+sqrt(33))/2 = (5+sqrt(33))/2 + 1e-10");
    wrong("check eig([1 2; 3 4]) = [(5-sqrt(33))/2; (5+sqrt(33))/2 + 1e-12]");
    // 665857/470832 is a convergent of sqrt(2): 665857^2 - 2*470832^2 = 1,
    // so it is off by about 1/(2*sqrt(2)*470832^2) ≈ 1.6e-12.
    wrong("check sqrt(2) = 665857/470832");
    // Typed decimals are rounded exactly: (5+sqrt(33))/2 = 5.37228132...
    right("check (5+sqrt(33))/2 = 5.3723", "rounded to 4 decimals");
    wrong("check (5+sqrt(33))/2 = 5.3722");
    // Gaussian rationals: (1+2i)/3 = 1/3 + 2/3 i rounds to 0.333 + 0.667i.
    right("check (1+2i)/3 = 0.333+0.667i", "rounded to 3 decimals");
    wrong("check (1+2i)/3 = 0.333+0.666i");
    // sqrt(-2) = 1.41421356...i lies in another field than 1.4142i: floats decide.
    right("check sqrt(-2) = 1.4142i", "rounded to 4 decimals");
}

#[test]
fn sums_and_products_stay_in_the_field() {
    // (1 + 2i) + (3 - i) = 4 + i; sqrt(2) + sqrt(8) = sqrt(2) + 2 sqrt(2).
    assert_eq!(out("sum([1+2i, 3-i])"), "ans = 4 + i\n");
    assert_eq!(out("sum([1+2i, 3-i]) == 4 + i"), "ans = 1\n");
    assert_eq!(out("sum(sqrt([2 8]))"), "ans = 3*sqrt(2)\n");
    // (1 + i)(1 - i) = 1 - i^2 = 2; sqrt(3)^2 / 2 = 3/2.
    assert_eq!(out("prod([1+i 1-i])"), "ans = 2\n");
    assert_eq!(out("prod([sqrt(3) sqrt(3) 1/2])"), "ans = 3/2\n");
    // Columns: [1+i; 2-3i; 1/2] runs to 1+i, 3-2i, 7/2-2i = (7 - 4i)/2.
    assert_eq!(
        out("cumsum([1+i; 2-3i; 1/2])"),
        "ans =\n\n        1 + i\n       3 - 2i\n   (7 - 4i)/2\n\n"
    );
    // sqrt(2), 2, 2 sqrt(2); rationals run exactly too: 1/2, 1/2 + 1/3 = 5/6.
    assert_eq!(
        out("cumprod([sqrt(2) sqrt(2) sqrt(2)])"),
        "ans =\n\n     sqrt(2)           2   2*sqrt(2)\n\n"
    );
    assert_eq!(out("cumsum([1/2 1/3])"), "ans =\n\n   1/2   5/6\n\n");
    assert_eq!(
        out("cumsum([1 2; 3 4], 2)"),
        "ans =\n\n   1   3\n   3   7\n\n"
    );
    // Diagonals 1 + sqrt(2) and (1 + i) + (2 - 3i) = 3 - 2i.
    assert_eq!(out("trace([1 sqrt(2); 0 sqrt(2)])"), "ans = 1 + sqrt(2)\n");
    assert_eq!(out("trace([1+i 0; 0 2-3i])"), "ans = 3 - 2i\n");
    // ((1 + i) + 2)/2 = (3 + i)/2; columns (sqrt(2) + 1)/2 and (0 + 2 sqrt(2))/2.
    assert_eq!(out("mean([1+i 2])"), "ans = (3 + i)/2\n");
    assert_eq!(
        out("mean([sqrt(2) 0; 1 sqrt(8)])"),
        "ans =\n\n   (1 + sqrt(2))/2           sqrt(2)\n\n"
    );
    // Different fields have no exact sum here: sqrt(2) + sqrt(3) = 3.1463 as
    // a float; sqrt of an exact complex number is exact when the root is
    // Gaussian: (2 + i)^2 = 3 + 4i.
    assert_eq!(out("sum([sqrt(2) sqrt(3)])"), "ans = 3.1463\n");
    assert_eq!(out("s = sqrt(3+4i); s == 2 + i"), "ans = 1\n");
    assert_eq!(out("sqrt(3+4i)"), "ans = 2 + i\n");
}

#[test]
fn notes_follow_the_display_and_a_semicolon_drops_them() {
    // A note belongs to the value it describes: `;` hides both, as do a
    // later statement and `check` (which shows only its verdict).
    for quiet in [
        "e = eig([0 0 2; 1 0 0; 0 1 0]);",
        "[V, D] = eig([0 0 2; 1 0 0; 0 1 0]);",
        "x = exact(sqrt(2));",
        "r = roots([1 0 0 0 -2]); y = 1;",
    ] {
        let r = eval(quiet);
        assert_eq!(r.status, 0, "{quiet}: {}", r.stderr);
        assert!(!r.stdout.contains("note:"), "{quiet}: {}", r.stdout);
    }
    let r = eval("r = roots([1 0 0 0 -2]); y = 1");
    assert_eq!(r.stdout.trim(), "y = 1", "{}", r.stdout);
    let r = eval("[V, D] = eig([0 0 2; 1 0 0; 0 1 0])");
    assert!(
        r.stdout.starts_with("note: V and D are floating point") && r.stdout.contains("\nV =\n"),
        "{}",
        r.stdout
    );
    let r = eval("check eig([0 0 2; 1 0 0; 0 1 0]) = [1; 2; 3]");
    assert!(!r.stdout.contains("note:"), "{}", r.stdout);
}

#[test]
fn sqrt_of_a_quadratic_number_is_exact_when_the_root_is_in_its_field() {
    // (1 + 2i)^2 = -3 + 4i, (1 + i)^2 = 2i, (1 - i)^2 = -2i, (1 - 2i)^2 =
    // -3 - 4i, (1 + sqrt(2))^2 = 3 + 2 sqrt(2); the principal root has a
    // positive real part (Octave: sqrt(-3-4i) = 1 - 2i).
    assert_eq!(
        out("sqrt(-3 + 4i), sqrt(2i), sqrt(-2i), sqrt(-3 - 4i), sqrt(-4), sqrt(3 + 2*sqrt(2))"),
        "ans = 1 + 2i\nans = 1 + i\nans = 1 - i\nans = 1 - 2i\nans = 2i\nans = 1 + sqrt(2)\n"
    );
    assert_eq!(
        out("sqrt([-3 + 4i, 4, -1])"),
        // Octave 7.3 lays out [1+2i, 2, i] so: parts in columns.
        "ans =\n\n   1 + 2i   2 + 0i   0 + 1i\n\n"
    );
    // 1 + i has norm 2, no rational square: the root is floating point
    // (sqrt(1 + i) = 1.0986841134678100 + 0.4550898605622274i).
    assert_eq!(
        out("r = sqrt(1 + i); abs(r - (1.09868411346781 + 0.455089860562227i)) < 1e-14, isreal(r)"),
        "ans = 1\nans = 0\n"
    );
    // A negative real quadratic number has an imaginary root: floats.
    assert_eq!(
        out("abs(sqrt(1 - sqrt(2)) - 0.643594252905583i) < 1e-14"),
        "ans = 1\n"
    );
}

#[test]
fn diff_of_quadratic_numbers_stays_exact() {
    // Differences of one field stay in it: [2 sqrt(2) - sqrt(2), 4 - 2 sqrt(2)].
    assert_eq!(
        out("d = diff([sqrt(2) 2*sqrt(2) 4]); d(1), d(2)"),
        "ans = sqrt(2)\nans = 4 - 2*sqrt(2)\n"
    );
    assert_eq!(out("diff([1 + 2i; 3 - i])"), "ans = 2 - 3i\n");
    // Two fields meet as floats: sqrt(3) - sqrt(2) = 0.31783724519578...
    assert_eq!(
        out("abs(diff([sqrt(2) sqrt(3)]) - 0.317837245195782) < 1e-14"),
        "ans = 1\n"
    );
}

#[test]
fn rounding_quadratic_numbers_is_decided_exactly() {
    // sqrt(2) = 1.414..., (1 + sqrt(5))/2 = 1.618...; halves never occur.
    assert_eq!(
        out("[floor(sqrt(2)), ceil(sqrt(2)), fix(-sqrt(2)), floor(-sqrt(2)), round(-sqrt(2)), round((1 + sqrt(5))/2)]"),
        "ans =\n\n   1   2  -1  -2  -1   2\n\n"
    );
    // (1 + sqrt(2))^30 = N - (sqrt(2) - 1)^30 with the integer N =
    // 304278004998 (a_n = 2 a_(n-1) + a_(n-2), a_0 = a_1 = 2) and
    // (sqrt(2) - 1)^30 = 3.3e-12, below the double's spacing at 3e11: only
    // an exact decision gives N - 1.
    assert_eq!(out("floor((1 + sqrt(2))^30)"), "ans = 304278004997\n");
    // Complex numbers round part by part: 1.5 + 2.5i, sqrt(-3) = 1.732...i.
    assert_eq!(
        out("floor(1.5 + 2.5i), round(1.5 + 2.5i), round(sqrt(-3)), isexact(round(sqrt(-3)))"),
        "ans = 1 + 2i\nans = 2 + 3i\nans = 2i\nans = 1\n"
    );
}

#[test]
fn dot_of_exact_vectors_stays_exact() {
    // conj(1)*3 + conj(2i)*4i = 3 + 8 = 11; 1/3*1/3 + 1/3*2/3 = 1/3;
    // sqrt(2)*sqrt(2) + 1*sqrt(2) = 2 + sqrt(2).
    assert_eq!(
        out("dot([1 2i], [3 4i]), dot([1/3 1/3], [1/3; 2/3]), dot([sqrt(2) 1], [sqrt(2) sqrt(2)])"),
        "ans = 11\nans = 1/3\nans = 2 + sqrt(2)\n"
    );
}

#[test]
fn max_min_and_sort_order_quadratic_numbers_exactly() {
    // sqrt(2) = 1.41421...: between 7/5 and 3/2; 3 - sqrt(3) = 1.27 < sqrt(3).
    assert_eq!(
        out("max([sqrt(2) 3/2 1]), min([sqrt(2) 7/5]), [m, k] = max([1 sqrt(3) 3-sqrt(3)])"),
        "ans = 3/2\nans = 7/5\nm = sqrt(3)\nk = 2\n"
    );
    assert_eq!(
        out("s = sort([sqrt(2) 1 -2*sqrt(2)]); s(1), s(3), t = sort([sqrt(2) 1], 'descend'); t(1)"),
        "ans = -2*sqrt(2)\nans = sqrt(2)\nans = sqrt(2)\n"
    );
    // (1 + sqrt(2))^30 = 304278004998 - 3.3e-12 rounds to the integer as a
    // double; the exact order still puts the integer first.
    assert_eq!(
        out("[m, k] = max([(1 + sqrt(2))^30, 304278004998]); k"),
        "k = 2\n"
    );
}

#[test]
fn rounding_is_exact_beyond_the_doubles() {
    // 10^20 + sqrt(2) = 100000000000000000001.414...: the double is 1e20.
    assert_eq!(
        out("floor(10^20 + sqrt(2)), ceil(10^20 - sqrt(2)), round(-10^20 - sqrt(2))"),
        "ans = 100000000000000000001\nans = 99999999999999999999\nans = -100000000000000000001\n"
    );
}

/// `r = EXPR` (with `x` and `z` below) is exact, of `want`'s size and equal
/// to it entry by entry, compared exactly; `want` is written by hand.
fn exact_is(expr: &str, want: &str) {
    let src = format!(
        "x = [1+sqrt(2), 3, -sqrt(2)]; z = [1+2i, 3-1i]; r = {expr}; w = {want}; \
         ok = [isexact(r), isequal(size(r), size(w)), all(r(:) == w(:))]"
    );
    assert_eq!(
        out(&src),
        "ok =\n\n  1  1  1\n\n",
        "{expr} should be {want}"
    );
}

#[test]
fn median_var_and_std_of_exact_input_are_exact() {
    // x sorted: -sqrt(2) < 1 + sqrt(2) (2.41) < 3. Columns of the matrix:
    // 0 < sqrt(2) < 2 and 1 < sqrt(2) < 3.
    exact_is("median(x)", "1 + sqrt(2)");
    exact_is("median([1 2 3 4])", "5/2");
    exact_is("median([sqrt(2) 1; 2 3; 0 sqrt(2)])", "[sqrt(2) sqrt(2)]");
    // mean(x) = 4/3; the squared deviations (sqrt(2) - 1/3)^2 = 19/9 -
    // 2*sqrt(2)/3, (5/3)^2 = 25/9, (sqrt(2) + 4/3)^2 = 34/9 + 8*sqrt(2)/3 sum to
    // 26/3 + 2*sqrt(2): over n - 1 = 2 and over n = 3.
    exact_is("var(x)", "13/3 + sqrt(2)");
    exact_is("var(x, 1)", "26/9 + 2*sqrt(2)/3");
    // mean 5/2, deviations -3/2 -1/2 1/2 3/2: squares sum to 5.
    exact_is("var([1 2 3 4])", "5/3");
    // var of [a b] is (b - a)^2/2: 2 and 9/2, roots sqrt(2) and 3/sqrt(2).
    exact_is("std([1 2; 3 5])", "[sqrt(2) 3/sqrt(2)]");
    // (2 + sqrt(2))^2/2 = 3 + 2*sqrt(2) = (1 + sqrt(2))^2: the root lies in
    // the field.
    exact_is("std([0, 2 + sqrt(2)])", "1 + sqrt(2)");
    assert_eq!(out("std([1 3])"), "ans = sqrt(2)\n");
    // sqrt(13/3 + sqrt(2)) = sqrt(5.74755...) = 2.39740...: its norm 169/9 - 2
    // is no square, so the root is not in Q(sqrt(2)): floating point.
    assert_eq!(
        out("x = [1+sqrt(2), 3, -sqrt(2)]; s = std(x), isexact(s)"),
        "s = 2.3974\nans = 0\n"
    );
}

#[test]
fn kron_and_cross_of_exact_input_are_exact() {
    // (1 + 2i)^2 = -3 + 4i, (1 + 2i)(3 - i) = 5 + 5i, (3 - i)^2 = 8 - 6i.
    exact_is("kron(z, z)", "[-3+4i, 5+5i, 5+5i, 8-6i]");
    exact_is(
        "kron(x, [1 2])",
        "[1+sqrt(2), 2+2*sqrt(2), 3, 6, -sqrt(2), -2*sqrt(2)]",
    );
    exact_is("kron([1/2 1], [1; 2])", "[1/2 1; 1 2]");
    // x = (a, b, c), y = (1, 0, 0): x × y = (0, c, -b).
    exact_is("cross(x, [1 0 0])", "[0, -sqrt(2), -3]");
    // (x2*3 - 2, 1 - 3*x1, 2*x1 - x2) with x1 = 1 + 2i, x2 = 3 - i.
    exact_is("cross([z 1], [1 2 3])", "[7-3i, -2-6i, -1+5i]");
    // (2*1 - 3*0, 3/2 - 1, 0 - 2/2).
    exact_is("cross([1 2 3], [1/2 0 1])", "[2, 1/2, -1]");
}

#[test]
fn norms_one_and_inf_of_real_exact_input_are_exact() {
    // |x| = (1 + sqrt(2), 3, sqrt(2)): sum 4 + 2*sqrt(2), largest 3 (2.41 <
    // 3), smallest sqrt(2). [x; x]: column sums 2 + 2*sqrt(2), 6, 2*sqrt(2)
    // (largest 6); each row sums to 4 + 2*sqrt(2).
    exact_is("norm(x, 1)", "4 + 2*sqrt(2)");
    exact_is("norm(x, Inf)", "3");
    exact_is("norm(x, -Inf)", "sqrt(2)");
    exact_is("norm([x; x], 1)", "6");
    exact_is("norm([x; x], Inf)", "4 + 2*sqrt(2)");
    exact_is("norm([1/2 -1], 1)", "3/2");
    // |1 + 2i| + |3 - i| = sqrt(5) + sqrt(10) and the 2-norm sqrt(14 +
    // 2*sqrt(2)) lie in no one quadratic field: floating point.
    assert_eq!(
        out("z = [1+2i, 3-1i]; x = [1+sqrt(2), 3, -sqrt(2)]; a = norm(z, 1), b = norm(x), isexact([a b])"),
        "a = 5.3983\nb = 4.1022\nans = 0\n"
    );
}

#[test]
fn remainders_and_polynomials_of_exact_input_are_exact() {
    // (1 + sqrt(2))/2 = 1.21 floors to 1: 1 + sqrt(2) - 2; -sqrt(2)/2 = -0.71
    // floors to -1 (mod: 2 - sqrt(2)) and truncates to 0 (rem: -sqrt(2)).
    exact_is("mod(x, 2)", "[-1 + sqrt(2), 1, 2 - sqrt(2)]");
    exact_is("rem(x, 2)", "[-1 + sqrt(2), 1, -sqrt(2)]");
    exact_is("mod(-7/2, 3)", "5/2");
    // (1 + sqrt(2))*4 + 3*2 - sqrt(2); (1 + 2i)*i + 3 - i = 1.
    exact_is("polyval(x, 2)", "10 + 3*sqrt(2)");
    exact_is("polyval(z, 1i)", "1");
    // (t - (1 + 2i))(t - (3 - i)) = t^2 - (4 + i)t + (5 + 5i).
    exact_is("poly(z)", "[1, -4-1i, 5+5i]");
}

#[test]
fn rearranging_exact_values_keeps_them_exact() {
    // The flips of a real quadratic vector were refused ("must be a number
    // or matrix"), those of Gaussian values went float.
    exact_is("fliplr(x)", "[-sqrt(2), 3, 1+sqrt(2)]");
    exact_is("rot90(x)", "[-sqrt(2); 3; 1+sqrt(2)]");
    exact_is("circshift(x, 1)", "[-sqrt(2), 1+sqrt(2), 3]");
    exact_is("flipud(z.')", "[3-1i; 1+2i]");
    exact_is("circshift(z, 1)", "[3-1i, 1+2i]");
    exact_is("reshape(z, 2, 1)", "[1+2i; 3-1i]");
    exact_is("repmat(z, 2, 1)", "[1+2i, 3-1i; 1+2i, 3-1i]");
    exact_is("transpose(z)", "[1+2i; 3-1i]");
    exact_is("ctranspose(z)", "[1-2i; 3+1i]");
    exact_is("cat(1, z, z)", "[z; z]");
    exact_is("horzcat(z, z)", "[1+2i, 3-1i, 1+2i, 3-1i]");
    exact_is("vertcat(z.', x(2))", "[1+2i; 3-1i; 3]");
    exact_is("blkdiag(z, 1)", "[1+2i, 3-1i, 0; 0, 0, 1]");
    // (1 + 2i)^2 = -3 + 4i, (3 - i)^2 = 8 - 6i.
    exact_is("hadamard(z, z)", "[-3+4i, 8-6i]");
    exact_is("power(z, 2)", "[-3+4i, 8-6i]");
}

#[test]
fn sums_means_and_traces_of_exact_input_stay_exact() {
    // mean(x) = 4/3, mean(z) = (4 + i)/2; running sums and products of z:
    // (1 + 2i)(3 - i) = 5 + 5i; trace([z; z]) = (1 + 2i) + (3 - i).
    exact_is("mean(x)", "4/3");
    exact_is("mean(z)", "2 + 1i/2");
    exact_is("cumsum(x)", "[1+sqrt(2), 4+sqrt(2), 4]");
    exact_is("cumsum(z)", "[1+2i, 4+1i]");
    exact_is("cumprod(z)", "[1+2i, 5+5i]");
    exact_is("prod(z)", "5+5i");
    exact_is("trace([z; z])", "4+1i");
}

#[test]
fn large_gaussian_arguments_switch_to_floats_with_the_cost_rule_warning() {
    // 420 entries of 1 + 2i (over the 400 of exact field work): the sum is
    // 420 + 840i in floating point, with the cost rule's warning; 400 stay
    // exact, with none.
    let r = eval("Z = (1+2i)*ones(21, 20); s = sum(Z(:)), isexact(s)");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "s =  420 + 840i\nans = 0\n");
    assert!(
        r.stderr.starts_with(
            "warning: sum: exact arithmetic would be too slow for this 420x1 input; using floating point\n"
        ),
        "{}",
        r.stderr
    );
    let r = eval("Z = (1+2i)*ones(20, 20); s = sum(Z(:)), isexact(s)");
    assert_eq!(r.stdout, "s = 400 + 800i\nans = 1\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn large_quadratic_matrices_switch_to_floats_with_the_cost_rule_warning() {
    // det(sqrt(2)*eye(21)) = sqrt(2)^21 = 1024*sqrt(2) = 1448.15...: 441
    // entries, so floating point, with the warning; 20x20 stays exact:
    // sqrt(2)^20 = 1024.
    let r = eval("d = det(sqrt(2)*eye(21)); isexact(d), abs(d - 1024*sqrt(2)) < 1e-9");
    assert_eq!(r.stdout, "ans = 0\nans = 1\n", "{}", r.stderr);
    assert!(
        r.stderr.starts_with(
            "warning: det: exact arithmetic would be too slow for this 21x21 input; using floating point\n"
        ),
        "{}",
        r.stderr
    );
    let r = eval("det(sqrt(2)*eye(20))");
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("ans = 1024\n", ""));
}

#[test]
fn a_kron_of_over_a_million_exact_entries_is_float_with_the_warning() {
    // 1001 x 1000 products: floating point, with the cost rule's warning;
    // the last entry is 1001*1000.
    let r = eval("K = kron((1:1001)', 1:1000); isexact(K), K(end, end)");
    assert_eq!(r.stdout, "ans = 0\nans = 1001000\n", "{}", r.stderr);
    assert!(
        r.stderr.starts_with(
            "warning: kron: exact arithmetic would be too slow for this 1001x1000 input; using floating point\n"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn only_the_any_field_built_ins_take_entries_of_several_fields() {
    // The eigenvector [1; -i]/sqrt(2) of the rotation: 1/sqrt(2) and
    // -i/sqrt(2) lie in no single quadratic field. isexact and latex take it
    // as it is; a computing built-in gets complex floats.
    assert_eq!(
        out(
            "[V, D] = eig([0 -1; 1 0]); v = V(:, 1).'; isexact(v), isexact(fliplr(v)), latex(v(2))"
        ),
        "ans = 1\nans = 0\n-\\frac{i}{\\sqrt{2}}\n"
    );
}

/// A Gaussian number times a rational root is one exact term, shown as
/// that product (i*sqrt(2), not 2i/sqrt(2)), and the text pastes back.
#[test]
fn gaussian_times_root_reads_as_the_product_typed() {
    assert_eq!(
        out("a = sqrt(2)*i, b = (1+i)*sqrt(3), c = -sqrt(8)*i, latex(b)"),
        "a = i*sqrt(2)\nb = (1 + i)*sqrt(3)\nc = -2i*sqrt(2)\n(1 + i)\\sqrt{3}\n"
    );
    // b^2 = (1 + i)^2 * 3 = 6i; pasting the shown text back gives b again
    assert_eq!(
        out("b = (1+i)*sqrt(3); b2 = b^2, same = isequal((1 + i)*sqrt(3), b), isexact(b)"),
        "b2 = 6i\nsame = 1\nans = 1\n"
    );
}
