//! The audit of issue 10: every error and warning finding of `kehoach lint plans/` was read
//! against its original (shared/seeds/) and recorded, with its verdict and why, in
//! `tests/fixtures/lint/audit/findings.yaml`. This test keeps the three in step: a new
//! finding without an entry fails, an entry whose finding is gone fails, and the README's
//! per-rule table (findings, true, false) and precision must be what the file says.

use std::collections::BTreeMap;

use clap::Parser;
use kehoach::cli::{Cli, Command, lint};
use serde::Deserialize;

const AUDIT: &str = "tests/fixtures/lint/audit/findings.yaml";

/// Findings, true, false, with a doubt.
type Counts = (usize, usize, usize, usize);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Audit {
    findings: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    file: String,
    code: String,
    path: String,
    #[serde(default)]
    indicator: Option<String>,
    /// A phrase of the message, where one place has several findings of one code.
    #[serde(default)]
    phrase: Option<String>,
    verdict: bool,
    why: String,
    #[serde(default)]
    doubt: Option<String>,
}

impl Entry {
    fn key(&self) -> String {
        format!(
            "{} {} {} {}{}",
            self.file,
            self.code,
            self.path,
            self.indicator.as_deref().unwrap_or("-"),
            self.phrase
                .as_deref()
                .map(|p| format!(" {p}"))
                .unwrap_or_default()
        )
    }
}

/// One error or warning finding on the bundled plans.
struct Finding {
    file: String,
    code: String,
    path: String,
    indicator: Option<String>,
    message: String,
    line: u64,
}

fn findings() -> Vec<Finding> {
    let argv = [
        "kehoach", "lint", "--color", "never", "plans", "--format", "json", "--lang", "en",
    ];
    let Command::Lint(a) = Cli::try_parse_from(argv).unwrap().command else {
        unreachable!()
    };
    let out = lint::execute(a).unwrap();
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let s = |v: &serde_json::Value, k: &str| v[k].as_str().map(str::to_string);
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| matches!(d["level"].as_str(), Some("error" | "warning")))
        .map(|d| Finding {
            file: s(d, "file")
                .unwrap()
                .trim_start_matches("plans/")
                .to_string(),
            code: s(d, "code").unwrap(),
            path: s(d, "path").unwrap_or_default(),
            indicator: s(d, "indicator"),
            message: s(d, "message").unwrap(),
            line: d["line"].as_u64().unwrap_or(0),
        })
        .collect()
}

fn audit() -> Audit {
    let text = std::fs::read_to_string(AUDIT).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{AUDIT}: {e}"))
}

fn matches(e: &Entry, f: &Finding) -> bool {
    e.file == f.file
        && e.code == f.code
        && e.path == f.path
        && e.indicator == f.indicator
        && e.phrase.as_deref().is_none_or(|p| f.message.contains(p))
}

/// Per rule: (findings, true, false), from the README's audit table, and the "all" row.
fn readme_table() -> (BTreeMap<String, Counts>, Option<Counts>) {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("<!-- audit-table -->")
        .expect("README has the audit table (<!-- audit-table -->)");
    // rule | findings | true | false | first reading | false then, fixed | with a doubt
    let row = regex::Regex::new(
        r"^\| (KH\d{3}|all)\b[^|]*\| (\d+) \| (\d+) \| (\d+) \| \d+ \| \d+ \| (\d+) \|$",
    )
    .unwrap();
    let mut rules = BTreeMap::new();
    let mut all = None;
    for line in readme[start..].lines().skip(1) {
        if !line.starts_with('|') {
            if rules.is_empty() && all.is_none() {
                continue;
            }
            break;
        }
        let Some(c) = row.captures(line) else {
            continue;
        };
        let n = |i: usize| c[i].parse::<usize>().unwrap();
        let counts = (n(2), n(3), n(4), n(5));
        if &c[1] == "all" {
            all = Some(counts);
        } else {
            rules.insert(c[1].to_string(), counts);
        }
    }
    (rules, all)
}

#[test]
fn every_finding_on_the_bundled_plans_is_audited_and_the_readme_says_so() {
    let audit = audit();
    let found = findings();
    let mut problems = Vec::new();

    // (a) every finding has exactly one entry.
    let mut used = vec![0usize; audit.findings.len()];
    for f in &found {
        let hits: Vec<usize> = (0..audit.findings.len())
            .filter(|&i| matches(&audit.findings[i], f))
            .collect();
        match hits.as_slice() {
            [i] => used[*i] += 1,
            [] => problems.push(format!(
                "not audited: {} {} {} {} (line {}): {}",
                f.file,
                f.code,
                f.path,
                f.indicator.as_deref().unwrap_or("-"),
                f.line,
                f.message
            )),
            _ => problems.push(format!(
                "several entries match {} {} {} (line {}): add a `phrase`",
                f.file, f.code, f.path, f.line
            )),
        }
    }
    // (b) every entry still fires, once.
    for (e, n) in audit.findings.iter().zip(&used) {
        match n {
            1 => {}
            0 => problems.push(format!("audited but no longer reported: {}", e.key())),
            _ => problems.push(format!(
                "one entry for {n} findings: {} (add a `phrase`)",
                e.key()
            )),
        }
        if !e.why.contains('"') {
            problems.push(format!("`why` quotes nothing of the original: {}", e.key()));
        }
        if e.doubt.as_deref().is_some_and(|d| d.trim().is_empty()) {
            problems.push(format!("empty `doubt`: {}", e.key()));
        }
    }

    // (c) the README's table is the audit's, rule by rule, and its false count with it.
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    for e in &audit.findings {
        let c = counts.entry(e.code.clone()).or_default();
        c.0 += 1;
        if e.verdict {
            c.1 += 1;
        } else {
            c.2 += 1;
        }
        if e.doubt.is_some() {
            c.3 += 1;
        }
    }
    let total = counts.values().fold((0, 0, 0, 0), |a, c| {
        (a.0 + c.0, a.1 + c.1, a.2 + c.2, a.3 + c.3)
    });
    let (readme, all) = readme_table();
    if readme != counts {
        problems.push(format!(
            "README audit table (findings, true, false, with a doubt, per rule) is\n  {readme:?}\nbut {AUDIT} gives\n  {counts:?}"
        ));
    }
    if all != Some(total) {
        problems.push(format!(
            "README audit table's \"all\" row is {all:?}, {AUDIT} gives {total:?}"
        ));
    }
    let readme_text = std::fs::read_to_string("README.md").unwrap();
    let precision = format!("{} of {} true", total.1, total.0);
    if !readme_text.contains(&precision) {
        problems.push(format!(
            "README does not state the precision as \"{precision}\""
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
