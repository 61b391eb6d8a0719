//! QR factorisation (A = Q R), full or economy size.

use super::*;

/// `[Q, R] = qr(A)`, real or complex (Householder, LAPACK sign convention:
/// R's diagonal may be negative). Full: Q m x m, R m x n. Economy: Q m x k,
/// R k x n.
pub fn qr<T: Field>(a: &DMatrix<T>, econ: bool) -> (DMatrix<T>, DMatrix<T>) {
    let (m, n) = a.shape();
    let k = m.min(n);
    let rows = if econ { k } else { m };
    if k == 0 {
        return (DMatrix::identity(m, rows), DMatrix::zeros(rows, n));
    }
    // h: R on and above the diagonal, the Householder vectors below it.
    let mut h = a.clone();
    let bs = fqr::recommended_block_size::<T>(m, n);
    let mut coeff = DMatrix::zeros(bs, k);
    let mut q = DMatrix::identity(m, rows);
    let (hr, cr, qr) = (&mut h, &mut coeff, &mut q);
    run_kernel(Kernel::Qr, m.max(n), |par| {
        let req = fqr::qr_in_place_scratch::<T>(m, n, bs, par, Default::default());
        with_stack(req, |stack| {
            fqr::qr_in_place(faer_mut(hr), faer_mut(cr), par, stack, Default::default())
        });
        form_q(faer_ref(hr), faer_ref(cr), faer_mut(qr), par);
    });
    for j in 0..n.min(m) {
        h.view_mut((j + 1, j), (m - j - 1, 1)).fill(T::zero());
    }
    let r = if rows == m {
        h
    } else {
        h.rows(0, rows).into_owned()
    };
    (q, r)
}

/// Overwrites `q` (the first columns of the identity) with the product of
/// the block reflectors, as LAPACK's dorgqr: blocks are applied last to
/// first, and block j touches only q[j.., j..] (every other entry of that
/// part of q is still the identity's), a third fewer flops than applying
/// the whole sequence to the whole identity.
fn form_q<T: Field>(
    basis: faer::MatRef<T>,
    coeff: faer::MatRef<T>,
    mut q: faer::MatMut<T>,
    par: Par,
) {
    let (m, k, bs) = (basis.nrows(), coeff.ncols(), coeff.nrows());
    let cols = q.ncols();
    let req = householder::apply_block_householder_on_the_left_in_place_scratch::<T>(m, bs, cols);
    with_stack(req, |stack| {
        // Blocks start at multiples of bs; the last one may be narrower.
        let mut end = k;
        let mut start = (k - 1) / bs * bs;
        loop {
            householder::apply_block_householder_on_the_left_in_place_with_conj(
                basis.get(start.., start..end),
                coeff.get(..end - start, start..end),
                faer::Conj::No,
                q.rb_mut().get_mut(start.., start..),
                par,
                stack,
            );
            if start == 0 {
                break;
            }
            end = start;
            start -= bs;
        }
    });
}
