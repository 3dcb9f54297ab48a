//! plans/gia-lai-2023.yaml (Gia Lai, 3015/KH-UBND, 02/11/2023): counts and values checked
//! against the seed extraction shared/seeds/004_b3856cd79483fea2.txt.

use std::collections::BTreeSet;
use std::path::Path;

use crate::plan_helpers::{outline_text, part_items};
use kehoach::plan::{Figure, Plan, Task, load_plan};

fn plan() -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/gia-lai-2023.yaml");
    match load_plan(&path) {
        Ok(p) => p.plan,
        Err(e) => panic!("gia-lai-2023.yaml does not load: {e:?}"),
    }
}

fn task<'a>(plan: &'a Plan, id: &str) -> &'a Task {
    plan.tasks
        .iter()
        .find(|t| t.id.value == id)
        .unwrap_or_else(|| panic!("no task {id}"))
}

fn strings(v: &[kehoach::source::Spanned<String>]) -> Vec<&str> {
    v.iter().map(|s| s.value.as_str()).collect()
}

fn baseline_points(plan: &Plan, code: &str) -> Figure {
    let b = plan.baseline.as_ref().expect("baseline");
    b.indicators
        .iter()
        .find(|i| i.code.value == code)
        .and_then(|i| i.points.as_ref())
        .map(|p| p.value.clone())
        .unwrap_or_else(|| panic!("no baseline points for {code}"))
}

#[test]
fn counts_match_the_source() {
    let p = plan();
    // Part III: 2 + 5 + 3 + 7 + 7 + 5 + 6 + 7 + 3 bullets under the nine indices.
    let body = p.tasks.iter().filter(|t| t.id.starts_with("nv-")).count();
    assert_eq!(body, 45);
    // Part V: three numbered items.
    let focus = p.tasks.iter().filter(|t| t.id.starts_with("tt-")).count();
    assert_eq!(focus, 3);
    // Appendix: 98 indicators, 6 sub-indicators of 5.12, 15 of 8.8, and the lettered input
    // rows a, b (under 5.12.1) and a, b, c (under 6.22).
    let rows: Vec<&Task> = p.tasks.iter().filter(|t| t.id.starts_with("pl-")).collect();
    assert_eq!(rows.len(), 124);
    let indicators = rows
        .iter()
        .filter(|t| !t.id.ends_with("-a") && !t.id.ends_with("-b") && !t.id.ends_with("-c"))
        .filter(|t| t.indicators[0].split('.').count() == 2)
        .count();
    assert_eq!(indicators, 98);
    assert_eq!(p.tasks.len(), 172);
    // Ids are unique.
    let ids: BTreeSet<&str> = p.tasks.iter().map(|t| t.id.value.as_str()).collect();
    assert_eq!(ids.len(), p.tasks.len());
    // Lead agencies as written (aliases such as "Sở TT&TT" and "Sở TT &TT" counted apart).
    let leads: BTreeSet<&str> = p
        .tasks
        .iter()
        .flat_map(|t| t.lead.iter().map(|l| l.value.as_str()))
        .collect();
    assert_eq!(leads.len(), 23);
    // Appendix rows with a deadline; 21 have none (sub-rows and blank cells).
    assert_eq!(rows.iter().filter(|t| t.deadline.is_some()).count(), 103);
    assert_eq!(
        rows.iter()
            .filter(|t| t
                .deadline
                .as_ref()
                .is_some_and(|d| d.value == "Thống kê số liệu"))
            .count(),
        57
    );
    assert_eq!(p.recipients.len(), 16);
    assert_eq!(p.bases.len(), 1);
    assert!(p.budget_tables.is_empty());
    let b = p.baseline.as_ref().expect("baseline");
    assert_eq!(b.indices.len(), 9);
    assert_eq!(b.indicators.len(), 116);
    assert_eq!(part_items(&p, "TỔ CHỨC THỰC HIỆN").len(), 3);
    assert!(outline_text(&p).contains("3. Đề nghị các trường đại học có phân hiệu"));
    assert_eq!(p.appendices.len(), 1);
}

#[test]
fn document_and_signer_as_written() {
    let p = plan();
    let d = &p.document;
    assert_eq!(p.catalogue.value, "dti-922-2022");
    assert_eq!(d.number.as_ref().map(|n| n.value.as_str()), Some("3015"));
    assert_eq!(d.symbol.value, "KH-UBND");
    assert_eq!(
        d.date.as_ref().map(|n| n.value.as_str()),
        Some("2023-11-02")
    );
    assert_eq!(
        d.title.value,
        "Nâng cao chỉ số Chuyển đổi số của tỉnh Gia Lai năm 2023 và các năm tiếp theo"
    );
    assert_eq!(d.year.value, 2023);
    assert_eq!(d.horizon.as_ref().map(|h| h.value), Some(2025));
    let s = p.signer.as_ref().expect("signer");
    assert_eq!(s.authority.as_deref(), Some("TM. ỦY BAN NHÂN DÂN"));
    assert_eq!(s.title.value, "CHỦ TỊCH");
    assert_eq!(s.name.value, "Trương Hải Long");
    assert_eq!(
        p.recipients[0].value,
        "Bộ Thông tin và Truyền thông (báo cáo);"
    );
    assert_eq!(p.recipients[15].value, "Lưu: VT, NC, TTTH, KGVX.");
    assert!(
        p.bases[0].starts_with("Thực hiện Quyết định số 922/QĐ-BTTTT ngày 20 tháng 5 năm 2022")
    );
}

#[test]
fn baseline_as_written() {
    let p = plan();
    let b = p.baseline.as_ref().expect("baseline");
    assert_eq!(b.year, 2022);
    assert_eq!(b.rank.as_ref().map(|r| r.value), Some(62));
    assert!(b.total.is_none(), "the plan states no 2022 total");
    let idx = |c: &str| {
        b.indices
            .iter()
            .find(|i| i.code.value == c)
            .unwrap_or_else(|| panic!("no index {c}"))
    };
    assert_eq!(idx("2").name.as_deref(), Some("Thẻ chế số"));
    assert_eq!(idx("2").rank.as_ref().map(|r| r.value), Some(63));
    assert_eq!(idx("7").points.value, Figure::Number(64.74));
    assert_eq!(idx("7").rank.as_ref().map(|r| r.value), Some(60));
    assert_eq!(
        idx("6").max_points.as_ref().map(|m| m.value.clone()),
        Some(Figure::Number(200.0))
    );
    assert_eq!(idx("9").points.value, Figure::Text(String::new()));
    assert_eq!(idx("9").note.as_deref(), Some("Bộ TT&TT chưa chấm điểm"));
    // 4.2 is written 100 for an indicator of max 10; 4.12 is blank.
    assert_eq!(baseline_points(&p, "4.2"), Figure::Number(100.0));
    assert_eq!(baseline_points(&p, "4.12"), Figure::Text(String::new()));
    assert_eq!(baseline_points(&p, "1.3"), Figure::Number(3.33));
    assert_eq!(baseline_points(&p, "8.8.2.4"), Figure::Number(1.99));
    assert_eq!(baseline_points(&p, "5.12.3"), Figure::Number(0.6));
}

#[test]
fn appendix_rows_as_written() {
    let p = plan();
    let t = task(&p, "pl-5.1");
    assert_eq!(
        t.deadline.as_ref().map(|d| d.value.as_str()),
        Some("Trong vòng 02 tháng kể từ ngày hoàn thành xây dựng hệ thống")
    );
    // A deadline rejoined across a page break.
    let t = task(&p, "pl-1.4");
    assert_eq!(
        t.deadline.as_ref().map(|d| d.value.as_str()),
        Some("Quý IV năm 2025")
    );
    let t = task(&p, "pl-3.5");
    assert_eq!(
        t.max_points.as_ref().map(|m| m.value.clone()),
        Some(Figure::Number(30.0))
    );
    assert!(t.support.is_empty());
    // A lead cell naming three agencies, the first an alias with odd spacing.
    let t = task(&p, "pl-2.6");
    assert_eq!(
        strings(&t.lead),
        ["Sở TT & TT", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    );
    let t = task(&p, "pl-7.5");
    assert_eq!(
        strings(&t.support),
        [
            "Sở Thông tin và Truyền thông",
            "Sở Công Thương",
            "các đơn vị liên quan"
        ]
    );
    let t = task(&p, "pl-1.1");
    assert_eq!(
        strings(&t.lead),
        ["Sở Thông tin và Truyền thông (Sở TT &TT)"]
    );
    assert_eq!(
        t.deadline.as_ref().map(|d| d.value.as_str()),
        Some("Đã hoàn thành")
    );
    // Blank cells stay blank.
    assert!(task(&p, "pl-4.1").deadline.is_none());
    assert!(task(&p, "pl-5.12").lead.is_empty());
    assert_eq!(
        task(&p, "pl-9.1")
            .max_points
            .as_ref()
            .map(|m| m.value.clone()),
        Some(Figure::Text(String::new()))
    );
    // The one method that differs from the decision: a repeated line.
    assert_eq!(
        task(&p, "pl-9.3").method.as_deref(),
        Some("- Thực hiện: Điểm tối đa\n- Thực hiện: Điểm tối đa\n")
    );
    // Lettered input rows under 5.12.1 and 6.22.
    let t = task(&p, "pl-5.12.1-b");
    assert_eq!(strings(&t.indicators), ["5.12.1"]);
    assert_eq!(strings(&t.lead), ["Sở TT&TT"]);
    assert_eq!(t.note.as_deref(), Some("tỷ đồng"));
    let t = task(&p, "pl-6.22-c");
    assert_eq!(
        t.title.as_ref().map(|s| s.value.as_str()),
        Some("Tổng chi Ngân sách nhà nước trên địa bàn")
    );
    // Group is the main index the row stands under.
    assert_eq!(
        task(&p, "pl-8.8.3.4")
            .group
            .as_ref()
            .map(|g| g.value.as_str()),
        Some("8")
    );
    let t = task(&p, "tt-1");
    assert_eq!(strings(&t.lead), ["Sở Thông tin và Truyền thông"]);
}
