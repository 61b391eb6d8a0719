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

/// Run `src` as a script file, the way a student runs one.
pub fn script(src: &str) -> Run {
    script_bytes(src.as_bytes())
}

/// Run a script file holding exactly these bytes (which need not be UTF-8).
pub fn script_bytes(src: &[u8]) -> Run {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("la-script-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let k = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let path = dir.join(format!("s{k}.m"));
    std::fs::write(&path, src).expect("write script");
    let r = run(&[path.to_str().expect("utf-8 path")], "");
    let _ = std::fs::remove_file(&path);
    r
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

/// `la --json -e SRC`, which must succeed: the whole JSON line of the last
/// value it displays (`class`, `value`, `exact`, ...), and the run (for stderr).
pub fn last_value(src: &str) -> (serde_json::Value, Run) {
    let r = run(&["--json", "-e", src], "");
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    let line = r
        .stdout
        .lines()
        .rfind(|l| l.contains("\"name\""))
        .unwrap_or_else(|| panic!("{src}: no value in {}", r.stdout));
    let v = serde_json::from_str(line).expect("JSON line");
    (v, r)
}

/// The single displayed value of `src` (`--json`), as f64 entries row-major with its shape.
pub fn matrix(src: &str) -> (usize, usize, Vec<f64>) {
    let vals = json(src);
    decode_matrix(&vals.last().expect("a displayed value").1)
}

/// One real entry of a JSON value: a number, a logical as 0/1, or the
/// strings "Inf", "-Inf", "NaN" that `--json` writes for them.
pub fn num(x: &serde_json::Value) -> f64 {
    match x {
        serde_json::Value::Bool(b) => f64::from(u8::from(*b)),
        serde_json::Value::String(s) if s == "Inf" => f64::INFINITY,
        serde_json::Value::String(s) if s == "-Inf" => f64::NEG_INFINITY,
        serde_json::Value::String(s) if s == "NaN" => f64::NAN,
        _ => x.as_f64().expect("a real entry"),
    }
}

/// A JSON value line's `value` as f64 entries row-major with its shape.
pub fn decode_matrix(v: &serde_json::Value) -> (usize, usize, Vec<f64>) {
    if !v.is_object() {
        return (1, 1, vec![num(v)]);
    }
    let rows = v["rows"].as_u64().expect("rows") as usize;
    let cols = v["cols"].as_u64().expect("cols") as usize;
    let data = v["data"]
        .as_array()
        .expect("data")
        .iter()
        .flat_map(|r| r.as_array().expect("row").iter().map(num))
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
