//! Every bundled plan loads (the detailed counts live in tests/plans.rs).

use std::path::Path;

#[test]
fn every_bundled_plan_loads() {
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml")
            || path.file_name().is_some_and(|n| n == "kehoach.yaml")
        {
            continue;
        }
        n += 1;
        if let Err(e) = kehoach::plan::load_plan(&path) {
            match e {
                kehoach::plan::LoadError::Invalid { diagnostics, .. } => {
                    for d in diagnostics {
                        failures.push(format!(
                            "{}:{}:{}: {} {}",
                            path.display(),
                            d.span.line,
                            d.span.column,
                            d.code,
                            d.message.en
                        ));
                    }
                }
                other => failures.push(other.to_string()),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!("{n} plan(s) loaded");
}
