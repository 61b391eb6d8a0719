//! The workspace: `who` and `whos` list the variables (sorted by name, as
//! `save` writes them), `clear` removes them.

use super::Next;
use crate::builtins::ctx::CommandCtx;
use crate::error::{Result, Span};

pub(super) fn sorted_names(it: &dyn CommandCtx) -> Vec<String> {
    let mut names: Vec<String> = it.vars().keys().cloned().collect();
    names.sort();
    names
}

pub(super) fn who(it: &mut dyn CommandCtx, _: &[String], _: Span) -> Result<Next> {
    let names = sorted_names(it);
    if !names.is_empty() {
        it.print(&format!(
            "Variables visible from the current scope:\n\n{}\n\n",
            names.join("  ")
        ));
    }
    Ok(Next::Continue)
}

pub(super) fn whos(it: &mut dyn CommandCtx, _: &[String], _: Span) -> Result<Next> {
    let mut out = String::from(
        "Variables visible from the current scope:\n\n  \
         Name        Size          Bytes  Class\n  \
         ====        ====          =====  =====\n",
    );
    let mut total = 0;
    for n in sorted_names(it) {
        let Some(v) = it.vars().get(&n) else { continue };
        let (r, c) = v.dims();
        let (bytes, class) = (v.bytes(), v.type_name());
        total += bytes;
        let size = format!("{r}x{c}");
        out.push_str(&format!("  {n:<11} {size:<12} {bytes:>6}  {class}\n"));
    }
    out.push_str(&format!("\nTotal is {total} bytes\n"));
    it.print(&out);
    Ok(Next::Continue)
}

pub(super) fn clear(it: &mut dyn CommandCtx, args: &[String], _: Span) -> Result<Next> {
    if args.is_empty() || args.iter().any(|a| a == "all" || a == "-all") {
        it.vars_mut().clear();
    } else {
        for a in args {
            it.vars_mut().remove(a);
        }
    }
    Ok(Next::Continue)
}
