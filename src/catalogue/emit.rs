//! Writing an imported catalogue as YAML in the layout of `lints/dti-922-2022.yaml`: every
//! string double-quoted (or a `|` block for multi-line text), keys in the model's order,
//! so the output reads back as the same catalogue and is byte-identical for the same
//! input. What a table holds is written (codes, names, points, groups, pillars, method and
//! evidence text); inputs and scoring rules, which no appendix table carries, are not.

use std::fmt::Write;

use super::model::{Catalogue, Entry, Group};

/// The catalogue as YAML text, headed by `comment` (each line prefixed with "# ").
pub fn to_yaml(cat: &Catalogue, comment: &str) -> String {
    let mut out = String::new();
    for line in comment.lines() {
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            let _ = writeln!(out, "# {line}");
        }
    }
    let _ = writeln!(out, "id: {}", quote(&cat.id.value));
    let _ = writeln!(out, "title: {}", quote(&cat.title));
    out.push_str("decision:\n");
    let d = &cat.decision;
    let _ = writeln!(out, "  number: {}", quote(&d.number));
    let _ = writeln!(out, "  date: {}", quote(&d.date));
    let _ = writeln!(out, "  issuer: {}", quote(&d.issuer));
    if let Some(t) = &d.title {
        let _ = writeln!(out, "  title: {}", quote(t));
    }
    let _ = writeln!(out, "level: {}", cat.level.as_str());
    let _ = writeln!(out, "total_points: {}", number(cat.total_points.value));
    if let Some(s) = &cat.superseded {
        out.push_str("superseded:\n");
        let _ = writeln!(out, "  by: {}", quote(&s.by));
        let _ = writeln!(out, "  date: {}", quote(&s.date));
        let _ = writeln!(out, "  issuer: {}", quote(&s.issuer));
        let _ = writeln!(out, "  from_year: {}", s.from_year);
    }
    if !cat.pillars.is_empty() {
        out.push_str("pillars:\n");
        for p in &cat.pillars {
            let _ = writeln!(out, "  - {}", quote(p));
        }
    }
    if cat.indices.is_empty() {
        out.push_str("indices: []\n");
    } else {
        out.push_str("indices:\n");
        for e in &cat.indices {
            entry(&mut out, e, 2);
        }
    }
    out
}

fn entry(out: &mut String, e: &Entry, indent: usize) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}- code: {}", quote(&e.code.value));
    let pad = " ".repeat(indent + 2);
    let _ = writeln!(out, "{pad}name: {}", quote(&e.name));
    if let Some(m) = &e.max_points {
        let _ = writeln!(out, "{pad}max_points: {}", number(m.value));
    }
    if let Some(g) = e.group {
        let g = match g {
            Group::Foundation => "foundation",
            Group::Activity => "activity",
        };
        let _ = writeln!(out, "{pad}group: {g}");
    }
    if let Some(p) = &e.pillar {
        let _ = writeln!(out, "{pad}pillar: {}", quote(p));
    }
    if let Some(m) = &e.method {
        text_field(out, &pad, "method", m);
    }
    if let Some(m) = &e.evidence {
        text_field(out, &pad, "evidence", m);
    }
    if !e.children.is_empty() {
        let _ = writeln!(out, "{pad}children:");
        for c in &e.children {
            entry(out, c, indent + 4);
        }
    }
}

/// A text field: a `|` block when it is several lines ending in one newline that a block
/// holds as they are, else a quoted string.
fn text_field(out: &mut String, pad: &str, key: &str, text: &str) {
    let body = text.strip_suffix('\n');
    let blockable = body.is_some_and(|b| {
        !b.is_empty()
            && !b.ends_with('\n')
            && !b.starts_with([' ', '\t'])
            && !b.contains('\r')
            && b.chars().all(|c| c == '\n' || c == '\t' || !c.is_control())
    });
    match body {
        Some(b) if blockable => {
            let _ = writeln!(out, "{pad}{key}: |");
            for line in b.split('\n') {
                if line.is_empty() {
                    out.push('\n');
                } else {
                    let _ = writeln!(out, "{pad}  {line}");
                }
            }
        }
        _ => {
            let _ = writeln!(out, "{pad}{key}: {}", quote(text));
        }
    }
}

/// A YAML double-quoted string.
pub fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            '\r' => q.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(q, "\\u{:04x}", c as u32);
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// A number as YAML writes it: "10", "2.5".
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn the_bundled_catalogue_reads_back_the_same() {
        let mut cat = crate::catalogue::embedded().clone();
        fn strip(e: &mut Entry) {
            e.inputs.clear();
            e.scoring = None;
            e.children.iter_mut().for_each(strip);
        }
        cat.indices.iter_mut().for_each(strip);
        let cat = &cat;
        let yaml = to_yaml(cat, "test");
        let back = crate::catalogue::parse(&SourceFile::new("<emitted>", yaml.clone()))
            .unwrap_or_else(|e| panic!("{:?}", miette::Report::new(e)));
        let again = to_yaml(&back, "test");
        assert_eq!(yaml, again);
        assert_eq!(
            serde_json::to_value(cat).unwrap(),
            serde_json::to_value(&back).unwrap()
        );
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
        let mut out = String::new();
        text_field(&mut out, "", "m", "  lead\n");
        assert_eq!(out, "m: \"  lead\\n\"\n");
        out.clear();
        text_field(&mut out, "", "m", "a\n\nb\n");
        assert_eq!(out, "m: |\n  a\n\n  b\n");
    }
}
