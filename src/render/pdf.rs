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

/// Compile the world to a paged document and export it. Typst warnings are errors.
pub fn compile(world: &KhWorld, opts: &ExportOptions) -> Result<(Vec<u8>, usize), RenderError> {
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
    let pdf = typst_pdf::pdf(&doc, &options)
        .map_err(|errors| RenderError::Pdf(diag::map(world, &errors)))?;
    Ok((pdf, pages))
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
    fn today_is_the_document_date() {
        let main = format!("{MAIN} #datetime.today().display()");
        let (pdf, _) = compile(&world(&main), &opts(true)).unwrap();
        let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
        assert!(text.contains("Tiền Giang 2023-10-23"), "{text}");
    }
}
