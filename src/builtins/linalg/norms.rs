//! Sizes of vectors and matrices: `norm` (with the kinds `cond` shares) and
//! `unit`.

use super::super::ctx::Ctx;
use super::super::{one, Args, Builtin, Doc, Topic};
use crate::builtins::quad_linalg::{in_one_field, two_norm};
use crate::error::{LaError, Result};
use crate::exact::{Quad, QuadMat};
use crate::linalg::norms::{self, NormKind};
use crate::value::Value;
use num_traits::Zero;
use std::cmp::Ordering;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "norm",
        min_args: 1,
        max_args: 2,
        quad_aware: true,
        any_field: true,
        heavy: true,
        doc: Doc {
            topic: Topic::Norms,
            signature: "norm(x), norm(x, p), norm(A, 'fro')",
            summary: concat!(
                "Vector p-norms (p >= 1, Inf, -Inf, 0) and matrix norms (2 = largest ",
                "singular value, 1, Inf, 'fro'; any other p > 1 by Higham's iterative ",
                "estimate of max ||Ax||_p / ||x||_p, as Octave). The 1, Inf and -Inf ",
                "norms of real exact input (fractions, sqrt(2)) are exact, and so are ",
                "the 2-norm of an exact vector and the 'fro' norm of an exact matrix ",
                "when the root is one (a fraction or a square root)."
            ),
            math: &[
                "||x||_p = (sum |x_i|^p)^(1/p)",
                "||x||_1 = sum |x_i|",
                "||x||_2 = sqrt(x'x)",
                "||x||_inf = max |x_i|",
                "norm(x, 0) = number of non-zeros",
                "||A||_F = sqrt(sum A_ij^2) = sqrt(tr(AA'))",
            ],
            example: &[
                ">> norm([3 -4])",
                "ans = 5",
                ">> norm([3 -4], 1)",
                "ans = 7",
                ">> norm([3 -4], Inf)",
                "ans = 4",
                ">> norm([1 1])",
                "ans = sqrt(2)",
            ],
            related: &["unit", "nnz", "cond"],
        },
        run: norm,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "unit",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Norms,
            signature: "unit(x)",
            summary: "The unit vector in the direction of x; exact for exact x when its norm is (a fraction or a square root).",
            math: &["unit(x) = x / ||x||_2, so ||unit(x)||_2 = 1"],
            example: &[
                ">> unit([3 4])",
                "ans =",
                "",
                "   3/5   4/5",
                ">> unit([1 1])",
                "ans =",
                "",
                "   1/sqrt(2)   1/sqrt(2)",
            ],
            related: &["norm"],
        },
        run: unit,
        quad_aware: true,
        any_field: true,
        ..Builtin::DEFAULTS
    },
];

pub(super) fn norm_kind(a: &Args) -> Result<norms::NormKind> {
    let Some(p) = a.get(1) else {
        return Ok(norms::NormKind::P(2.0));
    };
    if p.as_str().is_some() {
        return Ok(match a.option(1, &["fro", "inf", "-inf"])? {
            Some("fro") => norms::NormKind::Fro,
            Some("-inf") => norms::NormKind::P(f64::NEG_INFINITY),
            _ => norms::NormKind::P(f64::INFINITY),
        });
    }
    let x = a.f64(1)?;
    if x.is_nan() {
        return Err(a.wrong(1, "a number p, Inf, -Inf or 'fro'"));
    }
    Ok(norms::NormKind::P(x))
}

fn norm(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let kind = norm_kind(&a)?;
    let v = a.num(0)?;
    let (r, c) = v.dims();
    let is_vector = r == 1 || c == 1;
    let root_of_squares = kind == NormKind::Fro || (is_vector && kind == NormKind::P(2.0));
    if root_of_squares {
        if let Some(x) = two_norm(it, v, a.span) {
            return one(x);
        }
    } else if let Some(x) = exact_norm(v, &kind) {
        return one(x);
    }
    // Complex quadratic numbers (`1 + 2i`) as complex floats.
    let v = &v.clone().to_float();
    let x = match v {
        Value::Complex(m) if is_vector => norms::vector_norm_c(m.as_slice(), kind),
        Value::Complex(m) => norms::matrix_norm_c(m, kind)?,
        _ if is_vector => norms::vector_norm(v.to_real("norm")?.as_slice(), kind),
        _ => norms::matrix_norm(&*v.to_real("norm")?, kind)?,
    };
    one(Value::scalar(x))
}

/// `norm(x, 1)`, `norm(x, Inf)` and `norm(x, -Inf)` of real exact input of
/// one field (of a matrix: the largest sum of |a_ij| down a column or along
/// a row): absolute values and their order are decided exactly. `None` for
/// the other kinds (they need a root) and for any other input.
fn exact_norm(v: &Value, kind: &NormKind) -> Option<Value> {
    let NormKind::P(p) = *kind else { return None };
    if p != 1.0 && p.abs() != f64::INFINITY {
        return None;
    }
    let m = in_one_field(&[v])?.pop()?;
    let abs = |q: &Quad| match q.sign()? {
        Ordering::Less => Some(-q),
        _ => Some(q.clone()),
    };
    let m = QuadMat::from_vec(
        m.nrows(),
        m.ncols(),
        m.iter().map(abs).collect::<Option<_>>()?,
    );
    let sum = |it: &mut dyn Iterator<Item = &Quad>| it.fold(Quad::zero(), |s, x| s + x.clone());
    let pick = |it: &mut dyn Iterator<Item = Quad>, keep: Ordering| {
        it.reduce(|best, x| {
            if x.cmp_real(&best) == Some(keep) {
                x
            } else {
                best
            }
        })
    };
    let vector = m.nrows() == 1 || m.ncols() == 1;
    let n = match (p, vector) {
        (1.0, true) => sum(&mut m.iter()),
        (p, true) if p == f64::INFINITY => pick(&mut m.iter().cloned(), Ordering::Greater)?,
        (p, true) if p == f64::NEG_INFINITY => pick(&mut m.iter().cloned(), Ordering::Less)?,
        (1.0, false) => pick(
            &mut m.column_iter().map(|c| sum(&mut c.iter())),
            Ordering::Greater,
        )?,
        (p, false) if p == f64::INFINITY => pick(
            &mut m.row_iter().map(|r| sum(&mut r.iter())),
            Ordering::Greater,
        )?,
        _ => return None,
    };
    Some(Value::quad(QuadMat::from_element(1, 1, n)))
}

fn unit(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let n = match two_norm(it, v, a.span) {
        Some(n) => n,
        None => {
            let x = match v.clone().to_float() {
                Value::Complex(m) => norms::vector_norm_c(m.as_slice(), NormKind::P(2.0)),
                f => norms::vector_norm(f.to_real("unit")?.as_slice(), NormKind::P(2.0)),
            };
            Value::scalar(x)
        }
    };
    if n.to_f64("unit")? == 0.0 {
        return Err(LaError::eval(
            "unit: the zero vector has no direction (norm is 0)",
        ));
    }
    one(it.binary(crate::syntax::ast::BinOp::EDiv, v, &n, a.span)?)
}
