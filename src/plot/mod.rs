//! Pictures: the figure model (series of points, lines and arrows with their
//! style, title, labels, limits, legend, grid, hold) and its two renderers,
//! Unicode braille for the terminal and SVG for files. Pure data and text:
//! nothing here prints or touches the session. May use: error.

pub mod braille;
pub mod svg;

use crate::error::{LaError, Result};

/// The colours of Octave's format strings (`r g b k m c y`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Blue,
    Red,
    Green,
    Black,
    Magenta,
    Cyan,
    Yellow,
}

/// The colours new series cycle through when no format string names one.
pub const CYCLE: [Color; 6] = [
    Color::Blue,
    Color::Red,
    Color::Green,
    Color::Magenta,
    Color::Cyan,
    Color::Black,
];

impl Color {
    pub fn rgb(self) -> &'static str {
        match self {
            Color::Blue => "#1f5fbf",
            Color::Red => "#d62728",
            Color::Green => "#2ca02c",
            Color::Black => "#222222",
            Color::Magenta => "#c030c0",
            Color::Cyan => "#17a2b8",
            Color::Yellow => "#d4a017",
        }
    }
    /// The ANSI foreground code.
    pub fn ansi(self) -> u8 {
        match self {
            Color::Blue => 34,
            Color::Red => 31,
            Color::Green => 32,
            Color::Black => 37,
            Color::Magenta => 35,
            Color::Cyan => 36,
            Color::Yellow => 33,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    Solid,
    Dashed,
    Dotted,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    None,
    Circle,
    Cross,
    Plus,
    Star,
    Point,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: Color,
    pub line: LineStyle,
    pub marker: Marker,
}

/// Parse an Octave format string such as `'r--'`, `'ko'`, `'b:x'`. Parts not
/// given stay `None`; an unknown character is an error.
pub fn parse_format(s: &str) -> Result<(Option<Color>, Option<LineStyle>, Option<Marker>)> {
    let (mut c, mut l, mut m) = (None, None, None);
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        match ch {
            'r' => c = Some(Color::Red),
            'g' => c = Some(Color::Green),
            'b' => c = Some(Color::Blue),
            'k' => c = Some(Color::Black),
            'm' => c = Some(Color::Magenta),
            'c' => c = Some(Color::Cyan),
            'y' => c = Some(Color::Yellow),
            '-' if chars.get(i + 1) == Some(&'-') => {
                l = Some(LineStyle::Dashed);
                i += 1;
            }
            '-' => l = Some(LineStyle::Solid),
            ':' => l = Some(LineStyle::Dotted),
            'o' => m = Some(Marker::Circle),
            'x' => m = Some(Marker::Cross),
            '+' => m = Some(Marker::Plus),
            '*' => m = Some(Marker::Star),
            '.' => m = Some(Marker::Point),
            _ => {
                return Err(LaError::eval(format!(
                    "unknown format character '{ch}' in '{s}' \
                     (colours r g b k m c y, lines - -- :, markers o x + * .)"
                )))
            }
        }
        i += 1;
    }
    Ok((c, l, m))
}

/// What a series draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// Points joined by lines and/or marked.
    Points,
    /// Arrows from (x, y) to (x + u, y + v).
    Arrows { u: Vec<f64>, v: Vec<f64> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub shape: Shape,
    pub style: Style,
}

impl Series {
    /// Every point the series touches (arrow tips included).
    pub fn points(&self) -> Vec<(f64, f64)> {
        let mut p: Vec<(f64, f64)> = self.x.iter().copied().zip(self.y.iter().copied()).collect();
        if let Shape::Arrows { u, v } = &self.shape {
            for k in 0..u.len().min(self.x.len()) {
                p.push((self.x[k] + u[k], self.y[k] + v[k]));
            }
        }
        p
    }
}

/// One figure: what `plot`, `title`, `axis`, ... build up.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figure {
    pub number: usize,
    pub series: Vec<Series>,
    pub title: String,
    pub xlabel: String,
    pub ylabel: String,
    /// `axis([xmin xmax ymin ymax])`.
    pub limits: Option<[f64; 4]>,
    /// `axis equal`: one unit is as long on both axes.
    pub equal: bool,
    pub grid: bool,
    pub hold: bool,
    /// Legend entries, series by series.
    pub legend: Vec<String>,
}

impl Figure {
    pub fn new(number: usize) -> Figure {
        Figure {
            number,
            ..Figure::default()
        }
    }

    /// Add a series, replacing the others unless `hold` is on.
    pub fn add(&mut self, s: Series) {
        if !self.hold {
            self.series.clear();
            self.legend.clear();
        }
        self.series.push(s);
    }

    /// The next colour of the cycle.
    pub fn next_color(&self) -> Color {
        CYCLE[self.series.len() % CYCLE.len()]
    }

    /// The data bounds `[xmin xmax ymin ymax]`, padded, never empty.
    pub fn data_bounds(&self) -> [f64; 4] {
        let mut b = [
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for s in &self.series {
            for (x, y) in s.points() {
                if x.is_finite() && y.is_finite() {
                    b[0] = b[0].min(x);
                    b[1] = b[1].max(x);
                    b[2] = b[2].min(y);
                    b[3] = b[3].max(y);
                }
            }
        }
        if !b[0].is_finite() {
            return [0.0, 1.0, 0.0, 1.0];
        }
        for k in [0, 2] {
            let span = b[k + 1] - b[k];
            if span <= 0.0 {
                let d = if b[k] == 0.0 { 1.0 } else { b[k].abs() * 0.1 };
                b[k] -= d;
                b[k + 1] += d;
            } else if k == 2
                || self.equal
                || self
                    .series
                    .iter()
                    .any(|s| matches!(s.shape, Shape::Arrows { .. }))
            {
                b[k] -= span * 0.05;
                b[k + 1] += span * 0.05;
            }
        }
        b
    }

    /// The visible window for a plot area of `w` x `h` square pixels: the
    /// explicit limits, else the data bounds, widened for `axis equal`.
    pub fn view(&self, w: f64, h: f64) -> [f64; 4] {
        let mut b = self.limits.unwrap_or_else(|| self.data_bounds());
        if self.equal && w > 0.0 && h > 0.0 {
            let (sx, sy) = ((b[1] - b[0]) / w, (b[3] - b[2]) / h);
            if sx > sy {
                let c = (b[2] + b[3]) / 2.0;
                let half = sx * h / 2.0;
                b[2] = c - half;
                b[3] = c + half;
            } else {
                let c = (b[0] + b[1]) / 2.0;
                let half = sy * w / 2.0;
                b[0] = c - half;
                b[1] = c + half;
            }
        }
        b
    }
}

/// About `n` round tick values (1, 2, 5 times a power of ten) within `[a, b]`.
pub fn ticks(a: f64, b: f64, n: usize) -> Vec<f64> {
    // (NaN bounds fail the finiteness test.)
    if b <= a || !a.is_finite() || !b.is_finite() {
        return vec![];
    }
    let raw = (b - a) / n.max(1) as f64;
    let p = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p);
    let mut t = (a / step).ceil() * step;
    let mut out = Vec::new();
    while t <= b + step * 1e-9 {
        out.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    out
}

/// A tick label: short, no trailing zeros.
pub fn tick_label(t: f64) -> String {
    let s = format!("{:.4}", t);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// The figures of a session and which one is current.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub list: Vec<Figure>,
    pub current: Option<usize>,
    /// Changed since last shown.
    pub dirty: bool,
}

impl Figures {
    /// The current figure, created (as figure 1) when there is none.
    pub fn current(&mut self) -> &mut Figure {
        let k = match self.current {
            Some(k) => k,
            None => {
                let n = self.list.iter().map(|f| f.number).max().unwrap_or(0) + 1;
                self.list.push(Figure::new(n));
                self.list.len() - 1
            }
        };
        self.current = Some(k);
        &mut self.list[k]
    }
    /// The current figure, if any, for showing it.
    pub fn shown(&self) -> Option<&Figure> {
        self.current.map(|k| &self.list[k])
    }
    /// Make figure `n` current, creating it if needed (`figure(n)`), or a new one.
    pub fn select(&mut self, n: Option<usize>) -> usize {
        let n = n.unwrap_or_else(|| self.list.iter().map(|f| f.number).max().unwrap_or(0) + 1);
        let k = match self.list.iter().position(|f| f.number == n) {
            Some(k) => k,
            None => {
                self.list.push(Figure::new(n));
                self.list.len() - 1
            }
        };
        self.current = Some(k);
        n
    }
    /// Close the current figure, or all.
    pub fn close(&mut self, all: bool) {
        if all {
            self.list.clear();
        } else if let Some(k) = self.current {
            self.list.remove(k);
        }
        self.current = if self.list.is_empty() {
            None
        } else {
            Some(self.list.len() - 1)
        };
        self.dirty = false;
    }
}
