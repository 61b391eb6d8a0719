//! The working of `steps eig(A)`: det(A - λI) expanded, the rational-root
//! candidates, the factorised polynomial and each eigenvector's reduction.

use super::*;
use crate::exact::poly::{EigSteps, EigenvalueSteps};

const LAMBDA: &str = "λ";
const LAMBDA_TEX: &str = "\\lambda";

/// `±1, ±2, ±1/2` from a candidate list holding each value with both signs.
fn candidates_text(c: &[Rat], show: &dyn Fn(&Rat) -> String, pm: &str) -> String {
    c.iter()
        .filter(|x| x.is_positive())
        .map(|x| format!("{pm}{}", show(x)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `(-1)^n` prefix for `det(A - λI)` in terms of the monic polynomial.
fn sign_prefix(s: &EigSteps) -> &'static str {
    if s.matrix.nrows() % 2 == 1 {
        "-"
    } else {
        ""
    }
}

/// The factorised monic polynomial, e.g. `(λ - 2)(λ + 2)(λ + 4)`, with the
/// leftover factor (if any) last.
fn factorised(
    s: &EigSteps,
    var: &str,
    num: &dyn Fn(&Rat) -> String,
    power: &dyn Fn(usize) -> String,
    poly: &dyn Fn(&[Rat]) -> String,
) -> String {
    let mut f = linear_factors(&s.factors, var, num, power);
    if s.leftover.len() > 1 {
        f.push_str(&format!("({})", poly(&s.leftover)));
    }
    if f.is_empty() {
        f.push('1');
    }
    f
}

/// The eigenvalue calculation as a student writes it, in plain text.
pub fn eig_steps_text(s: &EigSteps) -> String {
    let sign = sign_prefix(s);
    let monic = poly_text(&s.charpoly, LAMBDA);
    let mut out = format!("det(A - λI) = {}", poly_text(&s.det_poly, LAMBDA));
    if !sign.is_empty() {
        out.push_str(&format!(" = {sign}({monic})"));
    }
    out.push('\n');
    if s.zero_multiplicity > 0 {
        out.push_str(&format!(
            "λ = 0 is a root of multiplicity {}: factor out λ^{}\n",
            s.zero_multiplicity, s.zero_multiplicity
        ));
    }
    out.push_str(&candidates_section_text(s));
    let text_power = |k: usize| format!("^{k}");
    let factors = factorised(s, LAMBDA, &Rat::to_string, &text_power, &|p| {
        poly_text(p, LAMBDA)
    });
    if !s.factors.is_empty() {
        out.push_str(&format!("det(A - λI) = {sign}{factors}\n"));
    }
    if s.leftover.len() > 1 {
        let why = if s.numeric_candidates {
            "no rational roots were found for"
        } else {
            "no rational roots remain in"
        };
        out.push_str(&format!(
            "{why} {}: those eigenvalues are irrational or complex\n",
            poly_text(&s.leftover, LAMBDA)
        ));
    }
    for e in &s.eigen {
        out.push('\n');
        out.push_str(&eigenvalue_text(e));
    }
    out
}

/// `A - 2I`, `A + I`, `A - (1/2)I` or `A - \frac{1}{2}I`, and `A` for 0.
fn shift_label(lambda: &Rat, latex: bool) -> String {
    let mag = lambda.abs();
    let sign = if lambda.is_negative() { '+' } else { '-' };
    match (lambda.is_zero(), mag.is_integer(), latex) {
        (true, _, _) => "A".to_string(),
        (false, true, _) if mag.is_one() => format!("A {sign} I"),
        (false, true, _) => format!("A {sign} {mag}I"),
        (false, false, true) => format!("A {sign} {}I", latex_rat(&mag)),
        (false, false, false) => format!("A {sign} ({mag})I"),
    }
}

/// The rational root test lines: candidates and which of them are roots.
fn candidates_section_text(s: &EigSteps) -> String {
    let list = if s.numeric_candidates {
        let c: Vec<String> = s.candidates.iter().map(Rat::to_string).collect();
        format!(
            "coefficients too large to list all divisors; candidates from numerical roots: {}",
            or_none(&c.join(", "))
        )
    } else if s.candidates.is_empty() {
        return String::new();
    } else {
        format!(
            "rational root candidates ±p/q (p divides the constant term, q the leading coefficient): {}",
            candidates_text(&s.candidates, &Rat::to_string, "±")
        )
    };
    let roots: Vec<String> = s.roots.iter().map(Rat::to_string).collect();
    format!(
        "{list}\nroots among the candidates: {}\n",
        or_none(&roots.join(", "))
    )
}

fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "none"
    } else {
        s
    }
}

fn eigenvalue_text(e: &EigenvalueSteps) -> String {
    let l = &e.lambda;
    let mut out = format!(
        "λ = {l} (algebraic multiplicity {}):\n{} =\n",
        e.multiplicity,
        shift_label(l, false)
    );
    out.push_str(&working_text(&e.shifted, &e.steps, None));
    out.push_str("\n\neigenvectors (basis of the null space, free variables = 1):\n");
    for v in e.basis.column_iter() {
        let entries: Vec<String> = v.iter().map(Rat::to_string).collect();
        out.push_str(&format!("  [{}]\n", entries.join("; ")));
    }
    out
}

/// The same working as LaTeX: an `align*` block for the polynomial and its
/// factorisation, then per eigenvalue the reduction of `A - λI` and the
/// eigenvectors.
pub fn eig_steps_latex(s: &EigSteps) -> String {
    let sign = sign_prefix(s);
    let tex_power = |k: usize| format!("^{{{k}}}");
    let mut lines = vec![format!(
        "\\det(A - \\lambda I) &= {}",
        poly_latex(&s.det_poly, LAMBDA_TEX)
    )];
    if !sign.is_empty() {
        lines.push(format!(
            "&= {sign}\\left({}\\right)",
            poly_latex(&s.charpoly, LAMBDA_TEX)
        ));
    }
    if !s.factors.is_empty() {
        let factors = factorised(s, LAMBDA_TEX, &latex_rat, &tex_power, &|p| {
            poly_latex(p, LAMBDA_TEX)
        });
        lines.push(format!("&= {sign}{factors}"));
    }
    let mut out = align_block(lines);
    if !s.candidates.is_empty() {
        let list = if s.numeric_candidates {
            let c: Vec<String> = s.candidates.iter().map(latex_rat).collect();
            format!(
                "\\text{{candidates from numerical roots: }} {}",
                c.join(", ")
            )
        } else {
            format!(
                "\\text{{candidates }} \\pm\\tfrac{{p}}{{q}}\\text{{: }} {}",
                candidates_text(&s.candidates, &latex_rat, "\\pm ")
            )
        };
        let roots: Vec<String> = s.roots.iter().map(latex_rat).collect();
        out.push_str(&format!(
            "\n\\[ {list} \\qquad \\text{{roots: }} {} \\]",
            or_none(&roots.join(", "))
        ));
    }
    for e in &s.eigen {
        let l = latex_rat(&e.lambda);
        out.push_str(&format!(
            "\n\n\\[ \\lambda = {l}:\\quad {} = {} \\]\n",
            shift_label(&e.lambda, true),
            latex_matrix(&e.shifted)
        ));
        out.push_str(&steps_latex(&e.steps));
        let vectors: Vec<String> = e
            .basis
            .column_iter()
            .map(|v| latex_matrix(&RatMat::from_column_slice(v.len(), 1, v.as_slice())))
            .collect();
        out.push_str(&format!(
            "\n\\[ \\text{{eigenvectors: }} {} \\]",
            vectors.join(",\\ ")
        ));
    }
    out
}
