//! Pictures: `plot`, `scatter`, `quiver`, `fplot` and the commands that
//! dress and save the current figure (`hold`, `title`, `axis`, `legend`,
//! `print`, ...). The chapter's figures are in `show`. They change the
//! session's figures (through `Ctx::figures`); the front end shows them.

use super::ctx::Ctx;
use super::{Args, Builtin, Topic, MANY};
use crate::error::{LaError, Result};
use crate::plot::{self, Figure, LineStyle, Marker, Series, Shape, Style};
use crate::value::Value;

macro_rules! entry {
    ($name:expr, $min:expr, $max:expr, $out:expr, $run:expr, $sig:expr, $sum:expr, $math:expr, $ex:expr, $rel:expr) => {
        builtin!(
            $name,
            $min,
            $max,
            $out,
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
        "plot", 1, MANY, 0, plot_fn,
        "plot(y), plot(x, y), plot(x, y, fmt), plot(x1, y1, fmt1, x2, y2, fmt2, ...)",
        concat!(
            "Draw lines through the points (x(k), y(k)) on the current figure (y against 1:n ",
            "when x is left out); a matrix y draws one line per column. fmt: colour r g b k m ",
            "c y, line - -- :, marker o x + * . (e.g. 'r--', 'ko')."
        ),
        &[],
        &[">> x = linspace(0, 2*pi, 50);", ">> plot(x, sin(x), 'r-', x, cos(x), 'b--');"],
        &["scatter", "quiver", "fplot", "hold", "print"]
    ),
    entry!(
        "scatter", 2, 3, 0, scatter_fn,
        "scatter(x, y), scatter(x, y, fmt)",
        "Mark the points (x(k), y(k)) without joining them (circles unless fmt names a marker).",
        &[],
        &[">> scatter([1 2 3], [2 1 3]);"],
        &["plot", "pca"]
    ),
    entry!(
        "quiver", 4, 5, 0, quiver_fn,
        "quiver(x, y, u, v), quiver(x, y, u, v, fmt)",
        concat!(
            "Arrows from (x(k), y(k)) to (x(k) + u(k), y(k) + v(k)), at their true length ",
            "(Octave rescales them; la never does): vectors as arrows."
        ),
        &["arrow k: tail (x_k, y_k), tip (x_k + u_k, y_k + v_k)"],
        &[">> quiver([0 0], [0 0], [1 0], [0 1]);"],
        &["plot", "showmap"]
    ),
    entry!(
        "fplot", 2, 3, 0, fplot_fn,
        "fplot(f, [a b]), fplot(f, [a b], fmt)",
        "Plot the function f at 201 points from a to b.",
        &[],
        &[">> fplot(@(x) x^2 - 1, [-2 2]);"],
        &["plot"]
    ),
    entry!(
        "hold", 0, 1, 0, hold_fn,
        "hold on, hold off, hold",
        "Keep the figure's series when plotting more (on), or replace them (off); hold alone toggles.",
        &[],
        &[">> hold on", ">> plot([1 2]); plot([2 1]);", ">> hold off"],
        &["plot", "clf"]
    ),
    entry!(
        "title", 1, 1, 0, title_fn,
        "title(text)",
        "Set the title of the current figure.",
        &[],
        &[">> plot([1 4 9]); title('squares');"],
        &["xlabel", "ylabel", "legend"]
    ),
    entry!(
        "xlabel", 1, 1, 0, xlabel_fn,
        "xlabel(text)",
        "Label the horizontal axis of the current figure.",
        &[],
        &[">> plot([1 4 9]); xlabel('n');"],
        &["ylabel", "title"]
    ),
    entry!(
        "ylabel", 1, 1, 0, ylabel_fn,
        "ylabel(text)",
        "Label the vertical axis of the current figure.",
        &[],
        &[">> plot([1 4 9]); ylabel('n^2');"],
        &["xlabel", "title"]
    ),
    entry!(
        "legend", 1, MANY, 0, legend_fn,
        "legend(label1, label2, ...), legend off",
        "Name the series of the current figure, in the order they were drawn.",
        &[],
        &[">> plot([1 2 3], [1 4 9], [1 2 3], [1 2 3]); legend('squares', 'identity');"],
        &["plot", "title"]
    ),
    entry!(
        "axis", 1, 1, 0, axis_fn,
        "axis([xmin xmax ymin ymax]), axis equal, axis auto",
        concat!(
            "Fix the window of the current figure, or make one unit equally long on both ",
            "axes (equal: circles look round), or go back to fitting the data (auto)."
        ),
        &[],
        &[">> plot([0 1], [0 1]); axis([-1 2 -1 2]);", ">> axis equal"],
        &["plot", "grid"]
    ),
    entry!(
        "grid", 0, 1, 0, grid_fn,
        "grid on, grid off, grid",
        "Draw grid lines at the ticks of the current figure (on), or not (off); grid alone toggles.",
        &[],
        &[">> plot([1 2 3]); grid on"],
        &["axis"]
    ),
    entry!(
        "figure", 0, 1, 1, figure_fn,
        "figure, figure(n), h = figure",
        "Start a new empty figure (or make figure n current); returns its number.",
        &[],
        &[">> h = figure", "h = 1"],
        &["clf", "close", "gcf"]
    ),
    entry!(
        "gcf", 0, 0, 1, gcf_fn,
        "h = gcf",
        "The number of the current figure (made when there is none).",
        &[],
        &[">> gcf", "ans = 1"],
        &["figure", "saveas"]
    ),
    entry!(
        "clf", 0, 0, 0, clf_fn,
        "clf",
        "Clear the current figure: no series, title, labels, limits or legend; hold off.",
        &[],
        &[">> plot([1 2]); clf"],
        &["close", "figure"]
    ),
    entry!(
        "close", 0, 1, 0, close_fn,
        "close, close all",
        "Close the current figure, or all of them.",
        &[],
        &[">> plot([1 2]); close all"],
        &["clf", "figure"]
    ),
    entry!(
        "print", 1, 2, 0, print_fn,
        "print('file.svg'), print -dsvg file.svg",
        concat!(
            "Write the current figure as an SVG file (640x480, no fonts needed; open it in ",
            "a browser or convert it to PNG with rsvg-convert). Only SVG is written."
        ),
        &[],
        &[">> plot([1 4 9]); print('/tmp/la-print-example.svg')"],
        &["saveas", "plot"]
    ),
    entry!(
        "saveas", 2, 2, 0, saveas_fn,
        "saveas(h, 'file.svg')",
        "Write figure h (e.g. gcf) as an SVG file, as print does.",
        &[],
        &[">> plot([1 4 9]); saveas(gcf, '/tmp/la-saveas-example.svg')"],
        &["print", "gcf"]
    ),
];

/// Argument `k` as a list of finite-or-not numbers (a vector, or a matrix read by columns).
fn numbers(a: &Args, k: usize) -> Result<(Vec<f64>, (usize, usize))> {
    let m = a.real(k)?;
    Ok((m.as_slice().to_vec(), m.shape()))
}

fn is_fmt(a: &Args, k: usize) -> bool {
    a.str(k).is_some()
}

fn style_of(
    a: &Args,
    k: Option<usize>,
    fig: &Figure,
    offset: usize,
    default_line: LineStyle,
    default_marker: Marker,
) -> Result<Style> {
    let (c, l, m) = match k {
        Some(k) => plot::parse_format(a.string(k)?)
            .map_err(|e| LaError::eval(format!("{}: {}: {}", a.name, a.position(k), e.message)))?,
        None => (None, None, None),
    };
    let line = match (l, m) {
        (Some(l), _) => l,
        (None, Some(_)) if k.is_some() => LineStyle::None,
        _ => default_line,
    };
    Ok(Style {
        color: c.unwrap_or(plot::CYCLE[(fig.series.len() + offset) % plot::CYCLE.len()]),
        line,
        marker: m.unwrap_or(default_marker),
    })
}

/// Start a drawing on the current figure: clear it unless hold is on.
fn begin(ctx: &mut dyn Ctx) {
    let f = ctx.figures();
    f.dirty = true;
    let fig = f.current();
    if !fig.hold {
        fig.series.clear();
        fig.legend.clear();
    }
}

fn plot_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    // Split the arguments into groups: y | x, y, each with an optional fmt.
    let mut groups: Vec<(Option<usize>, usize, Option<usize>)> = Vec::new();
    let mut k = 0;
    while k < a.len() {
        if is_fmt(&a, k) {
            return Err(a.wrong(k, "x or y data (a format string follows the data)"));
        }
        let two = k + 1 < a.len() && !is_fmt(&a, k + 1);
        let (x, y) = if two { (Some(k), k + 1) } else { (None, k) };
        k = y + 1;
        let fmt = if k < a.len() && is_fmt(&a, k) {
            k += 1;
            Some(k - 1)
        } else {
            None
        };
        groups.push((x, y, fmt));
    }
    let mut series = Vec::new();
    begin(ctx);
    for (x, y, fmt) in groups {
        let (yv, (r, c)) = numbers(&a, y)?;
        let cols: Vec<Vec<f64>> = if r == 1 || c == 1 {
            vec![yv]
        } else {
            yv.chunks(r).map(|s| s.to_vec()).collect()
        };
        let xv = match x {
            Some(x) => numbers(&a, x)?.0,
            None => (1..=cols[0].len()).map(|i| i as f64).collect(),
        };
        for col in cols {
            a.same_counts(&[("x", xv.len()), ("y", col.len())], "elements")?;
            let fig = ctx.figures().current();
            let style = style_of(&a, fmt, fig, series.len(), LineStyle::Solid, Marker::None)?;
            series.push(Series {
                x: xv.clone(),
                y: col,
                shape: Shape::Points,
                style,
            });
        }
    }
    let fig = ctx.figures().current();
    fig.series.extend(series);
    Ok(vec![])
}

fn scatter_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (x, _) = numbers(&a, 0)?;
    let (y, _) = numbers(&a, 1)?;
    a.same_counts(&[("x", x.len()), ("y", y.len())], "elements")?;
    let fmt = if a.len() > 2 { Some(2) } else { None };
    begin(ctx);
    let fig = ctx.figures().current();
    let mut style = style_of(&a, fmt, fig, 0, LineStyle::None, Marker::Circle)?;
    if style.line != LineStyle::None
        && fmt.is_some_and(|k| {
            !a.str(k).unwrap_or("").contains('-') && !a.str(k).unwrap_or("").contains(':')
        })
    {
        style.line = LineStyle::None;
    }
    if style.marker == Marker::None {
        style.marker = Marker::Circle;
    }
    fig.series.push(Series {
        x,
        y,
        shape: Shape::Points,
        style,
    });
    Ok(vec![])
}

fn quiver_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (x, _) = numbers(&a, 0)?;
    let (y, _) = numbers(&a, 1)?;
    let (u, _) = numbers(&a, 2)?;
    let (v, _) = numbers(&a, 3)?;
    let counts = [
        ("x", x.len()),
        ("y", y.len()),
        ("u", u.len()),
        ("v", v.len()),
    ];
    a.same_counts(&counts, "elements")?;
    let fmt = if a.len() > 4 { Some(4) } else { None };
    begin(ctx);
    let fig = ctx.figures().current();
    let mut style = style_of(&a, fmt, fig, 0, LineStyle::Solid, Marker::None)?;
    if style.line == LineStyle::None {
        style.line = LineStyle::Solid;
    }
    fig.series.push(Series {
        x,
        y,
        shape: Shape::Arrows { u, v },
        style,
    });
    Ok(vec![])
}

fn fplot_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let f = match a.val(0)? {
        Value::Func(f) => f.clone(),
        _ => return Err(a.wrong(0, "a function handle such as @(x) x.^2")),
    };
    let (r, _) = numbers(&a, 1)?;
    if r.len() != 2 || r[0] >= r[1] || !r[0].is_finite() || !r[1].is_finite() {
        return Err(a.wrong(1, "an interval [a b] with a < b"));
    }
    let fmt = if a.len() > 2 { Some(2) } else { None };
    let n = 201;
    let mut xs = Vec::with_capacity(n);
    let mut ys = Vec::with_capacity(n);
    for i in 0..n {
        let x = r[0] + (r[1] - r[0]) * i as f64 / (n - 1) as f64;
        let out = ctx.call(&f, vec![Value::scalar(x)], 1, a.span)?;
        let y = match out.first() {
            Some(v) if v.numel() == 1 && v.as_str().is_none() => {
                v.to_f64("fplot").unwrap_or(f64::NAN)
            }
            _ => {
                return Err(LaError::eval(
                    "fplot: the function must return one number for each x",
                ))
            }
        };
        xs.push(x);
        ys.push(y);
    }
    begin(ctx);
    let fig = ctx.figures().current();
    let style = style_of(&a, fmt, fig, 0, LineStyle::Solid, Marker::None)?;
    fig.series.push(Series {
        x: xs,
        y: ys,
        shape: Shape::Points,
        style,
    });
    Ok(vec![])
}

/// `on`/`off`, or a toggle when absent.
fn on_off(a: &Args, now: bool) -> Result<bool> {
    Ok(match a.option(0, &["on", "off"])? {
        Some("on") => true,
        Some(_) => false,
        None => !now,
    })
}

fn hold_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let now = ctx.figures().current().hold;
    let on = on_off(&a, now)?;
    ctx.figures().current().hold = on;
    Ok(vec![])
}

fn grid_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let now = ctx.figures().current().grid;
    let on = on_off(&a, now)?;
    let f = ctx.figures();
    f.current().grid = on;
    f.dirty = true;
    Ok(vec![])
}

fn set_text(
    ctx: &mut dyn Ctx,
    a: &Args,
    which: fn(&mut Figure) -> &mut String,
) -> Result<Vec<Value>> {
    let t = a.string(0)?.to_string();
    let f = ctx.figures();
    *which(f.current()) = t;
    f.dirty = true;
    Ok(vec![])
}

fn title_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    set_text(ctx, &a, |f| &mut f.title)
}
fn xlabel_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    set_text(ctx, &a, |f| &mut f.xlabel)
}
fn ylabel_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    set_text(ctx, &a, |f| &mut f.ylabel)
}

fn legend_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let mut labels = Vec::new();
    for k in 0..a.len() {
        labels.push(a.string(k)?.to_string());
    }
    if labels.len() == 1 && (labels[0] == "off" || labels[0] == "hide") {
        labels.clear();
    }
    let f = ctx.figures();
    f.current().legend = labels;
    f.dirty = true;
    Ok(vec![])
}

fn axis_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let f = ctx.figures();
    if let Some(s) = a.str(0) {
        match s.to_ascii_lowercase().as_str() {
            "equal" | "square" | "image" => f.current().equal = true,
            "auto" | "normal" | "tight" => {
                let fig = f.current();
                fig.equal = false;
                fig.limits = None;
            }
            _ => return Err(a.wrong(0, "[xmin xmax ymin ymax], 'equal' or 'auto'")),
        }
    } else {
        let (v, _) = numbers(&a, 0)?;
        if v.len() != 4 || !v.iter().all(|x| x.is_finite()) || !(v[0] < v[1] && v[2] < v[3]) {
            return Err(a.wrong(0, "[xmin xmax ymin ymax] with xmin < xmax and ymin < ymax"));
        }
        f.current().limits = Some([v[0], v[1], v[2], v[3]]);
    }
    f.dirty = true;
    Ok(vec![])
}

fn figure_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let n = match a.get(0) {
        Some(_) => {
            let n = a.usize(0)?;
            if n == 0 {
                return Err(a.wrong(0, "a positive figure number"));
            }
            Some(n)
        }
        None => None,
    };
    let n = ctx.figures().select(n);
    Ok(vec![Value::scalar(n as f64)])
}

fn gcf_fn(ctx: &mut dyn Ctx, _a: Args) -> Result<Vec<Value>> {
    let n = ctx.figures().current().number;
    Ok(vec![Value::scalar(n as f64)])
}

fn clf_fn(ctx: &mut dyn Ctx, _a: Args) -> Result<Vec<Value>> {
    let fig = ctx.figures().current();
    *fig = Figure::new(fig.number);
    ctx.figures().dirty = false;
    Ok(vec![])
}

fn close_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let all = a.option(0, &["all"])?.is_some();
    ctx.figures().close(all);
    Ok(vec![])
}

fn write_svg(name: &str, fig: &Figure, path: &str) -> Result<()> {
    let lower = path.to_ascii_lowercase();
    if !lower.ends_with(".svg") {
        return Err(LaError::eval(format!(
            "{name}: only SVG is written (a file name ending in .svg); convert it to PNG \
             with e.g. rsvg-convert -o fig.png fig.svg"
        )));
    }
    std::fs::write(path, plot::svg::render(fig))
        .map_err(|e| LaError::eval(format!("{name}: cannot write '{path}': {e}")))
}

fn print_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let mut file = None;
    for k in 0..a.len() {
        let Some(s) = a.str(k) else {
            return Err(LaError::eval(
                "print writes the current figure to a file (print -dsvg fig.svg); to show a value, write disp(x)",
            ));
        };
        if let Some(dev) = s.strip_prefix("-d") {
            if !dev.eq_ignore_ascii_case("svg") {
                return Err(LaError::eval(format!(
                    "print: only -dsvg is supported (not -d{dev})"
                )));
            }
        } else if file.is_none() {
            file = Some(s.to_string());
        } else {
            return Err(a.wrong(k, "a '-dsvg' device (the file name was already given)"));
        }
    }
    let Some(file) = file else {
        return Err(LaError::eval(
            "print: missing the file name, e.g. print -dsvg fig.svg",
        ));
    };
    let fig = ctx.figures().current().clone();
    write_svg("print", &fig, &file)?;
    Ok(vec![])
}

fn saveas_fn(ctx: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let h = a.usize(0)?;
    let file = a.string(1)?.to_string();
    let figs = ctx.figures();
    let Some(fig) = figs.list.iter().find(|f| f.number == h).cloned() else {
        return Err(LaError::eval(format!("saveas: there is no figure {h}")));
    };
    write_svg("saveas", &fig, &file)?;
    Ok(vec![])
}
