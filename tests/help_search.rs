//! Help that finds things (issue 13): a page for every command and operator,
//! `help WORDS` and `lookfor` search the pages, `doc` is `help`, and help
//! text wraps to the terminal width without splitting a formula. Through
//! the real binary.

mod common;
use common::{eval, run};

/// (input, a fragment its output must hold)
const PAGES: &[(&str, &str)] = &[
    ("help save", "save FILE"),
    ("help load", "load FILE"),
    ("help clear", "clear NAME"),
    ("help format", "format long"),
    ("help who", "names of the variables"),
    ("help whos", "size, bytes and class"),
    ("help steps", "working of an exact computation"),
    ("help latex", "as LaTeX"),
    ("help help", "List every function by topic"),
    ("help exit", "Leave la"),
    ("help clc", "Clear the terminal screen"),
    ("help \\", "Solve A*x = b"),
    ("help '", "Transpose: rows become columns"),
    ("help .'", "A.' does not"),
    ("help .*", "entry by entry (the Hadamard product)"),
    ("help ./", "entry by entry"),
    ("help ^", "Matrix power"),
    ("help .^", "Power entry by entry"),
    ("help :", "A range a, a+step"),
    ("help *", "The matrix product"),
    ("help ==", "Comparisons entry by entry"),
    ("help &", "Logical and, or, entry by entry"),
    ("help |", "Logical and, or, entry by entry"),
    ("help ~", "Logical not, entry by entry"),
    ("help !", "Logical not, entry by entry"),
    ("help &&", "Short-circuit and, or"),
    ("help ||", "the right side is not evaluated"),
    ("help xor", "Exclusive or entry by entry"),
    ("help not", "Logical negation"),
    ("doc eig", "eig(A)"),
    ("help lookfor", "lookfor WORDS"),
    ("help check", "check"),
];

#[test]
fn every_command_and_operator_has_a_page() {
    for (src, want) in PAGES {
        let r = eval(src);
        assert_eq!(r.status, 0, "{src}: {}", r.stderr);
        assert!(
            r.stdout.contains(want),
            "{src}: lacks {want:?}:\n{}",
            r.stdout
        );
    }
}

/// (words, names that must be listed, a name that must not be)
const SEARCHES: &[(&str, &[&str], &str)] = &[
    ("eigen", &["eig", "eigenspace"], "ones"),
    ("pseudoinverse", &["pinv"], "inv"),
    ("orthogonal", &["qr", "isorthogonal"], "det"),
    ("least squares", &["\\"], "eig"),
];

/// The names a search lists: the first word of each line that starts one.
fn listed(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty() && !l.contains("not a function name"))
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

#[test]
fn help_and_lookfor_search_the_pages() {
    for (words, want, not) in SEARCHES {
        for cmd in ["help", "lookfor"] {
            let r = eval(&format!("{cmd} {words}"));
            assert_eq!(r.status, 0, "{cmd} {words}: {}", r.stderr);
            let names = listed(&r.stdout);
            for w in *want {
                assert!(names.contains(w), "{cmd} {words}: lacks {w}: {names:?}");
            }
            assert!(!names.contains(not), "{cmd} {words}: lists {not}");
        }
    }
    let r = eval("help pseudoinverse");
    assert!(r
        .stdout
        .starts_with("'pseudoinverse' is not a function name"));
    let r = eval("lookfor pseudoinverse");
    assert_eq!(r.stdout, "pinv  Moore-Penrose pseudoinverse.\n");
}

#[test]
fn a_word_no_page_mentions_is_an_error_with_a_way_on() {
    let r = eval("help zzyzx");
    common::assert_error(&r, "no page mentions it", ":1:1");
    assert!(r.stderr.contains("`help` lists every function"));
    let r = eval("lookfor zzyzx");
    assert_eq!(r.status, 0);
    assert!(r.stdout.contains("no help page mentions 'zzyzx'"));
}

/// Every `See also` name of every page is itself a page: a hint never names
/// something `help` cannot show.
#[test]
fn see_also_names_only_existing_pages() {
    let missing: Vec<String> = la::builtins::docs()
        .flat_map(|(name, doc)| {
            doc.related
                .iter()
                .filter(|r| la::builtins::doc(r).is_none())
                .map(move |r| format!("{name}: See also {r}"))
        })
        .collect();
    assert!(missing.is_empty(), "no such page: {missing:?}");
}

/// The prose of a help page: every line but those of the Math and Example
/// sections, which are formulas and code and are never wrapped.
fn prose(page: &str) -> Vec<&str> {
    let mut in_code = false;
    page.lines()
        .filter(|l| {
            if matches!(*l, "Math:" | "Example:") || l.starts_with("See also:") {
                in_code = !l.starts_with("See also:");
                return false;
            }
            !in_code || !l.starts_with("  ")
        })
        .collect()
}

#[test]
fn help_wraps_to_the_width_and_keeps_formulas_whole() {
    for (cols, w) in [("80", 80), ("50", 50)] {
        for page in [
            "help save",
            "help load",
            "help \\",
            "help help",
            "help inv",
            "help eig",
        ] {
            let r = run_cols(cols, page);
            for l in prose(&r) {
                assert!(l.chars().count() <= w, "{page} at {cols}: {l:?}");
            }
        }
    }
    // A hyphenated word is prose: a remark in parentheses may break beside
    // it instead of leaving a short line.
    let r = run_cols("80", "help inv");
    let first = r
        .lines()
        .find(|l| l.contains("Inverse of a square"))
        .unwrap_or("");
    assert!(first.ends_with("ill-conditioned;"), "{r}");
    // `A*x = b` never splits around its `=`, nor `A\b` from its words.
    let r = run_cols("40", "help \\");
    assert!(r.contains("Solve A*x = b:"), "{r}");
    // The summary of save is long: at 80 columns it takes several lines of
    // the page's indent, each ending in a whole word.
    let r = run_cols("80", "help save");
    let summary: Vec<&str> = r
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("  >>"))
        .collect();
    assert!(summary.len() >= 4, "{r}");
}

/// A search lists one line per page, as Octave's lookfor: the name, then the
/// first sentence of its summary, shortened with `...` where a line could
/// wrap (a word boundary, never inside a formula) to fit the width.
#[test]
fn a_search_lists_one_short_line_per_page() {
    for (cols, w) in [("80", 80), ("60", 60)] {
        let r = run_cols(cols, "help eigen");
        let lines: Vec<&str> = r.lines().skip(1).filter(|l| !l.is_empty()).collect();
        let names = listed(&r);
        assert_eq!(lines.len(), names.len(), "a page took two lines:\n{r}");
        assert!(names.contains(&"eig") && names.contains(&"showeig"), "{r}");
        for l in &lines {
            assert!(l.chars().count() <= w, "{cols}: {l:?}");
        }
    }
    // A short first sentence is shown whole; the rest of the summary is not.
    let r = run_cols("80", "help eigen");
    assert!(
        r.contains("\nquadform      The quadratic form x'Ax.\n"),
        "{r}"
    );
    // "values" would reach column 80, and "..." must fit too.
    assert!(
        r.contains(
            "\nsvd           Singular value decomposition; one output gives the singular...\n"
        ),
        "{r}"
    );
    // An ellipsis in a formula ends no sentence; a remark in parentheses
    // may be cut between its words.
    assert!(
        r.contains("\ntrace         Sum of the diagonal A_11 + A_22 + ... (of any 2-D matrix...\n"),
        "{r}"
    );
    // A formula is kept whole: at 60 columns charpoly's det(lambda I - A) is
    // left out, not cut.
    let r60 = run_cols("60", "help eigen");
    assert!(
        r60.contains("\ncharpoly      Characteristic polynomial...\n"),
        "{r60}"
    );
    // A long one is cut at the last word that fits.
    let eig = r.lines().find(|l| l.starts_with("eig ")).unwrap_or("");
    assert!(
        eig.starts_with("eig           Eigenvalues (descending), or eigenvectors"),
        "{eig}"
    );
    assert!(eig.ends_with("..."), "{eig}");
}

fn run_cols(cols: &str, src: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_la"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", cols)
        .args(["-e", src])
        .output()
        .expect("run la");
    assert!(out.status.success(), "{src}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn run_keeps_working_on_stdin() {
    // `help` through a script read from stdin behaves as with -e.
    let r = run(&[], "help \\\n");
    assert!(r.stdout.contains("Solve A*x = b"), "{}", r.stdout);
}
