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
        quad_aware: true,
        any_field: true,
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
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "eigenspace",
        min_args: 2,
        max_args: 2,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "eigenspace(A, lambda)",
            summary: concat!(
                "Exact basis of the eigenspace of lambda: the null space of A - ",
                "lambda*I, each vector scaled to smallest integers. Under the cost rule ",
                "of null(A, 'r'): past it, the same basis (free variables 1) in floating ",
                "point, with a warning."
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
        ..Builtin::DEFAULTS
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
        Value::Quad(m) => m.map(|x| x.latex()),
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
        _ => {
            // `1.0000e-10` is not LaTeX: write `1.0000 \times 10^{-10}`.
            let s = crate::value::format::short_number(x);
            match s.split_once('e') {
                Some((m, e)) => format!("{m} \\times 10^{{{}}}", e.parse::<i32>().unwrap_or(0)),
                None => s,
            }
        }
    }
}

/// `2 - 3i`, `i`, `-2i`, `1 + i`: no `0 +` and no `1i`, as written by hand.
fn latex_complex(z: C64) -> String {
    if z.im == 0.0 {
        return latex_real(z.re);
    }
    let im = if z.im.abs() == 1.0 {
        String::new()
    } else {
        latex_real(z.im.abs())
    };
    let sign = if z.im < 0.0 { "-" } else { "+" };
    if z.re != 0.0 {
        format!("{} {sign} {im}i", latex_real(z.re))
    } else if z.im < 0.0 {
        format!("-{im}i")
    } else {
        format!("{im}i")
    }
}

fn eigenspace(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(v) = quad_eigenspace(&a)? {
        return one(v);
    }
    let m = a
        .num(0)?
        .to_exact()
        .ok_or_else(|| LaError::eval("eigenspace: A must be exact (integers or fractions)"))?;
    let lambda: Rat = match a.num(1)?.to_exact() {
        Some(l) if l.len() == 1 => l[0].clone(),
        _ => {
            return Err(LaError::eval(
                "eigenspace: lambda must be an exact scalar (a rational eigenvalue, or one such as (5 + sqrt(33))/2 or 1 + 2*sqrt(-1))",
            ))
        }
    };
    crate::builtins::require_square("eigenspace", m.shape())?;
    let shifted = exact::poly::shift(&m, &lambda).map_err(|e| LaError::eval(e.to_string()))?;
    // Priced as null(A - lambda*I, 'r'), with its fallback and warning.
    one(
        match super::linalg::priced(it, &a, "eigenspace", &shifted, exact::null_if_affordable) {
            Some(basis) => Value::Exact(basis.into()),
            None => Value::Real(
                super::linalg::null_from_float_rref(&exact::matrix::to_f64(&shifted)).into(),
            ),
        },
    )
}

/// `eigenspace(A, lambda)` when A or lambda is a quadratic number: the basis
/// over lambda's field (free variable 1, cleared of fractions); `None` when
/// both are rational.
fn quad_eigenspace(a: &Args) -> Result<Option<Value>> {
    let (m, l) = (a.num(0)?, a.num(1)?);
    if !matches!(m, Value::Quad(_)) && !matches!(l, Value::Quad(_)) {
        return Ok(None);
    }
    let (Some(qm), Some(ql)) = (m.to_quad(), l.to_quad()) else {
        return Err(LaError::eval(
            "eigenspace: A and lambda must be exact (integers, fractions or square roots)",
        ));
    };
    crate::builtins::require_square("eigenspace", qm.shape())?;
    if ql.len() != 1 {
        return Err(LaError::eval("eigenspace: lambda must be a scalar"));
    }
    if qm.len() > super::quad_linalg::MAX_ENTRIES {
        return Err(LaError::eval(format!(
            "eigenspace: a {}x{} matrix with square roots is too large for exact elimination; use null(A - lambda*eye(n)) in floating point",
            qm.nrows(),
            qm.ncols()
        )));
    }
    if crate::exact::quad::common_field(qm.iter().chain(ql.iter())).is_none() {
        return Err(LaError::eval(
            "eigenspace: A and lambda involve square roots of different numbers; no exact field holds both",
        ));
    }
    let basis = crate::exact::splitting::eigenspace(&qm, &ql[0]);
    Ok(Some(Value::quad(basis)))
}
