//! Looking things up in a catalogue: by code, walking the tree, did-you-mean.

use std::borrow::Cow;

use super::model::{Catalogue, Entry, Scoring};

/// The syntactic parent of a code: "6.12" → "6", "6" → none.
pub fn code_parent(code: &str) -> Option<&str> {
    code.rsplit_once('.').map(|(p, _)| p)
}

/// One entry met by [`Catalogue::walk`], with its parent's code and its depth (0 for a
/// main index).
#[derive(Clone, Copy, Debug)]
pub struct Walked<'a> {
    pub parent: Option<&'a str>,
    pub entry: &'a Entry,
    pub depth: usize,
}

impl Catalogue {
    /// The entry with this code, anywhere in the tree.
    pub fn get(&self, code: &str) -> Option<&Entry> {
        fn find<'a>(entries: &'a [Entry], code: &str) -> Option<&'a Entry> {
            for e in entries {
                if e.code.as_str() == code {
                    return Some(e);
                }
                // Only descend where the code can be.
                if code.starts_with(e.code.as_str())
                    && code.as_bytes().get(e.code.len()) == Some(&b'.')
                {
                    if let Some(found) = find(&e.children, code) {
                        return Some(found);
                    }
                }
            }
            None
        }
        find(&self.indices, code).or_else(|| {
            self.walk()
                .into_iter()
                .find(|w| w.entry.code.as_str() == code)
                .map(|w| w.entry)
        })
    }

    /// Every entry with its parent's code, depth-first in file order.
    pub fn walk(&self) -> Vec<Walked<'_>> {
        fn go<'a>(
            entries: &'a [Entry],
            parent: Option<&'a str>,
            depth: usize,
            out: &mut Vec<Walked<'a>>,
        ) {
            for e in entries {
                out.push(Walked {
                    parent,
                    entry: e,
                    depth,
                });
                go(&e.children, Some(e.code.as_str()), depth + 1, out);
            }
        }
        let mut out = Vec::new();
        go(&self.indices, None, 0, &mut out);
        out
    }

    /// The main index a code belongs to (by its first part), if the catalogue has it.
    pub fn main_index_of(&self, code: &str) -> Option<&Entry> {
        let first = code.split('.').next()?;
        self.indices.iter().find(|e| e.code.as_str() == first)
    }

    /// The code of the entry's parent in this catalogue (none for main indices and for
    /// codes the catalogue does not hold).
    pub fn parent_code(&self, code: &str) -> Option<&str> {
        self.walk()
            .into_iter()
            .find(|w| w.entry.code.as_str() == code)
            .and_then(|w| w.parent)
    }

    /// Entries that earn points and have no children: the units scores are computed on.
    pub fn scored_leaves(&self) -> Vec<&Entry> {
        self.walk()
            .into_iter()
            .map(|w| w.entry)
            .filter(|e| e.max_points.is_some() && e.children.is_empty())
            .collect()
    }

    /// Up to `n` codes close to `code`, for "did you mean": the smallest edit distance
    /// first, then the longest shared prefix, then file order. Only plausible ones
    /// (distance at most 2, or same parent) are returned.
    pub fn nearest_codes(&self, code: &str, n: usize) -> Vec<&str> {
        let parent = code_parent(code);
        let mut scored: Vec<(usize, usize, usize, &str)> = self
            .walk()
            .into_iter()
            .enumerate()
            .map(|(i, w)| {
                let c = w.entry.code.as_str();
                let d = strsim::levenshtein(code, c);
                let prefix = code
                    .chars()
                    .zip(c.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                (d, usize::MAX - prefix, i, c)
            })
            .filter(|(d, _, _, c)| {
                *c != code && (*d <= 2 || (parent.is_some() && code_parent(c) == parent))
            })
            .collect();
        scored.sort();
        scored.into_iter().take(n).map(|(_, _, _, c)| c).collect()
    }

    /// Codes of every entry, in file order.
    pub fn codes(&self) -> Vec<&str> {
        self.walk()
            .into_iter()
            .map(|w| w.entry.code.as_str())
            .collect()
    }
}

impl Entry {
    /// The rule that applies: the declared one, or the sum of the children when the
    /// entry has children and declares none, or `None`.
    pub fn effective_scoring(&self) -> Option<Cow<'_, Scoring>> {
        match (&self.scoring, self.children.is_empty()) {
            (Some(s), _) => Some(Cow::Borrowed(s)),
            (None, false) => Some(Cow::Owned(Scoring::SumOfChildren)),
            (None, true) => None,
        }
    }

    /// The entry's max points, if it has any.
    pub fn max(&self) -> Option<f64> {
        self.max_points.as_ref().map(|m| m.value)
    }
}
