//! Homework helpers: LaTeX output and exact eigenspaces.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Doc, Topic};
use crate::error::{LaError, Result};
use crate::exact::{self, render, Rat};
use crate::linalg::C64;
use crate::value::Value;
use nalgebra::DMatrix;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "latex",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        doc: Doc {
            topic: Topic::Output,
            signature: "latex(x), s = latex(x)",
            summary: concat!(
                "A value as LaTeX, ready to paste into homework: fractions as ",
                "\\frac{p}{q}, matrices as bmatrix. For the working of a computation ",
                "use `latex steps rref(A)`."
            ),
            math: &[],
            example: &[
                ">> latex([1/2 2; 0 -3/4])",
                "\\begin{bmatrix} \\frac{1}{2} & 2 \\\\ 0 & -\\frac{3}{4} \\end{bmatrix}",
            ],
            related: &["exact", "rref", "disp"],
        },
        run: latex,
    },
    Builtin {
        name: "eigenspace",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "eigenspace(A, lambda)",
            summary: concat!(
                "Exact basis of the eigenspace of lambda: the null space of A - ",
                "lambda*I, each vector scaled to smallest integers."
            ),
            math: &["E(lambda) = null(A - lambda I) = { v : A v = lambda v }"],
            example: &[
                ">> eigenspace([-3 -1 1; -3 -1 3; -2 2 0], 2)'",
                "ans =",
                "",
                "   0   1   1",
            ],
            related: &["eig", "null", "rref"],
        },
        run: eigenspace,
    },
];

/// `steps EXPR` is a statement (the evaluator runs it); this is its help page.
pub static STEPS_DOC: Doc = Doc {
    topic: Topic::Output,
    signature: "steps EXPR, latex steps EXPR",
    summary: concat!(
        "Show the working of an exact computation as a student writes it: the row ",
        "operations of rref(A), inv(A), det(A), A\\b, rank(A), null(A), the characteristic ",
        "polynomial of eig(A), gramschmidt(A); det(A, 'cofactor') expands along a row. ",
        "`latex steps EXPR` gives the same working as LaTeX."
    ),
    math: &[],
    example: &[
        ">> steps rref([1 2; 2 4])",
        "    1  2",
        "    2  4",
        "",
        "R2 <- R2 - 2*R1",
        "    1  2",
        "    0  0",
        "ans =",
        "",
        "   1   2",
        "   0   0",
    ],
    related: &["rref", "latex", "det", "inv"],
};

fn latex(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let text = latex_value(&a.vals[0])?;
    if a.nargout == 0 {
        it.print(&format!("{text}\n"));
        return Ok(Vec::new());
    }
    one(Value::Str(text))
}

/// A value as LaTeX: what `latex(x)` prints (the Jupyter kernel's `text/latex`).
pub fn latex_value(v: &Value) -> Result<String> {
    let cells: DMatrix<String> = match v {
        Value::Exact(m) if m.len() != 1 => return Ok(render::latex_matrix(m)),
        Value::Exact(m) => m.map(|x| render::latex_rat(&x)),
        Value::Complex(m) => m.map(latex_complex),
        Value::Str(s) => return Ok(format!("\\text{{{s}}}")),
        Value::Func(_) => return Err(LaError::eval("latex: function handles have no LaTeX form")),
        other => other.to_real("latex")?.map(latex_real),
    };
    if cells.len() == 1 {
        return Ok(cells[0].clone());
    }
    let rows: Vec<String> = cells
        .row_iter()
        .map(|r| r.iter().cloned().collect::<Vec<_>>().join(" & "))
        .collect();
    Ok(format!(
        "\\begin{{bmatrix}} {} \\end{{bmatrix}}",
        rows.join(" \\\\ ")
    ))
}

fn latex_real(x: f64) -> String {
    match x {
        _ if x.is_nan() => "\\text{NaN}".into(),
        _ if x.is_infinite() => {
            if x > 0.0 {
                "\\infty".into()
            } else {
                "-\\infty".into()
            }
        }
        _ => crate::value::format::short_number(x),
    }
}

fn latex_complex(z: C64) -> String {
    let sign = if z.im < 0.0 { "-" } else { "+" };
    format!("{} {sign} {}i", latex_real(z.re), latex_real(z.im.abs()))
}

fn eigenspace(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let m = a
        .num(0)?
        .to_exact()
        .ok_or_else(|| LaError::eval("eigenspace: A must be exact (integers or fractions)"))?;
    let lambda: Rat = match a.num(1)?.to_exact() {
        Some(l) if l.len() == 1 => l[0].clone(),
        _ => {
            return Err(LaError::eval(
                "eigenspace: lambda must be an exact scalar (a rational eigenvalue)",
            ))
        }
    };
    let basis = exact::eigenspace(&m, &lambda).map_err(|e| LaError::eval(e.to_string()))?;
    one(Value::Exact(basis.into()))
}
