//! The house rules, checked: the modules of `src/` import each other only
//! down the pipeline (the table in `src/lib.rs`), with no cycles between
//! top-level folders or between the files of one folder, and every folder
//! says its job in a module doc comment.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and the ones it may import (besides itself).
const ALLOWED: &[(&str, &[&str])] = &[
    ("error", &[]),
    ("syntax", &["error"]),
    ("linalg", &["error"]),
    ("exact", &["error"]),
    ("plot", &["error"]),
    ("value", &["error", "syntax", "linalg", "exact"]),
    ("ops", &["error", "syntax", "linalg", "exact", "value"]),
    (
        "builtins",
        &["error", "syntax", "linalg", "exact", "value", "ops", "plot"],
    ),
    (
        "eval",
        &[
            "error", "syntax", "linalg", "exact", "value", "ops", "plot", "builtins",
        ],
    ),
    (
        "shell",
        &[
            "error", "syntax", "linalg", "exact", "value", "ops", "plot", "builtins", "eval",
        ],
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/a/b.rs` -> ["a", "b"]; `src/a/mod.rs` -> ["a"].
fn module_path(file: &Path, src: &Path) -> Vec<String> {
    let rel = file
        .strip_prefix(src)
        .expect("under src")
        .with_extension("");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The source without its trailing `#[cfg(test)] mod ... { ... }` block and comments.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(k) => &text[..k],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(k) => &l[..k],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b` path and every `super::` path, resolved, cut to `depth` parts.
fn imports(code: &str, here: &[String], depth: usize) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let words = |s: &str| -> Vec<String> {
        s.split("::")
            .map(|w| {
                w.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|w| !w.is_empty())
            .collect()
    };
    for (k, _) in code.match_indices("crate::") {
        if code[..k].ends_with('$') {
            continue; // `$crate::` in macros
        }
        let path = words(&code[k + "crate::".len()..]);
        out.insert(path.into_iter().take(depth).collect::<Vec<_>>().join("::"));
    }
    for (k, _) in code.match_indices("super::") {
        if code[..k].ends_with("super::") {
            continue; // counted from the first `super::`
        }
        let mut rest = &code[k..];
        let mut base: Vec<String> = here.to_vec();
        while let Some(r) = rest.strip_prefix("super::") {
            base.pop();
            rest = r;
        }
        base.extend(words(rest));
        out.insert(base.into_iter().take(depth).collect::<Vec<_>>().join("::"));
    }
    out
}

fn edges(depth: usize) -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: Vec<(PathBuf, Vec<String>)> = files
        .into_iter()
        .map(|f| {
            let m = module_path(&f, &src);
            (f, m)
        })
        .filter(|(_, m)| !m.is_empty() && m[0] != "lib" && m[0] != "main")
        .collect();
    let known: BTreeSet<String> = modules
        .iter()
        .map(|(_, m)| m.iter().take(depth).cloned().collect::<Vec<_>>().join("::"))
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, m) in &modules {
        let me = m.iter().take(depth).cloned().collect::<Vec<_>>().join("::");
        let code = code_of(&std::fs::read_to_string(file).expect("read module"));
        let targets = imports(&code, m, depth);
        let entry = graph.entry(me.clone()).or_default();
        entry.extend(
            targets
                .into_iter()
                .filter(|t| known.contains(t) && *t != me),
        );
    }
    graph
}

/// A cycle through `start`, if there is one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        g: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        start: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in g.get(node).into_iter().flatten() {
            if next == start {
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(g, next, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    walk(graph, start, start, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn no_module_cycles_at_either_depth() {
    for depth in [1, 2] {
        let g = edges(depth);
        for m in g.keys() {
            if let Some(c) = cycle_from(&g, m) {
                panic!("import cycle (depth {depth}): {} -> {m}", c.join(" -> "));
            }
        }
    }
}

#[test]
fn imports_run_down_the_pipeline() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut bad = Vec::new();
    for (from, tos) in edges(1) {
        let Some(ok) = allowed.get(from.as_str()) else {
            bad.push(format!(
                "{from}: not in the layer table (tests/layers.rs, src/lib.rs)"
            ));
            continue;
        };
        for to in tos {
            if !ok.contains(&to.as_str()) {
                bad.push(format!("{from} imports {to}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports against the layer table:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_detector_sees_a_cycle() {
    // The checker itself must be able to fail: a two-module loop is found.
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("a".into());
    assert!(cycle_from(&g, "a").is_some());
    let here = vec!["ops".to_string(), "exact".to_string()];
    let found = imports(
        "use super::broadcast::x; use crate::value::Value;",
        &here,
        2,
    );
    assert!(found.contains("ops::broadcast") && found.contains("value::Value"));
}

#[test]
fn every_folder_says_its_job() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&src).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            let text = std::fs::read_to_string(path.join("mod.rs")).unwrap_or_default();
            if !text.starts_with("//!") {
                missing.push(path.display().to_string());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "folders without a //! doc in mod.rs: {missing:?}"
    );
}

#[test]
fn grammar_command_words_are_the_registry_commands() {
    let in_grammar = grammar_rule_words("\ncmd_word");
    // The lexer (REPL colours, the parser's block errors) reads the same words.
    let in_lexer: BTreeSet<String> = la::syntax::lex::COMMAND_WORDS
        .iter()
        .map(|w| w.to_string())
        .collect();
    assert_eq!(
        in_grammar, in_lexer,
        "cmd_word and lex::COMMAND_WORDS differ"
    );
    // Every command of the registry can be typed in command syntax ...
    for w in la::builtins::commands::words() {
        assert!(in_grammar.contains(w), "command {w} missing from cmd_word");
    }
    // ... and every command word is a command or a built-in (`hold on` calls hold('on')).
    for w in &in_grammar {
        let known =
            la::builtins::commands::lookup(w).is_some() || la::builtins::lookup(w).is_some();
        assert!(known, "cmd_word {w} is neither a command nor a built-in");
    }
}

#[test]
fn grammar_keywords_are_the_lexer_keywords() {
    let in_grammar = grammar_rule_words("\nkw = ");
    let in_lexer: BTreeSet<String> = la::syntax::lex::KEYWORDS
        .iter()
        .map(|w| w.to_string())
        .collect();
    assert_eq!(in_grammar, in_lexer, "kw and lex::KEYWORDS differ");
}

/// The quoted words of the grammar rule that starts with `head`.
fn grammar_rule_words(head: &str) -> BTreeSet<String> {
    let grammar =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar/la.pest"))
            .expect("read grammar");
    let start = grammar.find(head).expect("grammar rule");
    let rule = &grammar[start..start + grammar[start..].find('}').expect("end of rule")];
    rule.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}
