//! `showfit(x, y, n)`: the points, the least-squares polynomial that
//! `polyfit` finds, and the residuals as vertical segments.

use super::{call, line, marks, num, runs, show, Ctx};
use crate::builtins::Args;
use crate::error::Result;
use crate::plot::{Color, Figure, LineStyle, Marker};
use crate::value::Value;

/// Points on the drawn curve.
const N: usize = 201;

/// `[lo, hi]` widened by 8% each side (by 1 when it is a single value).
fn pad(lo: f64, hi: f64) -> (f64, f64) {
    let d = if hi > lo { 0.08 * (hi - lo) } else { 1.0 };
    (lo - d, hi + d)
}

fn polyval(p: &[f64], x: f64) -> f64 {
    p.iter().fold(0.0, |acc, c| acc * x + c)
}

/// `y = 0.9x + 0.9`, highest power first, zero terms left out.
fn poly_text(p: &[f64]) -> String {
    let n = p.len().saturating_sub(1);
    let mut out = String::new();
    for (k, &c) in p.iter().enumerate() {
        let c = (c * 1000.0).round() / 1000.0;
        if c == 0.0 {
            continue;
        }
        let power = n - k;
        let var = match power {
            0 => String::new(),
            1 => "x".into(),
            _ => format!("x^{power}"),
        };
        let sign = if c < 0.0 { "-" } else { "+" };
        if out.is_empty() {
            out.push_str(if c < 0.0 { "-" } else { "" });
        } else {
            out.push_str(&format!(" {sign} "));
        }
        if c.abs() != 1.0 || var.is_empty() {
            out.push_str(&num(c.abs()));
        }
        out.push_str(&var);
    }
    if out.is_empty() {
        out.push('0');
    }
    format!("y = {out}")
}

pub(super) fn showfit(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let x: Vec<f64> = a.real(0)?.iter().copied().collect();
    let y: Vec<f64> = a.real(1)?.iter().copied().collect();
    a.same_counts(&[("x", x.len()), ("y", y.len())], "elements")?;
    if let Some(k) = [&x, &y]
        .iter()
        .position(|v| v.iter().any(|t| !t.is_finite()))
    {
        return Err(a.wrong(k, "finite numbers (no Inf or NaN)"));
    }
    let degree = match a.get(2) {
        Some(_) => a.usize(2)?,
        None => 1,
    };
    let p = call(
        ctx,
        &a,
        "polyfit",
        vec![
            a.vals[0].clone(),
            a.vals[1].clone(),
            Value::scalar(degree as f64),
        ],
    )?;
    let p: Vec<f64> = match p.first() {
        Some(v) => v.to_real("showfit")?.iter().copied().collect(),
        None => vec![],
    };
    let lo = x.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut fig = Figure::new(0);
    fig.series
        .push(marks(x.clone(), y.clone(), Color::Blue, Marker::Circle));
    fig.legend.push("data".into());
    let cx: Vec<f64> = (0..N)
        .map(|k| lo + (hi - lo) * k as f64 / (N - 1) as f64)
        .collect();
    let cy: Vec<f64> = cx.iter().map(|&t| polyval(&p, t)).collect();
    fig.series.push(line(cx, cy, Color::Red, LineStyle::Solid));
    fig.legend.push(poly_text(&p));
    let residuals: Vec<Vec<[f64; 2]>> = x
        .iter()
        .zip(&y)
        .map(|(&xi, &yi)| vec![[xi, yi], [xi, polyval(&p, xi)]])
        .collect();
    fig.series
        .push(runs(&residuals, Color::Green, LineStyle::Solid));
    fig.legend.push("residuals".into());
    let sse: f64 = x
        .iter()
        .zip(&y)
        .map(|(&xi, &yi)| (yi - polyval(&p, xi)).powi(2))
        .sum();
    // The window: everything drawn, with room around the points at the edges.
    let ys = y.iter().chain(fig.series[1].y.iter());
    let (ylo, yhi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
        (a.min(v), b.max(v))
    });
    fig.limits = Some([
        pad(lo, hi).0,
        pad(lo, hi).1,
        pad(ylo, yhi).0,
        pad(ylo, yhi).1,
    ]);
    fig.title = format!("least squares: sum of squared residuals = {}", num(sse));
    fig.grid = true;
    show(ctx, fig)
}
