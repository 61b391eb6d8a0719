//! `check [V, D] = eig(A) = V0, D0`: D diagonal with A's eigenvalues,
//! A*v = d*v for every column, V invertible when A is diagonalizable, and
//! how each column compares with la's (a multiple, or another vector).

use super::claim::{
    answer_mat, arg_mat, arg_name, bad, out_name, shape_text, Answer, Question, Verdict,
};
use super::lists::{diag_of, list_tol, match_multiset, not_in_list};
use super::mat::Mat;
use super::num::{complex_text, Num, Typed, FLOAT_TOL};
use super::residual::{coarser, residual_ok, rounded_note};
use crate::error::{LaError, Result};
use crate::exact::{self, Rat};
use crate::linalg::C64;

/// Square matrix size, or an error naming the question.
pub(super) fn square_arg(q: &Question) -> Result<(Mat, usize)> {
    let a = arg_mat(q, 0)?;
    let (r, c) = a.shape();
    if r != c {
        return Err(LaError::eval(format!(
            "check: {}: A must be square",
            q.text
        )));
    }
    Ok((a, r))
}

/// A number shown as a multiplier: `2`, `1/2`, `-1.4142`.
pub(super) fn factor_text(c: C64) -> String {
    if c.im.abs() > 1e-9 * c.norm() {
        return complex_text(c);
    }
    if let Some(r) = Rat::approx_from_f64(c.re, 1e-9) {
        if r.denom() <= 12.into() {
            return r.to_string();
        }
    }
    crate::value::format::short_number(c.re)
}

/// `v = c * w` for some c; the factor when so.
pub(super) fn multiple_of(v: &Mat, w: &Mat, tol: f64) -> Option<C64> {
    let (vf, wf) = (v.f(), w.f());
    let (k, _) = wf
        .iter()
        .enumerate()
        .map(|(k, z)| (k, z.norm()))
        .fold((0, 0.0), |m, x| if x.1 > m.1 { x } else { m });
    if wf[k].norm() == 0.0 {
        return None;
    }
    let c = vf[k] / wf[k];
    let scale = vf.iter().map(|z| z.norm()).fold(1.0, f64::max);
    (&vf - &wf * c)
        .iter()
        .all(|z| z.norm() <= tol * scale)
        .then_some(c)
}

/// `[V, D] = eig(A)`: D diagonal with A's eigenvalues, A*v = d*v for each
/// column, V invertible when A is diagonalizable.
pub(super) fn eigenpairs(q: &Question, va: &Answer, da: &Answer) -> Result<Verdict> {
    let (a, n) = square_arg(q)?;
    let vname = out_name(q, 0, "V");
    let dname = out_name(q, 1, "D");
    let v = answer_mat(va, &vname)?;
    let d = answer_mat(da, &dname)?;
    if v.shape() != (n, n) {
        return Err(bad(
            va,
            format!(
                "{vname} should be {n}x{n} (one eigenvector per column); your answer is {}",
                shape_text(v.shape())
            ),
        ));
    }
    // D as a vector of eigenvalues is accepted too.
    let dvals: Vec<Num> = match d.shape() {
        (r, c) if r == n && c == n => {
            let tol = FLOAT_TOL * d.max_abs().max(1.0) + da.half_unit();
            for j in 0..n {
                for i in 0..n {
                    if i != j
                        && !d.at(i, j).is_zero()
                        && (d.is_exact() && da.half_unit() == 0.0 || d.at(i, j).c().norm() > tol)
                    {
                        return Ok(Verdict::wrong(format!(
                            "{dname} should be diagonal, but {dname}({},{}) is {}",
                            i + 1,
                            j + 1,
                            d.at(i, j).text()
                        )));
                    }
                }
            }
            (0..n).map(|i| d.at(i, i)).collect()
        }
        (r, c) if r * c == n && (r == 1 || c == 1) => (0..n)
            .map(|k| if r == 1 { d.at(0, k) } else { d.at(k, 0) })
            .collect(),
        _ => {
            return Err(bad(
                da,
                format!(
                "{dname} should be {n}x{n} (the eigenvalues on its diagonal); your answer is {}",
                shape_text(d.shape())
            ),
            ))
        }
    };
    let want = diag_of(&q.expected[1]);
    let dtyped: Vec<Option<Typed>> = (0..n)
        .map(|k| {
            if da.value.dims() == (n, n) {
                da.typed_at(k, k)
            } else {
                da.typed_lin(k)
            }
        })
        .collect();
    let (order, mut rounded) = match match_multiset(&want, &dvals, &dtyped, list_tol(&want)) {
        Ok(x) => x,
        Err((k, coarse)) => {
            return Ok(Verdict::wrong(format!(
                "{dname}({},{}): {}",
                k + 1,
                k + 1,
                not_in_list(
                    &dvals[k],
                    dtyped[k],
                    coarse,
                    &want,
                    &format!("an eigenvalue of {}", arg_name(q, 0)),
                    "eigenvalues"
                )
            )))
        }
    };
    let an = a.norm_inf();
    let (hv, hd) = (va.half_unit(), da.half_unit());
    let rounding = coarser(va.rounding(), da.rounding());
    for (j, dj) in dvals.iter().enumerate() {
        let col = v.col(j);
        if col.is_zero_vec() {
            return Ok(Verdict::wrong(format!(
                "column {} of {vname} is zero; an eigenvector is never 0",
                j + 1
            )));
        }
        let av = a.mul(&col);
        let dv = col.scale(dj);
        let r = av.sub(&dv);
        let vn = col.max_abs();
        let float_bound = FLOAT_TOL * (an + dj.c().norm()).max(1.0) * vn.max(1.0);
        let rb = (an + dj.c().norm()) * hv + hd * vn;
        match residual_ok(&r, float_bound, rb, rounding) {
            Ok(t) => rounded = coarser(rounded, t),
            Err(()) => {
                return Ok(Verdict::wrong(format!(
                    "column {} of {vname}: {}*v = {} is not {}*v = {}",
                    j + 1,
                    arg_name(q, 0),
                    av.inline(),
                    dj.text(),
                    dv.inline()
                )))
            }
        }
    }
    // Independence, when A has n independent eigenvectors.
    let la_v = Mat::of(&q.expected[0]);
    let diagonalizable = diagonalizable(&a, &want, la_v.as_ref());
    if diagonalizable {
        let sv = v.singular_values();
        let smax = sv.first().copied().unwrap_or(0.0);
        let tol = FLOAT_TOL * smax.max(1.0) + 2.0 * (n as f64) * hv;
        let independent = if v.is_exact() && hv == 0.0 {
            v.rank(0.0) == n
        } else {
            sv.iter().filter(|&&s| s > tol).count() == n
        };
        if !independent {
            return Ok(Verdict::wrong(format!(
                "the columns of {vname} are dependent, so {vname} is not invertible; {} has {n} independent eigenvectors",
                arg_name(q, 0)
            )));
        }
    }
    let note = match rounded_note(rounded, &[va, da]) {
        Ok(n) => n,
        Err(v) => return Ok(v),
    };
    // How the columns differ from la's.
    let mut notes = Vec::new();
    if let Some(lv) = la_v.filter(|m| m.shape() == (n, n)) {
        let tol = 1e-6 + 10.0 * hv;
        for (j, &k) in order.iter().enumerate() {
            let mine = v.col(j);
            let theirs = lv.col(k);
            match multiple_of(&mine, &theirs, tol) {
                Some(c) if (c - C64::new(1.0, 0.0)).norm() <= tol => {}
                Some(c) => notes.push(format!("column {} is {} × la's", j + 1, factor_text(c))),
                None => notes.push(format!(
                    "column {} is another vector of the eigenspace of {}",
                    j + 1,
                    dvals[j].text()
                )),
            }
        }
    }
    let mut text = String::new();
    if !notes.is_empty() {
        text.push_str(&format!(" up to scaling: {}", notes.join("; ")));
    }
    let mut extra = Vec::new();
    if let Some(n) = note {
        extra.push(n);
    }
    if order.iter().enumerate().any(|(k, &i)| k != i) && want.windows(2).any(|w| w[0] != w[1]) {
        extra.push("eigenvalues in another order than la's, which is fine".into());
    }
    if !extra.is_empty() {
        text.push_str(&format!(" ({})", extra.join("; ")));
    }
    Ok(Verdict::right_with(text))
}

/// True when A has a basis of eigenvectors: exactly from the eigenspaces when
/// A and its eigenvalues are exact, else from la's own V.
pub(super) fn diagonalizable(a: &Mat, eigenvalues: &[Num], la_v: Option<&Mat>) -> bool {
    let n = a.shape().0;
    if let Mat::E(m) = a.clone().filter_costly() {
        let exact_vals: Option<Vec<&Rat>> = eigenvalues
            .iter()
            .map(|x| match x {
                Num::R(r) => Some(r),
                Num::Q(_) | Num::F(_) => None,
            })
            .collect();
        if let Some(mut vals) = exact_vals {
            vals.sort();
            vals.dedup();
            let dims: Option<usize> = vals
                .iter()
                .map(|l| exact::eigenspace(&m, l).ok().map(|b| b.ncols()))
                .sum();
            if let Some(total) = dims {
                return total == n;
            }
        }
    }
    match la_v {
        Some(v) => {
            let sv = v.singular_values();
            sv.last().copied().unwrap_or(0.0) > 1e-6 * sv.first().copied().unwrap_or(1.0)
        }
        None => true,
    }
}
