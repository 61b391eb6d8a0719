//! Octave's estimate of the matrix p-norm max ||Ax||_p / ||x||_p for
//! 1 < p < Inf, real or complex (N. J. Higham, "Estimating the matrix
//! p-norm", 1992): a start vector grown column by column, each step keeping
//! the best lambda y + mu a_k with |lambda|^p + |mu|^p = 1 (for complex
//! entries mu also turns through sampled phases), then the power method with
//! dual vectors until the estimate stops growing.

use super::C64;
use nalgebra::{ComplexField, DMatrix};

/// An entry type the estimate runs on: the phases mu is tried with.
pub trait Entry: ComplexField<RealField = f64> + Copy {
    fn phases(samples: usize) -> Vec<Self>;
}

impl Entry for f64 {
    /// Real: the sign is already covered by the angles of (lambda, mu).
    fn phases(_: usize) -> Vec<f64> {
        vec![1.0]
    }
}

impl Entry for C64 {
    fn phases(samples: usize) -> Vec<C64> {
        (0..samples)
            .map(|j| C64::from_polar(1.0, j as f64 * std::f64::consts::TAU / samples as f64))
            .collect()
    }
}

/// The vector p-norm, scaled by the largest magnitude so that no power
/// overflows or underflows.
fn norm<T: Entry>(v: &[T], p: f64) -> f64 {
    let max = v.iter().fold(0.0f64, |m, x| m.max(x.modulus()));
    if max == 0.0 {
        return 0.0;
    }
    let sum: f64 = v.iter().map(|x| (x.modulus() / max).powf(p)).sum();
    max * sum.powf(1.0 / p)
}

/// The dual of v: sign(v_i) |v_i|^(p-1), scaled to unit q-norm.
fn dual<T: Entry>(v: &[T], p: f64, q: f64) -> Vec<T> {
    let d: Vec<T> = v
        .iter()
        .map(|x| match x.modulus() {
            0.0 => T::zero(),
            m => x.scale(m.powf(p - 2.0)),
        })
        .collect();
    let n = norm(&d, q);
    d.into_iter().map(|x| x.unscale(n)).collect()
}

/// The estimate (exact for a vector-like or diagonal matrix; within a
/// small factor of the true norm, and as Octave's, otherwise). NaN entries
/// give NaN, Inf entries Inf, the zero matrix 0.
pub fn p_norm_estimate<T: Entry>(a: &DMatrix<T>, p: f64) -> f64 {
    let mags: Vec<f64> = a.iter().map(|x| x.modulus()).collect();
    if mags.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if mags.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if mags.iter().all(|&x| x == 0.0) {
        return 0.0;
    }
    let q = p / (p - 1.0);
    let mut x = start_vector(a, p);
    let nx = norm(&x, p);
    x.iter_mut().for_each(|xi| *xi = xi.unscale(nx));
    let (m, n) = a.shape();
    let mut gamma = 0.0;
    for iter in 0..256 {
        let y = a * DMatrix::from_column_slice(n, 1, &x);
        let last = gamma;
        gamma = norm(y.as_slice(), p);
        let z = a.adjoint() * DMatrix::from_column_slice(m, 1, &dual(y.as_slice(), p, q));
        if iter > 0
            && (norm(z.as_slice(), q) <= gamma || gamma - last <= f64::EPSILON.sqrt() * gamma)
        {
            break;
        }
        x = dual(z.as_slice(), q, p);
    }
    gamma
}

/// Column k joins as y <- lambda y + mu a_k with the (lambda, mu) of unit
/// p-norm, from 4k sampled angles and phases, that makes y longest.
fn start_vector<T: Entry>(a: &DMatrix<T>, p: f64) -> Vec<T> {
    let (m, n) = a.shape();
    let (mut x, mut y) = (vec![T::zero(); n], vec![T::zero(); m]);
    for k in 0..n {
        let col: Vec<T> = a.column(k).iter().copied().collect();
        let samples = 4 * k;
        let (mut lambda, mut mu, mut best) = (0.0, T::one(), 0.0);
        for i in 0..samples {
            let phi = i as f64 * std::f64::consts::PI / samples as f64;
            let (l, u) = (phi.cos(), phi.sin());
            let s = (l.abs().powf(p) + u.abs().powf(p)).powf(1.0 / p);
            let (l, u) = (l / s, u / s);
            for phase in T::phases(samples) {
                let u = phase.scale(u);
                let v: Vec<T> = y
                    .iter()
                    .zip(&col)
                    .map(|(y, c)| y.scale(l) + u * *c)
                    .collect();
                let nv = norm(&v, p);
                if nv > best {
                    (lambda, mu, best) = (l, u, nv);
                }
            }
        }
        x[..k].iter_mut().for_each(|xi| *xi = xi.scale(lambda));
        x[k] = mu;
        y.iter_mut()
            .zip(&col)
            .for_each(|(yi, c)| *yi = yi.scale(lambda) + mu * *c);
    }
    x
}
