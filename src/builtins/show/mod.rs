//! The chapter's figures, one command each: a 2x2 matrix as a map
//! (`showmap`), eigenvectors as the directions only stretched (`showeig`),
//! the level curves of a quadratic form (`showquad`), unit balls of p-norms
//! (`shownorms`), PCA of 2-D data (`showpca`) and a least-squares fit with
//! its residuals (`showfit`). Each builds a whole `Figure` from the numbers
//! and replaces the current one; the geometry is computed here, the drawing
//! is `plot`'s.

mod fit;
mod map;
mod norms;
mod pca;
mod quad;

use super::ctx::Ctx;
use super::{Args, Builtin, Topic, MANY};
use crate::error::Result;
use crate::plot::{Color, Figure, LineStyle, Marker, Series, Shape, Style};
use crate::value::Value;

macro_rules! entry {
    ($name:expr, $min:expr, $max:expr, $run:expr, $sig:expr, $sum:expr, $math:expr, $ex:expr, $rel:expr) => {
        builtin!(
            $name,
            $min,
            $max,
            0,
            Topic::Plots,
            $sig,
            $sum,
            $math,
            $ex,
            $rel,
            $run
        )
    };
}

pub static BUILTINS: &[Builtin] = &[
    entry!(
        "showmap", 1, 1, map::showmap,
        "showmap(A)",
        concat!(
            "A 2x2 matrix as a map of the plane: the unit circle and its image, an ellipse ",
            "with semi-axes sigma1, sigma2; the right singular vectors v_i on the circle and ",
            "sigma_i u_i on the ellipse; real eigenvector directions through the origin; the ",
            "sigma's, lambda's and det (the area factor) in the title."
        ),
        &[
            "A = U S V': A v_i = sigma_i u_i, so the circle's image is an ellipse with axes sigma_i u_i",
            "A x = lambda x: eigen-directions are only stretched",
            "area of the ellipse / area of the circle = |det A| = sigma1 sigma2",
        ],
        &[">> showmap([2 1; 1 2]);"],
        &["showeig", "svd", "eig", "det"]
    ),
    entry!(
        "showeig", 1, 1, map::showeig,
        "showeig(A)",
        concat!(
            "Eigenvectors of a 2x2 matrix as the directions A only stretches: vectors x ",
            "around the unit circle, each with A x drawn from its tip; along a real ",
            "eigen-direction A x continues the line of x (A v = lambda v, outward for lambda > 0, ",
            "back through the origin for lambda < 0), everywhere else it turns. Eigenvalues in the title."
        ),
        &[
            "A v = lambda v: v is only stretched (by lambda), not turned",
            "complex lambda: no real direction is kept, every x turns",
        ],
        &[">> showeig([2 1; 1 2]);"],
        &["eig", "showmap", "quiver"]
    ),
    entry!(
        "showquad", 1, 1, quad::showquad,
        "showquad(A)",
        concat!(
            "The quadratic form f(x) = x'Ax of a 2x2 matrix: its level curves f = 1, 2, 3 ",
            "(and -1, -2, -3, and f = 0 when it is not definite) with the eigen-axes of ",
            "(A + A')/2. Ellipses when definite, hyperbolas when indefinite, parallel lines ",
            "when semidefinite; the title states the definiteness (decided as definiteness does)."
        ),
        &[
            "x'Ax = x'Sx with S = (A + A')/2 = Q diag(l1, l2) Q'",
            "in the eigen-axes y = Q'x: f = l1 y1^2 + l2 y2^2",
            "f = c: an ellipse with semi-axes sqrt(c/l1), sqrt(c/l2) when l1, l2 > 0",
        ],
        &[">> showquad([2 1; 1 2]);", ">> showquad([1 2; 2 1]);"],
        &["definiteness", "quadform", "eig"]
    ),
    entry!(
        "shownorms", 0, MANY, norms::shownorms,
        "shownorms, shownorms(p1, p2, ...), shownorms([p1 p2 ...])",
        concat!(
            "The unit circles {x : ||x||_p = 1} in the plane, of the 1-, 2- and inf-norms by ",
            "default, or of the p's given (p > 0; Inf allowed; below 1 it is not a norm and ",
            "the legend says so): the diamond, the circle, the square."
        ),
        &[
            "||x||_p = (|x1|^p + |x2|^p)^(1/p), ||x||_inf = max(|x1|, |x2|)",
            "the point in direction d on the unit circle of ||.||_p is d / ||d||_p",
        ],
        &[">> shownorms;", ">> shownorms(1, 1.5, 2, 4, Inf);"],
        &["norm", "plot"]
    ),
    entry!(
        "showpca", 1, 1, pca::showpca,
        "showpca(X)",
        concat!(
            "PCA of 2-D data X (one point per row): the points, their mean, the principal ",
            "axes from the mean, each as long as the standard deviation along it, and each ",
            "point's projection onto the first component (as pca computes them)."
        ),
        &[
            "coeff = eigenvectors of the covariance of X - mu, latent = its eigenvalues",
            "axis i: mu +- sqrt(latent_i) coeff(:, i)",
            "projection on component 1: mu + score(k, 1) coeff(:, 1)'",
        ],
        &[">> showpca([1 1; 2 3; 3 2; 4 5; 5 4; 6 6]);"],
        &["pca", "scatter", "svd"]
    ),
    entry!(
        "showfit", 2, 3, fit::showfit,
        "showfit(x, y), showfit(x, y, n)",
        concat!(
            "Least squares in a picture: the points (x, y), the polynomial of degree n ",
            "(default 1, a line) that polyfit finds, and the residuals as vertical segments ",
            "from each point to the curve; the fit and the sum of squared residuals in the title."
        ),
        &[
            "p = polyfit(x, y, n) minimises sum_k (y_k - p(x_k))^2",
            "residual r_k = y_k - p(x_k): the vertical segment at x_k",
        ],
        &[">> showfit([0 1 2 3], [1 2 2 4]);"],
        &["polyfit", "linreg", "lstsq"]
    ),
];

/// A series drawn as a plain line (or dots) in one colour.
fn line(x: Vec<f64>, y: Vec<f64>, color: Color, line: LineStyle) -> Series {
    Series {
        x,
        y,
        shape: Shape::Points,
        style: Style {
            color,
            line,
            marker: Marker::None,
        },
    }
}

/// Points marked, not joined.
fn marks(x: Vec<f64>, y: Vec<f64>, color: Color, marker: Marker) -> Series {
    Series {
        x,
        y,
        shape: Shape::Points,
        style: Style {
            color,
            line: LineStyle::None,
            marker,
        },
    }
}

/// Arrows from the `tails` along the vectors `by`.
fn arrows(tails: &[[f64; 2]], by: &[[f64; 2]], color: Color) -> Series {
    Series {
        x: tails.iter().map(|t| t[0]).collect(),
        y: tails.iter().map(|t| t[1]).collect(),
        shape: Shape::Arrows {
            u: by.iter().map(|b| b[0]).collect(),
            v: by.iter().map(|b| b[1]).collect(),
        },
        style: Style {
            color,
            line: LineStyle::Solid,
            marker: Marker::None,
        },
    }
}

/// Separate polylines as one series, broken by NaN between them.
fn runs(runs: &[Vec<[f64; 2]>], color: Color, style: LineStyle) -> Series {
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for r in runs {
        if !x.is_empty() {
            x.push(f64::NAN);
            y.push(f64::NAN);
        }
        x.extend(r.iter().map(|p| p[0]));
        y.extend(r.iter().map(|p| p[1]));
    }
    line(x, y, color, style)
}

/// `n + 1` points around the unit circle, the first repeated at the end.
fn circle(n: usize) -> Vec<[f64; 2]> {
    (0..=n)
        .map(|k| {
            let t = 2.0 * std::f64::consts::PI * k as f64 / n as f64;
            [t.cos(), t.sin()]
        })
        .collect()
}

fn unzip(p: &[[f64; 2]]) -> (Vec<f64>, Vec<f64>) {
    p.iter().map(|q| (q[0], q[1])).unzip()
}

/// A number for a title: at most 3 decimals (or 4 digits in e-notation), no trailing zeros.
fn num(x: f64) -> String {
    let x = if (1e-3..1e6).contains(&x.abs()) {
        (x * 1000.0).round() / 1000.0
    } else {
        x
    };
    crate::plot::tick_label(x)
}

/// Argument `k` as the entries `[a11, a12, a21, a22]` of a finite 2x2 matrix.
fn matrix2(a: &Args, k: usize) -> Result<[f64; 4]> {
    let m = a.real(k)?;
    if m.shape() != (2, 2) {
        return Err(a.wrong(k, "a 2x2 matrix (the figures are of the plane)"));
    }
    if !m.iter().all(|x| x.is_finite()) {
        return Err(a.wrong(k, "a finite 2x2 matrix (no Inf or NaN)"));
    }
    Ok([m[(0, 0)], m[(0, 1)], m[(1, 0)], m[(1, 1)]])
}

/// Make `fig` the current figure (keeping its number and hold state) and show it.
fn show(ctx: &mut dyn Ctx, mut fig: Figure) -> Result<Vec<Value>> {
    let figs = ctx.figures();
    let cur = figs.current();
    fig.number = cur.number;
    fig.hold = cur.hold;
    *cur = fig;
    figs.dirty = true;
    Ok(vec![])
}

/// Run another built-in by name on `vals`, for the call `a` (the one
/// function that decides, so a figure says exactly what that function says).
fn call(ctx: &mut dyn Ctx, a: &Args, name: &'static str, vals: Vec<Value>) -> Result<Vec<Value>> {
    let b = super::lookup(name)
        .ok_or_else(|| crate::error::LaError::internal(format!("no built-in {name}")))?;
    let mut args = Args::new(b.name, b.doc.signature, vals);
    args.span = a.span;
    (b.run)(ctx, args)
}

/// Eigen-decomposition of a symmetric 2x2 `[a b; b c]`: the larger
/// eigenvalue with its unit vector, then the smaller with its own. Scaled
/// to entries of size 1 first (no overflow or underflow in a*c); the
/// eigenvalue of smaller magnitude is det / (the other), which keeps it accurate.
fn sym_eig(a: f64, b: f64, c: f64) -> [(f64, [f64; 2]); 2] {
    let size = a.abs().max(b.abs()).max(c.abs());
    let k = if size > 0.0 && size.is_finite() {
        size
    } else {
        1.0
    };
    let (a, b, c) = (a / k, b / k, c / k);
    let m = (a + c) / 2.0;
    let r = ((a - c) / 2.0).hypot(b);
    let big = if m >= 0.0 { m + r } else { m - r };
    let small = if big != 0.0 {
        (a * c - b * b) / big
    } else {
        0.0
    };
    let (hi, lo) = if big >= small {
        (big, small)
    } else {
        (small, big)
    };
    let theta = 0.5 * (2.0 * b).atan2(a - c);
    let v1 = [theta.cos(), theta.sin()];
    let v2 = [-theta.sin(), theta.cos()];
    [(hi * k, v1), (lo * k, v2)]
}
