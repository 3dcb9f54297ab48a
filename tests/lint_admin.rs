//! The 2026 administration (issue 12): the time-aware rules (KH109 defunct-issuer, KH110
//! superseded-catalogue, KH305 defunct-agency) raise nothing on the bundled 2022–2023
//! plans, which are dated before the changes, and fire on copies re-dated to 2026 exactly
//! where a 2026 reader would object. The 2026 example plan lints clean.

use std::path::Path;

use clap::Parser;
use kehoach::cli::{Cli, Command, lint};
use kehoach::diagnostic::Diagnostic;
use kehoach::lint::config::Config;
use kehoach::lint::{CatalogueIndex, Linter};
use kehoach::source::SourceFile;
use kehoach::vn::Date;
use kehoach::vn::agency::Registry;

const PLANS: [&str; 5] = [
    "ca-mau-2023",
    "gia-lai-2023",
    "tien-giang-2023",
    "tien-giang-2024",
    "tuyen-quang-2022",
];
const TIME_RULES: [&str; 3] = ["KH109", "KH110", "KH305"];

fn cat() -> &'static CatalogueIndex {
    static C: std::sync::OnceLock<CatalogueIndex> = std::sync::OnceLock::new();
    C.get_or_init(|| CatalogueIndex::new(kehoach::catalogue::embedded().clone()))
}

fn lint_text(name: &str, text: &str) -> Vec<Diagnostic> {
    Linter::new(vec![cat()])
        .with_agencies(Registry::embedded())
        .lint_source(SourceFile::new(name, text), &Config::default())
        .diagnostics
}

fn read(plan: &str) -> String {
    std::fs::read_to_string(Path::new("plans").join(format!("{plan}.yaml"))).unwrap()
}

/// The plan as if issued on the same day and month of 2026, for 2026.
fn redate(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let indent = &line[..line.len() - t.len()];
        if indent == "  " && t.starts_with("date: \"20") {
            out.push_str(&format!("{indent}date: \"2026{}", &t[10..]));
        } else if indent == "  " && (t.starts_with("year: ") || t.starts_with("horizon: ")) {
            let key = t.split(':').next().unwrap_or("year");
            out.push_str(&format!("{indent}{key}: 2026\n"));
        } else {
            out.push_str(line);
        }
    }
    out
}

fn codes(d: &[Diagnostic], code: &str) -> usize {
    d.iter().filter(|x| x.code == code).count()
}

#[test]
fn the_bundled_plans_raise_no_time_finding() {
    for plan in PLANS {
        let d = lint_text(plan, &read(plan));
        for code in TIME_RULES {
            let hits: Vec<String> = d
                .iter()
                .filter(|x| x.code == code)
                .map(|x| format!("{}:{} {}", x.span.line, x.code, x.message.en))
                .collect();
            assert!(hits.is_empty(), "{plan}: {hits:#?}");
        }
    }
}

#[test]
fn copies_redated_to_2026_are_flagged_where_a_2026_reader_objects() {
    let reg = Registry::embedded();
    let day = Date::new(2026, 1, 1).unwrap();
    for plan in PLANS {
        let text = redate(&read(plan));
        assert!(text.contains("year: 2026"), "{plan}");
        let d = lint_text(plan, &text);
        // The 922 catalogue, replaced for plans from 2025: once, at `catalogue:`.
        assert_eq!(codes(&d, "KH110"), 1, "{plan}");
        // Only Tiền Giang was merged away (into Đồng Tháp); Cà Mau, Gia Lai and Tuyên
        // Quang took in their neighbours and kept their names.
        let issuer = codes(&d, "KH109");
        if plan.starts_with("tien-giang") {
            assert!(issuer >= 1, "{plan}");
            assert!(
                d.iter()
                    .any(|x| x.code == "KH109" && x.message.en.contains("tỉnh Đồng Tháp")),
                "{plan}"
            );
        } else {
            assert_eq!(issuer, 0, "{plan}");
        }
        // KH305 on every agency that did not exist in 2026, and only there.
        let defunct: Vec<&Diagnostic> = d.iter().filter(|x| x.code == "KH305").collect();
        for x in &defunct {
            assert!(
                x.message.en.contains("no longer exists") || x.message.en.contains("established"),
                "{plan}: {}",
                x.message.en
            );
        }
        let parsed = kehoach::plan::parse_plan(&SourceFile::new(plan, text.clone())).unwrap();
        // "nt" cells stand for the row above's agencies, as every rule reads them.
        let parsed = kehoach::lint::ditto::resolve(&parsed).into_owned();
        let mut expected = 0;
        let mut names: Vec<String> = Vec::new();
        for t in &parsed.tasks {
            for cell in t.lead.iter().chain(&t.support) {
                names.extend(kehoach::vn::agency::split_agencies(&cell.value));
            }
        }
        fn walk(s: &kehoach::plan::BudgetSection, out: &mut Vec<String>) {
            for i in &s.items {
                for l in &i.lead {
                    out.extend(kehoach::vn::agency::split_agencies(&l.value));
                }
            }
            for sub in &s.sections {
                walk(sub, out);
            }
        }
        for table in &parsed.budget_tables {
            for s in &table.sections {
                walk(s, &mut names);
            }
        }
        names.extend(parsed.recipients.iter().map(|r| r.value.clone()));
        for n in &names {
            if reg.lookup(n).agency().is_some_and(|a| !a.exists_on(day)) {
                expected += 1;
            }
        }
        assert_eq!(defunct.len(), expected, "{plan}");
        assert!(
            expected > 0,
            "{plan}: every bundled plan names the Sở TT&TT or districts"
        );
    }
}

#[test]
fn fix_writes_the_unique_successor_and_the_plan_still_loads() {
    let text = redate(&read("gia-lai-2023"));
    let d = lint_text("gia-lai-2023", &text);
    let fixable = d
        .iter()
        .filter(|x| x.code == "KH305" && x.fix.is_some())
        .count();
    assert!(fixable > 0);
    let (fixed, n) = kehoach::lint::fix::apply(&text, &d);
    assert!(n >= fixable, "{n} < {fixable}");
    let plan = kehoach::plan::parse_plan(&SourceFile::new("fixed", fixed.clone())).unwrap();
    assert!(!fixed.contains("lead: [\"Sở Thông tin và Truyền thông\"]"));
    assert!(plan.tasks.iter().any(|t| {
        t.lead
            .iter()
            .any(|l| l.value.contains("Sở Khoa học và Công nghệ"))
    }));
    // Fixed, the plan raises no KH305 that has a unique successor.
    let again = lint_text("fixed", &fixed);
    assert!(
        again.iter().all(|x| x.code != "KH305" || x.fix.is_none()),
        "{:#?}",
        again
            .iter()
            .filter(|x| x.code == "KH305" && x.fix.is_some())
            .map(|x| &x.message.en)
            .collect::<Vec<_>>()
    );
    // A department split between several (Sở LĐ-TB&XH) is a warning without a fix.
    let split = lint_text(
        "x",
        &text.replacen(
            "lead: [\"Sở Thông tin và Truyền thông\"]",
            "lead: [\"Sở Lao động - Thương binh và Xã hội\"]",
            1,
        ),
    );
    assert!(
        split
            .iter()
            .any(|x| x.code == "KH305" && x.fix.is_none() && x.message.en.contains("Sở Nội vụ"))
    );
}

fn run(args: &[&str]) -> lint::Output {
    let mut argv = vec!["kehoach", "lint", "--color", "never"];
    argv.extend_from_slice(args);
    let Command::Lint(a) = Cli::try_parse_from(argv).unwrap().command else {
        unreachable!()
    };
    lint::execute(a).unwrap()
}

#[test]
fn the_2026_example_plan_lints_clean_against_its_plan_local_catalogue() {
    let out = run(&[
        "plans/khanh-hoa-2026/khanh-hoa-2026.yaml",
        "--format",
        "concise",
        "--lang",
        "en",
        "--fail-on",
        "info",
    ]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    // Against the bundled 922 catalogue it would be flagged: the local file is used.
    let text = std::fs::read_to_string("plans/khanh-hoa-2026/khanh-hoa-2026.yaml").unwrap();
    let d = lint_text(
        "k",
        &text.replace(
            "catalogue: dti-405-2025-tinh.yaml",
            "catalogue: dti-922-2022",
        ),
    );
    assert_eq!(codes(&d, "KH110"), 1);
}
