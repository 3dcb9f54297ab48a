//! Markdown (task bodies, free sections) → Typst markup with pulldown-cmark.
//!
//! Structure becomes Typst function calls (`#emph[…];`, `#nd30.items(marker: "-", […], …);`
//! for "- " and "+ " lists, which templates/nd30.typ lays out as administrative paragraphs,
//! `#table(…);`); every text node, inline code and raw HTML becomes a string literal
//! through [`escape::markup`](super::escape::markup), so no Markdown input can run Typst
//! code. Every call ends with `;` so nothing that follows can extend it. Links keep their
//! text and show the address in brackets when it differs; images show their alt text.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::escape;

/// Deepest nesting of Markdown structure rendered as structure (block quotes, list
/// levels and their items, emphasis, headings, tables): deeper structure is rendered as
/// its plain text. Typst stops a document at its show-rule depth (16 nested `>` or 32
/// list levels already failed the whole render); real plan bodies nest 3 or 4 levels.
pub const MAX_DEPTH: usize = 12;

/// A paragraph longer than this (bytes of Markdown) is broken into lines greedily
/// (Typst's `linebreaks: "simple"`) instead of by the optimal algorithm, whose cost grows
/// faster than the paragraph's length. Plan paragraphs are rarely over 1,000 characters.
pub const LONG_PARAGRAPH: usize = 3_000;

/// How many levels of structure `to_typst` reserves for a tag that opens: itself, and the
/// levels its children need to be rendered as structure too (a list's items, a table's
/// head and cells).
fn reserve(tag: &Tag) -> Option<usize> {
    Some(match tag {
        Tag::List(_) => 2,
        Tag::Table(_) => 3,
        Tag::TableHead => 2,
        Tag::Heading { .. }
        | Tag::BlockQuote(_)
        | Tag::CodeBlock(_)
        | Tag::Item
        | Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough
        | Tag::TableCell => 1,
        _ => return None,
    })
}

fn counts(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::Item
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::TableCell
    )
}

/// The deepest nesting of structure in a Markdown text, counted as [`MAX_DEPTH`] counts
/// it (a list level is two: the list and its item). Over [`MAX_DEPTH`], `to_typst`
/// renders the deeper part as plain text; lint reports it.
pub fn nesting_depth(md: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0;
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Start(tag) if reserve(&tag).is_some() => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Event::End(tag) if counts(&tag) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Convert Markdown text to Typst markup.
pub fn to_typst(md: &str) -> String {
    let mut out = String::with_capacity(md.len() * 2);
    let mut links: Vec<String> = Vec::new();
    let mut in_head = false;
    // Structure nesting, and the depth from which structure is flattened to text.
    let mut depth = 0usize;
    let mut flat_from: Option<usize> = None;
    let mut paragraph_at = 0;
    // Open tables (nested in list items, say): where each one's columns are written, and
    // what its cells hold, for widths from content.
    let mut tables: Vec<TableWidths> = Vec::new();
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                // A dash list keeps its mark as written ("-" or "+"): the items are the
                // administrative paragraphs of `nd30.items`, not a hanging list.
                let tag = match tag {
                    Tag::List(None) if md[range.start..].starts_with('+') => {
                        Tag::List(Some(u64::MAX))
                    }
                    t => t,
                };
                if let Some(need) = reserve(&tag) {
                    depth += 1;
                    if flat_from.is_none() && depth - 1 + need > MAX_DEPTH {
                        flat_from = Some(depth);
                    }
                    if flat_from.is_some() {
                        continue;
                    }
                }
                if matches!(tag, Tag::Paragraph) {
                    paragraph_at = out.len();
                }
                match &tag {
                    Tag::Table(aligns) => tables.push(TableWidths::new(out.len(), aligns.len())),
                    Tag::TableHead | Tag::TableRow => {
                        if let Some(t) = tables.last_mut() {
                            t.col = 0;
                        }
                    }
                    _ => {}
                }
                start(&mut out, tag, &mut links, &mut in_head)
            }
            Event::End(tag) => {
                if counts(&tag) {
                    let d = depth;
                    depth = depth.saturating_sub(1);
                    if let Some(from) = flat_from {
                        if d == from {
                            flat_from = None;
                        }
                        if matches!(tag, TagEnd::Item | TagEnd::TableCell) {
                            out.push(' ');
                        }
                        continue;
                    }
                }
                if matches!(tag, TagEnd::Paragraph) && out.len() - paragraph_at > LONG_PARAGRAPH {
                    out.insert_str(paragraph_at, "#[#set par(linebreaks: \"simple\");");
                    out.push(']');
                }
                match &tag {
                    TagEnd::TableCell => {
                        if let Some(t) = tables.last_mut() {
                            t.end_cell();
                        }
                    }
                    TagEnd::Table => {
                        if let Some(t) = tables.pop() {
                            t.write_widths(&mut out);
                        }
                    }
                    _ => {}
                }
                end(&mut out, tag, &mut links, &mut in_head)
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some(table) = tables.last_mut().filter(|_| flat_from.is_none()) {
                    table.cell.push_str(&t);
                }
                out.push_str(&escape::markup(&t))
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => out.push_str(&escape::markup(&t)),
            Event::FootnoteReference(t) => out.push_str(&escape::markup(&format!("[{t}]"))),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("#linebreak();"),
            Event::Rule => out.push_str("#line(length: 100%, stroke: 0.5pt);\n\n"),
            Event::TaskListMarker(done) => out.push_str(if done { "☑ " } else { "☐ " }),
        }
    }
    out.trim_end().to_string()
}

/// A Markdown table's columns, measured while it is converted: each column as wide as its
/// content asks (its longest cell, up to a cap, never less than its longest word), as a
/// share of the text width, so a name column is not squeezed to the width of a figure.
struct TableWidths {
    /// Where the table's `#table(columns: N, ` starts in the output.
    at: usize,
    /// Per column: (longest cell, longest word), in characters.
    cols: Vec<(usize, usize)>,
    col: usize,
    cell: String,
}

impl TableWidths {
    /// A cell longer than this (characters) wraps: it asks for no more width.
    const CAP: usize = 40;

    fn new(at: usize, columns: usize) -> TableWidths {
        TableWidths {
            at,
            cols: vec![(0, 0); columns.max(1)],
            col: 0,
            cell: String::new(),
        }
    }

    fn end_cell(&mut self) {
        let len = self.cell.trim().chars().count();
        let word = self
            .cell
            .split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        if let Some(c) = self.cols.get_mut(self.col) {
            *c = (c.0.max(len), c.1.max(word));
        }
        self.col += 1;
        self.cell.clear();
    }

    /// `columns: N` of the table's opening replaced by `columns: (afr, bfr, …)`.
    fn write_widths(&self, out: &mut String) {
        let plain = format!("columns: {}, ", self.cols.len());
        let widths: Vec<String> = self
            .cols
            .iter()
            .map(|&(len, word)| format!("{}fr", len.min(Self::CAP).max(word).max(2)))
            .collect();
        let sized = format!("columns: ({}), ", widths.join(", "));
        if let Some(i) = out[self.at..].find(&plain) {
            out.replace_range(self.at + i..self.at + i + plain.len(), &sized);
        }
    }
}

/// Parse Typst markup and return its first syntax error, if any (for tests and fuzzing:
/// what `to_typst` makes must always parse).
pub fn check_typst_syntax(typ: &str) -> Result<(), String> {
    let root = typst::syntax::parse(typ);
    match root.errors_and_warnings().0.first() {
        None => Ok(()),
        Some(e) => Err(e.message.to_string()),
    }
}

fn start(out: &mut String, tag: Tag, links: &mut Vec<String>, in_head: &mut bool) {
    match tag {
        Tag::Paragraph => {}
        Tag::Heading { .. } => out.push_str("#par(strong["),
        Tag::BlockQuote(_) => out.push_str("#quote(block: true)["),
        Tag::CodeBlock(_) => out.push_str("#block["),
        Tag::List(Some(u64::MAX)) => out.push_str("#nd30.items(marker: \"+\", "),
        Tag::List(Some(n)) => out.push_str(&format!("#nd30.items(start: {n}, ")),
        Tag::List(None) => out.push_str("#nd30.items(marker: \"-\", "),
        Tag::Item => out.push('['),
        Tag::Emphasis => out.push_str("#emph["),
        Tag::Strong => out.push_str("#strong["),
        Tag::Strikethrough => out.push_str("#strike["),
        // An autolink (`<https://…>`) is its address: nothing to add after it.
        Tag::Link {
            link_type: LinkType::Autolink | LinkType::Email,
            ..
        } => links.push(String::new()),
        Tag::Link { dest_url, .. } => links.push(dest_url.to_string()),
        Tag::Table(aligns) => {
            out.push_str(&format!("#table(columns: {}, ", aligns.len().max(1)));
        }
        Tag::TableHead => {
            *in_head = true;
            out.push_str("table.header(");
        }
        Tag::TableRow => {}
        Tag::TableCell => out.push('['),
        _ => {}
    }
}

fn end(out: &mut String, tag: TagEnd, links: &mut Vec<String>, in_head: &mut bool) {
    match tag {
        TagEnd::Paragraph => out.push_str("\n\n"),
        TagEnd::Heading(_) => out.push_str("]);\n\n"),
        TagEnd::BlockQuote(_) | TagEnd::CodeBlock => out.push_str("];\n\n"),
        TagEnd::List(_) => out.push_str(");\n\n"),
        TagEnd::Item => {
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            out.push_str("], ");
        }
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => out.push_str("];"),
        TagEnd::Link => {
            if let Some(url) = links.pop().filter(|u| !u.is_empty()) {
                out.push_str(&escape::markup(&format!(" ({url})")));
            }
        }
        TagEnd::Table => out.push_str(");\n\n"),
        TagEnd::TableHead => {
            *in_head = false;
            out.push_str("), ");
        }
        TagEnd::TableCell => out.push_str("], "),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_emphasis_and_lists() {
        let t = to_typst("Một *hai* **ba**.\n\n- x\n- y\n");
        assert_eq!(
            t,
            "#\"Một \";#emph[#\"hai\";];#\" \";#strong[#\"ba\";];#\".\";\n\n\
             #nd30.items(marker: \"-\", [#\"x\";], [#\"y\";], );"
        );
    }

    #[test]
    fn hostile_text_stays_text() {
        let t = to_typst("#read(\"/etc/passwd\") <b>x</b> $y$ `z`");
        assert!(t.starts_with("#\""), "{t}");
        assert!(t.contains(r##"#"#read(\"/etc/passwd\") ";"##), "{t}");
    }

    #[test]
    fn links_and_tables() {
        let t = to_typst("[cổng](https://x.vn)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(t.contains(r#"#"cổng";#" (https://x.vn)";"#), "{t}");
        assert!(
            t.contains("#table(columns: (2fr, 2fr), table.header("),
            "{t}"
        );
        // widths from content: the name column gets the room, the figure column little
        let t = to_typst(
            "| STT | Chỉ số |\n|---|---|\n| 6 | Hoạt động chính quyền số |\n| 7 | Hoạt động kinh tế số |\n",
        );
        assert!(t.contains("#table(columns: (3fr, 24fr), "), "{t}");
        check_typst_syntax(&t).unwrap();
        // an autolink is printed once, not followed by its own address
        let t = to_typst("tại địa chỉ <https://x.vn> và");
        assert_eq!(t, r#"#"tại địa chỉ ";#"https://x.vn";#" và";"#);
        check_typst_syntax(&t).unwrap();
    }

    #[test]
    fn headings_close_what_they_open() {
        let t = to_typst("#### *1.3.6. Tiêu đề*\nvăn bản");
        check_typst_syntax(&t).unwrap();
        assert!(t.starts_with("#par(strong[#emph["), "{t}");
        assert!(t.contains("];]);"), "{t}");
        assert!(!t.contains("]));"), "{t}");
    }
}
