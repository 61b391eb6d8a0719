//! The rest of the chapter (issue 8): spans and projections, numeric
//! derivatives, regression. Each check drives the real binary and compares
//! with values computed here independently (by hand formulas in Rust).

mod common;

use common::{assert_close, eval, json, matrix};

/// The truth of the single displayed logical (or numeric) value of `src`.
fn truth(src: &str) -> bool {
    let vals = json(src);
    let v = &vals.last().expect("a displayed value").1;
    match v {
        serde_json::Value::Bool(b) => *b,
        serde_json::Value::Number(n) => n.as_f64().expect("number") != 0.0,
        other => panic!("{src}: expected a logical, got {other}"),
    }
}

fn text(src: &str) -> String {
    let vals = json(src);
    vals.last()
        .expect("a displayed value")
        .1
        .as_str()
        .expect("a string")
        .to_string()
}

/// Row-major 3x3 matrix times vector.
fn matvec(a: &[[f64; 3]; 3], x: &[f64; 3]) -> [f64; 3] {
    let mut y = [0.0; 3];
    for i in 0..3 {
        for j in 0..3 {
            y[i] += a[i][j] * x[j];
        }
    }
    y
}

const A: [[f64; 3]; 3] = [[1.0, 2.0, 0.0], [-1.0, 3.0, 1.0], [4.0, 0.0, 2.0]];
const A_SRC: &str = "A = [1 2 0; -1 3 1; 4 0 2];";

fn a_plus_at() -> Vec<f64> {
    (0..9).map(|k| A[k / 3][k % 3] + A[k % 3][k / 3]).collect()
}

// ---------------------------------------------------------------- derivatives

#[test]
fn grad_of_quadratic_form_is_a_plus_a_transpose_times_x() {
    let x0 = [0.5, -2.0, 1.25];
    let ax = matvec(&A, &x0);
    let mut atx = [0.0; 3];
    for i in 0..3 {
        for j in 0..3 {
            atx[i] += A[j][i] * x0[j];
        }
    }
    let want: Vec<f64> = (0..3).map(|i| ax[i] + atx[i]).collect();
    let (r, c, got) = matrix(&format!(
        "{A_SRC} x0 = [0.5; -2; 1.25]; g = grad(@(x) x'*A*x, x0)"
    ));
    assert_eq!((r, c), (3, 1));
    assert_close(&got, &want, 1e-9);
    // Also at a point with large entries (relative steps).
    let (_, _, got) = matrix(&format!(
        "{A_SRC} g = grad(@(x) x'*A*x, [1000; -2000; 3000])"
    ));
    let x1 = [1000.0, -2000.0, 3000.0];
    let (ax, mut atx) = (matvec(&A, &x1), [0.0; 3]);
    for i in 0..3 {
        for j in 0..3 {
            atx[i] += A[j][i] * x1[j];
        }
    }
    let want: Vec<f64> = (0..3).map(|i| ax[i] + atx[i]).collect();
    assert_close(&got, &want, 1e-9);
}

#[test]
fn grad_of_least_squares_loss_is_two_xt_residual() {
    // X 4x2, y 4x1, w0 2x1.
    let x = [[1.0, 2.0], [3.0, -1.0], [0.5, 4.0], [-2.0, 1.5]];
    let y = [1.0, -2.0, 0.25, 3.0];
    let w0 = [0.3, -0.7];
    let mut want = [0.0; 2];
    for i in 0..4 {
        let r = x[i][0] * w0[0] + x[i][1] * w0[1] - y[i];
        want[0] += 2.0 * x[i][0] * r;
        want[1] += 2.0 * x[i][1] * r;
    }
    let (r, c, got) = matrix(
        "X = [1 2; 3 -1; 0.5 4; -2 1.5]; y = [1; -2; 0.25; 3]; \
         g = grad(@(w) norm(X*w - y)^2, [0.3; -0.7])",
    );
    assert_eq!((r, c), (2, 1));
    assert_close(&got, &want, 1e-8);
    // The same identity checked inside la.
    assert!(truth(
        "X = [1 2; 3 -1; 0.5 4; -2 1.5]; y = [1; -2; 0.25; 3]; w0 = [0.3; -0.7]; \
         t = approx(grad(@(w) norm(X*w - y)^2, w0), 2*X'*(X*w0 - y), 1e-8)"
    ));
}

#[test]
fn grad_of_smooth_function_is_accurate() {
    // f = exp(x1) sin(x2) + x3^3 / 3: grad = [e^x1 sin x2; e^x1 cos x2; x3^2].
    let (a, b, c) = (0.7_f64, -1.2_f64, 2.5_f64);
    let want = [a.exp() * b.sin(), a.exp() * b.cos(), c * c];
    let (_, _, got) = matrix("g = grad(@(x) exp(x(1))*sin(x(2)) + x(3)^3/3, [0.7; -1.2; 2.5])");
    assert_close(&got, &want, 1e-8);
}

#[test]
fn grad_of_matrix_argument_keeps_its_shape() {
    // f(W) = trace(B*W) has gradient B'.
    let (r, c, got) = matrix("B = [1 2; 3 4]; g = grad(@(W) trace(B*W), [0.5 1; -1 2])");
    assert_eq!((r, c), (2, 2));
    assert_close(&got, &[1.0, 3.0, 2.0, 4.0], 1e-9);
}

#[test]
fn hessian_of_quadratic_form_is_a_plus_a_transpose() {
    let (r, c, got) = matrix(&format!(
        "{A_SRC} H = hessian(@(x) x'*A*x, [0.5; -2; 1.25])"
    ));
    assert_eq!((r, c), (3, 3));
    assert_close(&got, &a_plus_at(), 1e-8);
    // Exactly symmetric.
    assert!(truth(&format!(
        "{A_SRC} H = hessian(@(x) x'*A*x, [3; 1; -7]); t = isequal(H, H')"
    )));
}

#[test]
fn hessian_of_smooth_function_is_accurate() {
    // f = exp(x1) sin(x2): H = e^x1 [sin, cos; cos, -sin].
    let (a, b) = (0.4_f64, 1.1_f64);
    let e = a.exp();
    let want = [e * b.sin(), e * b.cos(), e * b.cos(), -e * b.sin()];
    let (_, _, got) = matrix("H = hessian(@(x) exp(x(1))*sin(x(2)), [0.4; 1.1])");
    assert_close(&got, &want, 1e-7);
}

#[test]
fn definiteness_of_hessian_tells_convexity() {
    // Convex: exp(x1) + x1^2 + x1 x2 + 2 x2^2 (Hessian [e^x1 + 2, 1; 1, 4]).
    assert_eq!(
        text("d = definiteness(hessian(@(x) exp(x(1)) + x(1)^2 + x(1)*x(2) + 2*x(2)^2, [0.3; -0.2]))"),
        "positive definite"
    );
    // A saddle.
    assert_eq!(
        text("d = definiteness(hessian(@(x) x(1)^2 - x(2)^2, [1; 1]))"),
        "indefinite"
    );
    // Concave.
    assert_eq!(
        text("d = definiteness(hessian(@(x) -x'*x, [1; 2; 3]))"),
        "negative definite"
    );
}

#[test]
fn jacobian_rows_are_outputs() {
    // f = [x1^2 x2; sin(x1); x1 x2 x3] at (1.5, -0.5, 2).
    let (a, b, c) = (1.5_f64, -0.5_f64, 2.0_f64);
    let want = [
        2.0 * a * b,
        a * a,
        0.0,
        a.cos(),
        0.0,
        0.0,
        b * c,
        a * c,
        a * b,
    ];
    let (r, cols, got) =
        matrix("J = jacobian(@(x) [x(1)^2*x(2); sin(x(1)); x(1)*x(2)*x(3)], [1.5; -0.5; 2])");
    assert_eq!((r, cols), (3, 3));
    assert_close(&got, &want, 1e-8);
    // The jacobian of A*x is A; of the gradient, the Hessian.
    let (_, _, got) = matrix(&format!("{A_SRC} J = jacobian(@(x) A*x, [1; 2; 3])"));
    assert_close(&got, &A.concat(), 1e-9);
    let (_, _, got) = matrix(&format!(
        "{A_SRC} f = @(x) x'*A*x; J = jacobian(@(x) grad(f, x), [1; -1; 2])"
    ));
    assert_close(&got, &a_plus_at(), 1e-6);
}

#[test]
fn derivative_errors_name_the_function() {
    let r = eval("grad(5, [1; 2])");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("grad") && r.stderr.contains("function handle"),
        "{}",
        r.stderr
    );
    let r = eval("grad(@(x) x, [1; 2])");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("scalar") && r.stderr.contains("2x1"),
        "{}",
        r.stderr
    );
    let r = eval("hessian(@(x) x'*x, [])");
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("hessian"), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"));
}

// ---------------------------------------------------------------- regression

#[test]
fn polyfit_recovers_exact_coefficients() {
    // y = 2x^3 - x + 4.
    let xs = [-1.0, 0.0, 1.0, 2.0, 3.0, 4.5];
    let ys: Vec<String> = xs
        .iter()
        .map(|x: &f64| format!("{}", 2.0 * x.powi(3) - x + 4.0))
        .collect();
    let (r, c, got) = matrix(&format!(
        "p = polyfit([-1 0 1 2 3 4.5], [{}], 3)",
        ys.join(" ")
    ));
    assert_eq!((r, c), (1, 4));
    assert_close(&got, &[2.0, 0.0, -1.0, 4.0], 1e-9);
    // A least-squares line, by the textbook formulas.
    let x = [0.0, 1.0, 2.0, 3.0, 5.0];
    let y = [1.0, 2.5, 2.0, 4.0, 6.5];
    let (mx, my) = (x.iter().sum::<f64>() / 5.0, y.iter().sum::<f64>() / 5.0);
    let sxy: f64 = x.iter().zip(&y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx) * (a - mx)).sum();
    let slope = sxy / sxx;
    let (_, _, got) = matrix("p = polyfit([0 1 2 3 5], [1 2.5 2 4 6.5], 1)");
    assert_close(&got, &[slope, my - slope * mx], 1e-12);
}

#[test]
fn polyfit_with_too_few_points_warns() {
    let r = eval("p = polyfit([1 1 1], [1 2 3], 2);");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("polyfit") && r.stderr.contains("rank"),
        "{}",
        r.stderr
    );
    let r = eval("polyfit([1 2 3], [1 2], 1)");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr
            .contains("x and y must have the same number of elements (3 and 2)"),
        "{}",
        r.stderr
    );
}

#[test]
fn linreg_recovers_line_with_zero_mse() {
    let vals = json("[w, mse] = linreg([0; 1; 2; 3; 4], [1; 3; 5; 7; 9])");
    let w: Vec<f64> = vals[0].1["data"]
        .as_array()
        .expect("w")
        .iter()
        .map(|r| r[0].as_f64().expect("entry"))
        .collect();
    assert_close(&w, &[1.0, 2.0], 1e-12);
    let mse = vals[1].1.as_f64().expect("mse");
    assert!(mse.abs() < 1e-20, "mse = {mse}");
}

#[test]
fn linreg_matches_textbook_formulas_and_mse() {
    let x = [0.0, 1.0, 2.0, 3.0, 5.0];
    let y = [1.0, 2.5, 2.0, 4.0, 6.5];
    let (mx, my) = (x.iter().sum::<f64>() / 5.0, y.iter().sum::<f64>() / 5.0);
    let sxy: f64 = x.iter().zip(&y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx) * (a - mx)).sum();
    let slope = sxy / sxx;
    let icpt = my - slope * mx;
    let mse: f64 = x
        .iter()
        .zip(&y)
        .map(|(a, b)| (icpt + slope * a - b).powi(2))
        .sum::<f64>()
        / 5.0;
    let (_, _, w) = matrix("[w, mse] = linreg([0 1 2 3 5], [1 2.5 2 4 6.5]); w");
    assert_close(&w, &[icpt, slope], 1e-12);
    let (_, _, m) = matrix("[w, mse] = linreg([0; 1; 2; 3; 5], [1; 2.5; 2; 4; 6.5]); mse");
    assert_close(&m, &[mse], 1e-12);
    // Two features: y = 3 - x1 + 0.5 x2 exactly.
    let (_, _, w) =
        matrix("X = [1 2; 2 0; 3 5; 4 1; 0 3]; y = 3 - X(:, 1) + 0.5*X(:, 2); w = linreg(X, y)");
    assert_close(&w, &[3.0, -1.0, 0.5], 1e-12);
}

#[test]
fn linreg_warns_when_ill_conditioned() {
    let r = eval("w = linreg([1 1; 2 2.0000001; 3 3; 4 4], [1; 2; 3; 4]);");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("ill-conditioned") && r.stderr.contains("cond = "),
        "{}",
        r.stderr
    );
    let r = eval("w = linreg([1; 2; 3], [1; 2; 4]);");
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    let r = eval("linreg([1 2; 3 4; 5 6], [1; 2])");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("linreg") && r.stderr.contains("3x2"),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------- spans

#[test]
fn inspan_true_and_false() {
    assert!(truth("t = inspan([2; 3; 5], [1 0; 0 1; 1 1])"));
    assert!(!truth("t = inspan([1; 0; 0], [1 0; 0 1; 1 1])"));
    // Dependent columns, b in the span.
    assert!(truth("t = inspan([3; 6], [1 2; 2 4])"));
    assert!(!truth("t = inspan([3; 5], [1 2; 2 4])"));
    // Full rank square: everything is in the span; the zero vector always.
    assert!(truth("t = inspan([7; -1], [1 2; 3 4])"));
    assert!(truth("t = inspan([0; 0; 0], [1; 2; 3])"));
    assert!(!truth("t = inspan([1; 0], [0; 0])"));
    // Floating-point combination of the columns still counts.
    assert!(truth(
        "A = [0.1 0.7; 0.3 0.2; 0.9 0.4]; t = inspan(A*[sqrt(2); pi], A)"
    ));
    // Coefficients.
    let (r, c, x) = matrix("[t, x] = inspan([2; 3; 5], [1 0; 0 1; 1 1]); x");
    assert_eq!((r, c), (2, 1));
    assert_close(&x, &[2.0, 3.0], 1e-12);
    let r = eval("inspan([1; 2; 3], [1 0; 0 1])");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("inspan") && r.stderr.contains("3x1"),
        "{}",
        r.stderr
    );
}

#[test]
fn proj_is_idempotent_with_orthogonal_residual() {
    let (_, _, e) = matrix(
        "A = [1 0; 1 1; 0 2]; b = [1; 2; 3]; P = proj(b, A); \
         e = [norm(proj(P, A) - P), norm(A'*(b - P))]",
    );
    assert!(e.iter().all(|x| x.abs() < 1e-12), "{e:?}");
    // Against the normal equations, computed here: A'A = [2 1; 1 5], A'b = [3; 8].
    let (det, p1, p2) = (2.0 * 5.0 - 1.0, 3.0, 8.0);
    let x = [(5.0 * p1 - p2) / det, (2.0 * p2 - p1) / det];
    let want = [x[0], x[0] + x[1], 2.0 * x[1]];
    let (_, _, got) = matrix("P = proj([1; 2; 3], [1 0; 1 1; 0 2])");
    assert_close(&got, &want, 1e-12);
    // Two vectors: (v'u / v'v) v, in u's shape.
    let (r, c, got) = matrix("p = proj([1 2 3], [1 1 0])");
    assert_eq!((r, c), (1, 3));
    assert_close(&got, &[1.5, 1.5, 0.0], 1e-15);
    // Rank-deficient A projects onto its (smaller) column space.
    let (_, _, got) = matrix("p = proj([1; 0], [1 2; 1 2])");
    assert_close(&got, &[0.5, 0.5], 1e-12);
}

#[test]
fn gramschmidt_is_orthonormal_and_drops_dependent_columns() {
    let (r, c, e) =
        matrix("A = [1 2 1; 0 1 1; 1 0 2; 1 1 1]; Q = gramschmidt(A); E = Q'*Q - eye(3)");
    assert_eq!((r, c), (3, 3));
    assert!(e.iter().all(|x| x.abs() < 1e-14), "{e:?}");
    // Q spans the same space, and A = Q R.
    let (_, _, e) = matrix(
        "A = [1 2 1; 0 1 1; 1 0 2; 1 1 1]; [Q, R] = gramschmidt(A); \
         e = [norm(Q*R - A), norm(proj(A, Q) - A), norm(tril(R, -1))]",
    );
    assert!(e.iter().all(|x| x.abs() < 1e-13), "{e:?}");
    // The first column is the normalised a_1 (computed here).
    let (_, _, q1) = matrix("Q = gramschmidt([3 1; 4 2]); q = Q(:, 1)");
    assert_close(&q1, &[0.6, 0.8], 1e-15);
    // Column 3 = column 1 + column 2: dropped with a note.
    let r = eval(
        "Q = gramschmidt([1 0 1; 0 1 1; 1 1 2]); disp(size(Q)); disp(norm(Q'*Q - eye(2)) < 1e-14)",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stdout.contains("3   2"), "{}", r.stdout);
    assert!(r.stdout.trim_end().ends_with('1'), "{}", r.stdout);
    assert!(
        r.stderr.contains("gramschmidt") && r.stderr.contains("dropped column 3"),
        "{}",
        r.stderr
    );
}

#[test]
fn four_subspaces_have_the_right_dimensions() {
    // A 3x4 of rank 2 (floating point: orthonormal bases).
    let src = "A = double([1 2 0 1; 2 4 1 3; 3 6 1 4]);";
    let (_, _, d) = matrix(&format!(
        "{src} d = [size(colspace(A), 2), size(rowspace(A), 2), size(null(A), 2), size(leftnull(A), 2)]"
    ));
    assert_eq!(d, vec![2.0, 2.0, 2.0, 1.0]);
    let (_, _, e) = matrix(&format!(
        "{src} C = colspace(A); R = rowspace(A); L = leftnull(A); \
         e = [norm(C'*L), norm(A*null(A)), norm(C'*C - eye(2)), norm(R'*R - eye(2)), norm(L'*A), norm(proj(A', R) - A')]"
    ));
    assert!(e.iter().all(|x| x.abs() < 1e-13), "{e:?}");
}

#[test]
fn isequal_truth_table() {
    let cases = [
        ("isequal([1 2], [1 2])", true),
        ("isequal([1 2], [1 2], [1 2])", true),
        ("isequal([1 2], [1 2], [1 3])", false),
        ("isequal([1 2], [1; 2])", false),
        ("isequal(1, true)", true),
        ("isequal('abc', [97 98 99])", true),
        ("isequal('abc', 'abd')", false),
        ("isequal(NaN, NaN)", false),
        ("isequal([], zeros(0, 0))", true),
        // sqrt(2) is exact, so its square is exactly 2; the double is not.
        ("isequal(sqrt(2)^2, 2)", true),
        ("isequal(double(sqrt(2))^2, 2)", false),
        ("isequal(1 + 2i, 1 + 2i)", true),
        ("isequal(1 + 2i, 1)", false),
        (
            "A = [1 2; 3 4]; B = [0 1; 1 0]; C = [2 0; 0 3]; isequal(A*(B + C), A*B + A*C)",
            true,
        ),
    ];
    for (src, want) in cases {
        assert_eq!(truth(src), want, "{src}");
    }
}

#[test]
fn approx_truth_table() {
    let cases = [
        ("approx(0.1 + 0.2, 0.3)", true),
        ("approx(sqrt(2)^2, 2)", true),
        ("approx(1, 1 + 1e-12)", true),
        ("approx(1, 1.001)", false),
        ("approx(1, 1.001, 1e-2)", true),
        ("approx(1e20, 1e20 * (1 + 1e-12))", true),
        ("approx(1e-20, 0)", true),
        ("approx(Inf, Inf)", true),
        ("approx([Inf 1], [Inf 2])", false),
        ("approx(NaN, NaN)", false),
        ("approx([1 2], [1 2 3])", false),
        ("approx([1 1], 1)", true),
        ("A = [1 2; 3 4] / 7; B = [0.5 1; 1 0.3]; approx(trace(A*B), trace(B*A))", true),
        ("A = sqrt([1 2; 3 4]); B = [0 1; 1 0] / 3; C = [2 0; 0 3] / 9; approx(A*(B + C), A*B + A*C)", true),
        ("A = sqrt([1 2; 3 4]); B = [1 1; 0 1]; approx(A*B, B*A)", false),
    ];
    for (src, want) in cases {
        assert_eq!(truth(src), want, "{src}");
    }
    let r = eval("approx([1 2], [1; 2])");
    assert!(
        r.stderr.contains("sizes differ") && r.stderr.contains("1x2"),
        "{}",
        r.stderr
    );
}

// scripts/chapter_rest.la (every identity above, as asserts) runs once, with
// the other walkthroughs, in tests/scripts.rs.
