//! The registry of built-in functions. Each entry holds everything about one
//! function: name, arity, help text (what it computes, the math, an example)
//! and implementation. `help`, tab completion and the docs all read it.
//! Commands (`save`, `format`, ...) are entries too (`commands`). Built-ins
//! reach the interpreter only through the narrow traits in `ctx`.
//! May use: ops, value, plot, linalg, exact, syntax, error — never eval or shell.

/// One registry entry from its fields in a fixed order; the families' own
/// macros (`entry!`, `type_test!`, ...) fill in what their entries share.
/// The rest is [`Builtin::DEFAULTS`]: their entries are quick.
macro_rules! builtin {
    ($name:expr, $min:expr, $max:expr, $out:expr, $topic:expr, $sig:expr, $sum:expr,
     $math:expr, $ex:expr, $rel:expr, $run:expr) => {
        $crate::builtins::Builtin {
            name: $name,
            min_args: $min,
            max_args: $max,
            max_out: $out,
            doc: $crate::builtins::Doc {
                topic: $topic,
                signature: $sig,
                summary: $sum,
                math: $math,
                example: $ex,
                related: $rel,
            },
            run: $run,
            ..$crate::builtins::Builtin::DEFAULTS
        }
    };
}

pub mod check;
pub mod commands;
pub mod help;
pub mod operators;

use crate::error::{LaError, Result};
use crate::linalg::{CMat, RMat};
use crate::syntax::ast::Span;
use crate::value::{BMat, Value};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

mod calculus;
mod cells;
mod construct;
pub mod ctx;
mod elementwise;
mod figures;
pub mod homework;
mod info;
mod io;
mod lang;
mod limits;
mod linalg;
mod linspace;
mod logical;
mod nthroot;
mod quad_linalg;
mod reduce;
mod regression;
mod shape;
mod show;
mod spaces;
mod stats;
mod strings;
mod structs;

/// Help topics, in the order `help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Topic {
    Basics,
    Operators,
    Construct,
    Elementwise,
    Reductions,
    Products,
    Norms,
    Special,
    Solving,
    Decompositions,
    Eigen,
    Definiteness,
    LeastSquares,
    Calculus,
    Plots,
    Output,
    Commands,
}

impl Topic {
    pub fn title(self) -> &'static str {
        match self {
            Topic::Basics => "basics",
            Topic::Operators => "operators (help \\, help ', help .*, ...)",
            Topic::Construct => "building matrices",
            Topic::Elementwise => "element-wise math",
            Topic::Reductions => "sums, extremes, sorting",
            Topic::Products => "products, trace, structure",
            Topic::Norms => "norms",
            Topic::Special => "special matrices (diagonal, symmetric, orthogonal)",
            Topic::Solving => "inverse, solving, rank, span",
            Topic::Decompositions => "decompositions (LU, QR, Cholesky, SVD)",
            Topic::Eigen => "eigenvalues, polynomials",
            Topic::Definiteness => "quadratic forms, definiteness",
            Topic::LeastSquares => "least squares, pseudoinverse, PCA",
            Topic::Calculus => "derivatives (gradient, Hessian, Jacobian)",
            Topic::Plots => "pictures (plot, scatter, quiver, axis, print, showmap, showeig, ...)",
            Topic::Output => "output, timing, checks",
            Topic::Commands => "commands (help, who, clear, format, save, load, exit, ...)",
        }
    }
}

/// The help page of a function or command: what `help NAME` shows, what
/// completion and the hints read, and what the help-example test runs.
pub struct Doc {
    pub topic: Topic,
    /// Call forms, e.g. `eig(A) -> [V, D]`.
    pub signature: &'static str,
    /// One line: what it computes.
    pub summary: &'static str,
    /// The math in plain text, as in the chapter: one identity per line.
    pub math: &'static [&'static str],
    /// Input lines prefixed `>> `, each followed by the exact output it prints.
    pub example: &'static [&'static str],
    pub related: &'static [&'static str],
}

pub struct Builtin {
    pub name: &'static str,
    pub min_args: usize,
    pub max_args: usize,
    /// Most outputs it can return (`[V, D] = eig(A)` needs 2).
    pub max_out: usize,
    /// One call can run for seconds on a large matrix (a decomposition, an
    /// inverse): the evaluator runs it on a worker thread so Ctrl-C gives
    /// the prompt back at once.
    pub heavy: bool,
    /// It takes complex quadratic numbers (`1 + 2i` exact) as they are, up
    /// to [`quad_linalg::MAX_ENTRIES`] entries: it computes exactly in the
    /// field or falls back to floats itself. Every other built-in sees them
    /// as complex floats, so none of them has to know the kind (real ones
    /// already read as floats through `to_real`).
    pub quad_aware: bool,
    /// With `quad_aware`: it also takes complex values whose entries lie in
    /// no single field (`[i/sqrt(2) 1]`), and any number of entries, as they
    /// are, because it shows, tests or stores them rather than computing
    /// with them (`disp`, `latex`, `isexact`, `struct`).
    pub any_field: bool,
    pub doc: Doc,
    pub run: fn(&mut dyn ctx::Ctx, Args) -> Result<Vec<Value>>,
}

impl Builtin {
    /// What an entry is unless it says otherwise (`..Builtin::DEFAULTS`
    /// after its own fields): one output, quick, not quadratic-aware. Every
    /// entry gives its name, arity, doc and run; one that left out any of
    /// them would fail its help example (tests/help_examples.rs).
    pub const DEFAULTS: Builtin = Builtin {
        name: "",
        min_args: 0,
        max_args: 0,
        max_out: 1,
        heavy: false,
        quad_aware: false,
        any_field: false,
        doc: Doc {
            topic: Topic::Basics,
            signature: "",
            summary: "",
            math: &[],
            example: &[],
            related: &[],
        },
        run: |_, _| Err(LaError::internal("a built-in without an implementation")),
    };
}

pub const MANY: usize = usize::MAX;

fn registry() -> &'static HashMap<&'static str, &'static Builtin> {
    static R: OnceLock<HashMap<&'static str, &'static Builtin>> = OnceLock::new();
    R.get_or_init(|| all().map(|b| (b.name, b)).collect())
}

/// Every built-in, family by family.
pub fn all() -> impl Iterator<Item = &'static Builtin> {
    [
        info::BUILTINS,
        construct::BUILTINS,
        linspace::BUILTINS,
        elementwise::ELEMENTARY,
        elementwise::COMPLEX,
        elementwise::FINITE,
        elementwise::CONVERT,
        elementwise::BINARY,
        reduce::SUMS,
        reduce::STATISTICS,
        reduce::EXTREMES,
        reduce::UNIQUE,
        reduce::LOGICAL,
        linalg::PRODUCTS,
        linalg::NORMS,
        linalg::PREDICATES,
        linalg::SOLVE,
        linalg::DECOMPOSITIONS,
        linalg::EIG,
        linalg::POLYNOMIALS,
        linalg::PCA,
        spaces::BUILTINS,
        calculus::BUILTINS,
        regression::BUILTINS,
        io::FILES,
        io::OUTPUT,
        io::CHECKS,
        io::TIMING,
        homework::BUILTINS,
        shape::BUILTINS,
        stats::BUILTINS,
        figures::BUILTINS,
        show::BUILTINS,
        lang::BUILTINS,
        cells::BUILTINS,
        structs::BUILTINS,
        nthroot::BUILTINS,
        strings::BUILTINS,
        limits::BUILTINS,
        logical::BUILTINS,
    ]
    .into_iter()
    .flatten()
}

/// Statement keywords with a help page: the grammar parses them and the
/// evaluator runs them, but `help` and completion know them from here.
pub static KEYWORDS: &[(&str, &Doc)] = &[
    ("check", &check::CHECK_DOC),
    ("steps", &homework::STEPS_DOC),
];

/// Every help page: the functions, the commands, the statement keywords,
/// then the operators (under their first spelling).
pub fn docs() -> impl Iterator<Item = (&'static str, &'static Doc)> {
    all()
        .map(|b| (b.name, &b.doc))
        .chain(commands::COMMANDS.iter().map(|c| (c.name, &c.doc)))
        .chain(KEYWORDS.iter().copied())
        .chain(operators::OPERATORS.iter().map(|o| (o.names[0], &o.doc)))
}

/// The help page of a function, a command, a command's alias, a keyword or an operator.
pub fn doc(name: &str) -> Option<&'static Doc> {
    match lookup(name) {
        Some(b) => Some(&b.doc),
        None => commands::lookup(name)
            .map(|c| &c.doc)
            .or_else(|| KEYWORDS.iter().find(|(k, _)| *k == name).map(|(_, d)| *d))
            .or_else(|| operators::lookup(name).map(|o| &o.doc)),
    }
}

/// Every name `help`, completion and "did you mean" know.
pub fn help_names() -> impl Iterator<Item = &'static str> {
    docs()
        .map(|(name, _)| name)
        .filter(|n| n.starts_with(|c: char| c.is_ascii_alphabetic()))
}

pub fn lookup(name: &str) -> Option<&'static Builtin> {
    // Octave accepts the lower-case spellings (and NumPy prints them).
    let name = match name {
        "inf" => "Inf",
        "nan" => "NaN",
        _ => name,
    };
    registry().get(name).copied()
}

pub fn names() -> impl Iterator<Item = &'static str> {
    all().map(|b| b.name)
}

/// The arguments of one call, with the requested number of outputs.
///
/// The accessors check each argument against what the parameter expects and
/// refuse anything else with an error that names the function, the argument's
/// position and parameter, and what was expected, e.g.
/// `rank: argument 2 (tol) must be a number, not the string 'r'`. In
/// particular a string is never read as its character codes.
pub struct Args {
    pub vals: Vec<Value>,
    pub nargout: usize,
    pub span: Span,
    /// The function called (for error messages).
    pub name: &'static str,
    /// Its documented call forms, where the parameter names come from.
    pub signature: &'static str,
}

impl Args {
    pub fn new(name: &'static str, signature: &'static str, vals: Vec<Value>) -> Args {
        Args {
            vals,
            nargout: 1,
            span: Span::default(),
            name,
            signature,
        }
    }
    pub fn len(&self) -> usize {
        self.vals.len()
    }
    pub fn is_empty(&self) -> bool {
        self.vals.is_empty()
    }
    pub fn get(&self, k: usize) -> Option<&Value> {
        self.vals.get(k)
    }
    pub fn val(&self, k: usize) -> Result<&Value> {
        self.vals
            .get(k)
            .ok_or_else(|| LaError::eval(format!("{}: missing argument {}", self.name, k + 1)))
    }

    /// `argument 2 (tol)`: the position, with the parameter's name when the
    /// signature gives one.
    pub fn position(&self, k: usize) -> String {
        match param_name(self.name, self.signature, self.len(), k) {
            Some(p) => format!("argument {} ({p})", k + 1),
            None => format!("argument {}", k + 1),
        }
    }

    /// The error for argument `k` not being what the parameter expects.
    pub fn wrong(&self, k: usize, expected: &str) -> LaError {
        let got = self
            .vals
            .get(k)
            .map_or("nothing".to_string(), Value::describe);
        LaError::eval(format!(
            "{}: {} must be {expected}, not {got}",
            self.name,
            self.position(k)
        ))
    }

    /// Argument `k` when it is numeric (a number, matrix, logical or
    /// complex value), refusing strings and function handles.
    pub fn num(&self, k: usize) -> Result<&Value> {
        let v = self.val(k)?;
        match v {
            Value::Str(_) | Value::Func(_) => Err(self.wrong(k, "a number")),
            _ => Ok(v),
        }
    }
    /// Argument `k` as a real matrix.
    pub fn real(&self, k: usize) -> Result<Cow<'_, RMat>> {
        let v = self.num(k)?;
        if let Value::Complex(_) = v {
            return Err(self.wrong(k, "real"));
        }
        v.to_real(self.name)
    }
    /// Argument `k` as a complex matrix (real values have zero imaginary parts).
    pub fn complex(&self, k: usize) -> Result<Cow<'_, CMat>> {
        self.num(k)?.to_complex(self.name)
    }
    /// Argument `k` as a logical matrix (nonzero is true).
    pub fn bool(&self, k: usize) -> Result<Cow<'_, BMat>> {
        self.num(k)?.to_bool(self.name)
    }
    /// Argument `k` as one real number.
    pub fn f64(&self, k: usize) -> Result<f64> {
        let v = self.num(k)?;
        if v.numel() != 1 {
            return Err(self.wrong(k, "a single number"));
        }
        match v {
            Value::Complex(m) if m[0].im != 0.0 => Err(self.wrong(k, "a real number")),
            Value::Complex(m) => Ok(m[0].re),
            _ => Ok(v.to_real(self.name)?[0]),
        }
    }
    /// Optional argument `k` as one real number.
    pub fn opt_f64(&self, k: usize) -> Result<Option<f64>> {
        match self.vals.get(k) {
            None => Ok(None),
            Some(_) => self.f64(k).map(Some),
        }
    }
    /// Argument `k` as an integer (e.g. a diagonal offset).
    pub fn int(&self, k: usize) -> Result<i64> {
        let x = self.f64(k)?;
        if x.fract() != 0.0 || !x.is_finite() || x.abs() > 1e15 {
            return Err(self.wrong(k, "an integer"));
        }
        Ok(x as i64)
    }
    /// Argument `k` as a non-negative integer (a size or a count).
    pub fn usize(&self, k: usize) -> Result<usize> {
        let x = self.f64(k)?;
        if x.is_nan() || x < 0.0 || x.fract() != 0.0 {
            return Err(self.wrong(k, "a non-negative integer"));
        }
        if x > usize::MAX as f64 / 2.0 {
            return Err(LaError::eval(format!(
                "{}: {} is too large ({x})",
                self.name,
                self.position(k)
            )));
        }
        Ok(x as usize)
    }
    /// A tolerance: a non-negative number, when given.
    pub fn tol(&self, k: usize) -> Result<Option<f64>> {
        match self.opt_f64(k)? {
            Some(t) if t.is_nan() || t < 0.0 => Err(self.wrong(k, "a non-negative tolerance")),
            t => Ok(t),
        }
    }
    /// The string argument `k`, if it is one (for arguments that may be a
    /// string or a number, such as `norm`'s `p`).
    pub fn str(&self, k: usize) -> Option<&str> {
        self.vals.get(k).and_then(|v| v.as_str())
    }
    /// Argument `k`, which must be a string.
    pub fn string(&self, k: usize) -> Result<&str> {
        self.val(k)?
            .as_str()
            .ok_or_else(|| self.wrong(k, "a string"))
    }
    /// Error unless arguments that go together agree in size, each given by
    /// its name and its count of `what`: `quiver: x, y, u and v must have
    /// the same number of elements (2, 2, 3 and 2)`.
    pub fn same_counts(&self, counts: &[(&str, usize)], what: &str) -> Result<()> {
        if counts.windows(2).all(|w| w[0].1 == w[1].1) {
            return Ok(());
        }
        let names: Vec<String> = counts.iter().map(|(n, _)| n.to_string()).collect();
        let sizes: Vec<String> = counts.iter().map(|(_, c)| c.to_string()).collect();
        Err(LaError::eval(format!(
            "{}: {} must have the same number of {what} ({})",
            self.name,
            and_list(&names),
            and_list(&sizes)
        )))
    }
    /// Option string argument `k`, one of `choices` (matched ignoring case),
    /// or `None` when absent. Any other value is an error listing the choices.
    pub fn option(&self, k: usize, choices: &[&'static str]) -> Result<Option<&'static str>> {
        let Some(v) = self.vals.get(k) else {
            return Ok(None);
        };
        if let Some(s) = v.as_str() {
            if let Some(c) = choices.iter().find(|c| c.eq_ignore_ascii_case(s)) {
                return Ok(Some(c));
            }
        }
        let list: Vec<String> = choices.iter().map(|c| format!("'{c}'")).collect();
        Err(self.wrong(k, &format!("one of {}", list.join(", "))))
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [init @ .., last] if !init.is_empty() => format!("{} and {last}", init.join(", ")),
        _ => items.concat(),
    }
}

/// The name of parameter `k` (0-based) of a call with `n` arguments, from a
/// signature such as `rank(A), rank(A, tol)`: the call forms of `name` with
/// `n` arguments are read first, then any form. A position that holds an
/// option in the forms of that arity (`'econ'`, `0`, `[]`) has no name.
pub fn param_name(name: &str, sig: &'static str, n: usize, k: usize) -> Option<&'static str> {
    let forms = call_forms(name, sig);
    let word = |p: &str| {
        p.chars().all(|c| c.is_alphanumeric() || c == '_') && p.starts_with(char::is_alphabetic)
    };
    let same: Vec<&Vec<&'static str>> = forms.iter().filter(|f| f.len() == n).collect();
    if let Some(p) = same.iter().filter_map(|f| f.get(k)).find(|p| word(p)) {
        return Some(p);
    }
    if same.iter().any(|f| f.get(k).is_some()) {
        return None;
    }
    forms
        .iter()
        .filter_map(|f| f.get(k))
        .find(|p| word(p))
        .copied()
}

/// The argument lists of the call forms `name(...)` in a signature.
fn call_forms(name: &str, sig: &'static str) -> Vec<Vec<&'static str>> {
    let open = format!("{name}(");
    let mut forms = Vec::new();
    let mut rest = sig;
    while let Some(at) = rest.find(&open) {
        // The form must start at a word boundary (`min(` is not in `argmin(`).
        let before = rest[..at].chars().last();
        let tail = &rest[at + open.len()..];
        let Some(close) = tail.find(')') else { break };
        let body = &tail[..close];
        rest = &tail[close..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        forms.push(
            body.split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect(),
        );
    }
    forms
}

/// The arguments for built-in `b`: unless `b` is [`Builtin::quad_aware`],
/// complex quadratic numbers become complex floats, so no other built-in has
/// to know the kind (real ones already read as floats through `to_real`);
/// those of several fields (`i/sqrt(2)`) are floats to every built-in but
/// the [`Builtin::any_field`] ones. Past [`quad_linalg::MAX_ENTRIES`]
/// entries a quadratic-aware built-in that computes gets floats too, and the
/// cost rule's warning goes to `warn`, so the switch is never silent.
pub fn quad_args(b: &Builtin, args: Vec<Value>, warn: &mut Vec<String>) -> Vec<Value> {
    args.into_iter()
        .map(|v| {
            let complex =
                matches!(&v, Value::Quad(m) if !m.iter().all(crate::exact::Quad::is_real));
            let fits = v.radicand() < 0 || b.any_field;
            let affordable = b.any_field || v.numel() <= quad_linalg::MAX_ENTRIES;
            if !complex || (b.quad_aware && fits && affordable) {
                return v;
            }
            if b.quad_aware && fits {
                warn.push(crate::ops::exact::too_slow_for(b.name, v.dims()));
            }
            v.to_float()
        })
        .collect()
}

/// Shorthand for a single return value.
pub fn one(v: Value) -> Result<Vec<Value>> {
    Ok(vec![v])
}

/// Error unless `m` is square.
pub fn require_square(what: &str, dims: (usize, usize)) -> Result<()> {
    if dims.0 != dims.1 {
        return Err(LaError::eval(format!(
            "{what}: input must be a square matrix (got {}x{})",
            dims.0, dims.1
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::param_name;

    #[test]
    fn parameter_names_follow_the_call_form_of_the_same_arity() {
        let colon = "colon(a, b), colon(a, step, b)";
        assert_eq!(param_name("colon", colon, 2, 1), Some("b"));
        assert_eq!(param_name("colon", colon, 3, 1), Some("step"));
        assert_eq!(param_name("colon", colon, 3, 2), Some("b"));
        // an option position has no name; other arities fall back to any form
        let qr = "[Q, R] = qr(A), [Q, R] = qr(A, 0), qr(A, 'econ')";
        assert_eq!(param_name("qr", qr, 2, 1), None);
        assert_eq!(param_name("qr", qr, 2, 0), Some("A"));
        assert_eq!(
            param_name("rank", "rank(A), rank(A, tol)", 3, 1),
            Some("tol")
        );
        // `max(` inside another name is not a call form of max
        assert_eq!(param_name("max", "argmax(q), max(x)", 1, 0), Some("x"));
        assert_eq!(param_name("pi", "pi", 1, 0), None);
    }
}
