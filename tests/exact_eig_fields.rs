//! `[V, D] = eig(A)` of exact A whose eigenvalues are exact but irrational
//! or complex, through the real binary: D exact in the eigenvalues' fields,
//! V's columns `v/sqrt(k)` with `v` over the field and `k = v'*v`. Every
//! expected column is derived by hand in the comments; the identities
//! (A*V = V*D, unit columns, the float `eig`'s columns and order, the
//! display pasted back as input) are checked on the doubles.

mod common;
use common::*;

fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    r.stdout
}

/// The displayed matrix `name` of `src` pasted back as a literal: the
/// column blocks of a wide display (` Column 1:` ...) joined row by row.
fn pasted(src: &str, name: &str) -> String {
    let text = out(&format!("{src}; {name}"));
    let body = text
        .strip_prefix(&format!("{name} =\n\n"))
        .unwrap_or_else(|| panic!("{text}"));
    let mut blocks: Vec<Vec<&str>> = vec![Vec::new()];
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        if line.starts_with(" Column") {
            blocks.push(Vec::new());
        } else if let Some(b) = blocks.last_mut() {
            b.push(line);
        }
    }
    blocks.retain(|b| !b.is_empty());
    let rows: Vec<String> = (0..blocks[0].len())
        .map(|i| blocks.iter().map(|b| b[i]).collect::<Vec<_>>().join(" "))
        .collect();
    format!("[{}]", rows.join("; "))
}

/// The identities every exact `[V, D]` must meet, on the doubles: A*V =
/// V*D, unit columns, the float eig's V and D (same order, same sign
/// rule), class double, and the display of V pasted back.
fn check_identities(a: &str) {
    let src = format!("A = {a}; [V, D] = eig(A)");
    let w = pasted(&src, "V");
    let d = pasted(&src, "D");
    let checks = format!(
        "{src}; [W, E] = eig(double(A)); \
         disp(norm(double(A)*double(V) - double(V)*double(D)) < 1e-12); \
         disp(max(abs(sqrt(sum(abs(double(V)).^2)) - 1)) < 1e-14); \
         disp(norm(double(V) - W) < 1e-12); disp(norm(double(D) - E) < 1e-12); \
         disp(strcmp(class(V), 'double')); \
         P = {w}; disp(max(max(abs(P - double(V)))) < 1e-14); \
         Q = {d}; disp(max(max(abs(Q - double(D)))) < 1e-14)"
    );
    assert_eq!(out(&checks), "1\n".repeat(7), "{a}: {checks}");
}

#[test]
fn irrational_eigenvalues_of_a_2x2_give_exact_unit_columns() {
    // [1 2; 3 4]: lambda = (5 ± sqrt(33))/2. Row 1 of A - lambda I gives
    // v = [2; lambda - 1]; for lambda+ that is [2; (3 + sqrt(33))/2], as
    // small integers [-3 + sqrt(33); 6] (times (sqrt(33) - 3)/12 ... same
    // line): the entry 6 is the larger, so the sign stays; k = (33 - 6
    // sqrt(33) + 9) + 36 = 78 - 6 sqrt(33). For lambda-: [-3 - sqrt(33); 6],
    // the first entry (about -8.7) is the larger and negative: flipped to
    // [3 + sqrt(33); -6], k = 78 + 6 sqrt(33).
    let r = out("[V, D] = eig([1 2; 3 4]); V(1, 1), V(2, 1), V(1, 2), V(2, 2)");
    assert_eq!(
        r,
        "ans = (-3 + sqrt(33))/sqrt(78 - 6*sqrt(33))\n\
         ans = 6/sqrt(78 - 6*sqrt(33))\n\
         ans = (3 + sqrt(33))/sqrt(78 + 6*sqrt(33))\n\
         ans = -6/sqrt(78 + 6*sqrt(33))\n"
    );
    assert_eq!(
        out("[V, D] = eig([1 2; 3 4]); D"),
        "D =\n\n   (5 + sqrt(33))/2                  0\n                  0   (5 - sqrt(33))/2\n\n"
    );
    // Floats of the first column: k = 78 - 34.4673... = 43.5326...,
    // entries 2.74456.../6.59792... and 6/6.59792...
    let (_, _, v) = matrix("[V, D] = eig([1 2; 3 4]); double(V(:, 1))");
    assert_close(&v, &[0.415973557919284, 0.909376709132124], 1e-14);
    check_identities("[1 2; 3 4]");
    // No note: nothing here is floating point.
    assert!(!out("[V, D] = eig([1 2; 3 4])").contains("note:"));
}

#[test]
fn rotations_give_gaussian_columns_over_sqrt_of_a_rational() {
    // [0 -1; 1 0]: lambda = i first (imaginary part descending). Row 1 of
    // A - iI: -i x - y = 0, v = [1; -i] up to a factor; the first entry is
    // the largest (a tie) and made real positive; k = v'*v = 2.
    // D in columns as Octave 7.3 shows [i 0; 0 -i].
    assert_eq!(
        out("[V, D] = eig([0 -1; 1 0]); V, D"),
        "V =\n\n    1/sqrt(2)    1/sqrt(2)\n   -i/sqrt(2)    i/sqrt(2)\n\n\
         D =\n\n   0 + 1i   0 + 0i\n   0 + 0i   0 - 1i\n\n"
    );
    check_identities("[0 -1; 1 0]");
    // Held exactly, unlike its double.
    assert_eq!(
        out("[V, D] = eig([0 -1; 1 0]); isexact(V), isexact(double(V))"),
        "ans = 1\nans = 0\n"
    );
    // [1 1; -1 1]: lambda = 1 ± i; -i x + y = 0 gives v = [1; i] for 1 + i.
    assert_eq!(
        out("[V, D] = eig([1 1; -1 1]); V"),
        "V =\n\n    1/sqrt(2)    1/sqrt(2)\n    i/sqrt(2)   -i/sqrt(2)\n\n"
    );
    check_identities("[1 1; -1 1]");
}

#[test]
fn a_3x3_with_a_rational_eigenvalue_and_a_quadratic_pair() {
    // [1 2 0; 3 4 0; 1 1 3] is block lower triangular: lambda = 3 and
    // (5 ± sqrt(33))/2, sorted (5 + sqrt(33))/2 > 3 > (5 - sqrt(33))/2.
    // lambda = 3: rows 1-2 force v1 = v2 = 0, v = [0; 0; 1].
    // lambda+: with v3 = 1 (the free variable), rows 1-2 give v1, v2 in the
    // ratio of [1 2; 3 4]'s eigenvector [-3 + sqrt(33); 6] and row 3 gives
    // v1 + v2 = (lambda - 3) v3: v = [-5 + sqrt(33); (9 - sqrt(33))/2; 1],
    // as small integers [-10 + 2 sqrt(33); 9 - sqrt(33); 2]. Check: row 1,
    // v1 + 2 v2 = 8 = lambda v1; row 2, 3 v1 + 4 v2 = 6 + 2 sqrt(33) =
    // lambda v2; row 3, v1 + v2 + 3 v3 = 5 + sqrt(33) = lambda v3. The entry
    // 9 - sqrt(33) = 3.26 is the largest and positive; k = (232 - 40 sqrt(33))
    // + (114 - 18 sqrt(33)) + 4 = 350 - 58 sqrt(33).
    // lambda-: the conjugate [-10 - 2 sqrt(33); 9 + sqrt(33); 2], whose first
    // entry (about -21.5) is the largest: flipped; k = 350 + 58 sqrt(33).
    let r = out("[V, D] = eig([1 2 0; 3 4 0; 1 1 3]); V(:, 1), V(:, 2), V(:, 3)");
    let k1 = "sqrt(350 - 58*sqrt(33))";
    let k3 = "sqrt(350 + 58*sqrt(33))";
    let col = |entries: [&str; 3]| {
        let w = entries.iter().map(|e| e.len()).max().unwrap_or(0);
        let rows: String = entries.iter().map(|e| format!("   {e:>w$}\n")).collect();
        format!("ans =\n\n{rows}\n")
    };
    let want = col([
        &format!("(-10 + 2*sqrt(33))/{k1}"),
        &format!("(9 - sqrt(33))/{k1}"),
        &format!("2/{k1}"),
    ]) + &col(["0", "0", "1"])
        + &col([
            &format!("(10 + 2*sqrt(33))/{k3}"),
            &format!("(-9 - sqrt(33))/{k3}"),
            &format!("-2/{k3}"),
        ]);
    assert_eq!(r, want);
    assert_eq!(
        out("[V, D] = eig([1 2 0; 3 4 0; 1 1 3]); diag(D)"),
        "ans =\n\n   (5 + sqrt(33))/2\n                  3\n   (5 - sqrt(33))/2\n\n"
    );
    check_identities("[1 2 0; 3 4 0; 1 1 3]");
}

#[test]
fn a_3x3_with_a_complex_pair() {
    // [1 -1 0; 1 1 0; 1 0 2]: lambda = 2 (v = [0; 0; 1]: rows 1-2 force
    // v1 = v2 = 0) and 1 ± i. For 1 + i: row 1, -i v1 - v2 = 0, v2 = -i v1;
    // row 3, v1 + (1 - i) v3 = 0, v3 = -v1 (1 + i)/2; v1 = 2 gives
    // [2; -2i; -1 - i], first entry the largest (|2| = |-2i|, the first
    // wins) and real positive; k = 4 + 4 + 2 = 10. (The free variable
    // v3 = 1 gives [-1 + i; 1 + i; 1], turned by conj(-1 + i): the same.)
    assert_eq!(
        out("[V, D] = eig([1 -1 0; 1 1 0; 1 0 2]); V"),
        "V =\n\n                   0          2/sqrt(10)          2/sqrt(10)\n\
         \x20                  0        -2i/sqrt(10)         2i/sqrt(10)\n\
         \x20                  1   (-1 - i)/sqrt(10)   (-1 + i)/sqrt(10)\n\n"
    );
    check_identities("[1 -1 0; 1 1 0; 1 0 2]");
}

#[test]
fn exact_unit_columns_render_in_latex_and_compute_as_doubles() {
    assert_eq!(
        out("[V, D] = eig([0 -1; 1 0]); latex(V)"),
        "\\begin{bmatrix} \\frac{1}{\\sqrt{2}} & \\frac{1}{\\sqrt{2}} \\\\ -\\frac{i}{\\sqrt{2}} & \\frac{i}{\\sqrt{2}} \\end{bmatrix}\n"
    );
    assert_eq!(
        out("[V, D] = eig([1 2; 3 4]); latex(V(2, 2))"),
        "-\\frac{6}{\\sqrt{78 + 6\\sqrt{33}}}\n"
    );
    // Arithmetic with them is floating point (v'*v has no field to live in),
    // a rational factor and transposition keep the form.
    let r = out(
        "[V, D] = eig([1 2; 3 4]); 2*V(2, 1), W = V'; W(1, 2), abs(V(:, 1)'*V(:, 1) - 1) < 1e-14",
    );
    assert_eq!(
        r,
        "ans = 12/sqrt(78 - 6*sqrt(33))\nans = 6/sqrt(78 - 6*sqrt(33))\nans = 1\n"
    );
}

#[test]
fn a_repeated_irrational_eigenvalue_gives_float_v_with_a_note() {
    // Two blocks [0 2; 1 0] (characteristic polynomial l^2 - 2): sqrt(2) and
    // -sqrt(2), each twice. D stays exact; V is floating point, and says so.
    let a = "A = [0 2 0 0; 1 0 0 0; 0 0 0 2; 0 0 1 0]";
    let text = out(&format!(
        "{a}; [V, D] = eig(A); ok = [isexact(D), ~isexact(V)], \
         same = all(all(D == diag([sqrt(2) sqrt(2) -sqrt(2) -sqrt(2)]))), \
         r = norm(A*V - V*double(D)) < 1e-12, [V, D] = eig(A);"
    ));
    assert!(
        text.starts_with("ok =\n\n  1  1\n\nsame = 1\nr = 1\n"),
        "{text}"
    );
    let r = eval(&format!("{a}; [V, D] = eig(A)"));
    assert!(
        r.stdout.starts_with(
            "note: V is floating point: an irrational or complex eigenvalue is repeated, and its eigenvectors are not made exact; D is exact, and eigenspace(A, lambda) gives an exact basis for that eigenvalue\nV =\n"
        ),
        "{}",
        r.stdout
    );
    // A simple irrational eigenvalue keeps V exact, with no note.
    let r = eval("[V, D] = eig([0 2; 1 0])");
    assert!(!r.stdout.contains("note:"), "{}", r.stdout);
}

/// `disp` of each check after `A = a; [V, D] = eig(A)`, one line each.
fn checks(a: &str, tests: &[&str]) -> String {
    let body: String = tests.iter().map(|t| format!("disp({t}); ")).collect();
    out(&format!("A = {a}; [V, D] = eig(A); {body}"))
}

#[test]
fn unit_columns_of_normal_matrices_are_exactly_orthonormal() {
    // Symmetric (and the rotation, a normal matrix): V'*V = I and A*V = V*D
    // hold as identities of the exact numbers, so both come out exact.
    // [1 1 0; 1 2 0; 0 0 3] has 3 and the pair (3 ± sqrt(5))/2.
    for a in [
        "[1 2; 2 3]",
        "[2 1; 1 2]",
        "[1 1 0; 1 2 0; 0 0 3]",
        "[0 -1; 1 0]",
        "[1 1; -1 1]",
    ] {
        let r = checks(
            a,
            &[
                "isequal(V'*V, eye(rows(A)))",
                "isexact(V'*V)",
                "isequal(A*V, V*D)",
                "all(all(A*V == V*D))",
                "isexact(A*V - V*D) && ~any(any(A*V - V*D))",
            ],
        );
        assert_eq!(r, "1\n".repeat(5), "{a}");
    }
}

#[test]
fn a_non_symmetric_matrix_meets_av_equals_vd_exactly() {
    // [1 2; 3 4]: columns x/sqrt(k) with x1 = [-3 + sqrt(33); 6], k1 = 78 -
    // 6 sqrt(33), x2 = [3 + sqrt(33); -6], k2 = 78 + 6 sqrt(33) (see above).
    // (V'*V)(1,2) = (x1'x2)/sqrt(k1 k2) = (24 - 36)/sqrt(4896) =
    // -12/(12 sqrt(34)) = -1/sqrt(34); the diagonal is 1.
    let r = checks(
        "[1 2; 3 4]",
        &[
            "isequal(A*V, V*D)",
            "isexact(A*V - V*D) && ~any(any(A*V - V*D))",
            "isexact(V'*V)",
            "isequal(V'*V, [1, -1/sqrt(34); -1/sqrt(34), 1])",
        ],
    );
    assert_eq!(r, "1\n".repeat(4));
}

#[test]
fn powers_and_quotients_of_entries_are_exact() {
    // [1 2; 2 3]: V(2,1) = 2/sqrt(10 - 2 sqrt(5)), so V(2,1)^2 =
    // 4/(10 - 2 sqrt(5)) = 4 (10 + 2 sqrt(5))/80 = (5 + sqrt(5))/10;
    // V(1,1)/V(2,1) = (-1 + sqrt(5))/2 (same k); V(1,1)^-2 = k/x^2 =
    // (10 - 2 sqrt(5))/(6 - 2 sqrt(5)) = (40 + 8 sqrt(5))/16.
    assert_eq!(
        out("[V, D] = eig([1 2; 2 3]); V(2,1)^2, V(1,1)/V(2,1), V(1,1)^-2"),
        "ans = (5 + sqrt(5))/10\nans = (-1 + sqrt(5))/2\nans = (5 + sqrt(5))/2\n"
    );
    // [1 2; 3 4]: V(2,1)^2 = 36/(78 - 6 sqrt(33)) = 36 (78 + 6 sqrt(33))/4896.
    assert_eq!(
        out("[V, D] = eig([1 2; 3 4]); V(2,1).^2"),
        "ans = (39 + 3*sqrt(33))/68\n"
    );
    // [0 -1; 1 0]: V = [1 1; -i i]/sqrt(2) up to the sign rule: V(2,1)^2 =
    // -1/2 and V(1,1)/V(2,1) = 1/(-i) = i.
    assert_eq!(
        out("[V, D] = eig([0 -1; 1 0]); V(2,1)^2, V(1,1)/V(2,1)"),
        "ans = -1/2\nans = i\n"
    );
}

#[test]
fn sums_stay_one_term_when_their_roots_differ_by_a_square() {
    // [1 2; 2 3]: k2/k1 = (10 + 2 sqrt(5))/(10 - 2 sqrt(5)) = (3 + sqrt(5))/2
    // = ((1 + sqrt(5))/2)^2, so V(1,2) = (1 + sqrt(5))/((1 + sqrt(5))/2
    // sqrt(k1)) = 2/sqrt(k1) and V(1,1) + V(1,2) = (1 + sqrt(5))/sqrt(k1).
    assert_eq!(
        out("[V, D] = eig([1 2; 2 3]); V(1,1) + V(1,2)"),
        "ans = (1 + sqrt(5))/sqrt(10 - 2*sqrt(5))\n"
    );
}

#[test]
fn sums_of_several_terms_are_the_right_doubles() {
    // [1 2; 3 4]: k1 k2 = 4896 = 144*34, no square in Q(sqrt(33)): the sum
    // of the two entries is no single term; the doubles of the hand formula.
    let r = checks(
        "[1 2; 3 4]",
        &[
            "isexact(V(1,1) + V(1,2))",
            "abs((V(1,1) + V(1,2)) - ((-3 + sqrt(double(33)))/sqrt(78 - 6*sqrt(double(33))) + (3 + sqrt(double(33)))/sqrt(78 + 6*sqrt(double(33))))) < 1e-14",
            "isexact(V(2,1) + 1)",
            "abs(V(2,1) + 1 - (6/sqrt(78 - 6*sqrt(double(33))) + 1)) < 1e-14",
        ],
    );
    assert_eq!(r, "0\n1\n0\n1\n");
    // [1 2; 2 3]: V(2,1) + 1 = 2/sqrt(10 - 2 sqrt(5)) + 1 (k no square).
    let r = checks(
        "[1 2; 2 3]",
        &[
            "isexact(V(2,1) + 1)",
            "abs(V(2,1) + 1 - (2/sqrt(10 - 2*sqrt(double(5))) + 1)) < 1e-14",
        ],
    );
    assert_eq!(r, "0\n1\n");
}
