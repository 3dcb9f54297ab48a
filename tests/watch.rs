//! `kehoach watch`: the real watcher on a temporary directory. The plan is saved broken
//! (an error is reported, nothing written), then fixed with an editor's atomic save (a new
//! file renamed over the plan), and a PDF comes out. Every wait is bounded (20 s) and
//! polls a channel, so a slow machine delays the test rather than failing it.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use kehoach::cli::render::{CommonArgs, Format};
use kehoach::cli::watch::{Outcome, Rendered, Session, watch};

const WAIT: Duration = Duration::from_secs(20);

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-watch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn common() -> CommonArgs {
    CommonArgs {
        templates: None,
        font_path: Vec::new(),
        catalogue: None,
    }
}

fn plan_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/tien-giang-2023.yaml");
    std::fs::read_to_string(path).unwrap()
}

/// The next outcome that `pick` accepts, within [`WAIT`].
fn wait_for(rx: &mpsc::Receiver<Outcome>, what: &str, pick: impl Fn(&Outcome) -> bool) -> Outcome {
    let deadline = Instant::now() + WAIT;
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(o) if pick(&o) => return o,
            Ok(o) => seen.push(o.summary()),
            Err(_) => break,
        }
    }
    panic!("no {what} within {WAIT:?}; outcomes seen: {seen:#?}");
}

#[test]
fn a_broken_save_reports_an_error_and_the_fixed_save_renders() {
    let dir = temp_dir("cycle");
    let plan = dir.join("tien-giang-2023.yaml");
    let good = plan_text();
    std::fs::write(&plan, &good).unwrap();
    let pdf = dir.join("tien-giang-2023.pdf");
    let mut session = Session::new(&plan, None, Format::Pdf, common()).unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        watch(&mut session, Duration::from_millis(50), |o| {
            match tx.send(o.clone()) {
                Ok(()) => ControlFlow::Continue(()),
                Err(_) => ControlFlow::Break(()), // the test is over
            }
        })
        .unwrap();
    });
    // The first run, before any change.
    let first = wait_for(&rx, "first render", |o| {
        matches!(o.render, Rendered::Written { .. })
    });
    assert!(
        first.lint_report.contains("tien-giang-2023.yaml:"),
        "{}",
        first.summary()
    );
    assert!(pdf.is_file());
    std::fs::remove_file(&pdf).unwrap();
    // Saved broken: a YAML syntax error on line 8 (`catalogue: [` never closed).
    let broken = good.replacen("catalogue: ", "catalogue: [", 1);
    assert_ne!(broken, good);
    std::fs::write(&plan, &broken).unwrap();
    let failed = wait_for(&rx, "error", |o| matches!(o.render, Rendered::Failed(_)));
    let Rendered::Failed(why) = &failed.render else {
        unreachable!()
    };
    assert!(
        why.contains("tien-giang-2023.yaml:"),
        "names file and line: {why}"
    );
    assert!(why.contains("KH001"), "{why}");
    assert_eq!(failed.lint_code, 1, "{}", failed.lint_report);
    assert!(
        failed.summary().contains("chưa xuất"),
        "{}",
        failed.summary()
    );
    assert!(!pdf.exists(), "nothing written from a broken plan");
    // Fixed, saved the way editors do: a new file renamed over the plan.
    let tmp = dir.join(".tien-giang-2023.yaml.swp");
    std::fs::write(&tmp, &good).unwrap();
    std::fs::rename(&tmp, &plan).unwrap();
    let fixed = wait_for(&rx, "render after the fix", |o| {
        matches!(o.render, Rendered::Written { .. })
    });
    let Rendered::Written { path, pages, ms } = &fixed.render else {
        unreachable!()
    };
    assert_eq!(path, &pdf);
    assert!(pages.unwrap() > 10, "{pages:?}");
    assert!(*ms > 0.0);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    drop(rx);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn only_changes_to_the_plan_start_a_run() {
    let dir = temp_dir("filter");
    let plan = dir.join("plan.yaml");
    std::fs::write(&plan, plan_text()).unwrap();
    let mut session = Session::new(&plan, None, Format::Docx, common()).unwrap();
    // Another file in the directory (the output, an editor's swap file) is not the plan.
    assert!(session.on_change(&[dir.join("plan.docx")]).is_none());
    assert!(session.on_change(&[dir.join(".plan.yaml.swp")]).is_none());
    let first = session
        .on_change(std::slice::from_ref(&plan))
        .expect("a first run");
    assert!(matches!(
        first.render,
        Rendered::Written { pages: None, .. }
    ));
    assert!(dir.join("plan.docx").is_file());
    // Reading the plan (inotify reports opens too) leaves its bytes as they were: no run.
    assert!(session.on_change(std::slice::from_ref(&plan)).is_none());
    std::fs::write(&plan, plan_text() + "# sửa\n").unwrap();
    assert!(session.on_change(std::slice::from_ref(&plan)).is_some());
    // The configuration beside the plan counts.
    std::fs::write(dir.join("kehoach.yaml"), "catalogue: dti-922-2022\n").unwrap();
    assert!(session.on_change(&[dir.join("kehoach.yaml")]).is_some());
    let _ = std::fs::remove_dir_all(dir);
}
