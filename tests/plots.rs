//! Pictures: the braille drawing of a simple plot is snapshot-tested at a
//! fixed size, and the SVG is parsed back and checked for its geometry.

use la::eval::{Session, Sink};
use la::plot::{braille, svg, Figure};
use la::value::format::Format;
use la::value::Value;

#[derive(Default)]
struct Collect {
    figures: Vec<Figure>,
}

impl Sink for Collect {
    fn value(&mut self, _: &str, _: &Value, _: Format) {}
    fn text(&mut self, _: &str) {}
    fn warning(&mut self, _: &str, _: Option<la::syntax::ast::Span>) {}
    fn figure(&mut self, f: &Figure) {
        self.figures.push(f.clone());
    }
}

fn run(src: &str) -> (Session, Collect) {
    let mut s = Session::new();
    let mut c = Collect::default();
    s.run(src, &mut c)
        .unwrap_or_else(|e| panic!("{src}: {}", e.message));
    (s, c)
}

fn err(src: &str) -> String {
    let mut s = Session::new();
    let mut c = Collect::default();
    s.run(src, &mut c).expect_err("an error").message
}

fn figure(src: &str) -> Figure {
    let (s, _) = run(src);
    s.figures.shown().expect("a figure").clone()
}

#[test]
fn braille_snapshot_of_a_simple_plot() {
    let f = figure("plot([0 1 2 3 4], [0 1 4 9 16], 'r'); title('squares'); xlabel('x')");
    let text = braille::render(&f, 40, 12, false);
    // `UPDATE_SNAPSHOTS=1 cargo test --test plots` rewrites it after a deliberate change.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/snapshots/braille_squares.txt"
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let want = std::fs::read_to_string(path).unwrap();
    if text != want {
        panic!("braille drawing changed:\n{text}");
    }
}

#[test]
fn colour_only_when_asked() {
    let f = figure("plot([1 2 3], 'g')");
    assert!(!braille::render(&f, 40, 12, false).contains('\x1b'));
    assert!(braille::render(&f, 40, 12, true).contains("\x1b[32m"));
}

fn attr(n: &roxmltree::Node, a: &str) -> f64 {
    n.attribute(a).unwrap().parse().unwrap()
}

#[test]
fn svg_points_land_at_their_pixels() {
    let f = figure("plot([0 10], [0 5], 'ko'); axis([0 10 0 5])");
    let text = svg::render(&f);
    let doc = roxmltree::Document::parse(&text).expect("valid XML");
    let circles: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle") && n.attribute("class") == Some("marker"))
        .collect();
    assert_eq!(circles.len(), 2);
    let (ax, ay, aw, ah) = svg::area();
    // (0, 0) is the bottom-left corner of the plot area, (10, 5) the top right.
    assert!((attr(&circles[0], "cx") - ax).abs() < 0.01);
    assert!((attr(&circles[0], "cy") - (ay + ah)).abs() < 0.01);
    assert!((attr(&circles[1], "cx") - (ax + aw)).abs() < 0.01);
    assert!((attr(&circles[1], "cy") - ay).abs() < 0.01);
}

#[test]
fn quiver_arrow_tips_land_at_a_times_v() {
    let f =
        figure("A = [2 1; 0 1]; v = [1; 1]; w = A*v; quiver(0, 0, w(1), w(2)); axis([-1 4 -1 4])");
    let text = svg::render(&f);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let head = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("arrowhead"))
        .expect("an arrow head");
    let tip: Vec<f64> = head
        .attribute("points")
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .split(',')
        .map(|s| s.parse().unwrap())
        .collect();
    let want = svg::to_px([-1.0, 4.0, -1.0, 4.0], 3.0, 1.0);
    assert!(
        (tip[0] - want.0).abs() < 0.5 && (tip[1] - want.1).abs() < 0.5,
        "{tip:?} vs {want:?}"
    );
    let line = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("arrow"))
        .unwrap();
    let tail = svg::to_px([-1.0, 4.0, -1.0, 4.0], 0.0, 0.0);
    assert!((attr(&line, "x1") - tail.0).abs() < 0.5 && (attr(&line, "y1") - tail.1).abs() < 0.5);
}

#[test]
fn showmap_ellipse_has_the_singular_values_as_semi_axes() {
    let f = figure("showmap([3 1; 1 2])");
    let text = svg::render(&f);
    let doc = roxmltree::Document::parse(&text).unwrap();
    // The second series is the image of the circle.
    let poly = doc
        .descendants()
        .find(|n| n.attribute("data-series") == Some("2"))
        .unwrap();
    let (_, _, aw, ah) = svg::area();
    let view = f.view(aw, ah);
    let (ox, oy) = svg::to_px(view, 0.0, 0.0);
    let scale = aw / (view[1] - view[0]);
    let r: Vec<f64> = poly
        .attribute("points")
        .unwrap()
        .split(' ')
        .map(|p| {
            let xy: Vec<f64> = p.split(',').map(|s| s.parse().unwrap()).collect();
            ((xy[0] - ox).powi(2) + (xy[1] - oy).powi(2)).sqrt() / scale
        })
        .collect();
    let max = r.iter().cloned().fold(0.0, f64::max);
    let min = r.iter().cloned().fold(f64::INFINITY, f64::min);
    // svd([3 1; 1 2]) = 3.618, 1.382 (symmetric positive definite: the eigenvalues).
    let px = 1.0 / scale;
    assert!((max - 3.618034).abs() < px, "{max}");
    assert!((min - 1.381966).abs() < 2.0 * px, "{min}");
    assert!(f.title.contains("σ = 3.618, 1.382;"), "{}", f.title);
    assert!(f.title.contains("det = 5"), "{}", f.title);
}

#[test]
fn hold_keeps_series_and_figures_are_separate() {
    let f = figure("plot([1 2]); hold on; plot([2 1]); scatter([1 2], [1 2])");
    assert_eq!(f.series.len(), 3);
    let f = figure("plot([1 2]); hold on; plot([2 1]); hold off; plot([3 3])");
    assert_eq!(f.series.len(), 1);
    let (s, _) = run("plot([1 2]); figure; plot([1 2 3]); h = gcf;");
    assert_eq!(s.figures.list.len(), 2);
    let (s, _) = run("plot([1 2]); close all");
    assert!(s.figures.shown().is_none());
}

#[test]
fn command_syntax_and_styles() {
    let f = figure("plot([1 2 3], 'r--o', [1 2 3], [3 2 1], 'b:'); hold on\ngrid on\naxis equal\nlegend('a', 'b')");
    assert!(f.hold && f.grid && f.equal);
    assert_eq!(f.legend, vec!["a", "b"]);
    assert_eq!(f.series[0].style.color, la::plot::Color::Red);
    assert_eq!(f.series[0].style.line, la::plot::LineStyle::Dashed);
    assert_eq!(f.series[0].style.marker, la::plot::Marker::Circle);
    assert_eq!(f.series[1].style.line, la::plot::LineStyle::Dotted);
}

#[test]
fn fplot_calls_the_function() {
    let f = figure("fplot(@(x) x^2, [-1 1])");
    let s = &f.series[0];
    assert_eq!(s.x.len(), 201);
    assert!((s.y[0] - 1.0).abs() < 1e-12 && s.y[100].abs() < 1e-12);
}

#[test]
fn a_figure_is_shown_once_after_the_statements_that_change_it() {
    let (_, c) = run("plot([1 2])");
    assert_eq!(c.figures.len(), 1);
    let (_, c) = run("plot([1 2]); title('t'); x = 3;");
    assert_eq!(c.figures.len(), 1);
    assert_eq!(c.figures[0].title, "t");
    let (_, c) = run("x = 3");
    assert!(c.figures.is_empty());
}

#[test]
fn print_writes_svg_and_refuses_other_formats() {
    let dir = std::env::temp_dir().join(format!("la-plots-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("a.svg");
    let q = dir.join("b.svg");
    run(&format!(
        "plot([1 2 3]); print -dsvg {}\nsaveas(gcf, '{}')",
        p.display(),
        q.display()
    ));
    for f in [&p, &q] {
        let text = std::fs::read_to_string(f).unwrap();
        roxmltree::Document::parse(&text).unwrap();
    }
    assert!(err("plot(1); print('x.png')").contains("only SVG"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn argument_errors() {
    assert!(err("plot([1 2], [1 2 3])").contains("same number of elements"));
    assert!(err("plot([1 2], 'q')").contains("unknown format character 'q'"));
    assert!(err("axis([1 0 0 1])").contains("xmin < xmax"));
    assert!(err("hold maybe").contains("one of 'on', 'off'"));
    assert!(err("quiver(0, 0, [1 2], 1)").contains("same number"));
    assert!(err("fplot(3, [0 1])").contains("function handle"));
    assert!(err("showmap(eye(3))").contains("2x2"));
    assert!(err("saveas(7, 'a.svg')").contains("no figure 7"));
}

// ------------------------------------------------ the chapter's figures

/// The data point under pixel (px, py) of figure `f`'s SVG.
fn to_data(f: &Figure, px: f64, py: f64) -> [f64; 2] {
    let (ax, ay, aw, ah) = svg::area();
    let v = f.view(aw, ah);
    [
        v[0] + (px - ax) / aw * (v[1] - v[0]),
        v[3] - (py - ay) / ah * (v[3] - v[2]),
    ]
}

/// One pixel of `f`'s SVG, in data units.
fn pixel(f: &Figure) -> f64 {
    let (_, _, aw, ah) = svg::area();
    let v = f.view(aw, ah);
    (v[1] - v[0]) / aw
}

fn xy(s: &str) -> (f64, f64) {
    let mut it = s.split(',').map(|t| t.parse::<f64>().unwrap());
    (it.next().unwrap(), it.next().unwrap())
}

/// The polylines the SVG draws for series `k` (1-based), in data units.
fn drawn_runs(f: &Figure, k: usize) -> Vec<Vec<[f64; 2]>> {
    let text = svg::render(f);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let key = k.to_string();
    doc.descendants()
        .filter(|n| n.has_tag_name("polyline") && n.attribute("data-series") == Some(&key))
        .map(|n| {
            n.attribute("points")
                .unwrap()
                .split(' ')
                .map(|p| {
                    let (px, py) = xy(p);
                    to_data(f, px, py)
                })
                .collect()
        })
        .collect()
}

/// The arrows the SVG draws for series `k`: (tail, tip) in data units.
fn drawn_arrows(f: &Figure, k: usize) -> Vec<([f64; 2], [f64; 2])> {
    let text = svg::render(f);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let key = k.to_string();
    let of = |class: &str| -> Vec<roxmltree::Node> {
        doc.descendants()
            .filter(|n| {
                n.attribute("class") == Some(class) && n.attribute("data-series") == Some(&key)
            })
            .collect()
    };
    let tails = of("arrow");
    let heads = of("arrowhead");
    assert_eq!(tails.len(), heads.len());
    tails
        .iter()
        .zip(&heads)
        .map(|(t, h)| {
            let tail = to_data(f, attr(t, "x1"), attr(t, "y1"));
            let (px, py) = xy(h.attribute("points").unwrap().split(' ').next().unwrap());
            (tail, to_data(f, px, py))
        })
        .collect()
}

fn near(a: [f64; 2], b: [f64; 2], tol: f64) -> bool {
    (a[0] - b[0]).hypot(a[1] - b[1]) <= tol
}

#[test]
fn showeig_draws_a_x_from_the_tip_of_x_and_eigenvectors_only_stretched() {
    // A = [1 2; 0 3]: lambda = 3 with v = [1; 1]/sqrt(2), lambda = 1 with v = [1; 0].
    let f = figure("showeig([1 2; 0 3])");
    let px = pixel(&f);
    let apply = |x: [f64; 2]| [x[0] + 2.0 * x[1], 3.0 * x[1]];
    let xs = drawn_arrows(&f, 2);
    assert_eq!(xs.len(), 16);
    for (tail, tip) in &xs {
        assert!(near(*tail, [0.0, 0.0], px) && (tip[0].hypot(tip[1]) - 1.0).abs() < px);
    }
    let ax = drawn_arrows(&f, 3);
    assert_eq!(ax.len(), 16);
    for (tail, tip) in &ax {
        assert!(
            (tail[0].hypot(tail[1]) - 1.0).abs() < px,
            "{tail:?} is not on the circle"
        );
        let want = apply(*tail);
        let got = [tip[0] - tail[0], tip[1] - tail[1]];
        assert!(near(got, want, 2.0 * px), "A x = {want:?}, drawn {got:?}");
    }
    // Series 4, 5: the eigen-directions; 6: v; 7: A v = lambda v from the tip of v.
    let s = 0.5f64.sqrt();
    let dirs: Vec<[f64; 2]> = [4, 5]
        .iter()
        .map(|&k| {
            let p = &f.series[k - 1];
            let d = [p.x[1] - p.x[0], p.y[1] - p.y[0]];
            let n = d[0].hypot(d[1]);
            [d[0] / n, d[1] / n]
        })
        .collect();
    assert!(
        near(dirs[0], [s, s], 1e-12) || near(dirs[0], [-s, -s], 1e-12),
        "{dirs:?}"
    );
    assert!(dirs[1][1].abs() < 1e-12, "{dirs:?}");
    let av = drawn_arrows(&f, 7);
    let tips: Vec<[f64; 2]> = av.iter().map(|a| a.1).collect();
    let sign = if drawn_arrows(&f, 6)[0].1[0] > 0.0 {
        1.0
    } else {
        -1.0
    };
    assert!(
        near(tips[0], [4.0 * s * sign, 4.0 * s * sign], 2.0 * px),
        "{tips:?}"
    );
    assert!(
        near(tips[1].map(f64::abs), [2.0, 0.0], 2.0 * px),
        "{tips:?}"
    );
    assert_eq!(f.title, "A v = λ v:  λ = 3, 1");
    // No real eigenvector; every vector an eigenvector.
    let f = figure("showeig([0 -1; 1 0])");
    assert!(f.title.contains("λ = 0 ± 1i") && f.title.contains("no real eigenvector"));
    assert_eq!(f.series.len(), 3);
    let f = figure("showeig(2*eye(2))");
    assert!(f.title.contains("A = λ I"), "{}", f.title);
}

/// x'Ax at x for A = [a b; c d].
fn form(a: [f64; 4], x: [f64; 2]) -> f64 {
    x[0] * (a[0] * x[0] + a[1] * x[1]) + x[1] * (a[2] * x[0] + a[3] * x[1])
}

/// Every drawn run of series `k` lies on one level x'Ax = c; the levels found.
fn levels(f: &Figure, k: usize, a: [f64; 4]) -> Vec<f64> {
    let mut found = Vec::new();
    for run in drawn_runs(f, k) {
        let c = form(a, run[run.len() / 2]);
        for p in &run {
            let scale = 1.0 + p[0].hypot(p[1]).powi(2);
            assert!(
                (form(a, *p) - c).abs() < 1e-3 * scale,
                "series {k}: x'Ax = {} at {p:?}, {c} elsewhere on the curve",
                form(a, *p)
            );
        }
        found.push((c * 1000.0).round() / 1000.0);
    }
    found.sort_by(f64::total_cmp);
    found.dedup();
    found
}

#[test]
fn showquad_draws_the_level_sets_of_the_form() {
    // [2 1; 1 2]: eigenvalues 3, 1 > 0, ellipses.
    let a = [2.0, 1.0, 1.0, 2.0];
    let f = figure("showquad([2 1; 1 2])");
    assert_eq!(f.title, "x'Ax is positive definite");
    assert_eq!(levels(&f, 1, a), vec![1.0, 2.0, 3.0]);
    assert_eq!(drawn_runs(&f, 1).len(), 3);
    // [1 2; 2 1]: eigenvalues 3, -1, hyperbolas on both sides and the asymptotes.
    let a = [1.0, 2.0, 2.0, 1.0];
    let f = figure("showquad([1 2; 2 1])");
    assert_eq!(f.title, "x'Ax is indefinite");
    assert_eq!(levels(&f, 1, a), vec![1.0, 2.0, 3.0]);
    assert_eq!(levels(&f, 2, a), vec![-3.0, -2.0, -1.0]);
    assert_eq!(levels(&f, 3, a), vec![0.0]);
    assert_eq!(f.legend[2], "x'Ax = 0");
    // A non-symmetric A: the form is that of (A + A')/2 = [1 1; 1 1] = (x1 + x2)^2,
    // so the levels are pairs of parallel lines.
    let a = [1.0, 2.0, 0.0, 1.0];
    let f = figure("showquad([1 2; 0 1])");
    assert_eq!(f.title, "x'Ax is positive semidefinite");
    assert_eq!(levels(&f, 1, a), vec![1.0, 2.0, 3.0]);
    for run in drawn_runs(&f, 1) {
        let (p, q) = (run[0], run[run.len() - 1]);
        assert!(
            ((q[0] - p[0]) + (q[1] - p[1])).abs() < 1e-3,
            "not along [1; -1]"
        );
    }
    let f = figure("showquad(-[2 1; 1 2])");
    assert_eq!(f.title, "x'Ax is negative definite");
    assert_eq!(
        levels(&f, 1, [-2.0, -1.0, -1.0, -2.0]),
        vec![-3.0, -2.0, -1.0]
    );
    // The decision is definiteness's: exact input exactly, doubles with its tolerance.
    assert_eq!(
        figure("showquad([1 0; 0 1e-20])").title,
        "x'Ax is positive definite"
    );
    assert_eq!(
        figure("showquad(double([1 0; 0 1e-20]))").title,
        "x'Ax is positive semidefinite"
    );
    assert!(err("showquad([0 1; -1 0])").contains("no level curves"));
}

#[test]
fn shownorms_draws_the_unit_circles_of_the_norms() {
    let f = figure("shownorms");
    assert_eq!(f.legend, vec!["||x||_1 = 1", "||x||_2 = 1", "||x||_∞ = 1"]);
    let px = pixel(&f);
    let norms: [fn([f64; 2]) -> f64; 3] = [
        |p| p[0].abs() + p[1].abs(),
        |p| p[0].hypot(p[1]),
        |p| p[0].abs().max(p[1].abs()),
    ];
    for (k, norm) in norms.iter().enumerate() {
        let pts: Vec<[f64; 2]> = drawn_runs(&f, k + 1).concat();
        assert!(pts.len() > 300);
        for p in &pts {
            assert!((norm(*p) - 1.0).abs() < 2.0 * px, "series {}: {p:?}", k + 1);
        }
    }
    // The corners: the diamond's on the axes, the square's on the diagonals.
    let has = |k: usize, c: [f64; 2]| drawn_runs(&f, k).concat().iter().any(|p| near(*p, c, px));
    assert!(has(1, [1.0, 0.0]) && has(1, [0.0, -1.0]));
    assert!(has(3, [1.0, 1.0]) && has(3, [-1.0, 1.0]));
    let f = figure("shownorms([0.5 3])");
    assert_eq!(f.legend[0], "||x||_0.5 = 1 (not a norm)");
    for p in drawn_runs(&f, 1).concat() {
        assert!(
            (p[0].abs().sqrt() + p[1].abs().sqrt() - 1.0).abs() < 0.01,
            "{p:?}"
        );
    }
    assert!(err("shownorms(0)").contains("p > 0"));
    assert!(err("shownorms(1, NaN)").contains("argument 2"));
}

#[test]
fn showpca_axes_are_the_covariance_eigenvectors() {
    // Centred data [3 3; -3 -3; 1 -1; -1 1] has covariance [20 16; 16 20]/3:
    // eigenvalue 12 along [1; 1], 4/3 along [1; -1]. Shifted by the mean [1 2].
    let f = figure("showpca([4 5; -2 -1; 2 1; 0 3])");
    let px = pixel(&f);
    let mu = [1.0, 2.0];
    let (r6, r23) = (6f64.sqrt(), (2.0f64 / 3.0).sqrt());
    let pc1 = drawn_arrows(&f, 4);
    let pc2 = drawn_arrows(&f, 5);
    for (arrows, d) in [(&pc1, [r6, r6]), (&pc2, [r23, -r23])] {
        assert_eq!(arrows.len(), 2);
        let tips: Vec<[f64; 2]> = arrows.iter().map(|a| a.1).collect();
        for (tail, _) in arrows.iter() {
            assert!(near(*tail, mu, px));
        }
        let plus = [mu[0] + d[0], mu[1] + d[1]];
        let minus = [mu[0] - d[0], mu[1] - d[1]];
        assert!(
            tips.iter().any(|t| near(*t, plus, 2.0 * px)),
            "{tips:?} {plus:?}"
        );
        assert!(
            tips.iter().any(|t| near(*t, minus, 2.0 * px)),
            "{tips:?} {minus:?}"
        );
    }
    // Projections onto PC 1: [4 5] is on the axis, [2 1] and [0 3] project to the mean.
    let proj: Vec<[f64; 2]> = drawn_runs(&f, 2).concat();
    assert!(proj.iter().any(|p| near(*p, [4.0, 5.0], px)));
    assert!(proj.iter().any(|p| near(*p, mu, px)));
    // Each point drops to its projection at right angles to PC 1.
    for run in drawn_runs(&f, 3) {
        let (p, q) = (run[0], run[1]);
        assert!(
            ((q[0] - p[0]) + (q[1] - p[1])).abs() < 2.0 * px,
            "{p:?} -> {q:?}"
        );
    }
    assert!(
        f.title.contains("sd 3.464, 1.155") && f.title.contains("90%"),
        "{}",
        f.title
    );
    assert!(err("showpca([1 2 3; 4 5 6])").contains("use X'"));
}

#[test]
fn showfit_draws_the_least_squares_line_and_vertical_residuals() {
    // Hand: mean x 1.5, mean y 2.25, Sxy = 4.5, Sxx = 5: y = 0.9 x + 0.9;
    // residuals 0.1, 0.2, -0.7, 0.4, squares summing to 0.7.
    let f = figure("showfit([0 1 2 3], [1 2 2 4])");
    let px = pixel(&f);
    assert_eq!(f.legend[1], "y = 0.9x + 0.9");
    assert_eq!(f.title, "least squares: sum of squared residuals = 0.7");
    let line = drawn_runs(&f, 2).concat();
    for p in &line {
        assert!((p[1] - (0.9 * p[0] + 0.9)).abs() < 2.0 * px, "{p:?}");
    }
    assert!(near(line[0], [0.0, 0.9], px) && near(line[line.len() - 1], [3.0, 3.6], px));
    let res = drawn_runs(&f, 3);
    assert_eq!(res.len(), 4);
    for (run, (x, y)) in res
        .iter()
        .zip([(0.0, 1.0), (1.0, 2.0), (2.0, 2.0), (3.0, 4.0)])
    {
        assert!(near(run[0], [x, y], px), "{run:?}");
        assert!(near(run[1], [x, 0.9 * x + 0.9], px), "{run:?}");
    }
    // Degree 2 through points of y = x^2: the fit is exact, the residuals vanish.
    let f = figure("showfit([-1 0 1 2], [1 0 1 4], 2)");
    assert_eq!(f.legend[1], "y = x^2");
    let sse: f64 = f
        .title
        .strip_prefix("least squares: sum of squared residuals = ")
        .unwrap()
        .parse()
        .unwrap();
    assert!(sse < 1e-20, "{}", f.title);
    assert!(err("showfit([1 2], [1 2 3])").contains("same number of elements"));
    assert!(err("showfit([1 2], [1 2], -1)").contains("argument 3"));
}

/// Every chapter figure's SVG renders to a 640x480 bitmap with rsvg-convert,
/// when it is installed (`apt-get install librsvg2-bin`).
#[test]
fn chapter_figures_render_to_bitmaps() {
    if std::process::Command::new("rsvg-convert")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("note: rsvg-convert is not installed: skipping the SVG-to-PNG check");
        return;
    }
    let dir = std::env::temp_dir().join(format!("la-bitmaps-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (k, src) in [
        "showmap([3 1; 1 2])",
        "showeig([1 2; 0 3])",
        "showquad([1 2; 2 1])",
        "shownorms",
        "showpca([4 5; -2 -1; 2 1; 0 3])",
        "showfit([0 1 2 3], [1 2 2 4])",
    ]
    .iter()
    .enumerate()
    {
        let svg_path = dir.join(format!("{k}.svg"));
        let png_path = dir.join(format!("{k}.png"));
        std::fs::write(&svg_path, svg::render(&figure(src))).unwrap();
        let out = std::process::Command::new("rsvg-convert")
            .arg("-o")
            .arg(&png_path)
            .arg(&svg_path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{src}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let png = std::fs::read(&png_path).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{src}");
        // IHDR: width and height, big-endian, at bytes 16..24.
        let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        assert_eq!((be(&png[16..20]), be(&png[20..24])), (640, 480), "{src}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The terminal picture in README.md is the real drawing (80 columns, the
/// 22 rows `la` uses when LINES is unset).
#[test]
fn readme_picture_is_what_la_draws() {
    let readme = include_str!("../README.md");
    let cmd = ">> showquad([1 2; 2 1])\n";
    let start = readme.find(cmd).expect("the README's picture") + cmd.len();
    let end = start + readme[start..].find("```").unwrap();
    let f = figure("showquad([1 2; 2 1])");
    assert_eq!(&readme[start..end], braille::render(&f, 80, 22, false));
}

/// Entries near the ends of the double range: scaled, not overflowed.
#[test]
fn figures_of_extreme_matrices_keep_their_numbers() {
    let f = figure("showmap([1e200 0; 0 2e200])");
    assert!(
        f.title.starts_with("σ = 2e200, 1e200;  λ = 2e200, 1e200;"),
        "{}",
        f.title
    );
    let f = figure("showeig(1e-200*[1 2; 0 3])");
    assert_eq!(f.title, "A v = λ v:  λ = 3e-200, 1e-200");
    assert_eq!(
        figure("showquad(1e-300*[1 2; 2 1])").title,
        "x'Ax is indefinite"
    );
    assert_eq!(la::plot::tick_label(2.5e-7), "2.5e-7");
    assert_eq!(la::plot::tick_label(1234.5), "1234.5");
}
