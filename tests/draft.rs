//! `kehoach new` and `kehoach next`: a new draft from the catalogue (new → fill two rows →
//! lint → render), next year's draft from a plan and results, and plan YAML written back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use kehoach::draft::next::next_plan;
use kehoach::draft::results::Results;
use kehoach::draft::yaml::to_yaml;
use kehoach::plan::{load_plan, parse_plan};
use kehoach::source::SourceFile;

fn kehoach() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kehoach"));
    c.stdin(Stdio::null());
    c
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-draft-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `kehoach lint --format json`: code → number of findings, and the findings' paths.
fn lint_codes(path: &Path) -> (BTreeMap<String, usize>, Vec<(String, String)>) {
    let out = kehoach()
        .args(["lint", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let mut counts = BTreeMap::new();
    let mut paths = Vec::new();
    for d in json["diagnostics"].as_array().unwrap() {
        let code = d["code"].as_str().unwrap().to_string();
        *counts.entry(code.clone()).or_insert(0) += 1;
        paths.push((code, d["path"].as_str().unwrap_or("").to_string()));
    }
    (counts, paths)
}

/// Fill in lead and deadline of the row `pl-CODE` in a file written by `kehoach new`.
fn fill_row(text: &str, code: &str, lead: &str, deadline: &str) -> String {
    let marker = format!("id: pl-{code}\n");
    let at = text
        .find(&marker)
        .unwrap_or_else(|| panic!("no row {code}"));
    let (head, tail) = text.split_at(at);
    let end = tail[marker.len()..]
        .find("- id:")
        .map_or(tail.len(), |e| e + marker.len());
    let (row, rest) = tail.split_at(end);
    assert!(
        row.contains("lead: []") && row.contains("deadline: \"\""),
        "{row}"
    );
    let row = row
        .replacen("lead: []", &format!("lead: [\"{lead}\"]"), 1)
        .replacen("deadline: \"\"", &format!("deadline: \"{deadline}\""), 1);
    format!("{head}{row}{rest}")
}

#[test]
fn new_then_fill_two_rows_then_lint_then_render() {
    let dir = temp_dir("new");
    let plan = dir.join("gia-lai-2025.yaml");
    let out = kehoach()
        .args(["new", "--place", "Gia Lai", "--year", "2025"])
        .arg(&plan)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(
        text.contains("issuer_name: Ủy ban nhân dân tỉnh Gia Lai"),
        "{text}"
    );
    assert!(text.contains("draft: true"));
    assert!(!text.contains("number:") && !text.contains("\n  date:"));

    // Never overwrites: a second `new` fails and leaves the file as it was.
    let again = kehoach()
        .args(["new", "--place", "Cà Mau", "--year", "2026"])
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("không ghi đè"));
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), text);

    // Without a terminal, a missing flag is an error, not a prompt.
    let missing = kehoach()
        .args(["new", "--year", "2025"])
        .arg(dir.join("x.yaml"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--place"));

    // The findings are exactly what is left to fill in: a lead and a deadline per row,
    // the signer and the recipients — and KH110, since the only bundled catalogue (922)
    // is superseded for a 2025 plan.
    let loaded = load_plan(&plan).unwrap();
    let rows = loaded.plan.tasks.len();
    let cat = kehoach::catalogue::embedded();
    let indicators = cat.walk().iter().filter(|w| w.depth > 0).count();
    assert_eq!(rows, indicators, "one row per indicator and sub-indicator");
    let (counts, _) = lint_codes(&plan);
    let expected: BTreeMap<String, usize> = [
        ("KH104", 1),
        ("KH105", 1),
        ("KH110", 1),
        ("KH301", rows),
        ("KH401", rows),
    ]
    .into_iter()
    .map(|(c, n)| (c.to_string(), n))
    .collect();
    assert_eq!(counts, expected);

    // Fill two rows: their findings go, nothing else changes.
    let filled = fill_row(&text, "1.1", "Sở Khoa học và Công nghệ", "Quý IV/2025");
    let filled = fill_row(&filled, "6.12", "Văn phòng UBND tỉnh", "Trước 30/6/2025");
    std::fs::write(&plan, filled).unwrap();
    let (counts, paths) = lint_codes(&plan);
    assert_eq!(counts["KH301"], rows - 2);
    assert_eq!(counts["KH401"], rows - 2);
    assert_eq!(counts.len(), 5, "{counts:?}");
    let reloaded = load_plan(&plan).unwrap().plan;
    for code in ["1.1", "6.12"] {
        let i = reloaded
            .tasks
            .iter()
            .position(|t| t.id.value == format!("pl-{code}"))
            .unwrap();
        assert!(
            !paths.iter().any(|(_, p)| p == &format!("tasks[{i}]") || p.starts_with(&format!("tasks[{i}].")))
        );
    }

    // And it renders.
    let pdf = dir.join("gia-lai-2025.pdf");
    let r = kehoach()
        .arg("render")
        .arg(&plan)
        .arg("-o")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("GIA LAI"), "{flat}");
    assert!(flat.contains("Sở Khoa học và Công nghệ"), "{flat}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every bundled plan, written back as YAML, reads back as the same plan (the writer
/// `new` and `next` use loses nothing).
#[test]
fn bundled_plans_round_trip_through_the_yaml_writer() {
    let mut n = 0;
    for entry in std::fs::read_dir(root().join("plans")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".yaml") || name == "kehoach.yaml" {
            continue;
        }
        let plan = load_plan(&path).unwrap().plan;
        let text = to_yaml(&plan, "# test\n", &[]).unwrap();
        let again = parse_plan(&SourceFile::new(&name, text.as_str()))
            .unwrap_or_else(|d| panic!("{name}: {:?}\n{text}", d.first().map(|d| &d.message)));
        let a = serde_json::to_value(&plan).unwrap();
        let b = serde_json::to_value(&again).unwrap();
        assert_eq!(normalise(a), normalise(b), "{name}");
        n += 1;
    }
    assert_eq!(n, 5);
}

/// Null and empty collections are the same as absent; 10 and 10.0 are the same number.
fn normalise(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| {
                    !matches!(v, Value::Null)
                        && v != &Value::Array(vec![])
                        && v != &Value::Object(Default::default())
                })
                .map(|(k, v)| (k, normalise(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(normalise).collect()),
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        other => other,
    }
}

fn gia_lai() -> kehoach::plan::Plan {
    load_plan(&root().join("plans/gia-lai-2023.yaml"))
        .unwrap()
        .plan
}

fn results(name: &str) -> Results {
    Results::load(&root().join("tests/fixtures/draft").join(name)).unwrap()
}

#[test]
fn results_yaml_and_csv_agree_and_check_clean() {
    let y = results("gia-lai-2023-results.yaml");
    let c = results("gia-lai-2023-results.csv");
    assert_eq!(y.year.value, 2023);
    assert_eq!(c.year.value, 2023);
    assert_eq!(
        y.total.as_ref().map(|t| t.value),
        c.total.as_ref().map(|t| t.value)
    );
    assert_eq!(y.scores.len(), c.scores.len());
    for (a, b) in y.scores.iter().zip(&c.scores) {
        assert_eq!(a.code.value, b.code.value);
        assert_eq!(
            a.points.as_ref().map(|p| p.value),
            b.points.as_ref().map(|p| p.value)
        );
    }
    let cat = kehoach::catalogue::embedded();
    assert!(y.check(cat, "y").is_empty(), "{:?}", y.check(cat, "y"));
    // A CSV row with a bad number and a code the catalogue lacks are located.
    let bad = SourceFile::new("bad.csv", "year,code,points\n2023,1.1,mười\n2023,1.99,3\n");
    let err = Results::from_csv(&bad).unwrap_err().to_string();
    assert!(
        err.contains("bad.csv:2:1") && err.contains("points"),
        "{err}"
    );
    let ok = SourceFile::new("b.csv", "year,code,points\n2023,1.99,3\n2023,1.1,12\n");
    let problems = Results::from_csv(&ok).unwrap().check(cat, "b.csv");
    assert!(
        problems[0].starts_with("b.csv:2:1") && problems[0].contains("1.99"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("b.csv:3:1") && problems[1].contains("0–10"),
        "{problems:?}"
    );
}

#[test]
fn results_schema_is_committed() {
    let committed = std::fs::read_to_string(root().join("plans/results.schema.json")).unwrap();
    assert_eq!(
        committed,
        Results::schema_text(),
        "regenerate with `kehoach next --results-schema > plans/results.schema.json`"
    );
    // The example results validate against it.
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/draft/gia-lai-2023-results.yaml"))
            .unwrap();
    let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    assert!(validator.is_valid(&value));
    let wrong = serde_json::json!({"year": 2023, "scores": [{"code": "1.1", "pts": 3}]});
    assert!(!validator.is_valid(&wrong));
}

#[test]
fn next_gia_lai_2023_to_2024() {
    let plan = gia_lai();
    let res = results("gia-lai-2023-results.yaml");
    let cat = kehoach::catalogue::embedded();
    let (next, report) = next_plan(cat, &plan, &res);
    let doc = &next.document;
    assert_eq!(doc.year.value, 2024);
    assert!(doc.draft && doc.number.is_none() && doc.date.is_none());
    assert!(doc.title.value.contains("năm 2024"), "{}", doc.title.value);
    // The baseline is the results.
    let b = next.baseline.as_ref().unwrap();
    assert_eq!(b.year, 2023);
    // Indices 3 and 4 have an indicator with no 2022 figure, so the constructed results
    // give them no total: six main indices.
    assert_eq!(b.indices.len(), 6);
    assert!(
        b.text.as_deref().unwrap().contains("491,8 điểm"),
        "{:?}",
        b.text
    );
    // Rows at full points left for `kept`; the others stay.
    let full: Vec<&str> = res
        .scores
        .iter()
        .filter(|s| {
            let max = cat
                .get(&s.code.value)
                .and_then(|e| e.max_points.as_ref())
                .map(|m| m.value);
            s.code.value.contains('.') && s.points.as_ref().map(|p| p.value) == max
        })
        .map(|s| s.code.value.as_str())
        .collect();
    assert!(
        full.contains(&"1.10"),
        "1.10 reaches full points in the constructed results"
    );
    for code in &full {
        assert!(
            next.kept.iter().any(|k| k.code.value == *code),
            "{code} kept"
        );
        assert!(!next.tasks.iter().any(|t| {
            t.indicators.iter().any(|c| c.value == *code)
                && t.indicators
                    .iter()
                    .all(|c| full.contains(&c.value.as_str()))
        }));
    }
    assert!(
        next.tasks.iter().any(|t| t.id.value == "pl-1.4"),
        "1.4 at 0 points stays"
    );
    assert!(report.kept > 0);
    // Free text and the outline stay as written.
    assert_eq!(next.closing, plan.closing);
    assert_eq!(next.sections.len(), plan.sections.len());
    assert_eq!(next.purposes, plan.purposes);
    // The draft loads and lints: nothing uncovered that was covered before.
    let text = to_yaml(&next, "", &[]).unwrap();
    let source = SourceFile::new("gia-lai-2024.yaml", text.as_str());
    let again = parse_plan(&source).unwrap();
    assert_eq!(again.tasks.len(), next.tasks.len());
    let md = report.to_markdown();
    assert!(md.contains("2023 → 2024"), "{md}");
}

#[test]
fn next_moves_deadlines_that_ran_out_and_clears_done_rows() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/draft/next-small.yaml")).unwrap();
    let plan = parse_plan(&SourceFile::new("next-small.yaml", text.as_str())).unwrap();
    let res = Results::from_yaml(&SourceFile::new(
        "r.yaml",
        "year: 2023\nscores:\n  - code: \"1.1\"\n    points: 10\n  - code: \"1.2\"\n    points: 5\n  - code: \"1.3\"\n    points: 0\n  - code: \"1.4\"\n    points: 2\n",
    ))
    .unwrap();
    let (next, report) = next_plan(kehoach::catalogue::embedded(), &plan, &res);
    let deadline = |id: &str| {
        next.tasks
            .iter()
            .find(|t| t.id.value == id)
            .and_then(|t| t.deadline.as_ref())
            .map(|d| d.value.clone())
    };
    assert!(
        next.tasks.iter().all(|t| t.id.value != "r-1.1"),
        "1.1 at full points is kept"
    );
    assert_eq!(deadline("r-1.2").as_deref(), Some("Quý IV/2024"));
    assert_eq!(deadline("r-1.3").as_deref(), Some("Trước 30/6/2024"));
    assert_eq!(
        deadline("r-1.4").as_deref(),
        Some(""),
        "«Đã hoàn thành» but 2/10: cleared"
    );
    assert_eq!(
        deadline("r-2").as_deref(),
        Some("Quý II năm 2025"),
        "a later deadline stays"
    );
    assert_eq!(report.moved, 2);
    assert_eq!(report.cleared, 1);
    assert_eq!(report.kept, 1);
}

#[test]
fn next_cli_writes_the_draft_and_never_overwrites() {
    let dir = temp_dir("next");
    let plan = dir.join("gia-lai-2023.yaml");
    std::fs::copy(root().join("plans/gia-lai-2023.yaml"), &plan).unwrap();
    let run = || {
        kehoach()
            .arg("next")
            .arg(&plan)
            .arg("--results")
            .arg(root().join("tests/fixtures/draft/gia-lai-2023-results.csv"))
            .output()
            .unwrap()
    };
    let out = run();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let draft = dir.join("gia-lai-2024.yaml");
    let first = std::fs::read(&draft).unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("2023 → 2024"));
    let again = run();
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read(&draft).unwrap(), first);
    let (counts, _) = lint_codes(&draft);
    let (before, _) = lint_codes(&plan);
    assert!(
        counts.get("KH201").copied().unwrap_or(0) <= before.get("KH201").copied().unwrap_or(0),
        "{counts:?} vs {before:?}"
    );
    assert!(!counts.contains_key("KH101") && !counts.contains_key("KH102"));
    let _ = std::fs::remove_dir_all(&dir);
}
