//! Scalar structures: making one (`struct`), asking about it (`isfield`,
//! `fieldnames`; `isstruct` is with the type tests in `lang`) and dropping
//! fields (`rmfield`). Fields are set
//! with `s.a = v` (the evaluator's `fields`); structure arrays are refused.

use super::ctx::Ctx;
use super::{one, Args, Builtin, Topic, MANY};
use crate::error::{LaError, Result};
use crate::value::cell::{CellMat, Elem};
use crate::value::Value;
use std::rc::Rc;

pub static BUILTINS: &[Builtin] = &[
    // It stores its values: exact complex ones stay exact, of any size.
    Builtin {
        quad_aware: true,
        any_field: true,
        ..builtin!(
            "struct",
            0,
            MANY,
            1,
            Topic::Basics,
            "struct(), struct('name', value, ...)",
            concat!(
                "A structure whose fields are the given names, in order, holding the values ",
                "(a 1x1 cell value gives its contents, so struct('c', {{1, 2}}) holds a cell). ",
                "Fields are read with s.name and set with s.name = value. Structure arrays ",
                "(a cell of several values) are not supported: keep structures in a cell."
            ),
            &["struct('a', x).a = x"],
            &[
                ">> s = struct('a', 1, 'b', 'hi')",
                "s =",
                "",
                "  scalar structure containing the fields:",
                "",
                "    a = 1",
                "    b = hi",
                "",
            ],
            &["fieldnames", "isfield", "rmfield", "isstruct"],
            make
        )
    },
    builtin!(
        "isfield",
        2,
        2,
        1,
        Topic::Basics,
        "isfield(s, 'name'), isfield(s, {'n1', 'n2'})",
        concat!(
            "True when the structure s has a field of that name; for a cell of names, a ",
            "logical array of its shape. False for anything that is not a structure."
        ),
        &[],
        &[
            ">> s = struct('a', 1);",
            ">> isfield(s, 'a')",
            "ans = 1",
            ">> isfield(s, {'a', 'b'})",
            "ans =",
            "",
            "  1  0",
            "",
        ],
        &["fieldnames", "struct", "rmfield"],
        isfield
    ),
    builtin!(
        "fieldnames",
        1,
        1,
        1,
        Topic::Basics,
        "fieldnames(s)",
        "The names of the fields of s, in order, as a column cell of strings.",
        &[],
        &[
            ">> fieldnames(struct('a', 1, 'b', 2))",
            "ans =",
            "{",
            "  [1,1] = a",
            "  [2,1] = b",
            "}",
            "",
        ],
        &["isfield", "struct", "rmfield"],
        fieldnames
    ),
    builtin!(
        "rmfield",
        2,
        2,
        1,
        Topic::Basics,
        "rmfield(s, 'name'), rmfield(s, {'n1', 'n2'})",
        "s without the named fields (each must exist); s itself is unchanged.",
        &[],
        &[
            ">> s = rmfield(struct('a', 1, 'b', 2), 'a')",
            "s =",
            "",
            "  scalar structure containing the fields:",
            "",
            "    b = 2",
            "",
        ],
        &["fieldnames", "isfield", "struct"],
        rmfield
    ),
];

type Fields = Vec<(String, Value)>;

fn make(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if a.len() % 2 == 1 {
        return Err(LaError::eval(
            "struct: expected name, value pairs (an odd number of arguments was given)",
        ));
    }
    let mut fields: Fields = Vec::with_capacity(a.len() / 2);
    for k in (0..a.len()).step_by(2) {
        let name = a
            .str(k)
            .ok_or_else(|| a.wrong(k, "a field name (a string)"))?;
        check_name(name)?;
        let value = match &a.vals[k + 1] {
            Value::Cell(m) if m.len() == 1 => m[0].0.clone(),
            Value::Cell(m) => {
                return Err(LaError::eval(format!(
                    "struct: a {}x{} cell value would make a structure array, which la does not support; \
                     to store the cell itself write struct('{name}', {{c}})",
                    m.nrows(),
                    m.ncols()
                )))
            }
            v => v.clone(),
        };
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(f) => f.1 = value,
            None => fields.push((name.to_string(), value)),
        }
    }
    one(Value::Struct(Rc::new(fields)))
}

/// A field name must be a name (`s.name` could not reach it otherwise).
fn check_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(LaError::eval(format!(
            "struct: invalid field name '{name}': a field name is a letter followed by letters, digits or _"
        )))
    }
}

/// The names argument `k`: one string, or a cell of strings (with its shape).
fn names(a: &Args, k: usize) -> Result<(Vec<String>, (usize, usize))> {
    match &a.vals[k] {
        Value::Str(s) => Ok((vec![s.clone()], (1, 1))),
        Value::Cell(m) if a.vals[k].is_cellstr() => Ok((
            m.iter()
                .filter_map(|e| e.0.as_str().map(str::to_string))
                .collect(),
            m.shape(),
        )),
        _ => Err(a.wrong(k, "a field name or a cell of field names")),
    }
}

fn struct_arg<'a>(a: &'a Args, what: &str) -> Result<&'a Fields> {
    match &a.vals[0] {
        Value::Struct(f) => Ok(f),
        _ => Err(a.wrong(0, what)),
    }
}

fn isfield(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (names, (r, c)) = names(&a, 1)?;
    let has = |n: &String| match &a.vals[0] {
        Value::Struct(f) => f.iter().any(|(m, _)| m == n),
        _ => false,
    };
    let flags: Vec<bool> = names.iter().map(has).collect();
    one(Value::Bool(
        crate::value::BMat::from_column_slice(r, c, &flags).into(),
    ))
}

fn fieldnames(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let fields = struct_arg(&a, "a structure")?;
    let names: Vec<Elem> = fields.iter().map(|(n, _)| Elem(Value::str(n))).collect();
    one(Value::cell(CellMat::from_column_slice(
        names.len(),
        1,
        &names,
    )))
}

fn rmfield(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let mut fields = struct_arg(&a, "a structure")?.clone();
    let (names, _) = names(&a, 1)?;
    for n in &names {
        let Some(at) = fields.iter().position(|(m, _)| m == n) else {
            return Err(LaError::eval(format!(
                "rmfield: the structure has no field '{n}' to remove"
            )));
        };
        fields.remove(at);
    }
    one(Value::Struct(Rc::new(fields)))
}
