//! Deadlines as plans write them ("Quý IV/2023", "trước ngày 15/12/2022", "Hằng năm",
//! "Thống kê số liệu" …), parsed into a typed value that keeps the original text.
//!
//! [`Deadline::parse`] never fails: what it cannot read becomes
//! [`DeadlineKind::Unparseable`] with a [`Reason`], and text that names an activity rather
//! than a time becomes [`DeadlineKind::NotADeadline`]. Lints decide what to make of each.

mod parse;

use std::fmt;

use serde::Serialize;

use super::Date;
use crate::diagnostic::Text;

/// A deadline as written, and what it means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The original text, untouched, for rendering.
    pub text: String,
    pub kind: DeadlineKind,
}

/// What a deadline text means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineKind {
    /// Nothing written (empty, spaces, or a lone dash).
    Blank,
    /// A calendar date: "31/12/2023", "ngày 15 tháng 12 năm 2023".
    Date { date: Date },
    /// "trước ngày 15/12/2022", "Trước 30/6/2024": strictly before `date`.
    Before { date: Date },
    /// "Quý IV/2023", "Quý II năm 2024", "Quý 4"; the year may be left to the plan.
    /// "Đầu năm 2024" is read as quarter I and "Cuối năm 2023" as quarter IV.
    Quarter { q: u8, year: Option<i32> },
    /// "tháng 01/2024", "Tháng 6 năm 2024", "12/2023".
    Month { m: u32, year: Option<i32> },
    /// "6 tháng đầu năm" (half 1), "6 tháng cuối năm 2024" (half 2).
    Half { half: u8, year: Option<i32> },
    /// "Năm 2025", "2024", "Trong năm 2024".
    Year { year: i32 },
    /// "2023 – 2025", "2023-2025", "Giai đoạn 2021-2025".
    Period { from: i32, to: i32 },
    /// A range with both ends dated: "Từ tháng 4/2024 đến tháng 12/2024", "Quý III -
    /// IV/2024", "Quý III và Quý IV/2024", "Tháng 11-12/2024". Work is due by `to`'s last
    /// day. A range without a year ("Quý III - IV") reads as its end (`Quarter`).
    Range { from: Date, to: Date },
    /// Open-ended from a point on: "Từ tháng 01/2024", "Năm 2023 và các năm tiếp theo".
    From { date: Date },
    /// "Hằng năm"/"Hàng năm", "Quý IV hàng năm", "Định kỳ hằng quý".
    Recurring {
        every: Every,
        within: Option<Within>,
    },
    /// "Thường xuyên", "Thường xuyên rà soát": continuous work, no end date.
    Ongoing,
    /// "Trong năm": within the plan's year, see [`Deadline::latest_in`].
    WithinYear,
    /// "Trong vòng 02 tháng kể từ ngày hoàn thành …": a time counted from an event.
    Relative { amount: u32, unit: Unit },
    /// "Đã hoàn thành".
    Done,
    /// Text that names an activity or a target, not a time: "Thống kê số liệu",
    /// "Triển khai theo dự án", "Phấn đấu mỗi năm đạt tối thiểu 30%".
    NotADeadline,
    /// Text that cannot be read as a deadline, and why.
    Unparseable { reason: Reason },
}

/// How often a recurring deadline comes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    Year,
    Half,
    Quarter,
    Month,
    Week,
    /// "Định kỳ" with no period named.
    Unspecified,
}

/// Where in each period a recurring deadline falls: "Quý IV hàng năm" is `Quarter(4)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "within", rename_all = "snake_case")]
pub enum Within {
    Quarter {
        q: u8,
    },
    Month {
        m: u32,
    },
    Half {
        half: u8,
    },
    /// "trước ngày 15/12 hằng năm": strictly before that day each year.
    BeforeDay {
        day: u32,
        month: u32,
    },
}

/// The unit of a relative deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Why a deadline text could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A date that does not exist: "31/02/2023", "30/13/2023".
    ImpossibleDate,
    /// A quarter outside I–IV: "Quý V/2023".
    NoSuchQuarter,
    /// A month outside 1–12: "tháng 13/2024".
    NoSuchMonth,
    /// A year that is not four digits in 1900–2100, often cut off: "Quý IV năm 20".
    BadYear,
    /// A day with no year where one is needed: "trước ngày 15/12".
    MissingYear,
    /// A period that ends before it starts: "2025 – 2023".
    ReversedPeriod,
    /// The beginning of a known expression, cut off: "Thống kê số li", "Đã hoàn".
    Truncated,
    /// Anything else.
    Unrecognised,
}

impl Reason {
    /// The reason in both languages, lower case, no final period.
    pub fn message(&self) -> Text {
        match self {
            Reason::ImpossibleDate => Text::new("ngày không tồn tại", "the date does not exist"),
            Reason::NoSuchQuarter => {
                Text::new("quý phải từ I đến IV", "a quarter must be between I and IV")
            }
            Reason::NoSuchMonth => {
                Text::new("tháng phải từ 1 đến 12", "a month must be between 1 and 12")
            }
            Reason::BadYear => Text::new(
                "năm phải có bốn chữ số (1900–2100)",
                "a year must have four digits (1900–2100)",
            ),
            Reason::MissingYear => Text::new("thiếu năm", "the year is missing"),
            Reason::ReversedPeriod => Text::new(
                "giai đoạn kết thúc trước khi bắt đầu",
                "the period ends before it starts",
            ),
            Reason::Truncated => Text::new(
                "văn bản bị cắt cụt giữa chừng",
                "the text is cut off part way",
            ),
            Reason::Unrecognised => Text::new(
                "không nhận ra mốc thời gian",
                "no recognisable time expression",
            ),
        }
    }
}

impl Deadline {
    /// Read a deadline as written. Never fails; see [`DeadlineKind`].
    pub fn parse(text: &str) -> Deadline {
        Deadline {
            text: text.to_string(),
            kind: parse::parse(text),
        }
    }

    /// Nothing written: empty, spaces only, or a lone dash.
    pub fn is_blank(&self) -> bool {
        self.kind == DeadlineKind::Blank
    }

    /// Whether the text names a time of some sort (not blank, not an activity, not
    /// unreadable). `Done` and `Ongoing` count as times.
    pub fn is_time(&self) -> bool {
        !matches!(
            self.kind,
            DeadlineKind::Blank | DeadlineKind::NotADeadline | DeadlineKind::Unparseable { .. }
        )
    }

    /// The last day the deadline allows, when the text alone fixes it.
    pub fn latest(&self) -> Option<Date> {
        self.bounds(None).1
    }

    /// The first day the deadline covers, when the text alone fixes it ("Quý IV/2023" →
    /// 2023-10-01; "trước ngày …" has none).
    pub fn earliest(&self) -> Option<Date> {
        self.bounds(None).0
    }

    /// The last day allowed, reading a missing year ("Quý IV", "Trong năm", "Hằng năm")
    /// as the plan's year. A recurring deadline gives its occurrence in that year.
    pub fn latest_in(&self, plan_year: i32) -> Option<Date> {
        self.bounds(Some(plan_year)).1
    }

    /// The first day covered, reading a missing year as the plan's year.
    pub fn earliest_in(&self, plan_year: i32) -> Option<Date> {
        self.bounds(Some(plan_year)).0
    }

    fn bounds(&self, plan_year: Option<i32>) -> (Option<Date>, Option<Date>) {
        let or_plan = |y: Option<i32>| y.or(plan_year);
        match self.kind {
            DeadlineKind::Date { date } => (Some(date), Some(date)),
            DeadlineKind::Before { date } => (None, date.pred()),
            DeadlineKind::Quarter { q, year } => {
                or_plan(year).map_or((None, None), |y| quarter(y, q))
            }
            DeadlineKind::Month { m, year } => or_plan(year).map_or((None, None), |y| month(y, m)),
            DeadlineKind::Half { half, year } => {
                or_plan(year).map_or((None, None), |y| half_year(y, half))
            }
            DeadlineKind::Year { year } => (Date::new(year, 1, 1), Date::new(year, 12, 31)),
            DeadlineKind::Period { from, to } => (Date::new(from, 1, 1), Date::new(to, 12, 31)),
            DeadlineKind::Range { from, to } => (Some(from), Some(to)),
            DeadlineKind::From { date } => (Some(date), None),
            DeadlineKind::WithinYear => {
                plan_year.map_or((None, None), |y| (Date::new(y, 1, 1), Date::new(y, 12, 31)))
            }
            DeadlineKind::Recurring { within, .. } => match plan_year {
                None => (None, None),
                Some(y) => match within {
                    None => (Date::new(y, 1, 1), Date::new(y, 12, 31)),
                    Some(Within::Quarter { q }) => quarter(y, q),
                    Some(Within::Month { m }) => month(y, m),
                    Some(Within::Half { half }) => half_year(y, half),
                    Some(Within::BeforeDay { day, month }) => {
                        (None, Date::new(y, month, day).and_then(|d| d.pred()))
                    }
                },
            },
            DeadlineKind::Blank
            | DeadlineKind::Ongoing
            | DeadlineKind::Relative { .. }
            | DeadlineKind::Done
            | DeadlineKind::NotADeadline
            | DeadlineKind::Unparseable { .. } => (None, None),
        }
    }
}

fn quarter(y: i32, q: u8) -> (Option<Date>, Option<Date>) {
    if !(1..=4).contains(&q) {
        return (None, None);
    }
    let first = u32::from(q) * 3 - 2;
    (Date::new(y, first, 1), Date::end_of_month(y, first + 2))
}

fn month(y: i32, m: u32) -> (Option<Date>, Option<Date>) {
    (Date::new(y, m, 1), Date::end_of_month(y, m))
}

fn half_year(y: i32, half: u8) -> (Option<Date>, Option<Date>) {
    if half == 1 {
        (Date::new(y, 1, 1), Date::new(y, 6, 30))
    } else {
        (Date::new(y, 7, 1), Date::new(y, 12, 31))
    }
}

impl fmt::Display for Deadline {
    /// The original text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests;
