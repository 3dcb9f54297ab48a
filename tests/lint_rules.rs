//! Rule fixtures: `tests/fixtures/lint/<rule>/<case>.yaml`, each a whole plan whose
//! `# expect: CODE` comments say which findings it raises (format in
//! `tests/fixtures/lint/README.md`). One test per fixture file, listed in `fixtures!`
//! below; a test checks the list against the files. The findings of each failing file are
//! snapshot in both languages. Each rule's `explain` examples are linted too: the bad one
//! raises the rule, the good one does not.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use kehoach::diagnostic::{Diagnostic, Lang};
use kehoach::lint::config::Config;
use kehoach::lint::{CatalogueIndex, Check, Linter, RuleDef, rules};
use kehoach::source::SourceFile;
use kehoach::vn::agency::Registry;

const ROOT: &str = "tests/fixtures/lint";

/// One `#[test]` per fixture file: `rule_dir_with_underscores: [case, …]`.
macro_rules! fixtures {
    ($($rule:ident: [$($case:ident),* $(,)?]),* $(,)?) => {
        mod fixture {
            $(
                mod $rule {
                    $(
                        #[test]
                        fn $case() {
                            super::super::check_fixture(stringify!($rule), stringify!($case));
                        }
                    )*
                }
            )*
        }

        /// The listed fixtures, (rule directory with underscores, cases).
        const LISTED: &[(&str, &[&str])] = &[$((stringify!($rule), &[$(stringify!($case)),*])),*];
    };
}

fixtures! {
    agency_alias: [fail, pass, alias_alone, alias_in_support, defunct_agency_alias],
    bad_suppression: [fail, pass, allow_nothing, two_rules, indicator_bracket_open],
    blank_number: [fail, pass, unscored_index, scored_index_blank_max, number_with_unit, text_figures, zero_figures],
    budget_sum_mismatch: [fail, pass, subtotal_off_by_one, total_off_by_one, no_subtotal, no_subtotal_total_off],
    deadline_out_of_range: [fail, pass, quarter_before_issue, before_the_issue_day, before_the_day_after_issue, year_after_horizon, horizon_year, month_of_issue, month_before_issue],
    defunct_agency: [fail, pass, last_day_before_merger, first_day_after_merger],
    defunct_issuer: [fail, pass, first_day_after_merger, successor_after_merger, kept_name_after_merger, district_before_two_tier, district_after_two_tier],
    duplicate_id: [fail, pass, id_repeated_with_spaces, scored_row_repeated, unscored_sub_row, kept_code_repeated],
    indicator_named_in_text: [fail, pass, named_but_kept, name_in_title],
    input_too_large: [fail, pass, small_alias, nested_too_deep, nested_at_the_limit],
    invalid_value: [fail, pass, year_with_decimals, year_quoted],
    lead_also_support: [fail, pass, alias_of_the_lead, lead_of_another_task, ampersand_for_va],
    malformed_basis: [fail, pass, number_without_symbol, decree_symbol_lacks_nd, party_resolution, two_digit_year_in_number, dated_before_its_year, dated_in_its_year],
    max_points_mismatch: [fail, pass, just_off, decimal_comma, index_max, total_max, total_max_right],
    misplaced_indicator: [fail, pass, sub_indicator_under_other_index, second_code_misplaced, group_of_a_sub_indicator],
    missing_date: [fail, pass, day_month_year_order, blank_date, day_past_month_end, last_day_of_month, draft_without_date],
    missing_deadline: [fail, pass, blank_deadline, sibling_of_a_dated_row, sub_row_of_dated_ancestor, prose_task],
    missing_key: [fail, pass, no_title_key, no_kept_block],
    missing_lead: [fail, pass, sibling_of_a_led_row, blank_lead, support_only_without_indicator, sub_row_of_led_ancestor, heading_row],
    missing_number: [fail, pass, spaces_only, no_number_key, draft_without_number_key],
    missing_recipients: [fail, pass, blank_recipient, single_recipient],
    missing_signer: [fail, pass, blank_title, draft_without_name, draft_without_title],
    missing_title: [fail, pass, empty_title, short_title],
    not_a_deadline: [fail, pass, activity_with_a_year, according_to_plan, ongoing, every_quarter, theo_quy, theo_unit_and_more],
    points_above_max: [fail, pass, just_above_max, within_rounding_of_max, index_above_stated_max],
    published_score_mismatch: [fail, pass, one_answer_off, one_hundredth_off, rounds_to_published],
    stale_year: [fail, pass, two_years_back, point_of_reference, compared_with_the_assessed_year, long_ago, citation_year, no_statement, index_note, one_sentence_two_rows],
    sum_mismatch: [fail, pass, inputs_answered_no, inputs_answered_yes, three_decimals, total_just_past_rounding, total_at_rounding_limit, sub_indicators_short, decimal_comma_text, decimal_comma_text_wrong],
    superseded_catalogue: [fail, pass, first_year_of_new_catalogue, last_year_of_old_catalogue],
    uncovered_indicator: [fail, pass, just_below_full_not_kept, full_in_baseline_not_kept, kept_by_its_main_index, kept_a_sibling, task_for_main_index],
    unknown_agency: [fail, pass, office_holder, office_holder_misspelt, ditto, ditto_with_period, support_misspelt, lower_case_and_spaces, with_province, with_district],
    unknown_catalogue: [fail, pass, capitalised_id, id_with_trailing_space],
    unknown_indicator: [fail, pass, sibling_that_does_not_exist, real_sub_indicator, kept_code],
    unknown_key: [fail, pass, plural_lead, known_optional_key],
    unrenderable_text: [fail, pass, nested_in_escaped_string, nested_to_the_limit],
    unparseable_deadline: [fail, pass, day_past_month_end, day_without_year, feb_29_in_common_year, feb_29_in_leap_year, reversed_period, two_year_period],
    unused_suppression: [fail, pass, allows_another_rule, allow_by_code, allows_another_indicator, allows_its_indicator],
    yaml_syntax: [fail, pass, quoted_colon, colon_without_space, tab_indent],
    year_mismatch: [fail, pass, issued_after_the_year, issued_on_last_day_of_the_year, horizon_a_year_early, horizon_equal_to_year],
    malformed_citation: [fail, pass, bases_are_kh106s, dated_after_the_plan, decree_without_year, in_a_block, year_not_the_dates],
    citation_date_conflict: [fail, pass, most_cited_wins, number_reused_next_year, wrong_year_is_kh131s],
    truncated_text: [fail, pass, dangling_word, ends_on_a_name, open_bracket],
    truncated_appendix: [fail, pass, cut_but_last],
    misspelt_term: [fail, pass, capitalised, capitalised_right, lost_letter, lost_letter_real_words, strive, strive_noun],
    blank_method: [fail, pass, definition_only, min_max],
    method_max_mismatch: [fail, pass, formula, plain_ratio, points_above, points_equal],
    duplicate_method_option: [fail, pass, same_label_other_points],
    method_missing_case: [fail, pass, closed_threshold, gap, ratio],
    prose_score_mismatch: [fail, pass, above_its_maximum, another_year, not_scores, not_the_plans_figure, one_sentence_two_codes],
    prose_count_mismatch: [fail, pass, class_counts, class_counts_open, class_counts_right, listed, of_an_index, shares_and_groups],
    missing_target_figure: [fail, pass, a_place, above_nothing],
}

fn catalogue() -> &'static CatalogueIndex {
    static CAT: std::sync::OnceLock<CatalogueIndex> = std::sync::OnceLock::new();
    CAT.get_or_init(|| {
        let text = std::fs::read_to_string(Path::new(ROOT).join("mini-catalogue.yaml")).unwrap();
        CatalogueIndex::new(serde_saphyr::from_str(&text).unwrap())
    })
}

/// The mini catalogue under the 2025 decision, for fixtures dated after the 2025 changes.
fn catalogue_2025() -> &'static CatalogueIndex {
    static CAT: std::sync::OnceLock<CatalogueIndex> = std::sync::OnceLock::new();
    CAT.get_or_init(|| {
        let text =
            std::fs::read_to_string(Path::new(ROOT).join("mini-catalogue-2025.yaml")).unwrap();
        CatalogueIndex::new(serde_saphyr::from_str(&text).unwrap())
    })
}

fn embedded() -> &'static CatalogueIndex {
    static CAT: std::sync::OnceLock<CatalogueIndex> = std::sync::OnceLock::new();
    CAT.get_or_init(|| CatalogueIndex::new(kehoach::catalogue::embedded().clone()))
}

fn lint_with(cats: Vec<&CatalogueIndex>, path: &Path, text: String) -> Vec<Diagnostic> {
    let linter = Linter::new(cats).with_agencies(Registry::embedded());
    linter
        .lint_source(SourceFile::new(path, text), &Config::default())
        .diagnostics
}

fn show(diags: &[Diagnostic], lang: Lang) -> String {
    let mut s = String::new();
    for d in diags {
        let _ = writeln!(
            s,
            "{}:{} {} {} {} [{}]{}",
            d.span.line,
            d.span.column,
            d.code,
            d.rule,
            d.level.as_str(),
            d.path.as_deref().unwrap_or(""),
            d.indicator
                .as_deref()
                .map(|i| format!(" indicator={i}"))
                .unwrap_or_default()
        );
        let _ = writeln!(s, "  {}", d.message.get(lang));
        if let Some(l) = &d.label {
            let _ = writeln!(s, "  label: {}", l.get(lang));
        }
        if let Some(h) = &d.help {
            let _ = writeln!(s, "  help: {}", h.get(lang));
        }
    }
    s
}

/// One expected finding.
#[derive(Clone, Debug, PartialEq)]
struct Expect {
    code: String,
    line: u32,
    column: Option<u32>,
    /// Line of the annotation, for messages.
    at: u32,
}

/// The `# expect:` annotations of a fixture.
fn expectations(text: &str) -> Result<Vec<Expect>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(pos) = line.find("# expect:") else {
            continue;
        };
        let at = i as u32 + 1;
        let own_line = line[..pos].trim().is_empty();
        // The annotated line: this one, or the next line that is not an annotation
        // (needed only by an item without `@`).
        let next = (i + 1..lines.len())
            .find(|&j| !lines[j].trim_start().starts_with("# expect:"))
            .map(|j| j as u32 + 1);
        let target = if own_line { next } else { Some(at) };
        let spec = &line[pos + "# expect:".len()..];
        let spec = spec.split(" -- ").next().unwrap_or("");
        for item in spec
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let bad = || {
                format!(
                    "line {at}: cannot read `{item}` (write KH301, KH301:5, KH301@12 or KH301@12:5)"
                )
            };
            let (code, place) = match item.split_once('@') {
                Some((c, p)) => (c, Some(p)),
                None => (item, None),
            };
            let (code, col_here) = match code.split_once(':') {
                Some((c, col)) => (c, Some(col.parse::<u32>().map_err(|_| bad())?)),
                None => (code, None),
            };
            if !(code.len() == 5
                && code.starts_with("KH")
                && code[2..].bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(bad());
            }
            let (line, column) = match place {
                None => match target {
                    Some(t) => (t, col_here),
                    None => {
                        return Err(format!(
                            "line {at}: `# expect:` on its own line before nothing (write {code}@LINE)"
                        ));
                    }
                },
                Some(p) => {
                    if col_here.is_some() {
                        return Err(bad());
                    }
                    match p.split_once(':') {
                        Some((l, c)) => (
                            l.parse().map_err(|_| bad())?,
                            Some(c.parse().map_err(|_| bad())?),
                        ),
                        None => (p.parse().map_err(|_| bad())?, None),
                    }
                }
            };
            out.push(Expect {
                code: code.to_string(),
                line,
                column,
                at,
            });
        }
    }
    Ok(out)
}

/// Match findings against expectations: what is expected and missing, what is found and
/// not expected.
fn compare(expected: &[Expect], found: &[Diagnostic]) -> (Vec<Expect>, Vec<Diagnostic>) {
    let mut left: Vec<Option<&Diagnostic>> = found.iter().map(Some).collect();
    let mut missing = Vec::new();
    // Expectations with a column first, so a bare one does not take their finding.
    let mut order: Vec<&Expect> = expected.iter().collect();
    order.sort_by_key(|e| e.column.is_none());
    for e in order {
        let hit = left.iter_mut().find(|d| {
            d.is_some_and(|d| {
                d.code == e.code
                    && d.span.line == e.line
                    && e.column.is_none_or(|c| d.span.column == c)
            })
        });
        match hit {
            Some(slot) => *slot = None,
            None => missing.push(e.clone()),
        }
    }
    (missing, left.into_iter().flatten().cloned().collect())
}

/// KH999 internal-error is made when linting a file panics: no plan raises it (the CLI
/// test of the panic guard does, through a debug-build hook).
fn made_by_panic(r: &RuleDef) -> bool {
    matches!(r.check, Check::Elsewhere(by) if by.contains("panic guard"))
}

fn rule_named(dir: &str) -> &'static RuleDef {
    rules::all()
        .iter()
        .copied()
        .find(|r| r.meta.name == dir)
        .unwrap_or_else(|| panic!("tests/fixtures/lint/{dir}: no rule is named `{dir}`"))
}

fn check_fixture(rule_ident: &str, case: &str) {
    let dir = rule_ident.replace('_', "-");
    let rule = rule_named(&dir);
    let path = Path::new(ROOT).join(&dir).join(format!("{case}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let first = text.lines().next().unwrap_or("");
    assert!(
        first.starts_with("# ") && !first.contains("# expect:"),
        "{}: the first line must be a comment saying what the file tests",
        path.display()
    );
    let expected = expectations(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let found = lint_with(vec![catalogue(), catalogue_2025()], &path, text);
    let (missing, extra) = compare(&expected, &found);
    let mut problems = String::new();
    for e in &missing {
        let col = e.column.map(|c| format!(":{c}")).unwrap_or_default();
        let _ = writeln!(
            problems,
            "expected {} at {}{col} (annotation on line {}), not found",
            e.code, e.line, e.at
        );
    }
    if !extra.is_empty() {
        let _ = writeln!(
            problems,
            "found and not expected:\n{}",
            show(&extra, Lang::En)
        );
    }
    assert!(
        problems.is_empty(),
        "{}:\n{problems}all findings:\n{}",
        path.display(),
        show(&found, Lang::En)
    );
    if !found.is_empty() {
        let m = &rule.meta;
        let name = if case == "fail" {
            format!("rule-{}-{}", m.code, m.name)
        } else {
            format!("rule-{}-{}-{case}", m.code, m.name)
        };
        let snap = format!(
            "# vi\n{}\n# en\n{}",
            show(&found, Lang::Vi),
            show(&found, Lang::En)
        );
        insta::assert_snapshot!(name, snap);
    }
}

#[test]
fn every_fixture_file_is_listed_and_every_rule_has_a_failing_and_a_passing_case() {
    let mut problems = Vec::new();
    let listed: Vec<(String, &[&str])> = LISTED
        .iter()
        .map(|(r, c)| (r.replace('_', "-"), *c))
        .collect();
    for rule in rules::all().iter().filter(|r| !made_by_panic(r)) {
        let m = &rule.meta;
        let Some((_, cases)) = listed.iter().find(|(r, _)| r == m.name) else {
            problems.push(format!("{} {}: no fixtures listed", m.code, m.name));
            continue;
        };
        let (mut fails, mut passes) = (0, 0);
        for case in cases.iter() {
            let path = Path::new(ROOT).join(m.name).join(format!("{case}.yaml"));
            match std::fs::read_to_string(&path) {
                Ok(text) => match expectations(&text) {
                    Ok(ex) if ex.iter().any(|e| e.code == m.code) => fails += 1,
                    Ok(_) => passes += 1,
                    Err(e) => problems.push(format!("{}: {e}", path.display())),
                },
                Err(_) => problems.push(format!("{}: listed, not found", path.display())),
            }
        }
        if fails == 0 || passes == 0 {
            problems.push(format!(
                "{} {}: {fails} failing and {passes} passing fixture(s); at least one of each",
                m.code, m.name
            ));
        }
    }
    for entry in std::fs::read_dir(ROOT).unwrap() {
        let dir = entry.unwrap().path();
        let Some(name) = dir.file_name().and_then(|n| n.to_str()).map(str::to_string) else {
            continue;
        };
        if !dir.is_dir() || rules::get(&name).is_none() {
            continue;
        }
        for f in std::fs::read_dir(&dir).unwrap() {
            let f: PathBuf = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let stem = f.file_stem().unwrap().to_string_lossy().to_string();
                let known = listed
                    .iter()
                    .any(|(r, cases)| *r == name && cases.contains(&stem.as_str()));
                if !known {
                    problems.push(format!(
                        "{}: not in the `fixtures!` list of tests/lint_rules.rs",
                        f.display()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn expectations_are_read_as_documented() {
    let text = "# what\na: 1  # expect: KH301, KH303:4 -- note\n# expect: KH201\n# expect: KH202@7:2\nb: 2\n";
    let ex = expectations(text).unwrap();
    let got: Vec<(&str, u32, Option<u32>)> = ex
        .iter()
        .map(|e| (e.code.as_str(), e.line, e.column))
        .collect();
    assert_eq!(
        got,
        [
            ("KH301", 2, None),
            ("KH303", 2, Some(4)),
            ("KH201", 5, None),
            ("KH202", 7, Some(2)),
        ]
    );
    assert!(expectations("# x\na: 1 # expect: kh301\n").is_err());
    assert!(expectations("# x\n# expect: KH301\n").is_err());
    assert_eq!(expectations("# x\n# expect: KH301@1\n").unwrap()[0].line, 1);
}

#[test]
fn the_base_plan_is_clean() {
    let path = Path::new(ROOT).join("base.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let d = lint_with(vec![catalogue(), catalogue_2025()], &path, text);
    assert!(d.is_empty(), "{}", show(&d, Lang::En));
}

/// Top-level blocks of YAML text: (key, block text with its lines). Comment and blank
/// lines before a key belong to it; a fragment's leading lines to the first key.
fn blocks(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut pending = String::new();
    for line in text.split_inclusive('\n') {
        let top = !line.starts_with([' ', '#', '\n', '-']) && line.contains(':');
        if top {
            let key = line.split(':').next().unwrap().trim().to_string();
            out.push((key, std::mem::take(&mut pending) + line));
        } else if line.starts_with('#') || line.trim().is_empty() {
            match out.last_mut() {
                Some((_, b)) if line.starts_with('#') => b.push_str(line),
                _ => pending.push_str(line),
            }
        } else if let Some((_, b)) = out.last_mut() {
            b.push_str(line);
        } else {
            pending.push_str(line);
        }
    }
    if !pending.is_empty() {
        out.push((String::new(), pending));
    }
    out
}

/// The keys of a mapping block's body at two spaces' indent, when it is one:
/// (key, its lines).
fn sub_blocks(block: &str) -> Option<(String, Vec<(String, String)>)> {
    let mut lines = block.split_inclusive('\n');
    let head = lines.next()?.to_string();
    if !head.trim_end().ends_with(':') {
        return None;
    }
    let mut subs: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with("  ") && !line.starts_with("   ") && !line[2..].starts_with(['-', '#'])
        {
            let key = line.trim().split(':').next()?.to_string();
            subs.push((key, line.to_string()));
        } else {
            subs.last_mut()?.1.push_str(line);
        }
    }
    Some((head, subs))
}

/// A fragment put into a base plan: its top-level keys replace the base's; when both are
/// mappings, its keys replace those of the base's mapping.
fn merge(base: &str, fragment: &str) -> String {
    let mut out = blocks(base);
    for (key, block) in blocks(fragment) {
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, existing)) => match (sub_blocks(existing), sub_blocks(&block)) {
                (Some((head, mut subs)), Some((_, new))) => {
                    for (k, b) in new {
                        match subs.iter_mut().find(|(x, _)| *x == k) {
                            Some(slot) => slot.1 = b,
                            None => subs.push((k, b)),
                        }
                    }
                    *existing = head + &subs.into_iter().map(|(_, b)| b).collect::<String>();
                }
                _ => *existing = block,
            },
            None => out.push((key, block)),
        }
    }
    let mut s: String = out.into_iter().map(|(_, b)| b).collect();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Whether a finding is about the example rather than the base plan around it: it names
/// no indicator, or one the example names. (The base plan is clean against its own
/// catalogue, but an example replacing its `tasks:` leaves the base's other indicators
/// uncovered, and against the bundled catalogue the base's codes differ.)
fn concerns(d: &Diagnostic, example: &str) -> bool {
    let Some(code) = d.indicator.as_deref() else {
        return true;
    };
    // A whole code: "6.1" in "6.1" or "[\"6.1\"]", not in "6.12", "6.1.1", "16.1" or
    // "pl1-6.1".
    let word = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '_');
    example.match_indices(code).any(|(i, _)| {
        let before = example[..i].chars().last();
        let rest = &example[i + code.len()..];
        let continues = rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')
            || (rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_alphanumeric()));
        !before.is_some_and(word) && !continues
    })
}

/// How many findings of `code` an example raises in each context: as written, and put
/// into the base plan against the fixtures' catalogue and the bundled one.
fn example_counts(code: &str, example: &str) -> Vec<(&'static str, usize, String)> {
    let base = std::fs::read_to_string(Path::new(ROOT).join("base.yaml")).unwrap();
    let base_922 = base.replace("catalogue: mini-2022", "catalogue: dti-922-2022");
    let contexts: [(&'static str, String, Vec<&CatalogueIndex>); 3] = [
        (
            "as written",
            example.to_string(),
            vec![catalogue(), embedded()],
        ),
        (
            "in base.yaml (mini-2022)",
            merge(&base, example),
            vec![catalogue(), embedded()],
        ),
        (
            "in base.yaml (dti-922-2022)",
            merge(&base_922, example),
            vec![catalogue(), embedded()],
        ),
    ];
    contexts
        .into_iter()
        .map(|(what, text, cats)| {
            let found = lint_with(cats, Path::new("example.yaml"), text.clone());
            let n = found
                .iter()
                .filter(|d| d.code == code && concerns(d, example))
                .count();
            (what, n, text)
        })
        .collect()
}

/// Rules whose `explain` examples do not yet do what they say: none now (KH205's bad
/// example says which indicator it names; KH502's uses the base plan's own indices). A
/// known list that must stay empty: a rule listed here whose examples work fails the test.
const KNOWN_BAD_EXAMPLES: &[&str] = &[];

#[test]
fn every_explain_bad_example_raises_its_rule_and_the_good_one_does_not() {
    let mut problems = Vec::new();
    for rule in rules::all().iter().filter(|r| !made_by_panic(r)) {
        let m = &rule.meta;
        let e = &m.explanation;
        let bad = example_counts(m.code, e.bad);
        let good = example_counts(m.code, e.good);
        // The loader's rules judge the file as written; the others see a whole plan.
        let from_loader = matches!(rule.check, Check::Elsewhere(by) if by.contains("plan loader"));
        // The whole-plan contexts: the same context for both examples.
        let merged = (1..bad.len()).any(|i| bad[i].1 > 0 && good[i].1 == 0);
        let as_written = from_loader && bad[0].1 > 0 && (1..good.len()).any(|i| good[i].1 == 0);
        let ok = merged || as_written;
        let known = KNOWN_BAD_EXAMPLES.contains(&m.code);
        if ok && known {
            problems.push(format!(
                "{} {}: its examples work now: remove it from KNOWN_BAD_EXAMPLES",
                m.code, m.name
            ));
        }
        if !ok && !known {
            let mut s = format!("{} {}:", m.code, m.name);
            for ((what, b, _), (_, g, _)) in bad.iter().zip(&good) {
                let _ = write!(s, "\n  {what}: bad raises it {b}×, good {g}×");
            }
            problems.push(s);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
