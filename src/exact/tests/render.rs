//! Unit tests of `exact::render` (kept beside it so they can reach private items).
use super::*;
use crate::exact::elim::{augment, det_cofactor_steps, inv_steps, rref, solve_steps};
use crate::exact::matrix::{from_i64_rows, identity};
use crate::exact::poly::eig_steps;

fn q(n: i64, d: i64) -> Rat {
    Rat::from_i64(n).checked_div(&Rat::from_i64(d)).unwrap()
}

#[test]
fn octave_alignment() {
    let a = RatMat::from_row_slice(2, 2, &[Rat::from_i64(-2), Rat::one(), q(3, 2), q(-1, 2)]);
    assert_eq!(format_rat_matrix(&a), vec!["   -2     1", "  3/2  -1/2"]);
    assert_eq!(inline_matrix(&a), "[-2 1; 3/2 -1/2]");
    assert!(format_rat_matrix(&RatMat::zeros(0, 3)).is_empty());
}

#[test]
fn latex_values() {
    assert_eq!(latex_rat(&q(3, 2)), "\\frac{3}{2}");
    assert_eq!(latex_rat(&q(-1, 2)), "-\\frac{1}{2}");
    assert_eq!(latex_rat(&Rat::from_i64(-4)), "-4");
    let a = RatMat::from_row_slice(2, 2, &[Rat::one(), q(1, 2), Rat::zero(), Rat::from_i64(-3)]);
    assert_eq!(
        latex_matrix(&a),
        "\\begin{bmatrix} 1 & \\frac{1}{2} \\\\ 0 & -3 \\end{bmatrix}"
    );
}

#[test]
fn operations_in_words() {
    let add = |f: Rat| RowOp::AddMultiple {
        target: 1,
        source: 0,
        factor: f,
    };
    assert_eq!(op_text(&add(Rat::from_i64(-3))), "R2 <- R2 - 3*R1");
    assert_eq!(op_text(&add(Rat::one())), "R2 <- R2 + R1");
    assert_eq!(op_text(&add(q(1, 2))), "R2 <- R2 + (1/2)*R1");
    assert_eq!(op_text(&RowOp::Swap(0, 2)), "swap R1 <-> R3");
    let scale = |by: Rat| RowOp::Scale { row: 0, by };
    assert_eq!(op_text(&scale(q(1, 2))), "R1 <- (1/2)*R1");
    assert_eq!(op_text(&scale(q(-1, 2))), "R1 <- (-1/2)*R1");
    assert_eq!(op_text(&scale(Rat::from_i64(-1))), "R1 <- -R1");
    assert_eq!(
        op_latex(&add(Rat::from_i64(-3))),
        "R_{2} \\leftarrow R_{2} - 3R_{1}"
    );
    assert_eq!(
        op_latex(&scale(q(-1, 2))),
        "R_{1} \\leftarrow -\\frac{1}{2}R_{1}"
    );
    assert_eq!(op_latex(&RowOp::Swap(0, 2)), "R_{1} \\leftrightarrow R_{3}");
}

#[test]
fn steps_blocks() {
    let a = from_i64_rows(2, 2, &[1, 2, 3, 4]);
    let (_, _, steps) = rref(&a);
    let text = steps_text(&steps);
    assert!(
        text.starts_with("R2 <- R2 - 3*R1\n    1   2\n    0  -2\n\nR2 <- (-1/2)*R2"),
        "{text}"
    );
    let tex = steps_latex(&steps);
    assert!(tex.starts_with("\\begin{align*}\n&\\xrightarrow{R_{2} \\leftarrow R_{2} - 3R_{1}} \\begin{bmatrix} 1 & 2 \\\\ 0 & -2 \\end{bmatrix} \\\\\n"));
    assert!(tex.ends_with("\\end{align*}"));
    let (_, steps) = solve_steps(&a, &from_i64_rows(2, 1, &[5, 6])).unwrap();
    let text = steps_text(&steps);
    assert!(text.contains("x2 = -9 / (-2) = 9/2"), "{text}");
    assert!(text.contains("x1 = 5 - 2*x2 = -4"), "{text}");
    assert!(working_latex(&a, &steps, Some(2)).contains("x_{1} = 5 - 2x_{2} = -4"));
    let (_, steps) = inv_steps(&a).unwrap();
    let start = augment(&a, &identity(2));
    let text = working_text(&start, &steps, Some(2));
    assert!(
        text.starts_with("    1  2  |  1  0\n    3  4  |  0  1\n\nR2 <- R2 - 3*R1\n"),
        "{text}"
    );
    let tex = working_latex(&start, &steps, Some(2));
    assert!(tex.contains("&\\left[\\begin{array}{cc|cc} 1 & 2 & 1 & 0 \\\\ 3 & 4 & 0 & 1 \\end{array}\\right] \\\\\n"), "{tex}");
}

#[test]
fn polynomials() {
    let p: Vec<Rat> = [1, 4, -4, -16].iter().map(|&c| Rat::from_i64(c)).collect();
    assert_eq!(poly_text(&p, "x"), "x^3 + 4x^2 - 4x - 16");
    assert_eq!(poly_latex(&p, "x"), "x^{3} + 4x^{2} - 4x - 16");
    let r = vec![q(-1, 2), Rat::zero(), Rat::one()];
    assert_eq!(poly_text(&r, "x"), "-(1/2)x^2 + 1");
    assert_eq!(poly_latex(&r, "x"), "-\\frac{1}{2}x^{2} + 1");
    assert_eq!(poly_text(&[Rat::zero()], "x"), "0");
}

#[test]
fn worked_eigen_example() {
    let a = from_i64_rows(3, 3, &[-3, -1, 1, -3, -1, 3, -2, 2, 0]);
    let s = eig_steps(&a).unwrap();
    let text = eig_steps_text(&s);
    assert!(
        text.starts_with("det(A - λI) = -λ^3 - 4λ^2 + 4λ + 16 = -(λ^3 + 4λ^2 - 4λ - 16)\n"),
        "{text}"
    );
    assert!(text.contains("±1, ±2, ±4, ±8, ±16"), "{text}");
    assert!(
        text.contains("det(A - λI) = -(λ - 2)(λ + 2)(λ + 4)"),
        "{text}"
    );
    assert!(text.contains("  [0; 1; 1]"), "{text}");
    let tex = eig_steps_latex(&s);
    assert!(
        tex.contains("&= -(\\lambda - 2)(\\lambda + 2)(\\lambda + 4)"),
        "{tex}"
    );
    assert!(tex.contains("\\pm 16"), "{tex}");
}

#[test]
fn cofactors() {
    let a = from_i64_rows(3, 3, &[2, -3, 1, 2, 0, -1, 1, 4, 5]);
    let c = det_cofactor_steps(&a).unwrap();
    let text = cofactor_text(&c);
    assert!(
        text.contains("- (-3) * det [2 -1; 1 5] = - (-3) * (11)"),
        "{text}"
    );
    assert!(text.ends_with("det = 49"));
    let tex = cofactor_latex(&c);
    assert!(
        tex.contains("\\begin{vmatrix} 0 & -1 \\\\ 4 & 5 \\end{vmatrix}"),
        "{tex}"
    );
    assert!(tex.contains("&= 49"));
}
