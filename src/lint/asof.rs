//! The day a plan is checked against the registry: its issue date, or, for a draft
//! without one, 1 January of the year it is for.

use crate::vn::Date;

use super::context::Context;

/// The day the plan speaks for.
pub fn plan_day(cx: &Context) -> Option<Date> {
    cx.issue_date()
        .or_else(|| Date::new(cx.plan.document.year.value, 1, 1))
}

/// "ngày 01/3/2025" as plans and decrees write a date in running text.
pub fn day_vi(d: Date) -> String {
    format!(
        "{}/{}/{}",
        crate::vn::date::day_vi(d.day),
        crate::vn::date::month_vi(d.month),
        d.year
    )
}

/// "1 March 2025": a date in the English text of a message, where "01/3/2025" would read
/// as 3 January to some readers.
pub fn day_en(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = (d.month as usize)
        .checked_sub(1)
        .and_then(|m| MONTHS.get(m))
        .copied()
        .unwrap_or("?");
    format!("{} {month} {}", d.day, d.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_dates_name_the_month() {
        let d = Date::new(2025, 7, 1).expect("a date");
        assert_eq!(day_en(d), "1 July 2025");
        assert_eq!(day_vi(d), "01/7/2025");
        assert_eq!(
            day_en(Date::new(2026, 12, 31).expect("a date")),
            "31 December 2026"
        );
    }
}
