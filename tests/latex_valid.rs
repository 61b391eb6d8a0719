//! Every `latex` and `latex steps` form is valid LaTeX: always checked for
//! balanced braces, matching environments and known commands only, and
//! compiled with `pdflatex` (amsmath) when one is installed.

mod common;
use common::*;

/// One of each kind of working and value, including the corner cases
/// (singular, no solution, many solutions, a dropped Gram-Schmidt column,
/// negative pivots, complex and non-finite values).
const SOURCES: &[&str] = &[
    "latex steps rref([1 2; 3 4])",
    "latex steps inv([2 1; 1 1])",
    "latex steps det([0 1; -4 3])",
    "latex steps det([1 2; 2 4])",
    "latex steps det([1 2 3; 4 5 6; 7 8 10], 'cofactor')",
    "latex steps [2 1; 1 3] \\ [3; 5]",
    "latex steps [1 2 3; 2 4 6] \\ [1; 2]",
    "latex steps [1 2; 2 4] \\ [1; 3]",
    "latex steps eig([2 1; 1 2])",
    "latex steps eig([-3 -1 1; -3 -1 3; -2 2 0])",
    "latex steps rank([1 2; 2 4])",
    "latex steps null([1 2 3; 4 5 6; 7 8 9])",
    "latex steps gramschmidt([1 1 2; 0 1 1; 1 0 1])",
    "latex([1/2 2; 0 -3/4])",
    "latex(-7/3)",
    "latex([1+2i, 3i; -1i 2])",
    "latex(sqrt(-1))",
    "latex(sqrt(1/2)*[1 1; 1 -1])",
    "[Q, R] = qr([1 2; 3 4]); latex(R)",
    "latex([1 2i; -2i 1] / 3)",
    "latex steps gramschmidt([1 1; 1 0])",
    "latex([1e-10 NaN; Inf -Inf])",
    "latex(pi)",
    "latex('text')",
];

/// The LaTeX a source prints, without the `ans = ...` display after steps.
fn latex_of(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    let text = r.stdout.split("\nans =").next().unwrap_or_default();
    text.trim_end().to_string()
}

/// Commands the output may use (all in LaTeX itself or amsmath/amssymb).
const KNOWN: &[&str] = &[
    "begin",
    "end",
    "frac",
    "tfrac",
    "text",
    "lambda",
    "det",
    "cdot",
    "left",
    "right",
    "pm",
    "qquad",
    "quad",
    "xrightarrow",
    "leftarrow",
    "leftrightarrow",
    "mathbb",
    "in",
    "infty",
    "times",
    "sqrt",
    "ldots",
    "cdots",
    "dots",
    "to",
    "mid",
    "cdotp",
    "neq",
    "le",
    "ge",
];

/// Balanced braces, `\begin`/`\end` pairs that match, and known commands.
fn check_structure(src: &str, tex: &str) {
    let mut depth = 0i32;
    let mut envs: Vec<String> = Vec::new();
    let b = tex.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                let start = i + 1;
                let mut j = start;
                while j < b.len() && b[j].is_ascii_alphabetic() {
                    j += 1;
                }
                if j == start {
                    i = start + 1; // `\\`, `\{`, `\|`, `\,` ...
                    continue;
                }
                let cmd = &tex[start..j];
                assert!(
                    KNOWN.contains(&cmd),
                    "{src}: unknown command \\{cmd} in\n{tex}"
                );
                if cmd == "begin" || cmd == "end" {
                    let close = tex[j..].find('}').map(|k| j + k).expect("environment name");
                    let env = tex[j + 1..close].to_string();
                    if cmd == "begin" {
                        envs.push(env);
                    } else {
                        assert_eq!(envs.pop(), Some(env), "{src}: unmatched \\end in\n{tex}");
                    }
                    i = close + 1;
                    continue;
                }
                i = j;
                continue;
            }
            b'{' => depth += 1,
            b'}' => depth -= 1,
            _ => {}
        }
        assert!(depth >= 0, "{src}: '}}' without '{{' in\n{tex}");
        i += 1;
    }
    assert_eq!(depth, 0, "{src}: unbalanced braces in\n{tex}");
    assert!(envs.is_empty(), "{src}: unclosed {envs:?} in\n{tex}");
}

#[test]
fn every_latex_form_is_well_formed() {
    for src in SOURCES {
        check_structure(src, &latex_of(src));
    }
}

#[test]
fn latex_reads_as_written_by_hand() {
    assert_eq!(
        latex_of("latex([1+2i, 3i; -1i 2])"),
        "\\begin{bmatrix} 1 + 2i & 3i \\\\ -i & 2 \\end{bmatrix}"
    );
    let det = latex_of("latex steps det([0 1; -4 3])");
    // One swap, diagonal -4 and 1: det = (-1)^1 (-4)(1) = 4.
    assert!(
        det.contains("\\det A = (-1)^{1} \\cdot \\left(-4\\right) \\cdot 1 = 4"),
        "{det}"
    );
    let eig = latex_of("latex steps eig([2 1; 1 2])");
    assert!(eig.contains("A - I ="), "{eig}");
    assert!(!eig.contains("1I"), "{eig}");
    let gs = latex_of("latex steps gramschmidt([1 1; 0 1; 1 0])");
    // v2 = a2 - (1/2) v1 = [1/2; 1; -1/2], ||v2||^2 = 1/4 + 1 + 1/4 = 3/2.
    assert!(gs.contains("v_{2} &= a_{2} - \\frac{1}{2} v_{1}"), "{gs}");
    assert!(gs.contains("\\|v_{2}\\|^2 &= \\frac{3}{2}"), "{gs}");
    assert!(!gs.contains("||"), "{gs}");
}

/// Display forms go in `\[ \]`; blocks that bring their own stay as they are.
fn document(parts: &[String]) -> String {
    let mut doc = String::from(
        "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n",
    );
    for p in parts {
        if p.starts_with("\\begin{align") || p.starts_with("\\[") {
            doc.push_str(p);
        } else {
            doc.push_str(&format!("\\[ {p} \\]"));
        }
        doc.push_str("\n\n");
    }
    doc.push_str("\\end{document}\n");
    doc
}

#[test]
fn every_latex_form_compiles_when_a_tex_engine_is_installed() {
    let probe = std::process::Command::new("pdflatex")
        .arg("--version")
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        // CI sets LA_REQUIRE_TEX when it installed TeX: then a skip is a failure.
        assert!(
            std::env::var_os("LA_REQUIRE_TEX").is_none(),
            "LA_REQUIRE_TEX is set but pdflatex does not run"
        );
        eprintln!("pdflatex not installed: only the structure check ran");
        return;
    }
    let parts: Vec<String> = SOURCES.iter().map(|s| latex_of(s)).collect();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("latex_valid");
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let tex = dir.join("all.tex");
    std::fs::write(&tex, document(&parts)).expect("write .tex");
    let out = std::process::Command::new("pdflatex")
        .args(["-interaction=nonstopmode", "-halt-on-error", "all.tex"])
        .current_dir(&dir)
        .output()
        .expect("run pdflatex");
    assert!(
        out.status.success(),
        "pdflatex failed:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let pdf = std::fs::metadata(dir.join("all.pdf")).expect("pdflatex wrote all.pdf");
    assert!(pdf.len() > 0, "all.pdf is empty");
}
