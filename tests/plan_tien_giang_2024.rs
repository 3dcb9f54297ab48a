//! plans/tien-giang-2024.yaml (541/KH-UBND) holds what the seed
//! shared/seeds/002_92dd16be4f8a8617.txt holds: counts and values copied from the seed.

use std::collections::BTreeSet;
use std::path::Path;

use crate::plan_helpers::{outline_text, part_items};
use kehoach::plan::{AppendixKind, BudgetItem, BudgetSection, Figure, Plan, load_plan};

fn plan() -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/tien-giang-2024.yaml");
    match load_plan(&path) {
        Ok(loaded) => loaded.plan,
        Err(e) => panic!("plans/tien-giang-2024.yaml does not load: {e}"),
    }
}

fn text(f: Option<&Figure>) -> &str {
    match f {
        Some(Figure::Text(t)) => t,
        other => panic!("expected an amount as written, got {other:?}"),
    }
}

/// Parse a Vietnamese-formatted whole amount ("4.979" → 4979; plain numbers as they are).
fn amount(f: Option<&Figure>) -> u64 {
    match f {
        Some(Figure::Number(n)) => *n as u64,
        Some(Figure::Text(t)) => t
            .replace('.', "")
            .parse()
            .unwrap_or_else(|_| panic!("{t:?}")),
        None => panic!("no amount"),
    }
}

fn items(s: &BudgetSection) -> Vec<&BudgetItem> {
    s.items
        .iter()
        .chain(s.sections.iter().flat_map(|c| items(c)))
        .collect()
}

fn section<'a>(p: &'a Plan, path: &[&str]) -> &'a BudgetSection {
    let mut list = &p.budget_tables[0].sections;
    let mut found = None;
    for n in path {
        let s = list
            .iter()
            .find(|s| s.number.as_deref() == Some(n))
            .unwrap_or_else(|| panic!("no section {path:?}"));
        list = &s.sections;
        found = Some(s);
    }
    found.expect("a non-empty path")
}

#[test]
fn document_header() {
    let p = plan();
    let d = &p.document;
    assert_eq!(d.number.as_deref().map(String::as_str), Some("541"));
    assert_eq!(d.symbol.as_str(), "KH-UBND");
    assert_eq!(d.date.as_deref().map(String::as_str), Some("2023-12-26"));
    assert_eq!(d.title.as_str(), "Chuyển đổi số tỉnh Tiền Giang năm 2024");
    assert_eq!(*d.year, 2024);
    assert!(p.baseline.is_none(), "the plan states no DTI results");
}

#[test]
fn counts_match_the_source() {
    let p = plan();
    // Part I lists 11 bases (without the word "Căn cứ").
    assert_eq!(p.bases.len(), 11);
    assert!(p.bases[0].starts_with("Quyết định số 749/QĐ-TTg ngày 03 tháng 06 năm 2020"));
    assert!(p.bases[10].ends_with("trên địa bàn tỉnh Tiền Giang."));
    // Part III: 50 lettered tasks in 10 areas (5+3+6+4+5+6+5+7+6+3), none with a lead.
    assert_eq!(p.tasks.len(), 50);
    let areas: Vec<_> =
        p.tasks
            .iter()
            .filter_map(|t| t.group.as_deref())
            .fold(Vec::new(), |mut v, g| {
                if v.last() != Some(&g) {
                    v.push(g);
                }
                v
            });
    assert_eq!(areas.len(), 10);
    assert_eq!(areas[3].as_str(), "Dữ liệu số");
    assert!(
        p.tasks
            .iter()
            .all(|t| t.lead.is_empty() && t.deadline.is_none())
    );
    let ids: BTreeSet<_> = p.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), 50);
    // Part IV: 5 solution groups; part VI: 9 agencies.
    assert_eq!(part_items(&p, "GIẢI PHÁP THỰC HIỆN").len(), 5);
    assert_eq!(part_items(&p, "TỔ CHỨC THỰC HIỆN").len(), 9);
    assert_eq!(p.recipients.len(), 11);
    // Appendix: one budget table, 26 lines: A.I 6, A.II 10, B.I 3, B.II 7.
    assert_eq!(p.budget_tables.len(), 1);
    let t = &p.budget_tables[0];
    let all: Vec<_> = t.sections.iter().flat_map(items).collect();
    assert_eq!(all.len(), 26);
    let n = |path: &[&str]| section(&p, path).items.len();
    assert_eq!(
        [
            n(&["A", "I"]),
            n(&["A", "II"]),
            n(&["B", "I"]),
            n(&["B", "II"])
        ],
        [6, 10, 3, 7]
    );
    let leads: BTreeSet<_> = all
        .iter()
        .flat_map(|i| i.lead.iter().map(|l| l.as_str()))
        .collect();
    assert_eq!(leads.len(), 11);
    let sectors: BTreeSet<_> = all.iter().filter_map(|i| i.sector.as_deref()).collect();
    assert_eq!(sectors.len(), 6);
    assert_eq!(p.appendices.len(), 1);
    assert_eq!(p.appendices[0].kind, AppendixKind::Budget);
    assert_eq!(p.appendices[0].table.as_deref(), Some(t.id.as_str()));
}

#[test]
fn stated_subtotals_kept_as_written() {
    let p = plan();
    let sub = |path: &[&str]| section(&p, path).subtotal.as_deref();
    assert_eq!(text(sub(&["A"])), "226.420");
    assert_eq!(text(sub(&["A", "I"])), "42.342");
    assert_eq!(text(sub(&["A", "II"])), "184.078");
    assert_eq!(text(sub(&["B"])), "38.761");
    assert_eq!(text(sub(&["B", "I"])), "7.704");
    assert_eq!(text(sub(&["B", "II"])), "", "B.II states no subtotal");
    assert!(
        p.budget_tables[0].total.is_none(),
        "no grand total is stated"
    );
    // The source's sums, as they are: A.II and B.I add up, A.I is 1 over, B is 300 over.
    let sum = |path: &[&str]| -> u64 {
        items(section(&p, path))
            .iter()
            .map(|i| amount(i.amount.as_deref()))
            .sum()
    };
    assert_eq!(sum(&["A", "I"]), 42_341);
    assert_eq!(sum(&["A", "II"]), 184_078);
    assert_eq!(sum(&["A"]), 226_419);
    assert_eq!(sum(&["B", "I"]), 7_704);
    assert_eq!(sum(&["B"]), 38_461);
}

#[test]
fn sampled_values() {
    let p = plan();
    let a1 = &section(&p, &["A", "I"]).items;
    assert_eq!(
        a1[0].name.as_str(),
        "Nâng cấp Hệ thống thư điện tử công vụ tỉnh Tiền Giang"
    );
    assert_eq!(text(a1[0].amount.as_deref()), "4.979");
    assert_eq!(
        a1[0].period.as_deref().map(String::as_str),
        Some("2023 – 2025")
    );
    assert_eq!(
        a1[0].note.as_deref(),
        Some("Quyết định số 3382/QĐ-UBND ngày 01/12/2021.")
    );
    // A row split over a page break, joined.
    assert_eq!(a1[4].lead[0].as_str(), "Sở Thông tin và Truyền thông");
    assert_eq!(a1[5].lead[0].as_str(), "Thanh tra tỉnh");
    let a2 = &section(&p, &["A", "II"]).items;
    assert_eq!(text(a2[0].amount.as_deref()), "88.000");
    assert_eq!(a2[3].lead[0].as_str(), "Sở Lao động, thương binh và Xã hội");
    assert_eq!(
        a2[5].sector.as_deref().map(String::as_str),
        Some("Cơ sở dữ liệu")
    );
    assert_eq!(
        a2[8].note.as_deref(),
        Some("Đã trình BCĐXCTĐT lần 3 (Báo cáo số 3053/BC-SCT ngày 02/11/2023)")
    );
    let b1 = &section(&p, &["B", "I"]).items;
    assert_eq!(b1[2].amount.as_deref(), Some(&Figure::Number(330.0)));
    assert_eq!(
        b1[0].period.as_deref().map(String::as_str),
        Some("2022 – 2024")
    );
    let b2 = &section(&p, &["B", "II"]).items;
    assert_eq!(b2[0].amount.as_deref(), Some(&Figure::Number(14.0)));
    assert_eq!(text(b2[5].amount.as_deref()), "19.341");
    assert_eq!(b2[6].period.as_deref().map(String::as_str), Some("2024"));
    // Tasks, goals, organisation.
    let t = p
        .tasks
        .iter()
        .find(|t| t.id.as_str() == "nv-8.đ")
        .expect("task 8.đ");
    assert_eq!(
        t.group.as_deref().map(String::as_str),
        Some("Chính quyền số")
    );
    assert!(
        t.body
            .as_deref()
            .is_some_and(|b| b.contains("theo kế hoạch số về nâng cao DVC TT"))
    );
    let text = outline_text(&p);
    assert!(text.contains("- Tỷ trọng kinh tế số đạt 15% GDP."));
    assert!(text.contains("- 85% dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán"));
    assert!(text.contains("hoàn thành trong **tháng 01/2024**"));
    let duties = part_items(&p, "TỔ CHỨC THỰC HIỆN");
    assert_eq!(
        duties[4].item.as_ref().map(|h| h.value.as_str()),
        Some("Sở Tài chính")
    );
    // Signer and recipients.
    let s = p.signer.as_ref().expect("signer");
    assert_eq!(
        (s.title.as_str(), s.name.as_str()),
        ("CHỦ TỊCH", "Nguyễn Văn Vĩnh")
    );
    assert_eq!(p.recipients[0].as_str(), "Văn phòng Chính phủ;");
    assert_eq!(
        p.recipients[7].as_str(),
        "VPUB: CVP, các PCVP, P.KT, TTHH-CB, TTPVHCC&KSTT;"
    );
    assert_eq!(p.recipients[10].as_str(), "Lưu: VT, KSTT(Hiếu).");
}
