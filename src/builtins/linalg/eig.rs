//! Eigenvalues and eigenvectors (`eig`) and the matrix exponential (`expm`).

use super::super::ctx::Ctx;
use super::super::{one, quad_linalg, require_square, Args, Builtin, Doc, Topic};
use super::polynomials::float_roots_note;
use super::{exact_err, exact_input, real_finite};
use crate::error::{LaError, Result};
use crate::exact::{self, ExactWork, Rat};
use crate::linalg::{self, decomp, CMat, C64};
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "eig",
        min_args: 1,
        max_args: 2,
        max_out: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "lambda = eig(A), [V, D] = eig(A), eig(A, 'vector'), eig(A, 'matrix')",
            summary: concat!(
                "Eigenvalues (descending), or eigenvectors V (unit norm, largest entry ",
                "positive) and D = diag(lambda); 'vector' or 'matrix' chooses the form ",
                "of the eigenvalues whatever the number of outputs. For exact A the ",
                "eigenvalues are exact when the characteristic polynomial splits into linear ",
                "and quadratic factors over the rationals (every 2x2 does). [V, D] of exact ",
                "A is then exact too when A has a basis of eigenvectors: D holds the ",
                "eigenvalues in their fields and each column of V is v/sqrt(k) with v over ",
                "its eigenvalue's field and k = v'*v. For a rational eigenvalue the entries ",
                "are rational multiples of square roots (V'*V is then exact too), and a ",
                "repeated one gets an orthonormal basis of its eigenspace by exact ",
                "Gram-Schmidt (for symmetric A, V is orthogonal). For an irrational or ",
                "complex eigenvalue k may be irrational (for [1 2; 3 4], 78 - 6*sqrt(33)) ",
                "and an entry such as (3 + sqrt(33))/sqrt(78 + 6*sqrt(33)) or i/sqrt(2) lies ",
                "in no single quadratic field: it is shown exactly, pastes back as input, ",
                "and computes as its double. A defective A (too few eigenvectors) or a ",
                "repeated irrational eigenvalue keeps D exact and V floating point (nearly ",
                "parallel columns for defective A, as Octave; the repeated irrational ",
                "eigenvalue says so in a note). When a factor of degree 3 or ",
                "more has no exact roots, V and D are floating point with a note; ",
                "eigenspace(A, lambda) gives an exact basis for any exact eigenvalue."
            ),
            math: &[
                "A v = lambda v",
                "det(A - lambda I) = 0",
                "A = V D inv(V)",
                "symmetric A: A = Q D Q' with Q orthogonal",
            ],
            example: &[
                ">> eig([2 1; 1 2])",
                "ans =",
                "",
                "   3",
                "   1",
                ">> [V, D] = eig([2 1; 1 2]); V",
                "V =",
                "",
                "    1/sqrt(2)    1/sqrt(2)",
                "    1/sqrt(2)   -1/sqrt(2)",
                ">> [V, D] = eig([2 1 1; 1 2 1; 1 1 2]); V",
                "V =",
                "",
                "    1/sqrt(3)    1/sqrt(2)   -1/sqrt(6)",
                "    1/sqrt(3)   -1/sqrt(2)   -1/sqrt(6)",
                "    1/sqrt(3)            0    2/sqrt(6)",
                ">> eig([1 2; 3 4])",
                "ans =",
                "",
                "   (5 + sqrt(33))/2",
                "   (5 - sqrt(33))/2",
                "",
                ">> [V, D] = eig([0 -1; 1 0]); V",
                "V =",
                "",
                "    1/sqrt(2)    1/sqrt(2)",
                "   -i/sqrt(2)    i/sqrt(2)",
            ],
            related: &["poly", "svd", "definiteness"],
        },
        run: eig,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "expm",
        min_args: 1,
        max_args: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Decompositions,
            signature: "expm(A)",
            summary: concat!(
                "Matrix exponential; exact for exact nilpotent A (some power A^k = 0), ",
                "where the series ends."
            ),
            math: &[
                "expm(A) = I + A + A^2/2! + A^3/3! + ...",
                "expm([0 1; 0 0]) = [1 1; 0 1]",
            ],
            example: &[
                ">> expm([1 0; 0 2])",
                "ans =",
                "",
                "   2.7183        0",
                "        0   7.3891",
            ],
            related: &["exp"],
        },
        run: expm,
        ..Builtin::DEFAULTS
    },
];

fn eig(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let dims = a.num(0)?.dims();
    // The eigenvalues as a column or as a diagonal matrix: by default a
    // column for one output and a matrix beside the eigenvectors.
    let as_matrix = match a.option(1, &["vector", "matrix"])? {
        Some(form) => form == "matrix",
        None => a.nargout >= 2,
    };
    require_square("eig", dims)?;
    if dims.0 == 0 {
        // As Octave: the eigenvalues of [] are [](0x0) too, not a 0x1 column.
        return Ok(vec![Value::empty(); a.nargout.clamp(1, 2)]);
    }
    if a.nargout <= 1 {
        if let Some(x) = exact_input(it, &a, ExactWork::CharPoly, "eig") {
            let cp = exact::charpoly(&x).map_err(exact_err)?;
            match quad_linalg::roots(&cp) {
                (v, None) => return one(if as_matrix { diagonal(&v)? } else { v }),
                // Some roots are irrational of degree >= 3: the float eigenvalues
                // of the matrix itself are far more accurate than float roots of
                // its characteristic polynomial (ill-conditioned for large n).
                (_, Some(left)) => it.note(&float_roots_note(&left)),
            }
        }
    }
    let (vals, vecs): (Value, Value) = match &a.vals[0] {
        Value::Exact(m) if a.nargout >= 2 && !exact::too_costly_for(m, ExactWork::CharPoly) => {
            match exact::splitting::eig_split(m) {
                None => {
                    it.note(FLOAT_VECTORS_NOTE);
                    float_eig(&a)?
                }
                Some(l) => {
                    let vals = quad_linalg::column(&l);
                    // A defective A has no basis of eigenvectors: D stays
                    // exact, V is float with nearly parallel columns (Octave).
                    match exact::orth::unit_eigenvectors(m, &l) {
                        Some(v) => (vals, Value::quad(v)),
                        None => {
                            if repeated_irrational(&l) {
                                it.note(REPEATED_IRRATIONAL_NOTE);
                            }
                            (vals, float_eig(&a)?.1)
                        }
                    }
                }
            }
        }
        _ => float_eig(&a)?,
    };
    if !as_matrix {
        return Ok(if a.nargout <= 1 {
            vec![vals]
        } else {
            vec![vecs, vals]
        });
    }
    let d = diagonal(&vals)?;
    Ok(if a.nargout <= 1 {
        vec![d]
    } else {
        vec![vecs, d]
    })
}

/// Why `[V, D] = eig(A)` of exact A is floating point.
const FLOAT_VECTORS_NOTE: &str = "note: V and D are floating point: some eigenvalues are roots of a factor of degree 3 or more with no rational or quadratic roots; eig(A) gives the eigenvalues exactly where it can\n";

/// Why `[V, D] = eig(A)` of exact A has exact D but floating-point V.
const REPEATED_IRRATIONAL_NOTE: &str = "note: V is floating point: an irrational or complex eigenvalue is repeated, and its eigenvectors are not made exact; D is exact, and eigenspace(A, lambda) gives an exact basis for that eigenvalue\n";

/// Whether an irrational or complex eigenvalue is repeated (`l` sorted, so
/// equal ones are neighbours): its unit eigenvectors are not made exact.
fn repeated_irrational(l: &[exact::Quad]) -> bool {
    l.windows(2)
        .any(|w| w[0] == w[1] && w[0].as_rat().is_none())
}

/// The eigenvalues (a column) and unit eigenvectors in floating point.
fn float_eig(a: &Args) -> Result<(Value, Value)> {
    Ok(match &a.vals[0] {
        Value::Complex(m) => {
            if m.iter().any(|z| !z.re.is_finite() || !z.im.is_finite()) {
                return Err(LaError::from(linalg::LinalgError::NonFinite {
                    func: "eig",
                }));
            }
            let (l, v) = decomp::eig_complex(m)?;
            (
                Value::complex(CMat::from_column_slice(l.len(), 1, &l)),
                Value::complex(v),
            )
        }
        _ => {
            let m = real_finite(a, 0, "eig")?;
            match decomp::eig(&m)? {
                decomp::Eig::Real(l, v) => (Value::col(l), Value::Real(v.into())),
                decomp::Eig::Complex(l, v) => (
                    Value::complex(CMat::from_column_slice(l.len(), 1, &l)),
                    Value::complex(v),
                ),
            }
        }
    })
}

/// A column of eigenvalues as the diagonal matrix D, in its own kind.
fn diagonal(v: &Value) -> Result<Value> {
    fn diag<T: nalgebra::Scalar>(c: &nalgebra::DMatrix<T>, zero: T) -> nalgebra::DMatrix<T> {
        let n = c.len();
        nalgebra::DMatrix::from_fn(
            n,
            n,
            |i, j| if i == j { c[i].clone() } else { zero.clone() },
        )
    }
    Ok(match v {
        Value::Exact(c) => Value::Exact(diag(c, Rat::zero()).into()),
        Value::Quad(c) => Value::quad(diag(c, exact::Quad::from(Rat::zero()))),
        Value::Complex(c) => Value::complex(diag(c, C64::new(0.0, 0.0))),
        other => Value::Real(diag(&*other.to_real("eig")?, 0.0).into()),
    })
}

fn expm(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    // Exact nilpotent input has a finite, exact series.
    if let Some(Value::Exact(m)) = a.get(0) {
        let series = (!exact::too_costly_for(m, ExactWork::CharPoly))
            .then(|| exact::matrix::nilpotent_exp(m, crate::ops::exact::MAX_EXACT_BITS))
            .flatten();
        if let Some(e) = series {
            return one(Value::Exact(e.into()));
        }
    }
    let m = real_finite(&a, 0, "expm")?;
    one(Value::Real(decomp::expm(&m)?.into()))
}
