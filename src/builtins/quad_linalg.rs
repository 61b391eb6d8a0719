//! Exact linear algebra on quadratic numbers (`Value::Quad`, entries
//! `a + b*sqrt(d)` of one field): the exact forms of `det`, `inv`, `rank`,
//! `rref`, `null(A, 'r')` and `eigenspace`, by elimination over the field,
//! exact `eig`/`roots` through the quadratic factors of a polynomial, and
//! exact `qr` and `chol` of rational input (unit columns `w/sqrt(k)`,
//! rows scaled by `sqrt(d)`).

use super::ctx::Ctx;
use super::Args;
use crate::error::Span;
use crate::exact::field;
use crate::exact::norm2;
use crate::exact::splitting::{self, Split};
use crate::exact::{Quad, QuadMat, Rat, RatMat};
use crate::linalg::{CMat, RMat, C64};
use crate::value::Value;

/// Largest `Quad` matrix handled exactly (elimination over the field costs
/// a few rational operations per entry update, with no fraction-free path).
pub const MAX_ENTRIES: usize = 400;

/// Argument 0 as quadratic numbers of one field, when it is a `Quad`
/// value small enough (entries of different fields take the float path;
/// past [`MAX_ENTRIES`] entries too, with the cost rule's warning).
pub fn input<'a>(it: &mut dyn Ctx, a: &'a Args) -> Option<&'a QuadMat> {
    let Some(Value::Quad(m)) = a.vals.first() else {
        return None;
    };
    crate::exact::quad::common_field(m.iter())?;
    if m.len() > MAX_ENTRIES {
        it.warn(&crate::ops::exact::too_slow_for(a.name, m.shape()), a.span);
        return None;
    }
    Some(m)
}

/// The arguments as numbers of one quadratic field (rationals and
/// logicals lifted into it), when all are exact and one field holds them
/// all; `None` sends the caller to its floating-point path. For the work
/// that costs a few operations per entry (`kron`, `cross`, statistics).
pub fn in_one_field(vals: &[&Value]) -> Option<Vec<QuadMat>> {
    let ms: Vec<QuadMat> = vals
        .iter()
        .map(|v| v.to_quad().map(std::borrow::Cow::into_owned))
        .collect::<Option<_>>()?;
    crate::exact::quad::common_field(ms.iter().flat_map(|m| m.iter()))?;
    Some(ms)
}

/// The exact 2-norm of `v`'s entries as a scalar (`norm([1 1])` is
/// `sqrt(2)`), when `v` is exact and so is the norm (see `exact::norm2`);
/// `None` sends the caller to floats, with the size rule's warning when the
/// sum of squares grew past it.
pub fn two_norm(it: &mut dyn Ctx, v: &Value, span: Span) -> Option<Value> {
    let s = norm2::sum_of_squares(v.to_quad()?.iter())?;
    if s.bits() > crate::ops::exact::MAX_EXACT_BITS {
        it.warn(&crate::ops::exact::too_long_warning(), span);
        return None;
    }
    Some(Value::quad(QuadMat::from_element(1, 1, norm2::root(&s)?)))
}

pub fn det(m: &QuadMat) -> Value {
    Value::quad(QuadMat::from_element(1, 1, field::det(m)))
}

/// `None` when singular (the float path then warns as for any matrix).
pub fn inv(m: &QuadMat) -> Option<Value> {
    field::inv(m).map(Value::quad)
}

pub fn rank(m: &QuadMat) -> Value {
    Value::rat(Rat::from_i64(field::rank(m) as i64))
}

pub fn rref(m: &QuadMat) -> (Value, Vec<usize>) {
    let (r, p) = field::rref(m);
    (Value::quad(r), p)
}

pub fn null(m: &QuadMat) -> Value {
    Value::quad(field::null(m))
}

/// A column of exact numbers.
pub fn column(v: &[Quad]) -> Value {
    Value::quad(QuadMat::from_column_slice(v.len(), 1, v))
}

/// The roots of `p` (highest power first): exact when every factor over Q
/// is linear or quadratic, otherwise the exact ones and the floating-point
/// roots of what is left, all as complex floats, with the factor left for
/// a note.
pub fn roots(p: &[Rat]) -> (Value, Option<Vec<Rat>>) {
    let s: Split = splitting::split(p);
    let exact = s.roots();
    if s.leftover.len() <= 1 {
        return (column(&exact), None);
    }
    let left: Vec<f64> = s.leftover.iter().map(Rat::to_f64).collect();
    let mut all: Vec<C64> = exact
        .iter()
        .map(|q| C64::new(q.re_f64(), q.im_f64()))
        .collect();
    all.extend(crate::linalg::poly::roots(&left).unwrap_or_default());
    (
        Value::complex(CMat::from_column_slice(all.len(), 1, &all)),
        Some(s.leftover),
    )
}

/// The monic polynomial with the given exact roots (highest power first),
/// when they share one field: `poly([sqrt(2) -sqrt(2)])` is `[1 0 -2]`.
/// Quadratic in the number of roots: the caller keeps to [`MAX_ENTRIES`].
pub fn poly_from_roots(roots: &QuadMat) -> Option<Value> {
    crate::exact::quad::common_field(roots.iter())?;
    let mut coef = vec![Quad::rat(Rat::one())];
    for z in roots.iter() {
        let mut next = coef.clone();
        next.push(Quad::rat(Rat::zero()));
        for k in 1..next.len() {
            next[k] = &next[k] - &(z * &coef[k - 1]);
        }
        coef = next;
    }
    Some(Value::quad(QuadMat::from_row_slice(1, coef.len(), &coef)))
}

/// `qr` of exact A exactly, when A's leading `min(m, n)` columns are
/// independent: Gram-Schmidt on `[A eye(m)]`, whose unit vectors are A's
/// orthonormalised columns and then (full Q of a tall A) the unit vectors
/// that complete the basis, keeping as many as the float Q has columns;
/// `R = Q'A` (zero rows below A's rank). A's columns are signed as the
/// float `R(i, i)` (Householder's convention, as Octave), the completing
/// ones as the float Q's column (the same column when `m - n = 1`; for a
/// larger complement the basis may differ from Householder's). `None`
/// otherwise.
pub fn qr(x: &RatMat, q_float: &RMat, r_float: &RMat) -> Option<(Value, Value)> {
    use crate::exact::orth::{gram_schmidt, kept, q_and_r};
    let (m, n) = x.shape();
    let p = m.min(n);
    let st = if q_float.ncols() > n {
        let mut aug = RatMat::zeros(m, n + m);
        aug.columns_mut(0, n).copy_from(x);
        aug.columns_mut(n, m).fill_with_identity();
        if crate::exact::too_costly_for(&aug, crate::exact::ExactWork::Inverse) {
            return None;
        }
        gram_schmidt(&aug)
    } else {
        gram_schmidt(x)
    };
    let vs: Vec<&RatMat> = kept(&st).take(q_float.ncols()).collect();
    if vs.len() != q_float.ncols() || st.iter().take(p).any(|s| s.v.is_none()) {
        return None;
    }
    let big = r_float.amax();
    if (0..p).any(|i| r_float[(i, i)].abs() <= 1e-8 * big) {
        return None;
    }
    let flip: Vec<bool> = vs
        .iter()
        .enumerate()
        .map(|(i, v)| {
            if i < p {
                r_float[(i, i)] < 0.0
            } else {
                let along: f64 = v
                    .iter()
                    .zip(q_float.column(i).iter())
                    .map(|(e, f)| e.to_f64() * f)
                    .sum();
                along < 0.0
            }
        })
        .collect();
    let (q, r) = q_and_r(x, &vs, &flip)?;
    Some((Value::quad(q), Value::quad(r)))
}

/// `chol` of exact positive definite A from A = L D L': R = sqrt(D) L',
/// row i a rational multiple of sqrt(d_i), exact whenever every sqrt(d_i)
/// is (`sqrt_rat` factors the radicand); doubles otherwise.
pub fn chol(l: &RatMat, d: &[Rat]) -> Value {
    let n = d.len();
    let roots: Option<Vec<Quad>> = d.iter().map(crate::exact::quad::sqrt_rat).collect();
    match roots {
        Some(r) => Value::quad(QuadMat::from_fn(n, n, |i, j| {
            &Quad::rat(l[(j, i)].clone()) * &r[i]
        })),
        None => Value::Real(
            RMat::from_fn(n, n, |i, j| d[i].to_f64().sqrt() * l[(j, i)].to_f64()).into(),
        ),
    }
}
