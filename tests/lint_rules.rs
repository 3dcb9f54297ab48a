//! Every rule has a failing and a passing fixture under tests/fixtures/lint/<rule>/; the
//! failing one must raise the rule, the passing one must raise nothing at all. The
//! diagnostics of the failing one are snapshot in both languages.

use std::fmt::Write;
use std::path::Path;

use kehoach::diagnostic::{Diagnostic, Lang};
use kehoach::lint::config::Config;
use kehoach::lint::{CatalogueIndex, Linter, rules};
use kehoach::source::SourceFile;
use kehoach::vn::agency::Registry;

fn catalogue() -> CatalogueIndex {
    let text = std::fs::read_to_string("tests/fixtures/lint/mini-catalogue.yaml").unwrap();
    CatalogueIndex::new(serde_saphyr::from_str(&text).unwrap())
}

fn lint(cat: &CatalogueIndex, path: &Path) -> Vec<Diagnostic> {
    let text = std::fs::read_to_string(path).unwrap();
    let linter = Linter::new(vec![cat]).with_agencies(Registry::embedded());
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

#[test]
fn every_rule_fails_its_failing_fixture_and_passes_its_passing_one() {
    let cat = catalogue();
    let root = Path::new("tests/fixtures/lint");
    let mut problems = Vec::new();
    for rule in rules::all() {
        let m = &rule.meta;
        let dir = root.join(m.name);
        let (fail, pass) = (dir.join("fail.yaml"), dir.join("pass.yaml"));
        if !fail.is_file() || !pass.is_file() {
            problems.push(format!("{}: fixtures missing in {}", m.code, dir.display()));
            continue;
        }
        let bad = lint(&cat, &fail);
        if !bad.iter().any(|d| d.code == m.code) {
            problems.push(format!(
                "{} {}: fail.yaml raised no {}:\n{}",
                m.code,
                m.name,
                m.code,
                show(&bad, Lang::En)
            ));
        }
        let good = lint(&cat, &pass);
        if !good.is_empty() {
            problems.push(format!(
                "{} {}: pass.yaml is not clean:\n{}",
                m.code,
                m.name,
                show(&good, Lang::En)
            ));
        }
        let snap = format!(
            "# vi\n{}\n# en\n{}",
            show(&bad, Lang::Vi),
            show(&bad, Lang::En)
        );
        insta::assert_snapshot!(format!("rule-{}-{}", m.code, m.name), snap);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_base_plan_is_clean() {
    let cat = catalogue();
    let d = lint(&cat, Path::new("tests/fixtures/lint/base.yaml"));
    assert!(d.is_empty(), "{}", show(&d, Lang::En));
}

#[test]
fn rule_files_and_slugs_share_a_stem_and_codes_are_unique() {
    let mut codes = std::collections::HashSet::new();
    for rule in rules::all() {
        let m = &rule.meta;
        assert!(codes.insert(m.code), "{} used twice", m.code);
        assert!(m.code.len() == 5 && m.code.starts_with("KH"), "{}", m.code);
        let file = format!("src/lint/rules/{}.rs", m.name.replace('-', "_"));
        let text = std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{file} missing"));
        assert!(
            text.contains("pub static RULE: RuleDef = RuleDef {"),
            "{file}: no `pub static RULE: RuleDef`"
        );
        for t in [m.summary.vi, m.summary.en] {
            let first = t.chars().next().unwrap();
            assert!(
                !first.is_uppercase() && !t.ends_with('.'),
                "{}: `{t}`",
                m.code
            );
        }
    }
}
