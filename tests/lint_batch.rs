//! A lint run over many files: one file's panic does not end the batch (#13), a run that
//! finds no plan is not a silent pass, symbolic links are followed with loop protection,
//! and the streamed output is the same whatever the number of workers.

use std::path::{Path, PathBuf};

use clap::Parser;
use kehoach::cli::{Cli, Command, lint};

const DIR: &str = "tests/fixtures/lint/cli";

fn run(args: &[&str]) -> anyhow::Result<lint::Output> {
    let mut argv = vec!["kehoach", "lint", "--color", "never"];
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv)?;
    let Command::Lint(a) = cli.command else {
        unreachable!()
    };
    lint::execute(a)
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kehoach-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_panic_in_one_file_is_an_internal_error_finding_and_the_others_are_reported() {
    let out = run(&[
        DIR,
        "--format",
        "json",
        "--lang",
        "en",
        "--debug-panic-on",
        "bad.yaml",
    ])
    .unwrap();
    assert_eq!(out.code, 101, "{out:?}");
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let internal: Vec<_> = diags.iter().filter(|d| d["code"] == "KH000").collect();
    assert_eq!(internal.len(), 1, "{}", out.stdout);
    assert!(internal[0]["file"].as_str().unwrap().ends_with("bad.yaml"));
    assert!(
        internal[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("internal error while linting the file")
    );
    // The other three files are still linted and reported.
    assert_eq!(v["summary"]["files"], 4);
    assert!(
        diags
            .iter()
            .any(|d| d["file"].as_str().unwrap().ends_with("broken.yaml"))
    );
    // In the text formats too.
    let concise = run(&[DIR, "--format", "concise", "--debug-panic-on", "bad.yaml"]).unwrap();
    assert_eq!(concise.code, 101);
    assert!(
        concise
            .stdout
            .contains("bad.yaml:1:1: KH000 error: lỗi nội bộ"),
        "{}",
        concise.stdout
    );
    assert!(
        concise.stdout.contains("broken.yaml:"),
        "{}",
        concise.stdout
    );
}

#[test]
fn finding_no_plan_is_an_error_unless_allowed() {
    let d = scratch("empty");
    std::fs::write(d.join("notes.yaml"), "title: not a plan\n").unwrap();
    let p = d.to_string_lossy().into_owned();
    let out = run(&[&p]).unwrap();
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .iter()
            .any(|e| e.contains("no plan found") && e.contains("--allow-empty")),
        "{:?}",
        out.stderr
    );
    let allowed = run(&[&p, "--allow-empty"]).unwrap();
    assert_eq!(allowed.code, 0, "{allowed:?}");
    assert!(allowed.stderr.is_empty());
    // Everything excluded is the same silent pass.
    let excluded = run(&[DIR, "--exclude", "**/*.yaml"]).unwrap();
    assert_eq!(excluded.code, 2, "{excluded:?}");
    let _ = std::fs::remove_dir_all(&d);
}

#[cfg(unix)]
#[test]
fn symlinked_plans_are_followed_once_loops_are_reported_and_broken_links_are_errors() {
    use std::os::unix::fs::symlink;
    let d = scratch("links");
    let plans = std::fs::canonicalize(Path::new(DIR).join("plans")).unwrap();
    // A directory whose plans are all links (the silent pass of #13).
    std::fs::create_dir_all(d.join("linked")).unwrap();
    symlink(plans.join("good.yaml"), d.join("linked/good.yaml")).unwrap();
    symlink(plans.join("bad.yaml"), d.join("linked/bad.yaml")).unwrap();
    // The same file twice, through a second link: linted once.
    symlink(plans.join("bad.yaml"), d.join("linked/bad-again.yaml")).unwrap();
    // A link back up: reported, not followed forever.
    symlink(&d, d.join("linked/loop")).unwrap();
    let p = d.to_string_lossy().into_owned();
    let out = run(&[&p, "--format", "json", "--lang", "en"]).unwrap();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 2, "{}", out.stdout);
    assert_eq!(out.code, 1, "bad.yaml has errors: {out:?}");
    assert!(
        out.notes
            .iter()
            .any(|n| n.contains("loop") && n.contains("not followed")),
        "{:?}",
        out.notes
    );
    // A broken link to a plan is an error naming it; the others are still linted.
    symlink(d.join("gone.yaml"), d.join("linked/missing.yaml")).unwrap();
    let out = run(&[&p, "--format", "concise"]).unwrap();
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .iter()
            .any(|e| e.contains("missing.yaml") && e.contains("broken symbolic link")),
        "{:?}",
        out.stderr
    );
    assert!(out.stdout.contains("linked/bad"), "{}", out.stdout);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn the_streamed_output_does_not_depend_on_the_number_of_workers() {
    for format in ["human", "concise", "json", "sarif", "github"] {
        let one = run(&[DIR, "--format", format, "--jobs", "1"]).unwrap();
        let many = run(&[DIR, "--format", format, "--jobs", "4"]).unwrap();
        assert_eq!(one.stdout, many.stdout, "{format}");
        assert_eq!(one.code, many.code, "{format}");
    }
}
