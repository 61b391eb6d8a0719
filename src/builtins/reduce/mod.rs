//! Reductions along a dimension, sorting and search. As in Octave, a vector
//! reduces to a scalar and a matrix column by column unless a dimension is
//! given. `dims` holds what they share (the dimension, the `'all'` form,
//! folding each column or row), `order` the order of numbers that sorting,
//! extremes and `unique` share; each other module is one family of entries:
//! `sums`, `statistics`, `extremes`, `unique` and `logical`.

mod dims;
mod extremes;
mod logical;
mod order;
mod statistics;
mod sums;
mod unique;

pub use extremes::BUILTINS as EXTREMES;
pub use logical::BUILTINS as LOGICAL;
pub use statistics::BUILTINS as STATISTICS;
pub use sums::BUILTINS as SUMS;
pub use unique::BUILTINS as UNIQUE;
