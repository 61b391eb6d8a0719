//! The session files: `save` writes the workspace (or chosen variables) to
//! a text file and `load` reads it back, or reads plain numeric text into a
//! matrix, with the reader `csvread` and `dlmread` share. Nothing is written
//! or loaded unless the whole file is.

use super::super::ctx::{CommandCtx, Ctx};
use super::workspace::sorted_names;
use super::Next;
use crate::error::{LaError, Result, Span};
use crate::value::storage;
use crate::value::Value;

pub(super) fn save(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Next> {
    save_args(it, args, span)?;
    Ok(Next::Continue)
}

/// `save [-text|-ascii|-append] FILE [NAME...]`, the command and function forms.
pub fn save_args(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<()> {
    let err = |m: String| LaError::eval(format!("save: {m}")).at(span);
    let (mut ascii, mut append) = (false, false);
    let mut rest = Vec::new();
    for a in args {
        match a.as_str() {
            "-text" => {}
            "-ascii" => ascii = true,
            "-append" => append = true,
            o if o.starts_with('-') => {
                return Err(err(format!(
                    "option '{o}' is not supported (la writes its own text format; \
                     options: -text, -ascii, -append)"
                )))
            }
            _ => rest.push(a.as_str()),
        }
    }
    let Some((path, wanted)) = rest.split_first() else {
        return Err(err("a file name is required (save FILE [NAME...])".into()));
    };
    let mut names: Vec<String> = Vec::new();
    for w in wanted {
        if !it.vars().contains_key(w) {
            let hint = if w.contains('.') {
                format!(" (the file name comes first: save {w} ...)")
            } else {
                String::new()
            };
            return Err(err(format!(
                "no variable named '{w}'{hint}; nothing was written"
            )));
        }
        if !names.iter().any(|n| n == w) {
            names.push(w.to_string());
        }
    }
    if wanted.is_empty() {
        names = sorted_names(it);
    }
    let vars = it.vars();
    let text = if ascii {
        let mut out = String::new();
        for n in &names {
            let v = vars.get(n).cloned().unwrap_or_else(Value::empty);
            match v {
                Value::Exact(_) | Value::Quad(_) | Value::Real(_) | Value::Bool(_)
                    if v.num_kind() != Some(crate::value::NumKind::Complex) =>
                {
                    let m = v.to_real("save").map_err(|e| e.at(span))?.into_owned();
                    out.push_str(&storage::to_ascii(&m))
                }
                other => {
                    return Err(err(format!(
                        "-ascii saves numbers only; '{n}' is {}",
                        other.describe()
                    )))
                }
            }
        }
        if append {
            let old = std::fs::read_to_string(path).unwrap_or_default();
            old + &out
        } else {
            out
        }
    } else {
        let mut all: Vec<(String, Value)> = Vec::new();
        if append {
            if let Ok(bytes) = std::fs::read(path) {
                let old = String::from_utf8_lossy(&bytes);
                let parsed = storage::parse(&old).map_err(|(line, m)| {
                    err(format!("-append: {path}:{line}: {m}; nothing was written"))
                })?;
                let mut old: Vec<(String, Value)> = parsed
                    .into_iter()
                    .filter(|(n, _)| !names.contains(n))
                    .collect();
                old.sort_by(|a, b| a.0.cmp(&b.0));
                all.extend(old);
            }
        }
        all.extend(
            names
                .iter()
                .filter_map(|n| vars.get(n).map(|v| (n.clone(), v.clone()))),
        );
        storage::to_text(all.iter().map(|(n, v)| (n.as_str(), v)))
    };
    storage::write_atomic(path, &text).map_err(|e| err(format!("cannot write '{path}': {e}")))
}

pub(super) fn load(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Next> {
    load_args(it, args, span)?;
    Ok(Next::Continue)
}

/// The file name and the variable names of a `load` call; options checked.
fn load_parts(args: &[String], span: Span) -> Result<(String, Vec<String>, bool)> {
    let mut ascii = false;
    let mut rest = Vec::new();
    for a in args {
        match a.as_str() {
            "-text" => {}
            "-ascii" => ascii = true,
            o if o.starts_with('-') => {
                return Err(LaError::eval(format!(
                    "load: option '{o}' is not supported (options: -text, -ascii)"
                ))
                .at(span))
            }
            _ => rest.push(a.clone()),
        }
    }
    if rest.is_empty() {
        return Err(LaError::eval("load: a file name is required (load FILE [NAME...])").at(span));
    }
    let path = rest.remove(0);
    Ok((path, rest, ascii))
}

/// What a file holds: the variables of a session file, or a numeric matrix.
enum Loaded {
    Session(std::collections::HashMap<String, Value>),
    Data(Value),
}

fn read_file(it: &mut dyn CommandCtx, path: &str, ascii: bool, span: Span) -> Result<Loaded> {
    let bytes = std::fs::read(path)
        .map_err(|e| LaError::eval(format!("load: cannot read '{path}': {e}")).at(span))?;
    let text = String::from_utf8_lossy(&bytes);
    if !ascii && storage::is_session_file(&text) {
        let vars = storage::parse(&text)
            .map_err(|(line, msg)| LaError::eval(format!("load: {path}:{line}: {msg}")).at(span))?;
        return Ok(Loaded::Session(vars));
    }
    read_data(it, "load", path, &text, None, span).map(Loaded::Data)
}

/// Plain numeric text as a double matrix; a skipped header line is reported.
fn read_data(
    it: &mut dyn Ctx,
    who: &str,
    path: &str,
    text: &str,
    sep: Option<char>,
    span: Span,
) -> Result<Value> {
    let data = storage::parse_ascii(text, sep).map_err(|(line, col, msg)| {
        LaError::eval(format!("{who}: {path}:{line}:{col}: {msg}")).at(span)
    })?;
    if let Some(h) = data.header {
        it.warn(
            &format!("{who}: skipped the header line {h} of '{path}' (not numbers)"),
            span,
        );
    }
    Ok(Value::Real(data.matrix.into()))
}

/// `load FILE [NAME...]`, the command form and `load('FILE')`: session files
/// restore their variables, numeric text becomes a variable named after the
/// file. Nothing changes unless the whole file was read.
pub fn load_args(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<()> {
    let (path, names, ascii) = load_parts(args, span)?;
    match read_file(it, &path, ascii, span)? {
        Loaded::Session(vars) => {
            for (name, value) in chosen(vars, &names, &path, span)? {
                it.vars_mut().insert(&name, value);
            }
        }
        Loaded::Data(v) => {
            refuse_names(&names, &path, span)?;
            let name = data_name(&path);
            it.vars_mut().insert(&name, v);
        }
    }
    Ok(())
}

/// `X = load('FILE')`: numeric text as its matrix; a session file as a
/// structure whose fields are its variables (in name order), as Octave.
pub fn load_value(it: &mut dyn CommandCtx, args: &[String], span: Span) -> Result<Value> {
    let (path, names, ascii) = load_parts(args, span)?;
    match read_file(it, &path, ascii, span)? {
        Loaded::Data(v) => refuse_names(&names, &path, span).map(|()| v),
        Loaded::Session(vars) => Ok(Value::Struct(std::rc::Rc::new(chosen(
            vars, &names, &path, span,
        )?))),
    }
}

/// The variables of a session file that `names` asks for (all when empty),
/// sorted by name; an error naming the first one the file lacks.
fn chosen(
    vars: std::collections::HashMap<String, Value>,
    names: &[String],
    path: &str,
    span: Span,
) -> Result<Vec<(String, Value)>> {
    if let Some(n) = names.iter().find(|n| !vars.contains_key(*n)) {
        return Err(LaError::eval(format!(
            "load: '{path}' has no variable named '{n}'; nothing was loaded"
        ))
        .at(span));
    }
    let mut out: Vec<(String, Value)> = vars
        .into_iter()
        .filter(|(n, _)| names.is_empty() || names.contains(n))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Numeric text holds one unnamed matrix: names to pick are an error.
fn refuse_names(names: &[String], path: &str, span: Span) -> Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    Err(LaError::eval(format!(
        "load: '{path}' is numeric text (one matrix); variable names cannot be chosen"
    ))
    .at(span))
}

/// The variable a data file loads into, from its stem as Octave names it:
/// `data.txt` gives `data`, `2019-data.csv` gives `X2019_data`.
fn data_name(path: &str) -> String {
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut name: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        name.insert(0, 'X');
    }
    name
}

/// `csvread(file)` / `dlmread(file, sep)`: the builtins' shared reader.
pub fn read_delimited(
    it: &mut dyn Ctx,
    who: &str,
    path: &str,
    sep: Option<char>,
    span: Span,
) -> Result<Value> {
    let bytes = std::fs::read(path)
        .map_err(|e| LaError::eval(format!("{who}: cannot read '{path}': {e}")).at(span))?;
    let text = String::from_utf8_lossy(&bytes);
    read_data(it, who, path, &text, sep, span)
}
