//! `check` through the real binary: the worked homework set of
//! `tests/check/cases.txt` (derived and verified with sympy by
//! `tests/check/derive.py`; the test itself needs no CAS), then the
//! statement's plumbing: `ans`, `--json`, a homework sheet's report and exit
//! status, errors with positions, the function form and `help check`.

mod common;
use common::*;

/// One case per line: `EXPECT | statements | text the verdict or error must contain`.
fn cases() -> Vec<(String, String, String)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check/cases.txt");
    let text = std::fs::read_to_string(path).expect("tests/check/cases.txt");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (expect, rest) = l.split_once(" | ").expect("EXPECT | ...");
            let (src, contains) = rest.rsplit_once(" | ").expect("... | contains");
            (expect.to_string(), src.to_string(), contains.to_string())
        })
        .collect()
}

#[test]
fn worked_homework_set() {
    let all = cases();
    assert!(all.len() > 80, "only {} cases", all.len());
    let mut failures = Vec::new();
    for (expect, src, contains) in &all {
        let r = eval(src);
        let ok = match expect.as_str() {
            "right" => {
                r.status == 0 && r.stdout.starts_with("✓ ") && r.stdout.contains(contains.as_str())
            }
            "wrong" => {
                r.status == 0
                    && r.stdout.starts_with("✗ not correct: ")
                    && r.stdout.contains(contains.as_str())
            }
            "error" => {
                r.status == 1
                    && r.stderr.starts_with("error: ")
                    && r.stderr.contains(contains.as_str())
                    && r.stderr.contains("<input>:1:")
            }
            other => panic!("unknown expectation {other}"),
        };
        if !ok || r.stderr.contains("panicked") {
            failures.push(format!(
                "[{expect}] {src}\n  want: {contains}\n  stdout: {}\n  stderr: {}",
                r.stdout.trim_end(),
                r.stderr.trim_end()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

#[test]
fn every_question_kind_has_right_wrong_and_malformed_cases() {
    let all = cases();
    for kind in [
        "inv(",
        "det(",
        "rref(",
        "rank(",
        "\\",
        "lstsq(",
        "null(",
        "colspace(",
        "rowspace(",
        "leftnull(",
        "eigenspace(",
        "orth(",
        "gramschmidt(",
        "eig(",
        "[V, D] = eig",
        "svd(",
        "[U, S, V] = svd",
        "pinv(",
        "charpoly(",
        "definiteness(",
        "norm(",
        "grad(",
    ] {
        for expect in ["right", "wrong"] {
            assert!(
                all.iter().any(|(e, s, _)| e == expect && s.contains(kind)),
                "no {expect} case for {kind}"
            );
        }
    }
    assert!(all.iter().filter(|(e, _, _)| e == "error").count() >= 10);
}

#[test]
fn ans_is_the_verdict() {
    let r = eval(
        "check eig([2 1; 1 2]) = [1; 3]; assert(ans); check 1/3 = 0.3; assert(!ans); disp('ok')",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\nok\n"), "{}", r.stdout);
    // The function form gives the verdict as a value too.
    let r = eval("ok = check('inv([2 0; 0 4])', [0.5 0; 0 0.25]); assert(ok); nok = check('[V, D] = eig([2 1; 1 2])', [1 1; 1 2], diag([3 1])); assert(!nok)");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("✗ not correct: column 2 of V"),
        "{}",
        r.stdout
    );
}

/// NumPy prints a double in full (`repr(2/3)` is `0.6666666666666666`,
/// `repr(math.sqrt(2))` is `1.4142135623730951`): pasted back, that is the
/// right value to double precision, not a wrong 16-decimal rounding. A print
/// a few units off in the last place, or a truncated 15 decimals, stays wrong.
#[test]
fn numpy_full_precision_prints_are_right() {
    for (src, verdict) in [
        (
            "check 2/3 = 0.6666666666666666",
            "✓ correct (to double precision",
        ),
        (
            "check sqrt(2) = 1.4142135623730951",
            "✓ correct (to double precision",
        ),
        (
            "check [1/3 2/3] = [0.3333333333333333 0.6666666666666666]",
            "✓ correct (",
        ),
        (
            "check 2/3 = 0.6666666666666667",
            "✓ correct (rounded to 16 decimals)",
        ),
        ("check 2/3 = 0.6666666666666656", "✗ not correct"),
        ("check 2/3 = 0.666666666666666", "✗ not correct"),
        ("check sqrt(2) = 1.4142135623730965", "✗ not correct"),
    ] {
        let r = eval(src);
        assert!(
            r.stdout.contains(verdict),
            "{src}: {}{}",
            r.stdout,
            r.stderr
        );
    }
}

#[test]
fn json_gives_one_line_per_verdict() {
    let r = run(
        &[
            "--json",
            "-e",
            "check det([1 2; 3 4]) = -2\ncheck det([1 2; 3 4]) = 2",
        ],
        "",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    assert_eq!(lines[0]["check"]["correct"], true);
    assert_eq!(lines[0]["check"]["reason"], "correct");
    assert_eq!(lines[1]["check"]["correct"], false);
    let reason = lines[1]["check"]["reason"].as_str().expect("reason");
    assert!(
        reason.contains("you have 2, det([1 2; 3 4]) is -2"),
        "{reason}"
    );
    assert_eq!(lines[2]["checks"]["correct"], 1);
    assert_eq!(lines[2]["checks"]["total"], 2);
    // An accepted rounding is correct.
    let r = run(&["--json", "-e", "check 1/3 = 0.333"], "");
    assert_eq!(
        r.stdout.trim(),
        r#"{"check":{"correct":true,"reason":"correct (rounded to 3 decimals)"},"source":"-e"}"#
    );
}

#[test]
fn a_homework_sheet_is_a_report() {
    let dir = std::env::temp_dir().join(format!("la-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let sheet = dir.join("hw.la");
    std::fs::write(
        &sheet,
        "% homework 3\nA = [2 1; 1 2];\ncheck eig(A) = [3; 1]\ncheck det(A) = 4\ncheck inv(A) = [2 -1; -1 2]/3\n",
    )
    .expect("write sheet");
    let r = run(&[sheet.to_str().expect("path")], "");
    assert_eq!(r.status, 0, "a wrong answer is not an error: {}", r.stderr);
    assert_eq!(
        r.stdout,
        "✓ correct\n✗ not correct: you have 4, det(A) is 3 — try `steps det(A)`\n✓ correct\n2 of 3 correct\n"
    );
    // An error in the sheet stops it with status 1 (the summary so far is still shown).
    std::fs::write(
        &sheet,
        "check det([1 2; 3 4]) = -2\ncheck inv([1 2; 3 4]) = 'x'\ncheck 1 = 1\n",
    )
    .expect("write sheet");
    let r = run(&[sheet.to_str().expect("path")], "");
    assert_error(&r, "your answer is text ('x')", "hw.la:2:25");
    assert!(r.stdout.ends_with("1 of 1 correct\n"), "{}", r.stdout);
    // Through stdin as well.
    let r = run(&[], "check 2 + 2 = 4\n");
    assert_eq!(r.stdout, "✓ correct\n1 of 1 correct\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn errors_point_at_the_answer_or_question() {
    let r = eval("A = [1 2; 3 4];\ncheck inv(A) = [1 2 3]");
    assert_error(&r, "your answer is 1x3 but inv(A) is 2x2", "<input>:2:16");
    let r = eval("check inv([1 2; 2 4]) = [1 0; 0 1]");
    assert!(
        r.stdout.starts_with("✗ not correct: A is singular"),
        "{}",
        r.stdout
    );
    let r = eval("check eig(B) = 1");
    assert_error(&r, "'B' undefined", "<input>:1:11");
    let r = eval("check [V, D] = eig([1 0; 0 2]) = eye(2), eye(2), eye(2)");
    assert_error(&r, "names 2 outputs but you gave 3 answers", "<input>:1:34");
    let r = eval("check('inv(', 1)");
    assert_error(&r, "in the question 'inv('", "<input>:1:7");
    let r = eval("check(1, 2)");
    assert_error(&r, "check('QUESTION', ANSWER, ...)", "<input>:1:7");
    let r = eval("check eig([1 2; 3 4])");
    assert_error(&r, "check needs the question", "<input>:1:");
    // `==` out of habit: the hint gives the line back with one `=`.
    let r = eval("check rank([1 2; 2 4]) == 1");
    assert_error(&r, "with one `=`: check rank([1 2; 2 4]) = 1", "<input>:1:");
    let r = eval("check rank([1 2; 2 4]) = 1");
    assert!(r.stdout.starts_with("✓ correct"), "{}", r.stdout);
}

#[test]
fn check_is_still_a_name() {
    // Outside the statement form `check` can still be a variable.
    let r = eval("check = 3; check + 1");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "ans = 4\n");
}

#[test]
fn help_check_documents_the_rules() {
    let r = eval("help check");
    assert_eq!(r.status, 0, "{}", r.stderr);
    for rule in [
        "unique answers",
        "decimals",
        "A\\b with many solutions",
        "bases",
        "orthonormal",
        "eig(A)",
        "[V, D] = eig(A)",
        "[U, S, V]",
        "definiteness",
    ] {
        assert!(
            r.stdout.contains(rule),
            "help check lacks {rule}: {}",
            r.stdout
        );
    }
    assert!(eval("help").stdout.contains("check"));
}
