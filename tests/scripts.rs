//! Example scripts with expected output: every `tests/scripts/NAME.la` runs
//! through the real binary and its stdout must equal `NAME.out` exactly.
//! A `NAME.err` file, when present, must appear in stderr (and the exit status must be 1).

mod common;

#[test]
fn example_scripts_match_expected_output() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/scripts")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "la"))
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty(), "no example scripts found");
    let mut failures = Vec::new();
    for s in &scripts {
        let r = common::run(&[s.to_str().expect("path")], "");
        let want = std::fs::read_to_string(s.with_extension("out")).unwrap_or_default();
        let err = std::fs::read_to_string(s.with_extension("err")).ok();
        let name = s.file_name().unwrap_or_default().to_string_lossy();
        if r.stdout != want {
            failures.push(format!(
                "{name}: stdout differs\n--- want\n{want}--- got\n{}--- stderr\n{}",
                r.stdout, r.stderr
            ));
        }
        match &err {
            Some(e) if r.status != 1 || !r.stderr.contains(e.trim_end()) => failures.push(format!(
                "{name}: expected error {e:?}, got status {} stderr {}",
                r.status, r.stderr
            )),
            None if r.status != 0 => {
                failures.push(format!("{name}: exit {} stderr {}", r.status, r.stderr))
            }
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The walkthroughs in `scripts/` (chapter.la, chapter_rest.la) check every
/// identity with `assert`: they must run clean. Each runs once in the suite, here.
#[test]
fn walkthrough_scripts_run_without_error() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts");
    let mut ran = Vec::new();
    for s in std::fs::read_dir(&dir)
        .expect("scripts/")
        .flatten()
        .map(|e| e.path())
    {
        if s.extension().is_some_and(|e| e == "la") {
            let r = common::run(&[s.to_str().expect("path")], "");
            assert_eq!(
                r.status,
                0,
                "{}: stdout:\n{}\nstderr:\n{}",
                s.display(),
                r.stdout,
                r.stderr
            );
            assert!(!r.stderr.contains("error"), "{}: {}", s.display(), r.stderr);
            if s.ends_with("chapter.la") {
                // Its last section draws each figure of the chapter: their titles.
                for title in [
                    "σ = 3.618, 1.382;  λ = 3.618, 1.382;  det = 5",
                    "A v = λ v:  λ = 3, 1",
                    "x'Ax is positive definite",
                    "x'Ax is indefinite",
                    "unit circles ||x||_p = 1",
                    "PCA: sd 3.464, 1.155;  PC 1 carries 90% of the variance",
                    "least squares: sum of squared residuals = 0.7",
                ] {
                    assert!(r.stdout.contains(title), "chapter.la: no figure '{title}'");
                }
            }
            ran.push(s.file_name().expect("name").to_string_lossy().into_owned());
        }
    }
    for name in ["chapter.la", "chapter_rest.la"] {
        assert!(ran.iter().any(|r| r == name), "{name} did not run: {ran:?}");
    }
}
