//! Number literals: exact fractions whenever they fit the exact budget,
//! doubles otherwise, with a warning when double precision cannot hold them.

use super::scalar::small_int_literal;
use super::*;
use crate::exact::Rat;
use ops::exact::MAX_EXACT_BITS;

/// Integer and decimal literals of any length are exact (`0.1` is 1/10,
/// `1e400` is 10^400) unless their fraction needs more than
/// [`MAX_EXACT_BITS`]; then they are doubles, and the second part is the
/// warning when that double is Inf, 0 or subnormal.
pub(super) fn number(s: &str, span: Span) -> Result<(Value, Option<String>)> {
    if let Some(n) = small_int_literal(s) {
        return Ok((Value::rat(Rat::from_i64(n)), None));
    }
    if least_bits(s) <= MAX_EXACT_BITS {
        if let Some(q) = Rat::from_decimal_str(s).filter(|q| q.bits() <= MAX_EXACT_BITS) {
            return Ok((Value::rat(q), None));
        }
    }
    let x = s
        .parse::<f64>()
        .map_err(|_| LaError::parse(format!("invalid number '{s}'"), span))?;
    Ok((Value::scalar(x), lost_warning(s, x)))
}

/// A lower bound on the bits of the literal's fraction in lowest terms,
/// from its digits and exponent alone: `1e999999999` is turned down
/// without building 10^999999999.
fn least_bits(s: &str) -> u64 {
    let (mantissa, exp) = match s.find(['e', 'E']) {
        // An exponent too long for i64 is beyond any budget either way.
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().unwrap_or(i64::MAX)),
        None => (s, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    let significant = digits.trim_start_matches('0');
    let core = significant.trim_end_matches('0');
    if core.is_empty() {
        return 0;
    }
    // The value is D * 10^e with D of `core.len()` digits, not a multiple of 10.
    let trailing = (significant.len() - core.len()) as i128;
    let e = i128::from(exp) - frac.len() as i128 + trailing;
    let bits = if e >= 0 {
        // The numerator is at least 10^(digits - 1 + e) > 8^(digits - 1 + e).
        3 * (core.len() as i128 - 1 + e)
    } else {
        // 10^-e over a common factor that is a power of 2 or of 5 (D is not
        // a multiple of 10) leaves a denominator of at least 2^-e.
        -e
    };
    u64::try_from(bits).unwrap_or(u64::MAX)
}

/// The warning for a literal whose double is not the number typed.
fn lost_warning(s: &str, x: f64) -> Option<String> {
    let nonzero = s
        .split(['e', 'E'])
        .next()
        .is_some_and(|m| m.bytes().any(|b| (b'1'..=b'9').contains(&b)));
    let what = if x.is_infinite() {
        "it is Inf (the largest double is about 1.8e308)"
    } else if x == 0.0 && nonzero {
        "it is 0 (the smallest double is about 4.9e-324)"
    } else if x.is_subnormal() {
        "it is a subnormal double with fewer than 16 significant digits (below 2.2e-308)"
    } else {
        return None;
    };
    Some(format!(
        "the number {s} needs more than {MAX_EXACT_BITS} bits as an exact fraction, \
         so it is a double, and double precision cannot hold it: {what}"
    ))
}

/// `b` times the imaginary unit: a Gaussian rational `bi` for exact `b`
/// (so `[1 2i; -2i 1]` stays exact), a complex float otherwise.
pub(super) fn imaginary(b: Value) -> Result<Value> {
    use crate::exact::Quad;
    Ok(match b {
        Value::Exact(m) => Value::quad(m.map(|x| Quad::new(Rat::zero(), x, -1))),
        other => Value::Complex(
            other
                .to_real("imaginary literal")?
                .map(|x| crate::linalg::C64::new(0.0, x))
                .into(),
        ),
    })
}
