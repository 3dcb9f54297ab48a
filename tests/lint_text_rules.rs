//! The text and method rules (KH131–KH134, KH231–KH234, KH531–KH533): every fixture
//! under their directories is linted and must raise exactly the findings its
//! `# expect: CODE[@line[:col]]` comments name (see tests/fixtures/lint/README.md), and
//! each rule's `explain` examples do what they say.

use std::path::Path;

use kehoach::diagnostic::Diagnostic;
use kehoach::lint::config::Config;
use kehoach::lint::{CatalogueIndex, Linter, rules};
use kehoach::source::SourceFile;
use kehoach::vn::agency::Registry;

/// The rules whose fixtures this file runs (tests/lint_rules.rs reads this list too).
pub const RULES: &[&str] = &[
    "malformed-citation",
    "citation-date-conflict",
    "truncated-text",
    "truncated-appendix",
    "misspelt-term",
    "blank-method",
    "method-max-mismatch",
    "duplicate-method-option",
    "method-missing-case",
    "prose-score-mismatch",
    "prose-count-mismatch",
    "missing-target-figure",
];

fn catalogue() -> CatalogueIndex {
    let text = std::fs::read_to_string("tests/fixtures/lint/mini-catalogue.yaml").unwrap();
    CatalogueIndex::new(serde_saphyr::from_str(&text).unwrap())
}

fn lint_text(cat: &CatalogueIndex, name: &str, text: String) -> Vec<Diagnostic> {
    let linter = Linter::new(vec![cat]).with_agencies(Registry::embedded());
    linter
        .lint_source(SourceFile::new(name, text), &Config::default())
        .diagnostics
}

/// (code, line, column) expected by a fixture's `# expect:` comments.
fn expectations(text: &str) -> Vec<(String, u32, Option<u32>)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(at) = line.find("# expect:") else {
            continue;
        };
        let own_line = line[..at].trim().is_empty();
        let spec = line[at + "# expect:".len()..]
            .split(" -- ")
            .next()
            .unwrap_or("");
        let mut target = i as u32 + 1;
        if own_line {
            target = (i + 1..lines.len())
                .find(|&k| !lines[k].trim_start().starts_with("# expect:"))
                .map_or(target, |k| k as u32 + 1);
        }
        for item in spec.split(',') {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            let (code, place) = match item.split_once('@') {
                Some((c, p)) => (c, Some(p)),
                None => (item, None),
            };
            let (code, col_here) = match code.split_once(':') {
                Some((c, col)) => (c, col.parse().ok()),
                None => (code, None),
            };
            let (line_no, col) = match place {
                Some(p) => match p.split_once(':') {
                    Some((l, c)) => (l.parse().unwrap(), c.parse().ok()),
                    None => (p.parse().unwrap(), None),
                },
                None => (target, col_here),
            };
            out.push((code.trim().to_string(), line_no, col));
        }
    }
    out
}

#[test]
fn every_fixture_raises_exactly_what_it_expects() {
    let cat = catalogue();
    let root = Path::new("tests/fixtures/lint");
    let mut problems = Vec::new();
    let mut files = 0;
    for rule in RULES {
        let code = rules::all()
            .iter()
            .find(|r| r.meta.name == *rule)
            .map(|r| r.meta.code)
            .unwrap_or_else(|| panic!("no rule {rule}"));
        let mut entries: Vec<_> = std::fs::read_dir(root.join(rule))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        entries.sort();
        let (mut failing, mut passing) = (0, 0);
        for path in entries {
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            let want = expectations(&text);
            if want.iter().any(|w| w.0 == code) {
                failing += 1;
            } else {
                passing += 1;
            }
            let got = lint_text(&cat, &path.display().to_string(), text);
            let mut unmet = want.clone();
            let mut extra = Vec::new();
            for d in &got {
                let pos = unmet.iter().position(|(c, l, col)| {
                    c == d.code && *l == d.span.line && col.is_none_or(|c| c == d.span.column)
                });
                match pos {
                    Some(p) => {
                        unmet.remove(p);
                    }
                    None => extra.push(format!(
                        "{}:{} {} {}",
                        d.span.line, d.span.column, d.code, d.message.en
                    )),
                }
            }
            if !unmet.is_empty() || !extra.is_empty() {
                problems.push(format!(
                    "{}: unmet {unmet:?}; unexpected {extra:?}",
                    path.display()
                ));
            }
        }
        if failing == 0 || passing < 2 {
            problems.push(format!(
                "{rule}: {failing} failing and {passing} passing fixtures (need 1 and 2+)"
            ));
        }
    }
    assert!(files > 30, "only {files} fixtures");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Put an explain example into the base plan: its top-level keys replace the base's,
/// and the keys of a top-level mapping replace the base's keys of that mapping. The
/// result is written as JSON, which is YAML.
fn merged(example: &str) -> String {
    let base: serde_json::Value =
        serde_saphyr::from_str(&std::fs::read_to_string("tests/fixtures/lint/base.yaml").unwrap())
            .unwrap();
    let ex: serde_json::Value = serde_saphyr::from_str(example).unwrap();
    let mut out = base;
    for (k, v) in ex.as_object().unwrap() {
        match (out.get_mut(k), v) {
            (Some(serde_json::Value::Object(b)), serde_json::Value::Object(m)) => {
                for (kk, vv) in m {
                    b.insert(kk.clone(), vv.clone());
                }
            }
            _ => {
                out[k] = v.clone();
            }
        }
    }
    serde_json::to_string_pretty(&out).unwrap()
}

#[test]
fn explain_examples_do_what_they_say() {
    let cat = catalogue();
    let mut problems = Vec::new();
    for rule in RULES {
        let r = rules::all().iter().find(|r| r.meta.name == *rule).unwrap();
        let e = &r.meta.explanation;
        let bad = lint_text(&cat, "bad.yaml", merged(e.bad));
        if !bad.iter().any(|d| d.code == r.meta.code) {
            problems.push(format!(
                "{}: the bad example raises nothing of it",
                r.meta.code
            ));
        }
        let good = lint_text(&cat, "good.yaml", merged(e.good));
        if let Some(d) = good.iter().find(|d| d.code == r.meta.code) {
            problems.push(format!(
                "{}: the good example raises {}",
                r.meta.code, d.message.en
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
