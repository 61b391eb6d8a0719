//! Homework mode through the real binary: exact answers checked against
//! hand-computed textbook results, the working, and LaTeX.

mod common;
use common::*;

fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    r.stdout
}

#[test]
fn literals_are_exact_fractions() {
    assert_eq!(out("x = 0.1 + 0.2, x == 0.3"), "x = 3/10\nans = 1\n");
    assert_eq!(
        out("inv([1 2; 3 4])"),
        "ans =\n\n     -2      1\n    3/2   -1/2\n\n"
    );
    assert_eq!(out("det(hilb(3))"), "ans = 1/2160\n");
    assert_eq!(
        out("A = [1 2; 3 4]; B = A - 2*eye(2); B(1, 1)"),
        "ans = -1\n"
    );
}

#[test]
fn hilbert_inverse_is_integer_valued() {
    // inv(hilb(3)) = [9 -36 30; -36 192 -180; 30 -180 180] (a classical closed form).
    assert_eq!(
        out("inv(hilb(3))"),
        "ans =\n\n     9   -36    30\n   -36   192  -180\n    30  -180   180\n\n"
    );
}

#[test]
fn chapter_example_eigenvalues_and_polynomial() {
    let a = "A = [-3 -1 1; -3 -1 3; -2 2 0];";
    assert_eq!(out(&format!("{a} eig(A)")), "ans =\n\n   2\n  -2\n  -4\n\n");
    assert_eq!(
        out(&format!("{a} poly(A)")),
        "ans =\n\n    1    4   -4  -16\n\n"
    );
    assert_eq!(
        out(&format!("{a} eigenspace(A, -4)'")),
        "ans =\n\n   1   1   0\n\n"
    );
}

#[test]
fn exact_solve_and_rref() {
    assert_eq!(out("[2 1; 1 3] \\ [3; 5]"), "ans =\n\n   4/5\n   7/5\n\n");
    assert_eq!(
        out("[R, p] = rref([1 2 3; 4 5 6; 7 8 9])"),
        "R =\n\n   1   0  -1\n   0   1   2\n   0   0   0\n\np =\n\n   1   2\n\n"
    );
    assert_eq!(out("rank([1 2; 2 4])"), "ans = 1\n");
    assert_eq!(
        out("null([1 2 3; 4 5 6; 7 8 9], 'r')'"),
        "ans =\n\n   1  -2   1\n\n"
    );
    // The special solutions (MATLAB's null(A, 'r')): each free variable 1.
    assert_eq!(
        out("null([1 2 3; 2 4 6], 'r')"),
        "ans =\n\n  -2  -3\n   1   0\n   0   1\n\n"
    );
}

#[test]
fn steps_solve_without_a_unique_solution() {
    // x1 + 2x2 + x3 = 3, 2x1 + 4x2 = 2 (by hand): x3 = 2, x1 = 1 - 2 x2.
    let s = out("steps [1 2 1; 2 4 0] \\ [3; 2]");
    assert!(
        s.contains("free variables: x2\nx = [1; 0; 2] + t1*[-2; 1; 0] for any numbers t1"),
        "{s}"
    );
    assert!(s.ends_with("ans =\n\n   1\n   0\n   2\n\n"), "{s}");
    // x + 2y = 3, 2x + 4y = 5: subtracting twice row 1 leaves 0 = -1.
    let s = out("steps [1 2; 2 4] \\ [3; 5]");
    assert!(
        s.contains("R2 reads 0 = -1: the system has no solution"),
        "{s}"
    );
    assert!(s.ends_with("ans = [](0x0)\n"), "{s}");
    // Tall and consistent: the unique solution of x = 0, y = 1 fitted to three rows.
    let s = out("steps [1 1; 1 2; 1 3] \\ [1; 2; 3]");
    assert!(s.contains("the unique solution is x = [0; 1]"), "{s}");
    let l = out("latex steps [1 2 3; 2 4 6] \\ [1; 2]");
    assert!(
        l.contains("t_{1} \\begin{bmatrix} -2 \\\\ 1 \\\\ 0 \\end{bmatrix}"),
        "{l}"
    );
}

#[test]
fn floats_mix_into_floats() {
    assert_eq!(
        out("isexact(1/3), isexact(1/3 + pi - pi), isexact(exact(0.25)), class(1/3)"),
        "ans = 1\nans = 0\nans = 1\nans = double\n"
    );
    assert_eq!(out("exact(pi, 1e-6)"), "ans = 355/113\n");
    assert_eq!(out("format rat; 0.75 * sqrt(1)"), "ans = 3/4\n");
}

#[test]
fn json_of_exact_values_is_numeric() {
    let v = json("x = [1/4 2]");
    assert_eq!(
        v[0].1.to_string(),
        r#"{"cols":2,"data":[[0.25,2]],"rows":1}"#
    );
}

#[test]
fn steps_show_the_working() {
    let text = out("steps rref([1 2; 3 4])");
    assert!(text.contains("R2 <- R2 - 3*R1"), "{text}");
    assert!(text.contains("R2 <- (-1/2)*R2"), "{text}");
    assert!(text.ends_with("ans =\n\n   1   0\n   0   1\n\n"), "{text}");
    let eig = out("steps eig([-3 -1 1; -3 -1 3; -2 2 0])");
    assert!(eig.contains("-(λ^3 + 4λ^2 - 4λ - 16)"), "{eig}");
    assert!(eig.contains("±1, ±2, ±4, ±8, ±16"), "{eig}");
    assert!(eig.contains("-(λ - 2)(λ + 2)(λ + 4)"), "{eig}");
    for v in ["[0; 1; 1]", "[1; 0; 1]", "[1; 1; 0]"] {
        assert!(eig.contains(v), "{v} missing: {eig}");
    }
    let det = out("steps det([1 2 3; 4 5 6; 7 8 10], 'cofactor')");
    assert!(det.contains("det = -3"), "{det}");
}

#[test]
fn steps_refuse_floats_with_a_clear_error() {
    assert_error(&eval("steps rref(rand(3))"), "exact input only", "1:1");
    assert_error(&eval("steps svd([1 2])"), "expected one of", "1:7");
}

#[test]
fn latex_output() {
    assert_eq!(
        out("latex([1/2 2; 0 -3/4])"),
        "\\begin{bmatrix} \\frac{1}{2} & 2 \\\\ 0 & -\\frac{3}{4} \\end{bmatrix}\n"
    );
    let l = out("latex steps rref([1 2; 3 4])");
    assert!(
        l.starts_with("\\begin{align*}")
            && l.contains("\\xrightarrow{R_{2} \\leftarrow R_{2} - 3R_{1}}"),
        "{l}"
    );
}

#[test]
fn steps_gramschmidt_subtracts_projections_exactly() {
    // a2 - (a2.v1 / v1.v1) v1 with a1 = [1;1;0], a2 = [1;0;1]: coefficient 1/2, v2 = [1/2; -1/2; 1].
    let t = out("steps gramschmidt([1 1 2; 1 0 1; 0 1 1])");
    assert!(t.contains("v2 = a2 - (1/2)*v1 = [1/2; -1/2; 1]"), "{t}");
    assert!(
        t.contains("column 3 depends on the earlier ones and is dropped"),
        "{t}"
    );
    let r = eval("Q = gramschmidt([1 1 2; 1 0 1; 0 1 1]); steps gramschmidt([1 1 2; 1 0 1; 0 1 1]); assert(norm(ans - Q) < 1e-12)");
    assert_eq!(r.status, 0, "{}", r.stderr);
}
