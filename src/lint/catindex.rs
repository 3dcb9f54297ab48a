//! A lookup table over a catalogue, built once per catalogue and shared by every file
//! linted against it: code → entry facts, in catalogue order.

use foldhash::HashMap;

use super::trim;

use crate::catalogue::{Catalogue, Entry};

/// What the rules need to know about one catalogue entry.
#[derive(Clone, Debug)]
pub struct EntryInfo {
    pub code: String,
    pub name: String,
    pub max_points: Option<f64>,
    /// The main index the entry belongs to ("6" for "6.12.1").
    pub main: String,
    /// 1 for a main index, 2 for an indicator, 3+ for sub-indicators.
    pub depth: usize,
    pub children: Vec<String>,
}

/// A catalogue with its codes indexed.
#[derive(Debug)]
pub struct CatalogueIndex {
    pub catalogue: Catalogue,
    by_code: HashMap<String, usize>,
    entries: Vec<EntryInfo>,
    names: std::sync::OnceLock<super::named::NameIndex>,
}

impl CatalogueIndex {
    pub fn new(catalogue: Catalogue) -> Self {
        let mut entries = Vec::new();
        for main in &catalogue.indices {
            collect(main, &main.code.value, 1, &mut entries);
        }
        let by_code = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.code.clone(), i))
            .collect();
        CatalogueIndex {
            catalogue,
            by_code,
            entries,
            names: std::sync::OnceLock::new(),
        }
    }

    /// The indicators' names and short forms, for recognising an indicator a text names
    /// (built on first use, once per catalogue).
    pub fn names(&self) -> &super::named::NameIndex {
        self.names.get_or_init(|| {
            super::named::NameIndex::new(
                self.entries
                    .iter()
                    .filter(|e| e.depth >= 2)
                    .map(|e| (e.code.as_str(), e.name.as_str())),
            )
        })
    }

    /// The catalogue's id (`dti-922-2022`).
    pub fn id(&self) -> &str {
        &self.catalogue.id.value
    }

    pub fn get(&self, code: &str) -> Option<&EntryInfo> {
        self.by_code.get(trim(code)).map(|&i| &self.entries[i])
    }

    /// Every entry, in catalogue order.
    pub fn entries(&self) -> &[EntryInfo] {
        &self.entries
    }

    /// The scored indicators (depth 2 with points above zero) a plan must cover.
    pub fn scored_indicators(&self) -> impl Iterator<Item = &EntryInfo> {
        self.entries
            .iter()
            .filter(|e| e.depth == 2 && e.max_points.is_some_and(|p| p > 0.0))
    }

    /// Up to three known codes closest to an unknown one: its nearest existing ancestor
    /// first, then codes by edit distance.
    pub fn nearest_codes(&self, code: &str) -> Vec<String> {
        let code = trim(code);
        let mut out: Vec<String> = Vec::new();
        let mut prefix = code;
        while let Some((head, _)) = prefix.rsplit_once('.') {
            if self.by_code.contains_key(head) {
                out.push(head.to_string());
                break;
            }
            prefix = head;
        }
        let mut scored: Vec<(f64, &str)> = self
            .entries
            .iter()
            .map(|e| {
                (
                    strsim::normalized_levenshtein(code, &e.code),
                    e.code.as_str(),
                )
            })
            .filter(|(s, _)| *s >= 0.5)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, c) in scored {
            if out.len() >= 3 {
                break;
            }
            if !out.iter().any(|o| o == c) {
                out.push(c.to_string());
            }
        }
        out
    }
}

fn collect(e: &Entry, main: &str, depth: usize, out: &mut Vec<EntryInfo>) {
    out.push(EntryInfo {
        code: crate::lint::trim(&e.code.value).to_string(),
        name: e.name.clone(),
        max_points: e.max_points.as_ref().map(|p| p.value),
        main: main.to_string(),
        depth,
        children: e.children.iter().map(|c| c.code.value.clone()).collect(),
    });
    for c in &e.children {
        collect(c, main, depth + 1, out);
    }
}
