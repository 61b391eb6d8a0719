//! Roots in quadratic fields: after the rational roots, the quadratic
//! factors over Q of what is left give conjugate pairs `(-b ± √D)/2`, so a
//! polynomial that splits into linear and quadratic factors over Q has every
//! root exact. Used by `eig`, `roots` and `steps eig`.

use crate::exact::elim::{rref, Step};
use crate::exact::field::{self, Field};
use crate::exact::poly::{charpoly, rational_roots};
use crate::exact::quad::{sqrt_rat, Quad, QuadMat};
use crate::exact::{Rat, RatMat};
use num_bigint::BigInt;

/// A monic quadratic factor `x² + b x + c` with no rational roots, its
/// discriminant and its two roots `(-b + √D)/2`, `(-b - √D)/2`.
#[derive(Debug, Clone, PartialEq)]
pub struct QuadFactor {
    pub b: Rat,
    pub c: Rat,
    pub disc: Rat,
    pub roots: [Quad; 2],
    pub multiplicity: usize,
}

/// Every root a polynomial's factors over Q give exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Rational roots with multiplicity (as `rational_roots`).
    pub rational: Vec<(Rat, usize)>,
    pub quadratic: Vec<QuadFactor>,
    /// Monic factor left (`[1]` when the polynomial splits): irreducible
    /// factors of degree 3 or more, or quadratics too large to handle.
    pub leftover: Vec<Rat>,
}

impl Split {
    /// All exact roots repeated by multiplicity, sorted as `eig` sorts:
    /// real part descending, then imaginary part descending.
    pub fn roots(&self) -> Vec<Quad> {
        let mut out: Vec<Quad> = self
            .rational
            .iter()
            .flat_map(|(r, m)| std::iter::repeat_n(Quad::rat(r.clone()), *m))
            .collect();
        for f in &self.quadratic {
            for r in &f.roots {
                out.extend(std::iter::repeat_n(r.clone(), f.multiplicity));
            }
        }
        sort_descending(&mut out);
        out
    }
}

/// Real part descending, then imaginary part descending; two real numbers
/// of one field are compared exactly.
pub fn sort_descending(v: &mut [Quad]) {
    v.sort_by(|x, y| {
        // Only numbers of one field may be subtracted.
        if x.is_real() && y.is_real() && same_field(x, y) {
            if let Some(o) = y.cmp_real(x) {
                return o;
            }
        }
        let key = |q: &Quad| (q.re_f64(), q.im_f64());
        let (kx, ky) = (key(x), key(y));
        ky.0.total_cmp(&kx.0).then(ky.1.total_cmp(&kx.1))
    });
}

fn same_field(x: &Quad, y: &Quad) -> bool {
    x.radicand() == 0 || y.radicand() == 0 || x.radicand() == y.radicand()
}

/// The rational roots, then the quadratic factors of what is left.
pub fn split(p: &[Rat]) -> Split {
    let (rational, mut rest) = rational_roots(p);
    let mut quadratic: Vec<QuadFactor> = Vec::new();
    while rest.len() >= 3 {
        let Some((b, c)) = find_quadratic(&rest) else {
            break;
        };
        let Some(f) = quad_factor(b, c) else {
            break;
        };
        rest = divide_quadratic(&rest, &f.b, &f.c);
        match quadratic.iter_mut().find(|g| g.b == f.b && g.c == f.c) {
            Some(g) => g.multiplicity += 1,
            None => quadratic.push(f),
        }
    }
    Split {
        rational,
        quadratic,
        leftover: rest,
    }
}

/// `x² + b x + c` with its roots in Q(√D) (`None` when D is too large to
/// take apart into a square times a square-free number).
fn quad_factor(b: Rat, c: Rat) -> Option<QuadFactor> {
    let disc = &(&b * &b) - &(&Rat::from_i64(4) * &c);
    let root = sqrt_rat(&disc)?;
    let half = Rat::from_i64(1) / Rat::from_i64(2);
    let centre = Quad::rat(-(&b * &half));
    let delta = &root * &Quad::rat(half);
    Some(QuadFactor {
        roots: [&centre + &delta, &centre - &delta],
        b,
        c,
        disc,
        multiplicity: 1,
    })
}

/// `p / (x² + b x + c)` for monic `p` (the remainder is dropped: call only
/// for a factor).
fn divide_quadratic(p: &[Rat], b: &Rat, c: &Rat) -> Vec<Rat> {
    let mut rem: Vec<Rat> = p.to_vec();
    let mut q = Vec::with_capacity(p.len().saturating_sub(2));
    for i in 0..p.len().saturating_sub(2) {
        let t = rem[i].clone();
        rem[i + 1] = &rem[i + 1] - &(&t * b);
        rem[i + 2] = &rem[i + 2] - &(&t * c);
        q.push(t);
    }
    q
}

/// True when `x² + b x + c` divides `p` exactly.
fn divides(p: &[Rat], b: &Rat, c: &Rat) -> bool {
    let mut rem: Vec<Rat> = p.to_vec();
    for i in 0..p.len().saturating_sub(2) {
        let t = rem[i].clone();
        rem[i + 1] = &rem[i + 1] - &(&t * b);
        rem[i + 2] = &rem[i + 2] - &(&t * c);
    }
    rem.iter().rev().take(2).all(Rat::is_zero)
}

/// A monic quadratic factor over Q of monic `p` (no rational roots), found
/// from pairs of numerical roots: for the integer polynomial `P = L·p`
/// (primitive), a factor `u x² + v x + w` in Z[x] has `u | lead(P)`, so
/// `u·(z1 + z2)` and `u·z1·z2` round to integers; every candidate is
/// verified by exact division, so a factor found is always right.
fn find_quadratic(p: &[Rat]) -> Option<(Rat, Rat)> {
    if p.len() == 3 {
        return Some((p[1].clone(), p[2].clone()));
    }
    if p.len() == 4 {
        return None; // a cubic without rational roots is irreducible
    }
    let ints = crate::exact::elim::smallest_integers(p);
    let lead = ints[0].numer();
    let leads = small_divisors(&lead)?;
    let zs = numeric_roots(p)?;
    for i in 0..zs.len() {
        for j in i + 1..zs.len() {
            let (s, t) = (zs[i].0 + zs[j].0, zs[i].0 * zs[j].0 - zs[i].1 * zs[j].1);
            let im_s = zs[i].1 + zs[j].1;
            let im_t = zs[i].0 * zs[j].1 + zs[i].1 * zs[j].0;
            if im_s.abs() > 1e-6 * (1.0 + s.abs()) || im_t.abs() > 1e-6 * (1.0 + t.abs()) {
                continue;
            }
            for &u in &leads {
                let (v, w) = ((u * s).round(), (u * t).round());
                if !v.is_finite() || !w.is_finite() || v.abs() > 1e15 || w.abs() > 1e15 {
                    continue;
                }
                let u = Rat::from_i64(u as i64);
                let b = -(Rat::from_i64(v as i64) / u.clone());
                let c = Rat::from_i64(w as i64) / u;
                if divides(p, &b, &c) {
                    return Some((b, c));
                }
            }
        }
    }
    None
}

/// Positive divisors of a leading coefficient up to 10^6 (beyond that the
/// search gives up and the factor stays numerical).
fn small_divisors(n: &BigInt) -> Option<Vec<f64>> {
    let n: u64 = n.magnitude().try_into().ok()?;
    (n <= 1_000_000).then(|| {
        (1..=n)
            .filter(|d| n.is_multiple_of(*d))
            .map(|d| d as f64)
            .collect()
    })
}

/// Roots of monic `p` in floating point: eigenvalues of its companion
/// matrix, as (re, im).
fn numeric_roots(p: &[Rat]) -> Option<Vec<(f64, f64)>> {
    let n = p.len() - 1;
    let coeffs: Vec<f64> = p.iter().skip(1).map(Rat::to_f64).collect();
    if coeffs.iter().any(|c| !c.is_finite()) {
        return None;
    }
    let companion = nalgebra::DMatrix::from_fn(n, n, |i, j| match (i, j) {
        (0, _) => -coeffs[j],
        _ if i == j + 1 => 1.0,
        _ => 0.0,
    });
    let schur = nalgebra::linalg::Schur::try_new(companion, 1e-14, 10_000)?;
    Some(
        schur
            .complex_eigenvalues()
            .iter()
            .map(|z| (z.re, z.im))
            .collect(),
    )
}

/// Every eigenvalue of `a` exactly (descending as [`Split::roots`]) when
/// its characteristic polynomial splits into linear and quadratic factors
/// over Q; `None` otherwise or when `a` is not square.
pub fn eig_split(a: &RatMat) -> Option<Vec<Quad>> {
    let s = split(&charpoly(a).ok()?);
    (s.leftover.len() <= 1).then(|| s.roots())
}

/// Basis of `null(A - λI)` over λ's field: free variable 1, cleared of
/// fractions.
pub fn eigenspace(a: &QuadMat, lambda: &Quad) -> QuadMat {
    field::null(&shift(a, lambda))
}

/// `A - λI`.
pub fn shift<F: Field>(a: &nalgebra::DMatrix<F>, lambda: &F) -> nalgebra::DMatrix<F> {
    let mut m = a.clone();
    for i in 0..m.nrows().min(m.ncols()) {
        m[(i, i)] = m[(i, i)].minus(lambda);
    }
    m
}

/// The working for one eigenvalue in a quadratic field.
#[derive(Debug, Clone, PartialEq)]
pub struct QuadEigenSteps {
    pub lambda: Quad,
    pub multiplicity: usize,
    /// `A - λI` over the field.
    pub shifted: QuadMat,
    /// Its row reduction (Gauss–Jordan over the field).
    pub steps: Vec<Step<Quad>>,
    /// Eigenvectors (columns): free variable 1, cleared of fractions.
    pub basis: QuadMat,
}

/// What `steps eig` shows after the rational roots: each quadratic factor
/// solved by the quadratic formula, the reduction for each of its roots,
/// and any factor of degree 3 or more left without exact roots.
#[derive(Debug, Clone, PartialEq)]
pub struct QuadraticSteps {
    pub factors: Vec<QuadFactor>,
    pub eigen: Vec<QuadEigenSteps>,
    pub leftover: Vec<Rat>,
}

/// The quadratic part of `steps eig(A)` for the monic factor `rest` left
/// by the rational root test.
pub fn quadratic_steps(a: &RatMat, rest: &[Rat]) -> QuadraticSteps {
    let s = split(rest);
    let lifted: QuadMat = field::lift(a);
    let mut eigen = Vec::new();
    for f in &s.quadratic {
        for lambda in &f.roots {
            let shifted = shift(&lifted, lambda);
            let (_, _, steps) = rref(&shifted);
            eigen.push(QuadEigenSteps {
                basis: field::null(&shifted),
                lambda: lambda.clone(),
                multiplicity: f.multiplicity,
                shifted,
                steps,
            });
        }
    }
    QuadraticSteps {
        factors: s.quadratic,
        eigen,
        leftover: s.leftover,
    }
}
