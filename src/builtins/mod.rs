//! The registry of built-in functions. Each entry holds everything about one
//! function: name, arity, help text (what it computes, the math, an example)
//! and implementation. `help`, tab completion and the docs all read it.
//! Commands (`save`, `format`, ...) are entries too (`commands`). Built-ins
//! reach the interpreter only through the narrow traits in `ctx`.
//! May use: ops, value, linalg, exact, syntax, error — never eval or shell.

pub mod check;
pub mod check_num;
pub mod commands;
pub mod help;

use crate::error::{LaError, Result};
use crate::linalg::RMat;
use crate::syntax::ast::Span;
use crate::value::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

mod calculus;
mod construct;
pub mod ctx;
mod elementwise;
mod homework;
mod info;
mod io;
mod linalg;
mod reduce;
mod regression;
mod spaces;

/// Help topics, in the order `help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Topic {
    Basics,
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
    Output,
    Commands,
}

impl Topic {
    pub fn title(self) -> &'static str {
        match self {
            Topic::Basics => "basics",
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
    pub doc: Doc,
    pub run: fn(&mut dyn ctx::Ctx, Args) -> Result<Vec<Value>>,
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
        elementwise::BUILTINS,
        reduce::BUILTINS,
        linalg::BUILTINS,
        spaces::BUILTINS,
        calculus::BUILTINS,
        regression::BUILTINS,
        io::BUILTINS,
        homework::BUILTINS,
    ]
    .into_iter()
    .flatten()
}

/// Statement keywords with a help page: the grammar parses them and the
/// evaluator runs them, but `help` and completion know them from here.
pub static KEYWORDS: &[(&str, &Doc)] = &[("check", &check::CHECK_DOC)];

/// Every help page: the functions, the commands, then the statement keywords.
pub fn docs() -> impl Iterator<Item = (&'static str, &'static Doc)> {
    all()
        .map(|b| (b.name, &b.doc))
        .chain(commands::COMMANDS.iter().map(|c| (c.name, &c.doc)))
        .chain(KEYWORDS.iter().copied())
}

/// The help page of a function, a command, a command's alias or a keyword.
pub fn doc(name: &str) -> Option<&'static Doc> {
    match lookup(name) {
        Some(b) => Some(&b.doc),
        None => commands::lookup(name)
            .map(|c| &c.doc)
            .or_else(|| KEYWORDS.iter().find(|(k, _)| *k == name).map(|(_, d)| *d)),
    }
}

/// Every name `help`, completion and "did you mean" know.
pub fn help_names() -> impl Iterator<Item = &'static str> {
    docs().map(|(name, _)| name)
}

pub fn lookup(name: &str) -> Option<&'static Builtin> {
    registry().get(name).copied()
}

pub fn names() -> impl Iterator<Item = &'static str> {
    all().map(|b| b.name)
}

/// The arguments of one call, with the requested number of outputs.
pub struct Args {
    pub vals: Vec<Value>,
    pub nargout: usize,
    pub span: Span,
}

impl Args {
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
            .ok_or_else(|| LaError::eval(format!("missing argument {}", k + 1)))
    }
    pub fn real(&self, k: usize, what: &str) -> Result<Cow<'_, RMat>> {
        self.val(k)?.to_real(what)
    }
    pub fn f64(&self, k: usize, what: &str) -> Result<f64> {
        self.val(k)?.to_f64(what)
    }
    pub fn usize(&self, k: usize, what: &str) -> Result<usize> {
        self.val(k)?.to_usize(what)
    }
    /// An optional string option such as `'fro'` or `'econ'`.
    pub fn str(&self, k: usize) -> Option<&str> {
        self.vals.get(k).and_then(|v| v.as_str())
    }
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
