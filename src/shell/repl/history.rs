//! Persistent history in `$XDG_DATA_HOME/la/history` (or
//! `~/.local/share/la/history`). One JSON string per line, so multi-line
//! entries survive; the file is rewritten atomically after every entry (so
//! closing the terminal loses nothing) and merged with what other `la`
//! sessions wrote meanwhile. Any problem is a warning, never fatal.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Most entries kept.
pub const MAX_ENTRIES: usize = 1000;
const HEADER: &str = "# la history v1";

/// Where history lives, from the values of `XDG_DATA_HOME` and `HOME`.
pub fn path_from(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    // The XDG spec says relative values are invalid and must be ignored.
    let xdg = xdg_data_home.map(PathBuf::from).filter(|p| p.is_absolute());
    let base = xdg.or_else(|| {
        home.filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(".local").join("share"))
    })?;
    Some(base.join("la").join("history"))
}

pub fn default_path() -> Option<PathBuf> {
    path_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

/// Entries in the file, oldest first, plus a warning if some could not be read.
/// A missing file is simply empty.
pub fn load(path: &Path) -> (Vec<String>, Option<String>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Vec::new(), None),
        Err(e) => {
            let msg = format!("cannot read history file {}: {e}", path.display());
            return (Vec::new(), Some(msg));
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut entries = Vec::new();
    let mut bad = 0usize;
    for line in text.lines().filter(|l| !l.is_empty() && *l != HEADER) {
        match serde_json::from_str::<String>(line) {
            Ok(s) => entries.push(s),
            Err(_) => bad += 1,
        }
    }
    let warning = (bad > 0).then(|| {
        format!(
            "history file {} is damaged: skipped {bad} unreadable line(s)",
            path.display()
        )
    });
    (dedup(entries), warning)
}

/// Keep the last occurrence of each entry, in order, at most `MAX_ENTRIES`.
pub fn dedup(entries: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = entries
        .into_iter()
        .rev()
        .filter(|e| seen.insert(e.clone()))
        .take(MAX_ENTRIES)
        .collect();
    out.reverse();
    out
}

/// Add `entry` to the file: re-read it (another session may have written),
/// drop the older copy, and replace the file atomically.
pub fn append(path: &Path, entry: &str) -> Result<(), String> {
    let (mut entries, _) = load(path);
    entries.push(entry.to_string());
    write(path, &dedup(entries))
        .map_err(|e| format!("cannot write history file {}: {e}", path.display()))
}

fn write(path: &Path, entries: &[String]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut text = String::from(HEADER);
    text.push('\n');
    for e in entries {
        // Serialising a String to JSON cannot fail.
        text.push_str(&serde_json::to_string(e).unwrap_or_default());
        text.push('\n');
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("la-hist-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn path_follows_xdg_then_home() {
        let p = path_from(Some("/x".into()), Some("/h".into()));
        assert_eq!(p, Some(PathBuf::from("/x/la/history")));
        let p = path_from(Some("rel".into()), Some("/h".into()));
        assert_eq!(p, Some(PathBuf::from("/h/.local/share/la/history")));
        assert_eq!(path_from(None, None), None);
        assert_eq!(path_from(None, Some("".into())), None);
    }

    #[test]
    fn round_trip_with_multiline_entries_and_dedup() {
        let dir = temp_dir("rt");
        let path = dir.join("la").join("history");
        for e in ["x = 1", "A = [1 2\n3 4]", "x = 1", "y = \"q\\\"\""] {
            append(&path, e).expect("append");
        }
        let (entries, warning) = load(&path);
        assert_eq!(warning, None);
        assert_eq!(entries, vec!["A = [1 2\n3 4]", "x = 1", "y = \"q\\\"\""]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn damaged_file_is_a_warning() {
        let dir = temp_dir("bad");
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("history");
        std::fs::write(&path, b"# la history v1\n\"ok\"\nnot json\n\xff\xfe\n").expect("write");
        let (entries, warning) = load(&path);
        assert_eq!(entries, vec!["ok"]);
        assert!(warning.is_some_and(|w| w.contains("skipped 2")));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn unreadable_or_unwritable_path_is_a_warning() {
        let dir = temp_dir("dir");
        // A directory where the file should be.
        std::fs::create_dir_all(dir.join("history")).expect("dir");
        let (entries, warning) = load(&dir.join("history"));
        assert!(entries.is_empty());
        assert!(warning.is_some());
        assert!(append(&dir.join("history"), "x").is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn keeps_only_the_newest_entries() {
        let many: Vec<String> = (0..MAX_ENTRIES + 5).map(|i| i.to_string()).collect();
        let kept = dedup(many);
        assert_eq!(kept.len(), MAX_ENTRIES);
        assert_eq!(kept[0], "5");
    }
}
