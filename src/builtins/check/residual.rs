//! Property checks (`A*v = λ*v`, `Q'*Q = I`) under round-off and typed
//! rounding: when a residual is small enough, and what note the verdict gets.

use super::claim::{Answer, Verdict};
use super::mat::Mat;
use super::num::{Typed, FLOAT_TOL};

/// A residual check: exactly zero, or within la's round-off, or (when the
/// answer typed rounded decimals) within what that rounding explains.
/// `Ok(None)` passes exactly, `Ok(Some(t))` passes thanks to rounding `t`,
/// `Err(())` fails.
pub(super) fn residual_ok(
    r: &Mat,
    float_bound: f64,
    rounding_bound: f64,
    rounding: Option<Typed>,
) -> std::result::Result<Option<Typed>, ()> {
    let base = if r.is_exact() { 0.0 } else { float_bound };
    if r.within(base) {
        return Ok(None);
    }
    match rounding {
        Some(t) if r.within(base + rounding_bound * 1.01) => Ok(Some(t)),
        _ => Err(()),
    }
}

pub(super) fn coarser(a: Option<Typed>, b: Option<Typed>) -> Option<Typed> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if x.decimals <= y.decimals { x } else { y }),
        (x, None) => x,
        (None, y) => y,
    }
}

/// The verdict when a check passed only thanks to rounding: right, unless
/// some typed decimal has fewer than 2 significant digits.
pub(super) fn rounded_note(
    t: Option<Typed>,
    answers: &[&Answer],
) -> std::result::Result<Option<String>, Verdict> {
    let Some(t) = t else { return Ok(None) };
    if let Some(c) = answers.iter().find_map(|a| a.too_coarse()) {
        return Err(Verdict::wrong(format!(
            "a decimal with only {} significant digit is too rough to check; give at least 2",
            c.sig
        )));
    }
    Ok(Some(t.describe()))
}

/// `Q'*Q = I` for the columns of `m`: `Ok(rounding used)` or the reason it fails.
pub(super) fn orthonormal(
    m: &Mat,
    a: &Answer,
    name: &str,
) -> std::result::Result<Option<Typed>, String> {
    let (rows, cols) = m.shape();
    let g = m.t().mul(m).sub(&Mat::eye(cols));
    let h = a.half_unit();
    let rb = 2.0 * (rows as f64).sqrt() * h + rows as f64 * h * h;
    let float_bound = FLOAT_TOL * (rows as f64);
    match residual_ok(&g, float_bound, rb, a.rounding()) {
        Ok(t) => Ok(t),
        Err(()) => {
            let bound = if g.is_exact() {
                0.0
            } else {
                float_bound + rb * 1.01
            };
            let (i, j) = g.first_off_by_rows(bound).unwrap_or((0, 0));
            let gram = m.t().mul(m);
            if i == j {
                let len = gram.at(i, i).c().re.max(0.0).sqrt();
                Err(format!(
                    "column {} of {name} has length {}, not 1",
                    i + 1,
                    crate::value::format::short_number(len)
                ))
            } else {
                Err(format!(
                    "columns {} and {} of {name} are not orthogonal (their dot product is {})",
                    i.min(j) + 1,
                    i.max(j) + 1,
                    gram.at(i, j).text()
                ))
            }
        }
    }
}
