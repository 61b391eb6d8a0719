//! Exact norms, square roots of large rationals, covariance, correlation
//! and projections through the real binary. Every expected value is derived by hand in the
//! comments; the floating-point cross-checks compare with `double` of the
//! exact answer computed independently here.

mod common;
use common::*;

fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    assert!(!r.stderr.contains("warning"), "{src}: {}", r.stderr);
    r.stdout
}

#[test]
fn the_two_norm_of_an_exact_vector_is_exact() {
    // ||[1 1]|| = sqrt(1 + 1); ||[1 2 2]|| = sqrt(1 + 4 + 4) = 3;
    // ||[1/2 1/3]|| = sqrt(1/4 + 1/9) = sqrt(13/36) = sqrt(13)/6.
    assert_eq!(out("norm([1 1])"), "ans = sqrt(2)\n");
    assert_eq!(out("norm([1 2 2])"), "ans = 3\n");
    assert_eq!(out("norm([1/2; 1/3])"), "ans = sqrt(13)/6\n");
    // Gaussian entries: |1 + i|^2 + |1 - i|^2 = 2 + 2 = 4; |1|^2 + |i|^2 = 2.
    assert_eq!(out("norm([1+i 1-i])"), "ans = 2\n");
    assert_eq!(out("norm([1 i])"), "ans = sqrt(2)\n");
    // Q(sqrt(2)): (sqrt(2))^2 + 1 = 3; (1 + sqrt(2))^2 + (1 - sqrt(2))^2 = 6.
    assert_eq!(out("norm([sqrt(2) 1])"), "ans = sqrt(3)\n");
    assert_eq!(out("norm([1+sqrt(2) 1-sqrt(2)])"), "ans = sqrt(6)\n");
    // Frobenius: 1 + 2 + 9 + 16 = 28 = 4 * 7.
    assert_eq!(out("norm([1 sqrt(2); 3 4], 'fro')"), "ans = 2*sqrt(7)\n");
    assert_eq!(out("norm(zeros(1, 3))"), "ans = 0\n");
    // The exact answer is the number itself: sqrt(2)^2 == 2.
    assert_eq!(out("norm([1 1])^2 == 2"), "ans = 1\n");
}

#[test]
fn a_vector_over_its_norm_is_an_exact_unit_vector() {
    // x/||x|| = [1 1]/sqrt(2): the display pastes back as the same value and
    // its norm is 1 exactly (1/2 + 1/2).
    assert_eq!(
        out("x = [1 1]; x/norm(x)"),
        "ans =\n\n   1/sqrt(2)   1/sqrt(2)\n\n"
    );
    assert_eq!(
        out("x = [1 1]; isequal(x/norm(x), [1/sqrt(2) 1/sqrt(2)])"),
        "ans = 1\n"
    );
    assert_eq!(out("x = [1 1]; norm(x/norm(x)) == 1"), "ans = 1\n");
    // [1 2 3]/sqrt(14), [3 4]/5; unit does the same.
    assert_eq!(
        out("x = [3 4]; unit(x), norm(unit(x))"),
        "ans =\n\n   3/5   4/5\n\nans = 1\n"
    );
    assert_eq!(
        out("u = unit([1 2 3]); norm(u) == 1, u(3) == 3/sqrt(14)"),
        "ans = 1\nans = 1\n"
    );
    // A column of [V, D] = eig of a rotation is [1; -i]/sqrt(2): its norm
    // is (1/2 + 1/2)^(1/2) = 1 although its entries lie in no one field.
    assert_eq!(
        out("[V, D] = eig([0 -1; 1 0]); norm(V(:, 1)), norm(V(:, 2))"),
        "ans = 1\nans = 1\n"
    );
}

#[test]
fn norms_outside_every_field_and_matrix_two_norms_stay_floating_point() {
    // (1 + sqrt(2))^2 + 1 = 4 + 2 sqrt(2): no square in Q(sqrt(2)), so the
    // root is a double: sqrt(4 + 2*1.41421356...) = 2.6131259...
    let (_, _, v) = matrix("x = norm([1+sqrt(2) 1])");
    assert_close(&v, &[(4.0 + 2.0 * 2f64.sqrt()).sqrt()], 1e-14);
    // The 2-norm of a matrix is its largest singular value: A'A = [10 14;
    // 14 20] (trace 30, det 4), s1^2 = (30 + sqrt(900 - 16))/2 =
    // 15 + sqrt(221), a double here.
    let (_, _, v) = matrix("x = norm([1 2; 3 4])");
    assert_close(&v, &[(15.0 + 221f64.sqrt()).sqrt()], 1e-14);
}

#[test]
fn hypot_of_exact_numbers_is_exact() {
    // sqrt(1 + 1), sqrt(9 + 16) = 5, sqrt(1 + 1/4) = sqrt(5)/2,
    // sqrt(2 + 1) = sqrt(3), element by element with a scalar broadcast.
    assert_eq!(out("hypot(1, 1)"), "ans = sqrt(2)\n");
    assert_eq!(out("hypot(3, 4)"), "ans = 5\n");
    assert_eq!(out("hypot(1, 0.5)"), "ans = sqrt(5)/2\n");
    assert_eq!(out("hypot(sqrt(2), 1)"), "ans = sqrt(3)\n");
    assert_eq!(
        out("hypot([3 1 0], 4)"),
        "ans =\n\n          5   sqrt(17)          4\n\n"
    );
    // Floats stay floats.
    let (_, _, v) = matrix("x = hypot(double(1), 1)");
    assert_close(&v, &[2f64.sqrt()], 1e-15);
}

#[test]
fn sqrt_of_exact_numbers_beyond_doubles_is_decided_exactly() {
    // 10^400 = (10^200)^2; 10^-400 = (10^-200)^2; 2*10^400 = (10^200)^2 * 2.
    assert_eq!(out("sqrt(1e400) == 10^200"), "ans = 1\n");
    assert_eq!(out("sqrt(1e-400) == 10^-200"), "ans = 1\n");
    assert_eq!(out("sqrt(2e400) == 10^200*sqrt(2)"), "ans = 1\n");
    // 10^401 = (10^200)^2 * 10 and 10^-401 = (10^-201)^2 * 10.
    assert_eq!(out("sqrt(1e401) / 10^200"), "ans = sqrt(10)\n");
    assert_eq!(out("sqrt(1e-401) * 10^201"), "ans = sqrt(10)\n");
    // 10^20 = (10^10)^2 is a square beyond the small-number split.
    assert_eq!(out("sqrt(10^20)"), "ans = 10000000000\n");
    // (3^200 + 1)^2: a square of 318 digits, found by the square test.
    assert_eq!(out("x = 3^200 + 1; sqrt(x^2) == x"), "ans = 1\n");
}

#[test]
fn covariance_of_exact_data_is_exact() {
    // Columns [1 3 4] and [2 5 4], means 8/3 and 11/3; centred:
    // [-5 1 4]/3 and [-5 4 1]/3. Sums of squares (25 + 1 + 16)/9 = 14/3 each,
    // cross (25 + 4 + 4)/9 = 11/3; over n - 1 = 2: 7/3 and 11/6.
    assert_eq!(
        out("cov([1 2; 3 5; 4 4])"),
        "ans =\n\n    7/3   11/6\n   11/6    7/3\n\n"
    );
    // Over n = 3 (opt = 1): 14/9 and 11/9.
    assert_eq!(
        out("cov([1 2; 3 5; 4 4], 1)"),
        "ans =\n\n   14/9   11/9\n   11/9   14/9\n\n"
    );
    // Two vectors (Octave 7's scalar form): x = [1 2 3 4] (mean 5/2),
    // y = [2 4 5 9] (mean 5): sum (x - 5/2)(y - 5) =
    // (-3/2)(-3) + (-1/2)(-1) + (1/2)(0) + (3/2)(4) = 9/2 + 1/2 + 6 = 11,
    // over 3: 11/3. Of one vector: the variance, 5/3.
    assert_eq!(out("cov([1 2 3 4], [2 4 5 9])"), "ans = 11/3\n");
    assert_eq!(out("cov([1 2 3 4])"), "ans = 5/3\n");
    assert_eq!(out("cov(0.1*[1 2 3 4]) == 5/300"), "ans = 1\n");
    // Q(sqrt(2)) data: [0 sqrt(2)], mean sqrt(2)/2, squares 1/2 + 1/2 = 1
    // over 1.
    assert_eq!(out("cov([0 sqrt(2)])"), "ans = 1\n");
}

#[test]
fn correlation_of_exact_data_is_exact() {
    // From the covariance above: 11/6 / sqrt(7/3 * 7/3) = 11/14.
    assert_eq!(
        out("corr([1 2; 3 5; 4 4])"),
        "ans =\n\n       1   11/14\n   11/14       1\n\n"
    );
    // x = [1 2 3] centred [-1 0 1] (squares 2), y = [1 2 4] centred
    // [-4 -1 5]/3 (squares 42/9 = 14/3), cross (4 + 0 + 5)/3 = 3:
    // r = 3/sqrt(28/3) = 3 sqrt(3)/(2 sqrt(7)) = 3 sqrt(21)/14.
    assert_eq!(out("corr([1 2 3], [1 2 4])"), "ans = 3*sqrt(21)/14\n");
    // x = [1 2 3 4]: squares 5; y = [2 4 5 9]: centred [-3 -1 0 4],
    // squares 26; cross 11: r = 11/sqrt(130).
    assert_eq!(
        out("r = corr([1 2 3 4], [2 4 5 9]); r^2 == 121/130"),
        "ans = 1\n"
    );
    let (_, _, v) = matrix("x = double(corr([1 2 3 4], [2 4 5 9]))");
    assert_close(&v, &[11.0 / 130f64.sqrt()], 1e-15);
    // A constant column has no correlation: NaN, as Octave.
    let (_, _, v) = matrix("x = corr([1 1 1], [1 2 3])");
    assert!(v[0].is_nan());
}

#[test]
fn projections_of_fractions_are_exact() {
    // Onto the line through v = [1; 1]: (v'u / v'v) v = (3/2) [1; 1], in
    // u's shape.
    assert_eq!(out("proj([1; 2], [1; 1])"), "ans =\n\n   3/2\n   3/2\n\n");
    assert_eq!(out("proj([1 2], [1 1])"), "ans =\n\n   3/2   3/2\n\n");
    // Least-squares line through (0, 1), (1, 2), (2, 4): A'A = [3 3; 3 5],
    // A'b = [7; 10], x = [5/6; 3/2], p = A x = [5/6; 7/3; 23/6]; the
    // residual is orthogonal to A's columns exactly.
    assert_eq!(
        out("b = [1; 2; 4]; A = [1 0; 1 1; 1 2]; p = proj(b, A), A'*(b - p)"),
        "p =\n\n    5/6\n    7/3\n   23/6\n\nans =\n\n   0\n   0\n\n"
    );
    // A rank-deficient A: its column space is the line through [1; 2; 0],
    // and [1; 2; 3] projects to ((1 + 4)/5) [1; 2; 0].
    assert_eq!(
        out("proj([1 2 3], [1 2; 2 4; 0 0])"),
        "ans =\n\n   1   2   0\n\n"
    );
}
