//! `showquad(A)`: the level curves x'Ax = c of a 2x2 quadratic form, drawn
//! exactly in its eigen-axes (ellipses, hyperbolas or parallel lines), with
//! the definiteness that `definiteness` decides in the title.

use super::{call, line, matrix2, num, runs, show, sym_eig, Ctx};
use crate::builtins::Args;
use crate::error::{LaError, Result};
use crate::plot::{Color, Figure, LineStyle};
use crate::value::Value;

/// The levels drawn, with the sign of the form.
const LEVELS: [f64; 3] = [1.0, 2.0, 3.0];
/// Points per curve.
const N: usize = 181;

/// The form in its eigen-axes: f = l[0] y1^2 + l[1] y2^2, x = y1 q[0] + y2 q[1].
struct Form {
    l: [f64; 2],
    q: [[f64; 2]; 2],
    /// Half the width of the window.
    r: f64,
}

impl Form {
    fn x(&self, y: [f64; 2]) -> [f64; 2] {
        [
            y[0] * self.q[0][0] + y[1] * self.q[1][0],
            y[0] * self.q[0][1] + y[1] * self.q[1][1],
        ]
    }

    fn curve(&self, f: impl Fn(f64) -> [f64; 2], from: f64, to: f64) -> Vec<[f64; 2]> {
        (0..N)
            .map(|k| self.x(f(from + (to - from) * k as f64 / (N - 1) as f64)))
            .collect()
    }

    /// The curve(s) f = c, as runs of points.
    fn level(&self, c: f64) -> Vec<Vec<[f64; 2]>> {
        let with = |i: usize| self.l[i] != 0.0 && c / self.l[i] > 0.0;
        let semi = |i: usize| (c / self.l[i]).abs().sqrt();
        let far = 2.0 * self.r;
        match (with(0), with(1)) {
            (true, true) => {
                let (a, b) = (semi(0), semi(1));
                vec![self.curve(|t| [a * t.cos(), b * t.sin()], 0.0, std::f64::consts::TAU)]
            }
            (false, false) => vec![],
            (i0, _) => {
                // y_i = ±a cosh s, y_j = b sinh s (or ±a and any y_j when l_j = 0).
                let (i, j) = if i0 { (0, 1) } else { (1, 0) };
                let a = semi(i);
                let put = |yi: f64, yj: f64| {
                    let mut y = [0.0; 2];
                    y[i] = yi;
                    y[j] = yj;
                    y
                };
                [1.0, -1.0]
                    .iter()
                    .map(|&side| {
                        if self.l[j] == 0.0 {
                            self.curve(|t| put(side * a, t), -far, far)
                        } else {
                            let b = semi(j);
                            let s = (far / a.min(b)).asinh();
                            self.curve(|t| put(side * a * t.cosh(), b * t.sinh()), -s, s)
                        }
                    })
                    .collect()
            }
        }
    }

    /// The set f = 0 when it is more than the origin: lines through it.
    fn zero(&self) -> Vec<Vec<[f64; 2]>> {
        let far = 2.0 * self.r;
        let dirs: Vec<[f64; 2]> = match self.l {
            [a, b] if a > 0.0 && b < 0.0 => {
                let (u, v) = ((-b).sqrt(), a.sqrt());
                let n = u.hypot(v);
                vec![[u / n, v / n], [u / n, -v / n]]
            }
            [0.0, _] => vec![[1.0, 0.0]],
            [_, 0.0] => vec![[0.0, 1.0]],
            _ => vec![],
        };
        dirs.iter()
            .map(|d| self.curve(|t| [t * d[0], t * d[1]], -far, far))
            .collect()
    }
}

/// The eigenvalues of the symmetric part, the zero one set to exactly 0
/// when `definiteness` says semidefinite; refused when they disagree.
fn eigen_axes(m: [f64; 4], kind: &str) -> Result<Form> {
    let [(mut l1, q1), (mut l2, q2)] = sym_eig(m[0], (m[1] + m[2]) / 2.0, m[3]);
    match kind {
        "positive semidefinite" => l2 = 0.0,
        "negative semidefinite" => l1 = 0.0,
        _ => {}
    }
    let agrees = match kind {
        "positive definite" => l2 > 0.0,
        "negative definite" => l1 < 0.0,
        "positive semidefinite" => l1 > 0.0,
        "negative semidefinite" => l2 < 0.0,
        _ => l1 > 0.0 && l2 < 0.0,
    };
    if !agrees {
        return Err(LaError::eval(format!(
            "showquad: the form is {kind}, but its eigenvalues in double precision \
             ({}, {}) do not show it: it is too close to the boundary to draw",
            l1, l2
        )));
    }
    let small = [l1.abs(), l2.abs()]
        .into_iter()
        .filter(|l| *l > 0.0)
        .fold(f64::INFINITY, f64::min);
    Ok(Form {
        l: [l1, l2],
        q: [q1, q2],
        r: 1.25 * (LEVELS[LEVELS.len() - 1] / small).sqrt(),
    })
}

fn levels_label(sign: f64) -> String {
    let v: Vec<String> = LEVELS.iter().map(|c| num(sign * c)).collect();
    format!("x'Ax = {}", v.join(", "))
}

pub(super) fn showquad(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let m = matrix2(&a, 0)?;
    if m[0] == 0.0 && m[3] == 0.0 && m[1] + m[2] == 0.0 {
        return Err(LaError::eval(
            "showquad: x'Ax = 0 for every x (the symmetric part (A + A')/2 is zero): \
             there are no level curves to draw",
        ));
    }
    let kind = call(ctx, &a, "definiteness", vec![a.vals[0].clone()])?;
    let kind = kind
        .first()
        .and_then(|v| v.as_str())
        .ok_or_else(|| LaError::internal("definiteness returned no text"))?
        .to_string();
    let form = eigen_axes(m, &kind)?;
    let mut fig = Figure::new(0);
    for (sign, color) in [(1.0, Color::Blue), (-1.0, Color::Red)] {
        let curves: Vec<Vec<[f64; 2]>> = LEVELS.iter().flat_map(|c| form.level(sign * c)).collect();
        if !curves.is_empty() {
            fig.series.push(runs(&curves, color, LineStyle::Solid));
            fig.legend.push(levels_label(sign));
        }
    }
    // When semidefinite, f = 0 is the eigen-axis of lambda = 0: drawn once, as the level.
    let zero = form.zero();
    if !zero.is_empty() {
        let semi = form.l.contains(&0.0);
        fig.series
            .push(runs(&zero, Color::Black, LineStyle::Dashed));
        fig.legend.push(if semi {
            "x'Ax = 0 (eigen-axis, λ = 0)".into()
        } else {
            "x'Ax = 0".into()
        });
    }
    for (k, color) in [(0, Color::Green), (1, Color::Magenta)] {
        if form.l[k] == 0.0 {
            continue;
        }
        let far = 2.0 * form.r;
        let q = form.q[k];
        fig.series.push(line(
            vec![-far * q[0], far * q[0]],
            vec![-far * q[1], far * q[1]],
            color,
            LineStyle::Dotted,
        ));
        fig.legend
            .push(format!("eigen-axis, λ = {}", num(form.l[k])));
    }
    fig.title = format!("x'Ax is {kind}");
    fig.limits = Some([-form.r, form.r, -form.r, form.r]);
    fig.equal = true;
    fig.grid = true;
    show(ctx, fig)
}
