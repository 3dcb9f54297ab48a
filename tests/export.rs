//! The office exports read back: the XLSX with calamine (sheets, header, every assignment
//! row, real date cells, print setup from the sheet XML), the ICS with icalendar's parser
//! (one all-day event per deadline, the last day allowed, stable UIDs, fixed DTSTAMP, CRLF
//! and folding), and byte-identical re-exports of XLSX, ICS and DOCX, in one process and
//! across two CLI runs. Expected values are copied from `plans/tien-giang-2023.yaml` and
//! `plans/gia-lai-2023.yaml`.

use std::collections::{BTreeMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use kehoach::plan::{Figure, Plan, Task};
use kehoach::vn::agency::Registry;

fn bundled(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(name)
}

fn load(path: &Path) -> Plan {
    match kehoach::plan::load_plan(path) {
        Ok(l) => l.plan,
        Err(kehoach::plan::LoadError::Invalid { diagnostics, .. }) => panic!("{diagnostics:#?}"),
        Err(e) => panic!("{e}"),
    }
}

fn xlsx_of(plan: &Plan) -> Vec<u8> {
    kehoach::export::xlsx::workbook(plan, Registry::embedded()).unwrap()
}

fn book(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap()
}

/// One sheet as rows of cells.
fn rows(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("expected text, found {other:?}"),
    }
}

/// A date cell as (year, month, day).
fn date(d: &Data) -> Option<(u16, u8, u8)> {
    match d {
        Data::DateTime(dt) => {
            let (y, m, d, h, min, s, _) = dt.to_ymd_hms_milli();
            assert_eq!((h, min, s), (0, 0, 0), "a deadline is a whole day");
            Some((y, m, d))
        }
        Data::Empty => None,
        other => panic!("expected a date cell, found {other:?}"),
    }
}

const HEADER: [&str; 9] = [
    "Mã chỉ số",
    "Nhiệm vụ / chỉ số",
    "Điểm tối đa",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
    "Hạn cuối",
    "Kết quả, mục tiêu",
    "Kinh phí (triệu đồng)",
];

/// The name a row should carry, read from the plan without the exporter's helper: the
/// title, else the body's first non-blank line without its list mark, else the id.
fn expected_name(t: &Task) -> String {
    if let Some(title) = t.title.as_ref().filter(|s| !s.value.trim().is_empty()) {
        return title.value.trim().to_string();
    }
    t.body
        .as_deref()
        .and_then(|b| b.lines().map(str::trim).find(|l| !l.is_empty()))
        .map(|l| l.trim_start_matches(['-', '*', ' ']).to_string())
        .unwrap_or_else(|| t.id.value.clone())
}

fn joined(list: &[kehoach::source::Spanned<String>]) -> String {
    list.iter()
        .map(|s| s.value.trim().to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn xlsx_sheets_are_per_agency_short_and_unique() {
    let plan = load(&bundled("tien-giang-2023.yaml"));
    let mut wb = book(&xlsx_of(&plan));
    let names = wb.sheet_names();
    assert_eq!(names[0], "Phân công");
    // Agencies the plan names, by the registry's short name where it has one.
    for want in [
        "Sở TT&TT",
        "Sở Y tế",
        "Cục Thuế tỉnh",
        "Sở GD&ĐT",
        "Công an tỉnh",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "no sheet {want}: {names:?}"
        );
    }
    let mut seen = HashSet::new();
    for n in &names {
        assert!(
            n.chars().count() <= 31,
            "sheet name over 31 characters: {n}"
        );
        assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
        assert!(seen.insert(n.to_lowercase()), "sheet name twice: {n}");
    }
    // "Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Tiền Giang" is cut at 31 characters.
    assert!(
        names.iter().any(|n| n == "Ngân hàng Nhà nước Việt Nam - C"),
        "{names:?}"
    );
    assert_eq!(names.len(), 22, "{names:?}");
    for n in &names {
        let r = rows(&mut wb, n);
        let header: Vec<String> = r[0].iter().map(text).collect();
        if n == "Phân công" {
            assert_eq!(header, HEADER);
        } else {
            assert_eq!(header[0], "Vai trò", "{n}");
            assert_eq!(header[1..], HEADER, "{n}");
            assert!(r.len() > 1, "sheet {n} has no task");
        }
    }
}

#[test]
fn xlsx_assignment_rows_read_back_with_real_dates() {
    let plan = load(&bundled("tien-giang-2023.yaml"));
    let mut wb = book(&xlsx_of(&plan));
    let r = rows(&mut wb, "Phân công");
    let tasks: Vec<&Task> = plan
        .tasks
        .iter()
        .filter(|t| !(t.indicators.is_empty() && t.lead.is_empty() && t.support.is_empty()))
        .collect();
    assert_eq!(r.len() - 1, tasks.len());
    assert_eq!(tasks.len(), 83, "Tiền Giang 2023 has 83 assigned tasks");
    let mut by_id = BTreeMap::new();
    for (row, t) in r[1..].iter().zip(&tasks) {
        let codes: Vec<&str> = t.indicators.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(text(&row[0]), codes.join(", "), "{}", t.id.value);
        assert_eq!(text(&row[1]), expected_name(t), "{}", t.id.value);
        match t.max_points.as_ref().map(|m| &m.value) {
            Some(Figure::Number(n)) => assert_eq!(row[2], Data::Float(*n), "{}", t.id.value),
            Some(Figure::Text(s)) => assert_eq!(text(&row[2]), *s),
            None => assert_eq!(row[2], Data::Empty, "{}", t.id.value),
        }
        assert_eq!(text(&row[3]), joined(&t.lead), "{}", t.id.value);
        assert_eq!(text(&row[4]), joined(&t.support), "{}", t.id.value);
        let written = t.deadline.as_ref().map_or("", |d| d.value.trim());
        assert_eq!(text(&row[5]), written, "{}", t.id.value);
        assert_eq!(
            text(&row[7]),
            t.target.as_deref().unwrap_or("").trim(),
            "{}",
            t.id.value
        );
        // No task of this plan states a budget (its budget is in the budget tables).
        assert_eq!(row[8], Data::Empty, "{}", t.id.value);
        by_id.insert(t.id.value.as_str(), row.clone());
    }
    // Concrete rows, as the plan writes them.
    let row = &by_id["pl-1.2"];
    assert_eq!(text(&row[0]), "1.2");
    assert_eq!(
        text(&row[1]),
        "Bí thư/Chủ tịch tham gia tất cả các phiên họp của Ủy ban quốc gia về Chuyển đổi số"
    );
    assert_eq!(row[2], Data::Float(5.0));
    assert_eq!(text(&row[3]), "Văn phòng UBND tỉnh");
    assert_eq!(text(&row[4]), "Sở Thông tin và Truyền thông");
    assert_eq!(text(&row[5]), "");
    assert_eq!(date(&row[6]), None, "no deadline, no date");
    let row = &by_id["pl-2.3"];
    assert_eq!(text(&row[5]), "Hàng năm");
    assert_eq!(
        date(&row[6]),
        Some((2023, 12, 31)),
        "yearly: the plan year's end"
    );
    assert_eq!(
        text(&row[4]),
        "Văn phòng UBND tỉnh; Các sở, ban, ngành tỉnh"
    );
    let row = &by_id["nv-1.a"];
    assert_eq!(text(&row[0]), "4.5, 4.6, 7.11, 7.12, 8.6, 8.7");
    assert_eq!(text(&row[5]), "trước ngày 25/01 hàng năm");
    assert_eq!(date(&row[6]), Some((2023, 1, 24)), "before 25/01: the 24th");
    let row = &by_id["pl-3.1"];
    assert_eq!(text(&row[5]), "Phần đầu mỗi năm tăng tối thiểu 5%");
    assert_eq!(
        date(&row[6]),
        None,
        "a target in the deadline column has no date"
    );
    let row = &by_id["nv-2.b"];
    assert_eq!(
        text(&row[7]),
        "doanh nghiệp thuộc lĩnh vực quản lý của ngành sử dụng hợp đồng điện tử đạt tối thiểu 80%"
    );
    assert_eq!(text(&row[4]), "Cục Thuế tỉnh; Sở Kế hoạch và Đầu tư");
    let quarter: Vec<_> = tasks
        .iter()
        .zip(&r[1..])
        .filter(|(t, _)| {
            t.deadline
                .as_ref()
                .is_some_and(|d| d.value == "Quý IV/2023")
        })
        .map(|(_, row)| date(&row[6]))
        .collect();
    assert_eq!(quarter, vec![Some((2023, 12, 31)); 3]);
}

#[test]
fn xlsx_agency_sheet_holds_its_tasks_only() {
    let plan = load(&bundled("tien-giang-2023.yaml"));
    let mut wb = book(&xlsx_of(&plan));
    let r = rows(&mut wb, "Sở Y tế");
    let names: Vec<(String, String)> = r[1..]
        .iter()
        .map(|row| (text(&row[0]), text(&row[4])))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Chủ trì".to_string(), "Sở Y tế".to_string()),
            ("Chủ trì".to_string(), "Sở Y tế".to_string())
        ]
    );
    assert!(text(&r[1][2]).starts_with("Chủ trì, phối hợp các đơn vị liên quan tích hợp"));
    // The Sở TT&TT leads some rows and supports others; each row says which.
    let r = rows(&mut wb, "Sở TT&TT");
    let mut lead = 0;
    let mut support = 0;
    for row in &r[1..] {
        match text(&row[0]).as_str() {
            "Chủ trì" => {
                lead += 1;
                assert!(
                    text(&row[4]).contains("Thông tin và Truyền thông"),
                    "{row:?}"
                );
            }
            "Phối hợp" => {
                support += 1;
                assert!(
                    text(&row[5]).contains("Thông tin và Truyền thông"),
                    "{row:?}"
                );
            }
            other => panic!("role {other}"),
        }
    }
    assert!(lead > 10 && support > 5, "lead {lead}, support {support}");
}

#[test]
fn xlsx_budget_cells_are_numbers() {
    // No bundled task has a budget: give pl-1.2 one as a Vietnamese-written figure.
    let text_plan = std::fs::read_to_string(bundled("tien-giang-2023.yaml")).unwrap();
    let patched = text_plan.replacen(
        "    max_points: 5\n",
        "    max_points: 5\n    budget: \"226.420\"\n",
        1,
    );
    assert_ne!(patched, text_plan);
    let dir = temp_dir("budget");
    let path = dir.join("tien-giang-2023.yaml");
    std::fs::write(&path, patched).unwrap();
    let plan = load(&path);
    let mut wb = book(&xlsx_of(&plan));
    let r = rows(&mut wb, "Phân công");
    let row = r.iter().find(|row| text(&row[0]) == "1.2").unwrap();
    assert_eq!(row[8], Data::Float(226_420.0));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn xlsx_header_is_frozen_repeated_and_printed_landscape() {
    let plan = load(&bundled("tien-giang-2023.yaml"));
    let bytes = xlsx_of(&plan);
    let parts = crate::docx::parts(&bytes);
    let sheets: Vec<&String> = parts
        .keys()
        .filter(|k| k.starts_with("xl/worksheets/sheet"))
        .collect();
    assert_eq!(sheets.len(), 22);
    for name in sheets {
        let xml = &parts[name];
        assert!(
            xml.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "{name}: header row not frozen"
        );
        assert!(
            xml.contains(r#"orientation="landscape""#),
            "{name}: not landscape"
        );
        assert!(xml.contains(r#"paperSize="9""#), "{name}: not A4");
        assert!(
            xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
            "{name}: not fitted"
        );
    }
    let wb = &parts["xl/workbook.xml"];
    let titles = wb
        .matches("<definedName name=\"_xlnm.Print_Titles\"")
        .count();
    assert_eq!(titles, 22, "every sheet repeats its header row");
    assert!(wb.contains("'Phân công'!$1:$1"), "{wb}");
    assert!(wb.contains("'Sở Y tế'!$1:$1"), "{wb}");
    // Properties from the plan, dated with its date (never the clock).
    let core = &parts["docProps/core.xml"];
    assert!(core.contains("2023-10-23T00:00:00Z"), "{core}");
    assert!(core.contains("Ủy ban nhân dân tỉnh Tiền Giang"), "{core}");
}

/// The events of an ICS text, parsed by icalendar: (name → value) per VEVENT.
fn ics_events(ics: &str) -> Vec<BTreeMap<String, String>> {
    let unfolded = icalendar::parser::unfold(ics);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    cal.components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .map(|c| {
            c.properties
                .iter()
                .map(|p| {
                    let params: Vec<String> = p
                        .params
                        .iter()
                        .map(|q| {
                            format!(
                                "{}={}",
                                q.key.as_str(),
                                q.val.as_ref().map_or("", |v| v.as_str())
                            )
                        })
                        .collect();
                    let key = if params.is_empty() {
                        p.name.as_str().to_string()
                    } else {
                        format!("{};{}", p.name.as_str(), params.join(";"))
                    };
                    (key, p.val.clone().unescape_text().as_str().to_string())
                })
                .collect()
        })
        .collect()
}

#[test]
fn ics_one_all_day_event_per_deadline_on_its_last_day() {
    let plan = load(&bundled("tien-giang-2023.yaml"));
    let ics = kehoach::export::ics::to_ics(&plan);
    let events = ics_events(&ics);
    assert_eq!(
        events.len(),
        19,
        "Tiền Giang 2023: 19 tasks whose deadline fixes a day"
    );
    let mut uids = HashSet::new();
    for e in &events {
        assert!(uids.insert(e["UID"].clone()), "UID twice: {}", e["UID"]);
        assert_eq!(
            e["DTSTAMP"], "20231023T000000Z",
            "DTSTAMP is the plan's date"
        );
        let start = &e["DTSTART;VALUE=DATE"];
        assert_eq!(start.len(), 8, "an all-day DATE value: {start}");
        assert!(e.contains_key("DTEND;VALUE=DATE"));
        assert!(e["UID"].ends_with("@kehoach"));
    }
    // "trước ngày 25/01 hàng năm" → the 24th; the lead agency in the summary.
    let e = events
        .iter()
        .find(|e| e["UID"].starts_with("nv-1.a-"))
        .unwrap();
    assert_eq!(e["DTSTART;VALUE=DATE"], "20230124");
    assert_eq!(e["DTEND;VALUE=DATE"], "20230125");
    assert!(
        e["SUMMARY"]
            .starts_with("[Các sở, ban, ngành tỉnh; Ủy ban nhân dân huyện, thị xã, thành phố"),
        "{}",
        e["SUMMARY"]
    );
    assert!(e["DESCRIPTION"].contains("Thời hạn: trước ngày 25/01 hàng năm"));
    assert!(e["DESCRIPTION"].contains("Ủy ban nhân dân tỉnh Tiền Giang số 444/KH-UBND"));
    // "Hàng năm" → 31/12 of the plan's year, the Sở TT&TT in the summary.
    let e = events
        .iter()
        .find(|e| e["UID"].starts_with("pl-2.3-"))
        .unwrap();
    assert_eq!(e["DTSTART;VALUE=DATE"], "20231231");
    assert_eq!(e["DTEND;VALUE=DATE"], "20240101");
    assert_eq!(
        e["SUMMARY"],
        "[Sở Thông tin và Truyền thông] 2.3 Kế hoạch hành động hàng năm của tỉnh về chuyển đổi số"
    );
    // Tasks whose deadline fixes no day are left out.
    for id in ["pl-3.1-", "pl-1.2-", "nv-2.c-"] {
        assert!(!events.iter().any(|e| e["UID"].starts_with(id)), "{id}");
    }
}

#[test]
fn ics_quarter_deadlines_end_on_the_quarters_last_day() {
    let plan = load(&bundled("gia-lai-2023.yaml"));
    let events = ics_events(&kehoach::export::ics::to_ics(&plan));
    let with = |d: &str| -> Vec<String> {
        plan.tasks
            .iter()
            .filter(|t| t.deadline.as_ref().is_some_and(|x| x.value == d))
            .map(|t| t.id.value.clone())
            .collect()
    };
    let q2 = with("Quý II năm 2024");
    assert_eq!(
        q2.len(),
        4,
        "Gia Lai 2023 has four tasks due Quý II năm 2024"
    );
    for id in &q2 {
        let e = events
            .iter()
            .find(|e| {
                e["DESCRIPTION"].starts_with("Thời hạn: Quý II năm 2024")
                    && e["UID"].starts_with(&format!("{id}-"))
            })
            .unwrap_or_else(|| panic!("no event for {id}"));
        assert_eq!(e["DTSTART;VALUE=DATE"], "20240630", "{id}");
        assert_eq!(e["DTEND;VALUE=DATE"], "20240701", "{id}");
    }
    for e in &events {
        assert_eq!(e["DTSTAMP"].len(), 16);
    }
}

#[test]
fn ics_lines_are_crlf_and_folded_at_75_octets() {
    let plan = load(&bundled("tien-giang-2023.yaml"));
    let ics = kehoach::export::ics::to_ics(&plan);
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    assert!(!ics.replace("\r\n", "").contains('\r'), "a bare CR");
    let lines: Vec<&str> = ics.split("\r\n").collect();
    let mut folded = 0;
    for l in &lines {
        assert!(l.len() <= 75, "{} octets: {l}", l.len());
        if l.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(
        folded > 19,
        "long Vietnamese summaries are folded ({folded} continuations)"
    );
    // The SUMMARY of pl-2.3 is over 75 octets: it is folded, and unfolds whole.
    let raw = lines
        .iter()
        .position(|l| l.starts_with("SUMMARY:[Sở Thông tin và Truyền thông] 2.3 "))
        .unwrap();
    assert!(
        lines[raw + 1].starts_with(' '),
        "not folded: {}",
        lines[raw]
    );
    let e = ics_events(&ics)
        .into_iter()
        .find(|e| e["UID"].starts_with("pl-2.3-"))
        .unwrap();
    assert_eq!(
        e["SUMMARY"],
        "[Sở Thông tin và Truyền thông] 2.3 Kế hoạch hành động hàng năm của tỉnh về chuyển đổi số"
    );
}

#[test]
fn ics_uids_are_stable_and_follow_the_plan() {
    let plan = load(&bundled("tien-giang-2023.yaml"));
    let a = kehoach::export::ics::to_ics(&plan);
    let b = kehoach::export::ics::to_ics(&load(&bundled("tien-giang-2023.yaml")));
    assert_eq!(a, b);
    let uids = |s: &str| -> Vec<String> {
        ics_events(s)
            .into_iter()
            .map(|e| e["UID"].clone())
            .collect()
    };
    assert_eq!(
        uids(&a)[0],
        "nv-1.a-2023-17d9f82ae2f17248@kehoach",
        "a UID must not change between releases (calendars would duplicate the event)"
    );
    // Another plan with the same task ids gets other UIDs.
    let other = kehoach::export::ics::to_ics(&load(&bundled("tien-giang-2024.yaml")));
    let mine: HashSet<String> = uids(&a).into_iter().collect();
    assert!(uids(&other).iter().all(|u| !mine.contains(u)));
}

#[test]
fn docx_xlsx_and_ics_re_exports_are_byte_identical() {
    let path = bundled("tien-giang-2023.yaml");
    let plan = load(&path);
    assert_eq!(xlsx_of(&plan), xlsx_of(&load(&path)));
    let catalogue = kehoach::catalogue::resolve(&plan.catalogue, None).unwrap();
    let d1 = kehoach::render::docx::render_plan_docx(&plan, &catalogue).unwrap();
    let d2 = kehoach::render::docx::render_plan_docx(&load(&path), &catalogue).unwrap();
    assert_eq!(d1.bytes, d2.bytes);
    // Across processes, through the CLI.
    let dir = temp_dir("twice");
    for (format, ext) in [("xlsx", "xlsx"), ("ics", "ics")] {
        let mut outs = Vec::new();
        for n in 0..2 {
            let out = dir.join(format!("{n}.{ext}"));
            let run = kehoach()
                .args(["export"])
                .arg(&path)
                .args(["--format", format, "-o"])
                .arg(&out)
                .output()
                .unwrap();
            assert!(
                run.status.success(),
                "{}",
                String::from_utf8_lossy(&run.stderr)
            );
            outs.push(std::fs::read(&out).unwrap());
        }
        assert_eq!(outs[0], outs[1], "{format} differs between two runs");
        assert!(!outs[0].is_empty());
    }
    let mut outs = Vec::new();
    for n in 0..2 {
        let out = dir.join(format!("{n}.docx"));
        let run = kehoach()
            .arg("render")
            .arg(&path)
            .args(["--format", "docx", "-o"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        outs.push(std::fs::read(&out).unwrap());
    }
    assert_eq!(outs[0], outs[1], "docx differs between two runs");
    assert_eq!(outs[0], d1.bytes, "the CLI writes what the library makes");
    let _ = std::fs::remove_dir_all(dir);
}

pub(crate) fn kehoach() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_kehoach"))
}

pub(crate) fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `kehoach render PLAN --agency NAME [--format F]` on a copy of Tiền Giang 2023; returns
/// the output path (the default name) and the run.
fn render_agency(dir: &Path, agency: &str, format: &str) -> (PathBuf, std::process::Output) {
    let plan = dir.join("tien-giang-2023.yaml");
    if !plan.exists() {
        std::fs::copy(bundled("tien-giang-2023.yaml"), &plan).unwrap();
    }
    let run = kehoach()
        .arg("render")
        .arg(&plan)
        .args(["--agency", agency, "--format", format])
        .output()
        .unwrap();
    let slug = kehoach::draft::agency::slug(agency);
    (dir.join(format!("tien-giang-2023-{slug}.{format}")), run)
}

/// Text with every run of whitespace one space (PDF extraction breaks lines anywhere).
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Another agency's task text that must not appear in an extract.
const SO_Y_TE_TASK: &str = "tích hợp, liên thông dữ liệu tất cả các bệnh viện";
const CONG_AN_TASK: &str = "phổ cập danh tính số/tài khoản định danh";
const VP_UBND_ROW: &str = "Bí thư/Chủ tịch tham gia tất cả các phiên họp";

#[test]
fn render_agency_pdf_holds_that_agencys_tasks_only() {
    let dir = temp_dir("agency-pdf");
    let (out, run) = render_agency(&dir, "Công an tỉnh", "pdf");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        out.ends_with("tien-giang-2023-cong-an-tinh.pdf"),
        "{}",
        out.display()
    );
    let text = squash(&pdf_extract::extract_text_from_mem(&std::fs::read(&out).unwrap()).unwrap());
    assert!(text.contains("Số: 444/KH-UBND"), "{text}");
    assert!(
        text.contains("các nhiệm vụ Công an tỉnh chủ trì (3) và phối hợp thực hiện (0)"),
        "{text}"
    );
    assert!(text.contains(CONG_AN_TASK), "{text}");
    assert!(text.contains("Cơ quan chủ trì: Công an tỉnh"), "{text}");
    // Its one appendix row (6.7, led with the Sở KH&ĐT and others), and no other row.
    assert!(text.contains("PHỤ LỤC"), "{text}");
    assert!(text.contains("Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)"));
    assert!(
        !text.contains(VP_UBND_ROW),
        "another agency's appendix row: {text}"
    );
    assert!(
        !text.contains(SO_Y_TE_TASK),
        "another agency's task: {text}"
    );
    assert!(
        !text.contains("Căn cứ"),
        "the plan's bases are not the extract's"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn render_agency_docx_holds_that_agencys_tasks_only() {
    let dir = temp_dir("agency-docx");
    let (out, run) = render_agency(&dir, "Sở Y tế", "docx");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out.ends_with("tien-giang-2023-so-y-te.docx"));
    let parts = crate::docx::parts(&std::fs::read(&out).unwrap());
    let doc = &parts["word/document.xml"];
    // The text of the document, runs joined (the XML is docx-rs's, one run a span).
    let mut reader = quick_xml::Reader::from_str(doc);
    let mut body = String::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Text(t) => {
                let s = t.decode().unwrap();
                body.push_str(&quick_xml::escape::unescape(&s).unwrap());
            }
            quick_xml::events::Event::GeneralRef(r) => {
                let name = r.decode().unwrap();
                let s = format!("&{name};");
                body.push_str(&quick_xml::escape::unescape(&s).unwrap());
            }
            quick_xml::events::Event::End(e) if e.name().as_ref() == b"w:p" => body.push('\n'),
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert!(body.contains("Số: 444/KH-UBND"), "{body}");
    assert!(body.contains(SO_Y_TE_TASK), "{body}");
    assert!(
        body.contains("Kế hoạch số 236/KH-UBND ngày 15/7/2022"),
        "nv-9.b"
    );
    assert!(body.contains("các nhiệm vụ Sở Y tế chủ trì (2) và phối hợp thực hiện (0)"));
    // The task lines as the PDF writes them.
    assert!(body.contains("\n- Cơ quan chủ trì: Sở Y tế.\n"), "{body}");
    assert!(
        body.contains("\n- Cơ quan phối hợp: các đơn vị liên quan.\n"),
        "{body}"
    );
    assert!(
        !body.contains(CONG_AN_TASK),
        "another agency's task: {body}"
    );
    // None of the Sở Y tế's tasks is an appendix row: no appendix.
    assert!(!body.contains("PHỤ LỤC"), "{body}");
    assert!(!body.contains(VP_UBND_ROW));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn render_agency_xlsx_is_one_sheet_of_its_tasks() {
    let dir = temp_dir("agency-xlsx");
    // An alias finds the agency; the file is named after its canonical name.
    let (_, run) = render_agency(&dir, "Sở TT&TT", "xlsx");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let out = dir.join("tien-giang-2023-so-thong-tin-va-truyen-thong.xlsx");
    let mut wb = book(&std::fs::read(&out).unwrap());
    assert_eq!(wb.sheet_names(), ["Sở TT&TT"]);
    let r = rows(&mut wb, "Sở TT&TT");
    let roles: Vec<String> = r[1..].iter().map(|row| text(&row[0])).collect();
    let first_support = roles.iter().position(|r| r == "Phối hợp").unwrap();
    assert!(
        roles[..first_support].iter().all(|r| r == "Chủ trì"),
        "leads first"
    );
    assert!(roles[first_support..].iter().all(|r| r == "Phối hợp"));
    for row in &r[1..] {
        let lead = text(&row[4]);
        let support = text(&row[5]);
        assert!(
            lead.contains("Thông tin và Truyền thông")
                || support.contains("Thông tin và Truyền thông"),
            "a row not the Sở TT&TT's: {row:?}"
        );
    }
    // pl-1.2 (the Sở TT&TT supports the Văn phòng UBND tỉnh) is there as support.
    let row = r.iter().find(|row| text(&row[1]) == "1.2").unwrap();
    assert_eq!(text(&row[0]), "Phối hợp");
    assert_eq!(text(&row[4]), "Văn phòng UBND tỉnh");
    // Without --agency, `render --format xlsx` is the whole workbook, as `export` writes it.
    let whole = dir.join("whole.xlsx");
    let run = kehoach()
        .arg("render")
        .arg(dir.join("tien-giang-2023.yaml"))
        .args(["--format", "xlsx", "-o"])
        .arg(&whole)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let plan = load(&dir.join("tien-giang-2023.yaml"));
    assert_eq!(std::fs::read(&whole).unwrap(), xlsx_of(&plan));
    let (_, run) = render_agency(&dir, "Sở Y tế", "xlsx");
    assert!(run.status.success());
    let mut wb = book(&std::fs::read(dir.join("tien-giang-2023-so-y-te.xlsx")).unwrap());
    let r = rows(&mut wb, "Sở Y tế");
    assert_eq!(r.len(), 3, "header and the Sở Y tế's two tasks");
    assert!(text(&r[1][2]).contains(SO_Y_TE_TASK));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn render_agency_unknown_or_group_is_a_usage_error() {
    let dir = temp_dir("agency-bad");
    let (out, run) = render_agency(&dir, "Sở Y tê", "pdf");
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("không có cơ quan «Sở Y tê»"), "{err}");
    assert!(err.contains("có phải «Sở Y tế»? (did you mean)"), "{err}");
    assert!(!out.exists());
    let (_, run) = render_agency(&dir, "Các sở, ban, ngành tỉnh", "docx");
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("là một nhóm cơ quan"), "{err}");
    // Known to the registry, but the plan gives it nothing.
    let (_, run) = render_agency(&dir, "Sở Nội vụ", "xlsx");
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("không giao nhiệm vụ nào cho «Sở Nội vụ»"),
        "{err}"
    );
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1, "nothing written but the plan");
    let _ = std::fs::remove_dir_all(dir);
}
