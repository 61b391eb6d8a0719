//! C-style printf templates (`%5.2f`, `%d`, `%s`, `%g`, escapes), expanded
//! over every element of the arguments as Octave does.

use super::super::Args;
use crate::error::{LaError, Result};
use crate::value::format;
use crate::value::Value;

/// The template of `printf`-like calls, starting at argument `first`.
pub(super) fn sprintf(a: &Args, first: usize) -> Result<String> {
    let fmt = a.string(first)?;
    format_values(fmt, &a.vals[first + 1..])
}

enum Item {
    Num(f64),
    Text(String),
}

/// Expand a C-style template over all argument elements, reusing it while any remain.
pub fn format_values(template: &str, args: &[Value]) -> Result<String> {
    let template = unescape(template);
    let mut items = Vec::new();
    for v in args {
        match v {
            Value::Str(s) => items.push(Item::Text(s.clone())),
            Value::Complex(m) if m.iter().any(|z| z.im != 0.0) => return Err(complex_refused()),
            Value::Complex(m) => items.extend(m.iter().map(|z| Item::Num(z.re))),
            Value::Quad(m) if !m.iter().all(crate::exact::Quad::is_real) => {
                return Err(complex_refused())
            }
            other => items.extend(other.to_real("printf")?.iter().map(|x| Item::Num(*x))),
        }
    }
    let mut out = String::new();
    let mut next = 0;
    loop {
        let consumed = expand(&template, &items, &mut next, &mut out)?;
        if next >= items.len() || consumed == 0 {
            break;
        }
    }
    Ok(out)
}

/// A template has no conversion for complex numbers: printing the real
/// parts alone would show a different number.
fn complex_refused() -> LaError {
    LaError::eval(
        "printf-style formats have no conversion for complex numbers: print the parts with \
         real(z) and imag(z) (printf('%g%+gi', real(z), imag(z))), or use num2str(z) or disp(z)",
    )
}

/// One pass over the template; returns how many items it consumed.
fn expand(t: &str, items: &[Item], next: &mut usize, out: &mut String) -> Result<usize> {
    let start = *next;
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'%') {
            out.push('%');
            i += 2;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && "-+ #0".contains(chars[j]) {
            j += 1;
        }
        let flags: String = chars[i + 1..j].iter().collect();
        let w0 = j;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        let width = chars[w0..j].iter().collect::<String>().parse().ok();
        let mut prec = None;
        if chars.get(j) == Some(&'.') {
            let p0 = j + 1;
            j += 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            prec = Some(chars[p0..j].iter().collect::<String>().parse().unwrap_or(0));
        }
        while j < chars.len() && "lh".contains(chars[j]) {
            j += 1;
        }
        let Some(&conv) = chars.get(j) else {
            out.extend(&chars[i..]);
            break;
        };
        if *next >= items.len() && !items.is_empty() {
            return Ok(*next - start);
        }
        let item = items.get(*next);
        *next += 1;
        let text = match (conv, item) {
            (_, None) => String::new(),
            ('s', Some(Item::Text(s))) => s.clone(),
            // A whole number under %s is a character code, as in Octave.
            ('s', Some(Item::Num(x))) => match char::from_u32(*x as u32) {
                Some(ch) if x.fract() == 0.0 && *x >= 0.0 => ch.to_string(),
                _ => format::short_number(*x).trim().to_string(),
            },
            ('c', Some(Item::Num(x))) => char::from_u32(*x as u32)
                .map(String::from)
                .unwrap_or_default(),
            (_, Some(Item::Text(s))) => s.clone(),
            (c, Some(Item::Num(x))) => c_format(c, *x, None, prec, &flags),
        };
        out.push_str(&pad(&text, width, &flags));
        i = j + 1;
    }
    Ok(*next - start)
}

/// Widest printf field honoured; a larger width would only exhaust memory.
const MAX_WIDTH: usize = 100_000;

fn pad(s: &str, width: Option<usize>, flags: &str) -> String {
    let w = width.unwrap_or(0).min(MAX_WIDTH);
    let n = s.chars().count();
    if n >= w {
        return s.to_string();
    }
    if flags.contains('-') {
        format!("{s}{}", " ".repeat(w - n))
    } else if flags.contains('0')
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '-')
    {
        let (sign, digits) = s.strip_prefix('-').map_or(("", s), |d| ("-", d));
        format!("{sign}{}{digits}", "0".repeat(w - n))
    } else {
        format!("{}{s}", " ".repeat(w - n))
    }
}

/// Most digits printed after the point by printf-style conversions.
const MAX_PRECISION: usize = 100;

/// Format one number for conversion `c` as C's printf would.
pub fn c_format(
    c: char,
    x: f64,
    _width: Option<usize>,
    prec: Option<usize>,
    flags: &str,
) -> String {
    // Digits beyond what a double holds are noise; the cap also keeps Rust's formatter in range.
    let prec = prec.map(|p| p.min(MAX_PRECISION));
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Inf".into() } else { "-Inf".into() };
    }
    let plus = if flags.contains('+') && x >= 0.0 {
        "+"
    } else {
        ""
    };
    let body = match c {
        'd' | 'i' | 'u' if x.fract() == 0.0 => format!("{x:.0}"),
        // Octave prints a non-integer under %d as %g would.
        'd' | 'i' | 'u' => general(x, prec.unwrap_or(6).max(1)),
        'f' | 'F' => format!("{:.*}", prec.unwrap_or(6), x),
        'e' | 'E' => exp_c(x, prec.unwrap_or(6), c == 'E'),
        'x' => format!("{:x}", x as i64),
        'o' => format!("{:o}", x as i64),
        _ => general(x, prec.unwrap_or(6).max(1)),
    };
    format!("{plus}{body}")
}

fn exp_c(x: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let (sign, d) = e.strip_prefix('-').map_or(("+", e), |d| ("-", d));
    let r = format!("{m}e{sign}{d:0>2}");
    if upper {
        r.to_uppercase()
    } else {
        r
    }
}

/// `%g`: shortest of %e and %f at `p` significant digits, trailing zeros removed.
fn general(x: f64, p: usize) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let exp = x.abs().log10().floor() as i32;
    let s = if exp < -4 || exp >= p as i32 {
        let s = exp_c(x, p - 1, false);
        let (m, e) = s.split_once('e').unwrap_or((&s, ""));
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.')
        } else {
            m
        };
        format!("{m}e{e}")
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let s = format!("{x:.decimals$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    s
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('r') => out.push('\r'),
            Some('a') => out.push('\x07'),
            Some('"') => out.push('"'),
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}
