//! The chapter's linear algebra as built-ins: thin adapters from values to
//! the pure routines in `crate::linalg` (and `crate::exact` for exact input).
//! This module holds what the families share (exact input within the cost
//! rule, finite real and complex arguments); each other module is one family:
//! `products`, `norms`, `predicates`, `solve`, `decompositions`, `eig`,
//! `polynomials` and `pca`.

mod decompositions;
mod eig;
mod norms;
mod pca;
mod polynomials;
mod predicates;
mod products;
mod solve;

pub use decompositions::BUILTINS as DECOMPOSITIONS;
pub use eig::BUILTINS as EIG;
pub use norms::BUILTINS as NORMS;
pub use pca::BUILTINS as PCA;
pub use polynomials::BUILTINS as POLYNOMIALS;
pub use predicates::BUILTINS as PREDICATES;
pub use products::BUILTINS as PRODUCTS;
pub use solve::BUILTINS as SOLVE;

pub(super) use solve::null_from_float_rref;

use super::ctx::Ctx;
use super::Args;
use crate::error::{LaError, Result};
use crate::exact::{self, ExactWork, RatMat};
use crate::linalg::{self, CMat, RMat};
use crate::value::Value;
use std::borrow::Cow;

/// Argument 0 as exact rationals, when it is exact and the work is affordable;
/// otherwise `None` (with a note when only the cost stands in the way).
pub(super) fn exact_input<'a>(
    it: &mut dyn Ctx,
    a: &'a Args,
    work: ExactWork,
    what: &str,
) -> Option<Cow<'a, RatMat>> {
    exact_priced(it, a, what, |m| {
        (!exact::too_costly_for(m, work)).then_some(Cow::Borrowed(m))
    })
}

/// `run` on argument 0 when it is exact (see [`priced`]); `None` when it is
/// not exact or the rule refuses it.
pub(super) fn exact_priced<'a, T>(
    it: &mut dyn Ctx,
    a: &'a Args,
    what: &str,
    run: impl FnOnce(&'a RatMat) -> Option<T>,
) -> Option<T> {
    let Value::Exact(m) = a.vals.first()? else {
        return None;
    };
    priced(it, a, what, m, run)
}

/// `run` on `m` (an exact argument or a matrix made from one), which
/// applies the cost rule to its own work and returns `None` when that
/// gives way; the rule's shared warning then goes out at the call, so no
/// switch to floating point is silent.
pub(super) fn priced<'m, T>(
    it: &mut dyn Ctx,
    a: &Args,
    what: &str,
    m: &'m RatMat,
    run: impl FnOnce(&'m RatMat) -> Option<T>,
) -> Option<T> {
    let out = run(m);
    if out.is_none() {
        it.warn(&crate::ops::exact::too_slow_warning(what, m), a.span);
    }
    out
}

pub(super) fn exact_err(e: exact::ExactError) -> LaError {
    LaError::eval(e.to_string())
}

/// A real argument that must not hold NaN or Inf (iterative solvers loop on them).
pub(super) fn real_finite<'a>(a: &'a Args, k: usize, what: &'static str) -> Result<Cow<'a, RMat>> {
    let m = a.real(k)?;
    if !linalg::all_finite(&m) {
        return Err(LaError::from(linalg::LinalgError::NonFinite { func: what }));
    }
    Ok(m)
}

pub(super) fn complex_arg(a: &Args, k: usize) -> Option<&CMat> {
    match a.get(k) {
        Some(Value::Complex(m)) => Some(m),
        _ => None,
    }
}
