//! `kehoach schema` is up to date in plans/plan.schema.json, and an independent JSON Schema
//! validator accepts every bundled plan (and refuses a broken one).

use std::path::Path;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema_from_cli() -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(root().join("plans/plan.schema.json")).unwrap();
    assert!(
        committed == schema_from_cli(),
        "plans/plan.schema.json is stale: run `cargo run -- schema > plans/plan.schema.json`"
    );
}

fn yaml_as_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_saphyr::from_str::<Value>(&text).unwrap()
}

#[test]
fn schema_validates_every_bundled_plan() {
    let schema: Value = serde_json::from_str(&schema_from_cli()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut n = 0;
    let mut paths: Vec<_> = std::fs::read_dir(root().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .filter(|p| p.file_name().is_some_and(|n| n != "kehoach.yaml"))
        .collect();
    paths.push(root().join("tests/fixtures/loader/minimal.yaml"));
    for path in paths {
        let errors: Vec<String> = validator
            .iter_errors(&yaml_as_json(&path))
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        n += 1;
    }
    assert!(n >= 1);
}

#[test]
fn schema_refuses_a_broken_plan() {
    let schema: Value = serde_json::from_str(&schema_from_cli()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let broken = yaml_as_json(&root().join("tests/fixtures/loader/unknown-key.yaml"));
    assert!(!validator.is_valid(&broken));
}
