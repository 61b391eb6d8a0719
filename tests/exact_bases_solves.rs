//! Exact input, exact answers: orthonormal bases (`orth`, `null`), solves
//! with the square roots of an exact `chol`, `hypot`, `cov` and `corr` of
//! complex data, through the real binary. Every expected value is derived
//! by hand in the comments (Octave 7.3's float answers to the same complex
//! data are in tests/complex_stats/octave.txt).

mod common;
use common::*;

/// `src`'s output, which must come without warnings or errors.
fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!((r.status, r.stderr.as_str()), (0, ""), "{src}");
    r.stdout
}

#[test]
fn null_of_exact_input_is_an_exact_orthonormal_basis() {
    // null([1 1], 'r') = [-1; 1]; its first largest entry made positive:
    // [1; -1], over its norm sqrt(2).
    assert_eq!(
        out("N = null([1 1])"),
        "N =\n\n    1/sqrt(2)\n   -1/sqrt(2)\n\n"
    );
    // null([1 1 1], 'r') = [-1 -1; 1 0; 0 1]. Gram-Schmidt: v1 = [-1; 1; 0]
    // (turned: [1; -1; 0]/sqrt(2)); v2 = [-1; 0; 1] - (1/2) v1 =
    // [-1/2; -1/2; 1], largest entry 1 already positive, norm^2 = 3/2:
    // [-1; -1; 2]/sqrt(6).
    assert_eq!(
        out("N = null([1 1 1]); isequal(N, [1/sqrt(2) -1/sqrt(6); -1/sqrt(2) -1/sqrt(6); 0 2/sqrt(6)])"),
        "ans = 1\n"
    );
    // Any orthonormal basis of the plane x + y + z = 0 (Octave's SVD one
    // too) has the projector N*N' = I - ones(3)/3, exactly here.
    assert_eq!(
        out("N = null([1 1 1]); [isexact(N), isequal(N'*N, eye(2)), isequal(N*N', eye(3) - ones(3)/3), isequal([1 1 1]*N, [0 0])]"),
        "ans =\n\n  1  1  1  1\n\n"
    );
    // A full-rank matrix: an empty basis with one row per unknown (as Octave).
    assert_eq!(out("size(null([1 2; 3 4]))"), "ans =\n\n   2   0\n\n");
    // A tolerance keeps the SVD: floats.
    assert_eq!(out("isexact(null([1 1], 1e-10))"), "ans = 0\n");
}

#[test]
fn orth_of_exact_input_is_an_exact_orthonormal_basis() {
    // One pivot column [1; 2], over sqrt(5).
    assert_eq!(
        out("Q = orth([1 2; 2 4])"),
        "Q =\n\n   1/sqrt(5)\n   2/sqrt(5)\n\n"
    );
    // Pivot columns [1; 1; 0] and [0; 1; 1]: v1 = [1; 1; 0]/sqrt(2);
    // v2 = [0; 1; 1] - (1/2)[1; 1; 0] = [-1/2; 1/2; 1] -> [-1; 1; 2]/sqrt(6).
    // The projector onto the columns of A = [1 0; 1 1; 0 1] is
    // A inv(A'A) A' = [2 1 -1; 1 2 1; -1 1 2]/3 (A'A = [2 1; 1 2]), which
    // any orthonormal basis of that plane gives, Octave's SVD one too.
    assert_eq!(
        out("Q = orth([1 0; 1 1; 0 1]); [isequal(Q, [1/sqrt(2) -1/sqrt(6); 1/sqrt(2) 1/sqrt(6); 0 2/sqrt(6)]), isequal(Q*Q', [2 1 -1; 1 2 1; -1 1 2]/3), isequal(Q'*Q, eye(2))]"),
        "ans =\n\n  1  1  1\n\n"
    );
    // The dependent column 2 = 2 * column 1 is not a pivot: one column.
    assert_eq!(
        out("size(orth([1 2 0; 2 4 1; 0 0 0]))"),
        "ans =\n\n   3   2\n\n"
    );
    assert_eq!(out("isexact(orth([1 2; 2 4], 1e-10))"), "ans = 0\n");
}

#[test]
fn the_two_solves_of_a_cholesky_factor_stay_exact() {
    // chol([2 1; 1 2]) = [sqrt(2) 1/sqrt(2); 0 sqrt(6)/2] (sqrt(2 - 1/2) =
    // sqrt(3/2) = sqrt(6)/2): two fields in one matrix.
    // R'\b, b = [1; 2]: y1 = 1/sqrt(2); y2 = (2 - (1/sqrt(2)) y1)/(sqrt(6)/2)
    // = (3/2)(2/sqrt(6)) = sqrt(6)/2. Then R\y = A\b = [0; 1]
    // (2*0 + 1 = 1, 0 + 2*1 = 2).
    assert_eq!(
        out("R = chol([2 1; 1 2]); y = R' \\ [1; 2]; x = R \\ y; [isequal(y, [1/sqrt(2); sqrt(6)/2]), isequal(x, [0; 1]), isexact(x)]"),
        "ans =\n\n  1  1  1\n\n"
    );
    // R*[1; 1] = [3/sqrt(2); sqrt(6)/2] solves back to [1; 1]; b/R is
    // (R'\b')' = [1/sqrt(2) sqrt(6)/2] for b = [1 2].
    assert_eq!(
        out("R = chol([2 1; 1 2]); [isequal(R \\ (R*[1; 1]), [1; 1]), isequal([1 2]/R, [1/sqrt(2) sqrt(6)/2])]"),
        "ans =\n\n  1  1\n\n"
    );
    // R\b alone: x2 = 2/(sqrt(6)/2) = 2 sqrt(6)/3, x1 = (1 - x2/sqrt(2))/sqrt(2)
    // = sqrt(2)/2 - sqrt(6)/3 = (3 - 2 sqrt(3)) sqrt(2)/6, one term x/sqrt(k).
    let (v, _) = last_value("R = chol([2 1; 1 2]); x = R \\ [1; 2]");
    assert_eq!(
        v["exact"],
        serde_json::json!([["(3 - 2*sqrt(3))*sqrt(2)/6"], ["2*sqrt(6)/3"]]),
        "{v}"
    );
    let (_, _, x) = decode_matrix(&v["value"]);
    let (r2, r6) = (2f64.sqrt(), 6f64.sqrt());
    assert_close(&x, &[r2 / 2.0 - r6 / 3.0, 2.0 * r6 / 3.0], 1e-14);
    // chol([4 2 1; 2 3 1; 1 1 2]) = [2 1 1/2; 0 sqrt(2) sqrt(2)/4; 0 0 sqrt(26)/4]
    // (3 - 1 = 2; 2 - 1/4 - 1/8 = 13/8). R\[1; 2; 3]: x3 = 12/sqrt(26) =
    // 6 sqrt(26)/13, x2 = (2 - (sqrt(2)/4) x3)/sqrt(2) = sqrt(2) - 3 sqrt(26)/26,
    // x1 = (1 - x2 - x3/2)/2 = (1 - sqrt(2) - 3 sqrt(26)/26)/2: three roots in
    // one entry, floating point.
    let (v, _) = last_value("R = chol([4 2 1; 2 3 1; 1 1 2]); x = R \\ [1; 2; 3]");
    assert_eq!(v["exact"], serde_json::Value::Null, "{v}");
    let (_, _, x) = decode_matrix(&v["value"]);
    let r26 = 26f64.sqrt();
    assert_close(
        &x,
        &[
            (1.0 - r2 - 3.0 * r26 / 26.0) / 2.0,
            r2 - 3.0 * r26 / 26.0,
            6.0 * r26 / 13.0,
        ],
        1e-14,
    );
}

#[test]
fn hypot_of_exact_complex_input_is_exact() {
    // |3 + 4i|^2 + 0 = 25; |1 + i|^2 + 1 = 3; |2i|^2 + |1 - i|^2 = 4 + 2 = 6.
    assert_eq!(out("h = hypot(3+4i, 0)"), "h = 5\n");
    assert_eq!(out("h = hypot(1+i, 1)"), "h = sqrt(3)\n");
    assert_eq!(
        out("h = hypot([3+4i 2i], [0 1-i]), isexact(h)"),
        "h =\n\n         5   sqrt(6)\n\nans = 1\n"
    );
}

#[test]
fn cov_and_corr_of_exact_complex_data_are_exact() {
    // x = [1+i; 2; 3-i]: mean 2, deviations -1+i, 0, 1-i; (2 + 0 + 2)/2.
    assert_eq!(out("c = cov([1+i; 2; 3-i])"), "c = 2\n");
    // Columns [1+i; 2; 3-i] and [2; i; 0]: means 2 and (2 + i)/3;
    // d2 = [(4 - i)/3; (-2 + 2i)/3; (-2 - i)/3], sum |d2|^2 = (17 + 8 + 5)/9
    // = 10/3, over 2: 5/3. c12 = sum conj(d1) .* d2 / 2 = ((-5 - 3i)/3 +
    // (-1 - 3i)/3)/2 = -1 - i; c21 = conj(c12) (Octave: the same in floats).
    assert_eq!(
        out("C = cov([1+i 2; 2 1i; 3-i 0]); [isexact(C), isequal(C, [2, -1-i; -1+i, 5/3])]"),
        "ans =\n\n  1  1\n\n"
    );
    // cov(x, y), y = [1 2 4]: dy = [-4 -1 5]/3; ((-1 - i)(-4/3) + (1 + i)(5/3))/2
    // = (3 + 3i)/2.
    assert_eq!(out("c = cov([1+i 2 3-i], [1 2 4])"), "c = (3 + 3i)/2\n");
    // corr: c12/sqrt(c11 c22) = (-1 - i)/sqrt(10/3), of modulus^2
    // 2 * 3/10 = 3/5; the diagonal is 1.
    let (v, _) = last_value("r = corr([1+i 2; 2 1i; 3-i 0])");
    assert!(v["exact"].is_array(), "{v}");
    let re = |i: usize, j: usize| num(&v["value"]["data"][i][j]["re"]);
    let im = |i: usize, j: usize| num(&v["value"]["data"][i][j]["im"]);
    let s = (3f64 / 10.0).sqrt();
    assert_close(
        &[
            re(0, 0),
            im(0, 0),
            re(0, 1),
            im(0, 1),
            re(1, 0),
            im(1, 0),
            re(1, 1),
        ],
        &[1.0, 0.0, -s, -s, -s, s, 1.0],
        1e-14,
    );
}
