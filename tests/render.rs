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
    // Task lines are printed only when asked: ask for all of them.
    {
        use kehoach::plan::TaskField::*;
        loaded.plan.task_fields = vec![Lead, Support, Deadline, Target, Budget, Note];
    }
    // Without an appendix every task is printed in the body (with one, its rows only there).
    loaded.plan.appendices.clear();
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

fn lopdf(pdf: &[u8]) -> lopdf::Document {
    lopdf::Document::load_mem(pdf).unwrap()
}

/// Page sizes in points (width, height), rounded.
fn page_sizes(doc: &lopdf::Document) -> Vec<(i64, i64)> {
    doc.get_pages()
        .values()
        .map(|id| {
            let page = doc.get_dictionary(*id).unwrap();
            let mb = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let n = |o: &lopdf::Object| {
                o.as_float()
                    .map(f64::from)
                    .unwrap_or_else(|_| o.as_i64().unwrap() as f64)
            };
            (
                (n(&mb[2]) - n(&mb[0])).round() as i64,
                (n(&mb[3]) - n(&mb[1])).round() as i64,
            )
        })
        .collect()
}

#[test]
fn pages_are_a4_and_the_assignment_appendix_is_landscape() {
    let out = render("tien-giang-small.yaml");
    let sizes = page_sizes(&lopdf(&out.pdf));
    assert_eq!(sizes.len(), out.pages);
    // A4 is 595.28 × 841.89 pt.
    assert_eq!(sizes[0], (595, 842));
    assert_eq!(*sizes.last().unwrap(), (842, 595), "{sizes:?}");
    assert!(sizes.iter().all(|s| *s == (595, 842) || *s == (842, 595)));
}

#[test]
fn every_font_is_embedded() {
    let out = render("tien-giang-small.yaml");
    let doc = lopdf(&out.pdf);
    let mut descriptors = 0;
    for (_, obj) in doc.objects.iter() {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor".as_slice()) {
            descriptors += 1;
            assert!(
                dict.has(b"FontFile") || dict.has(b"FontFile2") || dict.has(b"FontFile3"),
                "font not embedded: {:?}",
                dict.get(b"FontName")
            );
        }
    }
    assert!(
        descriptors >= 3,
        "regular, bold and italic at least: {descriptors}"
    );
}

/// Poppler (pdfinfo, pdftoppm, the signing tools built on it) reads the PDF without a
/// complaint: it used to print "Syntax Error: Suspects object is wrong type (boolean)"
/// for the catalogue's `/MarkInfo /Suspects false`.
#[test]
fn poppler_reads_the_pdf_without_complaint() {
    let out = render("tien-giang-small.yaml");
    let dir = std::env::temp_dir().join(format!("kehoach-pdfinfo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("doc.pdf");
    std::fs::write(&path, &out.pdf).unwrap();
    let run = std::process::Command::new("pdfinfo").arg(&path).output();
    let _ = std::fs::remove_dir_all(&dir);
    let Ok(run) = run else {
        eprintln!("skipped poppler_reads_the_pdf_without_complaint: pdfinfo not installed");
        return;
    };
    assert!(run.status.success());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("Tagged:          yes"), "{stdout}");
    assert!(stdout.contains("Suspects:        no"), "{stdout}");
    assert_eq!(String::from_utf8_lossy(&run.stderr), "");
}

#[test]
fn two_renders_are_byte_identical() {
    let a = render("tien-giang-small.yaml");
    let b = render("tien-giang-small.yaml");
    assert_eq!(a.typst_source, b.typst_source);
    assert!(a.pdf == b.pdf, "PDFs differ");
    // The creation date is the document's date, not the clock.
    let text = String::from_utf8_lossy(&a.pdf);
    assert!(
        text.contains("2023-10-23") || text.contains("D:20231023"),
        "no document date"
    );
    // XMP metadata (UTF-8): title, author = issuing body.
    assert!(text.contains("<dc:title>"), "no title");
    assert!(
        text.contains("Kế hoạch Nâng cao chỉ số chuyển đổi số tỉnh Tiền Giang"),
        "title"
    );
    assert!(text.contains("Ủy ban nhân dân tỉnh Tiền Giang"), "author");
}

#[test]
fn appendix_rows_and_attach_line_come_out() {
    let text = pdf_text(&render("tien-giang-small.yaml").pdf);
    for needle in [
        "PHỤ LỤC",
        "NHIỆM VỤ TRỌNG TÂM NÂNG CAO CHỈ SỐ DTI",
        "(Kèm theo Kế hoạch số 444/KH-UBND ngày 23 tháng 10 năm 2023 của Ủy ban nhân dân tỉnh Tiền Giang)",
        "Triển khai Cổng dữ liệu mở",
        "Triển khai theo dự án",
        "Sở Kế hoạch và Đầu tư, Công an tỉnh",
        "1. Nhận thức số",
        "6. Hoạt động chính quyền số",
        "./.",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn budget_appendix_computes_totals_and_flags_stated_ones() {
    let out = render("budget-small.yaml");
    let text = pdf_text(&out.pdf);
    for needle in [
        "PHỤ LỤC I",
        "PHỤ LỤC II",
        "Số: 541/KH-UBND",
        "Tiền Giang, ngày 26 tháng 12 năm 2023",
        // Section I: items 1.200 + 250 = 1.450, stated 1.500.
        "1.450 (kế hoạch ghi: 1.500 — không khớp)",
        // Section II agrees with its items: no flag.
        "468,9",
        // Grand total computed 1.918,9, stated 1.968,9.
        "1.918,9 (kế hoạch ghi: 1.968,9 — không khớp)",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    assert!(
        !text.contains("ghi: 468,9"),
        "a matching subtotal was flagged"
    );
}

#[test]
fn number_gets_a_leading_zero_and_a_draft_prints_blanks() {
    let loaded = kehoach::plan::load_plan(&fixture("tien-giang-small.yaml")).unwrap();
    let opts = RenderOptions {
        typst_only: true,
        ..RenderOptions::default()
    };
    let mut plan = loaded.plan.clone();
    plan.document.number = Some(kehoach::source::Spanned::unlocated("5".into()));
    let out = render_plan(&plan, &loaded.source, &catalogue(), &opts).unwrap();
    assert!(out.typst_source.contains(r#"[#"Số: 05/KH-UBND";]"#));
    assert!(out.pdf.is_empty());

    let mut draft = loaded.plan.clone();
    draft.document.draft = true;
    let out = render_plan(
        &draft,
        &loaded.source,
        &catalogue(),
        &RenderOptions::default(),
    )
    .unwrap();
    let text = pdf_text(&out.pdf);
    assert!(text.contains("Số: /KH-UBND"), "{text}");
    assert!(text.contains("Tiền Giang, ngày tháng năm 2023"), "{text}");
    assert!(
        text.contains("(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2023"),
        "{text}"
    );
    assert!(!text.contains("444"));
}

/// A template directory holding one overridden file.
fn override_dir(name: &str, file: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-tpl-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(file), text).unwrap();
    dir
}

#[test]
fn templates_are_overridden_by_file_name() {
    let lib = include_str!("../templates/nd30.typ").replace(
        "[Độc lập - Tự do - Hạnh phúc]",
        "[Độc lập - Tự do - Hạnh phúc (mẫu tỉnh)]",
    );
    let dir = override_dir("ok", "nd30.typ", &lib);
    let opts = RenderOptions {
        templates: Some(dir.clone()),
        ..RenderOptions::default()
    };
    let out = render_with("tien-giang-small.yaml", &opts).unwrap_or_else(|e| panic!("{e}"));
    assert!(pdf_text(&out.pdf).contains("Hạnh phúc (mẫu tỉnh)"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_template_cannot_read_outside_the_project_root() {
    let main = include_str!("../templates/plan.typ.tera").replace(
        "#nd30.end-mark",
        "#read(\"/etc/passwd\") #read(\"../../../../../../etc/passwd\") #nd30.end-mark",
    );
    let dir = override_dir("read", "plan.typ.tera", &main);
    let opts = RenderOptions {
        templates: Some(dir.clone()),
        ..RenderOptions::default()
    };
    let err = render_with("tien-giang-small.yaml", &opts)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/etc/passwd") && err.contains("not found"),
        "{err}"
    );
    assert!(!err.contains("root:"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn typst_warnings_are_errors_with_a_location() {
    // An unknown font family is only a warning in Typst, followed by a silent fallback.
    let lib = include_str!("../templates/nd30.typ").replace(
        "#let font = (\"Liberation Serif\", \"Symbola\")",
        "#let font = (\"Times New Roman\", \"Liberation Serif\")",
    );
    let dir = override_dir("font", "nd30.typ", &lib);
    let opts = RenderOptions {
        templates: Some(dir.clone()),
        ..RenderOptions::default()
    };
    let err = render_with("tien-giang-small.yaml", &opts).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("warning") && msg.to_lowercase().contains("times new roman"),
        "{msg}"
    );
    assert!(msg.contains("/nd30.typ:"), "no location: {msg}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn generated_typst_snapshot() {
    let loaded = kehoach::plan::load_plan(&fixture("tien-giang-small.yaml")).unwrap();
    let opts = RenderOptions {
        typst_only: true,
        ..RenderOptions::default()
    };
    let out = render_plan(&loaded.plan, &loaded.source, &catalogue(), &opts).unwrap();
    insta::assert_snapshot!("tien_giang_small_typ", out.typst_source);
}

#[test]
fn baseline_appendix_lists_indicator_points_and_sums_missing_index_points() {
    use kehoach::plan::{Appendix, AppendixKind, BaselineIndicator, Figure};
    use kehoach::source::Spanned;
    let mut loaded = kehoach::plan::load_plan(&fixture("tien-giang-small.yaml")).unwrap();
    let baseline = loaded.plan.baseline.as_mut().unwrap();
    // Index 6 has no stated points: its row sums its indicators (2,5 + 7,25 = 9,75).
    baseline.indices.retain(|i| i.code.value != "6");
    for (code, points) in [("6.2", "2,5"), ("6.7", "7,25")] {
        baseline.indicators.push(BaselineIndicator {
            code: Spanned::unlocated(code.into()),
            points: Some(Spanned::unlocated(Figure::Text(points.into()))),
            status: None,
            inputs: Default::default(),
            note: Some(format!("ghi chú {code}")),
        });
    }
    loaded.plan.appendices.push(Appendix {
        title: "Điểm các chỉ số năm 2022".into(),
        kind: AppendixKind::Baseline,
        table: None,
        tasks: None,
        groups: Vec::new(),
    });
    let out = render_plan(
        &loaded.plan,
        &loaded.source,
        &catalogue(),
        &RenderOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let text = pdf_text(&out.pdf);
    for needle in [
        "PHỤ LỤC I ",
        "PHỤ LỤC II",
        "ĐIỂM CÁC CHỈ SỐ NĂM 2022",
        "Hoạt động chính quyền số 200 9,75",
        "6.7 Tỷ lệ số dịch vụ dữ liệu",
        "7,25 ghi chú 6.7",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

/// Every task's body is printed, once: in the body where the outline places it, else as
/// the "Nhiệm vụ" cell of its appendix row (it was dropped from appendix rows before).
#[test]
fn every_task_body_is_printed_once() {
    let loaded = kehoach::plan::load_plan(&fixture("tien-giang-small.yaml")).unwrap();
    let text = pdf_text(&render("tien-giang-small.yaml").pdf);
    let bodies: Vec<String> = loaded
        .plan
        .tasks
        .iter()
        .filter_map(|t| t.body.as_deref())
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert!(!bodies.is_empty(), "{bodies:?}");
    for b in &bodies {
        // The first words: a table cell may break the rest across lines and pages.
        let head: String = b.split(' ').take(6).collect::<Vec<_>>().join(" ");
        assert_eq!(text.matches(&head).count(), 1, "{head:?} in {text}");
    }
    assert!(text.contains("Nhiệm vụ"), "{text}");
}
