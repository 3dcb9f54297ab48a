//! DOCX export: the same document as the PDF, from the same view.
//!
//! ```text
//! View (render/view) ─ body.rs, appendix.rs (markdown.rs for Markdown fields) ─▶ blocks
//!   ─ docx-rs (paragraphs, tables, sections, headers) ─▶ .docx archive
//!   ─ package.rs (w:tblHeader, paragraph ids, deterministic zip) ─▶ DOCX bytes
//! ```
//!
//! The writer reads the view model, never the Typst text, so numbering, tables and totals
//! are the PDF's. Layout: A4, margins 25/20/35/20 mm, Times New Roman for every script,
//! page numbers (a PAGE field) centred in the header from page 2 (different first page),
//! each appendix a section of its own (landscape for the wide tables) numbered from 1,
//! its header row repeated on every page. All text is editable text: no text boxes, no
//! images. Output is byte-identical for the same plan.

mod appendix;
mod body;
mod markdown;
mod package;
mod style;
mod tables;
pub mod text;

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Header, InstrPAGE, InstrText, PageNumType,
    PageOrientationType, PageSize, Paragraph, Run, Section,
};

use crate::catalogue::Catalogue;
use crate::plan::Plan;
use crate::render::view::{self, View};
pub use package::PackageError;
pub use text::Stripped;

use markdown::Block;

/// A DOCX and what had to be left out of it.
#[derive(Clone, Debug)]
pub struct DocxOutput {
    pub bytes: Vec<u8>,
    /// Characters XML 1.0 cannot carry, removed from the text.
    pub stripped: Vec<Stripped>,
}

/// The DOCX of a plan.
pub fn render_plan_docx(plan: &Plan, catalogue: &Catalogue) -> Result<DocxOutput, PackageError> {
    render_view(&view::build(plan, catalogue))
}

/// The DOCX of a view.
pub fn render_view(view: &View) -> Result<DocxOutput, PackageError> {
    let mut sink = text::Sink::default();
    let mut w = body::Writer::new(&mut sink);
    body::write(view, &mut w);
    let body_blocks = std::mem::take(&mut w.blocks);
    let mut parts: Vec<(bool, Vec<Block>)> = vec![(false, body_blocks)];
    for a in &view.appendices {
        appendix::write(a, &mut w);
        parts.push((a.flipped, std::mem::take(&mut w.blocks)));
    }
    drop(w);

    let date = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        view.pdf_date.year, view.pdf_date.month, view.pdf_date.day
    );
    let mut docx = Docx::new()
        .default_fonts(text::fonts())
        .default_size(style::BODY_PT * 2)
        .created_at(&date)
        .updated_at(&date);
    let last = parts.len() - 1;
    for (i, (flipped, blocks)) in parts.into_iter().enumerate() {
        let (w, h) = if flipped {
            (style::A4_H, style::A4_W)
        } else {
            (style::A4_W, style::A4_H)
        };
        let orient = if flipped {
            PageOrientationType::Landscape
        } else {
            PageOrientationType::Portrait
        };
        let margin = if flipped {
            style::landscape_margin()
        } else {
            style::body_margin()
        };
        if i == last {
            // The last section's properties are the document's own `w:sectPr`.
            docx = docx
                .page_size(w, h)
                .page_orient(orient)
                .page_margin(margin)
                .title_pg()
                .header(page_header())
                .first_header(Header::new().add_paragraph(Paragraph::new()));
            if i > 0 {
                docx = docx.page_num_type(PageNumType::new().start(1));
            }
            for b in blocks {
                docx = match b {
                    Block::Para(p) => docx.add_paragraph(*p),
                    Block::Table(t) => docx.add_table(*t),
                };
            }
        } else {
            let mut s = Section::new()
                .page_size(PageSize::new().size(w, h).orient(orient))
                .page_margin(margin)
                .title_pg();
            // No headers here: docx-rs 0.4.22 keeps only one header reference per
            // `Section`; package.rs gives every section the document's two.
            if i > 0 {
                s = s.page_num_type(PageNumType::new().start(1));
            }
            for b in blocks {
                s = match b {
                    Block::Para(p) => s.add_paragraph(*p),
                    Block::Table(t) => s.add_table(*t),
                };
            }
            docx = docx.add_section(s);
        }
    }
    let mut raw = Cursor::new(Vec::new());
    docx.build().pack(&mut raw)?;
    let bytes = package::finish(raw.get_ref())?;
    Ok(DocxOutput {
        bytes,
        stripped: sink.stripped,
    })
}

/// The header of pages 2 on: the page number, a PAGE field, centred, 13 pt.
fn page_header() -> Header {
    let r = || Run::new().fonts(text::fonts()).size(26);
    let p = Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(r().add_field_char(FieldCharType::Begin, false))
        .add_run(r().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(r().add_field_char(FieldCharType::Separate, false))
        .add_run(r().add_field_char(FieldCharType::End, false));
    Header::new().add_paragraph(p)
}
