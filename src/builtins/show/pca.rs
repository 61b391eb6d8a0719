//! `showpca(X)`: 2-D data with its mean, principal axes (as long as the
//! standard deviations along them) and the projections onto the first
//! component, from the same kernel as `pca`.

use super::{arrows, marks, runs, show, unzip, Ctx};
use crate::builtins::Args;
use crate::error::Result;
use crate::linalg::pca::pca;
use crate::plot::{Color, Figure, LineStyle, Marker, Series, Shape, Style};
use crate::value::Value;

pub(super) fn showpca(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let x = a.real(0)?;
    let (m, n) = x.shape();
    if n != 2 {
        let hint = if m == 2 {
            "; for points in columns use X'"
        } else {
            ""
        };
        return Err(a.wrong(0, &format!("2-D data: one point per row, 2 columns{hint}")));
    }
    let p = pca(&x, Some(2))?;
    let mu = [p.mu[(0, 0)], p.mu[(0, 1)]];
    let dir = |j: usize| [p.coeff[(0, j)], p.coeff[(1, j)]];
    let sd = [p.latent[0].sqrt(), p.latent[1].sqrt()];
    let mut fig = Figure::new(0);
    let data: Vec<[f64; 2]> = (0..m).map(|i| [x[(i, 0)], x[(i, 1)]]).collect();
    let (dx, dy) = unzip(&data);
    fig.series.push(marks(dx, dy, Color::Blue, Marker::Circle));
    fig.legend.push("data".into());
    // Projections mu + score_k coeff(:, 1), in order along the axis.
    let d = dir(0);
    let mut s: Vec<(f64, usize)> = (0..m).map(|i| (p.score[(i, 0)], i)).collect();
    s.sort_by(|a, b| a.0.total_cmp(&b.0));
    let proj = |t: f64| [mu[0] + t * d[0], mu[1] + t * d[1]];
    let (px, py) = unzip(&s.iter().map(|&(t, _)| proj(t)).collect::<Vec<_>>());
    fig.series.push(Series {
        x: px,
        y: py,
        shape: Shape::Points,
        style: Style {
            color: Color::Magenta,
            line: LineStyle::Solid,
            marker: Marker::Point,
        },
    });
    fig.legend.push("projections on PC 1".into());
    let drops: Vec<Vec<[f64; 2]>> = s.iter().map(|&(t, i)| vec![data[i], proj(t)]).collect();
    fig.series
        .push(runs(&drops, Color::Magenta, LineStyle::Dotted));
    fig.legend.push(String::new());
    for (j, color) in [(0, Color::Red), (1, Color::Green)] {
        let d = dir(j);
        let v = [d[0] * sd[j], d[1] * sd[j]];
        fig.series
            .push(arrows(&[mu, mu], &[v, [-v[0], -v[1]]], color));
        fig.legend.push(format!("PC {}: ± its sd", j + 1));
    }
    fig.series
        .push(marks(vec![mu[0]], vec![mu[1]], Color::Black, Marker::Star));
    fig.legend.push("mean".into());
    let total = p.latent[0] + p.latent[1];
    fig.title = if total > 0.0 {
        format!(
            "PCA: sd {}, {};  PC 1 carries {}% of the variance",
            super::num(sd[0]),
            super::num(sd[1]),
            (100.0 * p.latent[0] / total).round()
        )
    } else {
        "PCA: all points are equal (no variance)".into()
    };
    fig.equal = true;
    fig.grid = true;
    show(ctx, fig)
}
