//! The crate's module graph has no import cycle (house rule 13). Read from the sources:
//! every `crate::…`, `super::…` and `self::…` path in `src/` (in `use` trees and in code,
//! comments and string literals stripped, `#[cfg(test)]` modules left out) is an edge from
//! the file's module to the deepest module the path names. Edges to the module's own
//! ancestors (a child using what its parent re-exports) and to its descendants are not
//! dependencies between parts and are left out. A strongly connected component of more
//! than one module is a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Cycles known and being removed by the reliability work (#13/#14, engineer reliab):
/// this list must only shrink. A cycle not listed fails the test, and so does a listed
/// one that is gone (remove it here).
/// (reliab broke `plan::check ↔ plan::load` and `source → yaml::de → yaml::tree → source`
/// in 78525f0; the lead broke `cli::catalogue ↔ cli::catalogue_table` (one `to_stdout` in
/// `cli::write`) and `lint::catindex ↔ lint::named` (the name index is built from (code,
/// name) pairs); none is left.)
const KNOWN: &[&[&str]] = &[];

/// Module path of a source file: `src/lint/mod.rs` → `lint`, `src/lint/context.rs` →
/// `lint::context`, `src/lib.rs` → `` (the crate root).
fn module_of(rel: &Path) -> String {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The text with comments, string and char literals blanked, up to the first
/// `#[cfg(test)]`.
fn code_only(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            let end = rest.find('\n').map_or(b.len(), |n| i + n);
            i = end;
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(b.len(), |n| i + n + 2);
            i = end;
        } else if rest.starts_with("r#\"") || rest.starts_with("r\"") || rest.starts_with("br\"") {
            let start = rest.find('"').unwrap();
            let hashes = rest[..start].matches('#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let end = rest[start + 1..]
                .find(&close)
                .map_or(b.len(), |n| i + start + 1 + n + close.len());
            out.push_str("\"\"");
            i = end;
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i = (j + 1).min(b.len());
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '\''), not a lifetime ('a).
            let lit = rest
                .char_indices()
                .skip(1)
                .take(12)
                .find(|&(k, c)| c == '\'' && (k > 2 || !rest[1..k].starts_with('\\')))
                .map(|(k, _)| k);
            match lit {
                Some(k) if !rest[1..k].contains(['\n', ' ']) || k == 2 => {
                    out.push_str("' '");
                    i += k + 1;
                }
                _ => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Expand a `use` tree (`a::{b, c::{d, e}}`) into its paths.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let t = tree.split(" as ").next().unwrap_or("").trim();
        return vec![t.to_string()];
    };
    let prefix = tree[..open].trim_end_matches("::").trim();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (k, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| match (prefix.is_empty(), p.as_str()) {
            (true, _) => p,
            (false, "self") => prefix.to_string(),
            (false, _) => format!("{prefix}::{p}"),
        })
        .collect()
}

/// Every module path a file's code names, as written (`crate::a::b`, `super::x`).
fn paths_in(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    // `use` trees, braces included.
    let mut rest = code;
    while let Some(k) = rest.find("use ") {
        let before = rest[..k].chars().last();
        let after = &rest[k + 4..];
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(end) = after.find(';') {
            out.extend(expand(&after[..end]));
        }
    }
    // Paths in code.
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(k) = code[from..].find(start) {
            let at = from + k;
            from = at + start.len();
            if at > 0
                && (bytes[at - 1].is_ascii_alphanumeric()
                    || bytes[at - 1] == b'_'
                    || bytes[at - 1] == b':')
            {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |n| at + n);
            out.push(code[at..end].trim_end_matches(':').to_string());
        }
    }
    out
}

/// What a module re-exports: name → the path it stands for, as written there.
type Reexports = BTreeMap<String, BTreeMap<String, String>>;

/// The `pub use` items of a file's code: name → path (a path relative to the module,
/// `context::Context`, is made `self::context::Context`).
fn pub_uses(code: &str, children: &BTreeSet<String>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = code;
    while let Some(k) = rest
        .find("pub use ")
        .or_else(|| rest.find("pub(crate) use "))
    {
        let after = &rest[k..];
        let after = &after[after.find("use ").unwrap() + 4..];
        rest = after;
        let Some(end) = after.find(';') else { break };
        for path in expand(&after[..end]) {
            let first = path.split("::").next().unwrap_or("");
            let path = if children.contains(first) {
                format!("self::{path}")
            } else {
                path
            };
            if let Some(name) = path.rsplit("::").next() {
                out.insert(name.to_string(), path.clone());
            }
        }
    }
    out
}

/// The module a path names, from module `me`: the deepest existing module on it, or
/// where that module's re-export of the next name leads.
fn resolve(
    me: &str,
    path: &str,
    modules: &BTreeSet<String>,
    reexports: &Reexports,
) -> Option<String> {
    resolve_in(me, path, modules, reexports, 0)
}

fn resolve_in(
    me: &str,
    path: &str,
    modules: &BTreeSet<String>,
    reexports: &Reexports,
    hops: u32,
) -> Option<String> {
    let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<&str> = if me.is_empty() {
        Vec::new()
    } else {
        me.split("::").collect()
    };
    match segs.first().copied() {
        Some("crate") => {
            base.clear();
            segs.remove(0);
        }
        Some("super") => {
            // In module `a::b` (a/b.rs or a/b/mod.rs), `super` is `a`.
            while segs.first() == Some(&"super") {
                base.pop()?;
                segs.remove(0);
            }
        }
        Some("self") => {
            segs.remove(0);
        }
        _ => return None,
    }
    let mut cur = base.join("::");
    let mut best = cur.clone();
    let mut next = None;
    for s in segs {
        cur = if cur.is_empty() {
            s.to_string()
        } else {
            format!("{cur}::{s}")
        };
        if modules.contains(&cur) {
            best = cur.clone();
        } else {
            next = Some(s);
            break;
        }
    }
    if let Some(via) = next.and_then(|n| reexports.get(&best)?.get(n)) {
        if hops < 8 {
            if let Some(to) = resolve_in(&best, via, modules, reexports, hops + 1) {
                return Some(to);
            }
        }
    }
    Some(best)
}

fn related(a: &str, b: &str) -> bool {
    let anc = |x: &str, y: &str| x.is_empty() || y.starts_with(&format!("{x}::"));
    a == b || anc(a, b) || anc(b, a)
}

/// The module graph of `src/`: module → the modules it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new("src");
    let mut list = Vec::new();
    files(root, &mut list);
    let modules: BTreeSet<String> = list
        .iter()
        .map(|p| module_of(p.strip_prefix(root).unwrap()))
        .collect();
    let codes: Vec<(String, String, bool)> = list
        .iter()
        .filter(|p| p.strip_prefix(root).unwrap() != Path::new("main.rs")) // the binary
        .map(|p| {
            let me = module_of(p.strip_prefix(root).unwrap());
            (me, code_only(&std::fs::read_to_string(p).unwrap()), true)
        })
        .collect();
    let mut reexports: Reexports = BTreeMap::new();
    for (me, code, _) in &codes {
        let prefix = if me.is_empty() {
            String::new()
        } else {
            format!("{me}::")
        };
        let children: BTreeSet<String> = modules
            .iter()
            .filter_map(|m| {
                m.strip_prefix(&prefix)
                    .filter(|r| !r.contains("::") && !r.is_empty())
            })
            .map(str::to_string)
            .collect();
        reexports.insert(me.clone(), pub_uses(code, &children));
    }
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (me, code, _) in &codes {
        let entry = g.entry(me.clone()).or_default();
        for path in paths_in(code) {
            if let Some(to) = resolve(me, &path, &modules, &reexports) {
                if !related(me, &to) {
                    entry.insert(to);
                }
            }
        }
    }
    g
}

/// Strongly connected components of more than one module (Tarjan).
fn cycles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        g: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        n: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        t.index.insert(v, t.n);
        t.low.insert(v, t.n);
        t.n += 1;
        t.stack.push(v);
        t.on.insert(v);
        if let Some(next) = t.g.get(v) {
            for w in next {
                let w = w.as_str();
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let lw = t.low[w];
                    let lv = t.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if t.on.contains(w) {
                    let iw = t.index[w];
                    let lv = t.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            loop {
                let w = t.stack.pop().unwrap();
                t.on.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        n: 0,
        out: Vec::new(),
    };
    for v in g.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out.sort();
    t.out
}

/// The edges inside a component, to show where the cycle runs.
fn edges_within(g: &BTreeMap<String, BTreeSet<String>>, comp: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for a in comp {
        for b in g.get(a).into_iter().flatten() {
            if comp.contains(b) {
                out.push(format!("{a} → {b}"));
            }
        }
    }
    out
}

#[test]
fn the_module_graph_has_no_cycle_but_the_known_shrinking_ones() {
    let g = graph();
    assert!(
        g.len() > 50,
        "read {} modules from src/: is the test run from the crate root?",
        g.len()
    );
    let found = cycles(&g);
    let known: Vec<Vec<String>> = KNOWN
        .iter()
        .map(|c| c.iter().map(|s| s.to_string()).collect())
        .collect();
    let mut problems = Vec::new();
    for c in &found {
        if !known.contains(c) {
            problems.push(format!(
                "import cycle among {}: {}",
                c.join(", "),
                edges_within(&g, c).join(", ")
            ));
        }
    }
    for k in &known {
        if !found.contains(k) {
            problems.push(format!(
                "the known cycle {} is gone: remove it from KNOWN in tests/module_graph.rs",
                k.join(", ")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_reader_of_the_module_graph_sees_paths_and_cycles() {
    let code = code_only(
        "use crate::a::{b::{self, C}, d as e};\n// use crate::z;\nlet s = \"crate::y\";\nfn f() { super::x::g(); let c = '\"'; }\n",
    );
    let mut p = paths_in(&code);
    p.sort();
    assert_eq!(
        p,
        [
            "crate::a",
            "crate::a::b",
            "crate::a::b::C",
            "crate::a::d",
            "super::x::g"
        ]
    );
    let modules: BTreeSet<String> = ["a", "a::b", "x", "q", "q::r"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut re: Reexports = BTreeMap::new();
    re.entry("q".into())
        .or_default()
        .insert("R".into(), "self::r::R".into());
    assert_eq!(
        resolve("q::r", "super::super::x::g", &modules, &re).as_deref(),
        Some("x")
    );
    assert_eq!(
        resolve("x", "crate::a::b::C", &modules, &re).as_deref(),
        Some("a::b")
    );
    assert_eq!(
        resolve("x", "crate::q::R", &modules, &re).as_deref(),
        Some("q::r")
    );
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    g.entry("c".into()).or_default().insert("a".into());
    g.entry("d".into()).or_default().insert("a".into());
    assert_eq!(cycles(&g), [["a", "b", "c"]]);
}
