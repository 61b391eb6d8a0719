//! A figure as an SVG document, written directly (no fonts or crates needed):
//! `WIDTH` x `HEIGHT` pixels, the plot area inside the margins below.

use super::{tick_label, ticks, Figure, LineStyle, Marker, Shape};
use std::fmt::Write;

pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 480.0;
pub const LEFT: f64 = 70.0;
pub const RIGHT: f64 = 20.0;
pub const TOP: f64 = 40.0;
pub const BOTTOM: f64 = 55.0;

/// The plot area `(x, y, w, h)` in pixels.
pub fn area() -> (f64, f64, f64, f64) {
    (LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM)
}

/// Where data point (x, y) lands, in pixels, for the window `view`.
pub fn to_px(view: [f64; 4], x: f64, y: f64) -> (f64, f64) {
    let (ax, ay, aw, ah) = area();
    (
        ax + (x - view[0]) / (view[1] - view[0]) * aw,
        ay + (view[3] - y) / (view[3] - view[2]) * ah,
    )
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn dash(l: LineStyle) -> &'static str {
    match l {
        LineStyle::Dashed => " stroke-dasharray=\"8 5\"",
        LineStyle::Dotted => " stroke-dasharray=\"2 4\"",
        _ => "",
    }
}

fn marker(out: &mut String, m: Marker, x: f64, y: f64, color: &str) {
    let r = 4.0;
    let line = |out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64| {
        let _ = write!(
            out,
            "<line class=\"marker\" x1=\"{x1:.2}\" y1=\"{y1:.2}\" x2=\"{x2:.2}\" y2=\"{y2:.2}\" stroke=\"{color}\" stroke-width=\"1.5\"/>"
        );
    };
    match m {
        Marker::None => {}
        Marker::Circle => {
            let _ = write!(
                out,
                "<circle class=\"marker\" cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"{r}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\"/>"
            );
        }
        Marker::Point => {
            let _ = write!(
                out,
                "<circle class=\"marker\" cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"2\" fill=\"{color}\"/>"
            );
        }
        Marker::Plus | Marker::Star | Marker::Cross => {
            if m != Marker::Cross {
                line(out, x - r, y, x + r, y);
                line(out, x, y - r, x, y + r);
            }
            if m != Marker::Plus {
                let d = r * 0.75;
                line(out, x - d, y - d, x + d, y + d);
                line(out, x - d, y + d, x + d, y - d);
            }
        }
    }
}

/// The SVG text of a figure.
pub fn render(fig: &Figure) -> String {
    let (ax, ay, aw, ah) = area();
    let view = fig.view(aw, ah);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"sans-serif\" font-size=\"13\">"
    );
    let _ = writeln!(o, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    let _ = writeln!(
        o,
        "<defs><clipPath id=\"area\"><rect x=\"{ax}\" y=\"{ay}\" width=\"{aw}\" height=\"{ah}\"/></clipPath></defs>"
    );
    // Ticks, labels and the grid.
    for t in ticks(view[0], view[1], 8) {
        let (px, _) = to_px(view, t, view[2]);
        if fig.grid {
            let _ = writeln!(o, "<line class=\"grid\" x1=\"{px:.2}\" y1=\"{ay}\" x2=\"{px:.2}\" y2=\"{}\" stroke=\"#dddddd\"/>", ay + ah);
        }
        let _ = writeln!(
            o,
            "<line x1=\"{px:.2}\" y1=\"{}\" x2=\"{px:.2}\" y2=\"{}\" stroke=\"black\"/>",
            ay + ah,
            ay + ah + 5.0
        );
        let _ = writeln!(
            o,
            "<text class=\"tick\" x=\"{px:.2}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            ay + ah + 19.0,
            tick_label(t)
        );
    }
    for t in ticks(view[2], view[3], 6) {
        let (_, py) = to_px(view, view[0], t);
        if fig.grid {
            let _ = writeln!(o, "<line class=\"grid\" x1=\"{ax}\" y1=\"{py:.2}\" x2=\"{}\" y2=\"{py:.2}\" stroke=\"#dddddd\"/>", ax + aw);
        }
        let _ = writeln!(
            o,
            "<line x1=\"{}\" y1=\"{py:.2}\" x2=\"{ax}\" y2=\"{py:.2}\" stroke=\"black\"/>",
            ax - 5.0
        );
        let _ = writeln!(
            o,
            "<text class=\"tick\" x=\"{}\" y=\"{:.2}\" text-anchor=\"end\">{}</text>",
            ax - 8.0,
            py + 4.5,
            tick_label(t)
        );
    }
    // The axes through the origin, when it is inside.
    if view[0] < 0.0 && view[1] > 0.0 {
        let (px, _) = to_px(view, 0.0, 0.0);
        let _ = writeln!(o, "<line class=\"origin\" x1=\"{px:.2}\" y1=\"{ay}\" x2=\"{px:.2}\" y2=\"{}\" stroke=\"#999999\" stroke-width=\"0.8\"/>", ay + ah);
    }
    if view[2] < 0.0 && view[3] > 0.0 {
        let (_, py) = to_px(view, 0.0, 0.0);
        let _ = writeln!(o, "<line class=\"origin\" x1=\"{ax}\" y1=\"{py:.2}\" x2=\"{}\" y2=\"{py:.2}\" stroke=\"#999999\" stroke-width=\"0.8\"/>", ax + aw);
    }
    // The series.
    let _ = writeln!(o, "<g clip-path=\"url(#area)\">");
    for (k, s) in fig.series.iter().enumerate() {
        let c = s.style.color.rgb();
        match &s.shape {
            Shape::Points => {
                if s.style.line != LineStyle::None {
                    // Split at non-finite values.
                    let mut run: Vec<String> = Vec::new();
                    let flush = |o: &mut String, run: &mut Vec<String>| {
                        if run.len() > 1 {
                            let _ = writeln!(
                                o,
                                "<polyline class=\"series\" data-series=\"{}\" points=\"{}\" fill=\"none\" stroke=\"{c}\" stroke-width=\"2\" stroke-linejoin=\"round\"{}/>",
                                k + 1,
                                run.join(" "),
                                dash(s.style.line)
                            );
                        }
                        run.clear();
                    };
                    for (&x, &y) in s.x.iter().zip(&s.y) {
                        if x.is_finite() && y.is_finite() {
                            let (px, py) = to_px(view, x, y);
                            run.push(format!("{px:.2},{py:.2}"));
                        } else {
                            flush(&mut o, &mut run);
                        }
                    }
                    flush(&mut o, &mut run);
                }
                for (&x, &y) in s.x.iter().zip(&s.y) {
                    if x.is_finite() && y.is_finite() {
                        let (px, py) = to_px(view, x, y);
                        marker(&mut o, s.style.marker, px, py, c);
                    }
                }
            }
            Shape::Arrows { u, v } => {
                for i in 0..s.x.len() {
                    let (x1, y1) = to_px(view, s.x[i], s.y[i]);
                    let (x2, y2) = to_px(view, s.x[i] + u[i], s.y[i] + v[i]);
                    let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
                    if !len.is_finite() || len < 1e-9 {
                        continue;
                    }
                    let (dx, dy) = ((x2 - x1) / len, (y2 - y1) / len);
                    let head = (len * 0.3).min(11.0);
                    let (bx, by) = (x2 - dx * head, y2 - dy * head);
                    let (nx, ny) = (-dy * head * 0.4, dx * head * 0.4);
                    let _ = writeln!(
                        o,
                        "<line class=\"arrow\" data-series=\"{}\" x1=\"{x1:.2}\" y1=\"{y1:.2}\" x2=\"{bx:.2}\" y2=\"{by:.2}\" stroke=\"{c}\" stroke-width=\"2\"{}/>",
                        k + 1,
                        dash(s.style.line)
                    );
                    let _ = writeln!(
                        o,
                        "<polygon class=\"arrowhead\" points=\"{x2:.2},{y2:.2} {:.2},{:.2} {:.2},{:.2}\" fill=\"{c}\"/>",
                        bx + nx,
                        by + ny,
                        bx - nx,
                        by - ny
                    );
                }
            }
        }
    }
    let _ = writeln!(o, "</g>");
    let _ = writeln!(
        o,
        "<rect x=\"{ax}\" y=\"{ay}\" width=\"{aw}\" height=\"{ah}\" fill=\"none\" stroke=\"black\"/>"
    );
    // Title and labels.
    if !fig.title.is_empty() {
        let _ = writeln!(
            o,
            "<text class=\"title\" x=\"{}\" y=\"25\" text-anchor=\"middle\" font-size=\"16\">{}</text>",
            ax + aw / 2.0,
            esc(&fig.title)
        );
    }
    if !fig.xlabel.is_empty() {
        let _ = writeln!(
            o,
            "<text class=\"xlabel\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            ax + aw / 2.0,
            HEIGHT - 12.0,
            esc(&fig.xlabel)
        );
    }
    if !fig.ylabel.is_empty() {
        let (x, y) = (18.0, ay + ah / 2.0);
        let _ = writeln!(
            o,
            "<text class=\"ylabel\" x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" transform=\"rotate(-90 {x} {y})\">{}</text>",
            esc(&fig.ylabel)
        );
    }
    // The legend, top right inside the area.
    let entries: Vec<(usize, &String)> = fig
        .legend
        .iter()
        .enumerate()
        .filter(|(k, l)| *k < fig.series.len() && !l.is_empty())
        .collect();
    if !entries.is_empty() {
        let wl = entries
            .iter()
            .map(|(_, l)| l.chars().count())
            .max()
            .unwrap_or(0) as f64
            * 7.5
            + 45.0;
        let hl = entries.len() as f64 * 18.0 + 8.0;
        let (lx, ly) = (ax + aw - wl - 8.0, ay + 8.0);
        let _ = writeln!(
            o,
            "<rect class=\"legend\" x=\"{lx:.2}\" y=\"{ly:.2}\" width=\"{wl:.2}\" height=\"{hl:.2}\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"#888888\"/>"
        );
        for (row, (k, label)) in entries.iter().enumerate() {
            let s = &fig.series[*k];
            let y = ly + 16.0 + row as f64 * 18.0;
            let c = s.style.color.rgb();
            let line = if s.style.line == LineStyle::None {
                LineStyle::None
            } else {
                s.style.line
            };
            if line != LineStyle::None || matches!(s.shape, Shape::Arrows { .. }) {
                let _ = writeln!(
                    o,
                    "<line x1=\"{:.2}\" y1=\"{:.2}\" x2=\"{:.2}\" y2=\"{:.2}\" stroke=\"{c}\" stroke-width=\"2\"{}/>",
                    lx + 6.0,
                    y - 4.0,
                    lx + 30.0,
                    y - 4.0,
                    dash(line)
                );
            }
            marker(&mut o, s.style.marker, lx + 18.0, y - 4.0, c);
            let _ = writeln!(
                o,
                "<text x=\"{:.2}\" y=\"{y:.2}\">{}</text>",
                lx + 36.0,
                esc(label)
            );
        }
    }
    o.push_str("</svg>\n");
    o
}
