//! SARIF 2.1.0 for GitHub code scanning: rules with help text, repo-relative URIs,
//! partial fingerprints (stable when lines move), catalogue ids in the run properties.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Fragment, Options, position, pretty_at, relative};
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

/// One SARIF result, its members in the order the output has always had.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'a str,
    message: Message,
    locations: [Location<'a>; 1],
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties<'a>>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: Physical<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_locations: Option<[Logical<'a>; 1]>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Artifact<'a> {
    uri: &'a str,
    uri_base_id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

#[derive(Serialize)]
struct Logical<'a> {
    #[serde(rename = "fullyQualifiedName")]
    name: &'a str,
    kind: &'a str,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "kehoachFinding/v1")]
    finding: String,
}

#[derive(Serialize)]
struct Properties<'a> {
    indicator: &'a str,
}

fn result<'a>(
    r: &FileReport,
    d: &'a Diagnostic,
    opts: &Options,
    file_uri: &'a str,
) -> SarifResult<'a> {
    let rule_index = rules::all()
        .iter()
        .position(|x| x.meta.code == d.code)
        .unwrap_or(0);
    let region = d.span.is_known().then(|| {
        let (l, c, el, ec) = position(r, d);
        Region {
            start_line: l,
            start_column: c,
            end_line: el,
            end_column: ec.max(1),
        }
    });
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
    SarifResult {
        rule_id: d.code,
        rule_index,
        level: level(d.level),
        message: Message { text: message },
        locations: [Location {
            physical_location: Physical {
                artifact_location: Artifact {
                    uri: file_uri,
                    uri_base_id: "%SRCROOT%",
                },
                region,
            },
            logical_locations: d.path.as_deref().map(|p| {
                [Logical {
                    name: p,
                    kind: "member",
                }]
            }),
        }],
        partial_fingerprints: Fingerprints { finding: finger },
        properties: d.indicator.as_deref().map(|i| Properties { indicator: i }),
    }
}

pub fn fragment(r: &FileReport, opts: &Options) -> Fragment {
    let file_uri = uri(&relative(&opts.root, &r.file));
    Fragment {
        items: r
            .diagnostics
            .iter()
            .map(|d| pretty_at(&result(r, d, opts, &file_uri), ITEM_DEPTH))
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

/// The key of the array results are streamed into, and its items' depth.
pub const ARRAY: &str = "results";
pub const ITEM_DEPTH: usize = 4;

/// The document with no results: the writer streams them into its `results`. The ids of
/// the catalogues used go in the run properties (known at the end).
pub fn document(opts: &Options, catalogues: &[String]) -> Value {
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "kehoach",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_descriptors(opts.lang),
            }},
            "columnKind": "unicodeCodePoints",
            "results": [],
            "properties": { "catalogues": catalogues },
        }],
    })
}
