//! The deadline grammar. Text is normalised first (lower case, one space, one kind of
//! dash, no spaces around "-" and "/", no trailing punctuation), then read in this order:
//! blank, done, activities, truncations, ongoing, relative, recurring, "trước …",
//! "Trong năm", then a point in time (date, quarter, month, half, year, period).

use std::sync::LazyLock;

use regex::Regex;

use super::{DeadlineKind, Every, Reason, Unit, Within};
use crate::vn::Date;
use crate::vn::letters::parse_roman;

/// Phrases that name an activity or a target, not a time (normalised prefixes).
const ACTIVITIES: &[&str] = &[
    "thống kê số liệu",
    "triển khai theo",
    "theo ",
    "tùy theo",
    "tuỳ theo",
    "căn cứ",
    "phấn đấu",
    // "Phấn đấu" as extracted in Tiền Giang 444 ("Phần đầu mỗi năm tăng tối thiểu 5%").
    "phần đầu",
    "phân đầu",
    "khắc phục",
    "khi có",
];

/// Whole phrases whose beginnings or ends, alone, mean the cell was cut off.
const KNOWN: &[&str] = &[
    "đã hoàn thành",
    "thống kê số liệu",
    "triển khai theo dự án",
    "thường xuyên",
    "hằng năm",
    "hàng năm",
    "trong năm",
    "định kỳ",
    "giai đoạn",
];

/// Read normalised-or-not `text` into a [`DeadlineKind`].
pub(super) fn parse(text: &str) -> DeadlineKind {
    let s = normalise(text);
    if s.is_empty() {
        return DeadlineKind::Blank;
    }
    if s.starts_with("đã hoàn thành") {
        return DeadlineKind::Done;
    }
    if let Some(kind) = bare_recurrence(&s) {
        return kind;
    }
    if ACTIVITIES.iter().any(|a| s.starts_with(a)) {
        return DeadlineKind::NotADeadline;
    }
    if is_truncated(&s) {
        return unparseable(Reason::Truncated);
    }
    if s.starts_with("thường xuyên") || s.starts_with("liên tục") {
        return DeadlineKind::Ongoing;
    }
    if let Some(kind) = relative(&s) {
        return kind;
    }
    if let Some(kind) = recurring(&s) {
        return kind;
    }
    if let Some(rest) = s.strip_prefix("trước ") {
        return before(rest);
    }
    if matches!(s.as_str(), "trong năm" | "trong năm nay" | "cả năm") {
        return DeadlineKind::WithinYear;
    }
    let body = strip_filler(&s);
    // A range is tried when the text is not one point ("tháng 11-12" is no month of
    // year "12").
    let as_point = point(body);
    let read = match as_point {
        Some(Ok(_)) => as_point,
        other => match range(body.strip_prefix("từ ").unwrap_or(body)) {
            Some(Ok(k)) => Some(Ok(k)),
            r => other.or(r),
        },
    };
    match read {
        Some(Ok(kind)) => kind,
        Some(Err(reason)) => unparseable(reason),
        None => match open_ended(&s) {
            Some(kind) => kind,
            None if looks_like_activity(&s) => DeadlineKind::NotADeadline,
            None => unparseable(Reason::Unrecognised),
        },
    }
}

/// "từ tháng 01/2024", "từ năm 2023 trở đi", "năm 2023 và các năm tiếp theo".
fn open_ended(s: &str) -> Option<DeadlineKind> {
    let mut rest = s;
    let mut marked = false;
    if let Some(r) = rest.strip_prefix("từ ") {
        rest = r;
        marked = true;
    }
    for tail in [
        " và các năm tiếp theo",
        " và những năm tiếp theo",
        " trở đi",
    ] {
        if let Some(r) = rest.strip_suffix(tail) {
            rest = r;
            marked = true;
        }
    }
    if !marked {
        return None;
    }
    let rest = rest.strip_prefix("ngày ").unwrap_or(rest);
    Some(match point(rest)? {
        Ok(kind) => match (super::Deadline {
            text: String::new(),
            kind,
        })
        .earliest()
        {
            Some(date) => DeadlineKind::From { date },
            None => unparseable(Reason::MissingYear),
        },
        Err(reason) => unparseable(reason),
    })
}

static SAME_UNIT_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(quý|tháng) ([ivx]+|[0-9]{1,2})(?:-| và | đến | tới )(?:(?:quý|tháng) )?([ivx]+|[0-9]{1,2})((?: năm |/| )[0-9]+)?$")
        .expect("valid regex")
});
static TWO_POINTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.+?) (?:đến|tới|-) (?:hết )?(.+)$").expect("valid regex"));

/// A range, read to both its ends: "quý iii-iv/2024", "quý iii và quý iv/2024",
/// "tháng 11-12/2024", "tháng 4/2024 đến tháng 12/2024", "01/4/2024 đến 31/12/2024". The
/// first end may leave its year to the second ("tháng 4 đến tháng 12/2024").
fn range(s: &str) -> Option<Result<DeadlineKind, Reason>> {
    let (left, right) = if let Some(c) = SAME_UNIT_RANGE.captures(s) {
        let year = c.get(4).map_or("", |m| m.as_str());
        (
            format!("{} {}", &c[1], &c[2]),
            format!("{} {}{year}", &c[1], &c[3]),
        )
    } else {
        let c = TWO_POINTS.captures(s)?;
        (c[1].to_string(), c[2].to_string())
    };
    let end = match point(&right)? {
        Ok(k) => k,
        Err(r) => return Some(Err(r)),
    };
    let start = match point(&left)? {
        Ok(k) => k,
        Err(r) => return Some(Err(r)),
    };
    let dl = |kind| super::Deadline {
        text: String::new(),
        kind,
    };
    let Some(to) = dl(end).latest() else {
        // No year on the end: the range reads as its end, in the plan's year.
        return Some(Ok(end));
    };
    // A start without a year takes the end's.
    let start = match start {
        DeadlineKind::Quarter { q, year: None } => DeadlineKind::Quarter {
            q,
            year: Some(to.year),
        },
        DeadlineKind::Month { m, year: None } => DeadlineKind::Month {
            m,
            year: Some(to.year),
        },
        k => k,
    };
    let from = dl(start).earliest()?;
    if from > to {
        return Some(Err(Reason::ReversedPeriod));
    }
    Some(Ok(DeadlineKind::Range { from, to }))
}

fn unparseable(reason: Reason) -> DeadlineKind {
    DeadlineKind::Unparseable { reason }
}

/// Lower case, NBSP → space, one space, dashes unified, no spaces around "-" and "/",
/// no leading bullet, no trailing punctuation; "quí" → "quý".
pub(super) fn normalise(text: &str) -> String {
    let mut s: String = text
        .chars()
        .map(|c| match c {
            '\u{2013}' | '\u{2014}' | '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s = s.replace(" -", "-").replace("- ", "-");
    s = s.replace(" /", "/").replace("/ ", "/");
    s = s.replace("quí", "quý");
    let s = s.trim_start_matches(['-', '+', '*', ' ']);
    s.trim_end_matches(['.', ';', ',', ':', ' ', '-'])
        .to_string()
}

/// A beginning or an end of a known phrase, alone: "thống kê số li", "đã hoàn", "thành".
fn is_truncated(s: &str) -> bool {
    KNOWN.iter().any(|k| {
        k.len() > s.len()
            && (k.starts_with(s) || (k.ends_with(s) && k[..k.len() - s.len()].ends_with(' ')))
    })
}

/// Words that a time expression uses; text with none of them and no digit is an activity.
fn looks_like_activity(s: &str) -> bool {
    const TIME_WORDS: &[&str] = &[
        "quý",
        "tháng",
        "năm",
        "ngày",
        "tuần",
        "trước",
        "sau",
        "đến",
        "kỳ",
        "hằng",
        "hàng",
        "mỗi",
        "giai đoạn",
        "thường",
        "trong",
    ];
    !s.chars().any(|c| c.is_ascii_digit())
        && s.split(' ').count() >= 2
        && !TIME_WORDS.iter().any(|w| s.contains(w))
}

/// Words before a point in time that do not change it: "chậm nhất", "hoàn thành trong",
/// "trong", "đến hết".
fn strip_filler(s: &str) -> &str {
    const FILLERS: &[&str] = &[
        "hoàn thành trong ",
        "hoàn thành ",
        "chậm nhất là ",
        "chậm nhất ",
        "hạn chót ",
        "đến hết ",
        "đến ",
        "trong ",
    ];
    let mut rest = s;
    for f in FILLERS {
        if let Some(r) = rest.strip_prefix(f) {
            rest = r;
        }
    }
    rest
}

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:trong vòng |trong thời hạn |trong |sau |chậm nhất )?([0-9]{1,3}) (ngày|tuần|tháng|năm)\b.*\b(?:kể từ|sau khi|từ khi|từ ngày)\b")
        .expect("valid regex")
});

fn relative(s: &str) -> Option<DeadlineKind> {
    let c = RELATIVE.captures(s)?;
    let amount = c[1].parse().ok()?;
    let unit = match &c[2] {
        "ngày" => Unit::Day,
        "tuần" => Unit::Week,
        "tháng" => Unit::Month,
        _ => Unit::Year,
    };
    Some(DeadlineKind::Relative { amount, unit })
}

static RECURRENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:định kỳ )?(?:hằng|hàng|mỗi) (năm|quý|tháng|tuần)|định kỳ(?: 0?6 tháng)?")
        .expect("valid regex")
});

/// "Theo quý" (quarterly) alone; "theo" before a unit and a figure is a point in time
/// ("theo tháng 6/2024" is not monthly), and "theo" before anything else an activity
/// ("theo kế hoạch"), so only the bare phrase counts.
fn bare_recurrence(s: &str) -> Option<DeadlineKind> {
    let every = match s {
        "theo năm" => Every::Year,
        "theo quý" => Every::Quarter,
        "theo tháng" => Every::Month,
        "theo tuần" => Every::Week,
        _ => return None,
    };
    Some(DeadlineKind::Recurring {
        every,
        within: None,
    })
}

fn recurring(s: &str) -> Option<DeadlineKind> {
    let m = RECURRENCE.find(s)?;
    let phrase = m.as_str();
    let every = if let Some(c) = RECURRENCE.captures(phrase).and_then(|c| c.get(1)) {
        match c.as_str() {
            "năm" => Every::Year,
            "quý" => Every::Quarter,
            "tháng" => Every::Month,
            _ => Every::Week,
        }
    } else if phrase.contains("tháng") {
        Every::Half
    } else {
        Every::Unspecified
    };
    let rest = format!("{} {}", &s[..m.start()], &s[m.end()..]);
    let rest = rest
        .trim_matches(|c: char| c == ' ' || c == ',' || c == '(' || c == ')' || c == '-')
        .to_string();
    let within = within(strip_filler(&rest));
    Some(DeadlineKind::Recurring { every, within })
}

/// Where in each year a recurring deadline falls: "quý iv", "tháng 12", "trước ngày 15/12".
fn within(s: &str) -> Option<Within> {
    static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^trước (?:ngày )?([0-9]{1,2})/([0-9]{1,2})$").expect("valid regex")
    });
    if let Some(c) = DAY_MONTH.captures(s) {
        let (day, month) = (c[1].parse().ok()?, c[2].parse().ok()?);
        // Check against a leap year so 29/02 is allowed.
        Date::new(2024, month, day)?;
        return Some(Within::BeforeDay { day, month });
    }
    match point(s)? {
        Ok(DeadlineKind::Quarter { q, year: None }) => Some(Within::Quarter { q }),
        Ok(DeadlineKind::Month { m, year: None }) => Some(Within::Month { m }),
        Ok(DeadlineKind::Half { half, year: None }) => Some(Within::Half { half }),
        _ => None,
    }
}

/// "trước ngày 15/12/2022", "trước 30/6/2024", "trước quý iv/2023", "trước năm 2025".
fn before(rest: &str) -> DeadlineKind {
    let rest = rest.strip_prefix("ngày ").unwrap_or(rest);
    static DAY_MONTH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[0-9]{1,2}/[0-9]{1,2}$").expect("valid regex"));
    if DAY_MONTH.is_match(rest) {
        return unparseable(Reason::MissingYear);
    }
    let first_day = match point(rest) {
        Some(Ok(kind)) => super::Deadline {
            text: String::new(),
            kind,
        }
        .earliest(),
        Some(Err(reason)) => return unparseable(reason),
        None => return unparseable(Reason::Unrecognised),
    };
    match first_day {
        Some(date) => DeadlineKind::Before { date },
        None => unparseable(Reason::MissingYear),
    }
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ngày )?([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]+)$").expect("valid regex")
});
static LONG_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ngày )?([0-9]{1,2}) tháng ([0-9]{1,2}) năm ([0-9]+)$").expect("valid regex")
});
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^quý ([ivx]+|[0-9]+)(?:(?: năm |/|-| )([0-9]+)| (năm))?$").expect("valid regex")
});
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^tháng ([0-9]{1,2})(?:(?: năm |/|-| )([0-9]+)| (năm))?$").expect("valid regex")
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,2})/([0-9]{4})$").expect("valid regex"));
static HALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:0?6 tháng|nửa) (đầu|cuối) năm(?: ([0-9]+))?$").expect("valid regex")
});
static START_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(đầu|cuối) năm(?: ([0-9]+))?$").expect("valid regex"));
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(năm )?([0-9]+)$").expect("valid regex"));
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:giai đoạn |từ năm |từ |năm )?([0-9]+) ?(?:-|đến năm|đến) ?(?:năm )?([0-9]+)$")
        .expect("valid regex")
});

/// A point or span in time, the whole of `s`. `None` when no pattern matches,
/// `Some(Err)` when one matches but the values are impossible.
fn point(s: &str) -> Option<Result<DeadlineKind, Reason>> {
    if let Some(c) = DATE.captures(s).or_else(|| LONG_DATE.captures(s)) {
        return Some(date(&c[1], &c[2], &c[3]).map(|date| DeadlineKind::Date { date }));
    }
    if let Some(c) = QUARTER.captures(s) {
        return Some((|| {
            let q = parse_roman(&c[1])
                .or_else(|| c[1].parse().ok())
                .filter(|q| (1..=4).contains(q))
                .ok_or(Reason::NoSuchQuarter)?;
            let year = opt_year(c.get(2).map(|m| m.as_str()), c.get(3).is_some())?;
            Ok(DeadlineKind::Quarter { q: q as u8, year })
        })());
    }
    if let Some(c) = MONTH.captures(s) {
        return Some((|| {
            let m = month(&c[1])?;
            let year = opt_year(c.get(2).map(|m| m.as_str()), c.get(3).is_some())?;
            Ok(DeadlineKind::Month { m, year })
        })());
    }
    if let Some(c) = MONTH_YEAR.captures(s) {
        return Some((|| {
            Ok(DeadlineKind::Month {
                m: month(&c[1])?,
                year: Some(year(&c[2])?),
            })
        })());
    }
    if let Some(c) = HALF.captures(s) {
        let half = if &c[1] == "đầu" { 1 } else { 2 };
        return Some(
            opt_year(c.get(2).map(|m| m.as_str()), false)
                .map(|year| DeadlineKind::Half { half, year }),
        );
    }
    if let Some(c) = START_END.captures(s) {
        // "Đầu năm 2024" is read as quarter I, "Cuối năm 2023" as quarter IV.
        let q = if &c[1] == "đầu" { 1 } else { 4 };
        return Some(
            opt_year(c.get(2).map(|m| m.as_str()), false)
                .map(|year| DeadlineKind::Quarter { q, year }),
        );
    }
    if let Some(c) = YEAR.captures(s) {
        // A bare number is only a year when it has four digits; "năm 20" is a cut-off year.
        if c.get(1).is_none() && c[2].len() != 4 {
            return None;
        }
        return Some(year(&c[2]).map(|year| DeadlineKind::Year { year }));
    }
    if let Some(c) = PERIOD.captures(s) {
        return Some((|| {
            let (from, to) = (year(&c[1])?, year(&c[2])?);
            if from > to {
                return Err(Reason::ReversedPeriod);
            }
            Ok(DeadlineKind::Period { from, to })
        })());
    }
    None
}

fn date(d: &str, m: &str, y: &str) -> Result<Date, Reason> {
    let y = year(y)?;
    let (d, m) = (
        d.parse().map_err(|_| Reason::ImpossibleDate)?,
        m.parse().map_err(|_| Reason::ImpossibleDate)?,
    );
    Date::new(y, m, d).ok_or(Reason::ImpossibleDate)
}

fn month(m: &str) -> Result<u32, Reason> {
    m.parse()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or(Reason::NoSuchMonth)
}

fn year(y: &str) -> Result<i32, Reason> {
    if y.len() != 4 {
        return Err(Reason::BadYear);
    }
    y.parse()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
        .ok_or(Reason::BadYear)
}

/// An optional year; a dangling "năm" with no digits means the text was cut off.
fn opt_year(y: Option<&str>, dangling: bool) -> Result<Option<i32>, Reason> {
    if dangling {
        return Err(Reason::Truncated);
    }
    y.map(year).transpose()
}
