//! The f64 matrix product on CPUs with AVX2+FMA but no AVX-512 (AMD Zen 1-3,
//! Intel before Skylake-X). faer's AVX2 kernel there measured 0.75-0.8x
//! OpenBLAS's `dgemm` on one core (AMD EPYC Zen 3, n = 1000 and 2000); this
//! is the BLIS/Goto scheme: a KC x NC panel of B packed once (L3), an MC x KC
//! block of A packed per step (L2), and an 8 x 6 register tile (twelve
//! 4-wide FMA accumulators) over them. With AVX-512 faer's kernels are level
//! with OpenBLAS (Zen 4), so they keep the product there.

use super::simd::{Isa, Level};
use super::RMat;

/// Rows and columns of the register tile: two 4-wide vectors of A's column
/// times six broadcast entries of B's row.
const MR: usize = 8;
const NR: usize = 6;
/// Block sizes (multiples of MR / NR), measured on Zen 3 (L1 32 KB, L2
/// 512 KB): an A block of 96 x 256 is 192 KB, a B micro-panel 256 x 6 is
/// 12 KB; NC = 1020 (a 2 MB B panel) beat 4080 by 10-15% at n = 2000.
const MC: usize = 96;
const KC: usize = 256;
const NC: usize = 1020;

/// A read-only strided view of a column-major matrix (or of its transpose):
/// entry (i, j) is `data[i * rs + j * cs]`.
#[derive(Clone, Copy)]
pub(crate) struct View<'a> {
    data: &'a [f64],
    rows: usize,
    cols: usize,
    rs: usize,
    cs: usize,
}

impl<'a> View<'a> {
    /// `a`, or `a'` when `transposed`, read in place.
    pub(crate) fn new(a: &'a RMat, transposed: bool) -> View<'a> {
        let (m, n) = a.shape();
        let v = View {
            data: a.as_slice(),
            rows: m,
            cols: n,
            rs: 1,
            cs: m,
        };
        if transposed {
            v.t()
        } else {
            v
        }
    }

    fn t(self) -> View<'a> {
        View {
            rows: self.cols,
            cols: self.rows,
            rs: self.cs,
            cs: self.rs,
            ..self
        }
    }

    /// Columns j0..j0 + w.
    pub(crate) fn subcols(self, j0: usize, w: usize) -> View<'a> {
        assert!(j0 + w <= self.cols);
        View {
            data: &self.data[(j0 * self.cs).min(self.data.len())..],
            cols: w,
            ..self
        }
    }

    /// Packs rows r0..r0 + h, columns p0..p0 + kc into W-row panels, each
    /// stored column after column (`out[panel][p * W + i]`), zero-padded to a
    /// whole panel so the kernel never needs an edge case. Reads along the
    /// stored columns (one column after another, or one row of a transposed
    /// view after another): strided reads measured 20% of the product.
    fn pack<const W: usize>(self, r0: usize, h: usize, p0: usize, kc: usize, out: &mut [f64]) {
        let out = &mut out[..h.next_multiple_of(W) * kc];
        if self.rs == 1 {
            for p in 0..kc {
                let col = &self.data[r0 + (p0 + p) * self.cs..][..h];
                let (full, rest) = col.as_chunks::<W>();
                for (ip, src) in full.iter().enumerate() {
                    out[(ip * kc + p) * W..][..W].copy_from_slice(src);
                }
                if !rest.is_empty() {
                    let dst = &mut out[(full.len() * kc + p) * W..][..W];
                    for (i, d) in dst.iter_mut().enumerate() {
                        *d = rest.get(i).copied().unwrap_or(0.0);
                    }
                }
            }
        } else {
            out.fill(0.0);
            for i in 0..h {
                let row = (r0 + i) * self.rs + p0 * self.cs;
                let dst = &mut out[(i / W) * W * kc + i % W..];
                for p in 0..kc {
                    dst[p * W] = self.data[row + p * self.cs];
                }
            }
        }
    }
}

/// Proof that the CPU runs the AVX2+FMA kernel and that it is the one to use
/// (AVX2 is the widest level: with AVX-512 faer is faster).
#[derive(Clone, Copy)]
pub(crate) struct Dgemm(());

impl Dgemm {
    pub(crate) fn detect() -> Option<Dgemm> {
        Self::for_level(Level::detect())
    }

    /// The kernel for `level`, if it is AVX2 (tests run it whatever the widest).
    pub(crate) fn for_level(level: Level) -> Option<Dgemm> {
        match level.isa() {
            #[cfg(target_arch = "x86_64")]
            Isa::Avx2 => Some(Dgemm(())),
            _ => None,
        }
    }

    /// `c += a * b`, `c` column-major with `a.rows` rows and `b.cols` columns.
    pub(crate) fn add_product(self, c: &mut [f64], a: View<'_>, b: View<'_>) {
        let (m, k, n) = (a.rows, a.cols, b.cols);
        assert!(b.rows == k && c.len() == m * n);
        if m == 0 || n == 0 || k == 0 {
            return;
        }
        let mut ap = vec![0.0; MC.min(m).next_multiple_of(MR) * KC.min(k)];
        let mut bp = vec![0.0; NC.min(n).next_multiple_of(NR) * KC.min(k)];
        for jc in (0..n).step_by(NC) {
            let nc = NC.min(n - jc);
            for pc in (0..k).step_by(KC) {
                let kc = KC.min(k - pc);
                let bp = &mut bp[..nc.next_multiple_of(NR) * kc];
                b.t().pack::<NR>(jc, nc, pc, kc, bp);
                for ic in (0..m).step_by(MC) {
                    let mc = MC.min(m - ic);
                    let ap = &mut ap[..mc.next_multiple_of(MR) * kc];
                    a.pack::<MR>(ic, mc, pc, kc, ap);
                    for (jr, bpan) in bp.chunks_exact(NR * kc).enumerate() {
                        for (ir, apan) in ap.chunks_exact(MR * kc).enumerate() {
                            let (i0, j0) = (ic + ir * MR, jc + jr * NR);
                            prefetch_tile(c, m, n, i0, j0);
                            let tile = self.tile(apan, bpan);
                            add_tile(c, m, n, i0, j0, &tile);
                        }
                    }
                }
            }
        }
    }

    /// The MR x NR product of a packed A panel and a packed B panel.
    fn tile(self, a: &[f64], b: &[f64]) -> [f64; MR * NR] {
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: a `Dgemm` is only made when the CPU has AVX2 and FMA.
            unsafe { avx2::tile(a, b) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = (a, b);
            unreachable!("Dgemm is only made on x86-64")
        }
    }
}

/// The live part of a tile of `c`, column by column.
fn tile_cols(
    c: &mut [f64],
    m: usize,
    n: usize,
    i0: usize,
    j0: usize,
) -> impl Iterator<Item = &mut [f64]> {
    let h = MR.min(m - i0);
    c[j0 * m..]
        .chunks_mut(m)
        .take(NR.min(n - j0))
        .map(move |col| &mut col[i0..i0 + h])
}

/// Asks for the cache lines of a tile of `c` while the kernel computes its
/// update: without it their misses measured 20% of the product's time.
fn prefetch_tile(c: &mut [f64], m: usize, n: usize, i0: usize, j0: usize) {
    #[cfg(target_arch = "x86_64")]
    for col in tile_cols(c, m, n, i0, j0) {
        for x in [col.first(), col.last()].into_iter().flatten() {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            // SAFETY: a prefetch never faults, and `x` is a live entry.
            unsafe { _mm_prefetch::<_MM_HINT_T0>((x as *const f64).cast()) };
        }
    }
}

/// Adds the live part of a tile (rows i0.., columns j0.., cut at m x n) to `c`.
fn add_tile(c: &mut [f64], m: usize, n: usize, i0: usize, j0: usize, tile: &[f64; MR * NR]) {
    for (col, t) in tile_cols(c, m, n, i0, j0).zip(tile.chunks_exact(MR)) {
        for (x, y) in col.iter_mut().zip(t) {
            *x += y;
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{MR, NR};
    use std::arch::x86_64::*;

    /// Sum over p of a[p] (MR entries) times b[p] (NR entries), the
    /// accumulators held in twelve registers.
    ///
    /// # Safety
    /// The CPU must support AVX2 and FMA.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn tile(a: &[f64], b: &[f64]) -> [f64; MR * NR] {
        let mut acc = [[_mm256_setzero_pd(); 2]; NR];
        for (ap, bp) in a.chunks_exact(MR).zip(b.chunks_exact(NR)) {
            // SAFETY: `ap` holds MR = 8 entries, read as two 4-wide vectors.
            let (a0, a1) = unsafe {
                (
                    _mm256_loadu_pd(ap.as_ptr()),
                    _mm256_loadu_pd(ap.as_ptr().add(4)),
                )
            };
            for (cj, bj) in acc.iter_mut().zip(bp) {
                let bj = _mm256_set1_pd(*bj);
                cj[0] = _mm256_fmadd_pd(a0, bj, cj[0]);
                cj[1] = _mm256_fmadd_pd(a1, bj, cj[1]);
            }
        }
        let mut out = [0.0; MR * NR];
        for (o, cj) in out.chunks_exact_mut(MR).zip(acc) {
            // SAFETY: `o` holds MR = 8 entries, written as two 4-wide vectors.
            unsafe {
                _mm256_storeu_pd(o.as_mut_ptr(), cj[0]);
                _mm256_storeu_pd(o.as_mut_ptr().add(4), cj[1]);
            }
        }
        out
    }
}

#[cfg(test)]
#[path = "tests/dgemm.rs"]
mod tests;
