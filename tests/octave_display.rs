//! Display byte for byte with Octave's `format short` / `format long`: each
//! case in tests/octave_display/cases.m is followed in expected.txt by what
//! Octave 7.3 prints for it on an 80-column terminal (regen.sh there
//! regenerates it with octave-cli); la must print exactly the same.

const EXPECTED: &str = include_str!("octave_display/expected.txt");

/// (input line, Octave's output) pairs.
fn cases() -> Vec<(&'static str, String)> {
    let mut out: Vec<(&str, String)> = Vec::new();
    for line in EXPECTED.lines() {
        match line.strip_prefix(">> ") {
            Some(input) => out.push((input, String::new())),
            None => {
                let last = out.last_mut().expect("expected.txt starts with a case");
                last.1.push_str(line);
                last.1.push('\n');
            }
        }
    }
    out
}

#[test]
fn display_matches_octave_byte_for_byte() {
    let cases = cases();
    assert!(cases.len() >= 20, "expected.txt lost its cases");
    let mut failures = Vec::new();
    for (input, want) in cases {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_la"))
            .env("NO_COLOR", "1")
            .env("COLUMNS", "80")
            .args(["-e", &format!("format short; {input}")])
            .output()
            .expect("run la");
        let got = String::from_utf8_lossy(&out.stdout);
        if got != want {
            failures.push(format!("{input}\n--- Octave\n{want}--- la\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
