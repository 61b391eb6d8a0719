//! Principal component analysis (`pca`).

use super::super::ctx::Ctx;
use super::super::{Args, Builtin, Doc, Topic};
use super::real_finite;
use crate::error::Result;
use crate::linalg::{self};
use crate::value::Value;

pub static BUILTINS: &[Builtin] = &[Builtin {
    name: "pca",
    min_args: 1,
    max_args: 2,
    max_out: 4,
    heavy: true,
    doc: Doc {
        topic: Topic::LeastSquares,
        signature: "coeff = pca(X), [coeff, score, latent, mu] = pca(X, k)",
        summary: "Principal component analysis of data X (rows are observations), centred first.",
        math: &[
            concat!(
                "D = top-k eigenvectors of the covariance of the centred X (= right ",
                "singular vectors)"
            ),
            "encode c = D'x, decode x ~ D c",
            "latent = variances",
        ],
        example: &[
            ">> [c, s, l] = pca([1 1; 2 2; 3 3]); l'",
            "ans =",
            "",
            "   2   0",
        ],
        related: &["svd", "eig", "mean"],
    },
    run: pca,
    ..Builtin::DEFAULTS
}];

fn pca(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let x = real_finite(&a, 0, "pca")?;
    let k = match a.get(1) {
        Some(_) => Some(a.usize(1)?),
        None => None,
    };
    let p = linalg::pca::pca(&x, k)?;
    Ok(vec![
        Value::Real(p.coeff.into()),
        Value::Real(p.score.into()),
        Value::col(p.latent),
        Value::Real(p.mu.into()),
    ])
}
