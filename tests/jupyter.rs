//! The Jupyter kernel driven by a real client: `tests/jupyter/drive_kernel.py`
//! runs with the Python named by `LA_JUPYTER_PYTHON` (`.ci/run` makes a
//! virtualenv with jupyter_client and sets it). Without it those checks are
//! skipped with a note, so `cargo test --release` passes on any machine.
#![cfg(feature = "jupyter")]

use std::path::{Path, PathBuf};
use std::process::Command;

fn la() -> Command {
    Command::new(env!("CARGO_BIN_EXE_la"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Install the kernelspec under `prefix`; the JUPYTER_PATH that finds it.
fn install(prefix: &Path) -> PathBuf {
    let out = la()
        .args(["--install-kernel", "--prefix"])
        .arg(prefix)
        .output()
        .expect("run la");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    prefix.join("share/jupyter")
}

#[test]
fn install_kernel_writes_the_kernelspec() {
    let prefix = temp_dir("kernelspec");
    let path = install(&prefix);
    let text = std::fs::read_to_string(path.join("kernels/la/kernel.json")).expect("kernel.json");
    let spec: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(spec["display_name"], "la (linear algebra)");
    assert_eq!(spec["language"], "la");
    assert_eq!(spec["interrupt_mode"], "message");
    let argv = spec["argv"].as_array().expect("argv");
    assert_eq!(argv.len(), 3);
    assert!(Path::new(argv[0].as_str().expect("exe")).is_absolute());
    assert_eq!(argv[1], "--kernel");
    assert_eq!(argv[2], "{connection_file}");
    // Unknown options are refused with the usage.
    let out = la()
        .args(["--install-kernel", "--nowhere"])
        .output()
        .expect("run la");
    assert_eq!(out.status.code(), Some(2));
    // A missing or bad connection file is an error, not a hang.
    let out = la()
        .args(["--kernel", "/nonexistent/connection.json"])
        .output()
        .expect("run la");
    assert_eq!(out.status.code(), Some(1));
}

fn python() -> Option<String> {
    match std::env::var("LA_JUPYTER_PYTHON") {
        Ok(p) if !p.is_empty() => Some(p),
        _ => {
            println!(
                "note: LA_JUPYTER_PYTHON is unset: skipping the jupyter_client checks (.ci/run sets it)"
            );
            None
        }
    }
}

#[test]
fn jupyter_client_drives_the_kernel() {
    let Some(py) = python() else { return };
    let prefix = temp_dir("jupyter_client");
    let jupyter_path = install(&prefix);
    let runtime = prefix.join("runtime");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jupyter/drive_kernel.py");

    // `jupyter kernelspec list` finds the spec.
    let list = Command::new(&py)
        .args([
            "-c",
            "from jupyter_client.kernelspec import KernelSpecManager as M; print(M().find_kernel_specs())",
        ])
        .env("JUPYTER_PATH", &jupyter_path)
        .output()
        .expect("run python");
    let listed = String::from_utf8_lossy(&list.stdout);
    assert!(
        listed.contains("'la'"),
        "{listed}{}",
        String::from_utf8_lossy(&list.stderr)
    );

    let out = Command::new(&py)
        .arg(&script)
        .env("JUPYTER_PATH", &jupyter_path)
        .env("JUPYTER_RUNTIME_DIR", &runtime)
        .output()
        .expect("run python");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success() && stdout.contains("all kernel checks passed"),
        "drive_kernel.py failed:\n{stdout}\n{stderr}"
    );
}

#[test]
fn nbclient_runs_the_example_notebook() {
    let Some(py) = python() else { return };
    let prefix = temp_dir("nbclient");
    let jupyter_path = install(&prefix);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(&py)
        .arg(root.join("tests/jupyter/run_notebook.py"))
        .arg(root.join("scripts/chapter.ipynb"))
        .env("JUPYTER_PATH", &jupyter_path)
        .env("JUPYTER_RUNTIME_DIR", prefix.join("runtime"))
        .output()
        .expect("run python");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success() && stdout.contains("notebook ok"),
        "run_notebook.py failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
