//! How the numbers of one matrix are written, chosen from all of them at
//! once as Octave's `format short`/`long` do: integers, fixed point with a
//! shared number of decimals, or e-notation, and the field widths.

use crate::linalg::C64;

/// How numbers are written. `Default`: floats as `format short`, exact
/// values as short fractions or decimals (the rule is in [`readable`]).
/// `Short`/`Long`: everything in decimals. `Rat`: exact values as full
/// fractions, floats as close ones. `ShortE`/`LongE`: always e-notation;
/// `ShortG`/`LongG`: each entry in the shorter of fixed and e-notation (C's
/// `%g`); `Bank`: two decimals. As Octave's `format` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Numbers {
    #[default]
    Default,
    Short,
    Long,
    Rat,
    ShortE,
    LongE,
    ShortG,
    LongG,
    Bank,
}

/// The display settings `format` chooses: the numbers, and `compact` (no
/// blank line after `x =`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Format {
    pub numbers: Numbers,
    pub compact: bool,
}

impl Format {
    pub const fn of(numbers: Numbers) -> Format {
        Format {
            numbers,
            compact: false,
        }
    }
    pub(super) fn precision(self) -> i32 {
        match self.numbers {
            Numbers::Long | Numbers::LongE | Numbers::LongG => 16,
            _ => 5,
        }
    }
    pub(super) fn fractions(self) -> bool {
        matches!(self.numbers, Numbers::Default | Numbers::Rat)
    }
}

/// How every entry of one matrix is printed, chosen from all of them at once.
#[derive(Debug, Clone, Copy)]
pub(super) enum NumFmt {
    Int {
        width: usize,
    },
    Fixed {
        width: usize,
        decimals: usize,
    },
    Exp {
        decimals: usize,
    },
    /// `%g` with `prec` significant digits, right-aligned in `width`.
    General {
        width: usize,
        prec: usize,
    },
}

fn digits(x: f64) -> i32 {
    if x == 0.0 {
        0
    } else {
        x.abs().log10().floor() as i32 + 1
    }
}

/// Octave's rule: digits left and right of the point for one magnitude.
fn ld_rd(x: f64, prec: i32) -> (i32, i32) {
    let d = digits(x);
    if d > 0 {
        (d, if prec > d { prec - d } else { prec })
    } else if d < 0 {
        (1, if prec > d { prec - d } else { prec })
    } else {
        (1, if prec > 1 { prec - 1 } else { prec })
    }
}

/// The smallest nonzero finite magnitude (Inf when there is none): zeros do
/// not count, so a tiny entry beside a zero keeps its digits visible.
fn nonzero_min(values: impl Iterator<Item = f64>) -> f64 {
    values
        .filter(|x| x.is_finite() && *x != 0.0)
        .fold(f64::INFINITY, |m, x| m.min(x.abs()))
}

/// Most digits, left and right of the point together, before Octave
/// switches to e-notation: 1.5 times the precision, at most 16.
fn digit_limit(fmt: Format) -> i32 {
    match fmt.numbers {
        Numbers::Long => 16,
        _ => 7,
    }
}

/// The format of a real matrix (a scalar is a 1x1 one).
pub(super) fn choose(values: &[f64], fmt: Format) -> NumFmt {
    choose_with_min(
        values,
        nonzero_min(values.iter().copied()),
        fmt,
        values.len() == 1,
    )
}

/// The format of a complex scalar, as Octave chooses it: from the digits
/// of both parts, a zero part counting as a number below 1 (so
/// `100.5 + 0i` keeps four decimals), with a scalar's longer integers.
pub(super) fn choose_complex_scalar(z: C64, fmt: Format) -> NumFmt {
    let min = [z.re, z.im]
        .iter()
        .filter(|x| x.is_finite())
        .fold(f64::INFINITY, |m, x| m.min(x.abs()));
    choose_with_min(&[z.re, z.im], min, fmt, true)
}

/// The format of a complex matrix: as Octave, the parts share one format,
/// and the smallest magnitude that sets the decimals is the larger of the
/// real parts' and the imaginary parts' smallest (a part that is all zero
/// has none), so `[1+1i; 1e-5i]` stays in fixed point.
pub(super) fn choose_complex(values: &[C64], fmt: Format) -> NumFmt {
    let min_re = nonzero_min(values.iter().map(|z| z.re));
    let min_im = nonzero_min(values.iter().map(|z| z.im));
    let min = match (min_re.is_finite(), min_im.is_finite()) {
        (true, true) => min_re.max(min_im),
        _ => min_re.min(min_im),
    };
    let parts: Vec<f64> = values.iter().flat_map(|z| [z.re, z.im]).collect();
    choose_with_min(&parts, min, fmt, false)
}

fn choose_with_min(values: &[f64], min_abs: f64, fmt: Format, scalar: bool) -> NumFmt {
    let finite: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    let max_abs = finite.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    let prec = fmt.precision();
    match fmt.numbers {
        Numbers::ShortE | Numbers::LongE => {
            return NumFmt::Exp {
                decimals: (prec - 1) as usize,
            }
        }
        // Octave's columns: 13 characters in short g, 24 in long g.
        Numbers::ShortG | Numbers::LongG => {
            return NumFmt::General {
                width: prec as usize + 6,
                prec: prec as usize,
            }
        }
        Numbers::Bank => {
            return NumFmt::Fixed {
                width: digits(max_abs).max(1) as usize + 4,
                decimals: 2,
            }
        }
        _ => {}
    }
    let has_special = finite.len() < values.len();
    // Integer layout only when every entry is an integer: a tiny nonzero
    // entry (round-off included) must stay visible, as in Octave.
    if finite.iter().all(|x| x.fract() == 0.0) {
        // Octave prints integers in full up to 6 digits in a matrix, 7 for a
        // scalar (15 and 16 in format long), and switches to e-notation beyond.
        if digits(max_abs) < digit_limit(fmt) + i32::from(scalar) {
            let w = digits(max_abs).max(1) as usize + 1;
            return NumFmt::Int {
                width: if has_special { w.max(4) } else { w },
            };
        }
        return NumFmt::Exp {
            decimals: (prec - 1) as usize,
        };
    }
    let (ld_max, rd_max) = ld_rd(max_abs, prec);
    let (ld_min, rd_min) = ld_rd(min_abs, prec);
    let (ld, rd) = (ld_max.max(ld_min), rd_max.max(rd_min).max(1));
    if ld + rd > digit_limit(fmt) {
        NumFmt::Exp {
            decimals: (prec - 1) as usize,
        }
    } else {
        NumFmt::Fixed {
            width: (1 + ld + 1 + rd) as usize,
            decimals: rd as usize,
        }
    }
}

pub(super) fn special(x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("NaN")
    } else if x == f64::INFINITY {
        Some("Inf")
    } else if x == f64::NEG_INFINITY {
        Some("-Inf")
    } else {
        None
    }
}

pub(super) fn exp_string(x: f64, decimals: usize) -> String {
    let s = format!("{:.*e}", decimals, x);
    // Rust writes `1.5e3`; Octave writes `1.5000e+03`.
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = e.strip_prefix('-').map_or(("+", e), |d| ("-", d));
            format!("{m}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

/// C's `%.{prec}g`: e-notation when the exponent is below -5 or at least
/// `prec`, otherwise fixed; trailing zeros dropped either way.
pub(super) fn general_string(x: f64, prec: usize) -> String {
    let e = exp_string(x, prec.saturating_sub(1));
    let (mantissa, exp) = e.split_once('e').unwrap_or((&e, "+00"));
    let p: i32 = exp.parse().unwrap_or(0);
    let trim = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if p < -5 || p >= prec as i32 {
        format!("{}e{exp}", trim(mantissa))
    } else {
        let decimals = (prec as i32 - 1 - p).max(0) as usize;
        trim(&format!("{x:.decimals$}"))
    }
}

pub(super) fn entry(x: f64, f: NumFmt) -> String {
    if let Some(s) = special(x) {
        return s.to_string();
    }
    if x == 0.0 {
        return "0".to_string();
    }
    match f {
        // Integer formatting is several times faster than `{:.0}` on a float,
        // which matters when a million-entry range is displayed.
        NumFmt::Int { .. } if x.fract() == 0.0 && x.abs() < 1e15 => (x as i64).to_string(),
        NumFmt::Int { .. } => format!("{x:.0}"),
        NumFmt::Fixed { decimals, .. } => format!("{x:.decimals$}"),
        NumFmt::Exp { decimals } => exp_string(x, decimals),
        NumFmt::General { prec, .. } => general_string(x, prec),
    }
}

/// True when `f` is e-notation and every exponent has two digits, so every
/// cell is exactly as wide as [`width_of`] says and formatting them all
/// just to measure (slow for a huge matrix) can be skipped.
pub(super) fn two_digit_exponents(f: NumFmt, values: &[f64]) -> bool {
    matches!(f, NumFmt::Exp { .. })
        && values
            .iter()
            .all(|x| !x.is_finite() || *x == 0.0 || (1e-99..1e99).contains(&x.abs()))
}

pub(super) fn width_of(f: NumFmt) -> usize {
    match f {
        NumFmt::Int { width } | NumFmt::Fixed { width, .. } => width,
        NumFmt::Exp { decimals } => decimals + 7,
        NumFmt::General { width, .. } => width,
    }
}
