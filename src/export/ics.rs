//! The deadline calendar (RFC 5545): one all-day event per task deadline, on the last day
//! the deadline allows ("Quý IV/2023" → 31/12/2023). UIDs are stable (plan and task id),
//! DTSTAMP is the plan's date, lines are CRLF-terminated and folded at 75 octets without
//! splitting a character, and text values are escaped.

use std::fmt::Write as _;

use crate::plan::Plan;
use crate::vn::date::days_in_month;
use crate::vn::{Date, Deadline};

use super::{agencies, stamp_date, task_name};

/// One event of the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
}

/// The events of a plan, in task order: every task whose deadline fixes a last day (read
/// in the plan's year where the text leaves it out).
pub fn events(plan: &Plan) -> Vec<Event> {
    let year = plan.document.year.value;
    let key = plan_key(plan);
    let mut out = Vec::new();
    for task in &plan.tasks {
        let Some(deadline) = task.deadline.as_ref() else {
            continue;
        };
        let Some(date) = Deadline::parse(&deadline.value).latest_in(year) else {
            continue;
        };
        let lead = agencies(&task.lead);
        let codes: Vec<&str> = task.indicators.iter().map(|c| c.value.as_str()).collect();
        let mut summary = String::new();
        if !lead.is_empty() {
            let _ = write!(summary, "[{lead}] ");
        }
        if !codes.is_empty() {
            let _ = write!(summary, "{} ", codes.join(", "));
        }
        summary.push_str(&task_name(task));
        let mut description = format!("Thời hạn: {}", deadline.value.trim());
        if !lead.is_empty() {
            let _ = write!(description, "\nChủ trì: {lead}");
        }
        let support = agencies(&task.support);
        if !support.is_empty() {
            let _ = write!(description, "\nPhối hợp: {support}");
        }
        if let Some(t) = task.target.as_deref().filter(|t| !t.trim().is_empty()) {
            let _ = write!(description, "\nKết quả: {}", t.trim());
        }
        let _ = write!(
            description,
            "\n{} số {}/{}",
            plan.document.issuer_name,
            plan.document
                .number
                .as_ref()
                .map_or("…", |n| n.value.as_str()),
            plan.document.symbol.value
        );
        out.push(Event {
            uid: format!("{}-{key}@kehoach", uid_part(&task.id.value)),
            date,
            summary,
            description,
        });
    }
    out
}

/// The calendar as ICS text.
pub fn to_ics(plan: &Plan) -> String {
    let stamp = stamp_date(plan);
    let mut out = String::new();
    let mut line = |s: &str| fold_into(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//kehoach//kehoach//VI");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!(
        "X-WR-CALNAME:{}",
        escape(&format!(
            "Thời hạn nhiệm vụ: {} năm {}",
            plan.document.issuer_name, plan.document.year.value
        ))
    ));
    for e in events(plan) {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", e.uid));
        line(&format!("DTSTAMP:{}T000000Z", compact(stamp)));
        line(&format!("DTSTART;VALUE=DATE:{}", compact(e.date)));
        line(&format!("DTEND;VALUE=DATE:{}", compact(next_day(e.date))));
        line(&format!("SUMMARY:{}", escape(&e.summary)));
        line(&format!("DESCRIPTION:{}", escape(&e.description)));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// A short, stable key for the plan: FNV-1a of issuer, symbol, number and year, in hex.
fn plan_key(plan: &Plan) -> String {
    let d = &plan.document;
    let text = format!(
        "{}|{}|{}|{}",
        d.issuer_name,
        d.symbol.value,
        d.number.as_ref().map_or("", |n| n.value.as_str()),
        d.year.value
    );
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{}-{h:016x}", d.year.value)
}

/// A task id as a UID part: ASCII letters, digits, `.` and `-`; anything else as `_XX`.
fn uid_part(id: &str) -> String {
    let mut s = String::new();
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
            s.push(b as char);
        } else {
            let _ = write!(s, "_{b:02X}");
        }
    }
    s
}

fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

fn next_day(d: Date) -> Date {
    if d.day < days_in_month(d.year, d.month) {
        Date {
            day: d.day + 1,
            ..d
        }
    } else if d.month < 12 {
        Date {
            month: d.month + 1,
            day: 1,
            ..d
        }
    } else {
        Date {
            year: d.year + 1,
            month: 1,
            day: 1,
        }
    }
}

/// RFC 5545 TEXT escaping: backslash, semicolon, comma, newline.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Append a content line folded at 75 octets (continuations start with a space and hold
/// 74 octets of content), never inside a UTF-8 character, ending with CRLF.
pub fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    let mut limit = 75;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > limit {
            out.push_str("\r\n ");
            width = 0;
            limit = 74;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}
