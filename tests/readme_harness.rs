//! README's "Grading with --json" harness, run as printed against the real
//! binary: a grader who copies it must get the scores its comments promise.

use std::path::Path;
use std::process::Command;

/// The README's Python block that defines `grade(path)`.
fn harness() -> String {
    let readme = include_str!("../README.md");
    let start = readme
        .find("A harness that runs a student file")
        .expect("README's grading harness");
    let body = &readme[start..];
    let open = body.find("```python\n").expect("python block") + "```python\n".len();
    let close = body[open..].find("```").expect("end of python block");
    body[open..open + close].to_string()
}

/// Grades one student file with the README's harness; returns what
/// `grade` printed as `score errors returncode`.
fn grade(student: &str) -> String {
    let dir = std::env::temp_dir().join(format!("la-harness-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(format!("student{}.la", student.len()));
    std::fs::write(&file, student).expect("write student file");
    let bin = Path::new(env!("CARGO_BIN_EXE_la"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let program = format!(
        "{}\nimport sys\nscore, errors, code = grade(sys.argv[1])\nprint(score, len(errors), code)\n",
        harness()
    );
    let out = Command::new("python3")
        .arg("-c")
        .arg(program)
        .arg(&file)
        .env("PATH", path)
        .output()
        .expect("python3 runs the README harness");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn the_readme_harness_gives_full_marks_to_exact_right_answers() {
    assert_eq!(grade("x = 1/3\nA = [1 0; 0 1]\n"), "2 0 0");
    // the same identity reached by computation is the same double matrix
    assert_eq!(grade("x = 2/6\nB = [2 1; 1 1];\nA = B*inv(B)\n"), "2 0 0");
}

#[test]
fn the_readme_harness_marks_down_decimals_and_reports_errors() {
    // 0.3333 is not exactly 1/3; A is still right
    assert_eq!(grade("x = 0.3333\nA = eye(2)\n"), "1 0 0");
    // a logical identity has the right entries but not class double
    assert_eq!(grade("x = 1/3\nA = logical(eye(2))\n"), "1 0 0");
    // a script stops at its first error: the error is reported, exit status 1
    assert_eq!(grade("x = 1/3\nA = [1 0; 0 1] * [1 2 3]\n"), "1 1 1");
}
