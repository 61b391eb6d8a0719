//! `la --install-kernel [--user|--sys-prefix|--prefix DIR]`: write the
//! kernelspec (`kernels/la/kernel.json`) where `jupyter kernelspec list` looks.

use serde_json::json;
use std::path::PathBuf;

pub const USAGE: &str = "usage: la --install-kernel [--user | --sys-prefix | --prefix DIR]

  --user        for this user (the default): ~/.local/share/jupyter/kernels/la
  --sys-prefix  into the active virtualenv or conda environment: $VIRTUAL_ENV/share/jupyter/kernels/la
  --prefix DIR  into DIR/share/jupyter/kernels/la (put DIR/share/jupyter on JUPYTER_PATH)";

/// Where the kernels folder is for the options given.
fn kernels_dir(args: &[String]) -> Result<PathBuf, String> {
    match args {
        [] => user_dir(),
        [a] if a == "--user" => user_dir(),
        [a] if a == "--sys-prefix" => std::env::var_os("VIRTUAL_ENV")
            .or_else(|| std::env::var_os("CONDA_PREFIX"))
            .map(|p| PathBuf::from(p).join("share/jupyter/kernels"))
            .ok_or_else(|| "--sys-prefix: no active virtualenv or conda environment (VIRTUAL_ENV / CONDA_PREFIX unset)".to_string()),
        [a, dir] if a == "--prefix" => Ok(PathBuf::from(dir).join("share/jupyter/kernels")),
        _ => Err(USAGE.to_string()),
    }
}

fn user_dir() -> Result<PathBuf, String> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let data = if cfg!(target_os = "macos") {
        home.map(|h| h.join("Library/Jupyter"))
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| home.map(|h| h.join(".local/share")))
            .map(|d| d.join("jupyter"))
    };
    data.map(|d| d.join("kernels"))
        .ok_or_else(|| "cannot find the home folder (HOME unset)".to_string())
}

/// The kernelspec for this binary.
pub fn kernel_json(exe: &str) -> serde_json::Value {
    json!({
        "argv": [exe, "--kernel", "{connection_file}"],
        "display_name": "la (linear algebra)",
        "language": "la",
        "interrupt_mode": "message",
        "metadata": {"debugger": false},
    })
}

/// Install; the exit status.
pub fn main(args: &[String]) -> i32 {
    let dir = match kernels_dir(args) {
        Ok(d) => d.join("la"),
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let exe = match std::env::current_exe().and_then(|p| p.canonicalize()) {
        Ok(p) => p.to_string_lossy().into_owned(),
        Err(e) => {
            eprintln!("error: cannot find this program's path: {e}");
            return 1;
        }
    };
    let text = match serde_json::to_string_pretty(&kernel_json(&exe)) {
        Ok(t) => t + "\n",
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let written =
        std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join("kernel.json"), text));
    match written {
        Ok(()) => {
            println!("installed the la kernel in {}", dir.display());
            0
        }
        Err(e) => {
            eprintln!(
                "error: cannot write {}: {e}",
                dir.join("kernel.json").display()
            );
            1
        }
    }
}
