//! The five bundled plans render with the embedded catalogue, and the Tiền Giang 2023
//! PDF reads back with its header, title, appendix rows and signer intact.

use std::path::Path;

use kehoach::render::{RenderOptions, render_plan};

fn render(name: &str) -> kehoach::render::RenderOutput {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(name);
    let loaded = kehoach::plan::load_plan(&path).unwrap_or_else(|e| panic!("{e}"));
    let catalogue = kehoach::catalogue::resolve(&loaded.plan.catalogue, None).unwrap();
    render_plan(
        &loaded.plan,
        &loaded.source,
        &catalogue,
        &RenderOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn text(pdf: &[u8]) -> String {
    let t = pdf_extract::extract_text_from_mem(pdf).unwrap();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_bundled_plan_renders() {
    for name in [
        "ca-mau-2023.yaml",
        "gia-lai-2023.yaml",
        "tien-giang-2023.yaml",
        "tien-giang-2024.yaml",
        "tuyen-quang-2022.yaml",
    ] {
        let out = render(name);
        assert!(out.pages >= 2, "{name}: {} pages", out.pages);
        assert!(out.pdf.starts_with(b"%PDF-"), "{name}");
        let t = text(&out.pdf);
        assert!(t.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{name}");
        assert!(t.contains("Độc lập - Tự do - Hạnh phúc"), "{name}");
        assert!(t.contains("/KH-UBND"), "{name}");
    }
}

#[test]
fn tien_giang_2023_reads_back() {
    let out = render("tien-giang-2023.yaml");
    let t = text(&out.pdf);
    for needle in [
        "Số: 444/KH-UBND",
        "Tiền Giang, ngày 23 tháng 10 năm 2023",
        "Nâng cao chỉ số chuyển đổi số tỉnh Tiền Giang năm 2023 và các năm tiếp theo",
        "PHỤ LỤC",
        "(Kèm theo Kế hoạch số 444/KH-UBND ngày 23 tháng 10 năm 2023 của Ủy ban nhân dân tỉnh Tiền Giang)",
        // Appendix rows: code, indicator name and agencies.
        "Triển khai Cổng dữ liệu mở",
        "Tỷ lệ DVCTT được điền sẵn thông tin",
        "Văn phòng UBND tỉnh",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Văn Vĩnh",
    ] {
        assert!(t.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn page_numbers_start_on_page_two_and_each_appendix_restarts() {
    let out = render("tien-giang-2023.yaml");
    let pages = pdf_extract::extract_text_from_mem_by_pages(&out.pdf).unwrap();
    let first_word = |p: &str| p.split_whitespace().next().unwrap_or("").to_string();
    assert_eq!(first_word(&pages[0]), "ỦY", "page 1 carries no number");
    assert_eq!(first_word(&pages[1]), "2");
    let start = pages
        .iter()
        .position(|p| first_word(p) == "PHỤ")
        .expect("an appendix opens a page");
    assert!(start > 2);
    // The appendix counts its own pages: no number on its first, "2" on its second.
    assert_eq!(first_word(&pages[start + 1]), "2");
    assert_eq!(first_word(&pages[start - 1]), start.to_string());
}
