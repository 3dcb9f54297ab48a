//! "nt" / "như trên" (ditto): a table cell that repeats the row above. Before any rule
//! runs, each such cell of a task's lead, support or deadline is read as the value of the
//! row above (the previous task, itself resolved), keeping the ditto's own place in the
//! file, so every rule sees what the table means and points at the cell as written.

use std::borrow::Cow;

use crate::plan::{Plan, Task};
use crate::source::Spanned;

/// Whether a cell is a ditto mark: "nt", "n.t", "như trên", "-nt-" (any case, spaces and
/// punctuation around it).
pub fn is_ditto(cell: &str) -> bool {
    let t = cell
        .trim()
        .trim_matches(|c: char| c == '-' || c == '"' || c == '.' || c == ',' || c.is_whitespace());
    // The longest mark, "như trên nt", is 13 bytes (in any case): most cells are names.
    if t.len() > 16 || !t.starts_with(['n', 'N', 'd', 'D']) {
        return false;
    }
    let t = crate::vn::case::lower(t);
    matches!(
        t.as_str(),
        "nt" | "n.t" | "như trên" | "như trên nt" | "ditto"
    )
}

/// The plan with ditto cells resolved; borrowed unchanged when it has none.
pub fn resolve(plan: &Plan) -> Cow<'_, Plan> {
    let any = plan.tasks.iter().any(|t| {
        t.lead.iter().chain(&t.support).any(|c| is_ditto(&c.value))
            || t.deadline.as_ref().is_some_and(|d| is_ditto(&d.value))
    });
    if !any {
        return Cow::Borrowed(plan);
    }
    let mut out = plan.clone();
    for i in 1..out.tasks.len() {
        let (before, rest) = out.tasks.split_at_mut(i);
        let above: &Task = &before[i - 1];
        let me = &mut rest[0];
        me.lead = cells(&me.lead, &above.lead);
        me.support = cells(&me.support, &above.support);
        if let Some(d) = &me.deadline {
            if is_ditto(&d.value) {
                me.deadline = above
                    .deadline
                    .as_ref()
                    .map(|a| Spanned::new(a.value.clone(), d.span));
            }
        }
    }
    Cow::Owned(out)
}

/// A list of cells with each ditto replaced by the row above's cells, at the ditto's place.
fn cells(mine: &[Spanned<String>], above: &[Spanned<String>]) -> Vec<Spanned<String>> {
    let mut out = Vec::with_capacity(mine.len());
    for c in mine {
        if is_ditto(&c.value) {
            out.extend(above.iter().map(|a| Spanned::new(a.value.clone(), c.span)));
        } else {
            out.push(c.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ditto_marks() {
        for s in ["nt", "NT", " nt ", "n.t", "Như trên", "-nt-", "\"nt\""] {
            assert!(is_ditto(s), "{s:?}");
        }
        for s in [
            "",
            "Sở Nội vụ",
            "ntx",
            "như trên và Sở Nội vụ",
            "Ninh Thuận",
        ] {
            assert!(!is_ditto(s), "{s:?}");
        }
    }
}
