//! Octave parity for the call forms and edge cases of issue 14's "known
//! gaps" (linspace, min/max, 'all', lu, cond, norm, diag, kron, cross, size,
//! eig, roots, inv, trace, issymmetric), through the real binary. Each
//! expected value is worked out by hand from Octave's documented definition
//! (and agrees with Octave 7.3 where that version has the form), never
//! copied from la's output. Complex results are checked through real() and
//! imag().

mod common;
use common::{assert_close, eval, matrix};

const INF: f64 = f64::INFINITY;

/// (input, rows, cols, entries row-major)
const TABLE: &[(&str, usize, usize, &[f64])] = &[
    // linspace: complex ends are spaced in the plane (1+2i -> 3: step 1-1i)
    ("real(linspace(1+2i, 3, 3))", 1, 3, &[1.0, 2.0, 3.0]),
    ("imag(linspace(1+2i, 3, 3))", 1, 3, &[2.0, 1.0, 0.0]),
    // column ends: one row per pair; a scalar end is shared
    (
        "linspace([1; 2], [3; 4], 3)",
        2,
        3,
        &[1.0, 2.0, 3.0, 2.0, 3.0, 4.0],
    ),
    (
        "linspace([1; 2], 5, 3)",
        2,
        3,
        &[1.0, 3.0, 5.0, 2.0, 3.5, 5.0],
    ),
    // n < 1: an empty row; n = 1 or [] gives just b; n is rounded down
    ("size(linspace(1, 2, 0))", 1, 2, &[1.0, 0.0]),
    ("size(linspace(1, 2, -3))", 1, 2, &[1.0, 0.0]),
    ("linspace(1, 2, 1)", 1, 1, &[2.0]),
    ("linspace(1, 2, [])", 1, 1, &[2.0]),
    ("linspace(1, 2, 2.7)", 1, 2, &[1.0, 2.0]),
    // infinite ends: the odd middle of opposite ends is 0, equal ends repeat
    ("linspace(-Inf, Inf, 3)", 1, 3, &[-INF, 0.0, INF]),
    ("linspace(Inf, Inf, 3)", 1, 3, &[INF, INF, INF]),
    // built from both ends: exactly symmetric, the middle exactly the mean
    (
        "x = linspace(-1, 1, 10); all(x + fliplr(x) == 0)",
        1,
        1,
        &[1.0],
    ),
    ("x = linspace(0, 1, 7); x(4) == 0.5", 1, 1, &[1.0]),
    // complex max/min: by modulus (|-2| = 2 > |1+i|), then by angle
    // (angle(1+i) = pi/4 > angle(-1-i) = -3pi/4)
    ("max([1+1i, -2])", 1, 1, &[-2.0]),
    ("real(max([1+1i, -1-1i]))", 1, 1, &[1.0]),
    ("imag(max([1+1i, -1-1i]))", 1, 1, &[1.0]),
    ("real(min([1+1i, -1-1i]))", 1, 1, &[-1.0]),
    // |-4| = |4i| = 4: angle(-4) = pi beats angle(4i) = pi/2
    ("[m, k] = max([3, -4, 4i]); k", 1, 1, &[2.0]),
    // |3i| = |-3| = 3: angle(3i) = pi/2 is the smaller
    ("[m, k] = min([3i, -3, 4]); k", 1, 1, &[1.0]),
    // a complex second argument: |1| < 2.1 < |3|
    ("real(max([1 3], 2.1i))", 1, 2, &[0.0, 3.0]),
    ("imag(max([1 3], 2.1i))", 1, 2, &[2.1, 0.0]),
    ("imag(min([1 3], 2.1i))", 1, 2, &[0.0, 2.1]),
    // 'all': the reduction of A(:) (column-major 1, 7, 5, 2)
    ("max([1 5; 7 2], [], 'all')", 1, 1, &[7.0]),
    ("[m, k] = max([1 5; 7 2], [], 'all'); k", 1, 1, &[2.0]),
    ("min([1 5; 7 2], [], 'all')", 1, 1, &[1.0]),
    ("sum([1 2; 3 4], 'all')", 1, 1, &[10.0]),
    ("mean([1 2; 3 4], 'all')", 1, 1, &[2.5]),
    ("prod([1 2; 3 4], 'all')", 1, 1, &[24.0]),
    ("any([0 0; 0 1], 'all')", 1, 1, &[1.0]),
    ("all([1 1; 0 1], 'all')", 1, 1, &[0.0]),
    ("sum(zeros(0, 3), 'all')", 1, 1, &[0.0]),
    // lu with one output: Y = L + U - I. Pivot 3: l = 1/3, 4 - 4/3 = 2/3.
    ("lu([1 2; 3 4])", 2, 2, &[3.0, 4.0, 1.0 / 3.0, 2.0 / 3.0]),
    // pivot 5 (l = 0.2, 0.6; rows left [0 0.8], [0 0.4]), then 0.8 (l = 0.5)
    ("lu([1 2; 3 4; 5 6])", 3, 2, &[5.0, 6.0, 0.2, 0.8, 0.6, 0.5]),
    // cond(A, p) = ||A||_p ||inv(A)||_p with inv(A) = [-2 1; 1.5 -0.5]
    ("cond([1 2; 3 4], 1)", 1, 1, &[21.0]),
    ("cond([1 2; 3 4], Inf)", 1, 1, &[21.0]),
    ("cond([1 2; 3 4], 'fro')", 1, 1, &[15.0]),
    ("cond([1 2; 3 4], 2) == cond([1 2; 3 4])", 1, 1, &[1.0]),
    // matrix p-norms max ||Ax||_p / ||x||_p, checked by a fine scan of the
    // unit circle (x = [cos t; sin t])
    ("norm([1 2; 3 4], 3)", 1, 1, &[5.733109524770454]),
    ("norm([1 -2; 3 4], 1.5)", 1, 1, &[5.027523022960568]),
    ("norm(zeros(2), 3)", 1, 1, &[0.0]),
    // reductions of empty matrices keep Octave's shapes (Octave 7.3): the
    // reduced dimension becomes 1 only when it was not 0, and only [] itself
    // gives any/all one answer
    ("max(zeros(0, 3))", 0, 3, &[]),
    ("min(zeros(3, 0))", 1, 0, &[]),
    ("max(zeros(0, 3), [], 2)", 0, 1, &[]),
    ("max(zeros(3, 0), [], 2)", 3, 0, &[]),
    ("any(zeros(0, 3))", 1, 3, &[0.0, 0.0, 0.0]),
    ("all(zeros(0, 3))", 1, 3, &[1.0, 1.0, 1.0]),
    ("all(zeros(0, 3), 2)", 0, 1, &[]),
    ("any(zeros(3, 0))", 1, 0, &[]),
    ("any([])", 1, 1, &[0.0]),
    // diff(x, k, dim): the k-th difference; 1 4 9 16 -> 3 5 7 -> 2 2 -> 0
    ("diff([1 4 9 16], 2)", 1, 2, &[2.0, 2.0]),
    ("diff([1 4 9 16], 3)", 1, 1, &[0.0]),
    // an order past the length leaves nothing (as MATLAB; README lists Octave 7.3's [2 2])
    ("diff([1 4 9 16], 5)", 1, 0, &[]),
    ("diff([1 2; 4 8])", 1, 2, &[3.0, 6.0]),
    ("diff([1 2; 4 8], 1, 2)", 2, 1, &[1.0, 4.0]),
    // find([]) is 0x0 as Octave (a 0x3 gives 0x1)
    ("size(find([]))", 1, 2, &[0.0, 0.0]),
    ("size(find(zeros(0, 3)))", 1, 2, &[0.0, 1.0]),
    // complex p-norms: Octave 7.3's estimates, which a scan of unit vectors
    // [cos t; e^(i phi) sin t] (1500 x 1500 points) confirms to 3e-6 from below
    ("norm([1 2i; 3 4], 3)", 1, 1, &[5.652971415359411]),
    ("norm([1+1i -2; 0.5i 3], 1.5)", 1, 1, &[4.017457342169449]),
    // a larger one: Octave 7.3's value
    (
        "norm([1+2i 3-1i 0; 2 1i 4; -1 2 1+1i], 3)",
        1,
        1,
        &[5.191731888788754],
    ),
    // |i| = 1 scales no norm; a diagonal matrix's p-norm is its largest |d|
    ("norm(1i*[1 2; 3 4], 3) - norm([1 2; 3 4], 3)", 1, 1, &[0.0]),
    ("norm([2i 0; 0 3], 1.7)", 1, 1, &[3.0]),
    ("isnan(norm([NaN 1i; 1 2], 3))", 1, 1, &[1.0]),
    // diag(v, m, n): v down the diagonal of an m x n matrix
    (
        "diag([1 2], 3, 4)",
        3,
        4,
        &[1.0, 0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    ),
    ("diag([1; 2], 1, 3)", 1, 3, &[1.0, 0.0, 0.0]),
    // empty shapes as Octave: [] -> 0x0, a 1x0 vector -> (0 + |k|) square,
    // a 0x3 matrix -> its empty diagonal column
    ("size(diag([]))", 1, 2, &[0.0, 0.0]),
    ("size(diag([], 1))", 1, 2, &[0.0, 0.0]),
    ("diag(zeros(1, 0), -2)", 2, 2, &[0.0; 4]),
    ("size(diag(zeros(0, 3)))", 1, 2, &[0.0, 1.0]),
    // kron of three: kron(kron([1 2], [1; 1]), [1 -1])
    (
        "kron([1 2], [1; 1], [1 -1])",
        2,
        4,
        &[1.0, -1.0, 2.0, -2.0, 1.0, -1.0, 2.0, -2.0],
    ),
    ("size(kron(zeros(2, 0), zeros(0, 3)))", 1, 2, &[0.0, 0.0]),
    ("size(kron(1, zeros(0, 3)))", 1, 2, &[0.0, 3.0]),
    ("size(reshape([], 0, 3))", 1, 2, &[0.0, 3.0]),
    // cross along rows (dim 2): e1 x e2 = e3, e2 x e3 = e1
    (
        "cross([1 0 0; 0 1 0], [0 1 0; 0 0 1], 2)",
        2,
        3,
        &[0.0, 0.0, 1.0, 1.0, 0.0, 0.0],
    ),
    // matrices: down the first dimension of length 3
    (
        "cross([1 0; 0 1; 0 0], [0 0; 1 0; 0 1])",
        3,
        2,
        &[0.0, 1.0, 0.0, 0.0, 1.0, 0.0],
    ),
    // a column with a row: both as columns, as Octave
    ("cross([1; 0; 0], [0 1 0])", 3, 1, &[0.0, 0.0, 1.0]),
    // size: trailing dimensions are 1
    (
        "[r, c, p] = size(ones(2, 3)); [r c p]",
        1,
        3,
        &[2.0, 3.0, 1.0],
    ),
    ("size(ones(2, 3), [1 2])", 1, 2, &[2.0, 3.0]),
    ("size(ones(2, 3), [2 3])", 1, 2, &[3.0, 1.0]),
    ("size(ones(2, 3), 3)", 1, 1, &[1.0]),
    // eig's form flags: [4 1; 2 3] has eigenvalues 5 and 2
    ("eig([4 1; 2 3], 'matrix')", 2, 2, &[5.0, 0.0, 0.0, 2.0]),
    (
        "eig(double([4 1; 2 3]), 'matrix')",
        2,
        2,
        &[5.0, 0.0, 0.0, 2.0],
    ),
    ("eig([4 1; 2 3], 'vector')", 2, 1, &[5.0, 2.0]),
    ("[V, d] = eig([2 1; 1 2], 'vector'); d", 2, 1, &[3.0, 1.0]),
    (
        "[V, D] = eig([2 1; 1 2], 'matrix'); D",
        2,
        2,
        &[3.0, 0.0, 0.0, 1.0],
    ),
    // roots with complex coefficients: x + i = 0; (x - i)(x - 2i) = x^2 - 3ix - 2
    ("imag(roots([1 1i]))", 1, 1, &[-1.0]),
    ("sort(imag(roots([1 -3i -2])))", 2, 1, &[1.0, 2.0]),
    ("norm(real(roots([1 -3i -2]))) < 1e-12", 1, 1, &[1.0]),
    // badly scaled: x^2 + 1e10 x + 1 has roots near -1e-10 and -1e10
    (
        "r = abs(roots([1 1e10 1])); [min(r) * 1e10, max(r) / 1e10]",
        1,
        2,
        &[1.0, 1.0],
    ),
    // exact coefficients: rational roots exactly, (x - 1)^3 has 1 three times
    ("roots([1 -3 3 -1]) == [1; 1; 1]", 3, 1, &[1.0, 1.0, 1.0]),
    ("roots([2 -3 1])", 2, 1, &[1.0, 0.5]),
    // (x - 1)(x^2 - 2): 1 exactly, the others from x^2 - 2
    (
        "roots([1 -1 -2 2])",
        3,
        1,
        &[std::f64::consts::SQRT_2, 1.0, -std::f64::consts::SQRT_2],
    ),
    ("roots([0 0 1 -2 0])", 2, 1, &[2.0, 0.0]),
    // inv of an empty matrix is 0x0, as Octave
    ("size(inv(zeros(2, 0)))", 1, 2, &[0.0, 0.0]),
    ("size(inv(zeros(0, 3)))", 1, 2, &[0.0, 0.0]),
    // eig of [] is 0x0 for every output, as Octave 7.3 (not a 0x1 column)
    ("size(eig([]))", 1, 2, &[0.0, 0.0]),
    (
        "[V, D] = eig([]); [size(V) size(D)]",
        1,
        4,
        &[0.0, 0.0, 0.0, 0.0],
    ),
    // trace: the sum of the diagonal of any 2-D matrix
    ("trace(3:10)", 1, 1, &[3.0]),
    ("trace([1 2 3; 4 5 6])", 1, 1, &[6.0]),
    ("trace(zeros(0, 3))", 1, 1, &[0.0]),
    ("trace(double([1 2 3; 4 5 6]))", 1, 1, &[6.0]),
    // complex issymmetric compares with the plain transpose A.'
    ("issymmetric([1 2i; 2i 1])", 1, 1, &[1.0]),
    ("issymmetric([1 2i; -2i 1])", 1, 1, &[0.0]),
    ("issymmetric([1 2i; 2i+1e-10 1], 1e-8)", 1, 1, &[1.0]),
];

#[test]
fn call_forms_agree_with_octave() {
    for (src, r, c, want) in TABLE {
        let (gr, gc, got) = matrix(src);
        assert_eq!((gr, gc), (*r, *c), "shape of {src}");
        let (gi, wi): (Vec<f64>, Vec<f64>) = got
            .iter()
            .zip(want.iter())
            .filter(|(g, w)| !(g.is_infinite() && g == w))
            .map(|(g, w)| (*g, *w))
            .unzip();
        assert_eq!(got.len(), want.len(), "length of {src}: {got:?}");
        assert_close(&gi, &wi, 1e-6);
    }
}

#[test]
fn bad_forms_are_errors() {
    for src in [
        "roots([1 2; 3 4])",
        "eig([1 2; 3 4], 'foo')",
        "eig([1 2; 3 4], 2)",
        "cond(ones(2, 3), 1)",
        "norm([1 2; 3 4], 0.5)",
        "max([1 2], [3 4], 2)",
        "sum([1 2], 'foo')",
        "max([1 2], [], 'al')",
        "linspace([1; 2], [3; 4; 5], 3)",
        "linspace(1, 2, NaN)",
        "linspace(ones(2), 1, 3)",
        "diag(ones(2), 2, 2)",
        "size(ones(2), 0)",
        "size(ones(2), 1.5)",
        "[a, b] = size(ones(2), 1)",
        "cross([1 2], [3 4])",
        "cross([1 0 0], [0 1 0], 1)",
        "cross([1 0 0], [0 1 0 0])",
        "assert([3 3; 3 3], 3)",
        "issymmetric([1 2; 2 1], -1)",
        "issymmetric([1 2i; 2i 1], -1)",
        "qr([1 2; 3 4], 'foo')",
    ] {
        let r = eval(src);
        assert_eq!(r.status, 1, "{src} should fail: {}", r.stdout);
        assert!(r.stderr.starts_with("error: "), "{src}: {}", r.stderr);
        assert!(!r.stderr.contains("internal error"), "{src}: {}", r.stderr);
    }
}

/// `la -e SRC` on a terminal `cols` characters wide.
fn shown(src: &str, cols: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_la"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", cols)
        .args(["-e", src])
        .output()
        .expect("run la");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn wide_rows_split_as_octave() {
    // 16 columns of 5 characters fill an 80-character row exactly: Octave
    // shows 1:16 on one line.
    let row: String = (1..=16).map(|k| format!("{k:>5}")).collect();
    assert_eq!(shown("x = 1:16", "80"), format!("x =\n\n{row}\n\n"));
    // 17 do not: a block of 16, then one of one column
    assert_eq!(
        shown("x = 1:17", "80"),
        format!("x =\n\n Columns 1 through 16:\n\n{row}\n\n Column 17:\n\n   17\n\n")
    );
    // two 9-character columns fit in 20: every block of two is "N and M"
    assert_eq!(
        shown("x = [1 2 3 4 5] * 100000", "20"),
        concat!(
            "x =\n\n Columns 1 and 2:\n\n   100000   200000\n\n",
            " Columns 3 and 4:\n\n   300000   400000\n\n",
            " Column 5:\n\n   500000\n\n"
        )
    );
}
