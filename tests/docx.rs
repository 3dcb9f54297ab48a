//! DOCX export read back: the archive is unzipped and its XML parsed, and the header,
//! number, date, title, sections (orientation, page-number restarts), the PAGE field,
//! the repeated header rows and the appendix rows are checked; re-exports are
//! byte-identical; hostile text comes out literally. LibreOffice, when installed, must
//! convert the file to PDF.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use kehoach::catalogue::Catalogue;
use kehoach::render::docx::{DocxOutput, render_plan_docx};
use quick_xml::Reader;
use quick_xml::events::Event;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/render")
        .join(name)
}

fn fixture_catalogue() -> Catalogue {
    let text = std::fs::read_to_string(fixture("catalogue.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn load(path: &Path) -> kehoach::plan::LoadedPlan {
    match kehoach::plan::load_plan(path) {
        Ok(l) => l,
        Err(kehoach::plan::LoadError::Invalid { diagnostics, .. }) => panic!("{diagnostics:#?}"),
        Err(e) => panic!("{e}"),
    }
}

fn export_fixture(name: &str) -> DocxOutput {
    let loaded = load(&fixture(name));
    render_plan_docx(&loaded.plan, &fixture_catalogue()).unwrap()
}

fn export_bundled(name: &str) -> DocxOutput {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(name);
    let loaded = load(&path);
    let catalogue = kehoach::catalogue::resolve(&loaded.plan.catalogue, None).unwrap();
    render_plan_docx(&loaded.plan, &catalogue).unwrap()
}

/// Every part of a zip archive (DOCX, XLSX), by name.
pub fn parts(docx: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        out.insert(f.name().to_string(), s);
    }
    out
}

/// A parsed element: name, attributes, children (text nodes as `#text`).
#[derive(Debug, Default, Clone)]
struct El {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<El>,
    text: String,
}

impl El {
    fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            c.find_all(name, out);
        }
    }
    fn all(&self, name: &str) -> Vec<&El> {
        let mut v = Vec::new();
        self.find_all(name, &mut v);
        v
    }
    fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }
    /// The text of every `w:t` below, concatenated.
    /// The text of `w:t` elements in order, a line break (`w:br`) as "\n".
    fn text(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            match c.name.as_str() {
                "w:t" => s.push_str(&c.text),
                "w:br" => s.push('\n'),
                _ => s.push_str(&c.text()),
            }
        }
        s
    }
}

/// Parse XML into a tree; panics on malformed XML (which is itself a failure).
fn parse(xml: &str) -> El {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![El::default()];
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => {
                let el = element(&e);
                stack.last_mut().unwrap().children.push(el);
            }
            Event::End(_) => {
                let el = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(el);
            }
            Event::Text(t) => {
                let s = t.decode().unwrap();
                let s = quick_xml::escape::unescape(&s).unwrap().into_owned();
                stack.last_mut().unwrap().text.push_str(&s);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().unwrap();
                let s = quick_xml::escape::unescape(&format!("&{name};"))
                    .unwrap()
                    .into_owned();
                stack.last_mut().unwrap().text.push_str(&s);
            }
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unbalanced XML");
    stack.pop().unwrap()
}

fn element(e: &quick_xml::events::BytesStart) -> El {
    El {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    quick_xml::escape::unescape(&String::from_utf8_lossy(&a.value))
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect(),
        ..El::default()
    }
}

fn document(out: &DocxOutput) -> El {
    parse(&parts(&out.bytes)["word/document.xml"])
}

/// The text of each body paragraph (not inside tables), in order.
fn paragraphs(doc: &El) -> Vec<String> {
    doc.all("w:p").iter().map(|p| p.text()).collect()
}

#[test]
fn header_number_date_title_and_signature_read_back() {
    let out = export_fixture("tien-giang-small.yaml");
    let doc = document(&out);
    let paras = paragraphs(&doc);
    for needle in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "TỈNH TIỀN GIANG",
        "Số: 444/KH-UBND",
        "Tiền Giang, ngày 23 tháng 10 năm 2023",
        "KẾ HOẠCH",
        // Broken where the PDF breaks it (the view's title_lines), not by Word, which
        // left "theo" alone on the second line.
        "Nâng cao chỉ số chuyển đổi số tỉnh\nTiền Giang năm 2023 và các năm tiếp theo",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Văn Vĩnh",
        "Nơi nhận:",
    ] {
        assert!(
            paras.iter().any(|p| p == needle),
            "no paragraph {needle:?} in {paras:#?}"
        );
    }
    // The header is the first table, two columns, no borders: issuing body left, national
    // name right, number and place-date on the second row.
    let body = doc.child("w:document").unwrap().child("w:body").unwrap();
    let first = &body.children[0];
    assert_eq!(first.name, "w:tbl");
    let rows = first.all("w:tr");
    assert_eq!(rows.len(), 2);
    let cells: Vec<String> = rows[1].all("w:tc").iter().map(|c| c.text()).collect();
    assert_eq!(
        cells,
        ["Số: 444/KH-UBND", "Tiền Giang, ngày 23 tháng 10 năm 2023"]
    );
    for b in first
        .all("w:tblBorders")
        .iter()
        .chain(&first.all("w:tcBorders"))
    {
        for side in &b.children {
            let val = side.attrs.get("w:val").map(String::as_str);
            assert!(matches!(val, Some("none" | "nil")), "{side:?}");
        }
    }
    // The place-date is italic; the bases too; the body text ends with "./.".
    let date_run = rows[1]
        .all("w:r")
        .into_iter()
        .find(|r| r.text().contains("ngày"))
        .unwrap();
    assert!(date_run.child("w:rPr").unwrap().child("w:i").is_some());
    let basis = doc
        .all("w:p")
        .into_iter()
        .find(|p| p.text().starts_with("Căn cứ"))
        .expect("a basis");
    assert!(basis.all("w:i").len() == 1, "{basis:?}");
    assert!(paras.iter().any(|p| p.ends_with("./.")));
    // Every run names Times New Roman for all four scripts.
    for f in doc.all("w:rFonts") {
        for k in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] {
            assert_eq!(
                f.attrs.get(k).map(String::as_str),
                Some("Times New Roman"),
                "{f:?}"
            );
        }
    }
    // Editable text only: no drawings, pictures or text boxes.
    let xml = &parts(&out.bytes)["word/document.xml"];
    for bad in [
        "<w:drawing",
        "<w:pict",
        "<wps:txbx",
        "<v:textbox",
        "<w:txbxContent",
    ] {
        assert!(!xml.contains(bad), "{bad}");
    }
}

#[test]
fn outline_parts_items_and_points_are_numbered() {
    // The outline example of docs/plan-format.md: parts, items, tasks as points, and the
    // field lines only where the author asked for them (a deadline under one item).
    let loaded = load(&fixture("outline.yaml"));
    let out = kehoach::render::docx::render_plan_docx(&loaded.plan, kehoach::catalogue::embedded())
        .unwrap();
    let paras = paragraphs(&document(&out));
    assert!(paras.iter().any(|p| p.starts_with("I. ")), "{paras:#?}");
    assert!(paras.iter().any(|p| p.starts_with("II. ")), "{paras:#?}");
    assert!(paras.iter().any(|p| p.starts_with("1. ")), "{paras:#?}");
    assert!(paras.iter().any(|p| p.starts_with("a) ")), "{paras:#?}");
    assert!(
        paras
            .iter()
            .any(|p| p.starts_with("- Thời gian hoàn thành: ")),
        "{paras:#?}"
    );
    assert!(
        !paras.iter().any(|p| p.starts_with("- Cơ quan chủ trì: ")),
        "field lines nobody asked for: {paras:#?}"
    );
}

fn sections(doc: &El) -> Vec<&El> {
    doc.all("w:sectPr")
}

#[test]
fn sections_are_a4_the_appendix_landscape_and_paginated_from_one() {
    let out = export_fixture("tien-giang-small.yaml");
    let doc = document(&out);
    let secs = sections(&doc);
    assert!(secs.len() >= 2, "{} sections", secs.len());
    let size = |s: &El| {
        let p = s.child("w:pgSz").unwrap();
        (
            p.attrs["w:w"].clone(),
            p.attrs["w:h"].clone(),
            p.attrs.get("w:orient").cloned().unwrap_or_default(),
        )
    };
    assert_eq!(
        size(secs[0]),
        ("11906".into(), "16838".into(), "portrait".into())
    );
    let last = secs.last().unwrap();
    assert_eq!(
        size(last),
        ("16838".into(), "11906".into(), "landscape".into())
    );
    // Margins 25/20/35/20 mm on the body pages.
    let m = secs[0].child("w:pgMar").unwrap();
    assert_eq!(
        [
            &m.attrs["w:top"],
            &m.attrs["w:bottom"],
            &m.attrs["w:left"],
            &m.attrs["w:right"]
        ],
        ["1417", "1134", "1984", "1134"]
    );
    for s in &secs {
        // Different first page: page 1 of the body and of each appendix shows no number.
        assert!(s.child("w:titlePg").is_some(), "{s:?}");
        let refs: Vec<&str> = s
            .all("w:headerReference")
            .iter()
            .map(|r| r.attrs["w:type"].as_str())
            .collect();
        assert!(
            refs.contains(&"default") && refs.contains(&"first"),
            "{refs:?}"
        );
    }
    for s in &secs[1..] {
        let n = s.child("w:pgNumType").expect("appendix restarts numbering");
        assert_eq!(n.attrs["w:start"], "1");
    }
    // The default header holds a PAGE field, centred; the first-page header is empty.
    let all = parts(&out.bytes);
    let rels = &all["word/_rels/document.xml.rels"];
    let target = |s: &El, kind: &str| {
        let id = s
            .all("w:headerReference")
            .into_iter()
            .find(|r| r.attrs["w:type"] == kind)
            .unwrap()
            .attrs["r:id"]
            .clone();
        let rels = parse(rels);
        let rel = rels
            .all("Relationship")
            .into_iter()
            .find(|r| r.attrs["Id"] == id)
            .unwrap()
            .attrs["Target"]
            .clone();
        parse(&all[&format!("word/{rel}")])
    };
    let header = target(secs[0], "default");
    let instr: String = header
        .all("w:instrText")
        .iter()
        .map(|t| t.text.clone())
        .collect();
    assert_eq!(instr.trim(), "PAGE");
    let chars: Vec<&str> = header
        .all("w:fldChar")
        .iter()
        .map(|f| f.attrs["w:fldCharType"].as_str())
        .collect();
    assert_eq!(chars, ["begin", "separate", "end"]);
    let jc = header.all("w:jc");
    assert_eq!(jc[0].attrs["w:val"], "center");
    let first = target(secs[0], "first");
    assert!(first.all("w:instrText").is_empty());
}

#[test]
fn appendix_header_rows_repeat_and_rows_come_out() {
    let out = export_fixture("tien-giang-small.yaml");
    let doc = document(&out);
    let data: Vec<&El> = doc
        .all("w:tbl")
        .into_iter()
        .filter(|t| {
            t.child("w:tblPr")
                .and_then(|p| p.child("w:tblStyle"))
                .is_some_and(|s| s.attrs["w:val"] == "KhBang")
        })
        .collect();
    assert!(!data.is_empty());
    for t in &data {
        let rows = t.all("w:tr");
        let header = |r: &El| {
            r.child("w:trPr")
                .is_some_and(|p| p.child("w:tblHeader").is_some())
        };
        assert!(header(rows[0]), "first row not a header row: {:?}", rows[0]);
        assert!(rows[1..].iter().all(|r| !header(r)));
    }
    // The assignment appendix: its header row, a group row spanning the nine columns,
    // and the task rows with code and agencies.
    let appendix = data
        .iter()
        .find(|t| t.all("w:tr")[0].text().contains("Mã chỉ số"))
        .expect("assignment appendix");
    let rows = appendix.all("w:tr");
    let cells = |r: &El| r.all("w:tc").iter().map(|c| c.text()).collect::<Vec<_>>();
    // The columns are those the view chose (only the ones some row fills), in its order.
    let loaded = load(&fixture("tien-giang-small.yaml"));
    let view = kehoach::render::view::build(&loaded.plan, &fixture_catalogue());
    let assignment = view
        .appendices
        .iter()
        .find_map(|a| a.assignment.as_ref())
        .unwrap();
    let headers: Vec<&str> = assignment.columns.iter().map(|c| c.header).collect();
    assert_eq!(cells(rows[0]), headers);
    for h in ["TT", "Mã chỉ số", "Tên chỉ số", "Cơ quan chủ trì"] {
        assert!(headers.contains(&h), "no {h} column: {headers:?}");
    }
    let span = rows[1].all("w:gridSpan");
    assert_eq!(span[0].attrs["w:val"], headers.len().to_string());
    let inputs: usize = assignment
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .map(|r| r.inputs.len())
        .sum();
    assert_eq!(
        rows.len(),
        1 + assignment.groups.len() + assignment.rows + inputs
    );
    let first = &assignment.groups[0].rows[0];
    assert_eq!(cells(rows[2]), first.cells);
    // The attach line, in italics, centred.
    let paras = paragraphs(&doc);
    assert!(
        paras
            .iter()
            .any(|p| p.starts_with("(Kèm theo Kế hoạch số 444/KH-UBND ngày 23 tháng 10 năm 2023")),
        "{paras:#?}"
    );
}

#[test]
fn re_exports_are_byte_identical() {
    let a = export_fixture("tien-giang-small.yaml");
    // Another document in between on the same thread: docx-rs's paragraph-id counter
    // moves on, the output must not.
    let _ = export_fixture("budget-small.yaml");
    let b = export_fixture("tien-giang-small.yaml");
    assert_eq!(a.bytes, b.bytes);
    let c = std::thread::spawn(|| export_fixture("tien-giang-small.yaml"))
        .join()
        .unwrap();
    assert_eq!(a.bytes, c.bytes);
    // Fixed timestamps in the archive and the document date in the core properties.
    let mut zip = zip::ZipArchive::new(Cursor::new(&a.bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(String::from).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1), "{}", f.name());
    }
    let core = &parts(&a.bytes)["docProps/core.xml"];
    assert!(core.contains("2023-10-23T00:00:00Z"), "{core}");
}

#[test]
fn budget_appendix_reads_back_with_totals() {
    let out = export_fixture("budget-small.yaml");
    let doc = document(&out);
    let paras = paragraphs(&doc);
    assert!(paras.iter().any(|p| p == "TỔNG CỘNG"), "{paras:#?}");
    assert!(
        paras.iter().any(|p| p.starts_with("Đơn vị tính:")),
        "{paras:#?}"
    );
}

#[test]
fn hostile_strings_come_out_literally_and_forbidden_characters_are_reported() {
    let mut loaded = load(&fixture("tien-giang-small.yaml"));
    let strings: Vec<String> = vec![
        "<w:p>chèn</w:p> & </w:t>".into(),
        "]]> <!-- x --> <?pi?>".into(),
        r#"" ' &amp; &lt;"#.into(),
        "{{ tera }} {% if %}".into(),
        "#read(\"/etc/passwd\")".into(),
        "emoji 🎉 cuối".into(),
        "tab\there".into(),
    ];
    let spanned = |s: &String| kehoach::source::Spanned::unlocated(s.clone());
    loaded.plan.bases = strings.iter().map(spanned).collect();
    loaded.plan.recipients = strings.iter().map(spanned).collect();
    loaded.plan.bases.push(kehoach::source::Spanned::unlocated(
        "chuông\u{7}và\u{1b}thoát\u{FFFF}".into(),
    ));
    let out = render_plan_docx(&loaded.plan, &fixture_catalogue()).unwrap();
    let doc = document(&out);
    let paras = paragraphs(&doc);
    for s in &strings {
        let want = s.replace('\t', "");
        assert!(
            paras.iter().any(|p| p == &want),
            "{s:?} not literal in {paras:#?}"
        );
        let line = format!("- {want}");
        assert!(paras.iter().any(|p| p == &line), "recipient {s:?}");
    }
    assert!(paras.iter().any(|p| p == "chuôngvàthoát"), "{paras:#?}");
    let found: Vec<(&str, usize)> = out
        .stripped
        .iter()
        .map(|s| (s.character.as_str(), s.count))
        .collect();
    assert_eq!(found, [("U+0007", 1), ("U+001B", 1), ("U+FFFF", 1)]);
    assert!(
        out.stripped[0].place.contains("căn cứ"),
        "{:?}",
        out.stripped
    );
}

#[test]
fn every_bundled_plan_exports() {
    for name in [
        "ca-mau-2023.yaml",
        "gia-lai-2023.yaml",
        "tien-giang-2023.yaml",
        "tien-giang-2024.yaml",
        "tuyen-quang-2022.yaml",
    ] {
        let out = export_bundled(name);
        let doc = document(&out);
        let paras = paragraphs(&doc);
        assert!(
            paras
                .iter()
                .any(|p| p == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "{name}"
        );
        assert!(paras.iter().any(|p| p.contains("/KH-UBND")), "{name}");
        assert!(out.stripped.is_empty(), "{name}: {:?}", out.stripped);
    }
}

/// LibreOffice opens the Tiền Giang 2023 DOCX and converts it to PDF. Skipped, by name,
/// where `soffice` is not installed.
#[test]
fn libreoffice_converts_the_docx() {
    let Ok(status) = std::process::Command::new("soffice")
        .arg("--version")
        .output()
    else {
        eprintln!("skipped libreoffice_converts_the_docx: soffice not installed");
        return;
    };
    if !status.status.success() {
        eprintln!("skipped libreoffice_converts_the_docx: soffice --version failed");
        return;
    }
    let dir = std::env::temp_dir().join(format!("kehoach-docx-lo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("tien-giang-2023.docx");
    std::fs::write(&docx, export_bundled("tien-giang-2023.yaml").bytes).unwrap();
    let run = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&docx)
        .output()
        .unwrap();
    let pdf = dir.join("tien-giang-2023.pdf");
    assert!(
        run.status.success() && pdf.is_file(),
        "{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Số: 444/KH-UBND"), "{text}");
    assert!(text.contains("PHỤ LỤC"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn kehoach() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_kehoach"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-docx-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn cli_render_format_docx_and_build_writes_both() {
    let dir = temp_dir("cli");
    let plan = dir.join("tien-giang-small.yaml");
    std::fs::copy(fixture("tien-giang-small.yaml"), &plan).unwrap();
    let run = kehoach()
        .arg("render")
        .arg(&plan)
        .args(["--format", "docx"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = std::fs::read(dir.join("tien-giang-small.docx")).unwrap();
    let loaded = load(&plan);
    let catalogue = kehoach::catalogue::resolve(&loaded.plan.catalogue, None).unwrap();
    assert_eq!(
        written,
        render_plan_docx(&loaded.plan, &catalogue).unwrap().bytes
    );
    // --emit is about the PDF: asking for Typst with a DOCX is a usage error.
    let bad = kehoach()
        .arg("render")
        .arg(&plan)
        .args(["--format", "docx", "--emit", "typ"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--emit"));
    // build: the PDF and the DOCX beside it by default; `--format docx` only the DOCX.
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::copy(fixture("tien-giang-small.yaml"), plans.join("kh.yaml")).unwrap();
    let out = dir.join("out");
    let run = kehoach()
        .arg("build")
        .arg(&plans)
        .arg("--out")
        .arg(&out)
        .arg("--no-lint")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out.join("kh.pdf").is_file() && out.join("kh.docx").is_file());
    let only = dir.join("only");
    let run = kehoach()
        .arg("build")
        .arg(&plans)
        .arg("--out")
        .arg(&only)
        .args(["--no-lint", "--format", "docx"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(only.join("kh.docx").is_file() && !only.join("kh.pdf").exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn short_rules_keep_clear_of_the_text_above() {
    // The rules under the issuer, the motto and the title are empty paragraphs with a top
    // border. An exact 1 pt line made LibreOffice draw the border over the line above
    // ("TỈNH TIỀN GIANG" struck through); they are "at least" 1 pt with 6 pt before.
    let doc = document(&export_fixture("tien-giang-small.yaml"));
    let rules: Vec<&El> = doc
        .all("w:p")
        .into_iter()
        .filter(|p| !p.all("w:pBdr").is_empty() && p.text().is_empty())
        .collect();
    assert!(
        rules.len() >= 3,
        "issuer, motto and title rules: {}",
        rules.len()
    );
    for r in rules {
        let spacing = r.all("w:spacing");
        let s = spacing.first().expect("a rule sets its spacing");
        assert_eq!(s.attrs["w:lineRule"], "atLeast", "{:?}", s.attrs);
        assert_eq!(s.attrs["w:before"], "120", "{:?}", s.attrs);
    }
}
