//! The working of exact Gram–Schmidt: each `v_n = a_k - c v_j - ...` with
//! `‖v_n‖²`, then each unit vector `q_n = w/sqrt(k)` as a student writes it
//! (`w` the smallest integer multiple of `v_n`).

use super::{inline_matrix, latex_matrix, latex_rat};
use crate::exact::orth::{kept, norm2, unit_form, GsStep};
use crate::exact::quad::sqrt_rat;
use crate::exact::Rat;

pub fn gram_schmidt_text(steps: &[GsStep]) -> String {
    let mut out = String::new();
    let mut n = 0;
    for s in steps {
        let k = s.col + 1;
        let rhs: String = s
            .terms
            .iter()
            .map(|(j, c)| format!(" - ({c})*v{j}"))
            .collect();
        match &s.v {
            Some(v) => {
                n += 1;
                out += &format!(
                    "v{n} = a{k}{rhs} = {}   (||v{n}||^2 = {})\n",
                    inline_matrix(v),
                    norm2(v)
                );
            }
            None => {
                out += &format!(
                    "v{} = a{k}{rhs} = 0: column {k} depends on the earlier ones and is dropped\n",
                    n + 1
                )
            }
        }
    }
    for (n, v) in kept(steps).enumerate() {
        let (w, k) = unit_form(v);
        let scale = match root(&k) {
            Some(r) if r.is_one() => String::new(),
            Some(r) => format!("/{r}"),
            None => format!("/sqrt({k})"),
        };
        let n = n + 1;
        out += &format!("q{n} = v{n}/||v{n}|| = {}{scale}\n", inline_matrix(&w));
    }
    out.pop(); // the shell ends the working's last line
    out
}

pub fn gram_schmidt_latex(steps: &[GsStep]) -> String {
    let mut lines = String::new();
    let mut n = 0;
    for s in steps {
        let k = s.col + 1;
        let rhs: String = s
            .terms
            .iter()
            .map(|(j, c)| {
                let sign = if c.is_negative() { '+' } else { '-' };
                let mag = c.abs();
                let coef = if mag.is_one() {
                    String::new()
                } else {
                    latex_rat(&mag) + " "
                };
                format!(" {sign} {coef}v_{{{j}}}")
            })
            .collect();
        match &s.v {
            Some(v) => {
                n += 1;
                lines += &format!(
                    "v_{{{n}}} &= a_{{{k}}}{rhs} = {}, & \\|v_{{{n}}}\\|^2 &= {} \\\\\n",
                    latex_matrix(v),
                    latex_rat(&norm2(v))
                );
            }
            None => lines += &format!(
                "v_{{{}}} &= a_{{{k}}}{rhs} = 0 & &\\text{{(column {k} depends on the earlier ones: dropped)}} \\\\\n",
                n + 1
            ),
        }
    }
    let units: Vec<String> = kept(steps)
        .enumerate()
        .map(|(i, v)| {
            let (w, k) = unit_form(v);
            let scale = match root(&k) {
                Some(r) if r.is_one() => String::new(),
                Some(r) => format!("\\frac{{1}}{{{r}}} "),
                None => format!("\\frac{{1}}{{\\sqrt{{{k}}}}} "),
            };
            let n = i + 1;
            format!(
                "q_{{{n}}} &= \\frac{{v_{{{n}}}}}{{\\|v_{{{n}}}\\|}} = {scale}{}",
                latex_matrix(&w)
            )
        })
        .collect();
    format!(
        "\\begin{{align*}}\n{lines}{}\n\\end{{align*}}",
        units.join(" \\\\\n")
    )
}

/// `√k` when it is rational.
fn root(k: &Rat) -> Option<Rat> {
    sqrt_rat(k)?.as_rat().cloned()
}
