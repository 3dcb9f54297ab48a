//! The rule registry: every rule, one file each, in code order. A code is never reused.

use crate::plan::Figure;

use super::rule::{Meta, Rule};

pub mod agency_alias;
pub mod bad_suppression;
pub mod blank_number;
pub mod budget_sum_mismatch;
pub mod deadline_out_of_range;
pub mod duplicate_id;
pub mod input_too_large;
pub mod invalid_value;
pub mod lead_also_support;
pub mod malformed_basis;
pub mod max_points_mismatch;
pub mod misplaced_indicator;
pub mod missing_date;
pub mod missing_deadline;
pub mod missing_key;
pub mod missing_lead;
pub mod missing_number;
pub mod missing_recipients;
pub mod missing_signer;
pub mod missing_title;
pub mod not_a_deadline;
pub mod points_above_max;
pub mod published_score_mismatch;
pub mod sum_mismatch;
pub mod uncovered_indicator;
pub mod unknown_agency;
pub mod unknown_catalogue;
pub mod unknown_indicator;
pub mod unknown_key;
pub mod unparseable_deadline;
pub mod unrenderable_text;
pub mod unused_suppression;
pub mod yaml_syntax;
pub mod year_mismatch;

/// Every rule, in code order.
pub static RULES: &[&dyn Rule] = &[
    &yaml_syntax::YamlSyntax,
    &invalid_value::InvalidValue,
    &unknown_key::UnknownKey,
    &missing_key::MissingKey,
    &input_too_large::InputTooLarge,
    &unrenderable_text::UnrenderableText,
    &missing_number::MissingNumber,
    &missing_date::MissingDate,
    &missing_title::MissingTitle,
    &missing_signer::MissingSigner,
    &missing_recipients::MissingRecipients,
    &malformed_basis::MalformedBasis,
    &unknown_catalogue::UnknownCatalogue,
    &year_mismatch::YearMismatch,
    &uncovered_indicator::UncoveredIndicator,
    &unknown_indicator::UnknownIndicator,
    &misplaced_indicator::MisplacedIndicator,
    &max_points_mismatch::MaxPointsMismatch,
    &missing_lead::MissingLead,
    &unknown_agency::UnknownAgency,
    &lead_also_support::LeadAlsoSupport,
    &agency_alias::AgencyAlias,
    &missing_deadline::MissingDeadline,
    &unparseable_deadline::UnparseableDeadline,
    &deadline_out_of_range::DeadlineOutOfRange,
    &not_a_deadline::NotADeadline,
    &points_above_max::PointsAboveMax,
    &sum_mismatch::SumMismatch,
    &budget_sum_mismatch::BudgetSumMismatch,
    &blank_number::BlankNumber,
    &duplicate_id::DuplicateId,
    &published_score_mismatch::PublishedScoreMismatch,
    &unused_suppression::UnusedSuppression,
    &bad_suppression::BadSuppression,
];

/// Every rule.
pub fn all() -> &'static [&'static dyn Rule] {
    RULES
}

/// Every rule's metadata.
pub fn metas() -> Vec<&'static Meta> {
    RULES.iter().map(|r| r.meta()).collect()
}

/// The rule with this exact code or name.
pub fn get(code_or_name: &str) -> Option<&'static dyn Rule> {
    let s = code_or_name.trim();
    RULES
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(s) || r.meta().name == s)
}

/// The first rule a selector (code, name or prefix) names, if any.
pub fn find_meta(selector: &str) -> Option<&'static Meta> {
    RULES
        .iter()
        .map(|r| r.meta())
        .find(|m| super::config::specificity(selector, m).is_some())
}

/// Whether `a` and `b` are the same code, or one is an ancestor of the other
/// ("8.8" and "8.8.1.2").
pub fn related(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    let anc =
        |x: &str, y: &str| y.len() > x.len() && y.starts_with(x) && y.as_bytes()[x.len()] == b'.';
    a == b || anc(a, b) || anc(b, a)
}

/// Whether some row of the same indicator family as task `i` (the same code, an ancestor
/// or a descendant: tables merge the lead and deadline cells of sub-rows) satisfies
/// `has`. A task naming no indicator only counts itself.
pub fn family_has(
    tasks: &[crate::plan::Task],
    i: usize,
    has: impl Fn(&crate::plan::Task) -> bool,
) -> bool {
    let me = &tasks[i];
    if has(me) {
        return true;
    }
    if me.indicators.is_empty() {
        return false;
    }
    tasks.iter().any(|t| {
        has(t)
            && t.indicators
                .iter()
                .any(|c| me.indicators.iter().any(|m| related(&c.value, &m.value)))
    })
}

/// Whether the baseline was assessed before the catalogue's decision (DTI 2021 values
/// between 0 and 1, another methodology): its figures are not checked against this
/// catalogue's sums and maxima (the score engine makes the same call).
pub fn other_methodology(cx: &crate::lint::Context) -> bool {
    let (Some(cat), Some(b)) = (cx.catalogue, &cx.plan.baseline) else {
        return false;
    };
    let decided = cat
        .catalogue
        .decision
        .date
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok());
    decided.is_some_and(|d| b.year < d)
}

/// A figure as written, read as a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    Value(f64),
    /// "" or only spaces.
    Blank,
    /// Text that is not a number ("không có").
    NotANumber,
}

/// Read a [`Figure`]: YAML numbers as they are, text through Vietnamese number rules.
pub fn num(f: &Figure) -> Num {
    match f {
        Figure::Number(n) => Num::Value(*n),
        Figure::Text(s) if s.trim().is_empty() => Num::Blank,
        Figure::Text(s) => match crate::vn::number::parse(&close_sign(s)) {
            Some(v) => Num::Value(v),
            None => Num::NotANumber,
        },
    }
}

/// "+ 26,67" → "+26,67": tables often put a space after the sign.
fn close_sign(s: &str) -> String {
    let t = s.trim();
    let mut chars = t.chars();
    match chars.next() {
        Some(c @ ('+' | '-' | '−')) => format!("{c}{}", chars.as_str().trim_start()),
        _ => t.to_string(),
    }
}

/// The numeric value of a figure, if it has one.
pub fn value(f: &Figure) -> Option<f64> {
    match num(f) {
        Num::Value(v) => Some(v),
        _ => None,
    }
}

/// Points as DTI tables write them ("627,42").
pub fn pts(v: f64) -> String {
    crate::vn::number::points(v)
}

/// Points with a "." decimal mark for English messages ("627.42").
pub fn pts_en(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
