//! `kehoach lint` and `kehoach explain` run in process: exit codes and every output
//! format, snapshot; the SARIF output validated against the SARIF 2.1.0 schema.

use clap::Parser;
use kehoach::cli::{Cli, Command, explain, lint};

const DIR: &str = "tests/fixtures/lint/cli";

/// Run `kehoach lint …`; `Err` is a usage, config or I/O error (exit 2).
fn run(args: &[&str]) -> anyhow::Result<lint::Output> {
    let mut argv = vec!["kehoach", "lint", "--color", "never"];
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv)?;
    let Command::Lint(a) = cli.command else {
        unreachable!()
    };
    lint::execute(a)
}

fn snap(out: &lint::Output) -> String {
    format!("exit: {}\n{}", out.code, out.stdout)
}

#[test]
fn concise_in_both_languages() {
    let vi = run(&[DIR, "--format", "concise"]).unwrap();
    assert_eq!(vi.code, 1);
    insta::assert_snapshot!("concise-vi", snap(&vi));
    let en = run(&[DIR, "--format", "concise", "--lang", "en"]).unwrap();
    insta::assert_snapshot!("concise-en", snap(&en));
}

#[test]
fn human_output_has_snippets_carets_labels_and_help() {
    let out = run(&[DIR, "--format", "human", "--lang", "en"]).unwrap();
    assert!(out.stdout.contains("help:"), "{}", out.stdout);
    assert!(!out.stdout.contains('\u{1b}'), "colour when not asked for");
    insta::assert_snapshot!("human-en", snap(&out));
    let vi = run(&[&format!("{DIR}/plans/bad.yaml"), "--format", "human"]).unwrap();
    insta::assert_snapshot!("human-vi", snap(&vi));
}

/// The human output's "file:line:column" headers are the concise output's positions, on
/// the bundled plans, where Vietnamese text puts multi-byte characters before most spans
/// (miette counted the column in bytes: 138:328 for the concise 138:241).
#[test]
fn human_and_concise_give_the_same_positions() {
    let human = run(&["plans", "--format", "human"]).unwrap().stdout;
    let concise = run(&["plans", "--format", "concise"]).unwrap().stdout;
    let mut from_human: Vec<&str> = human
        .split("╭─[")
        .skip(1)
        .filter_map(|s| s.split(']').next())
        .collect();
    let mut from_concise: Vec<&str> = concise
        .lines()
        .filter_map(|l| l.split(": ").next())
        .filter(|p| p.ends_with(|c: char| c.is_ascii_digit()) && p.contains(".yaml:"))
        .collect();
    from_human.sort_unstable();
    from_concise.sort_unstable();
    assert!(from_human.len() > 300, "{}", from_human.len());
    assert_eq!(from_human, from_concise);
}

#[test]
fn json_output_is_versioned_and_complete() {
    let out = run(&[DIR, "--format", "json", "--lang", "en"]).unwrap();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    let first = &v["diagnostics"][0];
    for key in [
        "code",
        "rule",
        "level",
        "message",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "path",
        "indicator",
        "help",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["summary"]["files"], 4);
    insta::assert_snapshot!("json-en", snap(&out));
}

#[test]
fn sarif_output_validates_against_the_sarif_schema() {
    let out = run(&[DIR, "--format", "sarif", "--lang", "en"]).unwrap();
    let instance: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/sarif-schema-2.1.0.json").unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // A broken document must fail, or the check above proves nothing.
    let mut broken = instance.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));
    let run0 = &instance["runs"][0];
    assert_eq!(run0["properties"]["catalogues"][0], "mini-2022");
    let uri = run0["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(uri.starts_with("tests/fixtures/lint/cli/"), "{uri}");
    assert!(run0["results"][0]["partialFingerprints"].is_object());
    assert!(run0["tool"]["driver"]["rules"][0]["help"]["text"].is_string());
    insta::assert_snapshot!("sarif-en", snap(&out));
}

#[test]
fn github_output_sends_errors_first() {
    let out = run(&[DIR, "--format", "github", "--lang", "en"]).unwrap();
    let kinds: Vec<&str> = out
        .stdout
        .lines()
        .map(|l| l.split(' ').next().unwrap_or(""))
        .collect();
    let mut sorted = kinds.clone();
    sorted.sort_by_key(|k| match *k {
        "::error" => 0,
        "::warning" => 1,
        _ => 2,
    });
    assert_eq!(kinds, sorted);
    insta::assert_snapshot!("github-en", snap(&out));
}

#[test]
fn exit_codes() {
    let good = format!("{DIR}/plans/good.yaml");
    let draft = format!("{DIR}/plans/drafts/draft.yaml");
    let codes = [
        ("clean file", run(&[&good]).unwrap().code),
        ("findings at error", run(&[DIR]).unwrap().code),
        ("draft, KH1 off", run(&[&draft]).unwrap().code),
        (
            "--ignore KH1,KH2,KH3,KH5,KH9",
            run(&[
                DIR,
                "--ignore",
                "KH1,KH2,KH3,KH5,KH9",
                "--exclude",
                "**/broken.yaml",
            ])
            .unwrap()
            .code,
        ),
        (
            "--select KH401 (info)",
            run(&[DIR, "--select", "KH401"]).unwrap().code,
        ),
        (
            "--select KH401 --fail-on info",
            run(&[DIR, "--select", "KH401", "--fail-on", "info"])
                .unwrap()
                .code,
        ),
        (
            "--select KH303,KH901 (a warning)",
            run(&[DIR, "--select", "KH303,KH901"]).unwrap().code,
        ),
        (
            "--select KH303,KH901 --deny warnings",
            run(&[DIR, "--select", "KH303,KH901", "--deny", "warnings"])
                .unwrap()
                .code,
        ),
    ];
    let text: String = codes.iter().map(|(k, c)| format!("{c} {k}\n")).collect();
    insta::assert_snapshot!("exit-codes", text);
    // Usage, config and I/O errors are errors (exit 2 at the edge), not findings.
    assert!(run(&["tests/fixtures/lint/no-such-dir"]).is_err());
    assert!(run(&[DIR, "--select", "KH999"]).is_err());
    assert!(run(&[DIR, "--config", "tests/fixtures/lint/mini-catalogue.yaml"]).is_err());
    assert!(Cli::try_parse_from(["kehoach", "lint", "--format", "xml"]).is_err());
}

#[test]
fn explain_prints_the_rule_and_lists_them_all() {
    let vi = explain::explain("KH201", kehoach::diagnostic::Lang::Vi).unwrap();
    let en = explain::explain("uncovered-indicator", kehoach::diagnostic::Lang::En).unwrap();
    assert!(explain::explain("KH999", kehoach::diagnostic::Lang::Vi).is_none());
    insta::assert_snapshot!("explain-KH201", format!("{vi}\n----\n{en}"));
    let list = explain::list(kehoach::diagnostic::Lang::En);
    assert_eq!(list.lines().count(), kehoach::lint::rules::all().len());
    insta::assert_snapshot!("explain-list", list);
}
