//! `kehoach lint --fix` and `--diff`: agency aliases become canonical names in place,
//! in each scalar style, comments and layout kept; suppressed findings are left alone;
//! `--diff` writes nothing; a second `--fix` changes nothing.

use std::path::{Path, PathBuf};

use clap::Parser;
use kehoach::cli::{Cli, Command, lint};

const FIXTURE: &str = "tests/fixtures/lint/fix/plan.yaml";
const CATALOGUE: &str = "tests/fixtures/lint/mini-catalogue.yaml";

fn run(args: &[&str]) -> lint::Output {
    let mut argv = vec![
        "kehoach",
        "lint",
        "--color",
        "never",
        "--format",
        "concise",
        "--lang",
        "en",
        "--catalogue",
        CATALOGUE,
    ];
    argv.extend_from_slice(args);
    let Command::Lint(a) = Cli::try_parse_from(argv).unwrap().command else {
        unreachable!()
    };
    lint::execute(a).unwrap()
}

/// A fresh copy of the fixture in its own scratch directory (removed when the guard
/// goes).
fn scratch(name: &str) -> (crate::scratch::Scratch, PathBuf) {
    let dir = crate::scratch::Scratch::new("fix", name);
    let file = dir.path().join("plan.yaml");
    std::fs::copy(FIXTURE, &file).unwrap();
    (dir, file)
}

fn kh304(out: &lint::Output) -> usize {
    out.stdout.lines().filter(|l| l.contains("KH304")).count()
}

#[test]
fn fix_rewrites_aliases_in_place_and_keeps_everything_else() {
    let (_dir, file) = scratch("apply");
    let p = file.to_str().unwrap();
    let before = run(&[p]);
    assert_eq!(kh304(&before), 3, "{}", before.stdout);
    assert!(
        before.stdout.contains("(1 suppressed)"),
        "{}",
        before.stdout
    );

    let out = run(&[p, "--fix"]);
    assert_eq!(
        out.notes,
        ["đã sửa 3 chỗ trong 1 tệp (fixed 3 finding(s) in 1 file(s))"]
    );
    assert_eq!(
        kh304(&out),
        0,
        "the report is of what is left: {}",
        out.stdout
    );

    let original = std::fs::read_to_string(FIXTURE).unwrap();
    let expected = original
        .replace(
            "lead: [Sở TT&TT]  # chú thích giữ nguyên",
            "lead: [Sở Thông tin và Truyền thông]  # chú thích giữ nguyên",
        )
        .replace(
            "lead: [\"Sở KH&ĐT; Sở Tài chính\"]",
            "lead: [\"Sở Kế hoạch và Đầu tư; Sở Tài chính\"]",
        )
        .replace("- 'Sở TT&TT'", "- 'Sở Thông tin và Truyền thông'");
    assert_ne!(expected, original);
    // Byte for byte: only the three values changed; the suppressed "SKHĐT" stays.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);

    let again = run(&[p, "--fix"]);
    assert_eq!(
        again.notes,
        ["đã sửa 0 chỗ trong 0 tệp (fixed 0 finding(s) in 0 file(s))"]
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    let leftovers: Vec<_> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["plan.yaml"], "no temporary files left behind");
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let (_dir, file) = scratch("diff");
    let p = file.to_str().unwrap();
    let out = run(&[p, "--diff"]);
    assert_eq!(out.code, 1, "fixes available");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(FIXTURE).unwrap()
    );
    let dir = file.parent().unwrap().to_str().unwrap().to_string();
    let shown = out.stdout.replace(&dir, "SCRATCH");
    insta::assert_snapshot!("diff", shown);
    assert_eq!(
        out.notes,
        ["có thể sửa 3 chỗ trong 1 tệp (3 fixable finding(s) in 1 file(s))"]
    );
}

#[test]
fn rules_turned_off_are_not_fixed() {
    let (_dir, file) = scratch("off");
    let p = file.to_str().unwrap();
    let out = run(&[p, "--fix", "--ignore", "KH304"]);
    assert_eq!(
        out.notes,
        ["đã sửa 0 chỗ trong 0 tệp (fixed 0 finding(s) in 0 file(s))"]
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(FIXTURE).unwrap()
    );
}

#[test]
fn fix_and_diff_together_is_a_usage_error() {
    let argv = ["kehoach", "lint", "--fix", "--diff", "x.yaml"];
    assert!(Cli::try_parse_from(argv).is_err());
}

#[test]
fn bundled_plans_offer_a_fix_for_every_alias_finding() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let argv = ["kehoach", "lint", "--color", "never", "--format", "concise"];
    let lint = |extra: &[&str]| {
        let mut v: Vec<&str> = argv.to_vec();
        v.push(dir.to_str().unwrap());
        v.extend_from_slice(extra);
        let Command::Lint(a) = Cli::try_parse_from(v).unwrap().command else {
            unreachable!()
        };
        lint::execute(a).unwrap()
    };
    let report = lint(&[]);
    // One fix per alias (KH304), and one per task whose text names indicators it does not
    // list (KH205: the task's first finding carries the edit adding all its codes).
    let aliases = report
        .stdout
        .lines()
        .filter(|l| l.contains("KH304"))
        .count();
    let named_tasks: std::collections::BTreeSet<(&str, &str)> = report
        .stdout
        .lines()
        .filter(|l| l.contains("KH205"))
        .filter_map(|l| Some((l.split(':').next()?, l.split('`').nth(1)?)))
        .collect();
    let findings = aliases + named_tasks.len();
    let diff = lint(&["--diff"]);
    let changed = diff
        .stdout
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .count();
    let files = diff
        .stdout
        .lines()
        .filter(|l| l.starts_with("+++ "))
        .count();
    assert!(findings > 100, "{findings}");
    assert!(
        changed > 0 && changed <= findings,
        "{changed} changed lines for {findings} findings"
    );
    assert_eq!(
        diff.notes,
        [format!(
            "có thể sửa {findings} chỗ trong {files} tệp ({findings} fixable finding(s) in {files} file(s))"
        )]
    );
}
