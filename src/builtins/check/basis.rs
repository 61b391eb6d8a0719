//! Bases (null, colspace, rowspace, leftnull, eigenspace, orth,
//! gramschmidt): every vector in the space, independent, as many as its
//! dimension, and orthonormal when the question asks for it.

use super::claim::{answer_mat, arg_mat, arg_name, bad, shape_text, Answer, Question, Verdict};
use super::entries::{compare, Cmp};
use super::mat::Mat;
use super::num::{Typed, FLOAT_TOL};
use super::residual::{coarser, orthonormal, residual_ok, rounded_note};
use crate::error::{LaError, Result};
use crate::exact;
use crate::value::Value;

/// la's basis of the space asked about, exact when A is.
pub(super) fn true_basis(q: &Question, f: &str) -> Result<Mat> {
    if let Some(Value::Exact(a)) = q.args.first() {
        // Priced as the rref they come from (the modular routines' estimate).
        let exact_basis = match f {
            "null" => exact::null_if_affordable(a),
            "orth" | "gramschmidt" => exact::rref_if_affordable(a).map(|(_, piv)| {
                let cols: Vec<_> = piv.iter().map(|&j| a.column(j).into_owned()).collect();
                if cols.is_empty() {
                    exact::RatMat::zeros(a.nrows(), 0)
                } else {
                    exact::RatMat::from_columns(&cols)
                }
            }),
            _ => None,
        };
        if let Some(b) = exact_basis {
            return Ok(Mat::E(b));
        }
    }
    Mat::of(&q.expected[0])
        .ok_or_else(|| LaError::eval(format!("check: {} is not a matrix", q.text)))
}

/// Orthonormal basis of the column space of the independent columns `b` (floats).
pub(super) fn orthonormal_basis(b: &Mat) -> crate::linalg::CMat {
    let f = b.f();
    if f.ncols() == 0 {
        return f;
    }
    let qr = f.qr();
    let qm = qr.q();
    qm.columns(0, b.shape().1.min(qm.ncols())).into_owned()
}

/// Bases: the same span with the right number of independent vectors (and
/// orthonormal when the question asks for it).
pub(super) fn basis(q: &Question, f: &str, a: &Answer) -> Result<Verdict> {
    let b = true_basis(q, f)?;
    let (n, dim) = b.shape();
    let s = answer_mat(a, q.text)?;
    let what = q.text;
    if s.shape().0 * s.shape().1 == 0 {
        return Ok(if dim == 0 {
            Verdict::right(None)
        } else {
            Verdict::wrong(format!(
                "{what} has dimension {dim}; an empty basis spans only the zero vector"
            ))
        });
    }
    let (rows, k) = s.shape();
    if rows != n {
        let hint = if k == n {
            " — write the vectors as columns (transpose with ')"
        } else {
            ""
        };
        return Err(bad(
            a,
            format!(
                "the vectors of {what} have {n} entries (one per row); your answer is {}{hint}",
                shape_text(s.shape())
            ),
        ));
    }
    if dim == 0 {
        return Ok(Verdict::wrong(format!(
            "{what} is only the zero vector (dimension 0); its basis is empty: []"
        )));
    }
    let h = a.half_unit();
    let mut rounded: Option<Typed> = None;
    // Each vector must lie in the space.
    let qb = orthonormal_basis(&b);
    for j in 0..k {
        let col = s.col(j);
        if col.is_zero_vec() {
            return Ok(Verdict::wrong(format!(
                "column {} is zero; a basis never contains the zero vector",
                j + 1
            )));
        }
        let inside = match (&b, &col) {
            (Mat::E(bm), Mat::E(cm)) if h == 0.0 => {
                let joined = exact::augment(bm, cm);
                exact::rank_if_affordable(&joined).ok().map(|r| r == dim)
            }
            _ => None,
        };
        let inside = match inside {
            Some(x) => x,
            None => {
                let cf = col.f();
                let r = &cf - &qb * (qb.adjoint() * &cf);
                let rm = Mat::F(r);
                let fb = FLOAT_TOL * col.max_abs().max(1.0);
                match residual_ok(&rm, fb, (n as f64).sqrt() * h, a.rounding()) {
                    Ok(t) => {
                        rounded = coarser(rounded, t);
                        true
                    }
                    Err(()) => false,
                }
            }
        };
        if !inside {
            let mut why = format!(
                "your basis spans a different space: {} is not in {what}",
                col.inline()
            );
            if f == "null" {
                if let Ok(am) = arg_mat(q, 0) {
                    if am.shape().1 == n {
                        why.push_str(&format!(
                            " ({}*v = {}, not 0)",
                            arg_name(q, 0),
                            am.mul(&col).inline()
                        ));
                    }
                }
            }
            return Ok(Verdict::wrong(why));
        }
    }
    // Independent, and as many as the dimension.
    let sv = s.singular_values();
    let smax = sv.first().copied().unwrap_or(0.0);
    let tol = FLOAT_TOL * smax.max(1.0) + 2.0 * ((n * k) as f64).sqrt() * h;
    let rank_of = |m: &Mat| {
        if m.is_exact() && h == 0.0 {
            m.rank(0.0)
        } else {
            m.singular_values().iter().filter(|&&x| x > tol).count()
        }
    };
    if rank_of(&s) < k {
        let first_dep = (1..=k)
            .find(|&c| {
                let sub = match &s {
                    Mat::E(m) => Mat::E(m.columns(0, c).into_owned()),
                    Mat::F(m) => Mat::F(m.columns(0, c).into_owned()),
                };
                rank_of(&sub) < c
            })
            .unwrap_or(k);
        return Ok(Verdict::wrong(format!(
            "your vectors are not independent: column {first_dep} is a combination of the ones before it{}",
            if k > dim {
                format!(" ({what} has dimension {dim}, you gave {k} vectors)")
            } else {
                String::new()
            }
        )));
    }
    if k < dim {
        return Ok(Verdict::wrong(format!(
            "your {k} vector{} span only part of {what}, which has dimension {dim}",
            if k == 1 { "" } else { "s" }
        )));
    }
    if matches!(f, "orth" | "gramschmidt") {
        match orthonormal(&s, a, "your basis") {
            Ok(t) => rounded = coarser(rounded, t),
            Err(why) => {
                return Ok(Verdict::wrong(format!(
                    "{why} (the question asks for an orthonormal basis)"
                )))
            }
        }
    }
    let note = match rounded_note(rounded, &[a]) {
        Ok(n) => n,
        Err(v) => return Ok(v),
    };
    let same_as_la = matches!(
        compare(&q.expected[0], a, what, FLOAT_TOL),
        Ok(Cmp::Same(_))
    );
    let mut notes = Vec::new();
    if let Some(n) = note {
        notes.push(n);
    }
    if !same_as_la {
        notes.push("another basis of the same space as la's".into());
    }
    Ok(Verdict::right(if notes.is_empty() {
        None
    } else {
        Some(notes.join("; "))
    }))
}
