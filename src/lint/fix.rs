//! Safe fixes (`kehoach lint --fix`): byte-range edits inside one scalar, quoted the way
//! that scalar is quoted, so comments, key order and layout are kept. A fix is only
//! offered where the text to replace is found verbatim in the source; after applying, the
//! caller re-reads the file as a plan and writes nothing if it no longer loads.

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::source::Span;

/// An edit replacing `piece` (the span of part of a scalar's value, found verbatim in the
/// source) with `replacement`, for a scalar whose token spans `cell` (quotes included).
/// `None` when the replacement cannot be written safely in that scalar's style.
pub fn replace_in_scalar(source: &str, cell: Span, piece: Span, replacement: &str) -> Option<Fix> {
    if !cell.is_known() || !piece.is_known() {
        return None;
    }
    let token = source.get(cell.offset..cell.offset + cell.len)?;
    let inner = piece.offset >= cell.offset && piece.offset + piece.len <= cell.offset + cell.len;
    if !inner || source.get(piece.offset..piece.offset + piece.len).is_none() {
        return None;
    }
    let text = match token.as_bytes().first()? {
        b'"' => replacement.replace('\\', "\\\\").replace('"', "\\\""),
        b'\'' => replacement.replace('\'', "''"),
        // Plain scalars (in block or flow context): only text that stays one plain scalar.
        _ => {
            let unsafe_char = |c: char| {
                matches!(
                    c,
                    ',' | '[' | ']' | '{' | '}' | '"' | '\'' | '#' | '\n' | '\t'
                )
            };
            let at_start = piece.offset == cell.offset;
            if replacement.is_empty()
                || replacement.contains(unsafe_char)
                || replacement.contains(':')
                || replacement.trim() != replacement
                || (at_start
                    && replacement.starts_with(['-', '?', '&', '*', '!', '|', '>', '%', '@', '`']))
            {
                return None;
            }
            replacement.to_string()
        }
    };
    Some(Fix {
        edits: vec![Edit {
            offset: piece.offset,
            len: piece.len,
            text,
        }],
    })
}

/// Apply the fixes of `diagnostics` to `text`: edits that overlap an earlier one are left
/// out. Returns the new text and the number of findings fixed.
pub fn apply(text: &str, diagnostics: &[Diagnostic]) -> (String, usize) {
    let mut fixes: Vec<&Fix> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    fixes.sort_by_key(|f| f.edits.first().map(|e| e.offset));
    let mut edits: Vec<&Edit> = Vec::new();
    let mut fixed = 0;
    for f in fixes {
        let mut mine: Vec<&Edit> = f.edits.iter().collect();
        mine.sort();
        let clear = mine.iter().all(|e| {
            e.offset + e.len <= text.len()
                && text.is_char_boundary(e.offset)
                && text.is_char_boundary(e.offset + e.len)
                && edits
                    .iter()
                    .all(|o| e.offset + e.len <= o.offset || o.offset + o.len <= e.offset)
        });
        if clear && !mine.is_empty() {
            edits.extend(mine);
            fixed += 1;
        }
    }
    edits.sort();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.offset]);
        out.push_str(&e.text);
        at = e.offset + e.len;
    }
    out.push_str(&text[at..]);
    (out, fixed)
}

/// An edit adding indicator `codes` to the task whose `id:` value spans `id`: a new `indicators: ["…"]` line under the id, or the
/// codes appended to a one-line flow list already there. `None` where the task is not a
/// block mapping with the id on its own line, or its list is a block list (left to hand).
pub fn add_task_indicators(source: &str, id: Span, codes: &[&str]) -> Option<Fix> {
    if !id.is_known() || codes.is_empty() {
        return None;
    }
    let line_start = source.get(..id.offset)?.rfind('\n').map_or(0, |i| i + 1);
    let prefix = source.get(line_start..id.offset)?;
    let key_at = prefix.find("id:")?;
    let lead = &prefix[..key_at];
    // Only "  - id: " or "    id: ": spaces and at most one "- " before the key.
    if !lead.chars().all(|c| c == ' ' || c == '-') || lead.matches('-').count() > 1 {
        return None;
    }
    let indent = " ".repeat(key_at);
    let quoted: Vec<String> = codes.iter().map(|c| format!("\"{c}\"")).collect();
    let id_line_end = source
        .get(id.offset..)?
        .find('\n')
        .map(|i| id.offset + i + 1)?;
    // An `indicators:` key already in the task (its lines are indented as deep as `id:`;
    // blank and comment lines do not end it).
    let mut at = id_line_end;
    while at < source.len() {
        let line_end = source[at..].find('\n').map_or(source.len(), |i| at + i + 1);
        let line = &source[at..line_end];
        let body = line.trim_start_matches(' ');
        let blank = body.trim().is_empty() || body.starts_with('#');
        if !blank && line.len() - body.len() < key_at {
            break;
        }
        if let Some(rest) = line.strip_prefix(&format!("{indent}indicators:")) {
            let open = rest.find('[')?;
            let close = rest.rfind(']')?;
            let inner = rest[open + 1..close].trim();
            let insert_at = at + indent.len() + "indicators:".len() + close;
            let text = if inner.is_empty() {
                quoted.join(", ")
            } else {
                format!(", {}", quoted.join(", "))
            };
            return Some(Fix {
                edits: vec![Edit {
                    offset: insert_at,
                    len: 0,
                    text,
                }],
            });
        }
        at = line_end;
    }
    Some(Fix {
        edits: vec![Edit {
            offset: id_line_end,
            len: 0,
            text: format!("{indent}indicators: [{}]\n", quoted.join(", ")),
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(src: &str, needle: &str) -> Span {
        let offset = src.find(needle).unwrap();
        Span {
            line: 1,
            column: 1,
            offset,
            len: needle.len(),
        }
    }

    fn fixed(src: &str, cell: &str, piece: &str, with: &str) -> Option<String> {
        let f = replace_in_scalar(src, span(src, cell), span(src, piece), with)?;
        let d = Diagnostic::new(
            "KH304",
            "agency-alias",
            crate::diagnostic::Level::Info,
            crate::diagnostic::Text::new("", ""),
            Span::UNKNOWN,
        )
        .with_fix(f);
        Some(apply(src, &[d]).0)
    }

    #[test]
    fn replaces_in_each_scalar_style() {
        let with = "Sở Thông tin và Truyền thông";
        assert_eq!(
            fixed(
                "lead: [Sở TT&TT, Sở Nội vụ]  # c\n",
                "Sở TT&TT",
                "Sở TT&TT",
                with
            )
            .unwrap(),
            "lead: [Sở Thông tin và Truyền thông, Sở Nội vụ]  # c\n"
        );
        assert_eq!(
            fixed(
                "lead: \"Sở TT&TT; Sở Nội vụ\"\n",
                "\"Sở TT&TT; Sở Nội vụ\"",
                "Sở TT&TT",
                with
            )
            .unwrap(),
            "lead: \"Sở Thông tin và Truyền thông; Sở Nội vụ\"\n"
        );
        assert_eq!(
            fixed("lead: 'Sở TT&TT'\n", "'Sở TT&TT'", "Sở TT&TT", "Sở 'A'").unwrap(),
            "lead: 'Sở ''A'''\n"
        );
        assert_eq!(
            fixed(
                "lead: \"Sở TT&TT\"\n",
                "\"Sở TT&TT\"",
                "Sở TT&TT",
                "Sở \"A\" \\"
            )
            .unwrap(),
            "lead: \"Sở \\\"A\\\" \\\\\"\n"
        );
    }

    #[test]
    fn refuses_what_would_change_a_plain_scalars_meaning() {
        for with in ["A, B", "A: B", "A # B", "[A]", " A", "-A", ""] {
            assert_eq!(fixed("lead: [X]\n", "X", "X", with), None, "{with:?}");
        }
    }

    fn added(src: &str, codes: &[&str]) -> Option<String> {
        let f = add_task_indicators(src, span(src, "\"t1\""), codes)?;
        let d = Diagnostic::new(
            "KH205",
            "indicator-named-in-text",
            crate::diagnostic::Level::Info,
            crate::diagnostic::Text::new("", ""),
            Span::UNKNOWN,
        )
        .with_fix(f);
        Some(apply(src, &[d]).0)
    }

    #[test]
    fn adds_indicator_codes_to_a_task() {
        assert_eq!(
            added("tasks:\n  - id: \"t1\"  # c\n    body: x\n", &["8.1"]).unwrap(),
            "tasks:\n  - id: \"t1\"  # c\n    indicators: [\"8.1\"]\n    body: x\n"
        );
        assert_eq!(
            added(
                "tasks:\n  - id: \"t1\"\n    indicators: [\"6.1\"]\n",
                &["8.1", "8.2"]
            )
            .unwrap(),
            "tasks:\n  - id: \"t1\"\n    indicators: [\"6.1\", \"8.1\", \"8.2\"]\n"
        );
        assert_eq!(
            added("tasks:\n  - id: \"t1\"\n    indicators: []\n", &["8.1"]).unwrap(),
            "tasks:\n  - id: \"t1\"\n    indicators: [\"8.1\"]\n"
        );
        // A flow mapping, or a block list: left to hand.
        assert_eq!(
            added("tasks:\n  - { id: \"t1\", body: x }\n", &["8.1"]),
            None
        );
        assert_eq!(
            added(
                "tasks:\n  - id: \"t1\"\n    indicators:\n      - \"6.1\"\n",
                &["8.1"]
            ),
            None
        );
    }

    #[test]
    fn overlapping_edits_keep_the_first() {
        let src = "a: xyz\n";
        let mk = |offset, len, text: &str| {
            Diagnostic::new(
                "KH304",
                "agency-alias",
                crate::diagnostic::Level::Info,
                crate::diagnostic::Text::new("", ""),
                Span::UNKNOWN,
            )
            .with_fix(Fix {
                edits: vec![Edit {
                    offset,
                    len,
                    text: text.into(),
                }],
            })
        };
        let (out, n) = apply(src, &[mk(3, 2, "AB"), mk(4, 2, "CD")]);
        assert_eq!((out.as_str(), n), ("a: ABz\n", 1));
    }
}
