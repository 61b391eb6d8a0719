//! Building matrices: zeros, ones, eye, rand, ranges, reshaping, special matrices.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Doc, Topic, MANY};
use crate::error::{LaError, Result};
use crate::exact::{Quad, Rat, RatMat, MAX_EXACT_ENTRIES};
use crate::linalg::RMat;
use crate::value::Value;
use nalgebra::DMatrix;
use num_traits::Zero;

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "zeros",
        min_args: 0,
        max_args: 2,
        doc: Doc {
            topic: Topic::Construct,
            signature: "zeros(n), zeros(m, n)",
            summary: "Matrix of zeros.",
            math: &["Z_ij = 0"],
            example: &[
                ">> zeros(2, 3)",
                "ans =",
                "",
                "   0   0   0",
                "   0   0   0",
            ],
            related: &["ones", "eye"],
        },
        run: zeros,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "ones",
        min_args: 0,
        max_args: 2,
        doc: Doc {
            topic: Topic::Construct,
            signature: "ones(n), ones(m, n)",
            summary: "Matrix of ones.",
            math: &["J_ij = 1"],
            example: &[">> ones(2)", "ans =", "", "   1   1", "   1   1"],
            related: &["zeros", "eye"],
        },
        run: ones,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "eye",
        min_args: 0,
        max_args: 2,
        doc: Doc {
            topic: Topic::Construct,
            signature: "eye(n), eye(m, n)",
            summary: "Identity matrix.",
            math: &["I_ij = 1 if i == j, else 0; A*I = I*A = A"],
            example: &[
                ">> eye(3)",
                "ans =",
                "",
                "   1   0   0",
                "   0   1   0",
                "   0   0   1",
            ],
            related: &["zeros", "diag"],
        },
        run: eye,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "rand",
        min_args: 0,
        max_args: 2,
        doc: Doc {
            topic: Topic::Construct,
            signature: "rand(n), rand(m, n), rand(\"seed\", s)",
            summary: "Uniform random numbers in (0, 1); rand(\"seed\", s) makes them reproducible.",
            math: &["each entry independent, uniform on (0, 1)"],
            example: &[
                ">> rand(\"seed\", 1); size(rand(2, 3))",
                "ans =",
                "",
                "   2   3",
            ],
            related: &["randn"],
        },
        run: rand,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "randn",
        min_args: 0,
        max_args: 2,
        doc: Doc {
            topic: Topic::Construct,
            signature: "randn(n), randn(m, n), randn(\"seed\", s)",
            summary: "Standard normal random numbers (mean 0, variance 1).",
            math: &["each entry independent, N(0, 1)"],
            example: &[
                ">> randn(\"seed\", 1); size(randn(3))",
                "ans =",
                "",
                "   3   3",
            ],
            related: &["rand"],
        },
        run: randn,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "colon",
        min_args: 2,
        max_args: 3,
        doc: Doc {
            topic: Topic::Construct,
            signature: "colon(a, b), colon(a, step, b)",
            summary: "The range a:b or a:step:b as a function.",
            math: &["a, a+step, ..., up to b"],
            example: &[">> colon(1, 3)", "ans =", "", "   1   2   3"],
            related: &["linspace"],
        },
        run: colon,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "reshape",
        quad_aware: true,
        min_args: 2,
        max_args: 3,
        doc: Doc {
            topic: Topic::Construct,
            signature: "reshape(A, m, n), reshape(A, [m n])",
            summary: "Same elements, taken column by column, in an m-by-n shape.",
            math: &["numel must not change; [] in one place is inferred"],
            example: &[
                ">> reshape(1:6, 2, 3)",
                "ans =",
                "",
                "   1   3   5",
                "   2   4   6",
            ],
            related: &["repmat", "size"],
        },
        run: reshape,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "repmat",
        quad_aware: true,
        min_args: 2,
        max_args: 3,
        doc: Doc {
            topic: Topic::Construct,
            signature: "repmat(A, m, n), repmat(A, n)",
            summary: "Tile A m times down and n times across.",
            math: &["[A A ...; A A ...]"],
            example: &[
                ">> repmat([1 2], 2, 2)",
                "ans =",
                "",
                "   1   2   1   2",
                "   1   2   1   2",
            ],
            related: &["kron", "reshape"],
        },
        run: repmat,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "magic",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Construct,
            signature: "magic(n)",
            summary: "Magic square: rows, columns and diagonals share one sum.",
            math: &["sum = n*(n^2 + 1)/2"],
            example: &[
                ">> magic(3)",
                "ans =",
                "",
                "   8   1   6",
                "   3   5   7",
                "   4   9   2",
            ],
            related: &["hilb"],
        },
        run: magic,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "hilb",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Construct,
            signature: "hilb(n)",
            summary: "Hilbert matrix, the classic ill-conditioned example.",
            math: &["H_ij = 1/(i + j - 1)"],
            example: &[">> hilb(2)", "ans =", "", "     1   1/2", "   1/2   1/3"],
            related: &["cond", "inv"],
        },
        run: hilb,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "diag",
        quad_aware: true,
        min_args: 1,
        max_args: 3,
        doc: Doc {
            topic: Topic::Special,
            signature: "diag(v), diag(v, k), diag(v, m, n), diag(A), diag(A, k)",
            summary: concat!(
                "Vector -> diagonal matrix (m x n when given); matrix -> its diagonal ",
                "as a column."
            ),
            math: &[
                "diag(v)_ii = v_i, 0 elsewhere",
                "diag(v)*x = v .* x",
                "diag(v)^-1 = diag(1 ./ v) when no v_i is 0",
            ],
            example: &[
                ">> diag([2 3])",
                "ans =",
                "",
                "   2   0",
                "   0   3",
                "",
                ">> diag([1 2; 3 4])'",
                "ans =",
                "",
                "   1   4",
            ],
            related: &["eye", "isdiag", "trace"],
        },
        run: diag,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "triu",
        quad_aware: true,
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Special,
            signature: "triu(A), triu(A, k)",
            summary: "Upper triangular part (on and above diagonal k).",
            math: &["keep A_ij with j - i >= k"],
            example: &[
                ">> triu(magic(3))",
                "ans =",
                "",
                "   8   1   6",
                "   0   5   7",
                "   0   0   2",
            ],
            related: &["tril"],
        },
        run: triu,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "tril",
        quad_aware: true,
        min_args: 1,
        max_args: 2,
        doc: Doc {
            topic: Topic::Special,
            signature: "tril(A), tril(A, k)",
            summary: "Lower triangular part (on and below diagonal k).",
            math: &["keep A_ij with j - i <= k"],
            example: &[
                ">> tril(magic(3))",
                "ans =",
                "",
                "   8   0   0",
                "   3   5   0",
                "   4   9   2",
            ],
            related: &["triu"],
        },
        run: tril,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "horzcat",
        quad_aware: true,
        min_args: 0,
        max_args: MANY,
        doc: Doc {
            topic: Topic::Construct,
            signature: "horzcat(A, B, ...)",
            summary: "Join side by side, as [A, B].",
            math: &["row counts must agree"],
            example: &[
                ">> horzcat([1; 2], [3; 4])",
                "ans =",
                "",
                "   1   3",
                "   2   4",
            ],
            related: &["vertcat"],
        },
        run: horzcat,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "vertcat",
        quad_aware: true,
        min_args: 0,
        max_args: MANY,
        doc: Doc {
            topic: Topic::Construct,
            signature: "vertcat(A, B, ...)",
            summary: "Stack on top of each other, as [A; B].",
            math: &["column counts must agree"],
            example: &[
                ">> vertcat([1 2], [3 4])",
                "ans =",
                "",
                "   1   2",
                "   3   4",
            ],
            related: &["horzcat"],
        },
        run: vertcat,
        ..Builtin::DEFAULTS
    },
];

fn zeros(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    filled(it, a, "zeros", 0)
}

fn ones(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    filled(it, a, "ones", 1)
}

fn rand(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    random(it, a, "rand", false)
}

fn randn(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    random(it, a, "randn", true)
}

fn triu(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    tri(a, true)
}

fn tril(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    tri(a, false)
}

fn horzcat(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(crate::ops::index::concat(vec![a.vals])?)
}

fn vertcat(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(crate::ops::index::concat(
        a.vals.into_iter().map(|v| vec![v]).collect(),
    )?)
}

/// `(m, n)` from `f(n)`, `f(m, n)` or `f([m n])`, refusing sizes over the memory limit.
pub fn dims_arg(it: &dyn Ctx, a: &Args, what: &str, first: usize) -> Result<(usize, usize)> {
    let rest = a.len().saturating_sub(first);
    let (r, c) = match rest {
        0 => (1.0, 1.0),
        1 if a.num(first)?.numel() == 2 => {
            let m = a.real(first)?;
            (m[0], m[1])
        }
        1 => {
            let n = a.f64(first)?;
            (n, n)
        }
        _ => (a.f64(first)?, a.f64(first + 1)?),
    };
    for x in [r, c] {
        if x.is_nan() || x.fract() != 0.0 {
            return Err(LaError::eval(format!(
                "{what}: dimensions must be integers (got {x})"
            )));
        }
    }
    let (r, c) = (r.max(0.0), c.max(0.0));
    it.check_alloc(what, r, c, 8)?;
    Ok((r as usize, c as usize))
}

/// Small constant matrices are exact, so `A - 2*eye(3)` stays exact; large ones are floats.
fn small(r: usize, c: usize) -> bool {
    r * c <= MAX_EXACT_ENTRIES
}

fn filled(it: &mut dyn Ctx, a: Args, what: &str, x: i64) -> Result<Vec<Value>> {
    let (r, c) = dims_arg(it, &a, what, 0)?;
    if small(r, c) {
        return one(Value::Exact(
            RatMat::from_element(r, c, Rat::from_i64(x)).into(),
        ));
    }
    one(Value::Real(RMat::from_element(r, c, x as f64).into()))
}

fn eye(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (r, c) = dims_arg(it, &a, "eye", 0)?;
    if small(r, c) {
        return one(Value::Exact(
            RatMat::from_fn(r, c, |i, j| if i == j { Rat::one() } else { Rat::zero() }).into(),
        ));
    }
    one(Value::Real(RMat::identity(r, c).into()))
}

fn random(it: &mut dyn Ctx, a: Args, what: &str, normal: bool) -> Result<Vec<Value>> {
    if let Some(opt) = a.str(0) {
        if matches!(opt, "seed" | "state" | "twister") {
            let seed = a.opt_f64(1)?.unwrap_or(0.0);
            *it.rng() = crate::linalg::random::Rng::new(seed.to_bits());
            return Ok(Vec::new());
        }
        return Err(LaError::eval(format!(
            "{what}: unrecognized string argument '{opt}'"
        )));
    }
    let (r, c) = dims_arg(it, &a, what, 0)?;
    let rng = it.rng();
    one(Value::Real(
        RMat::from_fn(
            r,
            c,
            |_, _| {
                if normal {
                    rng.normal()
                } else {
                    rng.uniform()
                }
            },
        )
        .into(),
    ))
}

fn colon(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let base = a.f64(0)?;
    let (inc, limit) = if a.len() == 3 {
        (a.f64(1)?, a.f64(2)?)
    } else {
        (1.0, a.f64(1)?)
    };
    let n = crate::ops::range_len(base, inc, limit);
    it.check_alloc("colon", 1.0, n, 8)?;
    one(Value::Real(
        RMat::from_fn(1, n as usize, |_, k| base + k as f64 * inc).into(),
    ))
}

fn reshape(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let n = v.numel();
    let dims: Vec<Option<f64>> = if a.len() == 2 {
        a.real(1)?.iter().map(|&x| Some(x)).collect()
    } else {
        a.vals[1..]
            .iter()
            .enumerate()
            .map(|(j, d)| {
                if d.is_empty() && d.as_str().is_none() {
                    Ok(None)
                } else {
                    a.f64(j + 1).map(Some)
                }
            })
            .collect::<Result<_>>()?
    };
    if dims.len() != 2 {
        return Err(LaError::eval("reshape: SIZE must have 2 dimensions"));
    }
    let known: f64 = dims.iter().flatten().product();
    let fill = |d: Option<f64>| d.unwrap_or(if known > 0.0 { n as f64 / known } else { 0.0 });
    let (r, c) = (fill(dims[0]), fill(dims[1]));
    if r.fract() != 0.0 || c.fract() != 0.0 || r < 0.0 || c < 0.0 || (r * c) as usize != n {
        let (vr, vc) = v.dims();
        return Err(LaError::eval(format!(
            "reshape: can't reshape {vr}x{vc} array to {r}x{c} array"
        )));
    }
    one(v.reshaped(r as usize, c as usize, "reshape")?)
}

fn repmat(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (m, n) = dims_arg(it, &a, "repmat", 1)?;
    let v = &a.vals[0];
    let (r, c) = v.dims();
    it.check_alloc("repmat", (r * m) as f64, (c * n) as f64, 8)?;
    let row: Vec<Value> = std::iter::repeat_n(v.clone(), n).collect();
    one(crate::ops::index::concat(
        std::iter::repeat_n(row, m).collect(),
    )?)
}

fn magic(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let n = a.usize(0)?;
    it.check_alloc("magic", n as f64, n as f64, 8)?;
    let m = magic_square(n);
    match crate::exact::matrix::from_f64_exact(&m).filter(|_| small(n, n)) {
        Some(q) => one(Value::Exact(q.into())),
        None => one(Value::Real(m.into())),
    }
}

/// Octave's construction: odd (siamese), doubly even, singly even (LUX).
fn magic_square(n: usize) -> RMat {
    if n == 0 {
        return RMat::zeros(0, 0);
    }
    if n == 2 {
        return RMat::from_row_slice(2, 2, &[4.0, 3.0, 1.0, 2.0]);
    }
    if n == 1 {
        return RMat::from_element(1, 1, 1.0);
    }
    if n % 2 == 1 {
        let mut a = RMat::zeros(n, n);
        let (nn, half) = (n * n, (n - 3) / 2);
        for k in 0..nn {
            let shift = k / n;
            let c = (k + 1 + half + n - shift % n) % n;
            let r = (nn - k + 2 * shift) % n;
            a.as_mut_slice()[c * n + r] = (k + 1) as f64;
        }
        return a;
    }
    if n.is_multiple_of(4) {
        let corner = |x: usize| x.is_multiple_of(4) || x % 4 == 3;
        return RMat::from_fn(n, n, |i, j| {
            let k = (i * n + j + 1) as f64;
            if corner(i) == corner(j) {
                (n * n + 1) as f64 - k
            } else {
                k
            }
        });
    }
    let m = n / 2;
    let a = magic_square(m);
    let mm = (m * m) as f64;
    let mut out = RMat::zeros(n, n);
    for i in 0..m {
        for j in 0..m {
            out[(i, j)] = a[(i, j)];
            out[(i, j + m)] = a[(i, j)] + 2.0 * mm;
            out[(i + m, j)] = a[(i, j)] + 3.0 * mm;
            out[(i + m, j + m)] = a[(i, j)] + mm;
        }
    }
    let k = (m - 1) / 2;
    let swap = |out: &mut RMat, i: usize, j: usize| {
        let t = out[(i, j)];
        out[(i, j)] = out[(i + m, j)];
        out[(i + m, j)] = t;
    };
    for j in (1..k).chain(n - k + 1..n) {
        (0..m).for_each(|i| swap(&mut out, i, j));
    }
    (0..k).chain(k + 1..m).for_each(|i| swap(&mut out, i, 0));
    swap(&mut out, k, k);
    out
}

fn hilb(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let n = a.usize(0)?;
    it.check_alloc("hilb", n as f64, n as f64, 8)?;
    if small(n, n) {
        let h = |i: usize, j: usize| Rat::one() / Rat::from_i64((i + j + 1) as i64);
        return one(Value::Exact(RatMat::from_fn(n, n, h).into()));
    }
    one(Value::Real(
        RMat::from_fn(n, n, |i, j| 1.0 / (i + j + 1) as f64).into(),
    ))
}

fn diag(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let (r, c) = v.dims();
    if a.len() == 3 {
        return diag_sized(it, &a);
    }
    let k = if a.len() > 1 { a.int(1)? } else { 0 };
    if (r, c) == (0, 0) {
        // Octave: the empty matrix has the empty diagonal, whatever k.
        return one(v.reshaped(0, 0, "diag")?);
    }
    if r == 1 || c == 1 {
        let n = r * c + k.unsigned_abs() as usize;
        it.check_alloc("diag", n as f64, n as f64, 8)?;
    }
    one(match v {
        Value::Complex(m) => Value::Complex(diag_of(m, k, Default::default()).into()),
        Value::Exact(m) => Value::Exact(diag_of(m, k, Rat::zero()).into()),
        Value::Quad(m) => Value::quad(diag_of(m, k, Quad::zero())),
        _ => Value::Real(diag_of(&*a.real(0)?, k, 0.0).into()),
    })
}

/// `diag(v, m, n)`: the `m x n` matrix with `v` down its main diagonal
/// (entries past the shorter side are dropped).
fn diag_sized(it: &mut dyn Ctx, a: &Args) -> Result<Vec<Value>> {
    let (r, c) = a.num(0)?.dims();
    if r != 1 && c != 1 {
        return Err(a.wrong(0, "a vector"));
    }
    let (m, n) = (a.usize(1)?, a.usize(2)?);
    it.check_alloc("diag", m as f64, n as f64, 8)?;
    fn put<T: nalgebra::Scalar>(v: &DMatrix<T>, m: usize, n: usize, zero: T) -> DMatrix<T> {
        let mut out = DMatrix::from_element(m, n, zero);
        v.iter()
            .take(m.min(n))
            .enumerate()
            .for_each(|(t, x)| out[(t, t)] = x.clone());
        out
    }
    one(match &a.vals[0] {
        Value::Complex(v) => Value::Complex(put(v, m, n, Default::default()).into()),
        Value::Exact(v) => Value::Exact(put(v, m, n, Rat::zero()).into()),
        Value::Quad(v) => Value::quad(put(v, m, n, Quad::zero())),
        _ => Value::Real(put(&*a.real(0)?, m, n, 0.0).into()),
    })
}

/// Vector -> matrix with it on diagonal k; matrix -> its diagonal k as a column.
fn diag_of<T: nalgebra::Scalar>(m: &DMatrix<T>, k: i64, zero: T) -> DMatrix<T> {
    let (r, c) = m.shape();
    let off = k.unsigned_abs() as usize;
    let at = |t: usize| if k >= 0 { (t, t + off) } else { (t + off, t) };
    if r == 1 || c == 1 {
        let n = r * c + off;
        let mut out = DMatrix::from_element(n, n, zero);
        m.iter()
            .enumerate()
            .for_each(|(t, x)| out[at(t)] = x.clone());
        return out;
    }
    let len = if k >= 0 {
        r.min(c.saturating_sub(off))
    } else {
        c.min(r.saturating_sub(off))
    };
    DMatrix::from_fn(len, 1, |t, _| m[at(t)].clone())
}

fn tri(a: Args, upper: bool) -> Result<Vec<Value>> {
    let k = if a.len() > 1 { a.int(1)? } else { 0 };
    a.num(0)?;
    fn keep<T: nalgebra::Scalar>(m: &DMatrix<T>, k: i64, upper: bool, zero: T) -> DMatrix<T> {
        DMatrix::from_fn(m.nrows(), m.ncols(), |i, j| {
            let d = j as i64 - i as i64;
            if (upper && d >= k) || (!upper && d <= k) {
                m[(i, j)].clone()
            } else {
                zero.clone()
            }
        })
    }
    one(match &a.vals[0] {
        Value::Complex(m) => Value::Complex(keep(m, k, upper, Default::default()).into()),
        Value::Exact(m) => Value::Exact(keep(m, k, upper, Rat::zero()).into()),
        Value::Quad(m) => Value::quad(keep(m, k, upper, Quad::zero())),
        _ => Value::Real(keep(&*a.real(0)?, k, upper, 0.0).into()),
    })
}
