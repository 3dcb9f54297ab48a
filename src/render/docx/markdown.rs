//! Markdown fields (task bodies, free sections, organisation text) → Word paragraphs,
//! with pulldown-cmark, as `render/markdown.rs` does for Typst: paragraphs are justified
//! body paragraphs; list items are administrative dash paragraphs ("- …", "+ …" one level
//! down) with the mark at the first-line indent; tables become bordered tables whose
//! header row repeats. Every text node goes through [`Sink::clean`] and into a `w:t`, so no
//! Markdown input can produce markup.

use docx_rs::{Paragraph, Table};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::style;
use super::tables;
use super::text::{Look, Sink, run};

/// A block of the document body.
#[derive(Debug)]
pub enum Block {
    Para(Box<Paragraph>),
    Table(Box<Table>),
}

impl From<Paragraph> for Block {
    fn from(p: Paragraph) -> Self {
        Block::Para(Box::new(p))
    }
}

impl From<Table> for Block {
    fn from(t: Table) -> Self {
        Block::Table(Box::new(t))
    }
}

/// A table's rows of cells, each cell a list of runs.
pub type Rows = Vec<Vec<Vec<(String, Look)>>>;

struct State<'s> {
    sink: &'s mut Sink,
    out: Vec<Block>,
    current: Option<Paragraph>,
    /// The open paragraph holds only a list mark so far.
    only_mark: bool,
    look: Look,
    /// Open lists: `None` for bullets, `Some(next number)` for ordered ones.
    lists: Vec<Option<u64>>,
    links: Vec<String>,
    quote: usize,
    /// A table being collected: rows of cells, each a list of runs.
    table: Option<Rows>,
    head_rows: usize,
    in_head: bool,
}

/// Convert Markdown text to body blocks.
pub fn to_blocks(md: &str, sink: &mut Sink) -> Vec<Block> {
    let mut st = State {
        sink,
        out: Vec::new(),
        current: None,
        only_mark: false,
        look: Look::default(),
        lists: Vec::new(),
        links: Vec::new(),
        quote: 0,
        table: None,
        head_rows: 0,
        in_head: false,
    };
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Start(tag) => st.start(tag),
            Event::End(tag) => st.end(tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => st.text(&t),
            Event::InlineMath(t) | Event::DisplayMath(t) => st.text(&t),
            Event::FootnoteReference(t) => st.text(&format!("[{t}]")),
            Event::SoftBreak => st.text(" "),
            Event::HardBreak => st.text("\n"),
            Event::Rule => {
                st.flush();
                st.out
                    .push(style::rule(style::body_width(), style::body_width(), 6).into());
            }
            Event::TaskListMarker(done) => st.text(if done { "☑ " } else { "☐ " }),
        }
    }
    st.flush();
    st.out
}

impl State<'_> {
    fn paragraph(&mut self) -> &mut Paragraph {
        if self.current.is_none() {
            let mut p = style::body();
            if self.quote > 0 {
                p = p.indent(Some(style::INDENT * self.quote as i32), None, None, None);
            }
            self.current = Some(p);
            self.only_mark = false;
        }
        self.current.as_mut().expect("just set")
    }

    fn flush(&mut self) {
        if let Some(p) = self.current.take() {
            self.out.push(p.into());
        }
        self.only_mark = false;
    }

    fn text(&mut self, t: &str) {
        let clean = self.sink.clean(t);
        if clean.is_empty() {
            return;
        }
        if let Some(rows) = self.table.as_mut() {
            if let Some(cell) = rows.last_mut().and_then(|r| r.last_mut()) {
                cell.push((clean, self.look));
            }
            return;
        }
        let look = self.look;
        let p = std::mem::take(self.paragraph());
        self.current = Some(p.add_run(run(&clean, look)));
        self.only_mark = false;
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph if !self.only_mark => self.flush(),
            Tag::Heading { .. } => {
                self.flush();
                self.look.bold = true;
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => self.flush(),
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len();
                let mark = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ if depth > 1 => "+ ".to_string(),
                    _ => "- ".to_string(),
                };
                let p = std::mem::take(self.paragraph());
                self.current = Some(p.add_run(run(&mark, Look::default())));
                self.only_mark = true;
            }
            Tag::Emphasis => self.look.italic = true,
            Tag::Strong => self.look.bold = true,
            Tag::Strikethrough => self.look.strike = true,
            Tag::Link { dest_url, .. } => self.links.push(dest_url.to_string()),
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Vec::new());
                self.head_rows = 0;
            }
            Tag::TableHead => {
                self.in_head = true;
                if let Some(rows) = self.table.as_mut() {
                    rows.push(Vec::new());
                }
            }
            Tag::TableRow => {
                if let Some(rows) = self.table.as_mut() {
                    rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                let head = self.in_head;
                if let Some(row) = self.table.as_mut().and_then(|r| r.last_mut()) {
                    row.push(Vec::new());
                }
                if head {
                    self.look.bold = true;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::CodeBlock => self.flush(),
            TagEnd::Heading(_) => {
                self.flush();
                self.look.bold = false;
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => self.flush(),
            TagEnd::Emphasis => self.look.italic = false,
            TagEnd::Strong => self.look.bold = false,
            TagEnd::Strikethrough => self.look.strike = false,
            TagEnd::Link => {
                if let Some(url) = self.links.pop().filter(|u| !u.is_empty()) {
                    self.text(&format!(" ({url})"));
                }
            }
            TagEnd::TableHead => {
                self.in_head = false;
                self.head_rows = 1;
            }
            TagEnd::TableCell if self.in_head => self.look.bold = false,
            TagEnd::Table => {
                if let Some(rows) = self.table.take() {
                    let head = self.head_rows;
                    self.out
                        .push(tables::markdown_table(rows, head, style::body_width()).into());
                }
            }
            _ => {}
        }
    }
}
