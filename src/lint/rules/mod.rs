//! The rule registry: every rule, one file each, in code order. A code is never reused.
//!
//! # How to add a rule
//!
//! 1. Pick the next free code in its band (KH0 file, KH1 document, KH2 coverage, KH3
//!    agencies, KH4 deadlines, KH5 arithmetic, KH9 meta) and a kebab-case name.
//! 2. Create `src/lint/rules/<name_with_underscores>.rs` holding one
//!    `pub static RULE: RuleDef = RuleDef { meta: Meta { code, name, level, summary,
//!    explanation: Explanation { why, bad, good } }, check: Check::Plan(check) };` and
//!    `fn check(cx: &Context, out: &mut Vec<Diagnostic>)` that pushes
//!    `RULE.meta.diag(vi, en, span)` findings (copy `missing_lead.rs`). A rule whose
//!    findings are made elsewhere (the loader, the suppression pass) uses
//!    `Check::Elsewhere("where")` instead.
//! 3. Add the module's name to the `registry!` list below, in code order: that one line
//!    declares the module and puts the rule in [`RULES`] (explain, config, SARIF, engine).
//! 4. Add fixtures under `tests/fixtures/lint/<name>/` with `# expect:` annotations (see
//!    `tests/fixtures/lint/README.md`); `explain`'s `bad` example must trigger the rule
//!    and `good` must not (checked by a test).

use super::rule::{Meta, RuleDef};

mod common;
pub use common::{Num, family_has, num, other_methodology, pts, pts_en, related, value};

/// Declares each rule module and lists its `RULE` in [`RULES`], in the order given.
macro_rules! registry {
    ($($rule:ident),* $(,)?) => {
        $(pub mod $rule;)*

        /// Every rule, in code order: the only list of rules.
        pub static RULES: &[&RuleDef] = &[$(&$rule::RULE),*];

        /// The file stem of each rule in [`RULES`], in the same order.
        #[cfg(test)]
        static STEMS: &[&str] = &[$(stringify!($rule)),*];
    };
}

registry! {
    internal_error,
    yaml_syntax,
    invalid_value,
    unknown_key,
    missing_key,
    input_too_large,
    unrenderable_text,
    missing_number,
    missing_date,
    missing_title,
    missing_signer,
    missing_recipients,
    malformed_basis,
    unknown_catalogue,
    year_mismatch,
    defunct_issuer,
    superseded_catalogue,
    malformed_citation,
    citation_date_conflict,
    truncated_text,
    truncated_appendix,
    misspelt_term,
    stale_year,
    uncovered_indicator,
    unknown_indicator,
    misplaced_indicator,
    max_points_mismatch,
    indicator_named_in_text,
    blank_method,
    method_max_mismatch,
    duplicate_method_option,
    method_missing_case,
    missing_lead,
    unknown_agency,
    lead_also_support,
    agency_alias,
    defunct_agency,
    missing_deadline,
    unparseable_deadline,
    deadline_out_of_range,
    not_a_deadline,
    points_above_max,
    sum_mismatch,
    budget_sum_mismatch,
    blank_number,
    duplicate_id,
    published_score_mismatch,
    prose_score_mismatch,
    prose_count_mismatch,
    missing_target_figure,
    unused_suppression,
    bad_suppression,
}

/// Every rule.
pub fn all() -> &'static [&'static RuleDef] {
    RULES
}

/// The position in [`all`] of the rule with this exact code ("KH201"): one hash lookup
/// per finding, not a scan of the registry.
pub fn position(code: &str) -> Option<usize> {
    static BY_CODE: std::sync::LazyLock<foldhash::HashMap<&'static str, usize>> =
        std::sync::LazyLock::new(|| {
            RULES
                .iter()
                .enumerate()
                .map(|(i, r)| (r.meta.code, i))
                .collect()
        });
    BY_CODE.get(code).copied()
}

/// Every rule's metadata.
pub fn metas() -> Vec<&'static Meta> {
    RULES.iter().map(|r| &r.meta).collect()
}

/// The rule with this exact code or name.
pub fn get(code_or_name: &str) -> Option<&'static RuleDef> {
    let s = code_or_name.trim();
    RULES
        .iter()
        .copied()
        .find(|r| r.meta.code.eq_ignore_ascii_case(s) || r.meta.name == s)
}

/// The first rule a selector (code, name or prefix) names, if any.
pub fn find_meta(selector: &str) -> Option<&'static Meta> {
    RULES
        .iter()
        .map(|r| &r.meta)
        .find(|m| super::config::specificity(selector, m).is_some())
}

#[cfg(test)]
mod tests {
    use super::{RULES, STEMS};

    #[test]
    fn registry_is_in_code_order_with_unique_codes_and_names_matching_files() {
        for w in RULES.windows(2) {
            assert!(
                w[0].meta.code < w[1].meta.code,
                "{} before {}: the registry is in code order",
                w[0].meta.code,
                w[1].meta.code
            );
        }
        let mut names: Vec<&str> = RULES.iter().map(|r| r.meta.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), RULES.len(), "rule names are unique");
        for (r, stem) in RULES.iter().zip(STEMS) {
            assert_eq!(
                r.meta.name.replace('-', "_"),
                *stem,
                "file stem of {}",
                r.meta.code
            );
        }
    }
}
