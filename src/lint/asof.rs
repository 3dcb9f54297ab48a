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
