//! What a rule sees: the plan, its source text and the catalogue it is linted against.

use crate::plan::Plan;
use crate::source::{SourceFile, Span};
use crate::vn::Date;
use crate::vn::agency::{Lookup, Registry};
use crate::vn::deadline::Deadline;

use super::mentions::{self, Mention};

use super::catindex::CatalogueIndex;

/// Everything a rule may read while checking one plan.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub source: &'a SourceFile,
    /// The catalogue the plan pins, when it is known (absent: unknown-catalogue).
    pub catalogue: Option<&'a CatalogueIndex>,
    /// Ids of the catalogues that could be used, for suggestions.
    pub known_catalogues: &'a [String],
    /// The agency registry names are checked against, when one is given.
    pub agencies: Option<&'a Registry>,
    lookups: std::cell::OnceCell<Vec<(Mention, Lookup<'a>)>>,
    deadlines: std::cell::OnceCell<Vec<Option<Deadline>>>,
    texts: std::cell::OnceCell<super::text::TextIndex<'a>>,
    coverage: std::cell::OnceCell<Vec<(&'a super::catindex::EntryInfo, super::cover::Cover)>>,
    top_keys: std::cell::OnceCell<Vec<(&'a str, Span)>>,
    baseline_rows: std::cell::OnceCell<foldhash::HashMap<&'a str, Vec<usize>>>,
    /// The fast reader's tree of the source, when the plan was read from it; handed to
    /// the [`TextIndex`](super::text::TextIndex) so that the file is parsed once.
    tree: std::cell::Cell<Option<crate::yaml::tree::Node<'a>>>,
}

impl<'a> Context<'a> {
    pub fn new(
        plan: &'a Plan,
        source: &'a SourceFile,
        catalogue: Option<&'a CatalogueIndex>,
    ) -> Self {
        Context {
            plan,
            source,
            catalogue,
            known_catalogues: &[],
            agencies: None,
            lookups: std::cell::OnceCell::new(),
            deadlines: std::cell::OnceCell::new(),
            texts: std::cell::OnceCell::new(),
            coverage: std::cell::OnceCell::new(),
            top_keys: std::cell::OnceCell::new(),
            baseline_rows: std::cell::OnceCell::new(),
            tree: std::cell::Cell::new(None),
        }
    }

    /// Use the YAML tree the plan was read from (the source's fast-reader tree).
    pub fn with_tree(self, tree: Option<crate::yaml::tree::Node<'a>>) -> Self {
        self.tree.set(tree);
        self
    }

    /// Each task's deadline, parsed once per file for all deadline rules (by task index).
    /// Plans repeat a few deadlines over many tasks ("Thường xuyên" on 116 of Cà Mau's),
    /// so each distinct text is parsed once.
    pub fn deadlines(&self) -> &[Option<Deadline>] {
        self.deadlines.get_or_init(|| {
            let mut memo: foldhash::HashMap<&str, Deadline> = Default::default();
            self.plan
                .tasks
                .iter()
                .map(|t| {
                    t.deadline.as_ref().map(|d| {
                        memo.entry(d.value.as_str())
                            .or_insert_with(|| Deadline::parse(&d.value))
                            .clone()
                    })
                })
                .collect()
        })
    }

    /// Every agency the plan assigns work to, with what the registry says about it;
    /// computed once per file for all agency rules. Empty without a registry.
    pub fn agency_lookups(&self) -> &[(Mention, Lookup<'a>)] {
        match self.agencies {
            Some(reg) => self
                .lookups
                .get_or_init(|| mentions::compute(self.plan, self.source, reg)),
            None => &[],
        }
    }

    /// The rows of `baseline.indicators` whose code (trimmed) is `code`, in order; an
    /// index made once per file, so that rules looking up every catalogue indicator do
    /// not scan the baseline for each.
    pub fn baseline_rows(&self, code: &str) -> &[usize] {
        let rows = self.baseline_rows.get_or_init(|| {
            let mut rows: foldhash::HashMap<&'a str, Vec<usize>> = Default::default();
            if let Some(b) = &self.plan.baseline {
                for (i, x) in b.indicators.iter().enumerate() {
                    rows.entry(crate::lint::trim(&x.code.value))
                        .or_default()
                        .push(i);
                }
            }
            rows
        });
        rows.get(code).map_or(&[], Vec::as_slice)
    }

    /// Every text field of the plan, walked once per file for all text rules, and the
    /// means to locate a phrase in one.
    pub fn texts(&self) -> &super::text::TextIndex<'a> {
        self.texts
            .get_or_init(|| super::text::TextIndex::new(self.plan, self.source, self.tree.take()))
    }

    /// Where `lint::coverage::of` keeps the file's coverage.
    pub fn coverage_cell(
        &self,
    ) -> &std::cell::OnceCell<Vec<(&'a super::catindex::EntryInfo, super::cover::Cover)>> {
        &self.coverage
    }

    /// Check agency names against a registry.
    pub fn with_agencies(mut self, agencies: Option<&'a Registry>) -> Self {
        self.agencies = agencies;
        self
    }

    /// Name the catalogues that could have been used (for unknown-catalogue).
    pub fn with_known_catalogues(mut self, ids: &'a [String]) -> Self {
        self.known_catalogues = ids;
        self
    }

    /// The issue date, when it is given and valid.
    pub fn issue_date(&self) -> Option<Date> {
        self.plan
            .document
            .date
            .as_ref()
            .and_then(|d| Date::parse_iso(&d.value))
    }

    /// The last year the plan covers (`horizon`, else `year`).
    pub fn horizon(&self) -> i32 {
        self.plan
            .document
            .horizon
            .as_ref()
            .map(|h| h.value)
            .unwrap_or(self.plan.document.year.value)
    }

    /// The span of a top-level key (`tasks:`), found in the text; the `catalogue:` value
    /// when the key is absent.
    pub fn top_key_span(&self, key: &str) -> Span {
        // Every line that starts with `word:` (the first of each word), read once per file.
        let keys = self.top_keys.get_or_init(|| {
            let mut keys: Vec<(&'a str, Span)> = Vec::new();
            let text: &'a str = &self.source.text;
            let starts = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
            for offset in starts {
                // A key starts its line: indented lines, comments, list items and blank
                // lines are skipped before their colon is looked for.
                if matches!(
                    text.as_bytes().get(offset),
                    None | Some(b' ' | b'#' | b'-' | b':' | b'\n')
                ) {
                    continue;
                }
                let line = &text[offset..];
                let line = &line[..memchr::memchr(b'\n', line.as_bytes()).unwrap_or(line.len())];
                if let Some(colon) = memchr::memchr(b':', line.as_bytes()) {
                    let k = &line[..colon];
                    if !keys.iter().any(|(seen, _)| *seen == k) {
                        let (l, c) = self.source.line_col(offset);
                        keys.push((
                            k,
                            Span {
                                line: l,
                                column: c,
                                offset,
                                len: k.len(),
                            },
                        ));
                    }
                }
            }
            keys
        });
        keys.iter()
            .find(|(k, _)| *k == key)
            .map_or(self.plan.catalogue.span, |(_, span)| *span)
    }

    /// The span of `needle` inside the source text of `within` (a scalar's span), or
    /// `within` itself when the text is not there verbatim (escapes, folding).
    pub fn sub_span(&self, within: Span, needle: &str) -> Span {
        mentions::sub_span(self.source, within, needle)
    }
}
