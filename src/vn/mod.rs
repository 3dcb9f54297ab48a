//! Vietnamese document conventions: dates, numbers, deadlines, agency names, point
//! letters and Roman numerals.

pub mod date;
pub mod number;

pub use date::Date;
