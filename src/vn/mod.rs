//! Vietnamese document conventions: dates, numbers, deadlines, agency names, point
//! letters and Roman numerals.

pub mod agency;
pub mod case;
pub mod citation;
pub mod date;
pub mod deadline;
pub mod letters;
pub mod number;

pub use agency::{
    Agency, AgencyError, AgencyKind, Lookup, Registry, normalise_key, split_agencies,
};
pub use date::Date;
pub use deadline::{Deadline, DeadlineKind, Every, Reason, Unit, Within};
pub use letters::{parse_roman, point_letter, roman};
