//! `shownorms`: the unit circles {x : ||x||_p = 1} of p-norms in the plane,
//! each point d / ||d||_p for directions d around the circle (the same
//! kernel as `norm`).

use super::{circle, line, show, unzip, Ctx};
use crate::builtins::Args;
use crate::error::Result;
use crate::linalg::norms::{vector_norm, NormKind};
use crate::plot::{Figure, LineStyle, CYCLE};
use crate::value::Value;

/// Directions around the circle: every degree, so the corners of the 1- and
/// inf-balls (at multiples of 45 degrees) are among them.
const DIRECTIONS: usize = 360;

fn label(p: f64) -> String {
    let name = if p.is_infinite() {
        "∞".to_string()
    } else {
        crate::plot::tick_label(p)
    };
    let note = if p < 1.0 { " (not a norm)" } else { "" };
    format!("||x||_{name} = 1{note}")
}

/// At most this many unit circles in one figure.
const MAX_PS: usize = 12;

/// The p's asked for: numbers or vectors of them, each > 0 (Inf allowed).
fn ps(a: &Args) -> Result<Vec<f64>> {
    if a.is_empty() {
        return Ok(vec![1.0, 2.0, f64::INFINITY]);
    }
    let mut out = Vec::new();
    for k in 0..a.len() {
        let m = a.real(k)?;
        if m.is_empty() {
            return Err(a.wrong(k, "p > 0 (a number or a vector of them)"));
        }
        for &p in m.iter() {
            if p.is_nan() || p <= 0.0 {
                return Err(a.wrong(k, "p > 0 (Inf allowed): ||x||_p needs a positive p"));
            }
            out.push(p);
        }
    }
    if out.len() > MAX_PS {
        return Err(crate::error::LaError::eval(format!(
            "shownorms: at most {MAX_PS} values of p in one figure (got {})",
            out.len()
        )));
    }
    Ok(out)
}

pub(super) fn shownorms(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let ps = ps(&a)?;
    let dirs = circle(DIRECTIONS);
    let mut fig = Figure::new(0);
    for (k, &p) in ps.iter().enumerate() {
        let ball: Vec<[f64; 2]> = dirs
            .iter()
            .map(|d| {
                let n = vector_norm(d, NormKind::P(p));
                [d[0] / n, d[1] / n]
            })
            .collect();
        let (x, y) = unzip(&ball);
        fig.series
            .push(line(x, y, CYCLE[k % CYCLE.len()], LineStyle::Solid));
        fig.legend.push(label(p));
    }
    fig.title = "unit circles ||x||_p = 1".into();
    fig.equal = true;
    fig.grid = true;
    show(ctx, fig)
}
