//! `[U, S, V] = svd(A)` and `[Q, R] = qr(A)`: the factors' shapes and
//! structure (orthonormal, diagonal, triangular) and that they multiply back
//! to A; any valid factorization is right, not only la's.

use super::claim::{
    answer_mat, arg_mat, arg_name, bad, out_name, shape_text, Answer, Question, Verdict,
};
use super::lists::{diag_of, list_tol, match_multiset, not_in_list};
use super::mat::Mat;
use super::num::{Num, Typed, FLOAT_TOL};
use super::residual::{coarser, orthonormal, residual_ok, rounded_note};
use crate::error::Result;
use crate::exact::Rat;

/// `[U, S, V] = svd(A)`: U and V orthonormal columns, S diagonal with the
/// singular values, U*S*V' = A.
pub(super) fn svd_triple(q: &Question, ua: &Answer, sa: &Answer, va: &Answer) -> Result<Verdict> {
    let a = arg_mat(q, 0)?;
    let (m, n) = a.shape();
    let (un, sn, vn) = (
        out_name(q, 0, "U"),
        out_name(q, 1, "S"),
        out_name(q, 2, "V"),
    );
    let u = answer_mat(ua, &un)?;
    let s = answer_mat(sa, &sn)?;
    let v = answer_mat(va, &vn)?;
    if u.shape().0 != m {
        return Err(bad(
            ua,
            format!(
                "{un} should have {m} rows (A is {m}x{n}); your answer is {}",
                shape_text(u.shape())
            ),
        ));
    }
    if v.shape().0 != n {
        return Err(bad(
            va,
            format!(
                "{vn} should have {n} rows (A is {m}x{n}); your answer is {}",
                shape_text(v.shape())
            ),
        ));
    }
    let (p, r) = (u.shape().1, v.shape().1);
    if s.shape() != (p, r) {
        return Err(bad(
            sa,
            format!(
                "{sn} should be {p}x{r} to fit {un}*{sn}*{vn}'; your answer is {}",
                shape_text(s.shape())
            ),
        ));
    }
    let hs = sa.half_unit();
    let stol = FLOAT_TOL * s.max_abs().max(1.0) + hs;
    for i in 0..p {
        for j in 0..r {
            let x = s.at(i, j);
            let off = if s.is_exact() && hs == 0.0 {
                !x.is_zero()
            } else {
                x.c().norm() > stol
            };
            if i != j && off {
                return Ok(Verdict::wrong(format!(
                    "{sn} should be diagonal, but {sn}({},{}) is {}",
                    i + 1,
                    j + 1,
                    x.text()
                )));
            }
        }
    }
    let k = p.min(r);
    let sv: Vec<Num> = (0..k).map(|i| s.at(i, i)).collect();
    if let Some(i) = sv.iter().position(|x| x.c().re < 0.0) {
        return Ok(Verdict::wrong(format!(
            "{sn}({},{}) is {}; singular values are never negative (flip the sign of a column of {un} or {vn} instead)",
            i + 1, i + 1, sv[i].text()
        )));
    }
    let mut want = diag_of(&q.expected[1]);
    // la's full list; the answer may hold fewer (economy size) or pad with zeros.
    want.resize(k.max(want.len()), Num::R(Rat::zero()));
    let typed: Vec<Option<Typed>> = (0..k).map(|i| sa.typed_at(i, i)).collect();
    let (order, mut rounded) = match match_multiset(&want, &sv, &typed, list_tol(&want)) {
        Ok(x) => x,
        Err((i, coarse)) => {
            return Ok(Verdict::wrong(format!(
                "{sn}({},{}): {}",
                i + 1,
                i + 1,
                not_in_list(
                    &sv[i],
                    typed[i],
                    coarse,
                    &want,
                    &format!("a singular value of {}", arg_name(q, 0)),
                    "singular values"
                )
            )))
        }
    };
    for (mat, ans, name) in [(&u, ua, &un), (&v, va, &vn)] {
        match orthonormal(mat, ans, name) {
            Ok(t) => rounded = coarser(rounded, t),
            Err(why) => return Ok(Verdict::wrong(why)),
        }
    }
    let prod = u.mul(&s).mul(&v.t());
    let smax = sv.iter().map(|x| x.c().norm()).fold(0.0, f64::max);
    let (hu, hv) = (ua.half_unit(), va.half_unit());
    let rb = smax * ((m * p) as f64).sqrt() * hu
        + smax * ((n * r) as f64).sqrt() * hv
        + (k as f64).sqrt() * hs;
    let fb = FLOAT_TOL * smax.max(1.0) * ((m + n) as f64);
    let rounding = coarser(coarser(ua.rounding(), sa.rounding()), va.rounding());
    let shown = format!("{un}*{sn}*{vn}'");
    match multiplies_back(q, &a, &prod, &shown, (fb, rb), rounding) {
        Ok(t) => rounded = coarser(rounded, t),
        Err(v) => return Ok(v),
    }
    let note = match rounded_note(rounded, &[ua, sa, va]) {
        Ok(n) => n,
        Err(v) => return Ok(v),
    };
    // Columns whose signs differ from la's (for distinct singular values).
    let mut flipped = Vec::new();
    if q.expected.len() >= 3 {
        if let (Some(lu), Some(lv)) = (Mat::of(&q.expected[0]), Mat::of(&q.expected[2])) {
            let distinct = want.windows(2).all(|w| (w[0].c() - w[1].c()).norm() > 1e-6);
            for (j, &i) in order.iter().enumerate() {
                if !distinct || i >= lu.shape().1 || i >= lv.shape().1 {
                    continue;
                }
                let dot = (lu.col(i).t().mul(&u.col(j))).at(0, 0).c().re;
                if dot < 0.0 {
                    flipped.push((j + 1).to_string());
                }
            }
        }
    }
    let mut text = String::new();
    if !flipped.is_empty() {
        text.push_str(&format!(
            " up to signs: column{} {} of {un} and {vn} {} the other sign than la's",
            if flipped.len() == 1 { "" } else { "s" },
            flipped.join(", "),
            if flipped.len() == 1 { "has" } else { "have" }
        ));
    }
    if let Some(n) = note {
        text.push_str(&format!(" ({n})"));
    }
    Ok(Verdict::right_with(text))
}

/// `[Q, R] = qr(A)`: Q orthonormal columns, R upper triangular, Q*R = A.
pub(super) fn qr_pair(q: &Question, qa: &Answer, ra: &Answer) -> Result<Verdict> {
    let a = arg_mat(q, 0)?;
    let (m, n) = a.shape();
    let (qn, rn) = (out_name(q, 0, "Q"), out_name(q, 1, "R"));
    let qm = answer_mat(qa, &qn)?;
    let r = answer_mat(ra, &rn)?;
    if qm.shape().0 != m || r.shape() != (qm.shape().1, n) {
        return Err(bad(
            ra,
            format!(
                "{qn} should be {m}xk and {rn} kx{n} (A is {m}x{n}); your answers are {} and {}",
                shape_text(qm.shape()),
                shape_text(r.shape())
            ),
        ));
    }
    let hr = ra.half_unit();
    let rtol = FLOAT_TOL * r.max_abs().max(1.0) + hr;
    for j in 0..n {
        for i in (j + 1)..r.shape().0 {
            let x = r.at(i, j);
            let off = if r.is_exact() && hr == 0.0 {
                !x.is_zero()
            } else {
                x.c().norm() > rtol
            };
            if off {
                return Ok(Verdict::wrong(format!(
                    "{rn} should be upper triangular, but {rn}({},{}) is {}",
                    i + 1,
                    j + 1,
                    x.text()
                )));
            }
        }
    }
    let mut rounded = match orthonormal(&qm, qa, &qn) {
        Ok(t) => t,
        Err(why) => return Ok(Verdict::wrong(why)),
    };
    let prod = qm.mul(&r);
    let rmax = r.norm_inf();
    let rb = rmax * (qm.shape().1 as f64).sqrt() * qa.half_unit() + hr * (m as f64).sqrt();
    let fb = FLOAT_TOL * rmax.max(1.0) * (m as f64);
    let rounding = coarser(qa.rounding(), ra.rounding());
    match multiplies_back(q, &a, &prod, &format!("{qn}*{rn}"), (fb, rb), rounding) {
        Ok(t) => rounded = coarser(rounded, t),
        Err(v) => return Ok(v),
    }
    match rounded_note(rounded, &[qa, ra]) {
        Ok(n) => Ok(Verdict::right(n)),
        Err(v) => Ok(v),
    }
}

/// The product of the factors (written `shown`) against A, up to round-off
/// (`bounds`: la's float bound and the typed rounding's) and the typed
/// `rounding`: `Ok(rounding used)`, or the verdict naming the first entry off.
fn multiplies_back(
    q: &Question,
    a: &Mat,
    prod: &Mat,
    shown: &str,
    bounds: (f64, f64),
    rounding: Option<Typed>,
) -> std::result::Result<Option<Typed>, Verdict> {
    let (fb, rb) = bounds;
    let diff = prod.sub(a);
    residual_ok(&diff, fb, rb, rounding).map_err(|()| {
        let bound = if diff.is_exact() { 0.0 } else { fb + rb * 1.01 };
        let (i, j) = diff.first_off_by_rows(bound).unwrap_or((0, 0));
        Verdict::wrong(format!(
            "{shown} has ({},{}) entry {}, not {} as in {}",
            i + 1,
            j + 1,
            prod.at(i, j).text(),
            a.at(i, j).text(),
            arg_name(q, 0)
        ))
    })
}
