//! Exact rank, reduced row echelon form and null space without recorded
//! steps: modulo a prime for larger matrices with machine-word entries (the
//! elimination that tells the rank is also what the cost rule prices),
//! fraction-free Gauss–Jordan otherwise.

use crate::exact::elim::{fraction_free, MODULAR_FROM};
use crate::exact::field;
use crate::exact::matrix::{
    self, integer_rows, lifting_cost_ns, modular_elim_cost_ns, too_costly_for, ExactWork, RatMat,
    MAX_EXACT_COST_NS,
};
use crate::exact::{modular, Rat};

/// Exact rank (through the modular rref for larger matrices).
pub fn rank(a: &RatMat) -> usize {
    match modular_start(a) {
        Some(start) => rank_from(a, start),
        None => rank_fraction_free(a),
    }
}

/// Reduced row echelon form and pivot columns, without steps (fast).
pub fn rref_plain(a: &RatMat) -> (RatMat, Vec<usize>) {
    match modular_start(a) {
        Some(start) => rref_from(a, start),
        None => rref_fraction_free(a),
    }
}

/// [`rank`] under the cost rule: `Err` when the work is estimated above
/// [`MAX_EXACT_COST_NS`], holding a lower bound that is certain all the
/// same (the rank modulo a prime, 0 when not even that elimination fits).
/// The elimination modulo a prime that tells the rank, which the estimate
/// needs, is the one the answer is built on.
pub fn rank_if_affordable(a: &RatMat) -> std::result::Result<usize, usize> {
    match priced_start(a) {
        Priced::Modular(start) if start.full_rank().is_some() || affordable(&start) => {
            Ok(rank_from(a, start))
        }
        Priced::Modular(start) => Err(start.rank_mod_p()),
        Priced::FractionFree => Ok(rank_fraction_free(a)),
        Priced::TooCostly => Err(0),
    }
}

/// [`rref_plain`] under the cost rule (see [`rank_if_affordable`]).
pub fn rref_if_affordable(a: &RatMat) -> Option<(RatMat, Vec<usize>)> {
    match priced_start(a) {
        Priced::Modular(start) => affordable(&start).then(|| rref_from(a, start)),
        Priced::FractionFree => Some(rref_fraction_free(a)),
        Priced::TooCostly => None,
    }
}

/// [`null`] under the cost rule (see [`rref_if_affordable`]).
pub fn null_if_affordable(a: &RatMat) -> Option<RatMat> {
    rref_if_affordable(a).map(|(r, pivots)| field::null_from_rref(&r, &pivots))
}

/// The first step of a rank or rref under the cost rule.
enum Priced {
    /// The elimination modulo a prime, done (it fitted the budget).
    Modular(modular::RrefStart),
    /// Fraction-free elimination fits the budget (small matrices, or
    /// entries that are not machine words).
    FractionFree,
    TooCostly,
}

/// The modular elimination when it applies and fits the budget (priced by
/// shape alone, before it runs), else fraction-free elimination when that
/// fits. The modular estimate replaces the entry-count limit, which is
/// there for the fraction-free cost.
fn priced_start(a: &RatMat) -> Priced {
    let (m, n) = a.shape();
    if m.min(n) >= MODULAR_FROM {
        if modular_elim_cost_ns(m, n) > MAX_EXACT_COST_NS {
            return Priced::TooCostly;
        }
        if let Some(start) = modular::RrefStart::new(a) {
            return Priced::Modular(start);
        }
    }
    if too_costly_for(a, ExactWork::Inverse) {
        Priced::TooCostly
    } else {
        Priced::FractionFree
    }
}

/// The modular rref's elimination, for matrices large enough to gain by it
/// and with machine-word entries.
fn modular_start(a: &RatMat) -> Option<modular::RrefStart> {
    if a.nrows().min(a.ncols()) >= MODULAR_FROM {
        modular::RrefStart::new(a)
    } else {
        None
    }
}

/// Whether the rest of the modular rref, lifting its non-pivot columns,
/// fits the budget.
fn affordable(start: &modular::RrefStart) -> bool {
    let (m, n) = start.shape();
    let r = start.rank_mod_p();
    lifting_cost_ns(m, n, start.entry_bits(), r, n - r) <= MAX_EXACT_COST_NS
}

fn rank_from(a: &RatMat, start: modular::RrefStart) -> usize {
    if let Some(r) = start.full_rank() {
        return r;
    }
    match start.finish() {
        Some((_, pivots)) => pivots.len(),
        None => rank_fraction_free(a),
    }
}

fn rref_from(a: &RatMat, start: modular::RrefStart) -> (RatMat, Vec<usize>) {
    start.finish().unwrap_or_else(|| rref_fraction_free(a))
}

fn rank_fraction_free(a: &RatMat) -> usize {
    let (mut rows, _) = integer_rows(a);
    fraction_free(&mut rows, a.ncols(), false).pivots.len()
}

/// [`rref_plain`] by fraction-free Gauss–Jordan.
pub(crate) fn rref_fraction_free(a: &RatMat) -> (RatMat, Vec<usize>) {
    let (mut rows, _) = integer_rows(a);
    let pivots = fraction_free(&mut rows, a.ncols(), true).pivots;
    let mut r = matrix::zeros(a.nrows(), a.ncols());
    for (i, &p) in pivots.iter().enumerate() {
        for j in 0..a.ncols() {
            r[(i, j)] = Rat::new(rows[i][j].clone(), rows[i][p].clone()).unwrap_or_else(Rat::zero);
        }
    }
    (r, pivots)
}

/// Basis of the null space (one column per free variable), read off the
/// rref with that free variable set to 1 and the others to 0, each column
/// scaled to the smallest integers with its first non-zero entry positive.
pub fn null(a: &RatMat) -> RatMat {
    let (r, pivots) = rref_plain(a);
    field::null_from_rref(&r, &pivots)
}
