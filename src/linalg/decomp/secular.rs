//! Roots of the secular equation f(x) = 1/rho + sum z_j^2 / (p_j - x) = 0
//! for rho > 0, z nonzero and poles p_j strictly ascending, shared by the
//! two divide and conquer solvers. For the symmetric eigenproblem
//! (D + rho z z') the poles are d_j and x an eigenvalue; for the singular
//! values of an arrowhead matrix ([z; 0 D], so D^2 + z z') they are d_j^2
//! and x = s^2. Root i lies between poles i and i+1, the last one above
//! the last pole by at most rho*|z|^2. Each root is kept as its nearer d
//! plus an offset tau, so every pole distance is formed without
//! cancellation (Gu and Eisenstat): d_j - x = (d_j - d_o) - tau, and
//! d_j^2 - s^2 = ((d_j - d_o) - tau) * ((d_j + d_o) + tau). The iteration
//! fits the two nearest poles and the rest by their slope (Li's "middle
//! way"), inside a bracket that shrinks every step and falls back to
//! bisection, so it always ends.

use crate::linalg::simd::Level;
use rayon::prelude::*;

/// Model steps before the remaining iterations bisect.
const MODEL_STEPS: usize = 40;
/// Enough bisections to shrink any bracket below rounding.
const MAX_STEPS: usize = MODEL_STEPS + 1100;

/// Which problem the poles come from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Poles {
    /// Poles d_j, roots eigenvalues.
    Plain,
    /// Poles d_j^2 (d_j >= 0), roots singular values s with s^2 = x.
    Squared,
}

/// Returns the K roots ascending (eigenvalues, or singular values for
/// `Squared`) and the K x K column-major matrix of pole distances, column
/// i holding p_j - x_i.
pub(super) fn roots(
    kind: Poles,
    d: &[f64],
    z: &[f64],
    rho: f64,
    parallel: bool,
) -> (Vec<f64>, Vec<f64>) {
    let k = d.len();
    let mut delta = vec![0.0; k * k];
    if k == 0 {
        return (Vec::new(), delta);
    }
    let one = |(i, col): (usize, &mut [f64])| {
        let mut plus = Vec::new();
        root(kind, d, z, rho, i, col, &mut plus)
    };
    let lambda = if parallel {
        delta.par_chunks_mut(k).enumerate().map(one).collect()
    } else {
        delta.chunks_mut(k).enumerate().map(one).collect()
    };
    (lambda, delta)
}

/// Value and slope pieces of f at one point, split at the model's poles.
struct Eval {
    /// f itself.
    w: f64,
    /// Slopes (in x) of the sums over j <= a and j > a.
    dpsi: f64,
    dphi: f64,
    /// Bound on the rounding error in w.
    err: f64,
}

/// The distances to the poles from d_o + tau, where `base` holds d_j - d_o
/// and `plus` d_j + d_o (empty for plain poles).
struct Frame<'a> {
    base: &'a mut [f64],
    plus: &'a mut Vec<f64>,
    origin: f64,
}

impl Frame<'_> {
    fn rebase(&mut self, d: &[f64], origin: usize, kind: Poles) {
        self.origin = d[origin];
        for (c, dj) in self.base.iter_mut().zip(d) {
            *c = dj - self.origin;
        }
        if kind == Poles::Squared {
            self.plus.clear();
            self.plus.extend(d.iter().map(|dj| dj + self.origin));
        }
    }

    /// p_j - x at offset tau.
    fn dist(&self, j: usize, tau: f64) -> f64 {
        let b = self.base[j] - tau;
        match self.plus.get(j) {
            Some(p) => b * (p + tau),
            None => b,
        }
    }

    /// x - p_o at offset tau (how far the point is from its origin in x).
    fn x_offset(&self, tau: f64) -> f64 {
        if self.plus.is_empty() {
            tau
        } else {
            tau * (2.0 * self.origin + tau)
        }
    }

    /// The offset step that moves x by `eta`.
    fn tau_step(&self, tau: f64, eta: f64) -> f64 {
        if self.plus.is_empty() {
            return eta;
        }
        let s = self.origin + tau;
        // (s + dt)^2 = s^2 + eta, without cancellation (NaN past zero,
        // which the bracket test turns into a bisection).
        eta / (s + (s * s + eta).sqrt())
    }
}

/// Root i; `col` gets p_j - x_i on return (and serves as scratch).
fn root(
    kind: Poles,
    d: &[f64],
    z: &[f64],
    rho: f64,
    i: usize,
    col: &mut [f64],
    plus: &mut Vec<f64>,
) -> f64 {
    let k = d.len();
    let last = i + 1 == k;
    // The two poles the model fits exactly: the root's neighbours, or the
    // last two for the last root.
    let a = if last { k.saturating_sub(2) } else { i };
    let mut fr = Frame {
        base: col,
        plus,
        origin: 0.0,
    };
    fr.rebase(d, i, kind);
    // The first point: the middle of the gap, whose sign of f tells which
    // pole is nearer (and so the origin); for the last root, half way to
    // the bound rho*|z|^2 above the last pole.
    let (mut lo, mut hi) = if last {
        let bound = rho * z.iter().map(|x| x * x).sum::<f64>();
        let top = match kind {
            Poles::Plain => bound,
            Poles::Squared => bound / (d[i] + (d[i] * d[i] + bound).sqrt()),
        };
        (0.0, top)
    } else {
        (0.0, 0.5 * (d[i + 1] - d[i]))
    };
    let mut tau = if last { 0.5 * hi } else { hi };
    let mut origin = i;
    for step in 0..MAX_STEPS {
        let ev = eval(&fr, z, rho, a, tau);
        if step == 0 && !last && ev.w < 0.0 {
            origin = i + 1;
            fr.rebase(d, origin, kind);
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
            tau + fr.tau_step(tau, model_step(&fr, a, last, tau, &ev))
        } else {
            f64::NAN
        };
        tau = if next > lo && next < hi {
            next
        } else {
            0.5 * (lo + hi)
        };
    }
    for j in 0..k {
        let p = fr.dist(j, tau);
        fr.base[j] = p;
    }
    d[origin] + tau
}

/// f at offset tau from the frame's origin.
fn eval(fr: &Frame<'_>, z: &[f64], rho: f64, a: usize, tau: f64) -> Eval {
    let lv = Level::detect();
    let split = |r: std::ops::Range<usize>| {
        let plus = fr.plus.get(r.clone()).unwrap_or(&[]);
        sums(lv, &fr.base[r.clone()], plus, &z[r], tau)
    };
    let (psi, dpsi) = split(0..a + 1);
    let (phi, dphi) = split(a + 1..z.len());
    let rhoinv = 1.0 / rho;
    Eval {
        w: rhoinv + psi + phi,
        dpsi,
        dphi,
        err: 8.0 * (phi.abs() + psi.abs())
            + 2.0 * rhoinv
            + 3.0 * fr.x_offset(tau).abs() * (dpsi + dphi),
    }
}

crate::linalg::simd::multiversion! {
    /// The secular sums compiled for the CPU's widest instruction set: the
    /// baseline SSE2 build divides two lanes at a time.
    fn sums(base: &[f64], plus: &[f64], z: &[f64], tau: f64) -> (f64, f64) = sums_body;
}

/// Sum of z_j^2/p_j and of its slope z_j^2/p_j^2, with p_j = b_j - tau
/// (times c_j + tau when `plus` is given), in eight lanes so the
/// divisions vectorise.
#[inline(always)]
fn sums_body<const FMA: bool>(base: &[f64], plus: &[f64], z: &[f64], tau: f64) -> (f64, f64) {
    if plus.is_empty() {
        lanes(z, |j| base[j] - tau)
    } else {
        lanes(z, |j| (base[j] - tau) * (plus[j] + tau))
    }
}

/// Sum of z_j^2/p_j and of z_j^2/p_j^2 for the distances `dist(j)`.
#[inline(always)]
fn lanes(z: &[f64], dist: impl Fn(usize) -> f64) -> (f64, f64) {
    const L: usize = 8;
    let (mut f, mut df) = ([0.0; L], [0.0; L]);
    let n = z.len();
    let full = n - n % L;
    for c in (0..full).step_by(L) {
        for l in 0..L {
            let t = z[c + l] / dist(c + l);
            f[l] += z[c + l] * t;
            df[l] += t * t;
        }
    }
    for (j, zj) in z.iter().enumerate().skip(full) {
        let t = zj / dist(j);
        f[0] += zj * t;
        df[0] += t * t;
    }
    (f.iter().sum(), df.iter().sum())
}

/// Correction to x from the model c + s/(p_a - x) + S/(p_{a+1} - x)
/// through the current point, its pole weights matching f's slopes on
/// either side (Li's middle way; the poles' own weights z_a^2, z_{a+1}^2
/// took one evaluation more per root, measured).
fn model_step(fr: &Frame<'_>, a: usize, last: bool, tau: f64, ev: &Eval) -> f64 {
    let newton = -ev.w / (ev.dpsi + ev.dphi);
    if fr.base.len() < 2 {
        return newton;
    }
    let (da, db) = (fr.dist(a, tau), fr.dist(a + 1, tau));
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

crate::linalg::simd::multiversion! {
    /// Gu and Eisenstat's z, recomputed from the roots so that the vectors
    /// built from it are orthogonal however close the roots are (Löwner's
    /// formula), for rho*|z^2| scaled as the roots' equation has it.
    pub(super) fn lowner_z(kind: Poles, d: &[f64], z: &[f64], delta: &[f64]) -> Vec<f64> = lowner_body;
}

/// The body of [`lowner_z`]: w_j = (p_j - x_j) * prod_{i != j} (p_j - x_i)
/// / (p_j - p_i) = -rho*zhat_j^2, taken one root at a time over contiguous
/// slices (no branch in the loop).
#[inline(always)]
fn lowner_body<const FMA: bool>(kind: Poles, d: &[f64], z: &[f64], delta: &[f64]) -> Vec<f64> {
    let k = d.len();
    let mut w: Vec<f64> = (0..k).map(|j| delta[j * k + j]).collect();
    for (i, col) in delta.chunks(k).enumerate() {
        let di = d[i];
        let ratio = |w: &mut [f64], c: &[f64], d: &[f64]| match kind {
            Poles::Plain => {
                for ((wj, cj), dj) in w.iter_mut().zip(c).zip(d) {
                    *wj *= cj / (dj - di);
                }
            }
            Poles::Squared => {
                for ((wj, cj), dj) in w.iter_mut().zip(c).zip(d) {
                    *wj *= cj / ((dj - di) * (dj + di));
                }
            }
        };
        ratio(&mut w[..i], &col[..i], &d[..i]);
        ratio(&mut w[i + 1..], &col[i + 1..], &d[i + 1..]);
    }
    w.iter()
        .zip(z)
        .map(|(wj, zj)| (-wj).max(0.0).sqrt().copysign(*zj))
        .collect()
}
