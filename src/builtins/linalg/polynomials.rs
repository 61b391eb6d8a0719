//! Polynomials: `poly`/`charpoly`, `roots` (exact roots of exact
//! coefficients where they are linear or quadratic) and `polyval`.

use super::super::ctx::Ctx;
use super::super::{one, quad_linalg, Args, Builtin, Doc, Topic};
use super::decompositions::{field_arg, Field};
use super::{exact_err, exact_input, real_finite};
use crate::error::{LaError, Result};
use crate::exact::quad::common_field;
use crate::exact::{self, ExactWork, Quad, Rat, RatMat};
use crate::linalg::{self, CMat, C64};
use crate::ops::exact::too_slow_for;
use crate::value::Value;
use num_traits::Zero;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "poly",
        min_args: 1,
        max_args: 1,
        heavy: true,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "poly(A), poly(r)",
            summary: concat!(
                "Characteristic polynomial of a square matrix (monic, highest power ",
                "first), or the polynomial with roots r."
            ),
            math: &["poly(A) = coefficients of det(lambda I - A)"],
            example: &[">> poly([2 0; 0 3])", "ans =", "", "   1  -5   6"],
            related: &["charpoly", "roots", "eig"],
        },
        run: poly,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "charpoly",
        min_args: 1,
        max_args: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "charpoly(A)",
            summary:
                "Characteristic polynomial det(lambda I - A): the same as poly(A) for a matrix.",
            math: &["roots of charpoly(A) are the eigenvalues"],
            example: &[">> charpoly([1 2; 3 4])", "ans =", "", "   1  -5  -2"],
            related: &["poly", "roots"],
        },
        run: poly,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "roots",
        min_args: 1,
        max_args: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "roots(p)",
            summary: concat!(
                "Roots of the polynomial with (real or complex) coefficients p, a vector ",
                "with the highest power first, as eigenvalues of the companion matrix; ",
                "for exact p, exact roots from its linear and quadratic factors over the ",
                "rationals."
            ),
            math: &["p(x) = p_1 x^n + ... + p_(n+1) = 0"],
            example: &[
                ">> roots([1 -3 2])",
                "ans =",
                "",
                "   2",
                "   1",
                ">> roots([1 0 -2])",
                "ans =",
                "",
                "    sqrt(2)",
                "   -sqrt(2)",
            ],
            related: &["poly", "polyval"],
        },
        run: roots,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "polyval",
        min_args: 2,
        max_args: 2,
        quad_aware: true,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "polyval(p, x)",
            summary: "Evaluate a polynomial at each element of x (Horner's rule); exact p and x of one field (fractions, sqrt(2), 1 + 2i) give exact values.",
            math: &["p(x) = p_1 x^n + ... + p_n x + p_(n+1)"],
            example: &[">> polyval([1 0 -1], 3)", "ans = 8"],
            related: &["roots", "poly"],
        },
        run: polyval,
        ..Builtin::DEFAULTS
    },
];

fn poly(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let (r, c) = v.dims();
    if r * c == 0 {
        return one(Value::scalar(1.0));
    }
    if r == c && r > 1 {
        if let Some(x) = exact_input(it, &a, ExactWork::CharPoly, "poly") {
            let p = exact::charpoly(&x).map_err(exact_err)?;
            return one(Value::Exact(RatMat::from_row_slice(1, p.len(), &p).into()));
        }
        let m = real_finite(&a, 0, "poly")?;
        return one(Value::row(linalg::poly::poly(&m)?));
    }
    if r != 1 && c != 1 {
        return Err(LaError::eval(format!(
            "poly: input must be a vector or a square matrix (got {r}x{c})"
        )));
    }
    // Roots given: multiply out (x - r_k), exactly when they are exact and
    // few enough (more switch to floats with the cost rule's warning).
    if let Some(q) = v.to_quad() {
        if q.len() > quad_linalg::MAX_ENTRIES && common_field(q.iter()).is_some() {
            it.warn(&too_slow_for("poly", q.shape()), a.span);
        } else if let Some(p) = quad_linalg::poly_from_roots(&q) {
            return one(p);
        }
    }
    let roots = v.to_complex("poly")?;
    let mut coef = vec![C64::new(1.0, 0.0)];
    for z in roots.iter() {
        let mut next = coef.clone();
        next.push(C64::new(0.0, 0.0));
        for k in 1..next.len() {
            next[k] -= z * coef[k - 1];
        }
        coef = next;
    }
    one(Value::complex(CMat::from_row_slice(1, coef.len(), &coef)))
}

/// The note that some roots are floating point (correct, only not exact).
pub(super) fn float_roots_note(left: &[Rat]) -> String {
    let factor = match left.len() - 1 {
        n if n > 4 => format!("a factor of degree {n}"),
        _ => exact::poly_text(left, "x"),
    };
    format!(
        "note: {factor} has no linear or quadratic factor over the rationals; its roots are shown in floating point\n"
    )
}

fn roots(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (rows, cols) = a.num(0)?.dims();
    if rows > 1 && cols > 1 {
        return Err(a.wrong(0, "a vector of coefficients"));
    }
    if rows.min(cols) == 1 {
        if let Some(p) = exact_input(it, &a, ExactWork::CharPoly, "roots") {
            let (v, left) = quad_linalg::roots(p.as_slice());
            if let Some(left) = left {
                it.note(&float_roots_note(&left));
            }
            return one(v);
        }
    }
    let r = match field_arg(&a, 0, "roots")? {
        Field::Real(p) => linalg::poly::roots(p.as_slice())?,
        Field::Complex(p) => linalg::poly::roots_c(p.as_slice())?,
    };
    one(Value::complex(CMat::from_column_slice(r.len(), 1, &r)))
}

fn polyval(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(mut v) = quad_linalg::in_one_field(&[a.num(0)?, a.num(1)?]) {
        if let (Some(x), Some(p)) = (v.pop(), v.pop()) {
            let at = |x: &Quad| p.iter().fold(Quad::zero(), |s, c| &(s * x.clone()) + c);
            return one(Value::quad(x.map(|x| at(&x))));
        }
    }
    let p: Vec<f64> = a.real(0)?.iter().copied().collect();
    one(Value::Real(
        a.real(1)?
            .map(|x| p.iter().fold(0.0, |s, c| s * x + c))
            .into(),
    ))
}
