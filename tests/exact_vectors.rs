//! Exact unit vectors `v/sqrt(k)` through the real binary: the eigenvectors
//! of `[V, D] = eig(A)`, Gram-Schmidt and `qr` of exact input, and exact
//! Gaussian rationals from complex literals. Every expected value is derived
//! by hand in the comments.

mod common;
use common::*;

fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    r.stdout
}

#[test]
fn eigenvectors_of_rational_simple_eigenvalues_are_exact() {
    // [2 1; 1 2]: lambda = 3, 1. A - 3I = [-1 1; 1 -1] -> v = [1; 1], |v|^2 = 2;
    // A - I = [1 1; 1 1] -> v = [1; -1] (first largest entry positive).
    assert_eq!(
        out("[V, D] = eig([2 1; 1 2])"),
        "V =\n\n    1/sqrt(2)    1/sqrt(2)\n    1/sqrt(2)   -1/sqrt(2)\n\n\
         D =\n\n   3   0\n   0   1\n\n"
    );
    // The display pastes back as the same value; V is orthogonal exactly.
    assert_eq!(
        out("[V, D] = eig([2 1; 1 2]); all(all(V == [1/sqrt(2) 1/sqrt(2); 1/sqrt(2) -1/sqrt(2)]))"),
        "ans = 1\n"
    );
    assert_eq!(
        out("[V, D] = eig([2 1; 1 2]); V'*V"),
        "ans =\n\n   1   0\n   0   1\n\n"
    );
    // 1/sqrt(2) = 0.70710678118654752...
    let (_, _, v) = matrix("[V, D] = eig([2 1; 1 2]); x = double(V)");
    let h = 0.5f64.sqrt();
    assert_close(&v, &[h, h, h, -h], 1e-15);
    assert_eq!(
        out("[V, D] = eig([2 1; 1 2]); latex(V)"),
        "\\begin{bmatrix} \\frac{1}{\\sqrt{2}} & \\frac{1}{\\sqrt{2}} \\\\ \\frac{1}{\\sqrt{2}} & -\\frac{1}{\\sqrt{2}} \\end{bmatrix}\n"
    );
}

#[test]
fn columns_of_different_fields_stay_exact() {
    // A = [1 1 1; 0 2 1; 0 0 3]: lambda = 3: A - 3I = [-2 1 1; 0 -1 1; 0 0 0]
    // -> [1; 1; 1]/sqrt(3); lambda = 2: [-1 1 1; 0 0 1; 0 0 -1] -> [1; 1; 0]/sqrt(2);
    // lambda = 1 -> [1; 0; 0].
    let a = "A = [1 1 1; 0 2 1; 0 0 3]; [V, D] = eig(A);";
    assert_eq!(
        out(&format!("{a} V")),
        "V =\n\n   1/sqrt(3)   1/sqrt(2)           1\n   1/sqrt(3)   1/sqrt(2)           0\n   1/sqrt(3)           0           0\n\n"
    );
    // V'*V: q1.q2 = 2/(sqrt(3) sqrt(2)) = 2/sqrt(6), q1.q3 = 1/sqrt(3),
    // q2.q3 = 1/sqrt(2): products of different fields, each in one field.
    assert_eq!(
        out(&format!("{a} V'*V")),
        "ans =\n\n           1   2/sqrt(6)   1/sqrt(3)\n   2/sqrt(6)           1   1/sqrt(2)\n   1/sqrt(3)   1/sqrt(2)           1\n\n"
    );
    assert_eq!(
        out(&format!("{a} A*V - V*D")),
        "ans =\n\n   0   0   0\n   0   0   0\n   0   0   0\n\n"
    );
    // Each entry squared stays in its own field (rational here).
    assert_eq!(
        out(&format!("{a} V(:, 1:2).^2")),
        "ans =\n\n   1/3   1/2\n   1/3   1/2\n   1/3     0\n\n"
    );
    // A sum across two fields has no exact form: floating point.
    assert_eq!(out(&format!("{a} V(1, 1) + V(1, 2)")), "ans = 1.2845\n");
    // Session files keep every entry's field.
    let dir = std::env::temp_dir().join(format!("la_exact_vectors_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("v.la");
    let f = f.to_str().unwrap();
    assert_eq!(
        out(&format!(
            "{a} W = V; save('{f}', 'V'); clear V; load('{f}'); all(all(V == W))"
        )),
        "ans = 1\n"
    );
}

#[test]
fn eigenvalues_without_exact_form_keep_float_vectors() {
    // x^3 - 2 has no rational or quadratic factor: a note says why V is
    // floating point.
    let r = eval("[V, D] = eig([0 0 2; 1 0 0; 0 1 0])");
    assert_eq!(r.status, 0);
    assert!(
        r.stdout.contains("note: V and D are floating point"),
        "{}",
        r.stdout
    );
    // One output: no note, exact eigenvalues.
    assert_eq!(
        out("eig([1 2; 3 4])"),
        "ans =\n\n   (5 + sqrt(33))/2\n   (5 - sqrt(33))/2\n\n"
    );
}

#[test]
fn gram_schmidt_of_exact_input_is_exact() {
    // a1 = [1;1;0], a2 = [1;0;1], a3 = [2;1;1] = a1 + a2 (dropped).
    // v1 = a1, |v1|^2 = 2; v2 = a2 - (1/2) v1 = [1/2; -1/2; 1], |v2|^2 = 3/2,
    // q2 = [1; -1; 2]/sqrt(6). R = Q'A: row 1 = [2 1 3]/sqrt(2), row 2 =
    // [0 3 3]/sqrt(6). Entries of size 1 or more read as a textbook writes
    // them, rationalised: 3/sqrt(2) = 3*sqrt(2)/2, 3/sqrt(6) = sqrt(6)/2.
    let r = eval("[Q, R] = gramschmidt([1 1 2; 1 0 1; 0 1 1])");
    assert_eq!(r.status, 0);
    assert!(r.stderr.contains("dropped column 3"), "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "Q =\n\n    1/sqrt(2)    1/sqrt(6)\n    1/sqrt(2)   -1/sqrt(6)\n            0    2/sqrt(6)\n\n\
         R =\n\n       sqrt(2)     1/sqrt(2)   3*sqrt(2)/2\n             0     sqrt(6)/2     sqrt(6)/2\n\n"
    );
    assert_eq!(
        out("A = [1 1 2; 1 0 1; 0 1 1]; [Q, R] = gramschmidt(A); all(all(Q*R == A))"),
        "ans = 1\n"
    );
    let t = out("steps gramschmidt([1 1 2; 1 0 1; 0 1 1])");
    assert!(
        t.contains("v2 = a2 - (1/2)*v1 = [1/2; -1/2; 1]   (||v2||^2 = 3/2)\n"),
        "{t}"
    );
    assert!(t.contains("q1 = v1/||v1|| = [1; 1; 0]/sqrt(2)\n"), "{t}");
    assert!(t.contains("q2 = v2/||v2|| = [1; -1; 2]/sqrt(6)\n"), "{t}");
    assert!(t.contains("ans =\n\n    1/sqrt(2)    1/sqrt(6)\n"), "{t}");
    // [3; 4] has norm 5: rational unit vectors, q = [3; 4]/5.
    let t = out("steps gramschmidt([3; 4])");
    assert!(t.contains("q1 = v1/||v1|| = [3; 4]/5\n"), "{t}");
    let t = out("latex steps gramschmidt([1 1; 1 0])");
    assert!(t.contains("q_{1} &= \\frac{v_{1}}{\\|v_{1}\\|} = \\frac{1}{\\sqrt{2}} \\begin{bmatrix} 1 \\\\ 1 \\end{bmatrix}"), "{t}");
}

#[test]
fn qr_of_exact_input_is_exact_with_householder_signs() {
    // [3 0; 4 5]: q1 = -[3; 4]/5 (R(1,1) = -5 as Octave's Householder gives),
    // v2 = [0; 5] - (4/5)[3; 4] = [-12/5; 9/5] -> q2 = [-4; 3]/5, R(2,2) = 3.
    assert_eq!(
        out("[Q, R] = qr([3 0; 4 5])"),
        "Q =\n\n   -3/5   -4/5\n   -4/5    3/5\n\nR =\n\n  -5  -4\n   0   3\n\n"
    );
    // [1 2; 3 4] (Octave: R = [-3.1623 -4.4272; 0 -0.6325]): q1 = -[1; 3]/sqrt(10),
    // R(1,2) = -(2 + 12)/sqrt(10); v2 = [3/5; -1/5] -> q2 = [-3; 1]/sqrt(10),
    // R(2,2) = -(6 - 4)/sqrt(10).
    assert_eq!(
        out("R = qr([1 2; 3 4]); R == [-sqrt(10) -14/sqrt(10); 0 -2/sqrt(10)]"),
        "ans =\n\n  1  1\n  1  1\n\n"
    );
    assert_eq!(
        out("A = [1 2; 3 4]; [Q, R] = qr(A); all(all(Q*R == A)), all(all(Q'*Q == eye(2)))"),
        "ans = 1\nans = 1\n"
    );
}

#[test]
fn complex_literals_with_rational_parts_are_exact() {
    // det = 1*1 - (2i)(-2i) = 1 + 4i^2 = -3; inv = [1 -2i; 2i 1]/(-3).
    assert_eq!(out("det([1 2i; -2i 1])"), "ans = -3\n");
    assert_eq!(
        out("inv([1 2i; -2i 1])"),
        "ans =\n\n    -1/3    2i/3\n   -2i/3    -1/3\n\n"
    );
    // Hermitian: lambda^2 - 2 lambda - 3 = (lambda - 3)(lambda + 1).
    assert_eq!(out("eig([1 2i; -2i 1])"), "ans =\n\n   3\n  -1\n\n");
    assert_eq!(out("z = 3 + 4i"), "z = 3 + 4i\n");
    assert_eq!(out("abs(3 + 4i)"), "ans = 5\n");
    assert_eq!(out("conj(3 + 4i)"), "ans = 3 - 4i\n");
    assert_eq!(out("(3 + 4i)'"), "ans = 3 - 4i\n");
    assert_eq!(out("[real(3 + 4i), imag(3 + 4i)]"), "ans =\n\n   3   4\n\n");
    assert_eq!(out("i^2"), "ans = -1\n");
    assert_eq!(out("1i"), "ans = i\n");
    assert_eq!(out("(3 + 4i) > 2"), "ans = 1\n");
    // 1.5 + 2.5i = (3 + 5i)/2 exactly.
    assert_eq!(out("1.5 + 2.5i"), "ans = (3 + 5i)/2\n");
    // A float mixing in gives floating point.
    assert_eq!(out("pi + 2i"), "ans =  3.1416 + 2.0000i\n");
    let j = json("z = 3 + 4i");
    assert_eq!(j[0].1["im"], 4);
    assert_eq!(j[0].1["re"], 3);
    let dir = std::env::temp_dir().join(format!("la_gauss_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("z.la");
    let f = f.to_str().unwrap();
    assert_eq!(
        out(&format!(
            "A = [1 2i; -2i 1]; save('{f}', 'A'); clear A; load('{f}'); A(1, 2) == 2i"
        )),
        "ans = 1\n"
    );
}

#[test]
fn repeated_eigenvalues_get_an_orthonormal_exact_basis() {
    // 2I: every vector is an eigenvector; eigenspace's basis is e1, e2 (as Octave).
    assert_eq!(
        out("[V, D] = eig([2 0; 0 2])"),
        "V =\n\n   1   0\n   0   1\n\nD =\n\n   2   0\n   0   2\n\n"
    );
    // [2 1 0; 1 2 0; 0 0 3]: lambda = 3 twice, null(A - 3I) = span([1;1;0], [0;0;1])
    // (already orthogonal), lambda = 1 with [1; -1; 0].
    let a = "A = [2 1 0; 1 2 0; 0 0 3]; [V, D] = eig(A);";
    let want = "[1/sqrt(2) 0 1/sqrt(2); 1/sqrt(2) 0 -1/sqrt(2); 0 1 0]";
    assert_eq!(out(&format!("{a} all(all(V == {want}))")), "ans = 1\n");
    assert_eq!(out(&format!("{a} isequal(D, diag([3 3 1]))")), "ans = 1\n");
    // Symmetric A: V is orthogonal and A = V D V', exactly.
    assert_eq!(out(&format!("{a} isequal(V'*V, eye(3))")), "ans = 1\n");
    assert_eq!(out(&format!("{a} isequal(V*D*V', A)")), "ans = 1\n");
    // [2 1 1; 1 2 1; 1 1 2]: lambda = 4 with [1;1;1]; lambda = 1 twice, basis
    // w1 = [-1;1;0], w2 = [-1;0;1]. Gram-Schmidt: v2 = w2 - (1/2) w1 =
    // [-1/2; -1/2; 1], |2 v2|^2 = 6; the sign rule flips w1 to [1;-1;0].
    assert_eq!(
        out("[V, D] = eig([2 1 1; 1 2 1; 1 1 2]); V"),
        "V =\n\n    1/sqrt(3)    1/sqrt(2)   -1/sqrt(6)\n    1/sqrt(3)   -1/sqrt(2)   -1/sqrt(6)\n    1/sqrt(3)            0    2/sqrt(6)\n\n"
    );
    assert_eq!(
        out("A = [2 1 1; 1 2 1; 1 1 2]; [V, D] = eig(A); isequal(V*D*V', A) && isequal(V'*V, eye(3))"),
        "ans = 1\n"
    );
}

#[test]
fn defective_matrices_keep_d_exact_and_v_floating_point() {
    // [2 1; 0 2]: lambda = 2 twice, A - 2I = [0 1; 0 0] has a 1-dimensional
    // null space: no basis of eigenvectors. D stays exact, V is float with
    // (nearly) parallel columns, A*V = V*D to round-off.
    let r = eval("A = [2 1; 0 2]; [V, D] = eig(A); D, e = norm(A*V - V*D)");
    assert_eq!(r.status, 0, "{}", r.stderr);
    // No note: `check [V, D] = eig(A) = ...` shows only its verdict.
    assert!(
        r.stdout.starts_with("D =\n\n   2   0\n   0   2\n"),
        "{}",
        r.stdout
    );
    let (_, _, e) = matrix("A = [2 1; 0 2]; [V, D] = eig(A); e = norm(A*V - V*D)");
    assert!(e[0] < 1e-12, "{e:?}");
    let (_, _, v) = matrix("[V, D] = eig([2 1; 0 2]); x = double(V)");
    // Row-major: column 1 (v[0], v[2]) is e1; column 2 (v[1], v[3]) is
    // round-off away from +-e1.
    assert_close(&[v[0], v[2]], &[1.0, 0.0], 1e-15);
    assert!(
        (v[1].abs() - 1.0).abs() < 1e-12 && v[3].abs() < 1e-12,
        "{v:?}"
    );
}

#[test]
fn full_qr_of_a_tall_exact_matrix_completes_the_basis_exactly() {
    // [1 1; 1 0; 0 1]: Householder's first reflection gives R(1,1) =
    // -sqrt(2), q1 = -[1; 1; 0]/sqrt(2), R(1,2) = q1.a2 = -1/sqrt(2).
    // v2 = [1; 0; 1] - (1/2)[1; 1; 0] = [1; -1; 2]/2; the second reflection
    // of the sub-column [-1/sqrt(2); 1] gives R(2,2) = +sqrt(3/2) = sqrt(6)/2,
    // so q2 = [1; -1; 2]/sqrt(6). q3 spans the rest: [1; 1; 0] x [1; -1; 2] =
    // [2; -2; -2]; H1*H2*e3 has last entry +1/sqrt(3) (worked through the
    // two reflections), so q3 = [-1; 1; 1]/sqrt(3). R's last row is zero.
    assert_eq!(
        out("[Q, R] = qr([1 1; 1 0; 0 1])"),
        "Q =\n\n   -1/sqrt(2)    1/sqrt(6)   -1/sqrt(3)\n   -1/sqrt(2)   -1/sqrt(6)    1/sqrt(3)\n\
         \x20           0    2/sqrt(6)    1/sqrt(3)\n\n\
         R =\n\n     -sqrt(2)   -1/sqrt(2)\n            0    sqrt(6)/2\n            0            0\n\n"
    );
    // Exact identities, and the float qr's factors (Octave's signs).
    assert_eq!(
        out(
            "A = [1 1; 1 0; 0 1]; [Q, R] = qr(A); [P, S] = qr(double(A)); \
             isequal(Q'*Q, eye(3)), isequal(Q*R, A), all(all(Q*R == A)), \
             norm(double(Q) - P) < 1e-14, norm(double(R) - S) < 1e-14"
        ),
        "ans = 1\n".repeat(5)
    );
    // A two-dimensional complement (4x2) is still completed exactly; the
    // economy size keeps A's two columns only.
    assert_eq!(
        out(
            "A = [1 2; 0 1; 1 0; 2 1]; [Q, R] = qr(A); isequal(Q'*Q, eye(4)), isequal(Q*R, A), \
             size(R), [Q, R] = qr(A, 0); size(Q), isequal(Q*R, A)"
        ),
        "ans = 1\nans = 1\nans =\n\n   4   2\n\nans =\n\n   4   2\n\nans = 1\n"
    );
}
