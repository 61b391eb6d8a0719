//! A figure as terminal text: Unicode braille, 2x4 dots per character cell
//! (about square dots), with a frame, tick labels, the title, axis labels
//! and a legend, in ANSI colour when asked.

use super::{tick_label, ticks, Color, Figure, LineStyle, Marker, Shape};

struct Canvas {
    w: usize,
    h: usize,
    bits: Vec<u8>,
    color: Vec<Option<Color>>,
}

const BITS: [[u8; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];

impl Canvas {
    fn new(w: usize, h: usize) -> Canvas {
        Canvas {
            w,
            h,
            bits: vec![0; w * h],
            color: vec![None; w * h],
        }
    }
    /// Set dot (x, y), y down, in dot coordinates.
    fn dot(&mut self, x: i64, y: i64, c: Color) {
        if x < 0 || y < 0 || x >= 2 * self.w as i64 || y >= 4 * self.h as i64 {
            return;
        }
        let (cx, cy) = (x as usize / 2, y as usize / 4);
        let k = cy * self.w + cx;
        self.bits[k] |= BITS[x as usize % 2][y as usize % 4];
        self.color[k] = Some(c);
    }
    fn line(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), style: LineStyle, c: Color) {
        if !(x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite()) {
            return;
        }
        let lim = 1e5;
        if x0.abs().max(x1.abs()).max(y0.abs()).max(y1.abs()) > lim {
            return;
        }
        let n = (x1 - x0).abs().max((y1 - y0).abs()).ceil().max(1.0) as usize;
        for i in 0..=n {
            let on = match style {
                LineStyle::Dashed => i % 6 < 4,
                LineStyle::Dotted => i % 3 == 0,
                _ => true,
            };
            if on {
                let t = i as f64 / n as f64;
                self.dot(
                    (x0 + (x1 - x0) * t).round() as i64,
                    (y0 + (y1 - y0) * t).round() as i64,
                    c,
                );
            }
        }
    }
    fn marker(&mut self, m: Marker, x: f64, y: f64, c: Color) {
        let (x, y) = (x.round() as i64, y.round() as i64);
        let pts: &[(i64, i64)] = match m {
            Marker::None => &[],
            Marker::Point => &[(0, 0)],
            Marker::Circle => &[
                (-1, -1),
                (0, -1),
                (1, -1),
                (-1, 0),
                (1, 0),
                (-1, 1),
                (0, 1),
                (1, 1),
            ],
            Marker::Plus => &[(0, -1), (-1, 0), (0, 0), (1, 0), (0, 1)],
            Marker::Cross => &[(-1, -1), (1, -1), (0, 0), (-1, 1), (1, 1)],
            Marker::Star => &[
                (-1, -1),
                (0, -1),
                (1, -1),
                (-1, 0),
                (0, 0),
                (1, 0),
                (-1, 1),
                (0, 1),
                (1, 1),
            ],
        };
        for (dx, dy) in pts {
            self.dot(x + dx, y + dy, c);
        }
    }
}

fn paint(s: &str, c: Option<Color>, color: bool) -> String {
    match c {
        Some(c) if color => format!("\x1b[{}m{s}\x1b[0m", c.ansi()),
        _ => s.to_string(),
    }
}

/// The figure as `width` x `height` characters (about; the legend adds lines).
pub fn render(fig: &Figure, width: usize, height: usize, color: bool) -> String {
    let width = width.max(30);
    let height = height.max(10);
    let top = usize::from(!fig.title.is_empty());
    let bottom = 2 + usize::from(!fig.xlabel.is_empty());
    let ch = height.saturating_sub(top + bottom).max(4);
    // The y tick labels decide the left margin; compute them for a first guess.
    let guess = fig.view(2.0 * (width as f64 - 10.0), 4.0 * ch as f64);
    let ylab: Vec<String> = ticks(guess[2], guess[3], (ch / 3).max(2))
        .iter()
        .map(|&t| tick_label(t))
        .collect();
    let ylabel_col = usize::from(!fig.ylabel.is_empty()) * 2;
    let lm = ylabel_col + ylab.iter().map(|l| l.chars().count()).max().unwrap_or(1) + 1;
    let cw = width.saturating_sub(lm + 2).max(10);
    let (pw, ph) = (2.0 * cw as f64, 4.0 * ch as f64);
    let view = fig.view(pw, ph);
    let to = |x: f64, y: f64| -> (f64, f64) {
        (
            (x - view[0]) / (view[1] - view[0]) * (pw - 1.0),
            (view[3] - y) / (view[3] - view[2]) * (ph - 1.0),
        )
    };
    let mut cv = Canvas::new(cw, ch);
    if fig.grid {
        for t in ticks(view[0], view[1], (cw / 10).max(2)) {
            let (x, _) = to(t, 0.0);
            cv.line((x, 0.0), (x, ph - 1.0), LineStyle::Dotted, Color::Black);
        }
        for t in ticks(view[2], view[3], (ch / 3).max(2)) {
            let (_, y) = to(0.0, t);
            cv.line((0.0, y), (pw - 1.0, y), LineStyle::Dotted, Color::Black);
        }
    }
    for s in &fig.series {
        let c = s.style.color;
        match &s.shape {
            Shape::Points => {
                if s.style.line != LineStyle::None {
                    for k in 1..s.x.len() {
                        cv.line(
                            to(s.x[k - 1], s.y[k - 1]),
                            to(s.x[k], s.y[k]),
                            s.style.line,
                            c,
                        );
                    }
                }
                for (&x, &y) in s.x.iter().zip(&s.y) {
                    if x.is_finite() && y.is_finite() {
                        let (px, py) = to(x, y);
                        cv.marker(s.style.marker, px, py, c);
                    }
                }
            }
            Shape::Arrows { u, v } => {
                for i in 0..s.x.len() {
                    let a = to(s.x[i], s.y[i]);
                    let b = to(s.x[i] + u[i], s.y[i] + v[i]);
                    cv.line(a, b, s.style.line, c);
                    let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
                    if len > 2.0 {
                        let (dx, dy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
                        let h = (len * 0.3).min(4.0);
                        for sgn in [-1.0, 1.0] {
                            let p = (
                                b.0 - dx * h + sgn * -dy * h * 0.6,
                                b.1 - dy * h + sgn * dx * h * 0.6,
                            );
                            cv.line(b, p, LineStyle::Solid, c);
                        }
                    }
                }
            }
        }
    }
    // Assemble: title, rows with y ticks, x axis, x ticks, x label, legend.
    let mut out = String::new();
    if top > 0 {
        let pad = (lm + 1 + cw / 2).saturating_sub(fig.title.chars().count() / 2);
        out.push_str(&format!("{}{}\n", " ".repeat(pad), fig.title));
    }
    let yt: Vec<(usize, String)> = ticks(view[2], view[3], (ch / 3).max(2))
        .into_iter()
        .map(|t| ((to(0.0, t).1.round().max(0.0) as usize) / 4, tick_label(t)))
        .filter(|(r, _)| *r < ch)
        .collect();
    let ylabel: Vec<char> = fig.ylabel.chars().collect();
    let ystart = (ch / 2).saturating_sub(ylabel.len() / 2);
    for r in 0..ch {
        let mut line = String::new();
        if ylabel_col > 0 {
            let c = r
                .checked_sub(ystart)
                .and_then(|i| ylabel.get(i))
                .copied()
                .unwrap_or(' ');
            line.push(c);
            line.push(' ');
        }
        let tick = yt.iter().find(|(row, _)| *row == r);
        let label = tick.map(|(_, l)| l.as_str()).unwrap_or("");
        line.push_str(&format!("{:>w$}", label, w = lm - ylabel_col - 1));
        line.push(if tick.is_some() { '┤' } else { '│' });
        for c in 0..cw {
            let k = r * cw + c;
            let ch = char::from_u32(0x2800 + cv.bits[k] as u32).unwrap_or(' ');
            let ch = if cv.bits[k] == 0 { ' ' } else { ch };
            line.push_str(&paint(&ch.to_string(), cv.color[k], color));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let xt: Vec<(usize, String)> = ticks(view[0], view[1], (cw / 10).max(2))
        .into_iter()
        .map(|t| ((to(t, 0.0).0.round().max(0.0) as usize) / 2, tick_label(t)))
        .filter(|(c, _)| *c < cw)
        .collect();
    let mut axis: Vec<char> = vec!['─'; cw];
    let mut labels: Vec<char> = vec![' '; cw + lm + 8];
    let mut free = 0usize;
    for (c, l) in &xt {
        axis[*c] = '┬';
        let start = (lm + 1 + c).saturating_sub(l.chars().count() / 2);
        if start >= free && start + l.len() <= labels.len() {
            for (i, ch) in l.chars().enumerate() {
                labels[start + i] = ch;
            }
            free = start + l.len() + 1;
        }
    }
    out.push_str(&format!(
        "{}└{}\n",
        " ".repeat(lm - 1),
        axis.iter().collect::<String>()
    ));
    out.push_str(labels.iter().collect::<String>().trim_end());
    out.push('\n');
    if !fig.xlabel.is_empty() {
        let pad = (lm + 1 + cw / 2).saturating_sub(fig.xlabel.chars().count() / 2);
        out.push_str(&format!("{}{}\n", " ".repeat(pad), fig.xlabel));
    }
    for (k, label) in fig.legend.iter().enumerate() {
        if let Some(s) = fig.series.get(k) {
            if label.is_empty() {
                continue;
            }
            let key = match (s.style.line, s.style.marker, &s.shape) {
                (_, _, Shape::Arrows { .. }) => "──▶",
                (LineStyle::None, Marker::Circle, _) => " o ",
                (LineStyle::None, Marker::Cross, _) => " x ",
                (LineStyle::None, Marker::Plus, _) => " + ",
                (LineStyle::None, Marker::Star, _) => " * ",
                (LineStyle::None, _, _) => " · ",
                (LineStyle::Dashed, _, _) => "╌╌╌",
                (LineStyle::Dotted, _, _) => "┈┈┈",
                _ => "───",
            };
            out.push_str(&format!(
                "{}{} {}\n",
                " ".repeat(lm + 1),
                paint(key, Some(s.style.color), color),
                label
            ));
        }
    }
    out
}
