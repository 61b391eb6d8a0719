//! Exact det, rank, rref (with pivots), A\b and inv through the real binary
//! against values computed independently by Python's `fractions`
//! (tests/exact_cas/derive.py, its output committed beside it as
//! cases.txt): 1x1, zero, singular and rank-deficient square, wide and tall
//! matrices, entries near and past 2^62, fractions, a determinant with a
//! large cofactor (6*B) and one divisible by the first prime the modular
//! kernels use. No answer may come from floating point.

mod common;
use common::*;

struct Case {
    name: String,
    setup: Vec<String>,
    checks: Vec<(String, String)>,
}

fn cases() -> Vec<Case> {
    let text = include_str!("exact_cas/cases.txt");
    let mut out = Vec::new();
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    while let Some(head) = lines.next() {
        let name = head.strip_prefix("case ").expect("a case line").to_string();
        let (mut setup, mut checks) = (Vec::new(), Vec::new());
        for line in lines.by_ref().take_while(|l| *l != "end") {
            match line.split_once(" => ") {
                Some((src, want)) => checks.push((src.to_string(), want.to_string())),
                None => setup.push(line.to_string()),
            }
        }
        out.push(Case {
            name,
            setup,
            checks,
        });
    }
    out
}

/// An `exact` JSON field as the data file writes values: entries by
/// spaces, rows by "; ", and "EMPTY" for no entries.
fn flat(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(rows) => {
            let rows: Vec<String> = rows
                .iter()
                .map(|r| {
                    let r = r.as_array().expect("a row of entries");
                    let e: Vec<&str> = r.iter().map(|x| x.as_str().expect("exact entry")).collect();
                    e.join(" ")
                })
                .filter(|r| !r.is_empty())
                .collect();
            if rows.is_empty() {
                "EMPTY".to_string()
            } else {
                rows.join("; ")
            }
        }
        other => panic!("not an exact value: {other}"),
    }
}

/// The name a check assigns last (`q` in `[R2, p] = rref(A); q = p`).
fn assigned(src: &str) -> &str {
    let last = src.rsplit(';').next().unwrap_or(src);
    last.split('=').next().unwrap_or("").trim()
}

#[test]
fn exact_kernels_agree_with_python_fractions() {
    let all = cases();
    assert_eq!(all.len(), 20, "cases.txt holds the 20 derived cases");
    for case in &all {
        let src: Vec<String> = case
            .setup
            .iter()
            .cloned()
            .chain(case.checks.iter().map(|(s, _)| s.clone()))
            .collect();
        let r = run(&["--json", "-e", &src.join("\n")], "");
        assert_eq!(r.status, 0, "{}: {}", case.name, r.stderr);
        assert!(
            !r.stderr.contains("floating point"),
            "{}: {}",
            case.name,
            r.stderr
        );
        let values: Vec<serde_json::Value> = r
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect();
        for (src, want) in &case.checks {
            let name = assigned(src);
            let v = values
                .iter()
                .rfind(|v| v["name"] == name)
                .unwrap_or_else(|| panic!("{}: no value {name} in {}", case.name, r.stdout));
            assert_eq!(&flat(&v["exact"]), want, "{}: {src}", case.name);
        }
    }
}
