//! The language's own functions: types as MATLAB code tests them (`isa`,
//! `isnumeric`, ...; `isexact` is la's), calling functions by value or name
//! (`feval`, `arrayfun`, `func2str`, `str2func`) and `lasterr`.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Doc, Topic, MANY};
use crate::error::{LaError, Result};
use crate::value::{Func, Value};
use std::rc::Rc;

/// One `is...` type test: name, what it asks, an example and what follows `ans =`.
macro_rules! type_test {
    ($name:literal, $summary:literal, $example:literal, $answer:literal, $test:expr) => {
        builtin!(
            $name,
            1,
            1,
            1,
            Topic::Basics,
            concat!($name, "(x)"),
            $summary,
            &[],
            &[concat!(">> ", $example), concat!("ans =", $answer)],
            &["class", "isa"],
            |_, a| {
                let test: fn(&Value) -> bool = $test;
                one(Value::bool(test(&a.vals[0])))
            }
        )
    };
}

pub static BUILTINS: &[Builtin] = &[
    type_test!(
        "isnumeric",
        "True for numbers (real, complex or exact); false for logicals and strings.",
        "[isnumeric(1/3), isnumeric(true), isnumeric('a')]",
        "\n\n  1  0  0\n",
        is_numeric
    ),
    type_test!(
        "isfloat",
        "True for doubles (exact numbers are doubles to the language); false for logicals and strings.",
        "[isfloat(2), isfloat(1i), isfloat(true)]",
        "\n\n  1  1  0\n",
        is_numeric
    ),
    type_test!(
        "isinteger",
        "True for integer-typed values; la has none, so always false (use `x == fix(x)` for integer values).",
        "isinteger(3)",
        " 0",
        |_| false
    ),
    type_test!(
        "ischar",
        "True for strings.",
        "[ischar('abc'), ischar(97)]",
        "\n\n  1  0\n",
        |v| matches!(v, Value::Str(_))
    ),
    type_test!(
        "islogical",
        "True for logical values (comparisons, true, false).",
        "[islogical(1 < 2), islogical(1)]",
        "\n\n  1  0\n",
        |v| matches!(v, Value::Bool(_))
    ),
    Builtin {
        quad_aware: true,
        any_field: true,
        ..type_test!(
            "isexact",
            "True when x is held exactly (la's rationals and numbers a + b*sqrt(d)): integer and decimal input, and what exact operations make of it.",
            "[isexact(1/3), isexact(sqrt(2)), isexact(pi)]",
            "\n\n  1  1  0\n",
            |v| matches!(v, Value::Exact(_) | Value::Quad(_))
        )
    },
    type_test!(
        "is_function_handle",
        "True for function handles (@sin, @(x) x^2).",
        "is_function_handle(@(x) x^2)",
        " 1",
        |v| matches!(v, Value::Func(_))
    ),
    type_test!(
        "isstruct",
        "True for structures: struct('a', 1), s after s.a = 1, the error `catch err` binds.",
        "isstruct(3)",
        " 0",
        |v| matches!(v, Value::Struct(_))
    ),
    Builtin {
        name: "isa",
        min_args: 2,
        max_args: 2,
        doc: Doc {
            topic: Topic::Basics,
            signature: "isa(x, classname)",
            summary: concat!(
                "True when x is of class classname, or of the group 'numeric' ",
                "(numbers), 'float' (doubles) or 'integer' (none in la)."
            ),
            math: &[],
            example: &[">> [isa(1, 'double'), isa(1, 'numeric'), isa(true, 'numeric')]", "ans =", "", "  1  1  0", ""],
            related: &["class", "isnumeric"],
        },
        run: isa,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "feval",
        min_args: 1,
        max_args: MANY,
        max_out: MANY,
        doc: Doc {
            topic: Topic::Basics,
            signature: "feval(f, x, ...)",
            summary: "Call f (a function handle or a function's name) with the arguments x, ...",
            math: &["feval(f, x) = f(x)"],
            example: &[">> feval('max', [3 7 5])", "ans = 7"],
            related: &["arrayfun", "str2func"],
        },
        run: feval,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "arrayfun",
        min_args: 2,
        max_args: MANY,
        max_out: MANY,
        doc: Doc {
            topic: Topic::Basics,
            signature: "arrayfun(f, A), arrayfun(f, A, B, ...), arrayfun(f, A, 'UniformOutput', false)",
            summary: concat!(
                "f applied to each element of A (and the matching elements of B, ...); ",
                "each call must return one value, and the results keep A's shape; ",
                "with 'UniformOutput', false they form a cell array instead."
            ),
            math: &["arrayfun(f, A)(i, j) = f(A(i, j))"],
            example: &[">> arrayfun(@(x) x^2, [1 2; 3 4])", "ans =", "", "    1    4", "    9   16", ""],
            related: &["feval"],
        },
        run: arrayfun,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "func2str",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "func2str(f)",
            summary: "The text of a function handle: the name of @name, the source of @(x) ...",
            math: &[],
            example: &[">> func2str(@(x) x + 1)", "ans = @(x) x + 1"],
            related: &["str2func"],
        },
        run: func2str,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "str2func",
        min_args: 1,
        max_args: 1,
        doc: Doc {
            topic: Topic::Basics,
            signature: "str2func(s)",
            summary: "The function handle a name or an anonymous-function text stands for.",
            math: &[],
            example: &[">> f = str2func('@(x) 2*x'); f(4)", "ans = 8"],
            related: &["func2str", "feval"],
        },
        run: str2func,
        ..Builtin::DEFAULTS
    },
    Builtin {
        name: "lasterr",
        min_args: 0,
        max_args: 0,
        doc: Doc {
            topic: Topic::Basics,
            signature: "lasterr",
            summary: "The message of the last error a try block caught.",
            math: &[],
            example: &[">> try, error('no luck'); end; lasterr", "ans = no luck"],
            related: &["error"],
        },
        run: |it, _| one(Value::str(it.last_error())),
        ..Builtin::DEFAULTS
    },
];

fn is_numeric(v: &Value) -> bool {
    matches!(
        v,
        Value::Exact(_) | Value::Quad(_) | Value::Real(_) | Value::Complex(_)
    )
}

fn isa(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = &a.vals[0];
    let answer = match a.string(1)? {
        "numeric" | "float" => is_numeric(v),
        "integer" => false,
        cls => v.class_name() == cls,
    };
    one(Value::bool(answer))
}

use super::cells::function;

fn feval(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let f = function(&a, 0)?;
    it.call(&f, a.vals[1..].to_vec(), a.nargout, a.span)
}

fn arrayfun(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let f = function(&a, 0)?;
    let (n, uniform) = super::cells::uniform_option(&a)?;
    let arrays = &a.vals[1..n];
    let dims = super::cells::same_dims(&a, arrays, 1)?;
    let inputs = arrays
        .iter()
        .map(|v| (0..v.numel()).map(|k| v.element(k)).collect())
        .collect();
    super::cells::map_elements(it, &f, inputs, dims, uniform, &a)
}

fn func2str(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let Value::Func(f) = &a.vals[0] else {
        return Err(a.wrong(0, "a function handle"));
    };
    one(Value::str(match &**f {
        Func::Lambda { def, .. } => def.text.clone(),
        Func::Named(n) => n.clone(),
        Func::User(d) => d.name.clone(),
    }))
}

fn str2func(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let text = a.string(0)?.trim();
    if text.starts_with('@') {
        use crate::syntax::ast::{ExprKind, StmtKind};
        let stmts = crate::syntax::parse::parse_program(text)?;
        if let [s] = stmts.as_slice() {
            if let StmtKind::Expr(e) = &s.kind {
                if let ExprKind::AnonFn(def) = &e.kind {
                    // Its spans are offsets into the text given.
                    let src = crate::error::Source::new("<str2func>", text);
                    let _ = def.source.set(std::sync::Arc::new(src));
                    return one(Value::Func(Rc::new(Func::Lambda {
                        def: def.clone(),
                        captured: Default::default(),
                    })));
                }
            }
        }
        return Err(a.wrong(0, "a function name or an anonymous function '@(x) ...'"));
    }
    if it.name_kind(text) == super::ctx::NameKind::Unknown
        || it.name_kind(text) == super::ctx::NameKind::Variable
    {
        return Err(LaError::eval(format!(
            "str2func: no function named '{text}'"
        )));
    }
    one(Value::Func(Rc::new(Func::Named(text.to_string()))))
}
