//! A 2x2 matrix as a map of the plane: `showmap` (the circle, its image
//! ellipse, the singular vectors) and `showeig` (x around the circle with
//! A x from its tip: the eigen-directions are the ones only stretched).

use super::{arrows, circle, line, matrix2, num, show, sym_eig, unzip, Ctx};
use crate::builtins::Args;
use crate::error::Result;
use crate::plot::{Color, Figure, LineStyle};
use crate::value::Value;

/// The eigenvalues of a real 2x2 matrix, as far as a picture needs them.
enum Eigen {
    /// Real eigenvalues, each with a unit eigenvector, or `None` when A = lambda I
    /// (every direction is an eigen-direction; none is drawn).
    Real(Vec<(f64, Option<[f64; 2]>)>),
    /// `re ± im i`.
    Complex { re: f64, im: f64 },
}

/// Computed on A scaled to entries of size 1 (no overflow in tr^2 or det).
fn eigen(m: [f64; 4]) -> Eigen {
    let size = m.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
    let k = if size > 0.0 { size } else { 1.0 };
    match eigen_unit(m.map(|x| x / k)) {
        Eigen::Real(pairs) => Eigen::Real(pairs.into_iter().map(|(l, v)| (l * k, v)).collect()),
        Eigen::Complex { re, im } => Eigen::Complex {
            re: re * k,
            im: im * k,
        },
    }
}

fn eigen_unit([p, q, r, s]: [f64; 4]) -> Eigen {
    let tr = p + s;
    let det = p * s - q * r;
    let disc = tr * tr / 4.0 - det;
    // Rounding in disc is about eps times the terms it is made of.
    let tol = 64.0 * f64::EPSILON * (tr * tr / 4.0 + det.abs());
    if disc < -tol {
        return Eigen::Complex {
            re: tr / 2.0,
            im: (-disc).sqrt(),
        };
    }
    let d = if disc.abs() <= tol { 0.0 } else { disc.sqrt() };
    let lambdas = if d == 0.0 {
        vec![tr / 2.0]
    } else {
        vec![tr / 2.0 + d, tr / 2.0 - d]
    };
    let pairs = lambdas
        .into_iter()
        .map(|l| {
            // A row of A - l I is [p - l, q] or [r, s - l]; x is orthogonal to it.
            let a = [q, l - p];
            let b = [l - s, r];
            let c = if a[0].hypot(a[1]) >= b[0].hypot(b[1]) {
                a
            } else {
                b
            };
            let n = c[0].hypot(c[1]);
            (l, (n > 1e-9).then(|| [c[0] / n, c[1] / n]))
        })
        .collect();
    Eigen::Real(pairs)
}

/// The eigenvalues as a title shows them.
fn lambdas(e: &Eigen) -> String {
    match e {
        Eigen::Real(pairs) => pairs
            .iter()
            .map(|(l, _)| num(*l))
            .collect::<Vec<_>>()
            .join(", "),
        Eigen::Complex { re, im } => format!("{} ± {}i", num(*re), num(*im)),
    }
}

/// The real eigenvectors (none when complex or when A = lambda I).
fn vectors(e: &Eigen) -> Vec<(f64, [f64; 2])> {
    match e {
        Eigen::Real(pairs) => pairs
            .iter()
            .filter_map(|(l, v)| v.map(|v| (*l, v)))
            .collect(),
        Eigen::Complex { .. } => vec![],
    }
}

/// Dotted lines through the origin along the real eigenvectors, `reach` long each way.
fn eigen_lines(fig: &mut Figure, e: &Eigen, reach: f64) {
    for (k, (_, v)) in vectors(e).iter().enumerate() {
        let (x, y) = (v[0] * reach, v[1] * reach);
        fig.series.push(line(
            vec![-x, x],
            vec![-y, y],
            Color::Magenta,
            LineStyle::Dotted,
        ));
        fig.legend.push(if k == 0 {
            "eigen-directions".into()
        } else {
            String::new()
        });
    }
}

fn apply([p, q, r, s]: [f64; 4], x: [f64; 2]) -> [f64; 2] {
    [p * x[0] + q * x[1], r * x[0] + s * x[1]]
}

/// The singular values and right singular vectors, from A'A = V S^2 V'.
/// A is scaled to entries of size 1 first, so A'A neither overflows nor underflows.
fn singular(m: [f64; 4]) -> [(f64, [f64; 2]); 2] {
    let size = m.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
    let k = if size > 0.0 { size } else { 1.0 };
    let [p, q, r, s] = m.map(|x| x / k);
    let ev = sym_eig(p * p + r * r, p * q + r * s, q * q + s * s);
    ev.map(|(l, v)| (l.max(0.0).sqrt() * k, v))
}

fn unit_circle(fig: &mut Figure) {
    let (cx, cy) = unzip(&circle(180));
    fig.series
        .push(line(cx, cy, Color::Black, LineStyle::Dashed));
    fig.legend.push("unit circle".into());
}

pub(super) fn showmap(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let m = matrix2(&a, 0)?;
    let sv = singular(m);
    let mut fig = Figure::new(0);
    unit_circle(&mut fig);
    let image: Vec<[f64; 2]> = circle(180).into_iter().map(|x| apply(m, x)).collect();
    let (ex, ey) = unzip(&image);
    fig.series.push(line(ex, ey, Color::Blue, LineStyle::Solid));
    fig.legend.push("A * circle".into());
    // v_i on the circle, sigma_i u_i = A v_i on the ellipse.
    let origin = [[0.0, 0.0]; 2];
    let v = [sv[0].1, sv[1].1];
    fig.series.push(arrows(&origin, &v, Color::Green));
    fig.legend.push("v1, v2".into());
    fig.series.push(arrows(
        &origin,
        &[apply(m, v[0]), apply(m, v[1])],
        Color::Red,
    ));
    fig.legend.push("s1 u1, s2 u2".into());
    let e = eigen(m);
    eigen_lines(&mut fig, &e, sv[0].0.max(1.0) * 1.15);
    let det = m[0] * m[3] - m[1] * m[2];
    fig.title = format!(
        "σ = {}, {};  λ = {};  det = {}",
        num(sv[0].0),
        num(sv[1].0),
        lambdas(&e),
        num(det)
    );
    fig.equal = true;
    fig.grid = true;
    show(ctx, fig)
}

/// How many vectors x go around the circle in `showeig`.
const DIRECTIONS: usize = 16;

pub(super) fn showeig(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let m = matrix2(&a, 0)?;
    let e = eigen(m);
    let mut fig = Figure::new(0);
    unit_circle(&mut fig);
    let xs: Vec<[f64; 2]> = circle(DIRECTIONS).into_iter().take(DIRECTIONS).collect();
    let ax: Vec<[f64; 2]> = xs.iter().map(|&x| apply(m, x)).collect();
    fig.series
        .push(arrows(&vec![[0.0, 0.0]; xs.len()], &xs, Color::Cyan));
    fig.legend.push("x".into());
    fig.series.push(arrows(&xs, &ax, Color::Blue));
    fig.legend.push("A x, from the tip of x".into());
    let reach = 1.0 + singular(m)[0].0;
    eigen_lines(&mut fig, &e, reach * 1.05);
    let pairs = vectors(&e);
    let title = if !pairs.is_empty() {
        let v: Vec<[f64; 2]> = pairs.iter().map(|p| p.1).collect();
        let av: Vec<[f64; 2]> = v.iter().map(|&x| apply(m, x)).collect();
        fig.series
            .push(arrows(&vec![[0.0, 0.0]; v.len()], &v, Color::Red));
        fig.legend.push("eigenvector v".into());
        fig.series.push(arrows(&v, &av, Color::Red));
        fig.legend.push("A v = λ v".into());
        format!("A v = λ v:  λ = {}", lambdas(&e))
    } else if let Eigen::Real(_) = e {
        format!(
            "λ = {}:  A = λ I, every vector is only stretched",
            lambdas(&e)
        )
    } else {
        format!(
            "λ = {}:  no real eigenvector, every x is turned",
            lambdas(&e)
        )
    };
    fig.title = title;
    fig.equal = true;
    fig.grid = true;
    show(ctx, fig)
}
