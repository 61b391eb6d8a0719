//! The parser pest derives from `grammar/la.pest`: `LaParser` and its `Rule`s.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/la.pest"]
pub(super) struct LaParser;
