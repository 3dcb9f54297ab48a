//! The Vietnamese conventions through the public API, as lint and render use them.

use kehoach::vn::{
    Date, Deadline, DeadlineKind, Lookup, Registry, point_letter, roman, split_agencies,
};

#[test]
fn a_task_row_from_gia_lai_3015() {
    // 2.6: lead "Sở TT & TT; Sở Tài chính; Sở Kế" (cut off), deadline "Quý IV năm 2024".
    let reg = Registry::embedded();
    let leads = split_agencies("Sở TT & TT; Sở Tài chính; Sở Kế");
    let found: Vec<Lookup> = leads.iter().map(|n| reg.lookup(n)).collect();
    assert!(matches!(found[0], Lookup::Alias { agency, .. } if agency.id == "so-tttt"));
    assert!(matches!(found[1], Lookup::Canonical(a) if a.id == "so-tai-chinh"));
    assert_eq!(found[2], Lookup::Unknown);
    let deadline = Deadline::parse("Quý IV năm 2024");
    assert_eq!(deadline.latest(), Date::new(2024, 12, 31));
    assert!(deadline.latest() > Date::parse_iso("2023-11-02"));
}

#[test]
fn headings_and_points() {
    let points: String = (1..=7).map(point_letter).collect::<Vec<_>>().join(" ");
    assert_eq!(points, "a b c d đ e g");
    assert_eq!(roman(4), "IV");
    assert_eq!(
        Deadline::parse("Thống kê số liệu").kind,
        DeadlineKind::NotADeadline
    );
}
