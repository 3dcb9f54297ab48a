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

/// The key of the array findings are streamed into, and its items' depth.
pub const ARRAY: &str = "diagnostics";
pub const ITEM_DEPTH: usize = 2;

/// The document with no findings: the writer streams them into its `diagnostics`.
pub fn document(summary: &Summary) -> Value {
    json!({
        "version": VERSION,
        "diagnostics": [],
        "summary": summary,
    })
}
