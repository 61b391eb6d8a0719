//! Issue 12 §3 and issue 22's `--json` contract, through the real binary:
//! save/load of every variable (function handles included), refused options
//! and names, plain numeric text (`load`, `csvread`, `dlmread`), and `--json`
//! lines for text, values (class, exact), warnings and errors, with `source`.

mod common;
use common::*;

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("la-sl-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn in_dir(d: &std::path::Path, args: &[&str]) -> Run {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_la"))
        .args(args)
        .current_dir(d)
        .env("NO_COLOR", "1")
        .output()
        .expect("run la");
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn function_handles_survive_save_and_load() {
    let d = dir("fh");
    let r = in_dir(
        &d,
        &[
            "-e",
            "a = 2; f = @(x) a*x + 1; g = @sin; h = @(y) f(y)^2; save s.txt",
        ],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let r = in_dir(&d, &["-e", "load s.txt; f(3), g(0), h(1), clear a; f(10)"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "ans = 7\nans = 0\nans = 9\nans = 21\n");
}

/// A handle to a function the user defined keeps working after `load` in a
/// new session that never saw the definition (it is saved as its source).
#[test]
fn user_function_handles_survive_save_and_load() {
    let d = dir("ufh");
    let script = d.join("defs.la");
    std::fs::write(
        &script,
        "function y = sq(x)\n  y = x.^2 + 1;\nend\ng = @sq;\nsame = isequal(g, @sq)\nsave s.txt g\n",
    )
    .unwrap();
    let r = in_dir(&d, &["defs.la"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim(), "same = 1");
    let r = in_dir(&d, &["-e", "load s.txt; g(3), g([1 2])"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    // 3^2 + 1 and [1 4] + 1, by hand.
    assert_eq!(r.stdout, "ans = 10\nans =\n\n   2   5\n\n");
}

#[test]
fn save_refuses_missing_names_and_unknown_options_writing_nothing() {
    let d = dir("refuse");
    for (src, needle) in [
        ("a = 1; save s.txt a nope", "no variable named 'nope'"),
        ("A = 1; save A hw2.txt", "no variable named 'hw2.txt'"),
        ("a = 1; save -v7 s.txt a", "option '-v7' is not supported"),
        ("a = 1; save -zip s.txt", "option '-zip' is not supported"),
        ("a = 1; save('s.txt', 'a', 'b')", "no variable named 'b'"),
        ("save('s.txt', 3)", "argument 2 must be a string"),
    ] {
        let r = in_dir(&d, &["-e", src]);
        assert_eq!(r.status, 1, "{src}");
        assert!(r.stderr.contains(needle), "{src}: {}", r.stderr);
        assert!(
            r.stderr.contains("error: ") && r.stderr.contains("-->"),
            "{}",
            r.stderr
        );
        let names: Vec<_> = std::fs::read_dir(&d).unwrap().collect();
        assert!(names.is_empty(), "{src} wrote {names:?}");
    }
}

#[test]
fn save_options_and_function_forms() {
    let d = dir("opts");
    let r = in_dir(
        &d,
        &["-e", "x = 1; y = [1 2; 3 4]; save('a.txt', 'x'); y = 5; save -append a.txt y; save -text b.txt x; save -ascii c.txt y"],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let r = in_dir(
        &d,
        &["-e", "load('a.txt'); x, y, load b.txt x; C = load('c.txt')"],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "x = 1\ny = 5\nC = 5\n");
    assert_eq!(std::fs::read_to_string(d.join("c.txt")).unwrap(), "5.0\n");
    // A session file into one variable is a structure of its variables, as
    // in Octave; names pick fields, and a name the file lacks is an error.
    let r = in_dir(
        &d,
        &[
            "-e",
            "S = load('a.txt'); fieldnames(S), S.y - S.x, T = load('a.txt', 'y')",
        ],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "ans =\n{\n  [1,1] = x\n  [2,1] = y\n}\n\nans = 4\nT =\n\n  scalar structure containing the fields:\n\n    y = 5\n\n"
    );
    let r = in_dir(&d, &["-e", "S = load('a.txt', 'zz')"]);
    common::assert_error(&r, "has no variable named 'zz'", ":1:5");
    let r = in_dir(&d, &["-e", "S = load('c.txt', 'y')"]);
    common::assert_error(&r, "variable names cannot be chosen", ":1:5");
}

#[test]
fn load_reads_plain_numeric_text_like_octave() {
    let d = dir("ascii");
    std::fs::write(
        d.join("data.txt"),
        "% measurements\nheight weight\n1 2.5  # first\n3,4e1\n\n-Inf NaN\n",
    )
    .unwrap();
    let r = in_dir(
        &d,
        &[
            "-e",
            "load data.txt; data, X = load('data.txt'); isequal(X(1:2, :), data(1:2, :))",
        ],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "data =\n\n    1.0000    2.5000\n    3.0000   40.0000\n      -Inf       NaN\n\nans = 1\n"
    );
    assert!(
        r.stderr
            .contains("warning: load: skipped the header line 2"),
        "{}",
        r.stderr
    );
    let r = in_dir(&d, &["-e", "class(load('data.txt'))"]);
    assert_eq!(r.stdout, "ans = double\n");
}

#[test]
fn a_malformed_row_names_file_line_and_column_and_changes_nothing() {
    let d = dir("bad");
    std::fs::write(d.join("m.txt"), "1 2\n3 4\n5 x\n").unwrap();
    std::fs::write(d.join("r.txt"), "1 2\n3 4 5\n").unwrap();
    let r = in_dir(&d, &["-e", "m = 7; try_it = 1; load m.txt"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr
            .contains("error: load: m.txt:3:3: 'x' is not a number"),
        "{}",
        r.stderr
    );
    let r = in_dir(&d, &["-i", "-e", "m = 7; X = load('r.txt')"]);
    assert!(
        r.stderr.contains("r.txt:2:5: this row has 3 numbers"),
        "{}",
        r.stderr
    );
    let r = in_dir(
        &d,
        &[
            "--keep-going",
            "-e",
            "m = 7; load m.txt",
            "-e",
            "m, exist('X')",
        ],
    );
    assert_eq!(r.stdout, "m = 7\nans = 0\n");
    let r = in_dir(&d, &["-e", "csvread('r.txt')"]);
    assert!(
        r.stderr.contains("error: csvread: r.txt:2:5"),
        "{}",
        r.stderr
    );
}

#[test]
fn csvread_and_dlmread_read_delimited_files() {
    let d = dir("csv");
    std::fs::write(d.join("a.csv"), "1,2,3\n4,,6\n").unwrap();
    std::fs::write(d.join("b.txt"), "1;2\n3;4\n").unwrap();
    let r = in_dir(
        &d,
        &[
            "-e",
            "A = csvread('a.csv'), B = dlmread('b.txt', ';'), C = dlmread('a.csv')",
        ],
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "A =\n\n   1   2   3\n   4   0   6\n\nB =\n\n   1   2\n   3   4\n\nC =\n\n   1   2   3\n   4   0   6\n\n"
    );
    let r = in_dir(&d, &["-e", "dlmread('b.txt', 'ab')"]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("dlmread: argument 2"), "{}", r.stderr);
    let r = in_dir(&d, &["-e", "csvread('missing.csv')"]);
    assert!(
        r.stderr.contains("cannot read 'missing.csv'"),
        "{}",
        r.stderr
    );
}

#[test]
fn json_keeps_text_in_order_with_values() {
    let r = run(
        &[
            "--json-all",
            "-e",
            "x = 1; disp(5); printf('a%d\\n', 2); y = 2, steps rref([1 2; 3 4]); help clc",
        ],
        "",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let ls = lines(&r.stdout);
    assert_eq!(ls[0]["text"], "5\n");
    assert_eq!(ls[1]["text"], "a2\n");
    assert_eq!(ls[2]["name"], "y");
    assert!(ls[3]["text"].as_str().unwrap().len() > 10);
    assert!(ls.last().unwrap()["text"].as_str().unwrap().contains("clc"));
    assert!(ls.iter().all(|l| l["source"] == "-e"));
}

#[test]
fn json_values_carry_class_and_exact_text() {
    let r = run(
        &["--json", "-e", "a = 1/3, b = 0.5 + 0, c = double(1/3), s = 'NaN', n = NaN, t = true, z = 1+2i, f = @(x) x, m = [1/2 3; 4 5], big = 12345678901234567890"],
        "",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let ls = lines(&r.stdout);
    let by = |n: &str| ls.iter().find(|l| l["name"] == n).unwrap().clone();
    assert_eq!(by("a")["class"], "double");
    assert_eq!(by("a")["exact"], "1/3");
    assert_eq!(by("b")["exact"], "1/2");
    assert!(by("c").get("exact").is_none());
    assert_eq!(by("s")["class"], "char");
    assert_eq!(by("s")["value"], "NaN");
    assert_eq!(by("n")["class"], "double");
    assert_eq!(by("t")["class"], "logical");
    assert_eq!(by("z")["class"], "double");
    assert_eq!(by("z")["complex"], true);
    assert_eq!(by("f")["class"], "function_handle");
    assert_eq!(
        by("m")["exact"],
        serde_json::json!([["1/2", "3"], ["4", "5"]])
    );
    assert_eq!(by("m")["value"]["rows"], 2);
    assert_eq!(by("big")["exact"], "12345678901234567890");
}

#[test]
fn json_errors_and_warnings_are_lines_in_order_and_stderr_is_unchanged() {
    let d = dir("jerr");
    std::fs::write(d.join("s.la"), "x = 1\ninv([1 2; 2 4]);\ny = nope + 1\n").unwrap();
    let r = in_dir(&d, &["--json-all", "s.la"]);
    assert_eq!(r.status, 1);
    let ls = lines(&r.stdout);
    assert_eq!(ls[0]["name"], "x");
    assert!(
        ls[1]["warning"]["message"]
            .as_str()
            .unwrap()
            .contains("singular"),
        "{}",
        r.stdout
    );
    assert_eq!(ls[1]["warning"]["line"], 2);
    let e = &ls[2]["error"];
    assert!(e["message"].as_str().unwrap().contains("'nope' undefined"));
    assert_eq!(
        (e["file"].as_str(), e["line"].as_u64(), e["col"].as_u64()),
        (Some("s.la"), Some(3), Some(5))
    );
    assert!(ls.iter().all(|l| l["source"] == "s.la"));
    assert!(
        r.stderr.contains("error: 'nope' undefined") && r.stderr.contains("--> s.la:3:5"),
        "{}",
        r.stderr
    );
    // Several inputs: each line says where it came from; a missing file is an error line.
    let r = in_dir(
        &d,
        &[
            "--json-all",
            "--keep-going",
            "s.la",
            "missing.la",
            "-e",
            "z = 3",
        ],
    );
    let ls = lines(&r.stdout);
    assert!(
        ls.iter().any(|l| l["error"]["file"] == "missing.la"),
        "{}",
        r.stdout
    );
    assert_eq!(ls.last().unwrap()["source"], "-e");
    assert_eq!(r.status, 1);
}

#[test]
fn plain_json_keeps_only_value_lines_for_old_readers() {
    let r = run(
        &["--json", "-e", "disp(1); x = 2, inv([1 2; 2 4]); y = nope"],
        "",
    );
    assert_eq!(r.status, 1);
    let ls = lines(&r.stdout);
    assert_eq!(ls.len(), 1, "{}", r.stdout);
    assert_eq!(ls[0]["name"], "x");
    assert_eq!(ls[0]["exact"], "2");
    assert!(r.stderr.contains("warning:") && r.stderr.contains("error: 'nope' undefined"));
}
