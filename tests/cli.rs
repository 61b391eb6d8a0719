//! The invocation modes and the display/JSON contract, through the real binary.

mod common;
use common::*;

#[test]
fn eval_displays_octave_style() {
    let r = eval("A = double([1 2; 3 4.5])\nx = 7");
    assert_eq!(
        r.stdout,
        "A =\n\n   1.0000   2.0000\n   3.0000   4.5000\n\nx = 7\n"
    );
    assert_eq!(r.status, 0);
}

#[test]
fn exact_values_display_as_fractions_until_format_short() {
    let r = eval("B = inv([1 2; 3 4])\nformat short\nB\nformat\nh = 1/3 + 1/6");
    assert_eq!(
        r.stdout,
        "B =\n\n     -2      1\n    3/2   -1/2\n\nB =\n\n  -2.0000   1.0000\n   1.5000  -0.5000\n\nh = 1/2\n"
    );
}

#[test]
fn semicolon_suppresses_and_ans_holds_last_result() {
    let r = eval("x = 3; x + 1; ans * 2");
    assert_eq!(r.stdout, "ans = 8\n");
}

#[test]
fn bare_variable_shows_name_and_leaves_ans() {
    let r = eval("5; y = 2; y\nans");
    assert_eq!(r.stdout, "y = 2\nans = 5\n");
}

#[test]
fn script_file_runs_and_stops_at_first_error() {
    let dir = std::env::temp_dir().join(format!("la-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("s.la");
    std::fs::write(&f, "a = 1\nb = nosuch + 1\nc = 3\n").unwrap();
    let r = run(&[f.to_str().unwrap()], "");
    assert_eq!(r.stdout, "a = 1\n");
    assert_error(&r, "'nosuch' undefined", "s.la:2:5");
}

#[test]
fn stdin_is_read_as_a_script() {
    let r = run(&[], "x = 2;\ny = x^3\n");
    assert_eq!((r.status, r.stdout.as_str()), (0, "y = 8\n"));
}

#[test]
fn json_encodes_every_kind() {
    let v = json("a = 2.5, z = 1 - 2i, t = 1 > 0, s = 'hi', M = [1 2; 3 4], n = [NaN Inf -Inf], e = [], L = [1 0] > 0");
    let get = |k: &str| {
        v.iter()
            .find(|(n, _)| n == k)
            .map(|(_, x)| x.to_string())
            .unwrap()
    };
    assert_eq!(get("a"), "2.5");
    assert_eq!(get("z"), r#"{"im":-2,"re":1}"#);
    assert_eq!(get("t"), "true");
    assert_eq!(get("s"), r#""hi""#);
    assert_eq!(get("M"), r#"{"cols":2,"data":[[1,2],[3,4]],"rows":2}"#);
    assert_eq!(
        get("n"),
        r#"{"cols":3,"data":[["NaN","Inf","-Inf"]],"rows":1}"#
    );
    assert_eq!(get("e"), r#"{"cols":0,"data":[],"rows":0}"#);
    assert_eq!(get("L"), r#"{"cols":2,"data":[[true,false]],"rows":1}"#);
}

#[test]
fn whitespace_rules_inside_brackets() {
    assert_eq!(matrix("[1 -2]"), (1, 2, vec![1.0, -2.0]));
    assert_eq!(matrix("[1 - 2]"), (1, 1, vec![-1.0]));
    assert_eq!(matrix("[1 , 2\n 3, 4]"), (2, 2, vec![1.0, 2.0, 3.0, 4.0]));
    assert_eq!(matrix("a = 2; [a' -a']"), (1, 2, vec![2.0, -2.0]));
    assert_eq!(matrix("[1 +2]"), (1, 2, vec![1.0, 2.0]));
}

#[test]
fn numpy_pastes_are_rows() {
    assert_eq!(matrix("[[1, 2], [3, 4]]"), (2, 2, vec![1.0, 2.0, 3.0, 4.0]));
    assert_eq!(
        matrix("[[1, 2],\n [3, 4],\n]"),
        (2, 2, vec![1.0, 2.0, 3.0, 4.0])
    );
    assert_eq!(
        matrix("array([[1, 2], [3, 4]])"),
        (2, 2, vec![1.0, 2.0, 3.0, 4.0])
    );
    assert_eq!(matrix("[[9], [8]]"), (2, 1, vec![9.0, 8.0]));
    // With variables Octave concatenates side by side.
    assert_eq!(
        matrix("A = [1; 2]; B = [3; 4]; [A, B]"),
        (2, 2, vec![1.0, 3.0, 2.0, 4.0])
    );
    // Spaces inside the inner brackets are Octave, not NumPy: Octave 7.3
    // concatenates them side by side (size 1x4, 1x4 and 1x6).
    assert_eq!(matrix("[[1 2], [3 4]]"), (1, 4, vec![1.0, 2.0, 3.0, 4.0]));
    assert_eq!(matrix("[[1, 2], [3 4]]"), (1, 4, vec![1.0, 2.0, 3.0, 4.0]));
    assert_eq!(
        matrix("[[1 2 3], [4 5 6]]"),
        (1, 6, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    );
}

#[test]
fn ranges_indexing_and_assignment() {
    assert_eq!(matrix("0:0.5:2"), (1, 5, vec![0.0, 0.5, 1.0, 1.5, 2.0]));
    assert_eq!(matrix("5:-2:1"), (1, 3, vec![5.0, 3.0, 1.0]));
    assert_eq!(
        matrix("A = [1 2 3; 4 5 6]; A(end, 2:end)"),
        (1, 2, vec![5.0, 6.0])
    );
    assert_eq!(matrix("A = [1 2 3; 4 5 6]; A(5)"), (1, 1, vec![3.0]));
    assert_eq!(matrix("x = [3 -1 4 -2]; x(x > 0)"), (1, 2, vec![3.0, 4.0]));
    assert_eq!(
        matrix("A = eye(2); A(3, 3) = 7; A"),
        (3, 3, vec![1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 7.0])
    );
    assert_eq!(
        matrix("A = [1 2; 3 4]; A(:, 1) = [9; 8]; A"),
        (2, 2, vec![9.0, 2.0, 8.0, 4.0])
    );
    assert_eq!(
        matrix("x = 1:5; x([1 3]) = []; x"),
        (1, 3, vec![2.0, 4.0, 5.0])
    );
}

#[test]
fn operators_follow_octave_precedence() {
    assert_eq!(matrix("-2^2"), (1, 1, vec![-4.0]));
    assert_eq!(matrix("2^-1"), (1, 1, vec![0.5]));
    assert_eq!(matrix("1:3 + 1"), (1, 4, vec![1.0, 2.0, 3.0, 4.0]));
    assert_eq!(
        matrix("[1 2; 3 4] .* [5 6; 7 8]"),
        (2, 2, vec![5.0, 12.0, 21.0, 32.0])
    );
    assert_eq!(
        matrix("[1 2; 3 4] ^ 2"),
        (2, 2, vec![7.0, 10.0, 15.0, 22.0])
    );
    assert_eq!(
        matrix("[1 2 3] + [10; 20]"),
        (2, 3, vec![11.0, 12.0, 13.0, 21.0, 22.0, 23.0])
    );
    assert_eq!(
        json("~[1 0] | [0 0]")[0].1.to_string(),
        r#"{"cols":2,"data":[[false,true]],"rows":1}"#
    );
}

#[test]
fn control_flow_and_functions() {
    assert_eq!(
        matrix("s = 0; for i = 1:10, if mod(i, 2) == 0, continue; end, s = s + i; end, s"),
        (1, 1, vec![25.0])
    );
    assert_eq!(
        matrix("k = 0; while true, k = k + 1; if k >= 4, break; end, end, k"),
        (1, 1, vec![4.0])
    );
    assert_eq!(
        matrix("a = 2; f = @(x) a*x; a = 100; f(3)"),
        (1, 1, vec![6.0])
    );
    assert_eq!(
        matrix("function y = sq(x)\n  y = x^2;\nend\nsq(7)"),
        (1, 1, vec![49.0])
    );
    assert_eq!(
        matrix("[m, i] = max([4 9 1]); [m i]"),
        (1, 2, vec![9.0, 2.0])
    );
}

#[test]
fn errors_name_the_problem_and_place() {
    assert_error(
        &eval("C = [1 2 3] * [4 5 6]"),
        "operator *: nonconformant arguments (op1 is 1x3, op2 is 1x3)",
        "<input>:1:5",
    );
    assert_error(&eval("x = 1;\ny = zz + 1"), "'zz' undefined", "<input>:2:5");
    assert_error(
        &eval("A = [1 2; 3 4]; A(3, 1)"),
        "A(3,_): out of bound 2 (dimensions are 2x2)",
        "1:17",
    );
    assert_error(&eval("x = [1 2; 3 4"), "parse error", "1:5");
    assert_error(&eval("nrom([1 2])"), "did you mean `norm`?", "1:1");
}

#[test]
fn error_keeps_earlier_output_and_exit_code() {
    let r = eval("a = 1, b = nosuch + 1");
    assert_eq!(r.stdout, "a = 1\n");
    assert_eq!(r.status, 1);
}

#[test]
fn usage_errors_exit_2_and_missing_files_exit_1() {
    assert_eq!(run(&["--bogus"], "").status, 2);
    let r = run(&["/nonexistent/x.la"], "");
    assert_eq!(r.status, 1);
    assert!(r
        .stderr
        .starts_with("error: cannot run '/nonexistent/x.la'"));
    assert!(run(&["--version"], "").stdout.starts_with("la "));
}

#[test]
fn crlf_and_bom_scripts_run() {
    let r = run(&[], "\u{feff}x = 1;\r\ny = x + 1\r\n");
    assert_eq!((r.status, r.stdout.as_str()), (0, "y = 2\n"));
}

#[test]
fn statistics_match_hand_computed_values() {
    // Deviations of [2 4 4 4 5 5 7 9] from its mean 5 square to 32: var = 32/7, std (by n) = 2.
    assert_close(&matrix("var([2 4 4 4 5 5 7 9])").2, &[32.0 / 7.0], 1e-14);
    assert_close(&matrix("std([2 4 4 4 5 5 7 9], 1)").2, &[2.0], 1e-14);
    assert_eq!(matrix("median([3 1 4 1 5])"), (1, 1, vec![3.0]));
    assert_eq!(matrix("median([4 1 3 2])"), (1, 1, vec![2.5]));
    assert_eq!(matrix("median([1 2; 3 4; 5 9])"), (1, 2, vec![3.0, 4.0]));
}

/// Complex SVD and pseudoinverse: the singular values are the square roots of
/// the eigenvalues of A'A = [11, 12+6i; 12-6i, 22] (31 and 2, by hand), and the
/// factors satisfy their defining identities.
#[test]
fn complex_svd_and_pinv_satisfy_their_identities() {
    let r = eval(
        "A = [1 2i; 3-1i 4; 0 1+1i];\n\
         assert(norm(svd(A) - [sqrt(31); sqrt(2)]) < 1e-12)\n\
         [U, S, V] = svd(A);\n\
         assert(norm(U*S*V' - A) < 1e-12 && norm(U'*U - eye(3)) < 1e-12 && norm(V'*V - eye(2)) < 1e-12)\n\
         [U, S, V] = svd(A, 'econ');\n\
         assert(isequal(size(U), [3 2]) && norm(U*S*V' - A) < 1e-12)\n\
         P = pinv(A);\n\
         assert(norm(A*P*A - A) < 1e-12 && norm(P*A*P - P) < 1e-12 && norm((A*P)' - A*P) < 1e-12)\n\
         disp('ok')",
    );
    assert_eq!((r.status, r.stdout.as_str()), (0, "ok\n"), "{}", r.stderr);
}

/// Floating-point integers as Octave 7 prints them (outputs copied from
/// octave-cli): full digits up to 6 in a matrix and 7 for a scalar, then
/// e-notation; small entries beside large ones are never shown as 0.
#[test]
fn large_float_integers_display_as_octave() {
    let r = eval("x = double([1 -2 3e14 -0])\nb = double([-999999 1])\ns = double(12345678)\nf = double(1000000)");
    assert_eq!(
        r.stdout,
        "x =\n\n   1.0000e+00  -2.0000e+00   3.0000e+14            0\n\n\
         b =\n\n  -999999        1\n\n\
         s = 1.2346e+07\nf = 1000000\n"
    );
}

/// Complex factorisations through the binary, and complex columns laid out as
/// Octave 7 prints them (expected text copied from octave-cli).
#[test]
fn complex_lu_qr_chol_and_their_display() {
    let r = eval("A = [1+1i 2; 3 4-2i]; [L, U, P] = lu(A); L, U");
    assert_eq!(
        r.stdout,
        "L =\n\n   1.0000 +      0i        0 +      0i\n   0.3333 + 0.3333i   1.0000 +      0i\n\n\
         U =\n\n   3.0000 +      0i   4.0000 - 2.0000i\n        0 +      0i        0 - 0.6667i\n\n"
    );
    let r = eval(
        "H = [2 1i; -1i 3]; R = chol(H);\n\
         assert(norm(R'*R - H) < 1e-14 && R(2, 1) == 0)\n\
         B = [1 1i; 1i 1; 0 2]; [Q, S] = qr(B);\n\
         assert(norm(Q*S - B) < 1e-14 && norm(Q'*Q - eye(3)) < 1e-14)\n\
         [L, U] = lu(B); assert(norm(L*U - B) < 1e-14)\n\
         disp('ok')",
    );
    assert_eq!((r.status, r.stdout.as_str()), (0, "ok\n"), "{}", r.stderr);
}

/// Too little address space for the evaluator's deep stack is reported as
/// such (not as an internal error), with exit status 1.
#[test]
fn tiny_address_space_is_explained() {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 300000 && exec \"$0\" -e 1")
        .arg(env!("CARGO_BIN_EXE_la"))
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: cannot start the evaluator"),
        "{stderr}"
    );
    assert!(stderr.contains("ulimit -v"), "{stderr}");
}

/// Scripts and `-e` run in the order given, in one session; `--keep-going`
/// runs the rest after an error and still exits 1.
#[test]
fn inputs_run_in_command_line_order_and_keep_going() {
    let dir = std::env::temp_dir().join(format!("la-order-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = dir.join("good.la");
    let bad = dir.join("bad.la");
    std::fs::write(&good, "x = 5;\n").expect("write");
    std::fs::write(&bad, "y = nosuch;\n").expect("write");
    let (good, bad) = (good.to_str().expect("path"), bad.to_str().expect("path"));
    let r = run(&[good, "-e", "disp(x * 2)"], "");
    assert_eq!((r.status, r.stdout.as_str()), (0, "10\n"), "{}", r.stderr);
    let r = run(&["-e", "disp(1)", bad, "-e", "disp(2)"], "");
    assert_eq!((r.status, r.stdout.as_str()), (1, "1\n"), "{}", r.stderr);
    let r = run(&["--keep-going", "-e", "disp(1)", bad, "-e", "disp(2)"], "");
    assert_eq!((r.status, r.stdout.as_str()), (1, "1\n2\n"), "{}", r.stderr);
    assert!(r.stderr.contains("'nosuch' undefined"), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn json_error_lines_carry_the_call_stack() {
    let dir = std::env::temp_dir().join(format!("la-stack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("s.la");
    std::fs::write(
        &file,
        "function r = f(x)\n  r = g(x);\nend\nfunction r = g(x)\n  r = x + undefined_z;\nend\nf(1)\n",
    )
    .unwrap();
    let r = common::run(&["--json-all", file.to_str().unwrap()], "");
    assert_eq!(r.status, 1);
    let line = r.stdout.lines().last().expect("an error line");
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    // Innermost first: g failed at 5:11, f at its call of g, 2:7, the
    // script (named by its stem, as Octave does) at its call of f, 7:1.
    let f = file.to_str().unwrap();
    assert_eq!(
        v["error"]["stack"],
        serde_json::json!([
            {"name": "g", "file": f, "line": 5, "col": 11},
            {"name": "f", "file": f, "line": 2, "col": 7},
            {"name": "s", "file": f, "line": 7, "col": 1},
        ])
    );
    assert_eq!(v["error"]["line"], 5);
    // An error outside functions has an empty stack.
    let r = common::run(&["--json-all", "-e", "[1 2] + [1 2 3]"], "");
    let v: serde_json::Value = serde_json::from_str(r.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(v["error"]["stack"], serde_json::json!([]));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_function_error_is_shown_in_the_file_or_input_that_defined_it() {
    let dir = std::env::temp_dir().join(format!("la-defsrc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lib = dir.join("lib.la");
    std::fs::write(&lib, "function y = f(x)\n  y = x + undefined_q;\nend\n").unwrap();
    let lib = lib.to_str().unwrap();
    // The caret shows line 2 of lib.la, not the -e text; the last note is
    // where -e called f (`f` is its 9th character).
    let r = common::run(&[lib, "-e", "y = 1 + f(2)"], "");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains(&format!(
            " --> {lib}:2:11\n  |\n2 |   y = x + undefined_q;\n  |           ^^^^^^^^^^^\n"
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.ends_with(&format!(
            "  called from f at line 2 column 11 of {lib}\n  called from <input> at line 1 column 9\n"
        )),
        "{}",
        r.stderr
    );
    let r = common::run(&["--json-all", lib, "-e", "y = 1 + f(2)"], "");
    let v: serde_json::Value = serde_json::from_str(r.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(v["source"], "-e");
    assert_eq!(
        (&v["error"]["file"], &v["error"]["line"], &v["error"]["col"]),
        (
            &serde_json::json!(lib),
            &serde_json::json!(2),
            &serde_json::json!(11)
        )
    );
    assert_eq!(
        v["error"]["stack"],
        serde_json::json!([
            {"name": "f", "file": lib, "line": 2, "col": 11},
            {"name": "-e", "file": "-e", "line": 1, "col": 9},
        ])
    );
    // A function from an earlier -e: its own text under the caret.
    let r = common::run(
        &[
            "-e",
            "function y = g(x), y = x + undefined_q; end",
            "-e",
            "w = 3 + g(1)",
        ],
        "",
    );
    assert!(
        r.stderr
            .contains("1 | function y = g(x), y = x + undefined_q; end\n"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("  called from g at line 1 column 28 (defined in an earlier input)\n"),
        "{}",
        r.stderr
    );
    // Caught, its stack names the file it happened in.
    let r = common::run(
        &[
            lib,
            "-e",
            "try, f(1); catch e, disp(e.stack.file), disp(e.stack.line), end",
        ],
        "",
    );
    assert_eq!(r.stdout, format!("{lib}\n2\n"), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

/// An anonymous function keeps the input it was written in, as a named
/// function does: called from a later input, its error is shown in its own
/// text, and the notes say where it was called.
#[test]
fn an_anonymous_function_error_is_shown_in_the_input_that_defined_it() {
    // From an earlier -e: `undefined_q` is the 14th character of the first.
    let r = common::run(
        &["-e", "f = @(x) x + undefined_q;", "-e", "w = 3 + f(1)"],
        "",
    );
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("1 | f = @(x) x + undefined_q;\n"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            "  called from @<anonymous> at line 1 column 14 (defined in an earlier input)\n"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("  called from <input> at line 1 column 9"),
        "{}",
        r.stderr
    );
    // From a script file: line 2 of it, column 14.
    let dir = std::env::temp_dir().join(format!("la-lambdasrc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lib = dir.join("lib.m");
    std::fs::write(&lib, "x = 1;\ng = @(t) t * nowhere_z;\n").unwrap();
    let lib = lib.to_str().unwrap();
    let r = common::run(&[lib, "-e", "g(2)"], "");
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(" --> {lib}:2:14\n")),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!(
            "  called from @<anonymous> at line 2 column 14 of {lib}\n"
        )),
        "{}",
        r.stderr
    );
    // Defined and called in one input: shown there, with no extra note.
    let r = common::eval("h = @(x) x + undefined_q; h(1)");
    common::assert_error(&r, "'undefined_q' undefined", ":1:14");
    assert!(!r.stderr.contains("called from"), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}
