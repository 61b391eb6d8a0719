//! Roots of the secular equation f(x) = 1/rho + sum z_j^2 / (d_j - x) = 0
//! for d strictly ascending, z nonzero and rho > 0: root i lies in
//! (d_i, d_{i+1}), the last in (d_K, d_K + rho*|z|^2]. Each root is kept as
//! its nearer pole plus an offset, so every d_j - x_i is formed without
//! cancellation (Gu and Eisenstat). The iteration fits the two nearest
//! poles and the rest by their slope (Li's "middle way"), inside a bracket
//! that shrinks every step and falls back to bisection, so it always ends.

use crate::linalg::simd::Level;
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
    // The two poles the model fits exactly: the root's neighbours, or the
    // last two for the last root.
    let a = if last { k.saturating_sub(2) } else { i };
    let rebase = |col: &mut [f64], origin: usize| {
        for (c, dj) in col.iter_mut().zip(d) {
            *c = dj - d[origin];
        }
    };
    rebase(col, i);
    // The first point: the middle of the gap, whose sign of f tells which
    // pole is nearer (and so the origin); for the last root, d_K + rho*|z|^2/2.
    let (mut lo, mut hi) = if last {
        (0.0, rho * z.iter().map(|x| x * x).sum::<f64>())
    } else {
        (0.0, 0.5 * (d[i + 1] - d[i]))
    };
    let mut tau = if last { 0.5 * hi } else { hi };
    let mut origin = i;
    for step in 0..MAX_STEPS {
        let ev = eval(col, z, rho, a, tau);
        if step == 0 && !last && ev.w < 0.0 {
            origin = i + 1;
            rebase(col, origin);
            (lo, hi, tau) = (-hi, 0.0, -hi);
        }
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

/// f at origin + tau, with `base` holding d_j - origin.
fn eval(base: &[f64], z: &[f64], rho: f64, a: usize, tau: f64) -> Eval {
    let (psi, dpsi) = sums(Level::detect(), &base[..=a], &z[..=a], tau);
    let (phi, dphi) = sums(Level::detect(), &base[a + 1..], &z[a + 1..], tau);
    let rhoinv = 1.0 / rho;
    Eval {
        w: rhoinv + psi + phi,
        dpsi,
        dphi,
        err: 8.0 * (phi.abs() + psi.abs()) + 2.0 * rhoinv + 3.0 * tau.abs() * (dpsi + dphi),
    }
}

crate::linalg::simd::multiversion! {
    /// The secular sums compiled for the CPU's widest instruction set: the
    /// baseline SSE2 build divides two lanes at a time.
    fn sums(base: &[f64], z: &[f64], tau: f64) -> (f64, f64) = sums_body;
}

/// Sum of z_j^2/(b_j - tau) and of its slope, z_j^2/(b_j - tau)^2, in
/// eight lanes so the divisions vectorise.
#[inline(always)]
fn sums_body<const FMA: bool>(base: &[f64], z: &[f64], tau: f64) -> (f64, f64) {
    const L: usize = 8;
    let (mut f, mut df) = ([0.0; L], [0.0; L]);
    let (bc, zc) = (base.chunks_exact(L), z.chunks_exact(L));
    let (br, zr) = (bc.remainder(), zc.remainder());
    for (b, z) in bc.zip(zc) {
        for l in 0..L {
            let t = z[l] / (b[l] - tau);
            f[l] += z[l] * t;
            df[l] += t * t;
        }
    }
    for (b, z) in br.iter().zip(zr) {
        let t = z / (b - tau);
        f[0] += z * t;
        df[0] += t * t;
    }
    (f.iter().sum(), df.iter().sum())
}

/// Correction to tau from the model c + s/(d_a - x) + S/(d_{a+1} - x)
/// through the current point, its pole weights matching f's slopes on
/// either side (Li's middle way; the poles' own weights z_a^2, z_{a+1}^2
/// took one evaluation more per root, measured).
fn model_step(base: &[f64], a: usize, last: bool, tau: f64, ev: &Eval) -> f64 {
    let newton = -ev.w / (ev.dpsi + ev.dphi);
    if base.len() < 2 {
        return newton;
    }
    let (da, db) = (base[a] - tau, base[a + 1] - tau);
    let (s, big_s) = (da * da * ev.dpsi, db * db * ev.dphi);
    let c = ev.w - s / da - big_s / db;
    let aa = c * (da + db) + s + big_s;
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
