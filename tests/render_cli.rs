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
        err.contains("/main.typ:10:7: module `nd30` does not contain `header`"),
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

/// `--emit typ` writes a Typst project that compiles as it is: every file the `.typ`
/// imports is written beside it (the layout library `nd30.typ`), and that project, read
/// back from disk alone, compiles to the very PDF `render` writes. With a typst CLI on
/// the PATH the project is also compiled by it.
#[test]
fn emit_typ_writes_a_project_that_compiles_as_it_is() {
    let dir = temp_dir("emit-typ");
    let pdf = dir.join("kh.pdf");
    let run = |emit: &str, out: &Path| {
        kehoach()
            .arg("render")
            .arg(fixture("tien-giang-small.yaml"))
            .args(["--emit", emit])
            .arg("-o")
            .arg(out)
            .output()
            .unwrap()
    };
    let typ_only = run("typ", &pdf);
    assert!(
        typ_only.status.success(),
        "{}",
        String::from_utf8_lossy(&typ_only.stderr)
    );
    assert!(!pdf.exists(), "--emit typ writes no PDF");
    let typ = std::fs::read_to_string(dir.join("kh.typ")).unwrap();
    let imports: Vec<&str> = typ
        .lines()
        .filter(|l| l.starts_with("#import"))
        .filter_map(|l| l.split('"').nth(1))
        .collect();
    assert_eq!(imports, ["nd30.typ"]);
    for name in &imports {
        assert!(
            dir.join(name).is_file(),
            "{name} is imported but not written"
        );
    }
    let library = std::fs::read_to_string(dir.join("nd30.typ")).unwrap();
    let embedded = kehoach::render::templates::EMBEDDED
        .iter()
        .find(|(n, _)| *n == "nd30.typ")
        .unwrap()
        .1;
    assert_eq!(library, embedded);

    // The project from disk (main source and root directory only) → the same PDF bytes
    // as `render --emit both` writes.
    let both = run("both", &pdf);
    assert!(both.status.success());
    assert_eq!(std::fs::read_to_string(dir.join("kh.typ")).unwrap(), typ);
    let loaded = kehoach::plan::load_plan(&fixture("tien-giang-small.yaml")).unwrap();
    let catalogue = kehoach::catalogue::resolve(&loaded.plan.catalogue, None).unwrap();
    let view = kehoach::render::view::build(&loaded.plan, &catalogue);
    let fonts = kehoach::render::fonts::Fonts::load(&[] as &[&Path]).unwrap();
    let world =
        kehoach::render::world::KhWorld::new(typ, &[], fonts, Some(&dir), Some(view.pdf_date))
            .unwrap();
    let opts = kehoach::render::pdf::ExportOptions::for_view(&view);
    let (from_disk, _) = kehoach::render::pdf::compile(&world, &opts).unwrap();
    assert!(
        from_disk == std::fs::read(&pdf).unwrap(),
        "the emitted project compiles to another PDF than render's"
    );

    // An output named like the library is refused, and writes nothing.
    let clash = dir.join("clash");
    std::fs::create_dir_all(&clash).unwrap();
    let refused = run("typ", &clash.join("nd30.pdf"));
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("kehoach's Typst library"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(std::fs::read_dir(&clash).unwrap().count(), 0);

    // The typst CLI, when installed, compiles the project as it is.
    let fonts_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    match Command::new("typst").arg("--version").output() {
        Err(_) => eprintln!(
            "skipped emit_typ_writes_a_project_that_compiles_as_it_is (typst CLI part): \
             typst not installed"
        ),
        Ok(_) => {
            let cli = Command::new("typst")
                .arg("compile")
                .arg("--ignore-system-fonts")
                .arg("--font-path")
                .arg(&fonts_dir)
                .arg(dir.join("kh.typ"))
                .arg(dir.join("cli.pdf"))
                .output()
                .unwrap();
            assert!(
                cli.status.success(),
                "{}",
                String::from_utf8_lossy(&cli.stderr)
            );
            assert!(
                std::fs::read(dir.join("cli.pdf"))
                    .unwrap()
                    .starts_with(b"%PDF-")
            );
        }
    }
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
