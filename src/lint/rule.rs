//! What a lint rule is: static metadata (code, name, default level, summary,
//! explanation with a bad and a good example) and a check over one plan.

use crate::diagnostic::{Diagnostic, Lang, Level, Text};
use crate::source::Span;

use super::context::Context;

/// A text in both languages, known at compile time.
#[derive(Clone, Copy, Debug)]
pub struct StaticText {
    pub vi: &'static str,
    pub en: &'static str,
}

impl StaticText {
    pub const fn new(vi: &'static str, en: &'static str) -> Self {
        StaticText { vi, en }
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }

    pub fn text(&self) -> Text {
        Text::new(self.vi, self.en)
    }
}

/// Why a rule exists (in DTI terms), with a plan fragment that breaks it and one that
/// does not. Printed by `kehoach explain`.
#[derive(Clone, Copy, Debug)]
pub struct Explanation {
    pub why: StaticText,
    /// A YAML fragment the rule reports.
    pub bad: &'static str,
    /// The same fragment, fixed.
    pub good: &'static str,
}

/// A rule's identity and documentation.
#[derive(Clone, Copy, Debug)]
pub struct Meta {
    /// "KH201"; never reused.
    pub code: &'static str,
    /// "uncovered-indicator"; the file, type and slug share this stem.
    pub name: &'static str,
    /// Level used unless the configuration says otherwise.
    pub level: Level,
    /// One line: what the rule finds.
    pub summary: StaticText,
    pub explanation: Explanation,
}

impl Meta {
    /// A finding of this rule at its default level.
    pub fn diag(&self, vi: impl Into<String>, en: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic::new(self.code, self.name, self.level, Text::new(vi, en), span)
    }

    /// The topic band of the code ("KH2" for KH201).
    pub fn band(&self) -> &'static str {
        self.code.get(..3).unwrap_or(self.code)
    }
}

/// How a rule's findings are made.
#[derive(Clone, Copy)]
pub enum Check {
    /// A check over one parsed plan: push every finding. Run by the engine for every
    /// plan the rule is enabled for.
    Plan(fn(&Context, &mut Vec<Diagnostic>)),
    /// The findings are made elsewhere (the plan loader for file-level rules, the
    /// suppression pass); the text says where. The rule is registered so that it can be
    /// explained, configured and suppressed.
    Elsewhere(&'static str),
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Check::Plan(_) => f.write_str("Plan(..)"),
            Check::Elsewhere(by) => f.debug_tuple("Elsewhere").field(by).finish(),
        }
    }
}

/// A lint rule as data: its metadata and how its findings are made. Each rule file under
/// `src/lint/rules/` defines one `pub static RULE: RuleDef`; the table in
/// `src/lint/rules/mod.rs` lists them.
#[derive(Debug)]
pub struct RuleDef {
    pub meta: Meta,
    pub check: Check,
}

impl RuleDef {
    /// Push every finding of this rule about the plan (nothing for [`Check::Elsewhere`]).
    pub fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if let Check::Plan(f) = self.check {
            f(cx, out);
        }
    }
}

/// Shorthand for a bilingual [`Text`].
pub fn t(vi: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(vi, en)
}
