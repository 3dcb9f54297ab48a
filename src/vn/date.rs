//! Calendar dates and their Vietnamese spelling per Decree 30/2020/NĐ-CP.

use std::fmt;

/// A calendar date (proleptic Gregorian), validated on construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or `None` (31/02, month 13 …).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parse an ISO date "2023-10-23".
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// Parse a Vietnamese numeric date "23/10/2023" or "5/1/2024".
    pub fn parse_dmy(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '/');
        let d = it.next()?.trim().parse().ok()?;
        let m = it.next()?.trim().parse().ok()?;
        let y = it.next()?.trim().parse().ok()?;
        Date::new(y, m, d)
    }

    /// The last day of a month.
    pub fn end_of_month(year: i32, month: u32) -> Option<Date> {
        if !(1..=12).contains(&month) {
            return None;
        }
        Date::new(year, month, days_in_month(year, month))
    }

    /// The day before, or `None` before year 1.
    pub fn pred(&self) -> Option<Date> {
        if self.day > 1 {
            return Date::new(self.year, self.month, self.day - 1);
        }
        if self.month > 1 {
            return Date::end_of_month(self.year, self.month - 1);
        }
        if self.year <= 1 {
            return None;
        }
        Date::new(self.year - 1, 12, 31)
    }

    /// "ngày 05 tháng 01 năm 2024", "ngày 23 tháng 10 năm 2023", "ngày 15 tháng 6 năm 2023":
    /// a leading zero only for days 1–9 and months 1–2 (Decree 30, Appendix I).
    pub fn long_vi(&self) -> String {
        format!(
            "ngày {} tháng {} năm {}",
            day_vi(self.day),
            month_vi(self.month),
            self.year
        )
    }

    /// "23/10/2023".
    pub fn short_vi(&self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }

    /// "2023-10-23".
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    /// As an ISO date string, "2023-10-23".
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    /// From an ISO date string, "2025-07-01".
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "\"{s}\" is not a date: write an ISO date such as 2025-07-01"
            ))
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// A day number as Decree 30 writes it: "05", "23".
pub fn day_vi(day: u32) -> String {
    format!("{day:02}")
}

/// A month number as Decree 30 writes it: "01", "02", then "3" … "12".
pub fn month_vi(month: u32) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decree_30_leading_zeros() {
        assert_eq!(
            Date::new(2024, 1, 5).unwrap().long_vi(),
            "ngày 05 tháng 01 năm 2024"
        );
        assert_eq!(
            Date::new(2023, 10, 23).unwrap().long_vi(),
            "ngày 23 tháng 10 năm 2023"
        );
        assert_eq!(
            Date::new(2023, 6, 15).unwrap().long_vi(),
            "ngày 15 tháng 6 năm 2023"
        );
        assert_eq!(
            Date::new(2023, 2, 9).unwrap().long_vi(),
            "ngày 09 tháng 02 năm 2023"
        );
        assert_eq!(
            Date::new(2023, 3, 10).unwrap().long_vi(),
            "ngày 10 tháng 3 năm 2023"
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::new(2023, 2, 31).is_none());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 13, 1).is_none());
        assert!(Date::parse_dmy("31/02/2022").is_none());
        assert_eq!(Date::parse_dmy("20/5/2022"), Date::new(2022, 5, 20));
        assert_eq!(Date::parse_iso("2023-10-23"), Date::new(2023, 10, 23));
        assert!(Date::parse_iso("2023-10").is_none());
    }

    #[test]
    fn day_before() {
        assert_eq!(
            Date::new(2023, 3, 1).unwrap().pred(),
            Date::new(2023, 2, 28)
        );
        assert_eq!(
            Date::new(2024, 3, 1).unwrap().pred(),
            Date::new(2024, 2, 29)
        );
        assert_eq!(
            Date::new(2023, 1, 1).unwrap().pred(),
            Date::new(2022, 12, 31)
        );
        assert_eq!(
            Date::new(2022, 12, 15).unwrap().pred(),
            Date::new(2022, 12, 14)
        );
    }

    #[test]
    fn end_of_month() {
        assert_eq!(Date::end_of_month(2023, 12), Date::new(2023, 12, 31));
        assert_eq!(Date::end_of_month(2024, 2), Date::new(2024, 2, 29));
    }
}
