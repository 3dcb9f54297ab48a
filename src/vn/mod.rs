//! Vietnamese document conventions: dates, numbers, deadlines, agency names, point
//! letters and Roman numerals.

pub mod date;
pub mod deadline;
pub mod letters;
pub mod number;

pub use date::Date;
pub use deadline::{Deadline, DeadlineKind, Every, Reason, Unit, Within};
pub use letters::{parse_roman, point_letter, roman};
