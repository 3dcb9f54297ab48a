//! SARIF 2.1.0 for GitHub code scanning: rules with help text, repo-relative URIs,
//! partial fingerprints (stable when lines move), catalogue ids in the run properties.

use serde_json::{Value, json};

use super::{Fragment, Options, position, relative};
use crate::diagnostic::{Diagnostic, Lang, Level};
use crate::lint::engine::FileReport;
use crate::lint::rules;

/// The SARIF schema the output follows.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// FNV-1a, 64 bits: a fingerprint that does not change between runs or Rust versions.
fn fnv(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Percent-encode what a URI reference cannot hold (spaces, non-ASCII).
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn result(r: &FileReport, d: &Diagnostic, opts: &Options, file_uri: &str) -> Value {
    let rule_index = rules::all()
        .iter()
        .position(|x| x.meta.code == d.code)
        .unwrap_or(0);
    let mut physical = json!({
        "artifactLocation": { "uri": file_uri, "uriBaseId": "%SRCROOT%" },
    });
    if d.span.is_known() {
        let (l, c, el, ec) = position(r, d);
        physical["region"] = json!({
            "startLine": l, "startColumn": c, "endLine": el, "endColumn": ec.max(1),
        });
    }
    let mut message = d.message.get(opts.lang).to_string();
    if let Some(h) = &d.help {
        message.push_str(" — ");
        message.push_str(h.get(opts.lang));
    }
    let finger = fnv(&format!(
        "{}|{}|{}|{}",
        d.code,
        file_uri,
        d.path.as_deref().unwrap_or(""),
        d.message.en
    ));
    let mut location = json!({ "physicalLocation": physical });
    if let Some(p) = &d.path {
        location["logicalLocations"] = json!([{ "fullyQualifiedName": p, "kind": "member" }]);
    }
    let mut res = json!({
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": level(d.level),
        "message": { "text": message },
        "locations": [location],
        "partialFingerprints": { "kehoachFinding/v1": finger },
    });
    if let Some(i) = &d.indicator {
        res["properties"] = json!({ "indicator": i });
    }
    res
}

pub fn fragment(r: &FileReport, opts: &Options) -> Fragment {
    let file_uri = uri(&relative(&opts.root, &r.file));
    Fragment {
        values: r
            .diagnostics
            .iter()
            .map(|d| result(r, d, opts, &file_uri))
            .collect(),
        ..Fragment::default()
    }
}

fn rule_descriptors(lang: Lang) -> Vec<Value> {
    rules::all()
        .iter()
        .map(|r| {
            let m = &r.meta;
            let e = &m.explanation;
            let help_text = format!(
                "{}\n\n{}:\n{}\n{}:\n{}",
                e.why.get(lang),
                if lang == Lang::Vi { "Sai" } else { "Bad" },
                e.bad,
                if lang == Lang::Vi { "Đúng" } else { "Good" },
                e.good
            );
            let help_md = format!(
                "{}\n\n**{}**\n```yaml\n{}```\n**{}**\n```yaml\n{}```",
                e.why.get(lang),
                if lang == Lang::Vi { "Sai" } else { "Bad" },
                e.bad,
                if lang == Lang::Vi { "Đúng" } else { "Good" },
                e.good
            );
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary.get(lang) },
                "fullDescription": { "text": e.why.get(lang) },
                "help": { "text": help_text, "markdown": help_md },
                "defaultConfiguration": { "level": level(m.level) },
                "properties": { "tags": [m.band()] },
            })
        })
        .collect()
}

pub fn finish(parts: Vec<Fragment>, opts: &Options) -> String {
    let results: Vec<Value> = parts.into_iter().flat_map(|p| p.values).collect();
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "kehoach",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_descriptors(opts.lang),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": { "catalogues": opts.catalogues },
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
