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

/// A lint rule: one file under `src/lint/rules/`.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static Meta;

    /// Push every finding about the plan. Rules whose findings come from elsewhere (the
    /// loader, the suppression pass) check nothing here.
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>);
}

/// Shorthand for a bilingual [`Text`].
pub fn t(vi: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(vi, en)
}
