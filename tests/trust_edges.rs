//! Small trust items at the edges, through the real binary; each expected
//! value is Octave 7.3's output or derived by hand.

mod common;
use common::*;

/// `A\b` and `b/A` that leave exact arithmetic because of its cost say so,
/// in the words inv and det use for the same rule.
#[test]
fn exact_solves_too_costly_for_exact_arithmetic_say_so() {
    let r = script(
        "A = exact(eye(101)); b = ones(101, 1);\nx = A\\b;\ny = b'/A;\nB = inv(A);\n\
         disp([sum(x), sum(y), isexact(x), isexact(y)])\n",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    // I \ ones = ones, so each sum is 101; both are floating point now.
    assert_eq!(r.stdout, "   101   101     0     0\n");
    for (what, line) in [("mldivide", 2), ("mrdivide", 3), ("inv", 4)] {
        let want = format!(
            "warning: {what}: exact arithmetic would be too slow for this 101x101 input; using floating point\n --> "
        );
        assert!(r.stderr.contains(&want), "{what}: {}", r.stderr);
        assert!(r.stderr.contains(&format!(".m:{line}:5")), "{}", r.stderr);
    }
    // Under the entry limit but with 64-bit denominators: the cost rule.
    let r = script("B = magic(90)/(2^62+1) + eye(90)/997;\nz = B\\ones(90, 1);\n");
    assert!(
        r.stderr
            .contains("warning: mldivide: exact arithmetic would be too slow for this 90x90 input"),
        "{}",
        r.stderr
    );
    // An affordable exact solve stays exact and silent: [2 1; 1 3] \ [3; 5] = [4/5; 7/5].
    let r = eval("x = [2 1; 1 3] \\ [3; 5]");
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str()),
        ("x =\n\n   4/5\n   7/5\n\n", "")
    );
}

/// sort, max, min and cumsum/cumprod of exact input stay exact (orders and
/// sums worked by hand; positions and ties as Octave 7.3 gives them).
#[test]
fn sort_extremes_and_running_sums_of_exact_input_stay_exact() {
    let r = eval(
        "A = [1/3 -1/2; 2/7 1/5];\n\
         s = sort(A)\n[s, i] = sort([1/3 1/7 1/2], 'descend')\ns = sort(A, 2)\n\
         [m, k] = max(A)\n[m, k] = min([1/3 1/7 1/7])\nm = max(A, [], 2)\nm = max(A, 1/4)\n\
         c = cumsum(A)\np = cumprod([1/3 1/2], 2)\nf = fliplr(A)\na = abs(A)\n\
         e = isexact(sort(A)) + isexact(max(A)) + isexact(min(A, [], 'all')) + isexact(cumsum(A))",
    );
    assert_eq!(r.stderr, "");
    let want = "s =\n\n    2/7   -1/2\n    1/3    1/5\n\n\
        s =\n\n   1/2   1/3   1/7\n\ni =\n\n   3   1   2\n\n\
        s =\n\n   -1/2    1/3\n    1/5    2/7\n\n\
        m =\n\n   1/3   1/5\n\nk =\n\n   1   2\n\n\
        m = 1/7\nk = 2\n\
        m =\n\n   1/3\n   2/7\n\n\
        m =\n\n   1/3   1/4\n   2/7   1/4\n\n\
        c =\n\n     1/3    -1/2\n   13/21   -3/10\n\n\
        p =\n\n   1/3   1/6\n\n\
        f =\n\n   -1/2    1/3\n    1/5    2/7\n\n\
        a =\n\n   1/3   1/2\n   2/7   1/5\n\n\
        e = 4\n";
    assert_eq!(r.stdout, want);
    // Octave: ties keep their order, descending too; dim 3 is refused.
    let r = eval("[s, i] = sort([2 1 2 1], 'descend')");
    assert_eq!(
        r.stdout,
        "s =\n\n   2   2   1   1\n\ni =\n\n   1   3   2   4\n\n"
    );
    let r = eval("sort([3 1 2], 3)");
    assert!(
        r.stderr.starts_with("error: sort: invalid dimension 3"),
        "{}",
        r.stderr
    );
}

/// `exit(status)` and `quit(status)` with any numeric expression set the
/// process exit status, as Octave 7.3 (`c = 3; exit(c)` exits with 3).
#[test]
fn exit_with_an_expression_sets_the_exit_status() {
    for (src, status) in [
        ("c = 3; exit(c)", 3),
        ("exit(2 + 1)", 3),
        ("k = 4; quit(k); disp(9)", 4),
        ("exit(5)", 5),
        ("exit()", 0),
    ] {
        let r = eval(src);
        assert_eq!(
            (r.status, r.stdout.as_str()),
            (status, ""),
            "{src}: {}",
            r.stderr
        );
    }
    let r = script("x = 1;\nexit(x + 1);\ndisp(9)\n");
    assert_eq!((r.status, r.stdout.as_str()), (2, ""), "{}", r.stderr);
    let r = eval("exit(2.5)");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr
            .starts_with("error: exit: the status must be an integer, not 2.5"),
        "{}",
        r.stderr
    );
    let r = eval("exit('a')");
    assert!(
        r.stderr
            .starts_with("error: exit: the status must be one integer, not a 1x1 char"),
        "{}",
        r.stderr
    );
}

/// iscomplex and isreal answer as Octave 7.3: complex(1, 0) is complex
/// (stored with an imaginary part), text is real, a cell is neither.
#[test]
fn iscomplex_and_isreal_answer_as_octave() {
    let r = eval(
        "disp([iscomplex(1+2i), iscomplex(complex(1,0)), iscomplex(1), iscomplex('a'), \
         iscomplex({}), iscomplex(true), iscomplex(sqrt(-4))])\n\
         disp([isreal(complex(1,0)), isreal('a'), isreal({}), isreal(true), isreal(1+0i)])",
    );
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str()),
        ("  1  1  0  0  0  0  1\n  0  1  0  1  1\n", "")
    );
}

/// Deleting everything leaves the shapes Octave 7.3 leaves.
#[test]
fn deleting_everything_leaves_octaves_shapes() {
    for (src, want) in [
        ("A = [1 2; 3 4]; A(:, :) = [];", "   0   2\n"),
        ("A = [1 2; 3 4]; A(:) = [];", "   0   0\n"),
        ("A = [1 2; 3 4]; A(1:end, :) = [];", "   0   2\n"),
        ("A = [1 2; 3 4]; A(:, 1:end) = [];", "   2   0\n"),
        ("A = [1 2 3]; A(:) = [];", "   0   0\n"),
        ("A = [1; 2; 3]; A(:) = [];", "   0   0\n"),
        ("A = [1 2 3]; A(:, :) = [];", "   0   3\n"),
        ("A = [1 2; 3 4]; A([1 2], :) = [];", "   0   2\n"),
        ("A = [1 2; 3 4]; A(1:4) = [];", "   1   0\n"),
        ("A = [1 2; 3 4]; A(:, [true true]) = [];", "   2   0\n"),
    ] {
        let r = eval(&format!("{src} disp(size(A))"));
        assert_eq!((r.stdout.as_str(), r.stderr.as_str()), (want, ""), "{src}");
    }
}

/// An empty cellfun result shows its shape as Octave's `x = cellfun(...)`
/// does; la also shows `ans` where Octave 7.3 prints nothing (README).
#[test]
fn empty_cellfun_results_show_their_shape() {
    let r =
        eval("x = cellfun(@isempty, {})\ny = cellfun(@numel, cell(0, 3))\ncellfun(@isempty, {})");
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str()),
        ("x = [](0x0)\ny = [](0x3)\nans = [](0x0)\n", "")
    );
}

/// null(A) need not match Octave's signs or rotation (README): what holds
/// is A*N = 0, N'*N = I and the dimension n - rank(A) (Octave 7.3 gives 1,
/// 1 and 2 columns for these).
#[test]
fn null_bases_are_orthonormal_and_span_the_null_space() {
    for (a, cols) in [
        ("[1 1]", 1),
        ("[1 2 3; 4 5 6]", 1),
        ("[1 2 3; 2 4 6; 3 6 9]", 2),
    ] {
        let r = eval(&format!(
            "A = {a}; N = null(A); disp([size(N, 2), norm(A*N) < 1e-12, norm(N'*N - eye(size(N, 2))) < 1e-12])"
        ));
        assert_eq!(
            r.stdout,
            format!("   {cols}   1   1\n"),
            "{a}: {}",
            r.stderr
        );
    }
}
