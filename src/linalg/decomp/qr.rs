//! QR factorisation (A = Q R), full or economy size.

use super::*;

/// `[Q, R] = qr(A)` (Householder, LAPACK sign convention: R's diagonal may
/// be negative). Full: Q m x m, R m x n. Economy: Q m x k, R k x n.
pub fn qr(a: &RMat, econ: bool) -> (RMat, RMat) {
    let (m, n) = a.shape();
    let k = m.min(n);
    let rows = if econ { k } else { m };
    if k == 0 {
        return (RMat::identity(m, rows), RMat::zeros(rows, n));
    }
    let mut h = a.clone();
    let bs = fqr::recommended_block_size::<f64>(m, n);
    let mut coeff = RMat::zeros(bs, k);
    let par = par_for(m.max(n));
    let req = fqr::qr_in_place_scratch::<f64>(m, n, bs, par, Default::default());
    with_stack(req, |stack| {
        fqr::qr_in_place(
            faer_mut(&mut h),
            faer_mut(&mut coeff),
            par,
            stack,
            Default::default(),
        )
    });
    let r = RMat::from_fn(rows, n, |i, j| if i <= j { h[(i, j)] } else { 0.0 });
    // The Householder vectors live below the diagonal; give them their
    // implicit unit diagonal explicitly so the applier sees a clean basis.
    let basis = RMat::from_fn(m, k, |i, j| match i.cmp(&j) {
        std::cmp::Ordering::Greater => h[(i, j)],
        std::cmp::Ordering::Equal => 1.0,
        std::cmp::Ordering::Less => 0.0,
    });
    let mut q = RMat::identity(m, rows);
    let req = householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<f64>(
        m, bs, rows,
    );
    with_stack(req, |stack| {
        householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
            faer_ref(&basis),
            faer_ref(&coeff),
            faer::Conj::No,
            faer_mut(&mut q),
            par,
            stack,
        )
    });
    (q, r)
}
