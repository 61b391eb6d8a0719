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
        let mut ap_buf = AlignedBuf::new(MC.min(m).next_multiple_of(MR) * KC.min(k));
        let mut bp_buf = AlignedBuf::new(NC.min(n).next_multiple_of(NR) * KC.min(k));
        let (ap, bp) = (ap_buf.get(), bp_buf.get());
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
                            self.add_tile(apan, bpan, c, m, n, i0, j0);
                        }
                    }
                }
            }
        }
    }

    /// Adds the product of a packed A panel and a packed B panel to the tile
    /// of `c` at (i0, j0): whole tiles in place, edge tiles through a buffer
    /// whose live part is then added.
    #[allow(clippy::too_many_arguments)]
    fn add_tile(
        self,
        a: &[f64],
        b: &[f64],
        c: &mut [f64],
        m: usize,
        n: usize,
        i0: usize,
        j0: usize,
    ) {
        if i0 + MR <= m && j0 + NR <= n {
            self.tile(a, b, &mut c[j0 * m + i0..], m);
            return;
        }
        let mut buf = [0.0; MR * NR];
        self.tile(a, b, &mut buf, MR);
        for (col, t) in tile_cols(c, m, n, i0, j0).zip(buf.chunks_exact(MR)) {
            for (x, y) in col.iter_mut().zip(t) {
                *x += y;
            }
        }
    }

    /// `c[i + j * ldc] += sum over p of a[p][i] * b[p][j]` for the MR x NR
    /// tile at the start of `c`.
    fn tile(self, a: &[f64], b: &[f64], c: &mut [f64], ldc: usize) {
        assert!(ldc >= MR && c.len() >= (NR - 1) * ldc + MR);
        assert!(a.len() / MR == b.len() / NR);
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: a `Dgemm` is only made when the CPU has AVX2 and FMA;
            // the asserts above keep every access in bounds.
            unsafe { avx2::tile(a, b, c, ldc) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = (a, b, c, ldc);
            unreachable!("Dgemm is only made on x86-64")
        }
    }
}

/// A zeroed f64 buffer whose start is on a cache line, so that each MR-group
/// of a packed A panel (64 bytes) is one line and no load of the kernel
/// straddles two.
struct AlignedBuf(Vec<f64>, usize);

impl AlignedBuf {
    fn new(len: usize) -> AlignedBuf {
        let v = vec![0.0; len + 8];
        let off = v.as_ptr().align_offset(64).min(8);
        AlignedBuf(v, off)
    }

    fn get(&mut self) -> &mut [f64] {
        let len = self.0.len() - 8;
        &mut self.0[self.1..self.1 + len]
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

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::{MR, NR};
    use std::arch::x86_64::*;

    /// Entries of A's packed panel between the one read and the one prefetched.
    const PREFETCH_A: usize = 8 * MR;

    /// Adds sum over p of a[p] (MR entries) times b[p] (NR entries), the
    /// accumulators held in twelve registers, to the tile at `c` (column
    /// stride `ldc`).
    ///
    /// # Safety
    /// The CPU must support AVX2 and FMA; `a` holds as many MR-groups as `b`
    /// holds NR-groups, and `c` holds (NR - 1) * ldc + MR entries.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn tile(a: &[f64], b: &[f64], c: &mut [f64], ldc: usize) {
        let mut acc = [[_mm256_setzero_pd(); 2]; NR];
        let kc = a.len() / MR;
        let (mut ap, mut bp) = (a.as_ptr(), b.as_ptr());
        // One rank-1 update of the tile from the next MR-group of A and
        // NR-group of B (a macro, so it inlines into this AVX2 function).
        macro_rules! step {
            () => {
                // SAFETY: one more group is left in `a` and in `b`.
                unsafe {
                    let (a0, a1) = (_mm256_loadu_pd(ap), _mm256_loadu_pd(ap.add(4)));
                    for (j, cj) in acc.iter_mut().enumerate() {
                        let bj = _mm256_broadcast_sd(&*bp.add(j));
                        cj[0] = _mm256_fmadd_pd(a0, bj, cj[0]);
                        cj[1] = _mm256_fmadd_pd(a1, bj, cj[1]);
                    }
                    ap = ap.add(MR);
                    bp = bp.add(NR);
                }
            };
        }
        for _ in 0..kc / 4 {
            // A's panel streams from L2: ask for it a few groups ahead.
            for g in 0..4 {
                _mm_prefetch::<_MM_HINT_T0>(ap.wrapping_add(PREFETCH_A + g * MR).cast());
            }
            step!();
            step!();
            step!();
            step!();
        }
        for _ in 0..kc % 4 {
            step!();
        }
        for (j, cj) in acc.iter().enumerate() {
            // SAFETY: column j of the tile is c[j * ldc..][..MR], in bounds.
            unsafe {
                let p = c.as_mut_ptr().add(j * ldc);
                _mm256_storeu_pd(p, _mm256_add_pd(_mm256_loadu_pd(p), cj[0]));
                let p = p.add(4);
                _mm256_storeu_pd(p, _mm256_add_pd(_mm256_loadu_pd(p), cj[1]));
            }
        }
    }
}

#[cfg(test)]
#[path = "tests/dgemm.rs"]
mod tests;
