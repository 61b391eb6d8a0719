//! The quadratic part of `steps eig(A)`: each quadratic factor left by the
//! rational root test solved by the quadratic formula (discriminant and
//! formula with the numbers put in), then `A - λI` reduced over the field
//! Q(√D) to the eigenvectors. Text and LaTeX.

use super::{align_block, format_rat_matrix_split, latex_rat, poly_latex, poly_text};
use crate::exact::elim::{RowOp, Step};
use crate::exact::splitting::{QuadEigenSteps, QuadFactor, QuadraticSteps};
use crate::exact::{Quad, QuadMat, Rat};

/// The sign and magnitude a coefficient is written with: `-x` when every
/// part of `x` is negative or zero (so `-(1 + sqrt(2))` reads `- (1 + sqrt(2))`).
fn split_sign(x: &Quad) -> (bool, Quad) {
    let neg = !x.re_part().is_positive() && !x.radical_part().is_positive();
    (neg, if neg { -x } else { x.clone() })
}

/// `3*`, `(1 + sqrt(2))*`, or nothing for 1.
fn coeff_text(mag: &Quad) -> String {
    match mag.as_rat() {
        Some(r) if r.is_one() => String::new(),
        Some(r) if r.is_integer() => format!("{r}*"),
        _ => format!("({mag})*"),
    }
}

fn coeff_latex(mag: &Quad) -> String {
    match mag.as_rat() {
        Some(r) if r.is_one() => String::new(),
        Some(r) => latex_rat(r),
        None => format!("\\left({}\\right)", mag.latex()),
    }
}

fn op_text(op: &RowOp<Quad>) -> String {
    match op {
        RowOp::Swap(i, j) => format!("swap R{} <-> R{}", i + 1, j + 1),
        RowOp::Scale { row, by } => {
            let (neg, mag) = split_sign(by);
            let r = row + 1;
            format!(
                "R{r} <- {}{}R{r}",
                if neg { "-" } else { "" },
                coeff_text(&mag)
            )
        }
        RowOp::AddMultiple {
            target,
            source,
            factor,
        } => {
            let (neg, mag) = split_sign(factor);
            let (t, s) = (target + 1, source + 1);
            let sign = if neg { '-' } else { '+' };
            format!("R{t} <- R{t} {sign} {}R{s}", coeff_text(&mag))
        }
        other => super::op_text_note(other),
    }
}

fn op_latex(op: &RowOp<Quad>) -> String {
    match op {
        RowOp::Swap(i, j) => format!("R_{{{}}} \\leftrightarrow R_{{{}}}", i + 1, j + 1),
        RowOp::Scale { row, by } => {
            let (neg, mag) = split_sign(by);
            let sign = if neg { "-" } else { "" };
            format!(
                "R_{{{r}}} \\leftarrow {sign}{}R_{{{r}}}",
                coeff_latex(&mag),
                r = row + 1
            )
        }
        RowOp::AddMultiple {
            target,
            source,
            factor,
        } => {
            let (neg, mag) = split_sign(factor);
            let sign = if neg { '-' } else { '+' };
            format!(
                "R_{{{t}}} \\leftarrow R_{{{t}}} {sign} {}R_{{{}}}",
                coeff_latex(&mag),
                source + 1,
                t = target + 1
            )
        }
        other => format!("\\text{{{}}}", super::op_text_note(other)),
    }
}

fn matrix_latex(m: &QuadMat) -> String {
    let rows: Vec<String> = m
        .row_iter()
        .map(|r| r.iter().map(Quad::latex).collect::<Vec<_>>().join(" & "))
        .collect();
    format!(
        "\\begin{{bmatrix}} {} \\end{{bmatrix}}",
        rows.join(" \\\\ ")
    )
}

fn matrix_text(m: &QuadMat) -> String {
    format_rat_matrix_split(m, None)
        .iter()
        .map(|l| format!("  {l}\n"))
        .collect()
}

/// `(-5)` for negatives and fractions inside a formula, `5` otherwise.
fn operand(x: &Rat) -> String {
    if x.is_negative() || !x.is_integer() {
        format!("({x})")
    } else {
        x.to_string()
    }
}

fn factor_text(f: &QuadFactor) -> String {
    let p = [Rat::one(), f.b.clone(), f.c.clone()];
    let neg_b = -&f.b;
    let mut out = format!(
        "\nsolve {} = 0 with the quadratic formula (a = 1, b = {}, c = {})\n",
        poly_text(&p, "λ"),
        f.b,
        f.c
    );
    out.push_str(&format!(
        "discriminant D = b^2 - 4ac = {}^2 - 4*1*{} = {}\n",
        operand(&f.b),
        operand(&f.c),
        f.disc
    ));
    out.push_str(&format!(
        "λ = (-b ± sqrt(D))/(2a) = ({neg_b} ± sqrt({}))/2\n",
        f.disc
    ));
    out.push_str(&format!(
        "λ1 = {}, λ2 = {}{}\n",
        f.roots[0],
        f.roots[1],
        multiplicity_text(f.multiplicity)
    ));
    out
}

fn multiplicity_text(m: usize) -> String {
    if m > 1 {
        format!(" (the factor appears {m} times)")
    } else {
        String::new()
    }
}

fn steps_text(start: &QuadMat, steps: &[Step<Quad>]) -> String {
    let mut out = matrix_text(start);
    for s in steps {
        out.push('\n');
        out.push_str(&op_text(&s.op));
        out.push('\n');
        out.push_str(&matrix_text(&s.after));
    }
    out
}

fn eigen_text(e: &QuadEigenSteps) -> String {
    let mut out = format!(
        "\nλ = {} (algebraic multiplicity {}):\nA - λI =\n",
        e.lambda, e.multiplicity
    );
    out.push_str(&steps_text(&e.shifted, &e.steps));
    out.push_str("\neigenvectors (basis of the null space, free variables = 1):\n");
    for v in e.basis.column_iter() {
        let entries: Vec<String> = v.iter().map(Quad::to_string).collect();
        out.push_str(&format!("  [{}]\n", entries.join("; ")));
    }
    out
}

/// A factor of degree 3 or more with no exact roots.
fn leftover_text(left: &[Rat]) -> String {
    if left.len() <= 1 {
        return String::new();
    }
    format!(
        "\n{} has no linear or quadratic factor over the rationals: its roots are not shown exactly (eig gives them in floating point)\n",
        poly_text(left, "λ")
    )
}

/// The quadratic part of the working in plain text.
pub fn quadratic_steps_text(q: &QuadraticSteps) -> String {
    let mut out: String = q.factors.iter().map(factor_text).collect();
    out.push_str(&leftover_text(&q.leftover));
    for e in &q.eigen {
        out.push_str(&eigen_text(e));
    }
    out
}

fn factor_latex(f: &QuadFactor) -> String {
    let p = [Rat::one(), f.b.clone(), f.c.clone()];
    let paren = |x: &Rat| {
        if x.is_negative() || !x.is_integer() {
            format!("\\left({}\\right)", latex_rat(x))
        } else {
            latex_rat(x)
        }
    };
    align_block(vec![
        format!("&{} = 0", poly_latex(&p, "\\lambda")),
        format!(
            "&D = b^{{2}} - 4ac = {}^{{2}} - 4 \\cdot {} = {}",
            paren(&f.b),
            paren(&f.c),
            latex_rat(&f.disc)
        ),
        format!(
            "&\\lambda = \\frac{{-b \\pm \\sqrt{{D}}}}{{2a}} = \\frac{{{} \\pm \\sqrt{{{}}}}}{{2}}",
            latex_rat(&-&f.b),
            latex_rat(&f.disc)
        ),
        format!(
            "&\\lambda_{{1}} = {},\\quad \\lambda_{{2}} = {}",
            f.roots[0].latex(),
            f.roots[1].latex()
        ),
    ])
}

fn eigen_latex(e: &QuadEigenSteps) -> String {
    let mut lines = vec![format!("&A - \\lambda I = {}", matrix_latex(&e.shifted))];
    lines.extend(e.steps.iter().map(|s| {
        format!(
            "&\\xrightarrow{{{}}} {}",
            op_latex(&s.op),
            matrix_latex(&s.after)
        )
    }));
    let vectors: Vec<String> = e
        .basis
        .column_iter()
        .map(|v| matrix_latex(&QuadMat::from_column_slice(v.len(), 1, v.as_slice())))
        .collect();
    format!(
        "\n\n\\[ \\lambda = {}: \\]\n{}\n\\[ \\text{{eigenvectors: }} {} \\]",
        e.lambda.latex(),
        align_block(lines),
        vectors.join(",\\ ")
    )
}

/// The quadratic part of the working as LaTeX.
pub fn quadratic_steps_latex(q: &QuadraticSteps) -> String {
    let mut out = String::new();
    for f in &q.factors {
        out.push_str("\n\n");
        out.push_str(&factor_latex(f));
    }
    if q.leftover.len() > 1 {
        out.push_str(&format!(
            "\n\n\\[ {} \\text{{ has no linear or quadratic factor over }}\\mathbb{{Q}} \\]",
            poly_latex(&q.leftover, "\\lambda")
        ));
    }
    for e in &q.eigen {
        out.push_str(&eigen_latex(e));
    }
    out
}
