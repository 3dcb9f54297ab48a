//! `kehoach render` and `kehoach build` from the command line: outputs, exit codes, and
//! atomic writes (a failed render leaves the previous PDF intact).

use std::path::{Path, PathBuf};
use std::process::Command;

fn kehoach() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/render")
        .join(name)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn render_writes_pdf_and_typ_and_a_failure_keeps_the_old_pdf() {
    let dir = temp_dir("render");
    let pdf = dir.join("kh.pdf");
    let ok = kehoach()
        .arg("render")
        .arg(fixture("tien-giang-small.yaml"))
        .args(["--emit", "both"])
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let before = std::fs::read(&pdf).unwrap();
    assert!(before.starts_with(b"%PDF-"));
    let typ = std::fs::read_to_string(dir.join("kh.typ")).unwrap();
    assert!(typ.contains("#import \"nd30.typ\""));

    // A broken layout library: the render fails with exit 2 and a located message, and the
    // previous PDF is untouched; no temporary file is left behind.
    let tpl = dir.join("tpl");
    std::fs::create_dir_all(&tpl).unwrap();
    std::fs::write(
        tpl.join("nd30.typ"),
        "#let setup(..args) = {\n  panic(\"hỏng\")\n}\n",
    )
    .unwrap();
    let bad = kehoach()
        .arg("render")
        .arg(fixture("tien-giang-small.yaml"))
        .arg("--templates")
        .arg(&tpl)
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("/main.typ:7:7: module `nd30` does not contain `header`"),
        "{err}"
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn build_renders_a_directory_with_progress() {
    let dir = temp_dir("build");
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    for name in ["tien-giang-small.yaml", "budget-small.yaml"] {
        std::fs::copy(fixture(name), plans.join(name)).unwrap();
    }
    let out = dir.join("out");
    let run = kehoach()
        .arg("build")
        .arg(&plans)
        .arg("--out")
        .arg(&out)
        .arg("--no-lint")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{err}");
    assert!(err.contains("[1/2]") && err.contains("[2/2]"), "{err}");
    assert!(out.join("tien-giang-small.pdf").is_file());
    assert!(out.join("budget-small.pdf").is_file());
    let _ = std::fs::remove_dir_all(dir);
}

/// `build` lints first: findings are reported and set the exit code (1 for errors), and
/// every plan is still rendered.
#[test]
fn build_lints_before_rendering() {
    let dir = temp_dir("build-lint");
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::copy(
        fixture("tien-giang-small.yaml"),
        plans.join("tien-giang-small.yaml"),
    )
    .unwrap();
    let out = dir.join("out");
    let run = kehoach()
        .arg("build")
        .arg(&plans)
        .arg("--out")
        .arg(&out)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("KH201"), "{stdout}");
    assert!(out.join("tien-giang-small.pdf").is_file());
    let _ = std::fs::remove_dir_all(dir);
}
