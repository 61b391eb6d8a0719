//! Keeps `scripts/bench` (issue 7's proof tooling) working: runs it in smoke mode (n = 20, 50,
//! one repetition) against the binary this test run built. No timing assertions.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

#[test]
fn bench_smoke_runs_and_reports_every_op() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("scripts").join("bench");
    assert!(script.exists(), "scripts/bench is missing");
    let out_md = std::env::temp_dir().join(format!("la-bench-smoke-{}.md", std::process::id()));

    let start = Instant::now();
    // `--la` points at the binary cargo just built (and skips `cargo build`, which would wait
    // on the build-directory lock this cargo invocation holds).
    let out = Command::new("python3")
        .arg(&script)
        .args([
            "--smoke",
            "--no-numpy",
            "--no-octave",
            "--la",
            env!("CARGO_BIN_EXE_la"),
        ])
        .arg("--out")
        .arg(&out_md)
        .current_dir(root)
        .output()
        .expect("python3 must be installed to run scripts/bench");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "scripts/bench --smoke failed ({:?})\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );

    for op in [
        "matmul",
        "solve",
        "inv",
        "det",
        "symmetric eig",
        "general eig",
        "svd",
        "pinv",
        "qr",
        "chol",
        "start-up",
        "loop",
        "peak RSS",
        "exact: inv",
        "exact: rref",
        "exact: det, random integers",
        "exact: rank, random integers",
    ] {
        assert!(
            stdout.contains(op),
            "table does not mention {op:?}:\n{stdout}"
        );
    }
    assert!(
        !stdout.contains("FAILED"),
        "a measurement failed:\n{stdout}"
    );

    let md = std::fs::read_to_string(&out_md).expect("markdown table written");
    assert!(md.contains("| matmul | 20 |"), "markdown table:\n{md}");
    let _ = std::fs::remove_file(&out_md);
    eprintln!("bench smoke took {:.1} s", start.elapsed().as_secs_f64());
}
