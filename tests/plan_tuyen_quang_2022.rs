//! plans/tuyen-quang-2022.yaml (Tuyên Quang, 187/KH-UBND, 03/10/2022): counts and values
//! checked against the seed extraction shared/seeds/001_7c7853e00c4cb2fd.txt.

use std::collections::BTreeSet;
use std::path::Path;

use crate::plan_helpers::part_items;
use kehoach::plan::{Figure, Plan, Task, load_plan};
use kehoach::source::Spanned;

fn plan() -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/tuyen-quang-2022.yaml");
    match load_plan(&path) {
        Ok(p) => p.plan,
        Err(e) => panic!("tuyen-quang-2022.yaml does not load: {e:?}"),
    }
}

fn task<'a>(plan: &'a Plan, id: &str) -> &'a Task {
    plan.tasks
        .iter()
        .find(|t| t.id.value == id)
        .unwrap_or_else(|| panic!("no task {id}"))
}

fn strings(v: &[Spanned<String>]) -> Vec<&str> {
    v.iter().map(|s| s.value.as_str()).collect()
}

#[test]
fn counts_match_the_source() {
    let p = plan();
    // II.2: 3 + 5 + 3 + 4 + 2 + (1 + 3 + 1) + 6 + 8 bullets under the eight scored indices.
    assert_eq!(p.tasks.len(), 36);
    let per_group = |g: &str| {
        p.tasks
            .iter()
            .filter(|t| t.group.as_ref().is_some_and(|x| x.value == g))
            .count()
    };
    let counts: Vec<usize> = (1..=8).map(|g| per_group(&g.to_string())).collect();
    assert_eq!(counts, [3, 5, 3, 4, 2, 5, 6, 8]);
    let ids: BTreeSet<&str> = p.tasks.iter().map(|t| t.id.value.as_str()).collect();
    assert_eq!(ids.len(), p.tasks.len());
    // Every bullet names who does it; none cites an indicator code, but all but one name
    // an indicator's subject, encoded as its code (with a `# source:` note in the file).
    assert!(p.tasks.iter().all(|t| !t.lead.is_empty()));
    let uncoded: Vec<&str> = p
        .tasks
        .iter()
        .filter(|t| t.indicators.is_empty())
        .map(|t| t.id.value.as_str())
        .collect();
    assert_eq!(uncoded, ["nv-2.5"]);
    let leads: BTreeSet<&str> = p
        .tasks
        .iter()
        .flat_map(|t| t.lead.iter().map(|l| l.value.as_str()))
        .collect();
    assert_eq!(leads.len(), 28);
    // Only two bullets open with a recurrence; no other deadline is given.
    assert_eq!(p.tasks.iter().filter(|t| t.deadline.is_some()).count(), 2);
    assert_eq!(p.bases.len(), 3);
    assert_eq!(p.recipients.len(), 9);
    assert!(p.budget_tables.is_empty());
    assert!(p.appendices.is_empty());
    assert_eq!(part_items(&p, "TỔ CHỨC THỰC HIỆN").len(), 2);
    let b = p.baseline.as_ref().expect("baseline");
    assert_eq!(b.indices.len(), 8);
    // 95 entries: 10 + 11 + 7 + 13 + 12 + 22 + 12 + 8 codes listed, 2.10 written as "1.10".
    assert_eq!(b.indicators.len(), 95);
    let zero = b
        .indicators
        .iter()
        .filter(|i| {
            i.points
                .as_ref()
                .is_some_and(|p| p.value == Figure::Number(0.0))
        })
        .count();
    assert_eq!(zero, 64);
    let twice = b
        .indicators
        .iter()
        .filter(|i| i.code.value == "1.10")
        .count();
    assert_eq!(
        twice, 2,
        "1.10 is listed under index 1 and again under index 2"
    );
    assert!(!b.indicators.iter().any(|i| i.code.value == "2.10"));
}

#[test]
fn document_and_signer_as_written() {
    let p = plan();
    let d = &p.document;
    assert_eq!(d.number.as_ref().map(|n| n.value.as_str()), Some("187"));
    assert_eq!(d.symbol.value, "KH-UBND");
    assert_eq!(d.place, "Tuyên Quang");
    assert_eq!(
        d.date.as_ref().map(|n| n.value.as_str()),
        Some("2022-10-03")
    );
    assert_eq!(
        d.title.value,
        "Nâng cao chỉ số đánh giá, cải thiện vị trí xếp hạng chuyển đổi số tỉnh Tuyên Quang năm 2022"
    );
    assert_eq!(d.year.value, 2022);
    assert_eq!(
        p.bases[1].value,
        "Căn cứ Quyết định số 742/QĐ-UBND ngày 24/6/2022 của Ủy ban nhân dân tỉnh ban hành Bộ chỉ số đánh giá, xếp hạng mức độ chuyển đổi số tại các cơ quan Nhà nước trên địa bàn tỉnh Tuyên Quang;"
    );
    let s = p.signer.as_ref().expect("signer");
    assert_eq!(s.authority, None);
    assert_eq!(s.title.value, "CHỦ TỊCH");
    assert_eq!(s.name.value, "Nguyễn Văn Sơn");
    assert_eq!(p.recipients[0].value, "BCĐ CCHC&CĐS tỉnh (báo cáo);");
    assert_eq!(p.recipients[6].value, "Báo Tuyên Quang, Đài PTTT tỉnh;");
    assert_eq!(p.recipients[8].value, "Lưu: VT, TG CNTT 02.");
    let org = part_items(&p, "TỔ CHỨC THỰC HIỆN");
    assert!(
        org[0]
            .text
            .as_deref()
            .is_some_and(|t| t.contains("trước ngày 15/12/2022"))
    );
    assert_eq!(
        org[1].item.as_ref().map(|h| h.value.as_str()),
        Some("Sở Thông tin và Truyền thông")
    );
}

#[test]
fn baseline_as_written() {
    let p = plan();
    let b = p.baseline.as_ref().expect("baseline");
    assert_eq!(b.year, 2021);
    assert_eq!(
        b.total.as_ref().map(|t| t.value.clone()),
        Some(Figure::Text("0,2849".into()))
    );
    assert_eq!(b.rank.as_ref().map(|r| r.value), Some(58));
    let idx = |c: &str| {
        b.indices
            .iter()
            .find(|i| i.code.value == c)
            .unwrap_or_else(|| panic!("no index {c}"))
    };
    assert_eq!(idx("2").name.as_deref(), Some("Thế chế số"));
    assert_eq!(idx("5").name.as_deref(), Some("ATTTM"));
    assert_eq!(idx("5").points.value, Figure::Text("0,1667".into()));
    assert_eq!(idx("8").points.value, Figure::Text("0,0392".into()));
    assert_eq!(idx("8").rank.as_ref().map(|r| r.value), Some(63));
    let ind = |c: &str| {
        b.indicators
            .iter()
            .find(|i| i.code.value == c)
            .unwrap_or_else(|| panic!("no indicator {c}"))
    };
    assert_eq!(
        ind("1.1").note.as_deref(),
        Some("Các tiêu chí đạt điểm tối đa")
    );
    assert!(ind("1.1").points.is_none());
    assert!(
        ind("7.9")
            .note
            .as_deref()
            .is_some_and(|n| n.starts_with("Các tiêu chí không đạt điểm tối đa. Lý do:"))
    );
    assert_eq!(
        ind("6.22").points.as_ref().map(|p| p.value.clone()),
        Some(Figure::Number(0.0))
    );
    // The table "1.2.2. Xếp hạng các chỉ số chính" (printed by `block: baseline_table`).
    let i5 = b
        .indices
        .iter()
        .find(|i| i.code.value == "5")
        .expect("index 5");
    assert_eq!(i5.name.as_deref(), Some("ATTTM"));
    assert_eq!(i5.points.value, Figure::Text("0,1667".into()));
    assert_eq!(i5.rank.as_ref().map(|r| r.value), Some(57));
}

#[test]
fn tasks_as_written() {
    let p = plan();
    let t = task(&p, "nv-1.1");
    assert_eq!(strings(&t.lead), ["Văn phòng Ủy ban nhân tỉnh"]);
    assert_eq!(strings(&t.support), ["Sở Thông tin và Truyền thông"]);
    let t = task(&p, "nv-2.5");
    assert_eq!(strings(&t.lead), ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]);
    let t = task(&p, "nv-4.2");
    assert_eq!(
        strings(&t.lead),
        [
            "Sở Giáo dục và Đào tạo",
            "Trường Đại học Tân Trào",
            "Trường Cao đẳng nghề kỹ nghệ tỉnh"
        ]
    );
    // A paragraph rejoined across a page break.
    let t = task(&p, "nv-7.6");
    assert!(
        t.body
            .as_deref()
            .is_some_and(|b| b.contains("thương mại điện từ Vò sò và Postmart trê địa bàn tỉnh"))
    );
    let t = task(&p, "nv-6.1");
    assert_eq!(
        t.target.as_deref(),
        Some(
            "tăng tỷ lệ hồ sơ xử lý trực tuyến lên trên 50% vào cuối năm 2022, 80% vào cuối năm 2025"
        )
    );
    let t = task(&p, "nv-6.3");
    assert_eq!(
        t.deadline.as_ref().map(|d| d.value.as_str()),
        Some("Hằng năm")
    );
    let t = task(&p, "nv-8.7");
    assert_eq!(
        strings(&t.lead),
        ["Viễn thông Tuyên Quang", "Viettel Tuyên Quang"]
    );
    assert_eq!(task(&p, "nv-6.2.2").support.len(), 2);
}
