//! Reliability under odd and hostile input (issue 13): every reproducer of
//! `repro/reliability/` as a regression test. The small reproducer files are copied into
//! `tests/fixtures/reliability/`; the large ones are generated here.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use kehoach::plan::Plan;
use kehoach::source::SourceFile;

fn kehoach() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/reliability").join(name)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-rel-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Run with a time limit: a command that blocks (a FIFO read) fails the test instead of
/// hanging it.
fn run_within(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "{cmd:?} did not finish within {limit:?}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

// ---- 1. one YAML truth -------------------------------------------------------------

/// D1–D4: each text the fast path used to accept while serde-saphyr rejects it. Now the
/// fast path declines, the loader reports serde-saphyr's error, and lint fails.
#[test]
fn differential_reproducers_are_declined_and_rejected() {
    for name in [
        "diff-bom-inside.yaml",
        "diff-c1-char.yaml",
        "diff-control-char.yaml",
        "diff-del-char.yaml",
        "diff-docmarker-in-flow.yaml",
        "diff-nonchar-fffe.yaml",
        "diff-nonfinite-float.yaml",
        "diff-nul-byte.yaml",
        "fast-path-inf-into-pdf.yaml",
    ] {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        assert!(
            kehoach::yaml::from_str::<Plan>(&text).is_none(),
            "{name}: the fast path still accepts it"
        );
        assert!(
            kehoach::yaml::from_str_saphyr::<Plan>(&text).is_err(),
            "{name}: serde-saphyr accepts it"
        );
        let source = SourceFile::new(name, text.as_str());
        let diags = kehoach::plan::load::parse_plan(&source).unwrap_err();
        assert!(
            diags.iter().all(|d| d.span.is_known()),
            "{name}: {diags:#?}"
        );
        let out = kehoach()
            .current_dir(fixture(""))
            .args(["lint", name, "--format", "concise"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stdout(&out));
        assert!(
            stdout(&out).contains(" KH00"),
            "{name}: no loader finding\n{}",
            stdout(&out)
        );
    }
}

/// `1e400` used to reach the scores as `inf` (and the PDF as "inf" and "NaN").
#[test]
fn a_number_that_overflows_is_refused_not_read_as_infinity() {
    let out = kehoach()
        .current_dir(fixture(""))
        .args([
            "score",
            "fast-path-inf-into-pdf.yaml",
            "--catalogue",
            "mini-catalogue.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(!stdout(&out).contains("inf"), "{}", stdout(&out));
}

/// The superlinear paths of the fast reader: many keys in one mapping (duplicates still
/// found past the short list), a block scalar after many blank lines, many nodes on one
/// line — each the same as serde-saphyr's reading.
#[test]
fn fast_reader_wide_inputs_match_serde_saphyr() {
    use kehoach::yaml::tree;
    let mut many = String::new();
    for i in 0..2_000 {
        many.push_str(&format!("k{i}: {i}\n"));
    }
    assert!(tree::parse(&many).is_ok());
    let dup = format!("{many}k1500: again\n");
    assert!(
        tree::parse(&dup).is_err(),
        "a duplicate key after 2,000 was missed"
    );
    let flow_dup = format!(
        "m: {{{}, k7: x}}\n",
        (0..100)
            .map(|i| format!("k{i}: {i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(tree::parse(&flow_dup).is_err());

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        a: kehoach::source::Spanned<String>,
        l: Vec<kehoach::source::Spanned<String>>,
    }
    let block = format!("a: |\n{}  x\n  y\nl: [{}]\n", "\n".repeat(500), {
        (0..3_000)
            .map(|i| format!("\"ở{i}\""))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let fast: Doc = kehoach::yaml::from_str(&block).expect("fast path reads it");
    let slow: Doc = kehoach::yaml::from_str_saphyr(&block).unwrap();
    assert_eq!(format!("{fast:?}"), format!("{slow:?}"));
    let spans = |d: &Doc| {
        std::iter::once(d.a.span)
            .chain(d.l.iter().map(|s| s.span))
            .collect::<Vec<_>>()
    };
    assert_eq!(spans(&fast), spans(&slow), "spans differ");
}

/// serde-saphyr errors are classified by type: the loader's findings keep their codes.
#[test]
fn loader_errors_are_classified_by_type() {
    use kehoach::yaml::{Class, classify};
    let e = kehoach::yaml::from_str_saphyr::<Plan>("catalogue: [\n").unwrap_err();
    assert_eq!(classify(&e), Class::Syntax);
    let deep = format!("a: {}{}\n", "[".repeat(5_000), "]".repeat(5_000));
    let e = kehoach::yaml::from_str_saphyr::<serde::de::IgnoredAny>(&deep).unwrap_err();
    assert_eq!(classify(&e), Class::Budget, "{e}");
    let e = kehoach::yaml::from_str_saphyr::<Plan>("catalogue: x\nfoo: 1\n").unwrap_err();
    assert_eq!(classify(&e), Class::UnknownKey, "{e}");
    let e = kehoach::yaml::from_str_saphyr::<Plan>("catalogue: x\n").unwrap_err();
    assert_eq!(classify(&e), Class::MissingKey, "{e}");
    let e = kehoach::yaml::from_str_saphyr::<Vec<u8>>("[1, 2, 300]\n").unwrap_err();
    assert_eq!(classify(&e), Class::Schema, "{e}");
}

// ---- reads: regular files only, bounded -------------------------------------------------

#[test]
fn non_regular_inputs_are_refused_without_reading() {
    let plan = root().join("tests/fixtures/render/tien-giang-small.yaml");
    let plan = plan.to_str().unwrap();
    let dir = temp_dir("nonregular");
    let fifo = dir.join("fifo.yaml");
    let have_fifo = mkfifo(&fifo);
    let mut inputs = vec!["/dev/zero".to_string()];
    if have_fifo {
        inputs.push(fifo.display().to_string());
    } else {
        eprintln!("skipped the FIFO cases: mkfifo is not available");
    }
    for input in &inputs {
        for args in [
            vec!["score", input.as_str()],
            vec!["render", input.as_str(), "-o", "/nonexistent/x.pdf"],
            vec!["catalogue", "check", input.as_str()],
            vec!["lint", plan, "--config", input.as_str()],
            vec!["lint", plan, "--agencies", input.as_str()],
            vec!["lint", plan, "--catalogue", input.as_str()],
        ] {
            let out = run_within(kehoach().args(&args), Duration::from_secs(20));
            assert!(
                matches!(out.status.code(), Some(1 | 2)),
                "{args:?}: {}",
                stderr(&out)
            );
            let all = format!("{}{}", stdout(&out), stderr(&out));
            assert!(all.contains("regular file"), "{args:?}: {all}");
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// T2: `#read` of a FIFO in the plan's directory used to block the render for ever.
#[test]
fn a_template_reading_a_fifo_fails_instead_of_blocking() {
    let dir = temp_dir("fifo-read");
    if !mkfifo(&dir.join("fifo")) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    std::fs::copy(
        root().join("tests/fixtures/render/tien-giang-small.yaml"),
        dir.join("plan.yaml"),
    )
    .unwrap();
    let tpl = dir.join("tpl");
    std::fs::create_dir_all(&tpl).unwrap();
    let stock = std::fs::read_to_string(root().join("templates/plan.typ.tera")).unwrap();
    std::fs::write(
        tpl.join("plan.typ.tera"),
        format!("{stock}\n#read(\"fifo\")\n"),
    )
    .unwrap();
    let out = run_within(
        kehoach()
            .arg("render")
            .arg(dir.join("plan.yaml"))
            .arg("--templates")
            .arg(&tpl)
            .arg("-o")
            .arg(dir.join("x.pdf")),
        Duration::from_secs(60),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!dir.join("x.pdf").exists());
    let _ = std::fs::remove_dir_all(dir);
}

// ---- templates: no environment, no clock ---------------------------------------------

/// T1: Tera's `get_env` printed any environment variable into the PDF.
#[test]
fn templates_cannot_read_the_environment() {
    let dir = temp_dir("env");
    let stock = std::fs::read_to_string(root().join("templates/plan.typ.tera")).unwrap();
    for call in [
        "{{ get_env(name=\"KEHOACH_TEST_SECRET\", default=\"unset\") }}",
        "{{ now() }}",
        "{{ get_random(end=10) }}",
    ] {
        std::fs::write(dir.join("plan.typ.tera"), format!("{stock}\n{call}\n")).unwrap();
        let out = kehoach()
            .env("KEHOACH_TEST_SECRET", "ghp_FAKE_TOKEN_1234")
            .arg("render")
            .arg(root().join("tests/fixtures/render/tien-giang-small.yaml"))
            .args(["--emit", "typ", "--templates"])
            .arg(&dir)
            .arg("-o")
            .arg(dir.join("x.pdf"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{call}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("disabled"),
            "{call}: {}",
            stderr(&out)
        );
        assert!(!dir.join("x.typ").exists());
    }
    let _ = std::fs::remove_dir_all(dir);
}

// ---- writes ------------------------------------------------------------------------------

fn small_plan() -> PathBuf {
    root().join("tests/fixtures/render/tien-giang-small.yaml")
}

/// F1 (shown with a FIFO; a device node needs root): `-o` onto something that is not a
/// regular file is refused and the thing is kept.
#[test]
fn output_onto_a_fifo_is_refused_and_the_fifo_kept() {
    let dir = temp_dir("out-fifo");
    let fifo = dir.join("fifo");
    if !mkfifo(&fifo) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let out = run_within(
        kehoach()
            .arg("render")
            .arg(small_plan())
            .arg("-o")
            .arg(&fifo),
        Duration::from_secs(60),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let _ = std::fs::remove_dir_all(dir);
}

fn fix_plan(dir: &Path) -> PathBuf {
    let p = dir.join("plan.yaml");
    std::fs::copy(root().join("tests/fixtures/lint/fix/plan.yaml"), &p).unwrap();
    p
}

fn lint_fix(path: &Path) -> Output {
    kehoach()
        .arg("lint")
        .arg(path)
        .args(["--fix", "--format", "concise", "--catalogue"])
        .arg(root().join("tests/fixtures/lint/mini-catalogue.yaml"))
        .output()
        .unwrap()
}

/// F2: `--fix` on a symbolic link fixes the file the link points to and keeps the link.
#[test]
fn fix_through_a_symlink_edits_the_real_file() {
    let dir = temp_dir("fix-link");
    let real_dir = dir.join("real");
    std::fs::create_dir_all(&real_dir).unwrap();
    let real = fix_plan(&real_dir);
    let before = std::fs::read_to_string(&real).unwrap();
    let link = dir.join("link.yaml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = lint_fix(&link);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced: {}",
        stderr(&out)
    );
    let after = std::fs::read_to_string(&real).unwrap();
    assert_ne!(
        before,
        after,
        "the real file was not fixed: {}",
        stdout(&out)
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// `--fix` on a file with a second hard link fixes the file itself (the same inode), so
/// the other link sees the fix too; a rename would have split the two.
#[test]
fn fix_keeps_hard_links_together() {
    use std::os::unix::fs::MetadataExt;
    let dir = temp_dir("fix-hardlink");
    let plan = fix_plan(&dir);
    let other = dir.join("other-name.yaml");
    std::fs::hard_link(&plan, &other).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let ino = std::fs::metadata(&plan).unwrap().ino();
    let out = lint_fix(&plan);
    let after = std::fs::read(&plan).unwrap();
    assert_ne!(after, before, "not fixed: {}", stdout(&out));
    assert_eq!(
        std::fs::read(&other).unwrap(),
        after,
        "the other link kept the old text"
    );
    assert_eq!(std::fs::metadata(&plan).unwrap().ino(), ino);
    assert_eq!(std::fs::metadata(&plan).unwrap().nlink(), 2);
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "temporaries left behind: {left:?}");
    let _ = std::fs::remove_dir_all(dir);
}

/// F3: `--fix` on a read-only file refuses and leaves it as it was.
#[test]
fn fix_respects_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("fix-ro");
    let plan = fix_plan(&dir);
    let before = std::fs::read(&plan).unwrap();
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = lint_fix(&plan);
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(all.contains("read-only"), "{all}");
    assert_ne!(out.status.code(), Some(0));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&plan).unwrap().permissions().mode() & 0o777,
        0o444
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// F4: `render plan.typ --emit typ` would have written the Typst source over the plan.
#[test]
fn render_never_writes_over_its_source() {
    let dir = temp_dir("typ-source");
    let plan = dir.join("plan.typ");
    std::fs::copy(small_plan(), &plan).unwrap();
    let before = std::fs::read(&plan).unwrap();
    for emit in ["typ", "both"] {
        let out = kehoach()
            .arg("render")
            .arg(&plan)
            .args(["--emit", emit])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("plan itself"), "{}", stderr(&out));
        assert_eq!(std::fs::read(&plan).unwrap(), before);
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// F5 and F6: `build` refuses an output that is one of the plans, and two plans that
/// would write the same PDF.
#[test]
fn build_refuses_output_collisions() {
    let dir = temp_dir("build-collide");
    let b = dir.join("b");
    std::fs::create_dir_all(&b).unwrap();
    std::fs::copy(small_plan(), b.join("x.pdf")).unwrap();
    let before = std::fs::read(b.join("x.pdf")).unwrap();
    let out = kehoach()
        .arg("build")
        .arg(b.join("x.pdf"))
        .arg("--out")
        .arg(&b)
        .arg("--no-lint")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("one of the plans"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(b.join("x.pdf")).unwrap(), before);

    let s = dir.join("s");
    std::fs::create_dir_all(&s).unwrap();
    std::fs::copy(small_plan(), s.join("a.yaml")).unwrap();
    std::fs::copy(small_plan(), s.join("a.yml")).unwrap();
    let out = kehoach()
        .arg("build")
        .arg(&s)
        .arg("--out")
        .arg(dir.join("s-out"))
        .arg("--no-lint")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("same output"), "{}", stderr(&out));
    assert!(!dir.join("s-out/a.pdf").exists());
    let _ = std::fs::remove_dir_all(dir);
}

/// F7: `--emit both` writes both files or neither.
#[test]
fn emit_both_writes_both_or_neither() {
    let dir = temp_dir("both");
    // The PDF's place is taken by a directory: the PDF cannot be written, so the .typ
    // must not be replaced either.
    std::fs::create_dir_all(dir.join("both.pdf")).unwrap();
    std::fs::write(dir.join("both.typ"), "old").unwrap();
    let out = kehoach()
        .arg("render")
        .arg(small_plan())
        .args(["--emit", "both", "-o"])
        .arg(dir.join("both.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.join("both.typ")).unwrap(),
        "old"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // And when both can be written, both are.
    std::fs::remove_dir(dir.join("both.pdf")).unwrap();
    let out = kehoach()
        .arg("render")
        .arg(small_plan())
        .args(["--emit", "both", "-o"])
        .arg(dir.join("both.pdf"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read(dir.join("both.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    assert_ne!(
        std::fs::read_to_string(dir.join("both.typ")).unwrap(),
        "old"
    );
    let _ = std::fs::remove_dir_all(dir);
}

// ---- text that stops a render -----------------------------------------------------------

fn render_fixture(name: &str) -> Result<kehoach::render::RenderOutput, String> {
    let loaded = kehoach::plan::load_plan(&fixture(name)).map_err(|e| match e {
        kehoach::plan::LoadError::Invalid { diagnostics, .. } => format!("{diagnostics:#?}"),
        e => e.to_string(),
    })?;
    let catalogue = kehoach::catalogue::resolve(&loaded.plan.catalogue, None).unwrap();
    kehoach::render::render_plan(
        &loaded.plan,
        &loaded.source,
        &catalogue,
        &kehoach::render::RenderOptions::default(),
    )
    .map_err(|e| e.to_string())
}

/// H1 and H2: text the fonts lack (Khmer, Han), Word's private-use bullet, deep Markdown
/// nesting — each used to fail the whole render with an error inside the generated Typst.
/// Now each renders, the characters replaced and the deep structure flattened.
#[test]
fn hostile_text_renders_safely() {
    for (name, gone) in [
        ("render-fails-khmer.yaml", Some('\u{1781}')),
        ("render-fails-han.yaml", Some('\u{6f22}')),
        (
            "render-fails-word-bullet-private-use.yaml",
            Some('\u{f0b7}'),
        ),
        ("render-fails-md-quote-16.yaml", None),
        ("render-fails-md-list-32.yaml", None),
    ] {
        let out = render_fixture(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(out.pdf.starts_with(b"%PDF-"), "{name}");
        if let Some(c) = gone {
            let text = std::fs::read_to_string(fixture(name)).unwrap();
            assert!(text.contains(c), "{name}: the fixture lost its character");
            assert!(!out.typst_source.contains(c), "{name}: {c:?} reached Typst");
        }
    }
}

/// U+FEFF inside a scalar (pasted from Word): YAML itself does not allow it, so both
/// readers agree that the plan is invalid and say where.
#[test]
fn a_byte_order_mark_inside_text_is_a_located_finding() {
    let out = kehoach()
        .arg("lint")
        .arg(fixture("render-fails-feff.yaml"))
        .args(["--format", "concise"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains(":10:"), "not located at line 10: {text}");
}

/// Markdown nesting is bounded: structure deeper than the limit becomes text, and the
/// output always parses as Typst.
#[test]
fn markdown_nesting_is_bounded() {
    use kehoach::render::markdown::{MAX_DEPTH, check_typst_syntax, nesting_depth, to_typst};
    for md in [
        "> ".repeat(200) + "x",
        "- ".repeat(200) + "x",
        "> - ".repeat(100) + "x",
        "*".repeat(300) + "x" + &"*".repeat(300),
        (0..60)
            .map(|i| format!("{}- mục {i}", "  ".repeat(i)))
            .collect::<Vec<_>>()
            .join("\n"),
        "| a | b |\n|---|---|\n| > > > > > > > > > > > > > > x | y |\n".to_string(),
    ] {
        let typ = to_typst(&md);
        check_typst_syntax(&typ).unwrap_or_else(|e| panic!("{md:?}: {e}\n{typ}"));
        assert!(nesting_depth(&md) > MAX_DEPTH || md.contains('|'), "{md:?}");
        let calls = typ.matches("#quote(").count() + typ.matches("#nd30.items(").count();
        assert!(calls <= MAX_DEPTH, "{calls} levels kept for {md:?}");
    }
    assert_eq!(nesting_depth("- a\n  - b\n"), 4);
}

/// B6/B7: a long paragraph is broken greedily, so its cost is linear in its length.
#[test]
fn long_paragraphs_use_simple_line_breaking() {
    use kehoach::render::markdown::{LONG_PARAGRAPH, check_typst_syntax, to_typst};
    let long = "Triển khai nền tảng số dùng chung của tỉnh. ".repeat(LONG_PARAGRAPH / 20);
    let typ = to_typst(&format!("Ngắn.\n\n{long}\n\n*{long}*"));
    check_typst_syntax(&typ).unwrap();
    assert_eq!(typ.matches("linebreaks: \"simple\"").count(), 2, "{typ}");
    assert!(!to_typst("Ngắn.").contains("linebreaks"));
}

// ---- render budgets -----------------------------------------------------------------------

/// B1–B5: 5,000 tasks rendered in 16 s and 2.4 GB. The source budget refuses the plan
/// before Typst runs, quickly and with a clear error.
#[test]
fn a_render_over_budget_is_refused_clearly_and_quickly() {
    let base = std::fs::read_to_string(small_plan()).unwrap();
    let at = base.find("\ntasks:\n").expect("the fixture has tasks") + "\ntasks:\n".len();
    let mut text = base[..at].to_string();
    for i in 0..15_000 {
        text.push_str(&format!(
            "  - id: \"t{i}\"\n    title: \"Nhiệm vụ số {i} về chuyển đổi số của tỉnh, có nội dung dài vừa phải\"\n    indicators: [\"1.1\"]\n    lead: [\"Sở Nội vụ\"]\n    deadline: \"Quý IV/2023\"\n"
        ));
    }
    // The rest of the plan after its task list.
    let rest = &base[at..];
    let after = rest
        .find("\n")
        .map(|_| {
            rest.lines()
                .skip_while(|l| l.starts_with(' ') || l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    text.push_str(&after);
    text.push('\n');
    let dir = temp_dir("budget");
    let plan = dir.join("big.yaml");
    std::fs::write(&plan, &text).unwrap();
    let start = Instant::now();
    let out = kehoach()
        .arg("render")
        .arg(&plan)
        .arg("-o")
        .arg(dir.join("big.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("render budget"), "{}", stderr(&out));
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
    assert!(!dir.join("big.pdf").exists());
    let _ = std::fs::remove_dir_all(dir);
}

/// H3: ESC and BEL in plan values reached the terminal raw (window title, clear screen).
#[test]
fn terminal_output_escapes_control_characters() {
    for format in ["human", "concise", "github"] {
        let out = kehoach()
            .arg("lint")
            .arg(fixture("terminal-escape-in-lint-output.yaml"))
            .args(["--format", format])
            .output()
            .unwrap();
        let text = stdout(&out);
        assert!(
            text.contains("PWNED"),
            "{format}: the finding is gone\n{text}"
        );
        assert!(
            !text.contains(['\u{1b}', '\u{7}']),
            "{format}: a raw control character reached the terminal\n{text:?}"
        );
    }
}

/// Found by the `vn_parse` fuzz target (fuzz/artifacts/vn_parse/crash-ef96bdd8…): a figure
/// of 319 digits parsed as infinity, which would print "inf" in the PDF and poison sums.
/// It is not a number; neither is any figure past f64's range.
#[test]
fn fuzz_a_figure_past_f64_is_not_a_number() {
    let crash = std::fs::read_to_string(fixture("fuzz/vn_parse-number-overflows.txt")).unwrap();
    assert_eq!(kehoach::vn::number::parse(&crash), None, "{crash:?}");
    let huge = format!("1{}", "0".repeat(400));
    assert_eq!(kehoach::vn::number::parse(&huge), None);
    assert_eq!(kehoach::vn::number::parse(&format!("-{huge}")), None);
    // The largest figures plans write still parse.
    assert_eq!(kehoach::vn::number::parse("1.000"), Some(1000.0));
    assert_eq!(kehoach::vn::number::parse("226.420"), Some(226420.0));
    assert_eq!(kehoach::vn::number::parse("468,9"), Some(468.9));
}
