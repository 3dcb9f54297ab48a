//! Markdown (task bodies, free sections) → Typst markup with pulldown-cmark.
//!
//! Structure becomes Typst function calls (`#emph[…];`, `#list([…], …);`,
//! `#table(…);`); every text node, inline code and raw HTML becomes a string literal
//! through [`escape::markup`](super::escape::markup), so no Markdown input can run Typst
//! code. Every call ends with `;` so nothing that follows can extend it. Links keep their
//! text and show the address in brackets when it differs; images show their alt text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::escape;

/// Convert Markdown text to Typst markup.
pub fn to_typst(md: &str) -> String {
    let mut out = String::with_capacity(md.len() * 2);
    let mut links: Vec<String> = Vec::new();
    let mut in_head = false;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Start(tag) => start(&mut out, tag, &mut links, &mut in_head),
            Event::End(tag) => end(&mut out, tag, &mut links, &mut in_head),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
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

fn start(out: &mut String, tag: Tag, links: &mut Vec<String>, in_head: &mut bool) {
    match tag {
        Tag::Paragraph => {}
        Tag::Heading { .. } => out.push_str("#par(strong["),
        Tag::BlockQuote(_) => out.push_str("#quote(block: true)["),
        Tag::CodeBlock(_) => out.push_str("#block["),
        Tag::List(Some(n)) => out.push_str(&format!("#enum(start: {n}, ")),
        Tag::List(None) => out.push_str("#list("),
        Tag::Item => out.push('['),
        Tag::Emphasis => out.push_str("#emph["),
        Tag::Strong => out.push_str("#strong["),
        Tag::Strikethrough => out.push_str("#strike["),
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
        TagEnd::Heading(_) => out.push_str("]));\n\n"),
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
             #list([#\"x\";], [#\"y\";], );"
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
        assert!(t.contains("#table(columns: 2, table.header("), "{t}");
    }
}
