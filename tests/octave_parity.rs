//! Octave parity for the functions of issue 14, through the real binary.
//! Each expected value is worked out by hand from the function's definition
//! in Octave's documentation (and agrees with Octave 7.3), never copied from
//! la's output.

mod common;
use common::{assert_close, eval, matrix};

/// (input, rows, cols, entries row-major)
const TABLE: &[(&str, usize, usize, &[f64])] = &[
    // and / or / xor / not: the logical operators as functions (true is 1)
    ("xor([1 1 0 0], [1 0 1 0])", 1, 4, &[0.0, 1.0, 1.0, 0.0]),
    ("xor(1, 0, 1)", 1, 1, &[0.0]),
    ("xor([1; 0], [1 0])", 2, 2, &[0.0, 1.0, 1.0, 0.0]),
    ("and([1 0 1], [1 1 0], [1 1 1])", 1, 3, &[1.0, 0.0, 0.0]),
    ("or([0 0; 0 1], 0)", 2, 2, &[0.0, 0.0, 0.0, 1.0]),
    ("not([1 0 2])", 1, 3, &[0.0, 1.0, 0.0]),
    // fliplr / flipud / rot90: reversals and rotations of positions
    (
        "fliplr([1 2 3; 4 5 6])",
        2,
        3,
        &[3.0, 2.0, 1.0, 6.0, 5.0, 4.0],
    ),
    (
        "flipud([1 2; 3 4; 5 6])",
        3,
        2,
        &[5.0, 6.0, 3.0, 4.0, 1.0, 2.0],
    ),
    ("rot90([1 2; 3 4])", 2, 2, &[2.0, 4.0, 1.0, 3.0]),
    ("rot90([1 2; 3 4], 2)", 2, 2, &[4.0, 3.0, 2.0, 1.0]),
    ("rot90([1 2; 3 4], -1)", 2, 2, &[3.0, 1.0, 4.0, 2.0]),
    ("rot90([1 2; 3 4], 4)", 2, 2, &[1.0, 2.0, 3.0, 4.0]),
    ("rot90([1 2 3])", 3, 1, &[3.0, 2.0, 1.0]),
    // circshift: a vector along its length, a matrix down its rows
    (
        "circshift([1 2 3 4 5], 2)",
        1,
        5,
        &[4.0, 5.0, 1.0, 2.0, 3.0],
    ),
    (
        "circshift([1 2 3 4 5], -1)",
        1,
        5,
        &[2.0, 3.0, 4.0, 5.0, 1.0],
    ),
    (
        "circshift([1 2; 3 4; 5 6], 1)",
        3,
        2,
        &[5.0, 6.0, 1.0, 2.0, 3.0, 4.0],
    ),
    (
        "circshift([1 2 3; 4 5 6], 1, 2)",
        2,
        3,
        &[3.0, 1.0, 2.0, 6.0, 4.0, 5.0],
    ),
    (
        "circshift([1 2 3; 4 5 6], [1 1])",
        2,
        3,
        &[6.0, 4.0, 5.0, 3.0, 1.0, 2.0],
    ),
    // blkdiag / cat
    ("blkdiag([1 2], 3)", 2, 3, &[1.0, 2.0, 0.0, 0.0, 0.0, 3.0]),
    (
        "blkdiag([1; 2], [3 4])",
        3,
        3,
        &[1.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 3.0, 4.0],
    ),
    ("cat(1, [1 2], [3 4])", 2, 2, &[1.0, 2.0, 3.0, 4.0]),
    ("cat(2, [1; 2], [3; 4])", 2, 2, &[1.0, 3.0, 2.0, 4.0]),
    ("ndims(ones(2, 3))", 1, 1, &[2.0]),
    // shape predicates
    ("isrow(zeros(1, 0))", 1, 1, &[1.0]),
    ("isrow([1; 2])", 1, 1, &[0.0]),
    ("iscolumn([1; 2])", 1, 1, &[1.0]),
    ("iscolumn(5)", 1, 1, &[1.0]),
    ("issquare([])", 1, 1, &[1.0]),
    ("issquare(ones(2, 3))", 1, 1, &[0.0]),
    ("istriu([1 2; 0 3])", 1, 1, &[1.0]),
    ("istriu([1 0; 1 1])", 1, 1, &[0.0]),
    ("istriu([1 1; 0 1; 0 0])", 1, 1, &[1.0]),
    ("istril([1 0; 1 1])", 1, 1, &[1.0]),
    ("istril([1 2; 0 3])", 1, 1, &[0.0]),
    ("isbanded([1 2 0; 3 4 5; 0 6 7], 1, 1)", 1, 1, &[1.0]),
    ("isbanded([1 2 3; 0 4 5; 0 0 6], 0, 1)", 1, 1, &[0.0]),
    ("isbanded([1 2 3; 0 4 5; 0 0 6], 0, 2)", 1, 1, &[1.0]),
    ("ishermitian([2 1i; -1i 3])", 1, 1, &[1.0]),
    ("ishermitian([1 2i; 2i 1])", 1, 1, &[0.0]),
    ("ishermitian([1 2; 2 1])", 1, 1, &[1.0]),
    ("ishermitian([1 2; 3 1])", 1, 1, &[0.0]),
    ("ishermitian(ones(2, 3))", 1, 1, &[0.0]),
    ("ishermitian([1 2; 2+1e-10 1], 1e-8)", 1, 1, &[1.0]),
    // counting: 5! = 120, 10! = 3628800, C(5,2) = 10, C(10,3) = 120
    ("factorial([0 1 5])", 1, 3, &[1.0, 1.0, 120.0]),
    ("factorial(10)", 1, 1, &[3628800.0]),
    ("nchoosek(5, 2)", 1, 1, &[10.0]),
    ("nchoosek(10, 3)", 1, 1, &[120.0]),
    ("nchoosek(4, 0)", 1, 1, &[1.0]),
    (
        "nchoosek([10 20 30], 2)",
        3,
        2,
        &[10.0, 20.0, 10.0, 30.0, 20.0, 30.0],
    ),
    (
        "nchoosek(1:4, 2)",
        6,
        2,
        &[1.0, 2.0, 1.0, 3.0, 1.0, 4.0, 2.0, 3.0, 2.0, 4.0, 3.0, 4.0],
    ),
    // cov: deviations (-1.5 -.5 .5 1.5) and (-3 -1 0 4), products sum to 11, / 3
    ("cov([1 2 3 4], [2 4 5 9])", 1, 1, &[11.0 / 3.0]),
    // sum of squared deviations 5, divided by n = 4 (opt = 1) or n - 1 = 3
    ("cov([1 2 3 4], 1)", 1, 1, &[1.25]),
    ("cov([1 2 3 4])", 1, 1, &[5.0 / 3.0]),
    // columns (1 3 4), (2 5 4): deviations (-5/3 1/3 4/3), (-5/3 4/3 1/3)
    (
        "cov([1 2; 3 5; 4 4])",
        2,
        2,
        &[7.0 / 3.0, 11.0 / 6.0, 11.0 / 6.0, 7.0 / 3.0],
    ),
    (
        "corr([1 2; 3 5; 4 4])",
        2,
        2,
        &[1.0, 11.0 / 14.0, 11.0 / 14.0, 1.0],
    ),
    ("corr([1; 2; 3], [2; 4; 6])", 1, 1, &[1.0]),
    ("corr([1; 2; 3], [3; 2; 1])", 1, 1, &[-1.0]),
    // vecnorm: column norms; sqrt(16 + 144) = sqrt(160)
    ("vecnorm([3 4; 0 12])", 1, 2, &[3.0, 12.649110640673518]),
    ("vecnorm([3 4])", 1, 1, &[5.0]),
    ("vecnorm([3 4; 0 12], 1)", 1, 2, &[3.0, 16.0]),
    ("vecnorm([3 4; 0 12], Inf, 2)", 2, 1, &[4.0, 12.0]),
    ("vecnorm([3 4; 0 12], 2, 2)", 2, 1, &[5.0, 12.0]),
    // sqrtm / logm
    ("sqrtm([4 0; 0 9])", 2, 2, &[2.0, 0.0, 0.0, 3.0]),
    ("sqrtm([1 1; 0 1])", 2, 2, &[1.0, 0.5, 0.0, 1.0]),
    // [2 1; 1 2] = V diag(1, 3) V', V = [1 1; -1 1]/sqrt(2)
    (
        "sqrtm([2 1; 1 2])",
        2,
        2,
        &[
            0.8660254037844386 + 0.5,
            0.8660254037844386 - 0.5,
            0.8660254037844386 - 0.5,
            0.8660254037844386 + 0.5,
        ],
    ),
    ("imag(sqrtm(-4))", 1, 1, &[2.0]),
    ("logm([1 1; 0 1])", 2, 2, &[0.0, 1.0, 0.0, 0.0]),
    ("logm([exp(1) 0; 0 1])", 2, 2, &[1.0, 0.0, 0.0, 0.0]),
    (
        "logm([2 1; 1 2])",
        2,
        2,
        &[
            0.5493061443340549,
            0.5493061443340549,
            0.5493061443340549,
            0.5493061443340549,
        ],
    ),
    // Diagonal input is exp of each entry, exactly as Octave: e^0 = I.
    ("isequal(expm(zeros(3)), eye(3))", 1, 1, &[1.0]),
    (
        "isequal(expm(diag([1 -2])), diag(exp([1 -2])))",
        1,
        1,
        &[1.0],
    ),
    (
        "norm(expm(logm([4 1; 2 3])) - [4 1; 2 3]) < 1e-12",
        1,
        1,
        &[1.0],
    ),
    (
        "norm(sqrtm([4 1; 2 3])^2 - [4 1; 2 3]) < 1e-12",
        1,
        1,
        &[1.0],
    ),
    // randi: the right size, integers in range, reproducible from a seed
    ("size(randi(6, 2, 3))", 1, 2, &[2.0, 3.0]),
    ("size(randi(6, 4))", 1, 2, &[4.0, 4.0]),
    (
        "x = randi([5 7], 1, 200); all(x >= 5 & x <= 7 & x == round(x))",
        1,
        1,
        &[1.0],
    ),
    (
        "x = randi(3, 1, 300); [any(x == 1), any(x == 2), any(x == 3)]",
        1,
        3,
        &[1.0, 1.0, 1.0],
    ),
    (
        "rand('seed', 3); a = randi(9, 1, 5); rand('seed', 3); b = randi(9, 1, 5); isequal(a, b)",
        1,
        1,
        &[1.0],
    ),
];

#[test]
fn functions_agree_with_octave() {
    for (src, r, c, want) in TABLE {
        let (gr, gc, got) = matrix(src);
        assert_eq!((gr, gc), (*r, *c), "shape of {src}");
        assert_close(&got, want, 1e-9);
    }
}

#[test]
fn bad_arguments_are_errors() {
    for src in [
        "factorial(-1)",
        "factorial(1.5)",
        "nchoosek(-2, 1)",
        "cat(3, 1, 2)",
        "logm([0 0; 0 1])",
        "sqrtm([1 2 3])",
        "randi([3 1])",
        "isbanded(eye(2), -1, 0)",
        "ishermitian(eye(2), -1)",
    ] {
        let r = eval(src);
        assert_eq!(r.status, 1, "{src} should fail: {}", r.stdout);
        assert!(r.stderr.starts_with("error: "), "{src}: {}", r.stderr);
    }
}

#[test]
fn factorial_beyond_170_overflows_to_inf_as_octave() {
    let (_, _, d) = matrix("factorial(171)");
    assert!(d[0].is_infinite());
}

#[test]
fn the_statistic_of_nothing_is_nan_in_each_place() {
    // mean = sum / n with n = 0: 0/0 = NaN, one per empty column (Octave
    // 7.3 gives NaN(1,3) for mean(zeros(0,3), 1) and var(zeros(0,3)), NaN
    // for mean([])); exact input must not divide by 1 instead.
    for (src, shape) in [
        ("mean(zeros(0, 3), 1)", (1, 3)),
        ("mean(zeros(0, 3))", (1, 3)),
        ("mean(1.5 * ones(0, 3), 1)", (1, 3)),
        ("mean(zeros(0, 3), 'all')", (1, 1)),
        ("mean([])", (1, 1)),
        ("mean(zeros(0, 1))", (1, 1)),
        ("var(zeros(0, 3))", (1, 3)),
        ("std([])", (1, 1)),
        ("median(zeros(0, 2))", (1, 2)),
    ] {
        let (r, c, d) = matrix(src);
        assert_eq!((r, c), shape, "shape of {src}");
        assert!(d.iter().all(|x| x.is_nan()), "{src}: {d:?}");
    }
    // Empty along the other dimension: nothing to report, as Octave.
    assert_eq!(matrix("mean(zeros(0, 3), 2)").0, 0);
    assert_eq!(matrix("mean(zeros(3, 0))").1, 0);
}
