//! How a plan covers one catalogue indicator (the type `lint::coverage` computes and
//! the [`Context`](super::Context) keeps for the file).

use super::named::Hit;

/// How one indicator is covered.
#[derive(Clone, Debug, PartialEq)]
pub enum Cover {
    /// A task lists its code, or a sub-indicator's.
    Task,
    /// Declared in `kept`.
    Kept,
    /// At full points in the baseline (by class or by figure).
    FullInBaseline,
    /// Named in the text of these tasks (index, the phrase found), without its code.
    Named(Vec<(usize, Hit)>),
    /// Not covered.
    None,
}
