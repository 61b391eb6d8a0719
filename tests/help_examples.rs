//! Every help example runs: the lines after each `>> ` input must be exactly
//! what `la` prints for it (the registry is the single source of help text).

use la::eval::{Session, Sink};
use la::value::format::{self, Format};
use la::value::Value;

#[derive(Default)]
struct Collect {
    out: String,
    warnings: Vec<String>,
}

impl Sink for Collect {
    fn value(&mut self, name: &str, value: &Value, fmt: Format) {
        self.out.push_str(&format::display(name, value, fmt, 80));
    }
    fn text(&mut self, text: &str) {
        self.out.push_str(text);
    }
    fn warning(&mut self, message: &str, _: Option<la::syntax::ast::Span>) {
        self.warnings.push(message.to_string());
    }
}

/// Split an example into (input, expected output) pairs.
fn steps(example: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in example.lines() {
        match line.strip_prefix(">> ") {
            Some(input) => out.push((input.to_string(), String::new())),
            None => {
                if let Some(last) = out.last_mut() {
                    last.1.push_str(line);
                    last.1.push('\n');
                }
            }
        }
    }
    out
}

/// Blank lines are layout; compare the rest exactly.
fn norm(s: &str) -> String {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_builtin_has_help_and_its_example_runs() {
    let mut failures = Vec::new();
    for (name, doc) in la::builtins::docs() {
        if doc.summary.is_empty() || doc.example.is_empty() || doc.signature.is_empty() {
            failures.push(format!("{name}: missing help text"));
            continue;
        }
        let mut session = Session::new();
        for (input, want) in steps(&doc.example.join("\n")) {
            let mut sink = Collect::default();
            if let Err(e) = session.run(&input, &mut sink) {
                failures.push(format!("{name}: `{input}` failed: {}", e.message));
                break;
            }
            if norm(&sink.out) != norm(&want) {
                failures.push(format!(
                    "{name}: `{input}`\n--- documented\n{want}--- actual\n{}",
                    sink.out
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
