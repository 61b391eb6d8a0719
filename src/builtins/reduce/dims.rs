//! What every reduction shares: the dimension to work along (the given
//! one, else the first non-singleton), the `'all'` form, and applying a
//! fold to each column or row.

use super::super::Args;
use crate::error::{LaError, Result};
use crate::exact::quad::common_field;
use crate::exact::QuadMat;
use crate::value::Value;

/// The `'all'` form (`sum(A, 'all')`, `max(A, [], 'all')`, option at
/// argument `k`): the same reduction of the column `A(:)` along dimension 1.
pub(super) fn all_form(mut a: Args, k: usize) -> Result<Args> {
    if a.str(k).is_some() {
        if a.option(k, &["all"]).is_err() {
            return Err(a.wrong(k, "a dimension number or 'all'"));
        }
        let n = a.num(0)?.numel();
        a.vals[0] = a.vals[0].reshaped(n, 1, a.name)?;
        a.vals[k] = Value::scalar(1.0);
    }
    Ok(a)
}

/// Which dimension to reduce: the given one, else the first non-singleton.
pub(super) fn pick_dim(a: &Args, k: usize, dims: (usize, usize), what: &str) -> Result<usize> {
    match a.get(k) {
        Some(_) => match a.usize(k)? {
            d @ (1 | 2) => Ok(d),
            d if d > 2 => Ok(d),
            _ => Err(LaError::eval(format!(
                "{what}: DIM must be a valid dimension"
            ))),
        },
        None => Ok(if dims.0 == 1 { 2 } else { 1 }),
    }
}

/// Reduce each column (dim 1) or row (dim 2) of `m` with `f`.
pub(super) fn along<T: nalgebra::Scalar, R: nalgebra::Scalar>(
    m: &nalgebra::DMatrix<T>,
    dim: usize,
    f: impl Fn(&mut dyn Iterator<Item = T>) -> R,
) -> nalgebra::DMatrix<R> {
    let (r, c) = m.shape();
    match dim {
        1 => nalgebra::DMatrix::from_fn(1, c, |_, j| f(&mut m.column(j).iter().cloned())),
        2 => nalgebra::DMatrix::from_fn(r, 1, |i, _| f(&mut m.row(i).iter().cloned())),
        _ => nalgebra::DMatrix::from_fn(r, c, |i, j| f(&mut std::iter::once(m[(i, j)].clone()))),
    }
}

/// True when every entry lies in one field Q(sqrt(d)), so field
/// operations on them stay exact.
pub(super) fn one_field(m: &QuadMat) -> bool {
    common_field(m.iter()).is_some()
}
