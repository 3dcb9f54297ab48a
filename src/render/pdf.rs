//! Compile the Typst world and export the PDF: PDF/A-2b (archival; PDF/A-1 forbids the
//! transparency signature images use) together with PDF/UA-1 (tagged, accessible). The
//! creation timestamp is the document's own date, never the clock, so two renders of the
//! same plan are byte-identical.

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::view::View;
use super::world::KhWorld;
use super::{RenderError, diag};

/// What the export needs from the document.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// A stable identifier of the document (number and issuer), hashed into the PDF id.
    pub ident: String,
    /// The creation date written into the PDF metadata.
    pub date: crate::vn::Date,
    /// Standards to conform to.
    pub standards: Vec<PdfStandard>,
    /// Write a tagged PDF (required by PDF/UA-1).
    pub tagged: bool,
}

impl ExportOptions {
    /// PDF/A-2b + PDF/UA-1, tagged, dated with the view's PDF date.
    pub fn for_view(view: &View) -> ExportOptions {
        ExportOptions {
            ident: view.meta.ident.clone(),
            date: view.pdf_date,
            standards: vec![PdfStandard::A_2b, PdfStandard::Ua_1],
            tagged: true,
        }
    }
}

/// What one render may use. Typst has no way to stop a compilation from outside, so the
/// budget is kept three ways: the generated source is bounded before compiling (the
/// cheapest check, and the one that catches 5,000-task plans), the page count after
/// layout before the PDF is written, and time and resident memory by a watchdog while
/// Typst runs (a render over budget is abandoned with an error; the process should then
/// exit, as the CLI does).
#[derive(Clone, Debug)]
pub struct Budget {
    /// Largest generated Typst source (bytes).
    pub max_source_bytes: usize,
    /// Most pages.
    pub max_pages: usize,
    /// Longest compile and export.
    pub max_time: std::time::Duration,
    /// Largest resident memory of the process during the render (bytes).
    pub max_memory: u64,
}

impl Default for Budget {
    /// See the README (*Render budgets*) for the measurements behind these.
    fn default() -> Budget {
        Budget {
            max_source_bytes: 4 * 1024 * 1024,
            max_pages: 1_500,
            max_time: std::time::Duration::from_secs(120),
            max_memory: 2 * 1024 * 1024 * 1024,
        }
    }
}

/// Resident memory of this process (Linux `/proc/self/statm`; `None` elsewhere).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// [`compile`] within a [`Budget`].
pub fn compile_within_budget(
    world: KhWorld,
    opts: ExportOptions,
    budget: &Budget,
) -> Result<(Vec<u8>, usize), RenderError> {
    let source_len = world.main_len();
    if source_len > budget.max_source_bytes {
        return Err(RenderError::Budget(format!(
            "mã Typst sinh ra {source_len} byte, giới hạn {} byte; tách kế hoạch hoặc rút gọn nội \
             dung (the generated Typst source is {source_len} bytes, the limit is {} bytes: split \
             the plan or shorten its text)",
            budget.max_source_bytes, budget.max_source_bytes
        )));
    }
    let max_pages = budget.max_pages;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("typst".into())
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(compile_pages(&world, &opts, max_pages));
        })
        .map_err(|e| RenderError::Options(format!("cannot start the render: {e}")))?;
    let start = std::time::Instant::now();
    let tick = std::time::Duration::from_millis(50);
    loop {
        match rx.recv_timeout(tick) {
            Ok(result) => return result,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(RenderError::Options(
                    "the render stopped unexpectedly".into(),
                ));
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
        }
        let secs = budget.max_time.as_secs();
        if start.elapsed() > budget.max_time {
            return Err(RenderError::Budget(format!(
                "xuất quá {secs} giây; tách kế hoạch hoặc rút gọn nội dung (the render took \
                 over {secs} s: split the plan or shorten its text)"
            )));
        }
        if let Some(rss) = resident_bytes().filter(|&r| r > budget.max_memory) {
            let mb = budget.max_memory / (1024 * 1024);
            return Err(RenderError::Budget(format!(
                "xuất dùng quá {mb} MB bộ nhớ ({} MB); tách kế hoạch hoặc rút gọn nội dung (the \
                 render used over {mb} MB of memory: split the plan or shorten its text)",
                rss / (1024 * 1024)
            )));
        }
    }
}

/// Compile the world to a paged document and export it. Typst warnings are errors.
pub fn compile(world: &KhWorld, opts: &ExportOptions) -> Result<(Vec<u8>, usize), RenderError> {
    compile_pages(world, opts, usize::MAX)
}

fn compile_pages(
    world: &KhWorld,
    opts: &ExportOptions,
    max_pages: usize,
) -> Result<(Vec<u8>, usize), RenderError> {
    if !opts.tagged && opts.standards.contains(&PdfStandard::Ua_1) {
        return Err(RenderError::Options(
            "PDF/UA-1 cần PDF có thẻ (PDF/UA-1 needs a tagged PDF): `tagged: false` is refused"
                .into(),
        ));
    }
    let standards = PdfStandards::new(&opts.standards)
        .map_err(|e| RenderError::Options(e.message().to_string()))?;
    let warned = typst::compile::<PagedDocument>(world);
    let doc = match warned.output {
        Ok(doc) if warned.warnings.is_empty() => doc,
        Ok(_) => return Err(RenderError::Typst(diag::map(world, &warned.warnings))),
        Err(errors) => {
            let mut all = diag::map(world, &errors);
            all.extend(diag::map(world, &warned.warnings));
            return Err(RenderError::Typst(all));
        }
    };
    let d = opts.date;
    let datetime = Datetime::from_ymd_hms(
        d.year,
        u8::try_from(d.month).unwrap_or(1),
        u8::try_from(d.day).unwrap_or(1),
        0,
        0,
        0,
    )
    .ok_or_else(|| RenderError::Options(format!("invalid document date {d}")))?;
    let options = PdfOptions {
        ident: Smart::Custom(opts.ident.clone()),
        creator: Smart::Custom(Some(format!("kehoach {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(datetime)),
        page_ranges: None,
        standards,
        tagged: opts.tagged,
        pretty: false,
    };
    let pages = doc.pages().len();
    if pages > max_pages {
        return Err(RenderError::Budget(format!(
            "{pages} trang, giới hạn {max_pages} trang; tách kế hoạch (the document has {pages} \
             pages, the limit is {max_pages}: split the plan)"
        )));
    }
    let mut pdf = typst_pdf::pdf(&doc, &options)
        .map_err(|errors| RenderError::Pdf(diag::map(world, &errors)))?;
    blank_false_suspects(&mut pdf);
    Ok((pdf, pages))
}

/// The catalogue's `/MarkInfo<</Marked true/Suspects false>>` as typst-pdf writes it.
const MARK_INFO: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";

/// `/Suspects false` blanked out of the catalogue's mark information, byte for byte (the
/// same length in spaces, so no offset of the cross-reference table moves).
///
/// `false` is the default, so the PDF says the same (PDF/UA-1 asks for Suspects absent or
/// false). Poppler — pdfinfo, pdftoppm, pdftotext and the signing tools built on it —
/// reports a present `false` as "Syntax Error: Suspects object is wrong type (boolean)"
/// (it accepts only `true`), on every page it reads; a user signing the plan should not
/// see that. Only the one exact dictionary is touched, outside any stream.
fn blank_false_suspects(pdf: &mut [u8]) {
    let Some(at) = pdf.windows(MARK_INFO.len()).position(|w| w == MARK_INFO) else {
        return;
    };
    let suspects = b"/Suspects false";
    let start = at + MARK_INFO.len() - 2 - suspects.len();
    pdf[start..start + suspects.len()].fill(b' ');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fonts::Fonts;

    fn world(main: &str) -> KhWorld {
        let fonts = Fonts::load(&[] as &[&std::path::Path]).unwrap();
        let date = crate::vn::Date::new(2023, 10, 23);
        KhWorld::new(main.into(), &[], fonts, None, date).unwrap()
    }

    fn opts(tagged: bool) -> ExportOptions {
        ExportOptions {
            ident: "test".into(),
            date: crate::vn::Date::new(2023, 10, 23).unwrap(),
            standards: vec![PdfStandard::A_2b, PdfStandard::Ua_1],
            tagged,
        }
    }

    const MAIN: &str = "#set document(title: \"Kế hoạch\", author: \"UBND\")\n\
                        #set text(font: \"Liberation Serif\", lang: \"vi\")\nTiền Giang";

    #[test]
    fn untagged_pdf_with_ua_is_refused() {
        let err = compile(&world(MAIN), &opts(false)).unwrap_err();
        assert!(err.to_string().contains("tagged"), "{err}");
    }

    #[test]
    fn archival_metadata_and_document_date() {
        let (pdf, pages) = compile(&world(MAIN), &opts(true)).unwrap();
        assert_eq!(pages, 1);
        let raw = String::from_utf8_lossy(&pdf);
        assert!(
            raw.contains("<pdfaid:part>2</pdfaid:part>"),
            "no PDF/A-2 id"
        );
        assert!(raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
        assert!(raw.contains("pdfuaid:part>1<"), "no PDF/UA-1 id");
        assert!(
            raw.contains("2023-10-23"),
            "creation date is not the document date"
        );
    }

    #[test]
    fn mark_info_has_no_false_suspects_entry() {
        let (pdf, _) = compile(&world(MAIN), &opts(true)).unwrap();
        let marked = format!("/MarkInfo<</Marked true{}>>", " ".repeat(15));
        assert!(pdf.windows(marked.len()).any(|w| w == marked.as_bytes()));
        assert!(!pdf.windows(9).any(|w| w == b"/Suspects"));
    }

    #[test]
    fn today_is_the_document_date() {
        let main = format!("{MAIN} #datetime.today().display()");
        let (pdf, _) = compile(&world(&main), &opts(true)).unwrap();
        let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
        assert!(text.contains("Tiền Giang 2023-10-23"), "{text}");
    }
}
