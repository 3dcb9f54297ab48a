//! Catalogue loading, validation and `kehoach catalogue`: a broken catalogue is rejected
//! with every problem located; a second catalogue version (2025 style) loads with no code
//! change; the CLI lists, shows and checks.

use std::path::Path;
use std::process::Command;

use kehoach::catalogue::{self, CatalogueError, Scoring};
use kehoach::source::SourceFile;
use miette::{GraphicalReportHandler, GraphicalTheme};

const MINI: &str = "tests/fixtures/catalogue/mini-2025.yaml";
const BROKEN: &str = "tests/fixtures/catalogue/broken.yaml";

/// Read a fixture under a repo-relative name, so reports do not depend on the checkout.
fn fixture(rel: &str) -> SourceFile {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let text = std::fs::read_to_string(&full).expect("fixture is readable");
    SourceFile::new(rel, text)
}

fn render(err: &CatalogueError) -> String {
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, err)
        .expect("report renders");
    out
}

#[test]
fn broken_catalogue_is_rejected_with_every_problem_located() {
    let err = catalogue::parse(&fixture(BROKEN)).expect_err("broken catalogue must be rejected");
    let problems = err.problems();
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(problems.len(), 7, "{messages:#?}");
    assert!(messages.iter().any(|m| m.contains("\"1.1\" bị trùng")));
    assert!(messages.iter().any(|m| m.contains("cộng lại được 90")));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("\"3.4\" nằm dưới \"2\""))
    );
    assert!(messages.iter().any(|m| m.contains("chưa khai báo: b")));
    assert!(messages.iter().any(|m| m.contains("0,9 thay vì 1")));
    assert!(messages.iter().any(|m| m.contains("fraction 1.5")));
    assert!(messages.iter().any(|m| m.contains("total_points là 300")));
    assert!(
        problems.iter().all(|p| !p.labels.is_empty()),
        "every problem is located"
    );
    insta::assert_snapshot!("broken_catalogue_report", render(&err));
}

#[test]
fn yaml_errors_are_located() {
    let src = SourceFile::new(
        "bad.yaml",
        "id: x\ntitle: t\ndecision: {number: n, date: d, issuer: i}\nlevel: provincial\ntotal_points: 10\nindices:\n  - code: \"1\"\n    nme: Sai khóa\n",
    );
    let err = catalogue::parse(&src).expect_err("unknown key");
    match &err {
        CatalogueError::Yaml { span, message, .. } => {
            assert!(message.contains("nme"), "{message}");
            let span = span.expect("located");
            assert_eq!(&src.text[span.offset()..span.offset() + 3], "nme");
        }
        other => panic!("expected a YAML error, got {other:?}"),
    }
}

#[test]
fn second_catalogue_version_loads_with_no_code_change() {
    let cat = catalogue::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(MINI))
        .expect("mini 2025 catalogue is valid");
    assert_eq!(cat.id.as_str(), "dti-405-2025-mini");
    assert_eq!(cat.decision.number, "405/QĐ-BKHCN");
    assert_eq!(cat.total_points.value, 400.0);
    assert_eq!(cat.codes().len(), 15);
    let leaves: Vec<&str> = cat
        .scored_leaves()
        .iter()
        .map(|e| e.code.as_str())
        .collect();
    assert_eq!(
        leaves,
        [
            "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1.1", "3.1.2", "3.2"
        ]
    );
    assert_eq!(
        cat.main_index_of("3.1.2").map(|e| e.name.as_str()),
        Some("Xã hội số")
    );
    assert_eq!(cat.parent_code("3.1.2"), Some("3.1"));
    assert_eq!(cat.parent_code("3"), None);
    assert_eq!(cat.get("2.1").and_then(|e| e.max()), Some(60.0));
    assert!(cat.get("2.9").is_none());
    assert_eq!(cat.nearest_codes("2.9", 3), ["2.1", "2.2", "2.3"]);
    assert_eq!(cat.nearest_codes("3.1.3", 2), ["3.1.1", "3.1.2"]);
    let walk = cat.walk();
    assert_eq!(walk[0].parent, None);
    assert_eq!(
        (
            walk[10].entry.code.as_str(),
            walk[10].parent,
            walk[10].depth
        ),
        ("3.1.1", Some("3.1"), 2)
    );
    assert!(matches!(
        cat.get("2.1").and_then(|e| e.scoring.clone()),
        Some(Scoring::RatioThreshold { threshold, .. }) if threshold == 0.8
    ));
    // Index 4 carries no points, like index 9 in 922/QĐ-BTTTT.
    assert_eq!(cat.get("4").and_then(|e| e.max()), None);
}

#[test]
fn embedded_catalogue_is_valid_and_resolves_by_id() {
    let cat = catalogue::embedded();
    assert_eq!(cat.id.as_str(), "dti-922-2022");
    let resolved = catalogue::resolve("dti-922-2022", None).expect("embedded id");
    assert!(matches!(resolved, std::borrow::Cow::Borrowed(_)));
    let err = catalogue::resolve("dti-405-2025", None).expect_err("not embedded");
    assert!(err.to_string().contains("dti-922-2022"), "{err}");
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(MINI);
    let other = catalogue::resolve("dti-405-2025-mini", Some(&file)).expect("file");
    assert_eq!(other.id.as_str(), "dti-405-2025-mini");
}

fn kehoach(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("kehoach runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_list_json_keeps_its_contract() {
    let (code, out, err) = kehoach(&["catalogue", "list", "--format", "json", "--catalogue", MINI]);
    assert_eq!(code, 0, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let rows = rows.as_array().expect("an array");
    assert_eq!(rows.len(), 15);
    for r in rows {
        for key in ["code", "parent", "name", "max_points", "scoring"] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
        assert!(r["scoring"]["kind"].is_string(), "{r}");
    }
    assert_eq!(rows[0]["parent"], serde_json::Value::Null);
    assert_eq!(rows[0]["scoring"]["kind"], "sum_of_children");
    let r21 = rows.iter().find(|r| r["code"] == "2.1").expect("2.1");
    assert_eq!(r21["parent"], "2");
    assert_eq!(r21["max_points"], 60.0);
    assert_eq!(
        r21["scoring"],
        serde_json::json!({"kind": "ratio_threshold", "of": "a/b", "threshold": 0.8})
    );
    let r41 = rows.iter().find(|r| r["code"] == "4.1").expect("4.1");
    assert_eq!(r41["max_points"], serde_json::Value::Null);

    // The embedded catalogue honours the same contract.
    let (code, out, err) = kehoach(&["catalogue", "list", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(
        rows.as_array()
            .is_some_and(|a| a.iter().all(|r| r["scoring"]["kind"].is_string()))
    );
}

#[test]
fn cli_show_explains_in_vietnamese() {
    let (code, out, err) = kehoach(&["catalogue", "show", "2.1", "--catalogue", MINI]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("show_2_1", out);
    let (code, out, _) = kehoach(&["catalogue", "show", "3.1", "--catalogue", MINI]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Chỉ số con:\n  3.1.1 Tài khoản định danh điện tử và chữ ký số (20 điểm)"),
        "{out}"
    );
    let (code, _, err) = kehoach(&["catalogue", "show", "2.9", "--catalogue", MINI]);
    assert_eq!(code, 2);
    assert!(
        err.contains("có phải (did you mean): 2.1, 2.2, 2.3?"),
        "{err}"
    );
}

#[test]
fn cli_check_exit_codes() {
    let (code, out, _) = kehoach(&["catalogue", "check", MINI]);
    assert_eq!(code, 0);
    assert!(
        out.contains("hợp lệ (valid): dti-405-2025-mini — 15 mục, tổng 400 điểm"),
        "{out}"
    );
    let (code, _, err) = kehoach(&["catalogue", "check", BROKEN]);
    assert_eq!(code, 1);
    assert!(
        err.contains("7 lỗi") && err.contains("broken.yaml:10:17"),
        "{err}"
    );
    let (code, _, err) = kehoach(&["catalogue", "check", "tests/fixtures/catalogue/absent.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("absent.yaml"), "{err}");
}
