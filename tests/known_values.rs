//! Known values through the real binary, each derived by hand (or built so the
//! answer is known) rather than copied from la's output. Written for issue 20:
//! bugs planted in these places (linear `end` as max(rows, cols), the rcond
//! estimate's transposed solve, the middle component of `cross`, the sign rule
//! of symmetric eigenvectors) passed the rest of the suite unnoticed.

mod common;
use common::{assert_close, decode_matrix, eval, json, matrix};

/// A displayed variable of `src` (`--json`), as f64 entries row-major with its shape.
fn named(src: &str, name: &str) -> (usize, usize, Vec<f64>) {
    let vals = json(src);
    let v = &vals
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} not displayed by {src:?}"))
        .1;
    decode_matrix(v)
}

fn scalar(src: &str) -> f64 {
    let (r, c, d) = matrix(src);
    assert_eq!((r, c), (1, 1), "{src:?} is not a scalar");
    d[0]
}

fn assert_rel(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        (got - want).abs() <= tol * want.abs(),
        "{what}: got {got:e}, want {want:e}"
    );
}

// ---------------------------------------------------------------- linear `end`

/// Linear indexing counts down the columns (column-major), and `end` in a
/// single subscript is rows*cols: for [1 2 3; 4 5 6] the order is 1 4 2 5 3 6.
#[test]
fn linear_end_on_non_square_matrices_is_the_element_count() {
    let wide = "A = [1 2 3; 4 5 6];";
    assert_eq!(matrix(&format!("{wide} A(end)")), (1, 1, vec![6.0]));
    assert_eq!(matrix(&format!("{wide} A(end-1)")), (1, 1, vec![3.0]));
    assert_eq!(matrix(&format!("{wide} A(end-2)")), (1, 1, vec![5.0]));
    assert_eq!(
        matrix(&format!("{wide} A(end-2:end)")),
        (1, 3, vec![5.0, 3.0, 6.0])
    );
    // Assignment through linear `end` changes element (2,3), then (1,3).
    assert_eq!(
        matrix(&format!("{wide} A(end) = 9; A")),
        (2, 3, vec![1.0, 2.0, 3.0, 4.0, 5.0, 9.0])
    );
    assert_eq!(
        matrix(&format!("{wide} A(end-1) = 7; A")),
        (2, 3, vec![1.0, 2.0, 7.0, 4.0, 5.0, 6.0])
    );
    // Tall: [1 2; 3 4; 5 6] is 1 3 5 2 4 6 in linear order.
    let tall = "B = [1 2; 3 4; 5 6];";
    assert_eq!(matrix(&format!("{tall} B(end)")), (1, 1, vec![6.0]));
    assert_eq!(matrix(&format!("{tall} B(end-1)")), (1, 1, vec![4.0]));
    assert_eq!(matrix(&format!("{tall} B(end-3)")), (1, 1, vec![5.0]));
    assert_eq!(
        matrix(&format!("{tall} B(end) = 0; B")),
        (3, 2, vec![1.0, 2.0, 3.0, 4.0, 5.0, 0.0])
    );
    // Two subscripts: `end` is the size of that dimension.
    assert_eq!(matrix(&format!("{wide} A(end, 1)")), (1, 1, vec![4.0]));
    assert_eq!(matrix(&format!("{wide} A(1, end)")), (1, 1, vec![3.0]));
}

#[test]
fn growing_with_end_plus_one_keeps_the_orientation() {
    assert_eq!(
        matrix("x = [1 2]; x(end+1) = 7; x"),
        (1, 3, vec![1.0, 2.0, 7.0])
    );
    assert_eq!(
        matrix("y = [1; 2]; y(end+1) = 3; y"),
        (3, 1, vec![1.0, 2.0, 3.0])
    );
    assert_eq!(
        matrix("z = []; z(end+1) = 5; z(end+1) = 6; z"),
        (1, 2, vec![5.0, 6.0])
    );
    assert_eq!(
        matrix("w = 4; w(end+2) = 8; w"),
        (1, 3, vec![4.0, 0.0, 8.0])
    );
    // A loop that appends: 1, 4, 9, 16.
    assert_eq!(
        matrix("v = []; for k = 1:4, v(end+1) = k^2; end; v"),
        (1, 4, vec![1.0, 4.0, 9.0, 16.0])
    );
}

/// The one-element fast path keeps the kind and the layout rules of the
/// general assignment: exact stays exact, logical stays logical, a matrix
/// cannot grow through one subscript, and a literal's value is never shared
/// into a later write.
#[test]
fn one_element_writes_keep_kind_and_rules() {
    let exact = |src: &str| {
        let r = common::run(&["--json", "-e", src], "");
        assert_eq!(r.status, 0, "{src}: {}", r.stderr);
        let line = r.stdout.lines().last().expect("a value line");
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        (v["class"].clone(), v["exact"].clone())
    };
    // 0, 0, 1/3: grown from empty, the fraction kept exactly.
    let (_, e) = exact("y = []; y(3) = 1/3; y");
    assert_eq!(e, serde_json::json!([["0", "0", "1/3"]]));
    // Ten steps of 1/10 add up to exactly 1 (a float sum would not).
    let (_, e) = exact("s = 0; for k = 1:10, s = s + 0.1; end; s");
    assert_eq!(e, serde_json::json!("1"));
    let (class, _) = exact("b = [true false]; b(4) = true; b");
    assert_eq!(class, "logical");
    assert_eq!(
        json("b = [true false]; b(4) = true; b")[0].1["data"],
        serde_json::json!([[true, false, false, true]])
    );
    assert_eq!(
        matrix("x = [1; 2]; x(4) = 7; x"),
        (4, 1, vec![1.0, 2.0, 0.0, 7.0])
    );
    // Two variables made from the same literal are separate values.
    assert_eq!(matrix("a = 1.5; b = 1.5; a(2) = 7; b"), (1, 1, vec![1.5]));
    let r = eval("A = [1 2; 3 4]; A(7) = 1");
    common::assert_error(&r, "out of bound", "1:17");
}

// ---------------------------------------------------------------- rcond

/// rcond(A) = 1 / (||A||_1 ||inv(A)||_1). The values were worked out with
/// exact fractions (Python's `fractions`), independently of la:
///
/// - [1 2 3; 4 5 6; 7 8 10]: det = -3, inv = [-2/3 -4/3 1; -2/3 11/3 -2; 1 -2 1],
///   column sums 7/3, 7, 4, so ||inv||_1 = 7; ||A||_1 = 19; rcond = 1/133.
/// - [0 1 2; 1 0 3; 4 -3 8] (needs row exchanges): inv = [-9/2 7 -3/2; -2 4 -1;
///   3/2 -2 1/2], ||inv||_1 = 13, ||A||_1 = 13, rcond = 1/169.
/// - the 4x4 second difference matrix: ||A||_1 = 4, ||inv||_1 = 3 (column
///   sums of inv are 2, 3, 3, 2), rcond = 1/12.
/// - hilb(3): ||H||_1 = 11/6, inv = [9 -36 30; -36 192 -180; 30 -180 180],
///   ||inv||_1 = 408, rcond = 1/748 (Octave: 1.3370e-03).
///
/// la's rcond is LAPACK's estimate (Hager/Higham), a lower bound on
/// ||inv||_1, which for matrices this small finds the exact norm; 1e-12
/// relative leaves room for rounding only.
#[test]
fn rcond_of_known_matrices() {
    let cases = [
        ("[1 2 3; 4 5 6; 7 8 10]", 1.0 / 133.0),
        ("[0 1 2; 1 0 3; 4 -3 8]", 1.0 / 169.0),
        ("[2 -1 0 0; -1 2 -1 0; 0 -1 2 -1; 0 0 -1 2]", 1.0 / 12.0),
        ("hilb(3)", 1.0 / 748.0),
        ("eye(3)", 1.0),
        ("diag([1 1e-3])", 1e-3),
        ("diag([2 -4 8])", 2.0 / 8.0),
    ];
    for (a, want) in cases {
        // Exact (fraction) input and the same matrix in floating point.
        for src in [format!("rcond({a})"), format!("rcond(double({a}))")] {
            assert_rel(scalar(&src), want, 1e-12, &src);
        }
    }
    // Exactly singular: 0. The empty matrix: Inf (as Octave).
    assert_eq!(scalar("rcond([1 2; 2 4])"), 0.0);
    let r = eval("x = rcond([])");
    assert_eq!(r.stdout.trim(), "x = Inf", "{}", r.stderr);
}

// ---------------------------------------------------------------- cross

/// a x b = (a2 b3 - a3 b2, a3 b1 - a1 b3, a1 b2 - a2 b1), worked by hand.
#[test]
fn cross_products_with_every_component_nonzero() {
    // (2*6 - 3*5, 3*4 - 1*6, 1*5 - 2*4) = (-3, 6, -3)
    assert_eq!(
        matrix("cross([1 2 3], [4 5 6])"),
        (1, 3, vec![-3.0, 6.0, -3.0])
    );
    // (-1*-5 - 2*4, 2*1 - 3*-5, 3*4 - -1*1) = (-3, 17, 13)
    assert_eq!(
        matrix("cross([3 -1 2], [1 4 -5])"),
        (1, 3, vec![-3.0, 17.0, 13.0])
    );
    // Anti-commutative: b x a = (3, -17, -13).
    assert_eq!(
        matrix("cross([1 4 -5], [3 -1 2])"),
        (1, 3, vec![3.0, -17.0, -13.0])
    );
    // Column inputs give a column.
    assert_eq!(
        matrix("cross([1; 2; 3], [4; 5; 6])"),
        (3, 1, vec![-3.0, 6.0, -3.0])
    );
    // Floating point: (0.5*-1 - 0*2, 0*1.5 - 0.25*-1, 0.25*2 - 0.5*1.5) = (-0.5, 0.25, -0.25)
    let (r, c, d) = matrix("cross(double([0.25 0.5 0]), double([1.5 2 -1]))");
    assert_eq!((r, c), (1, 3));
    assert_close(&d, &[-0.5, 0.25, -0.25], 1e-15);
    // The right-handed basis: e2 x e3 = e1, e3 x e1 = e2.
    assert_eq!(
        matrix("cross([0 1 0], [0 0 1])"),
        (1, 3, vec![1.0, 0.0, 0.0])
    );
    assert_eq!(
        matrix("cross([0 0 1], [1 0 0])"),
        (1, 3, vec![0.0, 1.0, 0.0])
    );
}

// ---------------------------------------------------------------- eig

/// `[V, D] = eig(A)` for symmetric A, end to end. `help eig`: eigenvalues
/// descending, eigenvectors of unit norm with the largest entry positive
/// (on a tie in magnitude, the first of them; la's sign rule).
fn check_eig(a: &str, want_v: &[f64], want_d: &[f64]) {
    for m in [a.to_string(), format!("double({a})")] {
        let src = format!("[V, D] = eig({m})");
        let n = want_d.len();
        let (r, c, v) = named(&src, "V");
        assert_eq!((r, c), (n, n), "{src}: V shape");
        let (r, c, d) = named(&src, "D");
        assert_eq!((r, c), (n, n), "{src}: D shape");
        let mut diag = vec![0.0; n * n];
        for k in 0..n {
            diag[k * n + k] = want_d[k];
        }
        assert_close(&d, &diag, 1e-12);
        assert_close(&v, want_v, 1e-12);
        // The eigenvalues alone, as a column, in the same order.
        let (r, c, lambda) = matrix(&format!("eig({m})"));
        assert_eq!((r, c), (n, 1), "eig({m}) shape");
        assert_close(&lambda, want_d, 1e-12);
    }
}

#[test]
fn symmetric_eigenvectors_follow_the_sign_rule() {
    let h = std::f64::consts::FRAC_1_SQRT_2;
    // [2 1; 1 2]: 3 with (1, 1)/sqrt 2; 1 with (1, -1)/sqrt 2 (a tie: the
    // first entry is made positive).
    check_eig("[2 1; 1 2]", &[h, h, h, -h], &[3.0, 1.0]);

    // [5 2 0; 2 2 0; 0 0 7]: 7 with e3; the 2x2 block [5 2; 2 2] has 6 with
    // (2, 1)/sqrt 5 and 1 with (1, -2)/sqrt 5, whose largest entry is
    // negative, so it is flipped to (-1, 2)/sqrt 5.
    let s5 = 5f64.sqrt();
    #[rustfmt::skip]
    let v = [
        0.0, 2.0 / s5, -1.0 / s5,
        0.0, 1.0 / s5, 2.0 / s5,
        1.0, 0.0, 0.0,
    ];
    check_eig("[5 2 0; 2 2 0; 0 0 7]", &v, &[7.0, 6.0, 1.0]);

    // The second difference matrix [2 -1 0; -1 2 -1; 0 -1 2]: eigenvalues
    // 2 - 2cos(k pi/4) = 2 + sqrt 2, 2, 2 - sqrt 2 with eigenvectors
    // (1, -sqrt 2, 1)/2 -> flipped to (-1/2, sqrt 2/2, -1/2) (largest is the
    // middle); (1, 0, -1)/sqrt 2 (a tie: first positive); (1, sqrt 2, 1)/2.
    let r2 = 2f64.sqrt();
    #[rustfmt::skip]
    let v = [
        -0.5, h, 0.5,
        h, 0.0, h,
        -0.5, -h, 0.5,
    ];
    check_eig("[2 -1 0; -1 2 -1; 0 -1 2]", &v, &[2.0 + r2, 2.0, 2.0 - r2]);
}

// ---------------------------------------------------------------- SVD, n = 300

/// Householder reflector I - 2 u u'/(u'u), applied to the columns of `m` from the left.
fn reflect(m: &mut nalgebra::DMatrix<f64>, u: &[f64]) {
    let uu: f64 = u.iter().map(|x| x * x).sum();
    for j in 0..m.ncols() {
        let dot: f64 = (0..m.nrows()).map(|i| u[i] * m[(i, j)]).sum();
        let f = 2.0 * dot / uu;
        for i in 0..m.nrows() {
            m[(i, j)] -= f * u[i];
        }
    }
}

/// An orthogonal n x n matrix: a product of three reflectors with
/// pseudo-random vectors (a fixed LCG, so the matrix is the same every run).
fn orthogonal(n: usize, seed: u64) -> nalgebra::DMatrix<f64> {
    let mut state = seed;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 11) as f64 / (1u64 << 53) as f64) - 0.5
    };
    let mut q = nalgebra::DMatrix::<f64>::identity(n, n);
    for _ in 0..3 {
        let u: Vec<f64> = (0..n).map(|_| next()).collect();
        reflect(&mut q, &u);
    }
    q
}

/// Hands `a` to la as variable `A` through a session file (`{:?}`
/// round-trips every f64), runs `src` after loading it and returns the
/// displayed values.
fn run_on(a: &nalgebra::DMatrix<f64>, tag: &str, src: &str) -> Vec<(String, serde_json::Value)> {
    let (m, n) = a.shape();
    let dir = std::env::temp_dir().join(format!("la-known-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("a.txt");
    let mut text = format!("# la session v1\nA real {m} {n}\n");
    for i in 0..m {
        let row: Vec<String> = (0..n).map(|j| format!("{:?}", a[(i, j)])).collect();
        text.push_str(&row.join(" "));
        text.push('\n');
    }
    std::fs::write(&file, text).expect("write session file");
    let vals = json(&format!("load {}\n{src}", file.display()));
    let _ = std::fs::remove_dir_all(&dir);
    vals
}

/// The displayed real matrix `name` among `vals`.
fn json_matrix(vals: &[(String, serde_json::Value)], name: &str) -> nalgebra::DMatrix<f64> {
    let v = &vals.iter().find(|(k, _)| k == name).expect(name).1;
    let rows = v["rows"].as_u64().expect("rows") as usize;
    let cols = v["cols"].as_u64().expect("cols") as usize;
    let data: Vec<f64> = v["data"]
        .as_array()
        .expect("data")
        .iter()
        .flat_map(|r| {
            r.as_array()
                .expect("row")
                .iter()
                .map(|x| x.as_f64().expect("real"))
        })
        .collect();
    nalgebra::DMatrix::from_row_slice(rows, cols, &data)
}

/// The large symmetric eigensolver path (divide and conquer on the
/// tridiagonal, with deflation): A = Q diag(d) Q' is built here with known
/// eigenvalues, 250 distinct ones and 50 copies of 7 (a repeated eigenvalue
/// that deflates heavily); la must give them back in its order (descending),
/// with
/// orthonormal V and A*V = V*D, all checked here with nalgebra.
#[test]
fn symmetric_eig_at_n_300_reproduces_a_known_spectrum() {
    let n = 300;
    let q = orthogonal(n, 3);
    let mut d: Vec<f64> = (1..=250).map(|k| k as f64 * 0.5).collect();
    d.extend(std::iter::repeat_n(7.0, 50));
    let a = &q
        * nalgebra::DMatrix::from_diagonal(&nalgebra::DVector::from_vec(d.clone()))
        * q.transpose();
    let a = (&a + a.transpose()) * 0.5;
    let vals = run_on(&a, "eig", "[V, D] = eig(A)");
    let (v, dd) = (json_matrix(&vals, "V"), json_matrix(&vals, "D"));
    assert_eq!((v.shape(), dd.shape()), ((n, n), (n, n)));
    d.sort_by(|x, y| y.total_cmp(x));
    for (k, want) in d.iter().enumerate() {
        assert!(
            (dd[(k, k)] - want).abs() < 1e-12,
            "lambda_{k}: got {}, want {want}",
            dd[(k, k)]
        );
    }
    let err_v = (v.transpose() * &v - nalgebra::DMatrix::identity(n, n)).norm();
    assert!(err_v < 1e-12, "||V'V - I||_F = {err_v:e}");
    let rel = (&a * &v - &v * &dd).norm() / a.norm();
    assert!(rel < 1e-13, "||A V - V D||_F / ||A||_F = {rel:e}");
}

/// The large (parallel, faer) SVD path: A = Q1 [diag(s); 0] Q2' is built here,
/// outside la, with known singular values s = 260, 259, ..., 1; la must give
/// them back in order, with orthogonal U and V and U*S*V' = A. All products
/// are computed here with nalgebra, not by la.
#[test]
fn svd_at_n_300_reproduces_a_matrix_with_known_singular_values() {
    let (m, n) = (300, 260);
    let q1 = orthogonal(m, 1);
    let q2 = orthogonal(n, 2);
    let s: Vec<f64> = (0..n).map(|k| (n - k) as f64).collect();
    let mut sigma = nalgebra::DMatrix::<f64>::zeros(m, n);
    for k in 0..n {
        sigma[(k, k)] = s[k];
    }
    let a = &q1 * &sigma * q2.transpose();

    let vals = run_on(&a, "svd", "[U, S, V] = svd(A)");
    let get = |name: &str| json_matrix(&vals, name);
    let (u, s_got, v) = (get("U"), get("S"), get("V"));
    assert_eq!(u.shape(), (m, m));
    assert_eq!(s_got.shape(), (m, n));
    assert_eq!(v.shape(), (n, n));
    // The singular values, descending, to rounding (|error| <= ~eps * s_max * n).
    for k in 0..n {
        assert!(
            (s_got[(k, k)] - s[k]).abs() < 1e-10,
            "sigma_{k}: got {}, want {}",
            s_got[(k, k)],
            s[k]
        );
    }
    let off: f64 = (0..m)
        .flat_map(|i| (0..n).map(move |j| (i, j)))
        .filter(|(i, j)| i != j)
        .map(|(i, j)| s_got[(i, j)].abs())
        .fold(0.0, f64::max);
    assert_eq!(off, 0.0, "S is diagonal");
    let err_u = (u.transpose() * &u - nalgebra::DMatrix::identity(m, m)).norm();
    let err_v = (v.transpose() * &v - nalgebra::DMatrix::identity(n, n)).norm();
    assert!(err_u < 1e-12, "||U'U - I||_F = {err_u:e}");
    assert!(err_v < 1e-12, "||V'V - I||_F = {err_v:e}");
    let rel = (&u * &s_got * v.transpose() - &a).norm() / a.norm();
    assert!(rel < 1e-13, "||U S V' - A||_F / ||A||_F = {rel:e}");
}

/// `pinv` through the bidiagonal divide and conquer (square, n >= 32): A is
/// built here as Q1 diag(s) Q2' with s = 5 repeated 40 times, 1..120 and
/// 40 zeros (rank 160, heavy deflation); la's X must satisfy the four
/// Moore-Penrose identities, and `svd` must give s back, both checked here
/// with nalgebra.
#[test]
fn pinv_and_svd_at_n_200_of_a_rank_deficient_known_spectrum() {
    let n = 200;
    let (q1, q2) = (orthogonal(n, 4), orthogonal(n, 5));
    let mut s: Vec<f64> = std::iter::repeat_n(5.0, 40).collect();
    s.extend((1..=120).map(|k| k as f64));
    s.extend(std::iter::repeat_n(0.0, 40));
    let a = &q1
        * nalgebra::DMatrix::from_diagonal(&nalgebra::DVector::from_vec(s.clone()))
        * q2.transpose();
    let x = json_matrix(&run_on(&a, "pinv200", "X = pinv(A)"), "X");
    let tol = 1e-12 * a.norm();
    assert!((&a * &x * &a - &a).norm() < tol, "A X A != A");
    assert!((&x * &a * &x - &x).norm() < 1e-12 * x.norm(), "X A X != X");
    let (ax, xa) = (&a * &x, &x * &a);
    assert!(
        (&ax - ax.transpose()).norm() < 1e-12 * n as f64,
        "A X not symmetric"
    );
    assert!(
        (&xa - xa.transpose()).norm() < 1e-12 * n as f64,
        "X A not symmetric"
    );
    let got = json_matrix(&run_on(&a, "svd200", "S = svd(A)"), "S");
    s.sort_by(|p, q| q.total_cmp(p));
    for (k, want) in s.iter().enumerate() {
        assert!(
            (got[(k, 0)] - want).abs() < 1e-11,
            "sigma_{k}: {} vs {want}",
            got[(k, 0)]
        );
    }
}

// ---------------------------------------------------------------- roots / poly

/// The roots of a polynomial built from known roots: their number and values
/// (la lists real roots in descending order, as Octave does here).
#[test]
fn roots_of_poly_give_back_the_roots() {
    // (x - 1)(x - 2)(x - 3) = x^3 - 6x^2 + 11x - 6
    assert_eq!(
        matrix("p = poly([1 2 3])"),
        (1, 4, vec![1.0, -6.0, 11.0, -6.0])
    );
    let (r, c, d) = matrix("r = roots(poly([1 2 3]))");
    assert_eq!((r, c), (3, 1));
    assert_close(&d, &[3.0, 2.0, 1.0], 1e-12);
    let (r, c, d) = matrix("r = roots(double([1 -6 11 -6]))");
    assert_eq!((r, c), (3, 1));
    assert_close(&d, &[3.0, 2.0, 1.0], 1e-12);
    // Leading zeros are dropped and trailing zeros are roots at 0:
    // x^4 - 3x^3 + 2x^2 = x^2 (x - 1)(x - 2).
    let (r, c, d) = matrix("roots([0 0 1 -3 2 0 0])");
    assert_eq!((r, c), (4, 1));
    assert_close(&d, &[2.0, 1.0, 0.0, 0.0], 1e-12);
    // Non-integer roots through poly: four roots back, as a set.
    let (r, c, mut d) = matrix("roots(poly([0.5 -1.25 2 3]))");
    assert_eq!((r, c), (4, 1));
    d.sort_by(f64::total_cmp);
    assert_close(&d, &[-1.25, 0.5, 2.0, 3.0], 1e-12);
    // x^2 + 1: the pair +i, -i (real parts 0).
    let (r, c, d) = matrix("r = roots([1 0 1]); [real(r), imag(r)]");
    assert_eq!((r, c), (2, 2));
    assert_close(&d, &[0.0, 1.0, 0.0, -1.0], 1e-15);
    // x^2 - 2x + 5 = (x - 1)^2 + 4: 1 +- 2i.
    let (_, _, d) = matrix("r = roots([1 -2 5]); [real(r), imag(r)]");
    assert_close(&d, &[1.0, 2.0, 1.0, -2.0], 1e-14);
}

// ------------------------------------------------------- general eig, n = 600

/// The general (non-symmetric) eigensolver at a size that runs on the
/// worker pool: A = S B S^-1 is built here with S = Q1 diag(s) Q2 (so
/// S^-1 = Q2' diag(1/s) Q1', not orthogonal) and B block diagonal with 500
/// distinct real eigenvalues and 50 blocks [a -b; b a] (eigenvalues a +- bi).
/// la must give the eigenvalues back in its order, each real eigenvalue's
/// vector as S's column scaled to unit length with its largest entry
/// positive, each pair's vectors as conjugates, and A*V = V*D (all checked
/// here with nalgebra).
#[test]
fn general_eig_at_n_600_reproduces_a_known_spectrum() {
    type C = num_complex::Complex<f64>;
    let (n, pairs) = (600, 50);
    let s: Vec<f64> = (0..n).map(|k| 1.0 + 2.0 * k as f64 / n as f64).collect();
    let (q1, q2) = (orthogonal(n, 5), orthogonal(n, 6));
    let diag = |d: &[f64]| nalgebra::DMatrix::from_diagonal(&nalgebra::DVector::from_row_slice(d));
    let basis = &q1 * diag(&s) * &q2;
    let inverse =
        q2.transpose() * diag(&s.iter().map(|x| 1.0 / x).collect::<Vec<_>>()) * q1.transpose();
    let mut b = nalgebra::DMatrix::<f64>::zeros(n, n);
    let mut want = Vec::new();
    for k in 0..pairs {
        let (i, re, im) = (2 * k, k as f64 + 0.3 - 20.0, 1.0 + 0.1 * k as f64);
        b[(i, i)] = re;
        b[(i + 1, i + 1)] = re;
        b[(i, i + 1)] = -im;
        b[(i + 1, i)] = im;
        want.extend([(C::new(re, im), None), (C::new(re, -im), None)]);
    }
    for i in 2 * pairs..n {
        b[(i, i)] = (i - 2 * pairs) as f64 * 0.5 - 100.0;
        want.push((C::new(b[(i, i)], 0.0), Some(i)));
    }
    want.sort_by(|x, y| y.0.re.total_cmp(&x.0.re).then(y.0.im.total_cmp(&x.0.im)));
    let a = &basis * b * inverse;
    let vals = run_on(
        &a,
        "geig",
        "[V, D] = eig(A); Vr = real(V), Vi = imag(V), dr = real(diag(D)), di = imag(diag(D))",
    );
    let v = json_matrix(&vals, "Vr").zip_map(&json_matrix(&vals, "Vi"), C::new);
    let d: Vec<C> = json_matrix(&vals, "dr")
        .iter()
        .zip(json_matrix(&vals, "di").iter())
        .map(|(&r, &i)| C::new(r, i))
        .collect();
    assert_eq!((v.shape(), d.len()), ((n, n), n));
    for (j, (lambda, column)) in want.iter().enumerate() {
        assert!(
            (d[j] - lambda).norm() < 1e-8,
            "lambda_{j}: got {}, want {lambda}",
            d[j]
        );
        if let Some(c) = column {
            let sc = basis.column(*c) / basis.column(*c).norm();
            let sign = if sc[sc.iamax()] < 0.0 { -1.0 } else { 1.0 };
            let err =
                (v.column(j).map(|z| z.re) - sc * sign).norm() + v.column(j).map(|z| z.im).norm();
            assert!(
                err < 1e-8,
                "vector {j} (lambda = {lambda}) is off by {err:e}"
            );
        } else if lambda.im > 0.0 {
            let conj = v.column(j).map(|z| z.conj());
            assert!((v.column(j + 1) - conj).norm() < 1e-12, "pair at {j}");
        }
        assert!((v.column(j).norm() - 1.0).abs() < 1e-12, "unit vector {j}");
    }
    let ac = a.map(|x| C::new(x, 0.0));
    let dd = nalgebra::DMatrix::from_diagonal(&nalgebra::DVector::from_vec(d));
    let rel = (&ac * &v - &v * dd).norm() / a.norm();
    assert!(rel < 1e-12, "||A V - V D||_F / ||A||_F = {rel:e}");
}
