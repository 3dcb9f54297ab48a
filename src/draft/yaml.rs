//! A plan model written back as plan YAML: the keys in the model's order, nothing for
//! absent values, block scalars for text, and a text that reads back as the same plan.

use serde_json::Value;

use crate::plan::Plan;

/// Keys written even when empty, so the author sees where to fill them in (`lead: []`).
pub type KeepEmpty = &'static [&'static str];

/// Why a plan could not be written as YAML (a bug: every model value is representable).
#[derive(Debug, thiserror::Error)]
#[error("không ghi được kế hoạch thành YAML (cannot write the plan as YAML): {0}")]
pub struct YamlError(String);

/// The plan as YAML text, after `header` (comment lines, each starting with `#`).
/// Absent values, empty lists and empty maps are left out except under the keys in
/// `keep_empty`; whole numbers are written without a decimal point.
pub fn to_yaml(plan: &Plan, header: &str, keep_empty: KeepEmpty) -> Result<String, YamlError> {
    let mut value = serde_json::to_value(plan).map_err(|e| YamlError(e.to_string()))?;
    tidy(&mut value, keep_empty);
    let options = serde_saphyr::ser_options! {
        indent_step: 2,
        compact_list_indent: false,
    };
    let body = serde_saphyr::to_string_with_options(&value, options)
        .map_err(|e| YamlError(e.to_string()))?;
    let mut out = String::with_capacity(header.len() + body.len() + 1);
    out.push_str(header);
    out.push_str(&body);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Drop nulls and empty collections (except `keep`), turn whole floats into integers.
fn tidy(v: &mut Value, keep: KeepEmpty) {
    match v {
        Value::Object(map) => {
            for (_, child) in map.iter_mut() {
                tidy(child, keep);
            }
            map.retain(|k, child| match child {
                Value::Null => false,
                Value::Array(a) => !a.is_empty() || keep.contains(&k.as_str()),
                Value::Object(o) => !o.is_empty() || keep.contains(&k.as_str()),
                _ => true,
            });
        }
        Value::Array(items) => items.iter_mut().for_each(|c| tidy(c, keep)),
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| !n.is_i64() && !n.is_u64()) {
                if f.fract() == 0.0 && f.abs() < 1e15 {
                    *v = Value::from(f as i64);
                }
            }
        }
        _ => {}
    }
}
