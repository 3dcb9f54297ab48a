//! The plan loader: every malformed input is a located finding (all of them at once),
//! budgets refuse hostile input quickly, and the published schema accepts the plans.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kehoach::diagnostic::Diagnostic;
use kehoach::plan::{LoadError, load_plan, parse_plan};
use kehoach::source::SourceFile;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/loader")
        .join(name)
}

/// A stable text form of diagnostics for snapshots: both languages, location, path, help.
fn render(ds: &[Diagnostic]) -> String {
    let mut s = String::new();
    for d in ds {
        let name = d.file.file_name().map(|n| n.to_string_lossy().into_owned());
        writeln!(
            s,
            "{}:{}:{} {} {} [{}] {}",
            name.unwrap_or_default(),
            d.span.line,
            d.span.column,
            d.code,
            d.rule,
            d.path.as_deref().unwrap_or("-"),
            d.message.en
        )
        .unwrap();
        writeln!(s, "  vi: {}", d.message.vi).unwrap();
        if let Some(h) = &d.help {
            writeln!(s, "  help: {} / {}", h.en, h.vi).unwrap();
        }
    }
    s
}

fn diagnostics_of(name: &str) -> Vec<Diagnostic> {
    match load_plan(&fixture(name)) {
        Ok(_) => panic!("{name} should not load"),
        Err(LoadError::Invalid { diagnostics, .. }) => diagnostics,
        Err(e) => panic!("{name}: unexpected error {e}"),
    }
}

#[test]
fn minimal_plan_loads_with_spans() {
    let p = load_plan(&fixture("minimal.yaml")).unwrap();
    assert_eq!(p.plan.document.title.span.line, 10);
    let lead = &p.plan.tasks[0].lead[0];
    assert_eq!(lead.value, "Sở Thông tin và Truyền thông");
    assert_eq!((lead.span.line, lead.span.column), (16, 12));
    assert_eq!(
        &p.source.text[lead.span.offset..lead.span.offset + lead.span.len],
        "Sở Thông tin và Truyền thông"
    );
}

#[test]
fn syntax_error_is_located() {
    let ds = diagnostics_of("syntax.yaml");
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].code, "KH001");
    insta::assert_snapshot!("syntax", render(&ds));
}

#[test]
fn wrong_types_are_all_reported() {
    let ds = diagnostics_of("wrong-type.yaml");
    assert!(ds.len() >= 5, "{}", render(&ds));
    assert!(ds.iter().all(|d| d.code == "KH002"));
    insta::assert_snapshot!("wrong_type", render(&ds));
}

#[test]
fn unknown_keys_get_suggestions() {
    let ds = diagnostics_of("unknown-key.yaml");
    let text = render(&ds);
    assert!(text.contains("did you mean `title`?"), "{text}");
    assert!(text.contains("did you mean `lead`?"), "{text}");
    assert!(text.contains("did you mean `deadline`?"), "{text}");
    insta::assert_snapshot!("unknown_key", text);
}

#[test]
fn missing_keys_are_all_reported() {
    let ds = diagnostics_of("missing-field.yaml");
    let text = render(&ds);
    for key in ["`symbol`", "`title`", "`id`"] {
        assert!(text.contains(key), "{key} not reported:\n{text}");
    }
    insta::assert_snapshot!("missing_field", text);
}

#[test]
fn alias_bomb_is_refused_quickly() {
    let start = Instant::now();
    let ds = diagnostics_of("alias-bomb.yaml");
    assert!(start.elapsed() < Duration::from_secs(2));
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].code, "KH005", "{}", render(&ds));
    insta::assert_snapshot!("alias_bomb", render(&ds));
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let dir = std::env::temp_dir().join(format!("kehoach-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.yaml");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap(); // a sparse 50 MB file
    let start = Instant::now();
    let err = load_plan(&path).unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(1));
    std::fs::remove_dir_all(&dir).unwrap();
    let LoadError::Invalid { diagnostics, .. } = err else {
        panic!("expected a finding")
    };
    assert_eq!(diagnostics[0].code, "KH005");
    insta::assert_snapshot!("oversized", render(&diagnostics));
}

#[test]
fn deep_nesting_is_refused() {
    let depth = 10_000;
    let text = format!("catalogue: {}{}", "[".repeat(depth), "]".repeat(depth));
    let start = Instant::now();
    let ds = parse_plan(&SourceFile::new("deep.yaml", text)).unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(2));
    assert_eq!(ds[0].code, "KH005", "{}", render(&ds));
}

#[test]
fn not_utf8_is_a_finding() {
    let dir = std::env::temp_dir().join(format!("kehoach-latin1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.yaml");
    std::fs::write(&path, b"catalogue: dti\ntitle: Ti\xe8n\n").unwrap();
    let err = load_plan(&path).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    let LoadError::Invalid { diagnostics, .. } = err else {
        panic!("expected a finding")
    };
    assert_eq!(
        (diagnostics[0].span.line, diagnostics[0].code),
        (2, "KH001")
    );
}

#[test]
fn missing_file_is_an_io_error_naming_it() {
    let err = load_plan(Path::new("no/such/plan.yaml")).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(err.to_string().contains("no/such/plan.yaml"));
}
