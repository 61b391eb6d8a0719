//! Constants and questions about a value's shape and type.

use super::construct::dims_arg;
use super::ctx::{Ctx, NameKind};
use super::{one, Args, Builtin, Doc, Topic, MANY};
use crate::error::Result;
use crate::value::{BMat, NumKind, Value};

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "pi",
        min_args: 0,
        max_args: 0,
        doc: Doc {
            topic: Topic::Basics,
            signature: "pi",
            summary: "The ratio of a circle's circumference to its diameter.",
            math: &["pi = 3.14159265358979..."],
            example: &[">> pi", "ans = 3.1416"],
            related: &["e"],
        },
        run: pi,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "e",
        min_args: 0,
        max_args: 0,
        doc: Doc {
            topic: Topic::Basics,
            signature: "e",
            summary: "Euler's number, the base of the natural logarithm.",
            math: &["e = exp(1) = 2.71828182845905..."],
            example: &[">> e", "ans = 2.7183"],
            related: &["exp", "log"],
        },
        run: e,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "Inf",
        min_args: 0,
        max_args: 0,
        doc: Doc {
            topic: Topic::Basics,
            signature: "Inf",
            summary: "Positive infinity.",
            math: &["1/0 = Inf; -1/0 = -Inf"],
            example: &[">> -Inf", "ans = -Inf"],
            related: &["NaN", "isinf"],
        },
        run: inf,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "NaN",
        min_args: 0,
        max_args: 0,
        doc: Doc {
            topic: Topic::Basics,
            signature: "NaN",
            summary: "Not a number: the result of undefined operations.",
            math: &["0/0 = NaN; NaN ~= NaN"],
            example: &[">> 0/0", "ans = NaN"],
            related: &["Inf", "isnan"],
        },
        run: nan,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "eps",
        min_args: 0,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "eps, eps(x)",
            summary: "Machine epsilon: the gap between 1 and the next double (or after |x|).",
            math: &["eps = 2^-52 ~ 2.2204e-16; eps(x) = 2^(floor(log2|x|) - 52)"],
            example: &[">> eps", "ans = 2.2204e-16"],
            related: &["rank", "pinv"],
        },
        run: eps,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "true",
        min_args: 0,
        max_args: 2,
        doc: Doc {
            topic: Topic::Basics,
            signature: "true, true(n), true(m, n), true([m n])",
            summary: "Logical true: a scalar, or an n x n / m x n logical array of it.",
            math: &["true == 1"],
            example: &[
                ">> true",
                "ans = 1",
                ">> true(2, 3)",
                "ans =",
                "",
                "  1  1  1",
                "  1  1  1",
            ],
            related: &["false"],
        },
        run: true_fn,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "false",
        min_args: 0,
        max_args: 2,
        doc: Doc {
            topic: Topic::Basics,
            signature: "false, false(n), false(m, n), false([m n])",
            summary: "Logical false: a scalar, or an n x n / m x n logical array of it.",
            math: &["false == 0"],
            example: &[
                ">> false",
                "ans = 0",
                ">> false(2, 3)",
                "ans =",
                "",
                "  0  0  0",
                "  0  0  0",
            ],
            related: &["true"],
        },
        run: false_fn,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "i",
        min_args: 0,
        max_args: 0,
        doc: Doc {
            topic: Topic::Basics,
            signature: "i, j",
            summary: "The imaginary unit.",
            math: &["i^2 = -1"],
            example: &[">> i^2", "ans = -1"],
            related: &["j", "real", "imag"],
        },
        run: i,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "j",
        min_args: 0,
        max_args: 0,
        doc: Doc {
            topic: Topic::Basics,
            signature: "i, j",
            summary: "The imaginary unit.",
            math: &["j^2 = -1"],
            example: &[">> abs(3 + 4*j)", "ans = 5"],
            related: &["i"],
        },
        run: j,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "size",
        min_args: 1,
        max_args: MANY,
        max_out: MANY,
        doc: Doc {
            topic: Topic::Basics,
            signature:
                "size(A), size(A, dim), size(A, [d1 d2]), [r, c] = size(A), [r, c, p] = size(A)",
            summary: concat!(
                "Dimensions of a matrix; dimensions past the second are 1, as Octave ",
                "(so [r, c, p] = size(A) gives p = 1)."
            ),
            math: &["size(A) = [rows, columns]"],
            example: &[">> size(ones(2, 3))", "ans =", "", "   2   3"],
            related: &["numel", "length", "rows", "columns"],
        },
        run: size,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "numel",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "numel(A)",
            summary: "Number of elements.",
            math: &["numel(A) = rows * columns"],
            example: &[">> numel(ones(3, 4))", "ans = 12"],
            related: &["size", "length"],
        },
        run: numel,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "length",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "length(A)",
            summary: "Length of the largest dimension (0 for an empty matrix).",
            math: &["length(A) = max(size(A)), or 0 if empty"],
            example: &[">> length(zeros(2, 7))", "ans = 7"],
            related: &["size", "numel"],
        },
        run: length,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "rows",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "rows(A)",
            summary: "Number of rows.",
            math: &["rows(A) = size(A, 1)"],
            example: &[">> rows([1 2; 3 4; 5 6])", "ans = 3"],
            related: &["columns", "size"],
        },
        run: rows,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "columns",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "columns(A)",
            summary: "Number of columns.",
            math: &["columns(A) = size(A, 2)"],
            example: &[">> columns([1 2; 3 4; 5 6])", "ans = 2"],
            related: &["rows", "size"],
        },
        run: columns,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "isempty",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "isempty(A)",
            summary: "True when A has no elements.",
            math: &["isempty(A) = (numel(A) == 0)"],
            example: &[">> isempty([])", "ans = 1"],
            related: &["numel"],
        },
        run: isempty,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "isscalar",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "isscalar(A)",
            summary: "True when A is 1x1.",
            math: &["size(A) == [1 1]"],
            example: &[">> isscalar(5)", "ans = 1"],
            related: &["isvector"],
        },
        run: isscalar,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "isvector",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "isvector(A)",
            summary: "True when A is a row or column vector.",
            math: &["one dimension is 1 and numel(A) >= 1"],
            example: &[">> isvector([1 2 3])", "ans = 1"],
            related: &["isscalar"],
        },
        run: isvector,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "isreal",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "isreal(A)",
            summary: "True when A has no complex part.",
            math: &["isreal(A) is false for complex values"],
            example: &[">> isreal(1 + 2i)", "ans = 0"],
            related: &["iscomplex", "real", "imag"],
        },
        run: isreal,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "iscomplex",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "iscomplex(A)",
            summary: concat!(
                "True when A is a complex number or matrix, even one whose imaginary ",
                "parts are all zero (complex(1, 0)); false for text, logicals and cells."
            ),
            math: &["iscomplex(A) = ~isreal(A) for numbers; both are false for a cell"],
            example: &[
                ">> iscomplex(3 - 4i)",
                "ans = 1",
                ">> iscomplex(complex(1, 0))",
                "ans = 1",
                ">> iscomplex(5)",
                "ans = 0",
            ],
            related: &["isreal", "complex", "imag"],
        },
        run: iscomplex,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "class",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "class(x)",
            summary: concat!(
                "The class of a value as Octave names it: double (exact numbers and ",
                "complex ones too; isexact and isreal tell them apart), logical, char, ",
                "function_handle or struct."
            ),
            math: &[],
            example: &[
                ">> class(1/3)",
                "ans = double",
                ">> class(true)",
                "ans = logical",
            ],
            related: &["isa", "isexact", "isreal"],
        },
        run: class,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "array",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Construct,
            signature: "array(X)",
            summary: "Accepts a pasted NumPy `array([[1, 2], [3, 4]])` as the matrix it prints.",
            math: &["array(X) = X (rows as NumPy lists them)"],
            example: &[
                ">> array([[1, 2], [3, 4]])",
                "ans =",
                "",
                "   1   2",
                "   3   4",
            ],
            related: &["double"],
        },
        run: array,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "exist",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "exist(name)",
            summary: concat!(
                "1 if name is a variable, 5 if a built-in function, 103 if a user ",
                "function, else 0."
            ),
            math: &[],
            example: &[">> exist('pi')", "ans = 5"],
            related: &["who"],
        },
        run: exist,
        ..Builtin::DEFAULTS
    },
];

fn pi(_: &mut dyn Ctx, _: Args) -> Result<Vec<Value>> {
    one(Value::scalar(std::f64::consts::PI))
}

fn e(_: &mut dyn Ctx, _: Args) -> Result<Vec<Value>> {
    one(Value::scalar(std::f64::consts::E))
}

fn inf(_: &mut dyn Ctx, _: Args) -> Result<Vec<Value>> {
    one(Value::scalar(f64::INFINITY))
}

fn nan(_: &mut dyn Ctx, _: Args) -> Result<Vec<Value>> {
    one(Value::scalar(f64::NAN))
}

fn true_fn(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    logical_filled(it, a, "true", true)
}

fn false_fn(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    logical_filled(it, a, "false", false)
}

/// `true(m, n)` / `false(m, n)`: sizes read as `zeros` reads them.
fn logical_filled(it: &mut dyn Ctx, a: Args, what: &str, b: bool) -> Result<Vec<Value>> {
    let (r, c) = dims_arg(it, &a, what, 0)?;
    one(Value::Bool(BMat::from_element(r, c, b).into()))
}

fn i(_: &mut dyn Ctx, _: Args) -> Result<Vec<Value>> {
    one(imag_unit())
}

fn j(_: &mut dyn Ctx, _: Args) -> Result<Vec<Value>> {
    one(imag_unit())
}

fn numel(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::scalar(a.vals[0].numel() as f64))
}

fn rows(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::scalar(a.vals[0].dims().0 as f64))
}

fn columns(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::scalar(a.vals[0].dims().1 as f64))
}

fn isempty(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::bool(a.vals[0].is_empty()))
}

fn isscalar(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::bool(a.vals[0].is_scalar()))
}

fn isvector(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (r, c) = a.vals[0].dims();
    one(Value::bool((r == 1 || c == 1) && r * c >= 1))
}

fn isreal(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let kind = a.vals[0].num_kind();
    one(Value::bool(
        kind.is_some() && kind != Some(NumKind::Complex),
    ))
}

fn iscomplex(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::bool(a.vals[0].num_kind() == Some(NumKind::Complex)))
}

fn class(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::str(a.vals[0].class_name()))
}

fn array(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(a.vals[0].clone())
}

/// The Gaussian rational `i`: exact, like the literal `1i`.
fn imag_unit() -> Value {
    Value::quad(crate::exact::QuadMat::from_element(
        1,
        1,
        crate::exact::Quad::i(),
    ))
}

fn eps(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if a.is_empty() {
        return one(Value::scalar(f64::EPSILON));
    }
    let m = a.real(0)?;
    one(Value::Real(
        m.map(|x| {
            let x = x.abs();
            if !x.is_finite() {
                f64::NAN
            } else if x < f64::MIN_POSITIVE {
                f64::from_bits(1)
            } else {
                2f64.powi(x.log2().floor() as i32 - 52)
            }
        })
        .into(),
    ))
}

fn size(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (r, c) = a.vals[0].dims();
    let mut dims = Vec::new();
    for k in 1..a.len() {
        for &d in a.real(k)?.iter() {
            if d.fract() != 0.0 || d.is_nan() {
                return Err(a.wrong(k, "positive integer dimensions"));
            }
            dims.push(match d {
                1.0 => r as f64,
                2.0 => c as f64,
                d if d > 2.0 => 1.0,
                _ => {
                    return Err(crate::error::LaError::eval(format!(
                        "size: requested dimension DIM (= {d}) out of range"
                    )))
                }
            });
        }
    }
    if a.len() == 1 {
        dims = vec![r as f64, c as f64];
    }
    if a.nargout <= 1 {
        return one(Value::row(dims));
    }
    if a.len() > 1 && a.nargout != dims.len() {
        return Err(crate::error::LaError::eval(format!(
            "size: {} outputs for {} requested dimensions",
            a.nargout,
            dims.len()
        )));
    }
    // More outputs than dimensions: the trailing ones are 1.
    dims.resize(dims.len().max(a.nargout), 1.0);
    Ok(dims.into_iter().map(Value::scalar).collect())
}

fn length(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (r, c) = a.vals[0].dims();
    one(Value::scalar(if r * c == 0 {
        0.0
    } else {
        r.max(c) as f64
    }))
}

fn exist(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let code = match it.name_kind(a.string(0)?) {
        NameKind::Variable => 1.0,
        NameKind::UserFunction => 103.0,
        NameKind::Builtin => 5.0,
        NameKind::Unknown => 0.0,
    };
    one(Value::scalar(code))
}
