//! TEMPORARY stand-in until the faer-backed solvers land.
use super::{CMat, LinalgError, RMat, Result};

pub fn inv(a: &RMat, warnings: &mut Vec<String>) -> Result<RMat> {
    match a.clone().try_inverse() {
        Some(m) => Ok(m),
        None => {
            warnings.push("matrix singular to machine precision".into());
            Ok(RMat::from_element(a.nrows(), a.ncols(), f64::INFINITY))
        }
    }
}
pub fn inv_c(a: &CMat, _w: &mut Vec<String>) -> Result<CMat> {
    a.clone().try_inverse().ok_or(LinalgError::Invalid {
        func: "inv",
        msg: "singular".into(),
    })
}
pub fn solve(a: &RMat, b: &RMat, _w: &mut Vec<String>) -> Result<RMat> {
    if a.is_square() {
        return a.clone().lu().solve(b).ok_or(LinalgError::Invalid {
            func: "mldivide",
            msg: "singular".into(),
        });
    }
    let svd = a.clone().svd(true, true);
    svd.solve(b, 1e-12).map_err(|m| LinalgError::Invalid {
        func: "mldivide",
        msg: m.into(),
    })
}
pub fn solve_c(a: &CMat, b: &CMat, _w: &mut Vec<String>) -> Result<CMat> {
    a.clone().lu().solve(b).ok_or(LinalgError::Invalid {
        func: "mldivide",
        msg: "singular".into(),
    })
}
