//! Roots of the secular equation f(x) = 1/rho + sum z_j^2 / (d_j - x) = 0
//! for d strictly ascending, z nonzero and rho > 0: root i lies in
//! (d_i, d_{i+1}), the last in (d_K, d_K + rho*|z|^2]. Each root is kept as
//! its nearer pole plus an offset, so every d_j - x_i is formed without
//! cancellation (Gu and Eisenstat). The iteration fits the two nearest
//! poles and the rest by their slope (Li's "middle way"), inside a bracket
//! that shrinks every step and falls back to bisection, so it always ends.

use rayon::prelude::*;

/// Model steps before the remaining iterations bisect.
const MODEL_STEPS: usize = 40;
/// Enough bisections to shrink any bracket below rounding.
const MAX_STEPS: usize = MODEL_STEPS + 1100;

/// Returns the K roots ascending and the K x K column-major matrix of
/// differences, column i holding d_j - root_i.
pub(super) fn roots(d: &[f64], z: &[f64], rho: f64, parallel: bool) -> (Vec<f64>, Vec<f64>) {
    let k = d.len();
    let mut delta = vec![0.0; k * k];
    if k == 0 {
        return (Vec::new(), delta);
    }
    let lambda = if parallel {
        delta
            .par_chunks_mut(k)
            .enumerate()
            .map(|(i, col)| root(d, z, rho, i, col))
            .collect()
    } else {
        delta
            .chunks_mut(k)
            .enumerate()
            .map(|(i, col)| root(d, z, rho, i, col))
            .collect()
    };
    (lambda, delta)
}

/// Value and slope pieces of f at one point, split at the model's poles.
struct Eval {
    /// f itself.
    w: f64,
    /// Slopes of the sums over j <= a and j > a.
    dpsi: f64,
    dphi: f64,
    /// Bound on the rounding error in w.
    err: f64,
}

/// Root i; `col` gets d_j - root on return (and serves as scratch).
fn root(d: &[f64], z: &[f64], rho: f64, i: usize, col: &mut [f64]) -> f64 {
    let k = d.len();
    let last = i + 1 == k;
    let (origin, mut lo, mut hi) = bracket(d, z, rho, i);
    for (c, dj) in col.iter_mut().zip(d) {
        *c = dj - d[origin];
    }
    // The two poles the model fits exactly: the root's neighbours, or the
    // last two for the last root.
    let a = if last { k.saturating_sub(2) } else { i };
    let mut tau = 0.5 * (lo + hi);
    for step in 0..MAX_STEPS {
        let ev = eval(col, z, rho, a, tau);
        if ev.w.abs() <= f64::EPSILON * ev.err || ev.w == 0.0 {
            break;
        }
        if ev.w < 0.0 {
            lo = tau;
        } else {
            hi = tau;
        }
        if hi - lo <= 2.0 * f64::EPSILON * lo.abs().max(hi.abs()) {
            break;
        }
        let next = if step < MODEL_STEPS {
            tau + model_step(col, a, last, tau, &ev)
        } else {
            f64::NAN
        };
        tau = if next > lo && next < hi {
            next
        } else {
            0.5 * (lo + hi)
        };
    }
    for c in col.iter_mut() {
        *c -= tau;
    }
    d[origin] + tau
}

/// The pole the root is measured from and the bracket of its offset.
fn bracket(d: &[f64], z: &[f64], rho: f64, i: usize) -> (usize, f64, f64) {
    if i + 1 == d.len() {
        let norm2: f64 = z.iter().map(|x| x * x).sum();
        return (i, 0.0, rho * norm2);
    }
    let half = 0.5 * (d[i + 1] - d[i]);
    let mid = d[i] + half;
    let f = 1.0 / rho
        + d.iter()
            .zip(z)
            .map(|(dj, zj)| zj * zj / (dj - mid))
            .sum::<f64>();
    if f >= 0.0 {
        (i, 0.0, half)
    } else {
        (i + 1, -half, 0.0)
    }
}

/// f at origin + tau, with `base` holding d_j - origin.
fn eval(base: &[f64], z: &[f64], rho: f64, a: usize, tau: f64) -> Eval {
    let (mut psi, mut dpsi, mut phi, mut dphi) = (0.0, 0.0, 0.0, 0.0);
    for (b, zj) in base[..=a].iter().zip(&z[..=a]) {
        let t = zj / (b - tau);
        psi += zj * t;
        dpsi += t * t;
    }
    for (b, zj) in base[a + 1..].iter().zip(&z[a + 1..]) {
        let t = zj / (b - tau);
        phi += zj * t;
        dphi += t * t;
    }
    let rhoinv = 1.0 / rho;
    Eval {
        w: rhoinv + psi + phi,
        dpsi,
        dphi,
        err: 8.0 * (phi.abs() + psi.abs()) + 2.0 * rhoinv + 3.0 * tau.abs() * (dpsi + dphi),
    }
}

/// Correction to tau from the model c + s/(d_a - x) + S/(d_{a+1} - x),
/// whose pole weights match f's slopes at the current point.
fn model_step(base: &[f64], a: usize, last: bool, tau: f64, ev: &Eval) -> f64 {
    let newton = -ev.w / (ev.dpsi + ev.dphi);
    if base.len() < 2 {
        return newton;
    }
    let (da, db) = (base[a] - tau, base[a + 1] - tau);
    let c = ev.w - da * ev.dpsi - db * ev.dphi;
    let aa = (da + db) * ev.w - da * db * (ev.dpsi + ev.dphi);
    let bb = da * db * ev.w;
    let disc = (aa * aa - 4.0 * bb * c).abs().sqrt();
    let eta = if last {
        let c = c.abs();
        if c == 0.0 {
            return newton;
        }
        if aa >= 0.0 {
            (aa + disc) / (2.0 * c)
        } else {
            2.0 * bb / (aa - disc)
        }
    } else {
        if c == 0.0 {
            return newton;
        }
        if aa <= 0.0 {
            (aa - disc) / (2.0 * c)
        } else {
            2.0 * bb / (aa + disc)
        }
    };
    // A step against the sign of f cannot approach the root.
    if eta * ev.w >= 0.0 || !eta.is_finite() {
        newton
    } else {
        eta
    }
}
