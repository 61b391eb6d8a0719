//! The AST of the Octave blocks beyond `if`/`for`/`while`: `switch`,
//! `try`/`catch`, `unwind_protect` (their grammar is in `grammar/la.pest`).

use crate::error::Result;
use crate::syntax::ast::*;
use crate::syntax::grammar::Rule;
use crate::syntax::parse::{next, Builder};
use pest::iterators::Pairs;

impl Builder {
    pub(super) fn switch_stmt(&self, mut it: Pairs<Rule>) -> Result<StmtKind> {
        let subject = self.expr(next(&mut it)?)?;
        let (mut cases, mut otherwise) = (Vec::new(), None);
        for part in it {
            let rule = part.as_rule();
            let mut inner = part.into_inner();
            if rule == Rule::otherwise_part {
                otherwise = Some(self.body(next(&mut inner)?)?);
                continue;
            }
            let label = self.expr(next(&mut inner)?)?;
            cases.push((label, self.body(next(&mut inner)?)?));
        }
        Ok(StmtKind::Switch(subject, cases, otherwise))
    }

    pub(super) fn try_stmt(&self, mut it: Pairs<Rule>) -> Result<StmtKind> {
        let body = self.body(next(&mut it)?)?;
        let (mut var, mut handler) = (None, Vec::new());
        if let Some(catch) = it.next() {
            for p in catch.into_inner() {
                match p.as_rule() {
                    Rule::catch_var => var = Some(Name::new(p.as_str())),
                    _ => handler = self.body(p)?,
                }
            }
        }
        Ok(StmtKind::Try(body, var, handler))
    }
}
