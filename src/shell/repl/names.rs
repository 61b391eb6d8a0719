//! The names the session knows, copied before each prompt so the line-editor
//! helper (which rustyline owns) can complete and colour them without holding
//! a borrow of the session.

use crate::builtins;
use crate::eval::Session;
use crate::syntax::ast::FunctionDef;
use std::collections::HashMap;

#[derive(Debug, Default, Clone)]
pub struct Names {
    /// Sorted workspace variable names.
    pub vars: Vec<String>,
    /// Sorted user-defined function names.
    pub funcs: Vec<String>,
    /// Call forms of the user's functions, `[q, r] = f(a, b)`, for hints.
    pub func_sigs: HashMap<String, String>,
}

impl Names {
    pub fn from_session(session: &Session) -> Self {
        let mut vars: Vec<String> = session.vars.keys().cloned().collect();
        let mut funcs: Vec<String> = session.funcs.keys().cloned().collect();
        vars.sort();
        funcs.sort();
        let func_sigs = session
            .funcs
            .iter()
            .map(|(name, def)| (name.clone(), call_form(def)))
            .collect();
        Names {
            vars,
            funcs,
            func_sigs,
        }
    }

    /// The call form of a built-in or user function, e.g. `eig(A) -> [V, D]`.
    pub fn signature(&self, name: &str) -> Option<String> {
        if let Some(b) = builtins::lookup(name) {
            return Some(b.doc.signature.to_string());
        }
        self.func_sigs.get(name).cloned()
    }

    pub fn is_var(&self, name: &str) -> bool {
        self.vars.binary_search_by(|v| v.as_str().cmp(name)).is_ok()
    }

    /// A built-in or a function the user defined.
    pub fn is_function(&self, name: &str) -> bool {
        builtins::lookup(name).is_some()
            || self
                .funcs
                .binary_search_by(|f| f.as_str().cmp(name))
                .is_ok()
    }

    #[cfg(test)]
    pub fn with_vars(vars: &[&str]) -> Self {
        let mut vars: Vec<String> = vars.iter().map(|s| s.to_string()).collect();
        vars.sort();
        Names {
            vars,
            ..Names::default()
        }
    }
}

fn call_form(def: &FunctionDef) -> String {
    let call = format!("{}({})", def.name, def.params.join(", "));
    match def.outputs.as_slice() {
        [] => call,
        [one] => format!("{one} = {call}"),
        many => format!("[{}] = {call}", many.join(", ")),
    }
}
