//! Running the real `la` binary from tests.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

fn finish(out: Output) -> Run {
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn la() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_la"));
    c.env("NO_COLOR", "1").env_remove("COLUMNS");
    c
}

/// `la ARGS` with `stdin` fed to it.
pub fn run(args: &[&str], stdin: &str) -> Run {
    let mut child = la()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn la");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    finish(child.wait_with_output().expect("wait la"))
}

/// `la -e SRC`.
pub fn eval(src: &str) -> Run {
    run(&["-e", src], "")
}

/// `la --json -e SRC`, parsed into (name, value) pairs.
pub fn json(src: &str) -> Vec<(String, serde_json::Value)> {
    let r = run(&["--json", "-e", src], "");
    assert_eq!(r.status, 0, "la failed on {src:?}: {}", r.stderr);
    r.stdout
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one JSON object per line");
            // Text, warning and check lines have no name: only values are kept here.
            Some((v["name"].as_str()?.to_string(), v["value"].clone()))
        })
        .collect()
}

/// The single displayed value of `src` (`--json`), as f64 entries row-major with its shape.
pub fn matrix(src: &str) -> (usize, usize, Vec<f64>) {
    let vals = json(src);
    decode_matrix(&vals.last().expect("a displayed value").1)
}

/// A JSON value line's `value` as f64 entries row-major with its shape.
pub fn decode_matrix(v: &serde_json::Value) -> (usize, usize, Vec<f64>) {
    if let Some(x) = v.as_f64() {
        return (1, 1, vec![x]);
    }
    let rows = v["rows"].as_u64().expect("rows") as usize;
    let cols = v["cols"].as_u64().expect("cols") as usize;
    let data = v["data"]
        .as_array()
        .expect("data")
        .iter()
        .flat_map(|r| {
            r.as_array()
                .expect("row")
                .iter()
                .map(|x| x.as_f64().expect("real entry"))
        })
        .collect();
    (rows, cols, data)
}

pub fn assert_close(got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "length: got {got:?}, want {want:?}");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= tol * (1.0 + w.abs()),
            "entry {k}: got {g}, want {w} (all: {got:?})"
        );
    }
}

/// Assert an error run: status 1, first stderr line `error: ...` containing `word`, at `line:col`.
pub fn assert_error(r: &Run, word: &str, line_col: &str) {
    assert_eq!(r.status, 1, "status for error; stderr: {}", r.stderr);
    let first = r.stderr.lines().next().unwrap_or("");
    assert!(first.starts_with("error: "), "first stderr line: {first:?}");
    assert!(
        r.stderr.contains(word),
        "stderr lacks {word:?}: {}",
        r.stderr
    );
    assert!(
        r.stderr.contains(line_col),
        "stderr lacks position {line_col}: {}",
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"));
}
