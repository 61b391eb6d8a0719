//! The memory-bound vector kernels of the tridiagonal reduction (dot
//! product, axpy, the fused symmetric matrix-vector product). Each body is
//! written once and compiled three times: portable, and for x86-64 with
//! AVX2+FMA and with AVX-512, the widest the CPU has being picked at run
//! time (a default build may only assume SSE2).

use std::ops::Range;
use std::sync::OnceLock;

/// A SIMD level the running CPU supports. Only `detect` and `available`
/// make one, so a dispatch can never enter code the CPU cannot run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Level(Isa);

/// The instruction sets dispatched on (public to `multiversion!`'s users;
/// only a `Level` vouches that the CPU has one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Isa {
    Portable,
    #[cfg(target_arch = "x86_64")]
    Avx2,
    #[cfg(target_arch = "x86_64")]
    Avx512,
}

impl Level {
    pub(crate) fn isa(self) -> Isa {
        self.0
    }

    /// The widest level of this CPU (detected once).
    pub(crate) fn detect() -> Level {
        static BEST: OnceLock<Level> = OnceLock::new();
        *BEST.get_or_init(|| *Level::available().last().unwrap_or(&Level(Isa::Portable)))
    }

    /// Every level this CPU can run, narrowest first (tests run each).
    pub(crate) fn available() -> Vec<Level> {
        #[allow(unused_mut)]
        let mut levels = vec![Level(Isa::Portable)];
        #[cfg(target_arch = "x86_64")]
        {
            if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                levels.push(Level(Isa::Avx2));
                if is_x86_feature_detected!("avx512f") {
                    levels.push(Level(Isa::Avx512));
                }
            }
        }
        levels
    }
}

/// Accumulators per reduction: enough independent chains to keep two FMA
/// units busy (two AVX-512 registers, four AVX2 ones).
const LANES: usize = 16;

/// a*b + c, fused when the level has FMA (the portable build must not call
/// `mul_add`, which is a slow library call without the instruction).
#[inline(always)]
fn madd<const FMA: bool>(a: f64, b: f64, c: f64) -> f64 {
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// Defines `$name(level, args)` running `$body::<FMA>(args)` compiled for
/// `level`'s instruction set.
macro_rules! multiversion {
    ($(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) $(-> $ret:ty)? = $body:ident;) => {
        $(#[$m])*
        $vis fn $name(level: Level, $($arg: $ty),*) $(-> $ret)? {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx2,fma")]
                unsafe fn avx512($($arg: $ty),*) $(-> $ret)? {
                    $body::<true>($($arg),*)
                }
                #[target_feature(enable = "avx2,fma")]
                unsafe fn avx2($($arg: $ty),*) $(-> $ret)? {
                    $body::<true>($($arg),*)
                }
                match level.isa() {
                    // SAFETY: a `Level` is only made after detecting its features.
                    $crate::linalg::simd::Isa::Avx512 => return unsafe { avx512($($arg),*) },
                    // SAFETY: as above.
                    $crate::linalg::simd::Isa::Avx2 => return unsafe { avx2($($arg),*) },
                    $crate::linalg::simd::Isa::Portable => {}
                }
            }
            #[cfg(not(target_arch = "x86_64"))]
            let _ = level;
            $body::<false>($($arg),*)
        }
    };
}
pub(crate) use multiversion;

multiversion! {
    /// x . y over the shorter length.
    pub(crate) fn dot(x: &[f64], y: &[f64]) -> f64 = dot_body;
}

multiversion! {
    /// y += alpha * x over the shorter length.
    pub(crate) fn axpy(alpha: f64, x: &[f64], y: &mut [f64]) = axpy_body;
}

multiversion! {
    /// y += A[:, cols] x[cols] + (A[cols, :])' x restricted to the columns
    /// `cols` of the symmetric m x m matrix A stored in its lower triangle
    /// (column c is `a[c*lda + c .. c*lda + m]`, diagonal first). Summed over
    /// all columns this is y += A x; it touches `y[cols.start..]` only.
    pub(crate) fn symv_lower(a: &[f64], lda: usize, m: usize, cols: Range<usize>, x: &[f64], y: &mut [f64]) = symv_body;
}

#[inline(always)]
fn dot_body<const FMA: bool>(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    let (x, y) = (&x[..n], &y[..n]);
    let mut acc = [0.0; LANES];
    let (xs, ys) = (x.chunks_exact(LANES), y.chunks_exact(LANES));
    let tail: f64 = xs
        .remainder()
        .iter()
        .zip(ys.remainder())
        .map(|(a, b)| a * b)
        .sum();
    for (xc, yc) in xs.zip(ys) {
        for l in 0..LANES {
            acc[l] = madd::<FMA>(xc[l], yc[l], acc[l]);
        }
    }
    acc.iter().sum::<f64>() + tail
}

#[inline(always)]
fn axpy_body<const FMA: bool>(alpha: f64, x: &[f64], y: &mut [f64]) {
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi = madd::<FMA>(alpha, *xi, *yi);
    }
}

#[inline(always)]
fn symv_body<const FMA: bool>(
    a: &[f64],
    lda: usize,
    m: usize,
    cols: Range<usize>,
    x: &[f64],
    y: &mut [f64],
) {
    let col = |c: usize| &a[c * lda + c..c * lda + m];
    let mut c = cols.start;
    // Two columns per pass: each y entry is loaded and stored once for both.
    while c + 1 < cols.end {
        let (a0, a1) = (col(c), col(c + 1));
        let (x0, x1) = (x[c], x[c + 1]);
        y[c] += a0[0] * x0 + a0[1] * x[c + 1];
        y[c + 1] += a0[1] * x0 + a1[0] * x1;
        let (d0, d1) = symv_pair::<FMA>(&a0[2..], &a1[1..], x0, x1, &x[c + 2..m], &mut y[c + 2..m]);
        y[c] += d0;
        y[c + 1] += d1;
        c += 2;
    }
    if c < cols.end {
        let a0 = col(c);
        y[c] += a0[0] * x[c] + dot_body::<FMA>(&a0[1..], &x[c + 1..m]);
        axpy_body::<FMA>(x[c], &a0[1..], &mut y[c + 1..m]);
    }
}

/// y += p*x0 + q*x1, returning (p . x, q . x): two columns below their
/// diagonal block, read once.
#[inline(always)]
fn symv_pair<const FMA: bool>(
    p: &[f64],
    q: &[f64],
    x0: f64,
    x1: f64,
    x: &[f64],
    y: &mut [f64],
) -> (f64, f64) {
    // One register's width: columns are short, so the scalar tail matters.
    const LANES: usize = 8;
    let (mut d0, mut d1) = ([0.0; LANES], [0.0; LANES]);
    let split = x.len() - x.len() % LANES;
    let (yb, yt) = y.split_at_mut(split);
    for (((pc, qc), xc), yc) in p
        .chunks_exact(LANES)
        .zip(q.chunks_exact(LANES))
        .zip(x.chunks_exact(LANES))
        .zip(yb.chunks_exact_mut(LANES))
    {
        for l in 0..LANES {
            yc[l] = madd::<FMA>(pc[l], x0, madd::<FMA>(qc[l], x1, yc[l]));
            d0[l] = madd::<FMA>(pc[l], xc[l], d0[l]);
            d1[l] = madd::<FMA>(qc[l], xc[l], d1[l]);
        }
    }
    let (mut t0, mut t1) = (0.0, 0.0);
    for (i, yi) in yt.iter_mut().enumerate() {
        let (pi, qi, xi) = (p[split + i], q[split + i], x[split + i]);
        *yi += pi * x0 + qi * x1;
        t0 += pi * xi;
        t1 += qi * xi;
    }
    (d0.iter().sum::<f64>() + t0, d1.iter().sum::<f64>() + t1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::testutil::Rng;

    /// Every level against sums written out term by term, on lengths
    /// around the lane count and column ranges of both parities.
    #[test]
    fn kernels_match_plain_sums_at_every_level() {
        let mut rng = Rng::new(7);
        for level in Level::available() {
            for n in [0, 1, 2, 15, 16, 17, 33, 64, 101] {
                let x: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
                let y: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
                let want: f64 = (0..n).map(|i| x[i] * y[i]).sum();
                assert!(
                    (dot(level, &x, &y) - want).abs() <= 1e-14 * n as f64,
                    "{level:?} {n}"
                );
                let mut z = y.clone();
                axpy(level, -0.5, &x, &mut z);
                assert!((0..n).all(|i| (z[i] - (y[i] - 0.5 * x[i])).abs() <= 1e-15));
            }
            for m in [1, 2, 3, 18, 19, 40, 77] {
                let lda = m + 3;
                let a: Vec<f64> = (0..lda * m).map(|_| rng.uniform()).collect();
                let sym = |i: usize, j: usize| a[i.min(j) * lda + i.max(j)];
                let x: Vec<f64> = (0..m).map(|_| rng.uniform()).collect();
                for s in [0, 1, m / 2] {
                    let mut y = vec![0.0; m];
                    symv_lower(level, &a, lda, m, 0..s, &x, &mut y);
                    symv_lower(level, &a, lda, m, s..m, &x, &mut y);
                    for (i, yi) in y.iter().enumerate() {
                        let want: f64 = (0..m).map(|j| sym(i, j) * x[j]).sum();
                        assert!((yi - want).abs() <= 1e-13, "{level:?} m={m} s={s} row {i}");
                    }
                }
            }
        }
    }
}
