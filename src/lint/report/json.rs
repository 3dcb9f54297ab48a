//! Versioned JSON: `{"version":1,"diagnostics":[…],"summary":{…}}`. The field set is a
//! stable contract; new fields may be added, none removed or renamed.

use serde_json::{Value, json};

use super::{Fragment, Options, Summary, position};
use crate::lint::engine::FileReport;

/// Version of the JSON output.
pub const VERSION: u32 = 1;

pub fn fragment(r: &FileReport, opts: &Options) -> Fragment {
    let values = r
        .diagnostics
        .iter()
        .map(|d| {
            let known = d.span.is_known();
            let (l, c, el, ec) = position(r, d);
            let n = |v: u32| if known { json!(v) } else { Value::Null };
            json!({
                "code": d.code,
                "rule": d.rule,
                "level": d.level.as_str(),
                "message": d.message.get(opts.lang),
                "file": r.file.display().to_string(),
                "line": n(l),
                "column": n(c),
                "end_line": n(el),
                "end_column": n(ec),
                "path": d.path,
                "indicator": d.indicator,
                "help": d.help.as_ref().map(|h| h.get(opts.lang)),
            })
        })
        .collect();
    Fragment {
        values,
        ..Fragment::default()
    }
}

pub fn finish(parts: Vec<Fragment>, summary: &Summary) -> String {
    let diags: Vec<Value> = parts.into_iter().flat_map(|p| p.values).collect();
    let doc = json!({
        "version": VERSION,
        "diagnostics": diags,
        "summary": summary,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
