//! Render tests: fixture plans through Tera → Typst → PDF, read back with pdf-extract.

use std::path::{Path, PathBuf};

use kehoach::catalogue::Catalogue;
use kehoach::render::{RenderOptions, RenderOutput, render_plan};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/render")
        .join(name)
}

fn catalogue() -> Catalogue {
    let text = std::fs::read_to_string(fixture("catalogue.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn render_with(
    name: &str,
    opts: &RenderOptions,
) -> Result<RenderOutput, kehoach::render::RenderError> {
    let loaded = match kehoach::plan::load_plan(&fixture(name)) {
        Ok(l) => l,
        Err(kehoach::plan::LoadError::Invalid { diagnostics, .. }) => panic!("{diagnostics:#?}"),
        Err(e) => panic!("{e}"),
    };
    render_plan(&loaded.plan, &loaded.source, &catalogue(), opts)
}

fn render(name: &str) -> RenderOutput {
    match render_with(name, &RenderOptions::default()) {
        Ok(o) => o,
        Err(e) => panic!("{e}"),
    }
}

/// The PDF's text, whitespace runs collapsed to one space.
fn pdf_text(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn header_title_and_signer_come_out_with_diacritics() {
    let out = render("tien-giang-small.yaml");
    let text = pdf_text(&out.pdf);
    for needle in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "TỈNH TIỀN GIANG",
        "Số: 444/KH-UBND",
        "Tiền Giang, ngày 23 tháng 10 năm 2023",
        "KẾ HOẠCH",
        "Nâng cao chỉ số chuyển đổi số tỉnh Tiền Giang năm 2023 và các năm tiếp theo",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Văn Vĩnh",
        "Nơi nhận:",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}
