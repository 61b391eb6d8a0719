//! Plain-text and LaTeX rendering of exact values and recorded working.
//! Rows are shown 1-based (`R1`, `x1`) although stored 0-based.

use crate::exact::elim::{CofactorExpansion, RowOp, Step};
use crate::exact::matrix::RatMat;
use crate::exact::Rat;

/// Rows of `a` as Octave prints rationals: each column right-aligned to its
/// widest entry, two spaces before every column.
pub fn format_rat_matrix(a: &RatMat) -> Vec<String> {
    format_rat_matrix_split(a, None)
}

/// [`format_rat_matrix`] with a `|` before column `split` (0-based), for
/// augmented matrices such as `[A | I]`.
pub fn format_rat_matrix_split<T: nalgebra::Scalar + std::fmt::Display>(
    a: &nalgebra::DMatrix<T>,
    split: Option<usize>,
) -> Vec<String> {
    let cells: Vec<Vec<String>> = a
        .row_iter()
        .map(|row| row.iter().map(T::to_string).collect())
        .collect();
    let widths: Vec<usize> = (0..a.ncols())
        .map(|j| cells.iter().map(|r| r[j].len()).max().unwrap_or(0))
        .collect();
    cells
        .iter()
        .map(|row| {
            let mut line = String::new();
            for (j, (c, w)) in row.iter().zip(&widths).enumerate() {
                if split == Some(j) {
                    line.push_str("  |");
                }
                line.push_str(&format!("  {c:>w$}"));
            }
            line
        })
        .collect()
}

/// Octave-style one-line literal, e.g. `[1 -1/2; 0 3]`.
pub fn inline_matrix(a: &RatMat) -> String {
    let rows: Vec<String> = a
        .row_iter()
        .map(|r| r.iter().map(Rat::to_string).collect::<Vec<_>>().join(" "))
        .collect();
    format!("[{}]", rows.join("; "))
}

/// `3`, `-2`, `\frac{3}{2}`, `-\frac{1}{2}`.
pub fn latex_rat(x: &Rat) -> String {
    if x.is_integer() {
        return x.to_string();
    }
    let sign = if x.is_negative() { "-" } else { "" };
    format!("{sign}\\frac{{{}}}{{{}}}", x.numer().magnitude(), x.denom())
}

/// `\begin{bmatrix} a & b \\ c & d \end{bmatrix}`.
pub fn latex_matrix(a: &RatMat) -> String {
    latex_grid(a, "bmatrix")
}

/// [`latex_matrix`], or with `split` an augmented matrix
/// `\left[\begin{array}{cc|c} … \end{array}\right]` ruled before that column.
pub fn latex_matrix_split(a: &RatMat, split: Option<usize>) -> String {
    let Some(k) = split else {
        return latex_matrix(a);
    };
    let spec = format!(
        "{}|{}",
        "c".repeat(k),
        "c".repeat(a.ncols().saturating_sub(k))
    );
    format!(
        "\\left[{}\\right]",
        latex_grid(a, "array").replacen("{array}", &format!("{{array}}{{{spec}}}"), 1)
    )
}

fn latex_grid(a: &RatMat, env: &str) -> String {
    let rows: Vec<String> = a
        .row_iter()
        .map(|r| r.iter().map(latex_rat).collect::<Vec<_>>().join(" & "))
        .collect();
    format!("\\begin{{{env}}} {} \\end{{{env}}}", rows.join(" \\\\ "))
}

// ---- polynomials --------------------------------------------------------

/// `λ^3 + 4λ^2 - 4λ - 16` style text in variable `var`.
pub fn poly_text(p: &[Rat], var: &str) -> String {
    poly_render(p, &|c| format!("({c})"), &|k| match k {
        1 => var.to_string(),
        _ => format!("{var}^{k}"),
    })
}

/// `\lambda^{3} + 4\lambda^{2} - 4\lambda - 16` style LaTeX in `var`.
pub fn poly_latex(p: &[Rat], var: &str) -> String {
    poly_render(p, &latex_rat, &|k| match k {
        1 => var.to_string(),
        _ => format!("{var}^{{{k}}}"),
    })
}

/// Shared term layout: sign-separated terms, unit coefficients omitted,
/// fractions through `frac`, powers through `power`.
fn poly_render(
    p: &[Rat],
    frac: &dyn Fn(&Rat) -> String,
    power: &dyn Fn(usize) -> String,
) -> String {
    let deg = p.len().saturating_sub(1);
    let mut out = String::new();
    for (i, c) in p.iter().enumerate().filter(|(_, c)| !c.is_zero()) {
        let k = deg - i;
        let mag = c.abs();
        let coeff = match (mag.is_one() && k > 0, mag.is_integer()) {
            (true, _) => String::new(),
            (false, true) => mag.to_string(),
            (false, false) => frac(&mag),
        };
        let term = if k == 0 {
            coeff
        } else {
            format!("{coeff}{}", power(k))
        };
        out.push_str(match (out.is_empty(), c.is_negative()) {
            (true, true) => "-",
            (true, false) => "",
            (false, true) => " - ",
            (false, false) => " + ",
        });
        out.push_str(&term);
    }
    if out.is_empty() {
        out.push('0');
    }
    out
}

/// `(λ - 2)(λ + 2)^2` from (root, multiplicity) pairs; `power` formats an
/// exponent.
fn linear_factors(
    factors: &[(Rat, usize)],
    var: &str,
    num: &dyn Fn(&Rat) -> String,
    power: &dyn Fn(usize) -> String,
) -> String {
    factors
        .iter()
        .map(|(r, m)| {
            let base = if r.is_zero() {
                var.to_string()
            } else if r.is_negative() {
                format!("({var} + {})", num(&r.abs()))
            } else {
                format!("({var} - {})", num(r))
            };
            if *m > 1 {
                format!("{base}{}", power(*m))
            } else {
                base
            }
        })
        .collect()
}

// ---- row operations -------------------------------------------------------

/// Coefficient in front of a row: ``, `3*`, `(1/2)*` (`mag` is positive).
fn text_coeff(mag: &Rat) -> String {
    if mag.is_one() {
        String::new()
    } else if mag.is_integer() {
        format!("{mag}*")
    } else {
        format!("({mag})*")
    }
}

/// `R2 <- R2 - 3*R1`, `swap R1 <-> R3`, `R1 <- (1/2)*R1`, notes verbatim.
pub fn op_text(op: &RowOp) -> String {
    match op {
        RowOp::Swap(i, j) => format!("swap R{} <-> R{}", i + 1, j + 1),
        RowOp::Scale { row, by } => {
            let r = row + 1;
            let sign = if by.is_negative() { "-" } else { "" };
            let mag = by.abs();
            match (mag.is_integer(), mag.is_one()) {
                (true, true) => format!("R{r} <- {sign}R{r}"),
                (true, false) => format!("R{r} <- {sign}{mag}*R{r}"),
                _ => format!("R{r} <- ({by})*R{r}"),
            }
        }
        RowOp::AddMultiple {
            target,
            source,
            factor,
        } => {
            let sign = if factor.is_negative() { '-' } else { '+' };
            let (t, s) = (target + 1, source + 1);
            format!("R{t} <- R{t} {sign} {}R{s}", text_coeff(&factor.abs()))
        }
        RowOp::BackSub {
            var,
            pivot,
            rhs,
            terms,
            value,
        } => {
            let known: Vec<(String, Rat)> = terms
                .iter()
                .map(|(j, c)| (format!("x{}", j + 1), c.clone()))
                .collect();
            let numer = format!("{}{}", row_values_text(rhs), signed_terms_text(&known));
            // Brackets wherever `/` could be read two ways: `(1/2) / (-3)`, never `1/2 / -3`.
            let plain_numer = known.is_empty() && rhs.iter().all(Rat::is_integer);
            let solved = match (pivot.is_one(), plain_numer) {
                (true, _) => numer,
                (false, true) => format!("{numer} / {}", operand_text(pivot)),
                (false, false) => format!("({numer}) / {}", operand_text(pivot)),
            };
            format!("x{} = {solved} = {}", var + 1, row_values_text(value))
        }
        RowOp::Inconsistent { row, value } => {
            format!("R{} reads 0 = {value}: the system has no solution", row + 1)
        }
        RowOp::Solutions {
            particular, basis, ..
        } if basis.is_empty() => format!(
            "every column of A has a pivot: the unique solution is x = {}",
            column_text(particular)
        ),
        RowOp::Solutions {
            free,
            particular,
            basis,
        } => {
            let s = TEXT.solutions(free, basis);
            format!(
                "free variables: {}\nx = {}{} for any numbers {}",
                s.free,
                column_text(particular),
                s.terms,
                s.params
            )
        }
        RowOp::DetProduct {
            swaps,
            diagonal,
            det,
        } => {
            let factors: Vec<String> = diagonal.iter().map(|x| format!("({x})")).collect();
            format!("det = (-1)^{swaps} * {} = {det}", factors.join(" * "))
        }
        RowOp::Note(text) => text.clone(),
    }
}

/// `[a; b; c]`.
fn column_text(v: &[Rat]) -> String {
    let entries: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    format!("[{}]", entries.join("; "))
}

/// 1-based names, comma separated.
fn name_list(indices: impl Iterator<Item = usize>, name: fn(usize) -> String) -> String {
    indices.map(|j| name(j + 1)).collect::<Vec<_>>().join(", ")
}

/// How one renderer writes the pieces of a general solution.
struct Notation {
    /// Variable j (1-based).
    var: fn(usize) -> String,
    /// Parameter k (1-based).
    param: fn(usize) -> String,
    column: fn(&[Rat]) -> String,
    times: &'static str,
}

const TEXT: Notation = Notation {
    var: |j| format!("x{j}"),
    param: |k| format!("t{k}"),
    column: column_text,
    times: "*",
};

const LATEX: Notation = Notation {
    var: |j| format!("x_{{{j}}}"),
    param: |k| format!("t_{{{k}}}"),
    column: latex_column,
    times: " ",
};

/// The pieces of x = x_p + t1 v1 + ..., each ready to print: the free
/// variables, the terms after x_p, and the parameters.
struct SolutionParts {
    free: String,
    terms: String,
    params: String,
}

impl Notation {
    fn solutions(&self, free: &[usize], basis: &[Vec<Rat>]) -> SolutionParts {
        let term = |(k, v): (usize, &Vec<Rat>)| {
            format!(
                " + {}{}{}",
                (self.param)(k + 1),
                self.times,
                (self.column)(v)
            )
        };
        SolutionParts {
            free: name_list(free.iter().copied(), self.var),
            terms: basis.iter().enumerate().map(term).collect(),
            params: name_list(0..basis.len(), self.param),
        }
    }
}

fn latex_column(v: &[Rat]) -> String {
    latex_matrix(&RatMat::from_column_slice(v.len(), 1, v))
}

/// `x` as the operand of `/`: bracketed when negative or a fraction.
fn operand_text(x: &Rat) -> String {
    if x.is_negative() || !x.is_integer() {
        format!("({x})")
    } else {
        x.to_string()
    }
}

/// A single value, or `[a, b]` for several right-hand sides.
fn row_values_text(v: &[Rat]) -> String {
    match v {
        [x] => x.to_string(),
        _ => format!(
            "[{}]",
            v.iter().map(Rat::to_string).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// ` - 2*x3 + (1/2)*x4` for subtracting `coeff * name` terms.
fn signed_terms_text(terms: &[(String, Rat)]) -> String {
    terms
        .iter()
        .map(|(name, c)| {
            let sign = if c.is_negative() { '+' } else { '-' };
            format!(" {sign} {}{name}", text_coeff(&c.abs()))
        })
        .collect()
}

/// LaTeX label for an operation arrow, e.g. `R_2 \leftarrow R_2 - 3R_1`.
pub fn op_latex(op: &RowOp) -> String {
    let coeff = |mag: &Rat| {
        if mag.is_one() {
            String::new()
        } else {
            latex_rat(mag)
        }
    };
    match op {
        RowOp::Swap(i, j) => format!("R_{{{}}} \\leftrightarrow R_{{{}}}", i + 1, j + 1),
        RowOp::Scale { row, by } => {
            let sign = if by.is_negative() { "-" } else { "" };
            format!(
                "R_{{{r}}} \\leftarrow {sign}{}R_{{{r}}}",
                coeff(&by.abs()),
                r = row + 1
            )
        }
        RowOp::AddMultiple {
            target,
            source,
            factor,
        } => {
            let sign = if factor.is_negative() { '-' } else { '+' };
            format!(
                "R_{{{t}}} \\leftarrow R_{{{t}}} {sign} {}R_{{{}}}",
                coeff(&factor.abs()),
                source + 1,
                t = target + 1
            )
        }
        RowOp::BackSub {
            var,
            pivot,
            rhs,
            terms,
            value,
        } => {
            let known: String = terms
                .iter()
                .map(|(j, c)| {
                    let sign = if c.is_negative() { '+' } else { '-' };
                    format!(" {sign} {}x_{{{}}}", coeff(&c.abs()), j + 1)
                })
                .collect();
            let numer = format!("{}{known}", latex_values(rhs));
            let solved = if pivot.is_one() {
                numer
            } else {
                format!("\\frac{{{numer}}}{{{}}}", latex_rat(pivot))
            };
            format!("x_{{{}}} = {solved} = {}", var + 1, latex_values(value))
        }
        RowOp::Inconsistent { row, value } => format!(
            "\\text{{row {} reads }} 0 = {}\\text{{: no solution}}",
            row + 1,
            latex_rat(value)
        ),
        RowOp::Solutions {
            particular, basis, ..
        } if basis.is_empty() => format!(
            "x = {} \\quad \\text{{(every column of $A$ has a pivot: unique)}}",
            latex_column(particular)
        ),
        RowOp::Solutions {
            free,
            particular,
            basis,
        } => {
            let s = LATEX.solutions(free, basis);
            format!(
                "x = {}{} \\quad ({} \\in \\mathbb{{R}};\\ \\text{{free: }} {})",
                latex_column(particular),
                s.terms,
                s.params,
                s.free
            )
        }
        RowOp::DetProduct {
            swaps,
            diagonal,
            det,
        } => {
            let factors: Vec<String> = diagonal.iter().map(latex_factor).collect();
            format!(
                "\\det A = (-1)^{{{swaps}}} \\cdot {} = {}",
                factors.join(" \\cdot "),
                latex_rat(det)
            )
        }
        RowOp::Note(text) => format!("\\text{{{}}}", latex_escape(text)),
    }
}

/// A factor of a product: negative numbers in parentheses.
fn latex_factor(x: &Rat) -> String {
    if x.is_negative() {
        format!("\\left({}\\right)", latex_rat(x))
    } else {
        latex_rat(x)
    }
}

fn latex_values(v: &[Rat]) -> String {
    match v {
        [x] => latex_rat(x),
        _ => format!(
            "\\begin{{bmatrix}} {} \\end{{bmatrix}}",
            v.iter().map(latex_rat).collect::<Vec<_>>().join(" & ")
        ),
    }
}

/// Escapes text for `\text{...}`.
fn latex_escape(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '{' | '}' | '_' | '&' | '%' | '$' | '#' => format!("\\{c}"),
            '^' => "\\^{}".to_string(),
            '~' => "\\~{}".to_string(),
            '\\' => "\\textbackslash{}".to_string(),
            _ => c.to_string(),
        })
        .collect()
}

/// Each step as its operation in words/symbols, followed (for row
/// operations) by the matrix after it, indented; steps separated by blank
/// lines.
pub fn steps_text(steps: &[Step]) -> String {
    steps_text_split(steps, None)
}

fn steps_text_split(steps: &[Step], split: Option<usize>) -> String {
    steps
        .iter()
        .map(|s| {
            let mut block = op_text(&s.op);
            if changes_matrix(&s.op) {
                for line in format_rat_matrix_split(&s.after, split) {
                    block.push_str("\n  ");
                    block.push_str(&line);
                }
            }
            block
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The starting matrix followed by the steps; `split` draws augmented
/// matrices (e.g. `Some(n)` for `inv_steps`' `[A | I]`).
pub fn working_text(start: &RatMat, steps: &[Step], split: Option<usize>) -> String {
    let mut out = format_rat_matrix_split(start, split)
        .iter()
        .map(|l| format!("  {l}\n"))
        .collect::<String>();
    if !steps.is_empty() {
        out.push('\n');
        out.push_str(&steps_text_split(steps, split));
    }
    out
}

fn changes_matrix(op: &RowOp) -> bool {
    !matches!(
        op,
        RowOp::BackSub { .. }
            | RowOp::Inconsistent { .. }
            | RowOp::Solutions { .. }
            | RowOp::DetProduct { .. }
            | RowOp::Note(_)
    )
}

/// The steps as an `align*` block: one
/// `&\xrightarrow{op} \begin{bmatrix}…\end{bmatrix} \\` line per row
/// operation, notes and back substitution as their own lines.
pub fn steps_latex(steps: &[Step]) -> String {
    align_block(steps.iter().map(|s| step_latex_line(s, None)).collect())
}

/// The starting matrix then the steps as one `align*` block; `split` as in
/// [`working_text`].
pub fn working_latex(start: &RatMat, steps: &[Step], split: Option<usize>) -> String {
    let mut lines = vec![format!("&{}", latex_matrix_split(start, split))];
    lines.extend(steps.iter().map(|s| step_latex_line(s, split)));
    align_block(lines)
}

fn step_latex_line(s: &Step, split: Option<usize>) -> String {
    if changes_matrix(&s.op) {
        format!(
            "&\\xrightarrow{{{}}} {}",
            op_latex(&s.op),
            latex_matrix_split(&s.after, split)
        )
    } else {
        format!("&{}", op_latex(&s.op))
    }
}

fn align_block(lines: Vec<String>) -> String {
    let body: String = lines.iter().map(|l| format!("{l} \\\\\n")).collect();
    format!("\\begin{{align*}}\n{body}\\end{{align*}}")
}

// ---- determinants by cofactors --------------------------------------------

/// Expansion along row 1 written out term by term.
pub fn cofactor_text(c: &CofactorExpansion) -> String {
    let mut out = String::from("expand along row 1:\n");
    for t in &c.terms {
        let sign = if t.sign < 0 { '-' } else { '+' };
        out.push_str(&format!(
            "  {sign} ({}) * det {} = {sign} ({}) * ({})\n",
            t.entry,
            inline_matrix(&t.minor),
            t.entry,
            t.minor_det
        ));
    }
    out.push_str(&format!("det = {}", c.det));
    out
}

/// `\det A = a_{11}|M_{11}| - …` in an `align*` block.
pub fn cofactor_latex(c: &CofactorExpansion) -> String {
    let term = |sign: i8, i: usize, body: String| {
        let s = match (i, sign < 0) {
            (0, true) => "-",
            (0, false) => "",
            (_, true) => " - ",
            (_, false) => " + ",
        };
        format!("{s}{body}")
    };
    let paren = |x: &Rat| format!("\\left({}\\right)", latex_rat(x));
    let minors: String = c
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            term(
                t.sign,
                i,
                format!("{}{}", paren(&t.entry), latex_grid(&t.minor, "vmatrix")),
            )
        })
        .collect();
    let values: String = c
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            term(
                t.sign,
                i,
                format!("{}{}", paren(&t.entry), paren(&t.minor_det)),
            )
        })
        .collect();
    align_block(vec![
        format!("\\det A &= {minors}"),
        format!("&= {values}"),
        format!("&= {}", latex_rat(&c.det)),
    ])
}

mod eig;
mod gram_schmidt;
mod quad_eig;
mod scientific;
pub use eig::{eig_steps_latex, eig_steps_text};
pub use gram_schmidt::{gram_schmidt_latex, gram_schmidt_text};
pub use quad_eig::{quadratic_steps_latex, quadratic_steps_text};
pub use scientific::{beyond_double, scientific};

/// Text of an operation that is not a row operation on a matrix over a
/// quadratic field (only notes occur there).
fn op_text_note<F>(op: &RowOp<F>) -> String {
    match op {
        RowOp::Note(text) => text.clone(),
        _ => String::new(),
    }
}

#[cfg(test)]
#[path = "../tests/render.rs"]
mod tests;
