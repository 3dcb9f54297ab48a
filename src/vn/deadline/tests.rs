//! Deadline parsing, with the strings the five seed plans use.

use super::*;

fn kind(s: &str) -> DeadlineKind {
    Deadline::parse(s).kind
}

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).expect("valid test date")
}

fn unparseable(reason: Reason) -> DeadlineKind {
    DeadlineKind::Unparseable { reason }
}

#[test]
fn keeps_the_original_text() {
    let dl = Deadline::parse("  Quý IV/2023 ");
    assert_eq!(dl.text, "  Quý IV/2023 ");
    assert_eq!(dl.to_string(), "  Quý IV/2023 ");
}

#[test]
fn calendar_dates() {
    assert_eq!(
        kind("31/12/2023"),
        DeadlineKind::Date {
            date: d(2023, 12, 31)
        }
    );
    assert_eq!(
        kind("ngày 5/1/2024"),
        DeadlineKind::Date {
            date: d(2024, 1, 5)
        }
    );
    assert_eq!(
        kind("Ngày 15 tháng 12 năm 2023"),
        DeadlineKind::Date {
            date: d(2023, 12, 15)
        }
    );
    let dl = Deadline::parse("31/12/2023");
    assert_eq!(dl.latest(), Some(d(2023, 12, 31)));
    assert_eq!(dl.earliest(), Some(d(2023, 12, 31)));
}

#[test]
fn impossible_dates_are_unparseable_with_a_reason() {
    assert_eq!(kind("31/02/2023"), unparseable(Reason::ImpossibleDate));
    assert_eq!(kind("29/02/2023"), unparseable(Reason::ImpossibleDate));
    assert_eq!(
        kind("29/02/2024"),
        DeadlineKind::Date {
            date: d(2024, 2, 29)
        }
    );
    assert_eq!(kind("12/13/2023"), unparseable(Reason::ImpossibleDate));
    assert_eq!(
        kind("trước ngày 31/04/2024"),
        unparseable(Reason::ImpossibleDate)
    );
    assert_eq!(kind("Quý V/2023"), unparseable(Reason::NoSuchQuarter));
    assert_eq!(kind("Quý 0 năm 2023"), unparseable(Reason::NoSuchQuarter));
    assert_eq!(kind("tháng 13/2024"), unparseable(Reason::NoSuchMonth));
    assert_eq!(kind("2025 – 2023"), unparseable(Reason::ReversedPeriod));
    assert_eq!(kind("trước ngày 15/12"), unparseable(Reason::MissingYear));
    let msg = Reason::ImpossibleDate.message();
    assert_eq!(msg.vi, "ngày không tồn tại");
    assert_eq!(msg.en, "the date does not exist");
}

#[test]
fn before_a_date() {
    // Tuyên Quang 187/KH-UBND: "Báo cáo … trước ngày 15/12/2022".
    let dl = Deadline::parse("trước ngày 15/12/2022");
    assert_eq!(
        dl.kind,
        DeadlineKind::Before {
            date: d(2022, 12, 15)
        }
    );
    assert_eq!(dl.latest(), Some(d(2022, 12, 14)));
    assert_eq!(dl.earliest(), None);
    assert_eq!(
        kind("Trước 30/6/2024"),
        DeadlineKind::Before {
            date: d(2024, 6, 30)
        }
    );
    assert_eq!(
        kind("TRƯỚC NGÀY 01/01/2024"),
        DeadlineKind::Before {
            date: d(2024, 1, 1)
        }
    );
    assert_eq!(
        Deadline::parse("TRƯỚC NGÀY 01/01/2024").latest(),
        Some(d(2023, 12, 31))
    );
    assert_eq!(
        kind("trước Quý IV/2023"),
        DeadlineKind::Before {
            date: d(2023, 10, 1)
        }
    );
    assert_eq!(
        kind("Trước năm 2025"),
        DeadlineKind::Before {
            date: d(2025, 1, 1)
        }
    );
}

#[test]
fn quarters() {
    let q4 = DeadlineKind::Quarter {
        q: 4,
        year: Some(2023),
    };
    // Tiền Giang 444: "Quý IV/2023"; variants with spaces, Arabic digits, "năm", "quí".
    for s in [
        "Quý IV/2023",
        "Quý IV / 2023",
        "quý iv năm 2023",
        "Quý 4/2023",
        "QUÝ IV - 2023",
        "Quí IV/2023",
        "Quý  IV   năm  2023.",
    ] {
        assert_eq!(kind(s), q4, "{s:?}");
    }
    // Gia Lai 3015: "Quý IV năm 2024", "Quý II năm 2024", "Quý IV năm 2025".
    assert_eq!(
        kind("Quý IV năm 2024"),
        DeadlineKind::Quarter {
            q: 4,
            year: Some(2024)
        }
    );
    assert_eq!(
        kind("Quý II năm 2024"),
        DeadlineKind::Quarter {
            q: 2,
            year: Some(2024)
        }
    );
    let dl = Deadline::parse("Quý II năm 2024");
    assert_eq!(dl.earliest(), Some(d(2024, 4, 1)));
    assert_eq!(dl.latest(), Some(d(2024, 6, 30)));
    assert_eq!(Deadline::parse("Quý I/2024").latest(), Some(d(2024, 3, 31)));
    assert_eq!(
        Deadline::parse("Quý III/2024").latest(),
        Some(d(2024, 9, 30))
    );
    // Gia Lai 1.4: "Quý IV" alone (the year is the plan's).
    let bare = Deadline::parse("Quý IV");
    assert_eq!(bare.kind, DeadlineKind::Quarter { q: 4, year: None });
    assert_eq!(bare.latest(), None);
    assert_eq!(bare.latest_in(2023), Some(d(2023, 12, 31)));
}

#[test]
fn months_and_halves() {
    assert_eq!(
        kind("tháng 01/2024"),
        DeadlineKind::Month {
            m: 1,
            year: Some(2024)
        }
    );
    assert_eq!(
        kind("Tháng 6 năm 2024"),
        DeadlineKind::Month {
            m: 6,
            year: Some(2024)
        }
    );
    assert_eq!(
        kind("12/2023"),
        DeadlineKind::Month {
            m: 12,
            year: Some(2023)
        }
    );
    assert_eq!(kind("Tháng 10"), DeadlineKind::Month { m: 10, year: None });
    assert_eq!(
        Deadline::parse("tháng 02/2024").latest(),
        Some(d(2024, 2, 29))
    );
    assert_eq!(
        Deadline::parse("tháng 02/2024").earliest(),
        Some(d(2024, 2, 1))
    );
    let h1 = Deadline::parse("6 tháng đầu năm");
    assert_eq!(
        h1.kind,
        DeadlineKind::Half {
            half: 1,
            year: None
        }
    );
    assert_eq!(h1.latest(), None);
    assert_eq!(h1.latest_in(2024), Some(d(2024, 6, 30)));
    assert_eq!(
        kind("06 tháng cuối năm 2024"),
        DeadlineKind::Half {
            half: 2,
            year: Some(2024)
        }
    );
}

#[test]
fn years_and_periods() {
    // Gia Lai: "Năm 2025"; Tiền Giang 541 appendix: "2024".
    assert_eq!(kind("Năm 2025"), DeadlineKind::Year { year: 2025 });
    assert_eq!(kind("năm 2025"), DeadlineKind::Year { year: 2025 });
    assert_eq!(kind("2024"), DeadlineKind::Year { year: 2024 });
    assert_eq!(kind("Trong năm 2024"), DeadlineKind::Year { year: 2024 });
    assert_eq!(kind("Đến hết năm 2025"), DeadlineKind::Year { year: 2025 });
    let y = Deadline::parse("Năm 2025");
    assert_eq!(y.earliest(), Some(d(2025, 1, 1)));
    assert_eq!(y.latest(), Some(d(2025, 12, 31)));
    // Tiền Giang 541 appendix: "2023 – 2025" (en dash), "2022 – 2024".
    let p = DeadlineKind::Period {
        from: 2023,
        to: 2025,
    };
    for s in [
        "2023 – 2025",
        "2023-2025",
        "2023 - 2025",
        "2023—2025",
        "Giai đoạn 2023-2025",
        "từ năm 2023 đến năm 2025",
    ] {
        assert_eq!(kind(s), p, "{s:?}");
    }
    assert_eq!(
        kind("Giai đoạn 2021-2025"),
        DeadlineKind::Period {
            from: 2021,
            to: 2025
        }
    );
    let dl = Deadline::parse("2022 – 2024");
    assert_eq!(dl.earliest(), Some(d(2022, 1, 1)));
    assert_eq!(dl.latest(), Some(d(2024, 12, 31)));
}

#[test]
fn recurring() {
    let yearly = DeadlineKind::Recurring {
        every: Every::Year,
        within: None,
    };
    // Tiền Giang 444: "Hàng năm"; the other spelling "Hằng năm".
    for s in [
        "Hàng năm",
        "Hằng năm",
        "HẰNG NĂM",
        "hàng  năm.",
        "Định kỳ hằng năm",
        "Mỗi năm",
    ] {
        assert_eq!(kind(s), yearly, "{s:?}");
    }
    // Gia Lai: "Quý IV hàng năm".
    let q4 = Deadline::parse("Quý IV hàng năm");
    assert_eq!(
        q4.kind,
        DeadlineKind::Recurring {
            every: Every::Year,
            within: Some(Within::Quarter { q: 4 })
        }
    );
    assert_eq!(q4.latest(), None);
    assert_eq!(q4.earliest_in(2024), Some(d(2024, 10, 1)));
    assert_eq!(q4.latest_in(2024), Some(d(2024, 12, 31)));
    assert_eq!(
        kind("Tháng 12 hằng năm"),
        DeadlineKind::Recurring {
            every: Every::Year,
            within: Some(Within::Month { m: 12 })
        }
    );
    let dec = Deadline::parse("Trước ngày 15/12 hằng năm");
    assert_eq!(
        dec.kind,
        DeadlineKind::Recurring {
            every: Every::Year,
            within: Some(Within::BeforeDay { day: 15, month: 12 })
        }
    );
    assert_eq!(dec.latest_in(2023), Some(d(2023, 12, 14)));
    assert_eq!(
        kind("Định kỳ hằng quý"),
        DeadlineKind::Recurring {
            every: Every::Quarter,
            within: None
        }
    );
    assert_eq!(
        kind("Hàng tháng"),
        DeadlineKind::Recurring {
            every: Every::Month,
            within: None
        }
    );
    assert_eq!(
        kind("Định kỳ 6 tháng"),
        DeadlineKind::Recurring {
            every: Every::Half,
            within: None
        }
    );
    assert_eq!(
        kind("Định kỳ"),
        DeadlineKind::Recurring {
            every: Every::Unspecified,
            within: None
        }
    );
    assert_eq!(
        Deadline::parse("Hằng năm").latest_in(2023),
        Some(d(2023, 12, 31))
    );
}

#[test]
fn ongoing_within_year_done() {
    // Gia Lai "Thường xuyên", Tiền Giang 444 "Thường xuyên rà soát".
    assert_eq!(kind("Thường xuyên"), DeadlineKind::Ongoing);
    assert_eq!(kind("Thường xuyên rà soát"), DeadlineKind::Ongoing);
    assert_eq!(Deadline::parse("Thường xuyên").latest_in(2023), None);
    // Cà Mau 213: "Trong năm" on 116 rows.
    let within = Deadline::parse("Trong năm");
    assert_eq!(within.kind, DeadlineKind::WithinYear);
    assert_eq!(within.latest(), None);
    assert_eq!(within.latest_in(2023), Some(d(2023, 12, 31)));
    assert_eq!(within.earliest_in(2023), Some(d(2023, 1, 1)));
    // Gia Lai: "Đã hoàn thành" on 14 rows.
    assert_eq!(kind("Đã hoàn thành"), DeadlineKind::Done);
    assert_eq!(kind("đã hoàn thành."), DeadlineKind::Done);
    assert_eq!(Deadline::parse("Đã hoàn thành").latest_in(2023), None);
}

#[test]
fn relative_to_an_event() {
    // Gia Lai 3015 appendix.
    assert_eq!(
        kind("Trong vòng 02 tháng kể từ ngày hoàn thành xây dựng hệ thống"),
        DeadlineKind::Relative {
            amount: 2,
            unit: Unit::Month
        }
    );
    assert_eq!(
        kind("30 ngày kể từ ngày ký"),
        DeadlineKind::Relative {
            amount: 30,
            unit: Unit::Day
        }
    );
}

#[test]
fn activities_are_not_deadlines() {
    for s in [
        // Gia Lai: 56 rows.
        "Thống kê số liệu",
        // Tiền Giang 444.
        "Triển khai theo dự án",
        "Triển khai theo dự án Nâng cấp Trung tâm tích hợp dữ liệu tỉnh",
        "Phần đầu mỗi năm tăng tối thiểu 5%",
        "Phân đầu mỗi năm tăng tối thiểu 5%",
        "Phấn đấu mỗi năm đạt tối thiểu 30%",
        "Khắc phục sự cố khi có báo cáo",
        "Theo chỉ tiêu tại khoản 3 Công văn số 4842/UBND-KSTT ngày 06/9/2022 của Ủy ban",
    ] {
        assert_eq!(kind(s), DeadlineKind::NotADeadline, "{s:?}");
        assert!(!Deadline::parse(s).is_time());
    }
}

#[test]
fn truncated_texts_are_unparseable() {
    for s in [
        "Thống kê số li",
        "Thống kê",
        "Đã hoàn",
        "thành",
        "Thường",
        "Hằng",
    ] {
        assert_eq!(kind(s), unparseable(Reason::Truncated), "{s:?}");
    }
    assert_eq!(kind("Quý IV năm 20"), unparseable(Reason::BadYear));
    assert_eq!(kind("Quý IV năm"), unparseable(Reason::Truncated));
    assert_eq!(kind("Năm 20"), unparseable(Reason::BadYear));
    assert_eq!(kind("Tháng 6/224"), unparseable(Reason::BadYear));
    assert_eq!(kind("Quý II/3024"), unparseable(Reason::BadYear));
    assert_eq!(kind("10"), unparseable(Reason::Unrecognised));
    assert_eq!(
        kind("sớm nhất có thể trong quý"),
        unparseable(Reason::Unrecognised)
    );
}

#[test]
fn blanks() {
    for s in ["", "   ", "\t\n", "-", " – "] {
        let dl = Deadline::parse(s);
        assert!(dl.is_blank(), "{s:?}");
        assert!(!dl.is_time());
        assert_eq!(dl.latest_in(2023), None);
    }
    assert!(!Deadline::parse("Quý IV/2023").is_blank());
    assert!(Deadline::parse("Quý IV/2023").is_time());
}

#[test]
fn serialises_with_kind_tags() {
    let json = serde_json::to_string(&Deadline::parse("Quý IV/2023")).expect("serialises");
    assert_eq!(
        json,
        r#"{"text":"Quý IV/2023","kind":{"kind":"quarter","q":4,"year":2023}}"#
    );
    let json = serde_json::to_string(&Deadline::parse("trước ngày 15/12/2022")).expect("ok");
    assert!(json.contains(r#""date":"2022-12-15""#), "{json}");
}

#[test]
fn open_ended_and_start_or_end_of_year() {
    let from = Deadline::parse("Từ tháng 01/2024");
    assert_eq!(
        from.kind,
        DeadlineKind::From {
            date: d(2024, 1, 1)
        }
    );
    assert_eq!(from.earliest(), Some(d(2024, 1, 1)));
    assert_eq!(from.latest(), None);
    assert_eq!(
        kind("Năm 2023 và các năm tiếp theo"),
        DeadlineKind::From {
            date: d(2023, 1, 1)
        }
    );
    assert_eq!(
        kind("Từ năm 2024 trở đi"),
        DeadlineKind::From {
            date: d(2024, 1, 1)
        }
    );
    assert_eq!(
        kind("từ ngày 15/02/2024"),
        DeadlineKind::From {
            date: d(2024, 2, 15)
        }
    );
    assert_eq!(kind("Từ quý V/2024"), unparseable(Reason::NoSuchQuarter));
    assert_eq!(kind("Từ quý II"), unparseable(Reason::MissingYear));
    assert_eq!(
        kind("Đầu năm 2024"),
        DeadlineKind::Quarter {
            q: 1,
            year: Some(2024)
        }
    );
    assert_eq!(
        kind("Cuối năm 2023"),
        DeadlineKind::Quarter {
            q: 4,
            year: Some(2023)
        }
    );
    assert_eq!(
        Deadline::parse("Cuối năm").latest_in(2023),
        Some(d(2023, 12, 31))
    );
}

#[test]
fn ranges_of_real_appendices_parse_to_their_end() {
    let range = |from, to| DeadlineKind::Range { from, to };
    assert_eq!(
        kind("Từ tháng 4/2024 đến tháng 12/2024"),
        range(d(2024, 4, 1), d(2024, 12, 31))
    );
    assert_eq!(
        kind("Quý III - IV/2024"),
        range(d(2024, 7, 1), d(2024, 12, 31))
    );
    assert_eq!(
        kind("Quý III–IV năm 2024"),
        range(d(2024, 7, 1), d(2024, 12, 31))
    );
    assert_eq!(
        kind("Quý III và Quý IV/2024"),
        range(d(2024, 7, 1), d(2024, 12, 31))
    );
    assert_eq!(
        kind("Tháng 11-12/2024"),
        range(d(2024, 11, 1), d(2024, 12, 31))
    );
    assert_eq!(
        kind("tháng 4 đến tháng 12/2024"),
        range(d(2024, 4, 1), d(2024, 12, 31))
    );
    assert_eq!(
        kind("Từ 01/4/2024 đến 31/12/2024"),
        range(d(2024, 4, 1), d(2024, 12, 31))
    );
    assert_eq!(
        Deadline::parse("Quý III - IV/2024").latest(),
        Some(d(2024, 12, 31))
    );
    assert_eq!(
        Deadline::parse("Quý III - IV/2024").earliest(),
        Some(d(2024, 7, 1))
    );
}

#[test]
fn near_misses_of_ranges() {
    // No year: the range reads as its end, in the plan's year.
    assert_eq!(
        kind("Quý III - IV"),
        DeadlineKind::Quarter { q: 4, year: None }
    );
    assert_eq!(
        Deadline::parse("Tháng 11-12").latest_in(2024),
        Some(d(2024, 12, 31))
    );
    // Reversed, impossible or cut-off ends are still errors.
    assert_eq!(
        kind("Quý IV - II/2024"),
        unparseable(Reason::ReversedPeriod)
    );
    assert_eq!(kind("Tháng 11-13/2024"), unparseable(Reason::NoSuchMonth));
    assert_eq!(kind("Quý III - V/2024"), unparseable(Reason::NoSuchQuarter));
    assert_eq!(
        kind("Từ tháng 4/2024 đến tháng 12/20"),
        unparseable(Reason::BadYear)
    );
    // Single points and open ends are unchanged.
    assert_eq!(
        kind("Quý IV/2024"),
        DeadlineKind::Quarter {
            q: 4,
            year: Some(2024)
        }
    );
    assert_eq!(
        kind("Từ tháng 01/2024"),
        DeadlineKind::From {
            date: d(2024, 1, 1)
        }
    );
    assert_eq!(
        kind("2023-2025"),
        DeadlineKind::Period {
            from: 2023,
            to: 2025
        }
    );
}
