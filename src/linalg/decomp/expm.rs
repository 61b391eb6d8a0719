//! Matrix exponential by scaling and squaring with a Pade 13 approximant.

use super::*;

/// Padé(13) coefficients and the 1-norm bound below which it is accurate to
/// double precision (Higham 2005, "The scaling and squaring method for the
/// matrix exponential revisited").
pub(super) const PADE13: [f64; 14] = [
    64764752532480000.0,
    32382376266240000.0,
    7771770303897600.0,
    1187353796428800.0,
    129060195264000.0,
    10559470521600.0,
    670442572800.0,
    33522128640.0,
    1323241920.0,
    40840800.0,
    960960.0,
    16380.0,
    182.0,
    1.0,
];
pub(super) const THETA13: f64 = 5.371920351148152;

/// Matrix exponential by scaling and squaring with a degree-13 Padé
/// approximant. NaN/Inf input is an error.
pub fn expm(a: &RMat) -> Result<RMat> {
    ensure_square("expm", a)?;
    ensure_finite("expm", a)?;
    let n = a.nrows();
    // A diagonal matrix's exponential is exp of each entry (exact to libm,
    // as Octave's); Padé would only approximate it.
    if (0..n).all(|j| (0..n).all(|i| i == j || a[(i, j)] == 0.0)) {
        return Ok(RMat::from_diagonal(&a.diagonal().map(f64::exp)));
    }
    let norm1 = (0..n)
        .map(|j| a.column(j).iter().map(|x| x.abs()).sum::<f64>())
        .fold(0.0, f64::max);
    let s = if norm1 > THETA13 {
        (norm1 / THETA13).log2().ceil() as i32
    } else {
        0
    };
    let a = a / 2f64.powi(s);
    let mut r = pade13(&a);
    for _ in 0..s {
        r = &r * &r;
    }
    Ok(r)
}

pub(super) fn pade13(a: &RMat) -> RMat {
    let b = &PADE13;
    let id = RMat::identity(a.nrows(), a.ncols());
    let a2 = a * a;
    let a4 = &a2 * &a2;
    let a6 = &a4 * &a2;
    let u_inner = &a6 * (&a6 * b[13] + &a4 * b[11] + &a2 * b[9]);
    let u = a * (u_inner + &a6 * b[7] + &a4 * b[5] + &a2 * b[3] + &id * b[1]);
    let v_inner = &a6 * (&a6 * b[12] + &a4 * b[10] + &a2 * b[8]);
    let v = v_inner + &a6 * b[6] + &a4 * b[4] + &a2 * b[2] + &id * b[0];
    // (V - U) is well conditioned for ||A||_1 <= theta13, so plain LU is fine.
    lu_factor(&(&v - &u)).solve(&(&v + &u))
}
