//! The matrices under `check`'s property tests (`A*v = λ*v`, `U'*U = I`):
//! exact when every operand is, complex floating point otherwise; and their
//! short form in verdicts (`[3; 6; 9]`).

use super::num::Num;
use crate::exact::{self, Rat, RatMat};
use crate::linalg::{CMat, C64};
use crate::value::Value;

/// A matrix for property checks (`A*v = λ*v`, `U'*U = I`): exact when every
/// operand is, complex floating point otherwise (real numbers have zero
/// imaginary parts).
#[derive(Debug, Clone)]
pub enum Mat {
    E(RatMat),
    F(CMat),
}

impl Mat {
    pub fn of(v: &Value) -> Option<Mat> {
        Some(match v {
            Value::Exact(m) => Mat::E((**m).clone()),
            Value::Bool(_) => Mat::E(v.to_exact()?.into_owned()),
            Value::Real(m) => Mat::F(m.map(|x| C64::new(x, 0.0))),
            Value::Complex(m) => Mat::F((**m).clone()),
            Value::Quad(_) => Mat::F(v.to_complex("check").ok()?.into_owned()),
            Value::Str(_) | Value::Func(_) | Value::Struct(_) | Value::Cell(_) => return None,
        })
    }

    pub fn eye(n: usize) -> Mat {
        Mat::E(exact::matrix::identity(n))
    }

    pub fn shape(&self) -> (usize, usize) {
        match self {
            Mat::E(m) => m.shape(),
            Mat::F(m) => m.shape(),
        }
    }

    /// Exact values too costly for exact elimination become floating point.
    pub fn filter_costly(self) -> Mat {
        match self {
            Mat::E(m) if exact::too_costly(&m) => Mat::F(m.map(|x| C64::new(x.to_f64(), 0.0))),
            other => other,
        }
    }

    /// The exact matrix, when this is one.
    pub fn exact(&self) -> Option<&RatMat> {
        match self {
            Mat::E(m) => Some(m),
            Mat::F(_) => None,
        }
    }

    pub fn is_exact(&self) -> bool {
        matches!(self, Mat::E(_))
    }

    pub fn f(&self) -> CMat {
        match self {
            Mat::E(m) => m.map(|x| C64::new(x.to_f64(), 0.0)),
            Mat::F(m) => m.clone(),
        }
    }

    pub fn at(&self, i: usize, j: usize) -> Num {
        match self {
            Mat::E(m) => Num::R(m[(i, j)].clone()),
            Mat::F(m) => Num::F(m[(i, j)]),
        }
    }

    pub fn col(&self, j: usize) -> Mat {
        match self {
            Mat::E(m) => Mat::E(m.columns(j, 1).into_owned()),
            Mat::F(m) => Mat::F(m.columns(j, 1).into_owned()),
        }
    }

    /// The conjugate transpose (the transpose for real matrices).
    pub fn t(&self) -> Mat {
        match self {
            Mat::E(m) => Mat::E(m.transpose()),
            Mat::F(m) => Mat::F(m.adjoint()),
        }
    }

    /// Both exact and small enough to multiply exactly.
    fn exact_pair<'a>(&'a self, o: &'a Mat) -> Option<(&'a RatMat, &'a RatMat)> {
        match (self, o) {
            (Mat::E(a), Mat::E(b)) if a.len() + b.len() <= exact::MAX_EXACT_ENTRIES => Some((a, b)),
            _ => None,
        }
    }

    /// `self * o`; the caller has checked the shapes.
    pub fn mul(&self, o: &Mat) -> Mat {
        if let Some((a, b)) = self.exact_pair(o) {
            if let Ok(p) = exact::matrix::matmul(a, b) {
                return Mat::E(p);
            }
        }
        Mat::F(self.f() * o.f())
    }

    /// `self - o`; the caller has checked the shapes.
    pub fn sub(&self, o: &Mat) -> Mat {
        if let Some((a, b)) = self.exact_pair(o) {
            if let Ok(d) = exact::matrix::sub(a, b) {
                return Mat::E(d);
            }
        }
        Mat::F(self.f() - o.f())
    }

    pub fn scale(&self, s: &Num) -> Mat {
        match (self, s) {
            (Mat::E(m), Num::R(r)) => Mat::E(exact::matrix::scale(m, r)),
            _ => Mat::F(self.f() * s.c()),
        }
    }

    /// Largest entry size.
    pub fn max_abs(&self) -> f64 {
        self.f().iter().map(|z| z.norm()).fold(0.0, f64::max)
    }

    /// Largest row sum of sizes (the infinity norm).
    pub fn norm_inf(&self) -> f64 {
        let f = self.f();
        f.row_iter()
            .map(|r| r.iter().map(|z| z.norm()).sum::<f64>())
            .fold(0.0, f64::max)
    }

    pub fn is_zero_vec(&self) -> bool {
        match self {
            Mat::E(m) => m.iter().all(Rat::is_zero),
            Mat::F(m) => m.iter().all(|z| z.norm() == 0.0),
        }
    }

    /// Every entry within `bound` of zero (exactly zero when exact and `bound` is 0).
    pub fn within(&self, bound: f64) -> bool {
        match self {
            Mat::E(m) if bound == 0.0 => m.iter().all(Rat::is_zero),
            _ => self.max_abs() <= bound,
        }
    }

    /// The first entry (row by row, as a student reads) larger than `bound`.
    pub fn first_off_by_rows(&self, bound: f64) -> Option<(usize, usize)> {
        let (r, c) = self.shape();
        (0..r)
            .flat_map(|i| (0..c).map(move |j| (i, j)))
            .find(|&(i, j)| match self {
                Mat::E(m) if bound == 0.0 => !m[(i, j)].is_zero(),
                _ => self.at(i, j).c().norm() > bound,
            })
    }

    /// Rank: exact when exact; otherwise singular values above `tol` times the largest.
    pub fn rank(&self, abs_tol: f64) -> usize {
        if let Mat::E(m) = self {
            if let Ok(r) = exact::rank_if_affordable(m) {
                return r;
            }
        }
        self.singular_values()
            .iter()
            .filter(|&&s| s > abs_tol)
            .count()
    }

    pub fn singular_values(&self) -> Vec<f64> {
        let f = self.f();
        if f.is_empty() {
            return Vec::new();
        }
        f.singular_values().iter().copied().collect()
    }

    /// `[3; 6; 9]`, `[1 2]`, `5`.
    pub fn inline(&self) -> String {
        let (r, c) = self.shape();
        if r * c == 1 {
            return self.at(0, 0).text();
        }
        let rows: Vec<String> = (0..r)
            .map(|i| {
                (0..c)
                    .map(|j| self.at(i, j).text())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        format!("[{}]", rows.join("; "))
    }
}
