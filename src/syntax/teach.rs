//! Parse errors that teach: characters pasted from PDFs, NumPy and Python
//! habits, and common Octave slips are named with the `la` spelling.
//!
//! Everything here works on byte offsets into the original source, so the
//! caret of an error always points at the text the student typed.

use crate::error::{LaError, Span};

/// NumPy names (after `np.` / `np.linalg.`) and their `la` spelling. Every
/// right-hand side that is a bare name is a built-in (a unit test in
/// `builtins` checks it), so a hint never names a function that does not exist.
pub const NUMPY_NAMES: &[(&str, &str)] = &[
    ("inv", "inv"),
    ("det", "det"),
    ("dot", "dot"),
    ("array", "array"),
    ("transpose", "transpose"),
    ("zeros", "zeros"),
    ("ones", "ones"),
    ("eye", "eye"),
    ("identity", "eye"),
    ("eig", "eig"),
    ("eigvals", "eig"),
    ("norm", "norm"),
    ("matrix_rank", "rank"),
    ("pinv", "pinv"),
    ("svd", "svd"),
    ("qr", "qr"),
    ("cholesky", "chol"),
    ("trace", "trace"),
    ("cross", "cross"),
    ("sqrt", "sqrt"),
    ("exp", "exp"),
    ("log", "log"),
    ("sum", "sum"),
    ("mean", "mean"),
    ("linspace", "linspace"),
    ("reshape", "reshape"),
    ("kron", "kron"),
    ("abs", "abs"),
    ("max", "max"),
    ("min", "min"),
    ("unique", "unique"),
    ("round", "round"),
    ("diag", "diag"),
    ("solve", "A\\b"),
    ("lstsq", "A\\b"),
    ("matmul", "A*B"),
    ("arange", "a:step:b"),
];

/// A parse error with the `parse error:` prefix every parse message carries.
pub fn parse_error(msg: impl std::fmt::Display, span: Span) -> LaError {
    LaError::parse(format!("parse error: {msg}"), span)
}

/// The NumPy name's `la` spelling, if `la` has one.
pub fn numpy_name(name: &str) -> Option<&'static str> {
    NUMPY_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, l)| *l)
}

/// What to say about a character that is not part of `la`'s syntax.
fn char_advice(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2019}' | '\u{2018}' => {
            "is a typographic quote; write ' for a transpose (A') or around a string ('text')"
        }
        '\u{201C}' | '\u{201D}' => "is a typographic quote; write \" around a string",
        '\u{00D7}' | '\u{00B7}' | '\u{22C5}' | '\u{2217}' => {
            "is not an operator; write * for a product"
        }
        '\u{00F7}' | '\u{2215}' => "is not an operator; write / for a division",
        '\u{2264}' => "is not an operator; write <= for less than or equal",
        '\u{2265}' => "is not an operator; write >= for greater than or equal",
        '\u{2260}' => "is not an operator; write ~= (or !=) for not equal",
        '\u{221A}' => "is not an operator; write sqrt(x) for a square root",
        '\u{00B2}' => "is not an operator; write ^2 for a square",
        '\u{00B3}' => "is not an operator; write ^3 for a cube",
        '\u{2014}' => "is a dash, not a minus; write - for a subtraction",
        '\u{03BB}' => {
            "cannot be part of a name (names use the letters a-z, A-Z, digits and _); write lambda"
        }
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' => {
            "is an invisible zero-width character (pasted text often carries one); delete it"
        }
        _ => return None,
    })
}

/// The characters of `src` outside strings and comments, with their byte
/// offsets. A quote after a value (`A'`) is a transpose, otherwise it opens
/// a string, as in the grammar.
fn code_chars(src: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut prev = ' ';
    let mut chars = src.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (i, c) = chars.next()?;
        match c {
            '%' | '#' => {
                while chars.next_if(|&(_, d)| d != '\n').is_some() {}
                prev = ' ';
            }
            '"' | '\'' if c == '"' || !(prev.is_ascii_alphanumeric() || "_)]'.".contains(prev)) => {
                while let Some((_, d)) = chars.next_if(|&(_, d)| d != '\n') {
                    if d == '\\' && c == '"' {
                        chars.next_if(|&(_, d)| d != '\n');
                    } else if d == c && chars.next_if(|&(_, e)| e == c).is_none() {
                        break;
                    }
                }
                prev = c;
            }
            _ => {
                if !c.is_whitespace() {
                    prev = c;
                }
                return Some((i, c));
            }
        }
    })
}

/// The first character outside strings and comments that `la` does not
/// accept but can name, as an error pointing at it.
pub fn check_characters(src: &str) -> Result<(), LaError> {
    for (i, c) in code_chars(src) {
        if let Some(advice) = char_advice(c) {
            return Err(parse_error(
                format_args!("'{c}' (U+{:04X}) {advice}", c as u32),
                Span::new(i, i + c.len_utf8()),
            ));
        }
    }
    Ok(())
}

/// NumPy's printed output, pasted back: `np.array(` and `numpy.array(`
/// become `array(`, a scalar type call `np.float64(3.0)` becomes `(3.0)`, and
/// a trailing `, dtype=float64` is dropped. Replaced text becomes spaces, so
/// every offset stays where it was; `None` when nothing is to be replaced.
pub fn accept_numpy_array(src: &str) -> Option<String> {
    const TYPES: [&str; 10] = [
        "float64",
        "float32",
        "float16",
        "int64",
        "int32",
        "int16",
        "int8",
        "uint8",
        "complex128",
        "bool_",
    ];
    if !src.contains(".array(")
        && !src.contains("dtype")
        && !src.contains(".float")
        && !src.contains(".int")
    {
        return None;
    }
    let bytes = src.as_bytes();
    let mut out = src.to_string();
    let mut blank = |from: usize, to: usize| out.replace_range(from..to, &" ".repeat(to - from));
    let mut skip_to = 0;
    for (at, _) in code_chars(src) {
        if at < skip_to || (at > 0 && is_ident(bytes[at - 1])) {
            continue;
        }
        let rest = &src[at..];
        if let Some(p) = ["numpy.", "np."].into_iter().find(|p| rest.starts_with(p)) {
            let name = word_at(&rest[p.len()..]);
            let called = rest[p.len() + name.len()..].starts_with('(');
            if called && name == "array" {
                blank(at, at + p.len());
            } else if called && TYPES.contains(&name) {
                blank(at, at + p.len() + name.len());
            }
            skip_to = at + p.len() + name.len();
        } else if let Some(after) = rest.strip_prefix("dtype") {
            // `, dtype = np.float64` at the end of a call: drop it with its comma.
            let eq = after.trim_start();
            let Some(ty) = eq.strip_prefix('=') else {
                continue;
            };
            let ty = ty.trim_start();
            let ty_at = src.len() - ty.len();
            let name_len = ty.bytes().take_while(|&b| is_ident(b) || b == b'.').count();
            let comma = src[..at].trim_end();
            if name_len > 0 && comma.ends_with(',') {
                blank(comma.len() - 1, ty_at + name_len);
                skip_to = ty_at + name_len;
            }
        }
    }
    (out != src).then_some(out)
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The value of Octave's `0x1F` or `0b101`, read as the number `0` and
/// the name after it, when it is one.
fn radix_literal(num: &str, name: &str) -> Option<u128> {
    if num != "0" {
        return None;
    }
    let (radix, digits) = match name.split_at_checked(1)? {
        ("x" | "X", d) => (16, d),
        ("b" | "B", d) => (2, d),
        _ => return None,
    };
    u128::from_str_radix(digits, radix).ok()
}

/// The operand that ends `s`: a name (dots allowed, as in `np.array`) with
/// its bracketed arguments, a bracketed expression, then any transpose
/// quotes: `(A + 1)'`, `np.array([[1, 2]])`. `None` when it is not one.
fn operand_before(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut i = s.trim_end_matches(['\'', ' ']).len();
    if i > 0 && b")]}".contains(&b[i - 1]) {
        let mut depth = 0;
        loop {
            i = i.checked_sub(1)?;
            match b[i] {
                b')' | b']' | b'}' => depth += 1,
                b'(' | b'[' | b'{' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
        }
    }
    while i > 0 && (is_ident(b[i - 1]) || b[i - 1] == b'.') {
        i -= 1;
    }
    let op = &s[i..];
    (!op.trim_end_matches('\'').is_empty()).then_some(op)
}

/// The operand that starts `s`: a name with its bracketed arguments, or a
/// bracketed expression, with any transpose quotes after it.
fn operand_at(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut i = b.iter().take_while(|&&c| is_ident(c) || c == b'.').count();
    if i < b.len() && b"([{".contains(&b[i]) {
        let mut depth = 0;
        loop {
            match b.get(i)? {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                _ => {}
            }
            i += 1;
            if depth == 0 {
                break;
            }
        }
    }
    i += b[i..].iter().take_while(|&&c| c == b'\'').count();
    (i > 0).then_some(&s[..i])
}

/// The identifier that ends at byte `end` of `s`.
fn word_before(s: &str, end: usize) -> &str {
    let b = s.as_bytes();
    let mut i = end;
    while i > 0 && is_ident(b[i - 1]) {
        i -= 1;
    }
    &s[i..end]
}

fn word_at(s: &str) -> &str {
    let n = s.bytes().take_while(|&b| is_ident(b)).count();
    &s[..n]
}

/// A teaching message for a parse error at byte `pos` of `src`, when the
/// text around it shows a known habit.
pub fn explain(src: &str, pos: usize) -> Option<LaError> {
    let pos = pos.min(src.len());
    let line_start = src[..pos].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
    let rest = &src[pos..line_end];
    let err = |msg: String, start: usize, len: usize| {
        Some(parse_error(msg, Span::new(start, start + len.max(1))))
    };
    // The statement around `pos`: from the last `;` or `,` outside brackets.
    let mut stmt_start = line_start;
    let mut depth = 0i32;
    for (k, b) in src[line_start..pos].bytes().enumerate() {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b';' | b',' if depth <= 0 => stmt_start = line_start + k + 1,
            _ => {}
        }
    }
    let line_start = stmt_start;
    let line = &src[line_start..line_end];
    let t = line.trim_start();
    let indent = line.len() - t.len();

    // `import numpy as np`, `from numpy import *`
    if t.starts_with("import ") || (t.starts_with("from ") && t.contains(" import ")) {
        let w = word_at(t).len();
        return err(
            "la needs no imports: its functions are always available (np.inv(A) is inv(A))".into(),
            line_start + indent,
            w,
        );
    }
    // `if x = 2`
    for kw in ["if ", "elseif ", "while "] {
        if let Some(cond) = t.strip_prefix(kw) {
            let b = cond.as_bytes();
            for k in 0..b.len() {
                let single = b[k] == b'='
                    && (k == 0 || !b"=<>~!".contains(&b[k - 1]))
                    && b.get(k + 1) != Some(&b'=');
                if single {
                    let at = line_start + indent + kw.len() + k;
                    let lhs = cond[..k].trim();
                    let rhs = cond[k + 1..].trim();
                    let rhs = rhs.split([',', ';']).next().unwrap_or(rhs).trim();
                    return err(
                        format!("'=' assigns; use == to compare: {}{lhs} == {rhs}", kw),
                        at,
                        1,
                    );
                }
            }
        }
    }
    let before = &src[line_start..pos];
    // `2A`: a number directly followed by a name.
    {
        let b = src.as_bytes();
        let mut s = pos;
        while s > line_start && (b[s - 1].is_ascii_digit() || b[s - 1] == b'.') {
            s -= 1;
        }
        let starts_number = s == line_start || !is_ident(b[s - 1]);
        let mut e = s;
        while e < line_end && (b[e].is_ascii_digit() || b[e] == b'.') {
            e += 1;
        }
        if starts_number && e > s && e < line_end && (b[e].is_ascii_alphabetic() || b[e] == b'_') {
            let name = word_at(&src[e..line_end]);
            let num = &src[s..e];
            if let Some(value) = radix_literal(num, name) {
                return err(
                    format!("la has no hexadecimal or binary literals: write {value} for 0{name}"),
                    s,
                    name.len() + 1,
                );
            }
            return err(
                format!("missing operator: write {num}*{name} for a product"),
                e,
                name.len(),
            );
        }
    }
    // `x.T`, `A.shape`, `np.linalg.inv(A)`
    if let Some(after) = rest.strip_prefix('.') {
        let attr = word_at(after);
        let obj = word_before(src, pos);
        if obj == "np" || obj == "numpy" {
            let mut path = vec![attr];
            let mut tail = &after[attr.len()..];
            while let Some(t) = tail.strip_prefix('.') {
                let w = word_at(t);
                path.push(w);
                tail = &t[w.len()..];
            }
            let name = *path.last().unwrap_or(&"");
            let full = format!("{obj}.{}", path.join("."));
            let args = tail
                .strip_prefix('(')
                .and_then(|a| a.rfind(')').map(|k| &a[..k]))
                .unwrap_or("...");
            let start = pos - obj.len();
            let len = full.len();
            return match numpy_name(name) {
                Some(l) if l.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => err(
                    format!("la needs no '{obj}.' prefix: write {l}({args}) for {full}"),
                    start,
                    len,
                ),
                Some(l) => err(format!("{full} in la is written {l}"), start, len),
                None => err(
                    format!("la has no '{obj}.' functions; try `help {name}` or `lookfor {name}`"),
                    start,
                    len,
                ),
            };
        }
        if !obj.is_empty() {
            let msg = attribute_hint(obj, attr).or_else(|| {
                (!attr.is_empty()).then(|| {
                    format!("la values have no attributes like '.{attr}'; call a function instead, as in f({obj})")
                })
            });
            if let Some(m) = msg {
                return err(m, pos, attr.len() + 1);
            }
        }
    }
    // `A @ B`
    if rest.starts_with('@') && !before.trim_end().is_empty() {
        let operands = operand_before(before.trim_end()).zip(operand_at(rest[1..].trim_start()));
        let (lhs, rhs) = operands.unwrap_or(("A", "B"));
        return err(
            format!(
                "'@' is NumPy's matrix product; in la * multiplies matrices: write {lhs}*{rhs}"
            ),
            pos,
            1,
        );
    }
    // `A[0][1]`, `A[0, 1]`, `A[:, 0]`
    if rest.starts_with('[') {
        let obj = word_before(src, pos);
        if !obj.is_empty() && !obj.as_bytes()[0].is_ascii_digit() {
            let mut idx: Vec<String> = Vec::new();
            let mut tail = rest;
            while let Some(t) = tail.strip_prefix('[') {
                let Some(k) = t.find(']') else { break };
                idx.extend(t[..k].split(',').map(|s| {
                    let s = s.trim();
                    match s.parse::<i64>() {
                        Ok(n) if n >= 0 => (n + 1).to_string(),
                        _ if s == ":" => ":".into(),
                        _ => format!("({s})+1"),
                    }
                }));
                tail = &t[k + 1..];
            }
            let shown = if idx.is_empty() {
                "i, j".to_string()
            } else {
                idx.join(", ")
            };
            return err(
                format!("la indexes from 1, with parentheses: write {obj}({shown})"),
                pos,
                1,
            );
        }
    }
    // `inv A`: a name, a space, then another value.
    let stmt = before.trim_start();
    let first = word_at(stmt);
    if !first.is_empty()
        && !first.as_bytes()[0].is_ascii_digit()
        && stmt[first.len()..].trim().is_empty()
        && stmt.len() > first.len()
    {
        let arg: String = rest
            .chars()
            .take_while(|c| !matches!(c, ';' | ',' | '%' | '#'))
            .collect();
        let arg = arg.trim_end();
        if arg.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            return err(
                format!(
                    "missing parentheses: to call a function, write {first}({arg}); between two values, put an operator"
                ),
                pos,
                word_at(rest).len(),
            );
        }
    }
    None
}

/// What to write instead of NumPy's attribute `obj.attr` (`A.T`,
/// `A.shape`), for a value that is no structure; `None` for an empty name.
pub fn attribute_hint(obj: &str, attr: &str) -> Option<String> {
    match attr {
        "T" => Some(format!(
            "'.T' is NumPy's transpose; in la write {obj}' (or {obj}.' without conjugation)"
        )),
        "shape" => Some(format!("'.shape' is NumPy's; in la write size({obj})")),
        "size" => Some(format!("'.size' is NumPy's; in la write numel({obj})")),
        "ndim" => Some("'.ndim' is NumPy's; la values are matrices (2 dimensions)".into()),
        "dot" => Some(format!(
            "'.dot' is NumPy's; in la write {obj}*B for a product"
        )),
        _ => None,
    }
}

/// A NumPy-prefixed name in code (`np.linalg.inv(A)`), which parses as a
/// field of a structure `np`: explained as the la function to call.
pub fn numpy_prefix(src: &str) -> Option<LaError> {
    let bytes = src.as_bytes();
    code_chars(src)
        .filter(|&(k, _)| k == 0 || !is_ident(bytes[k - 1]))
        .find(|&(k, _)| src[k..].starts_with("np.") || src[k..].starts_with("numpy."))
        .and_then(|(k, _)| {
            let dot = k + src[k..].find('.')?;
            explain(src, dot)
        })
}

pub fn unmatched_closer(src: &str) -> Option<(usize, char)> {
    let mut depth = 0usize;
    for (i, c) in code_chars(src) {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return Some((i, c)),
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    None
}
