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

/// The PDF's text through poppler's `pdftotext`, when it is installed.
fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("kehoach-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join("doc.pdf");
    std::fs::write(&path, pdf).ok()?;
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    let _ = std::fs::remove_dir_all(&dir);
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Strings that would run code or break markup if they crossed into Typst unescaped.
fn hostile() -> Vec<String> {
    vec![
        r#"#read("x")"#.into(),
        r#"#read("/etc/passwd")"#.into(),
        "#set page(width: 1cm)".into(),
        "giá $x^2$ đồng".into(),
        "*đậm* và _nghiêng_".into(),
        "@nhan <nhan> ]".into(),
        r"dấu \ ngược \\ và \n".into(),
        "// chú thích /* khối */".into(),
        "<b>HTML</b> &amp;".into(),
        "= Tiêu đề - gạch + cộng".into(),
        "zero\u{200b}width\u{200c}joiner\u{200d}x".into(),
        "emoji 🎉 cuối".into(),
        format!("dài{}", "x".repeat(5000)),
    ]
}

#[test]
fn hostile_strings_come_out_literally() {
    let mut loaded = kehoach::plan::load_plan(&fixture("tien-giang-small.yaml")).unwrap();
    let strings = hostile();
    let spanned = |s: &String| kehoach::source::Spanned::unlocated(s.clone());
    loaded.plan.bases = strings.iter().map(spanned).collect();
    loaded.plan.recipients = strings.iter().map(spanned).collect();
    // Markdown fields: every string that is not Markdown syntax itself (`*`, `_`, `\`
    // and `&amp;` are, by design).
    let md: Vec<&String> = strings
        .iter()
        .filter(|s| !s.contains(['*', '_', '\\', '&']))
        .collect();
    loaded.plan.tasks[0].body = Some(
        md.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n\n"),
    );
    loaded.plan.closing = Some(
        md.iter()
            .map(|s| format!("- {s}"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let out = render_plan(
        &loaded.plan,
        &loaded.source,
        &catalogue(),
        &RenderOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let text = pdf_text(&out.pdf);
    // pdf-extract drops zero-width joiners and inserts stray U+200B at glyph runs, and may
    // glue a page number to text running over a page break, so compare without
    // whitespace, zero-width characters and digits here; poppler, when present, checks
    // the strings exactly below.
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
            .filter(|c| !matches!(c, '\u{200b}'..='\u{200d}' | '\u{feff}'))
            .collect()
    };
    // Page numbers interleave with text that runs over a page break: drop them.
    let no_page_numbers = |s: &str| -> String {
        s.split_whitespace()
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let squeezed = plain(&no_page_numbers(&text));
    // The signature column sits beside the recipients: pdf-extract may emit it in the
    // middle of a recipient that runs over a page, so take it out.
    let squeezed = ["TM.ỦYBANNHÂNDÂN", "CHỦTỊCH", "NguyễnVănVĩnh"]
        .iter()
        .fold(squeezed, |t, s| t.replace(s, ""));
    for s in &strings {
        // Bases and recipients; task body and closing too for the Markdown ones.
        let want = if md.contains(&s) { 4 } else { 2 };
        assert!(
            squeezed.matches(&plain(s)).count() >= want,
            "missing {:?}: {} of {want}",
            s.chars().take(60).collect::<String>(),
            squeezed.matches(&plain(s)).count()
        );
    }
    if let Some(poppler) = pdftotext(&out.pdf) {
        // Exact, zero-width characters included (kehoach adds U+200B only inside runs of
        // more than 40 characters, such as the 5,000-character word).
        let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
        let poppler = squeeze(&no_page_numbers(&poppler));
        for s in &strings {
            let want = squeeze(s);
            let found = if want.chars().count() > 40 {
                poppler.replace('\u{200b}', "").contains(&want)
            } else {
                poppler.contains(&want)
            };
            assert!(
                found,
                "pdftotext: missing {:?}",
                s.chars().take(60).collect::<String>()
            );
        }
    }
    // Nothing ran: the page is still A4 (a `#set page(width: 1cm)` would change it).
    assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
}
