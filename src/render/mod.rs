//! Rendering: plan → Tera → Typst → PDF.
//!
//! ```text
//! Plan + Catalogue ─ view::build ─▶ View (serialisable, numbers formatted, totals computed)
//!   ─ Tera (templates/*.typ.tera, filters.rs, autoescape = Typst string literals) ─▶ main.typ
//!   ─ typst (world.rs: in-memory files, embedded fonts, no clock) ─▶ PagedDocument
//!   ─ typst-pdf (pdf.rs: PDF/A-2b + PDF/UA-1, date = document date) ─▶ PDF bytes
//! ```

mod diag;
pub mod docx;
pub mod escape;
pub mod filters;
pub mod fonts;
pub mod markdown;
pub mod pdf;
pub mod templates;
pub mod view;
pub mod world;

use std::path::PathBuf;

use crate::catalogue::Catalogue;
use crate::plan::Plan;
use crate::source::SourceFile;

pub use diag::TypstMessage;

/// How to render: template and font overrides, and the project root files may be read from.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// Directory whose files override the embedded templates by name.
    pub templates: Option<PathBuf>,
    /// Extra font directories (the embedded Liberation Serif is always there).
    pub font_dirs: Vec<PathBuf>,
    /// Root below which templates may read files (images); nothing is readable if `None`.
    pub root: Option<PathBuf>,
    /// Produce only the Typst source, without compiling it.
    pub typst_only: bool,
}

/// The result of a render: the generated Typst source and the PDF (empty when
/// `typst_only`).
#[derive(Clone, Debug)]
pub struct RenderOutput {
    pub typst_source: String,
    /// The files the Typst source imports, as (file name beside it, text): the layout
    /// library `nd30.typ` (the `--templates` override when there is one). Written next to
    /// the source, they make a project the typst CLI compiles as it is.
    pub typst_files: Vec<(String, String)>,
    pub pdf: Vec<u8>,
    /// Number of pages in the PDF.
    pub pages: usize,
}

/// Why a render failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template could not be parsed or rendered.
    #[error("lỗi mẫu (template error): {0}")]
    Template(String),
    /// Typst reported errors (warnings count as errors: an unknown font silently falls
    /// back, which must never reach a signed document).
    #[error("lỗi typst (typst error): {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Typst(Vec<TypstMessage>),
    /// PDF export failed (a standard's requirement not met, say).
    #[error("lỗi xuất PDF (pdf export): {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Pdf(Vec<TypstMessage>),
    /// A file could not be read.
    #[error("không đọc được (cannot read) {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The plan's outline names tasks it does not have, or mixes kinds in one item.
    #[error("bố cục không hợp lệ (invalid outline):\n{0}")]
    Outline(String),
    /// The document is over a render budget (pages, time or memory; see `pdf.rs`).
    #[error("vượt giới hạn xuất (over the render budget): {0}")]
    Budget(String),
    /// The options are contradictory or incomplete.
    #[error("tùy chọn xuất không hợp lệ (invalid render options): {0}")]
    Options(String),
}

/// What a render loads before it starts: the templates and the fonts. `render_plan` loads
/// them each time; `kehoach watch` loads them once and keeps them warm between renders.
pub struct Resources {
    pub templates: templates::Templates,
    pub fonts: fonts::Fonts,
}

impl Resources {
    /// The templates and fonts `opts` asks for.
    pub fn load(opts: &RenderOptions) -> Result<Resources, RenderError> {
        Ok(Resources {
            templates: templates::Templates::load(opts.templates.as_deref())?,
            fonts: fonts::Fonts::load(&opts.font_dirs)?,
        })
    }
}

/// Render a plan to Typst source and PDF.
pub fn render_plan(
    plan: &Plan,
    source: &SourceFile,
    catalogue: &Catalogue,
    opts: &RenderOptions,
) -> Result<RenderOutput, RenderError> {
    render_plan_with(plan, source, catalogue, opts, &Resources::load(opts)?)
}

/// [`render_plan`] with templates and fonts already loaded (`opts.templates` and
/// `opts.font_dirs` are then not read again).
pub fn render_plan_with(
    plan: &Plan,
    source: &SourceFile,
    catalogue: &Catalogue,
    opts: &RenderOptions,
    resources: &Resources,
) -> Result<RenderOutput, RenderError> {
    let problems = crate::plan::outline::check(plan);
    if !problems.is_empty() {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| {
                format!(
                    "{}:{}:{}: {}: {} ({})",
                    source.name(),
                    p.line,
                    p.column,
                    p.path,
                    p.vi,
                    p.en
                )
            })
            .collect();
        return Err(RenderError::Outline(lines.join("\n")));
    }
    let view = view::build(plan, catalogue);
    let templates = &resources.templates;
    let ctx = tera::Context::from_serialize(&view)
        .map_err(|e| RenderError::Template(templates::error_chain(&e)))?;
    let typst_source = templates
        .tera
        .render(templates::MAIN, &ctx)
        .map_err(|e| RenderError::Template(templates::error_chain(&e)))?;
    let fonts = resources.fonts.clone();
    // Text the fonts or the PDF standards cannot carry is replaced (lint reports it), so
    // a pasted U+FEFF or a Khmer name never fails the whole document.
    let typst_source = fonts.sanitize(&typst_source).into_owned();
    let typst_files: Vec<(String, String)> = templates
        .typst_files
        .iter()
        .map(|(path, text)| (path.trim_start_matches('/').to_string(), text.clone()))
        .collect();
    if opts.typst_only {
        return Ok(RenderOutput {
            typst_source,
            typst_files,
            pdf: Vec::new(),
            pages: 0,
        });
    }
    let root = opts.root.clone().or_else(|| match source.path.parent() {
        Some(p) if p.as_os_str().is_empty() => Some(PathBuf::from(".")),
        other => other.map(|p| p.to_path_buf()),
    });
    let world = world::KhWorld::new(
        typst_source.clone(),
        &templates.typst_files,
        fonts,
        root.as_deref(),
        Some(view.pdf_date),
    )
    .map_err(RenderError::Options)?;
    let (pdf, pages) = pdf::compile_within_budget(
        world,
        pdf::ExportOptions::for_view(&view),
        &pdf::Budget::default(),
    )?;
    Ok(RenderOutput {
        typst_source,
        typst_files,
        pdf,
        pages,
    })
}
