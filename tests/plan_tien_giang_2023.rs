//! plans/tien-giang-2023.yaml (444/KH-UBND) holds what the seed
//! shared/seeds/000_3eac941eea2bc646.txt holds: counts and values copied from the seed.

use std::collections::BTreeSet;
use std::path::Path;

use kehoach::plan::{Figure, Plan, Task, load_plan};

fn plan() -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/tien-giang-2023.yaml");
    match load_plan(&path) {
        Ok(loaded) => loaded.plan,
        Err(e) => panic!("plans/tien-giang-2023.yaml does not load: {e}"),
    }
}

fn task<'a>(plan: &'a Plan, id: &str) -> &'a Task {
    plan.tasks
        .iter()
        .find(|t| t.id.as_str() == id)
        .unwrap_or_else(|| panic!("no task {id}"))
}

fn num(f: &Figure) -> f64 {
    match f {
        Figure::Number(n) => *n,
        Figure::Text(t) => panic!("expected a number, got {t:?}"),
    }
}

fn strings<'a>(v: impl IntoIterator<Item = &'a kehoach::source::Spanned<String>>) -> Vec<&'a str> {
    v.into_iter().map(|s| s.as_str()).collect()
}

#[test]
fn document_header() {
    let p = plan();
    assert_eq!(p.catalogue.as_str(), "dti-922-2022");
    let d = &p.document;
    assert_eq!(d.issuer, ["ỦY BAN NHÂN DÂN", "TỈNH TIỀN GIANG"]);
    assert_eq!(d.number.as_deref().map(String::as_str), Some("444"));
    assert_eq!(d.symbol.as_str(), "KH-UBND");
    assert_eq!(d.place, "Tiền Giang");
    assert_eq!(d.date.as_deref().map(String::as_str), Some("2023-10-23"));
    assert_eq!(
        d.title.as_str(),
        "Nâng cao chỉ số chuyển đổi số tỉnh Tiền Giang năm 2023 và các năm tiếp theo"
    );
    assert_eq!(*d.year, 2023);
}

#[test]
fn counts_match_the_source() {
    let p = plan();
    // Three "Căn cứ …" paragraphs.
    assert_eq!(p.bases.len(), 3);
    assert!(p.bases[1].starts_with("Căn cứ Quyết định số 922/QĐ-BTTTT ngày 20/5/2022"));
    // Part V: 48 lettered points in sections 1–17 (7+3+12+3+1+3+5+1+2+1+1+1+2+1+1+1+3).
    let body: Vec<_> = p.tasks.iter().filter(|t| t.id.starts_with("nv-")).collect();
    assert_eq!(body.len(), 48);
    let groups: BTreeSet<_> = body.iter().filter_map(|t| t.group.as_deref()).collect();
    assert_eq!(groups.len(), 17);
    // Appendix: 34 complete indicator rows up to 6.10, plus the truncated 6.11 row.
    let rows: Vec<_> = p.tasks.iter().filter(|t| t.id.starts_with("pl-")).collect();
    assert_eq!(rows.len(), 35);
    let per_index = |g: &str| {
        rows.iter()
            .filter(|t| t.group.as_deref().map(String::as_str) == Some(g))
            .count()
    };
    assert_eq!(
        [
            per_index("1"),
            per_index("2"),
            per_index("3"),
            per_index("4"),
            per_index("5"),
            per_index("6")
        ],
        [2, 1, 8, 3, 16, 5]
    );
    let ids: BTreeSet<_> = p.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), p.tasks.len(), "task ids are unique");
    // Distinct lead agencies in the appendix and in the whole plan.
    let pl_leads: BTreeSet<_> = rows.iter().flat_map(|t| strings(&t.lead)).collect();
    assert_eq!(pl_leads.len(), 16);
    let all_leads: BTreeSet<_> = p.tasks.iter().flat_map(|t| strings(&t.lead)).collect();
    assert_eq!(all_leads.len(), 26);
    assert_eq!(p.recipients.len(), 11);
    assert!(p.budget_tables.is_empty());
    assert_eq!(p.appendices.len(), 1);
}

#[test]
fn baseline_as_published() {
    let p = plan();
    let b = p.baseline.as_ref().expect("baseline");
    assert_eq!(b.year, 2022);
    assert_eq!(b.total.as_deref().map(num), Some(627.42));
    assert_eq!(b.rank.as_deref().copied(), Some(20));
    assert_eq!(b.indices.len(), 8);
    let i6 = &b.indices[5];
    assert_eq!(i6.code.as_str(), "6");
    assert_eq!(i6.max_points.as_deref().map(num), Some(200.0));
    assert_eq!(num(&i6.points), 127.75);
    assert_eq!(i6.rank.as_deref().copied(), Some(27));
    // The typo of the source is kept.
    assert_eq!(b.indices[1].name.as_deref(), Some("Thế chế số"));
    // The eight index points add up to the stated total.
    let sum: f64 = b.indices.iter().map(|i| num(&i.points)).sum();
    assert!((sum - 627.42).abs() < 1e-9, "sum {sum}");
    let ind = |c: &str| {
        b.indicators
            .iter()
            .find(|i| i.code.as_str() == c)
            .unwrap_or_else(|| panic!("no {c}"))
    };
    assert_eq!(ind("1.3").points.as_deref().map(num), Some(2.5));
    assert_eq!(ind("6.12").points.as_deref().map(num), Some(8.93));
    assert_eq!(ind("8.8").points.as_deref().map(num), Some(13.93));
    assert!(
        ind("4.9")
            .note
            .as_deref()
            .is_some_and(|n| n.contains("Đạt 0.73/10 điểm"))
    );
}

#[test]
fn sampled_values() {
    let p = plan();
    let t = task(&p, "pl-1.2");
    assert_eq!(t.max_points.as_deref().map(num), Some(5.0));
    assert_eq!(strings(&t.lead), ["Văn phòng UBND tỉnh"]);
    assert!(t.deadline.is_none());
    let t = task(&p, "pl-3.5");
    assert_eq!(t.max_points.as_deref().map(num), Some(30.0));
    assert_eq!(
        t.deadline.as_deref().map(String::as_str),
        Some("Triển khai theo dự án Nâng cấp Trung tâm tích hợp dữ liệu tỉnh")
    );
    let t = task(&p, "pl-4.5");
    assert_eq!(
        t.deadline.as_deref().map(String::as_str),
        Some("Quý IV/2023")
    );
    let t = task(&p, "pl-4.9");
    assert_eq!(
        strings(&t.lead),
        [
            "Trường Đại học Tiền Giang",
            "Trường Cao đẳng Tiền Giang",
            "Cao đẳng Y tế",
            "Cao đẳng Nông nghiệp Nam Bộ"
        ]
    );
    let t = task(&p, "pl-5.12.4");
    assert_eq!(
        strings(&t.support),
        [
            "Sở Tài chính",
            "Sở Kế hoạch và Đầu tư",
            "các sở, ban, ngành tỉnh"
        ]
    );
    assert_eq!(strings(&task(&p, "pl-5.12.6").support), ["nt"]);
    let t = task(&p, "pl-6.7");
    assert_eq!(t.lead.len(), 8);
    assert_eq!(t.lead[7].as_str(), "Bưu điện tỉnh");
    assert_eq!(
        task(&p, "pl-6.9").deadline.as_deref().map(String::as_str),
        Some("Phấn đấu mỗi năm đạt tối thiểu 30%")
    );
    assert_eq!(
        task(&p, "nv-1.a").deadline.as_deref().map(String::as_str),
        Some("trước ngày 25/01 hàng năm")
    );
    assert_eq!(
        strings(&task(&p, "nv-2.b").support),
        ["Cục Thuế tỉnh", "Sở Kế hoạch và Đầu tư"]
    );
    assert!(
        task(&p, "nv-14")
            .body
            .as_deref()
            .is_some_and(|b| b.contains("đạt trên 98%"))
    );
    // Signer and recipients.
    let s = p.signer.as_ref().expect("signer");
    assert_eq!(s.name.as_str(), "Nguyễn Văn Vĩnh");
    assert_eq!(s.title.as_str(), "CHỦ TỊCH");
    assert_eq!(p.recipients[0].as_str(), "Bộ Thông tin và Truyền thông;");
    assert_eq!(p.recipients[7].as_str(), "VP: CVP, các PVP, TTPVHCC&KSTT;");
    assert_eq!(p.recipients[10].as_str(), "Lưu: VT, KSTT (Hiếu).");
}
