//! plans/ca-mau-2023.yaml (Cà Mau, 213/KH-UBND, 29/08/2023) against figures copied from
//! shared/seeds/003_cacecb8799e26908.txt.

use std::collections::BTreeSet;
use std::path::Path;

use crate::plan_helpers::outline_text;
use kehoach::plan::{Figure, Plan, Task, load_plan};

fn plan() -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/ca-mau-2023.yaml");
    match load_plan(&path) {
        Ok(loaded) => loaded.plan,
        Err(e) => panic!("plans/ca-mau-2023.yaml does not load: {e}"),
    }
}

fn task<'a>(plan: &'a Plan, id: &str) -> &'a Task {
    plan.tasks
        .iter()
        .find(|t| t.id.value == id)
        .unwrap_or_else(|| panic!("no task {id}"))
}

fn appendix_rows(plan: &Plan) -> Vec<&Task> {
    plan.tasks
        .iter()
        .filter(|t| t.id.starts_with("pl-"))
        .collect()
}

fn num(f: &Figure) -> f64 {
    match f {
        Figure::Number(n) => *n,
        Figure::Text(t) => panic!("expected a number, found {t:?}"),
    }
}

fn strings(v: &[kehoach::source::Spanned<String>]) -> Vec<&str> {
    v.iter().map(|s| s.value.as_str()).collect()
}

/// Baseline points of one indicator, as a number.
fn points(plan: &Plan, code: &str) -> f64 {
    let b = plan.baseline.as_ref().expect("baseline");
    let i = b
        .indicators
        .iter()
        .find(|i| i.code.value == code)
        .unwrap_or_else(|| panic!("no baseline for {code}"));
    num(&i.points.as_ref().expect("points").value)
}

#[test]
fn counts_match_the_source() {
    let p = plan();
    // 31 bullets of part II (11 of them repeated in the extraction, counted once) and
    // 116 indicator / sub-indicator rows of the appendix.
    assert_eq!(
        p.tasks.iter().filter(|t| t.id.starts_with("nv-")).count(),
        31
    );
    let rows = appendix_rows(&p);
    assert_eq!(rows.len(), 116);
    assert_eq!(p.tasks.len(), 147);
    // 8 main-index heading rows (index 9 has none) and 5 input rows (a, b under 5.12.1;
    // a, b, c under 6.22): 129 appendix rows in all.
    let groups = &p.appendices[0].groups;
    let inputs: usize = rows.iter().map(|t| t.inputs.len()).sum();
    assert_eq!(groups.len(), 8);
    assert_eq!(inputs, 5);
    assert_eq!(groups.len() + rows.len() + inputs, 129);
    // Rows per main index: 10, 11, 7, 13, 18 (5.1-5.12 and 5.12.1-6), 22, 12, 23.
    let per: Vec<usize> = (1..=8)
        .map(|g| {
            rows.iter()
                .filter(|t| t.group.as_ref().map(|s| s.value.as_str()) == Some(&g.to_string()))
                .count()
        })
        .collect();
    assert_eq!(per, [10, 11, 7, 13, 18, 22, 12, 23]);
    // Lead agencies as written: 21 distinct names (aliases such as "Cổng TTĐT tỉnh" and
    // "Cổng Thông tin điện tử tỉnh" are kept apart).
    let leads: BTreeSet<&str> = rows
        .iter()
        .flat_map(|t| t.lead.iter().map(|l| l.value.as_str()))
        .collect();
    assert_eq!(leads.len(), 21);
    assert!(leads.contains("Sở LĐ-TB& XH") && leads.contains("Sở LĐ-TB&XH"));
    assert_eq!(p.bases.len(), 1);
    assert!(p.recipients.is_empty(), "the extraction has no Nơi nhận");
    assert!(p.budget_tables.is_empty());
    assert!(p.organisation.is_none(), "its prose is in the outline");
    assert!(outline_text(&p).contains("3. Giao Sở Thông tin và Truyền thông theo dõi"));
    let b = p.baseline.as_ref().expect("baseline");
    assert_eq!(b.indices.len(), 9);
    assert_eq!(b.indicators.len(), 116);
    // Every appendix row is due "Trong năm".
    assert!(
        rows.iter()
            .all(|t| t.deadline.as_deref().map(String::as_str) == Some("Trong năm"))
    );
}

#[test]
fn header_and_signer_as_written() {
    let p = plan();
    let d = &p.document;
    assert_eq!(p.catalogue.value, "dti-922-2022");
    assert_eq!(d.number.as_ref().map(|n| n.value.as_str()), Some("213"));
    assert_eq!(d.symbol.value, "KH-UBND");
    assert_eq!(d.place, "Cà Mau");
    assert_eq!(
        d.date.as_ref().map(|n| n.value.as_str()),
        Some("2023-08-29")
    );
    assert_eq!(d.issuer, ["ỦY BAN NHÂN DÂN"]);
    assert_eq!(d.year.value, 2023);
    assert!(p.bases[0].starts_with("Căn cứ Quyết định số 922/QĐ-BTTTT ngày 20/5/2022"));
    let signer = p.signer.as_ref().expect("signer");
    assert_eq!(signer.authority, None);
    assert_eq!(signer.title.value, "CHỦ TỊCH");
    assert_eq!(signer.name.value, "Huỳnh Quốc Việt");
    assert!(
        p.closing
            .as_deref()
            .is_some_and(|c| c.ends_with("xem xét, chỉ đạo./."))
    );
    assert_eq!(
        p.appendices[0].title,
        "PHÂN CÔNG NHIỆM VỤ CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ THÀNH PHẦN DTI TỈNH CÀ MAU NĂM 2023"
    );
}

#[test]
fn baseline_table_as_written() {
    let p = plan();
    let b = p.baseline.as_ref().expect("baseline");
    assert_eq!(b.year, 2022);
    assert_eq!(num(&b.total.as_ref().expect("total").value), 468.9);
    assert_eq!(b.rank.as_ref().map(|r| r.value), Some(58));
    assert_eq!(
        b.total_change.as_ref().map(|c| &c.value),
        Some(&Figure::Text("Tăng 114,2".into()))
    );
    assert_eq!(
        b.rank_change.as_ref().map(|c| &c.value),
        Some(&Figure::Text("Giảm 20 hạng".into()))
    );
    let idx = |c: &str| b.indices.iter().find(|i| i.code.value == c).expect(c);
    assert_eq!(num(&idx("7").points.value), 60.735);
    assert_eq!(
        idx("7").change.as_ref().map(|c| &c.value),
        Some(&Figure::Text("10,98".into()))
    );
    assert_eq!(idx("4").rank.as_ref().map(|r| r.value), Some(17));
    assert_eq!(
        idx("4").rank_change.as_ref().map(|c| &c.value),
        Some(&Figure::Text("+ 29".into()))
    );
    assert_eq!(
        idx("6").max_points.as_ref().map(|m| num(&m.value)),
        Some(200.0)
    );
    assert_eq!(idx("9").points.value, Figure::Text(String::new()));
    assert_eq!(
        idx("9").note.as_deref(),
        Some("Năm 2022, Bộ TT&TT chưa đánh giá")
    );
}

#[test]
fn appendix_rows_as_written() {
    let p = plan();
    let t = task(&p, "pl-1.3");
    assert_eq!(strings(&t.indicators), ["1.3"]);
    assert_eq!(t.max_points.as_ref().map(|m| num(&m.value)), Some(10.0));
    assert_eq!(
        t.note.as_deref(),
        Some("- Năm 2022: đạt 6.67/10 điểm; - Năm 2023: đề nghị cải thiện.")
    );
    assert_eq!(
        strings(&task(&p, "pl-1.9").lead),
        ["UBND các huyện, thành phố", "UBND các xã, phường, thị trấn"]
    );
    assert_eq!(
        strings(&task(&p, "pl-4.5").lead),
        ["Các sở, ban, ngành tỉnh", "UBND cấp huyện", "UBND cấp xã"]
    );
    assert_eq!(
        strings(&task(&p, "pl-6.19").lead),
        ["Trung tâm GQTTHC tỉnh."]
    );
    assert_eq!(
        strings(&task(&p, "pl-7.3").support),
        [
            "Cục Thống kê tỉnh",
            "Sở KH&ĐT",
            "Cục Thuế tỉnh",
            "Hiệp hội doanh nghiệp"
        ]
    );
    assert_eq!(
        task(&p, "pl-8.2").lead[0].value,
        "Ngân hàng nhà nước chi nhánh tỉnh Cà Mau"
    );
    assert_eq!(
        task(&p, "pl-6.12").target.as_deref(),
        Some("80% (Kế hoạch 118/KH-UBND ngày 15/5/2023)")
    );
    assert_eq!(
        task(&p, "pl-2.10").title.as_ref().map(|s| s.value.as_str()),
        Some(
            "Ban hành chính sách chuyến khích người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến (DVCTT)"
        )
    );
    // Blanks kept blank: 8.8.1.4 states no max points.
    assert_eq!(
        task(&p, "pl-8.8.1.4").max_points.as_ref().map(|m| &m.value),
        Some(&Figure::Text(String::new()))
    );
    let inputs = &task(&p, "pl-5.12.1").inputs;
    assert_eq!(inputs.len(), 2);
    assert_eq!(inputs[0].label.value, "a");
    assert_eq!(inputs[0].text.as_deref(), Some("…. tỷ đồng"));
    assert_eq!(
        inputs[1].name.value,
        "Kinh phí thường xuyên từ NSNN chi cho A TTT"
    );
    // Main-index rows: 6 states 150 (its rows sum to 200), 8 states nothing.
    let groups = &p.appendices[0].groups;
    assert_eq!(
        groups[5].max_points.as_ref().map(|m| num(&m.value)),
        Some(150.0)
    );
    assert_eq!(
        groups[7].max_points.as_ref().map(|m| &m.value),
        Some(&Figure::Text(String::new()))
    );
    let six: f64 = appendix_rows(&p)
        .iter()
        .filter(|t| t.group.as_deref().map(String::as_str) == Some("6"))
        .filter_map(|t| t.max_points.as_ref())
        .map(|m| num(&m.value))
        .sum();
    assert_eq!(six, 200.0);
    // The one body bullet that cites codes.
    assert_eq!(
        strings(&task(&p, "nv-25").indicators),
        ["6.6", "6.7", "7.6"]
    );
}

#[test]
fn baseline_points_add_up_where_the_source_does() {
    let p = plan();
    assert_eq!(points(&p, "1.3"), 6.67);
    assert_eq!(points(&p, "3.3"), 5.874);
    assert_eq!(points(&p, "5.12"), 11.0);
    // Main index 1: the notes for 1.1-1.10 add up to the table's 81.67.
    let one: f64 = (1..=10).map(|i| points(&p, &format!("1.{i}"))).sum();
    assert!((one - 81.67).abs() < 1e-9, "{one}");
    // 5.12 = 5.12.1 + … + 5.12.6 = 11; 8.8.2 = 8.8.2.1 + … + 8.8.2.4 = 5.91.
    let atm: f64 = (1..=6).map(|i| points(&p, &format!("5.12.{i}"))).sum();
    assert!((atm - 11.0).abs() < 1e-9, "{atm}");
    let r: f64 = (1..=4).map(|i| points(&p, &format!("8.8.2.{i}"))).sum();
    assert!((r - points(&p, "8.8.2")).abs() < 1e-9, "{r}");
    // "5 31" is kept as written.
    let b = p.baseline.as_ref().expect("baseline");
    let odd = b
        .indicators
        .iter()
        .find(|i| i.code.value == "8.5")
        .expect("8.5");
    assert_eq!(
        odd.points.as_ref().map(|x| &x.value),
        Some(&Figure::Text("5 31".into()))
    );
}
