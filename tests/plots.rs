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
