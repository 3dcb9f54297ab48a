//! Versioned JSON: `{"version":1,"diagnostics":[…],"summary":{…}}`. The field set is a
//! stable contract; new fields may be added, none removed or renamed.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Fragment, Options, Summary, position, pretty_at};
use crate::lint::engine::FileReport;

/// Version of the JSON output.
pub const VERSION: u32 = 1;

/// One finding, its fields in the contract's order (`null` for an unknown position).
#[derive(Serialize)]
struct Item<'a> {
    code: &'a str,
    rule: &'a str,
    level: &'a str,
    message: &'a str,
    file: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    end_line: Option<u32>,
    end_column: Option<u32>,
    path: Option<&'a str>,
    indicator: Option<&'a str>,
    help: Option<&'a str>,
}

pub fn fragment(r: &FileReport, opts: &Options) -> Fragment {
    let file = r.file.display().to_string();
    let items = r
        .diagnostics
        .iter()
        .map(|d| {
            let known = d.span.is_known();
            let (l, c, el, ec) = position(r, d);
            let n = |v: u32| known.then_some(v);
            let item = Item {
                code: d.code,
                rule: d.rule,
                level: d.level.as_str(),
                message: d.message.get(opts.lang),
                file: &file,
                line: n(l),
                column: n(c),
                end_line: n(el),
                end_column: n(ec),
                path: d.path.as_deref(),
                indicator: d.indicator.as_deref(),
                help: d.help.as_ref().map(|h| h.get(opts.lang)),
            };
            pretty_at(&item, ITEM_DEPTH)
        })
        .collect();
    Fragment {
        items,
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
