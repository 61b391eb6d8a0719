//! The memory limit: results larger than this are refused before allocation.

use crate::error::{LaError, Result};

/// Default: half of physical memory (or 4 GB when it cannot be read).
pub fn default_max_bytes() -> usize {
    physical_memory().map_or(4 << 30, |m| m / 2)
}

fn physical_memory() -> Option<usize> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kb: usize = info
        .lines()
        .find(|l| l.starts_with("MemTotal:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb * 1024)
}

/// `what: result would need 8 TB (limit 12 GB)` when `bytes` exceeds `limit`.
/// Inlined: it runs on every growing assignment in a loop; the message is built out of line.
#[inline]
pub fn check(what: &str, bytes: f64, limit: usize) -> Result<()> {
    if bytes.is_nan() || bytes > limit as f64 {
        return Err(too_large(what, bytes, limit));
    }
    Ok(())
}

#[cold]
fn too_large(what: &str, bytes: f64, limit: usize) -> LaError {
    LaError::eval(format!(
        "{what}: out of memory or dimension too large: result would need {} (limit {})",
        human(bytes),
        human(limit as f64)
    ))
}

/// `12 GB`, `8 TB`, ... in decimal units as people read them.
pub fn human(bytes: f64) -> String {
    if !bytes.is_finite() {
        return "an unbounded amount of memory".into();
    }
    let units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"];
    let mut x = bytes;
    let mut u = 0;
    while x >= 1000.0 && u + 1 < units.len() {
        x /= 1000.0;
        u += 1;
    }
    if x >= 1000.0 {
        return format!("{bytes:.1e} bytes");
    }
    format!(
        "{} {}",
        if x >= 10.0 || u == 0 {
            format!("{x:.0}")
        } else {
            format!("{x:.1}")
        },
        units[u]
    )
}

/// Parse `--max-memory` values such as `512M`, `8G`, `1000000`.
pub fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => {
            let m: f64 = match s[i..].to_ascii_uppercase().trim_end_matches('B') {
                "" => 1.0,
                "K" => 1e3,
                "M" => 1e6,
                "G" => 1e9,
                "T" => 1e12,
                _ => return None,
            };
            (&s[..i], m)
        }
        None => (s, 1.0),
    };
    let x: f64 = num.trim().parse().ok()?;
    (x.is_finite() && x > 0.0).then_some((x * mult) as usize)
}
