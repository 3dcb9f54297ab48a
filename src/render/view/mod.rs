//! The view: everything the templates show, computed from the plan and the catalogue so
//! the sections never disagree (tables, per-agency lists, totals). Numbers are formatted
//! the Vietnamese way here; the templates only lay things out.

pub mod analysis;
mod appendix;
mod baseline;
pub mod body;
mod budget;
mod tasks;

use serde::Serialize;

use crate::catalogue::{Catalogue, Entry};
use crate::plan::{Figure, Plan};
use crate::vn::Date;
use crate::vn::number;

pub use appendix::AppendixView;
pub use baseline::BaselineView;
pub use body::{BodyBlock, TaskBlock};
pub use budget::{BudgetRow, BudgetView};
pub use tasks::{AgencyView, AssignmentView, Column};

/// Non-breaking spaces for the blanks of a draft ("Số:      /KH-UBND").
const BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

/// Everything a template may show.
#[derive(Clone, Debug, Serialize)]
pub struct View {
    pub meta: Meta,
    /// The date written into the PDF: the document date, or 1 January of the plan year
    /// for a draft (PDF/A needs one, and the clock is never used).
    #[serde(skip)]
    pub pdf_date: Date,
    pub draft: bool,
    pub header: Header,
    /// "Kế hoạch số 444/KH-UBND ngày 23 tháng 10 năm 2023 của Ủy ban nhân dân tỉnh …".
    pub reference: String,
    pub title: String,
    /// The title broken into lines of similar length (a single word never alone).
    pub title_lines: Vec<String>,
    pub bases: Vec<String>,
    /// The body, in the author's order (the outline, or the standard order).
    pub body: Vec<BodyBlock>,
    /// The closing paragraphs (Markdown), the last without its final period.
    pub closing: Option<String>,
    pub recipients: Vec<String>,
    pub signer: SignerView,
    pub appendices: Vec<AppendixView>,
}

/// PDF metadata.
#[derive(Clone, Debug, Serialize)]
pub struct Meta {
    pub title: String,
    pub author: String,
    /// Stable document identifier (hashed into the PDF id).
    pub ident: String,
}

/// Boxes 1–4 of the header.
#[derive(Clone, Debug, Serialize)]
pub struct Header {
    pub parent: Vec<String>,
    pub issuer: Vec<String>,
    /// "Số: 444/KH-UBND", "Số: 05/KH-UBND", or the draft blank.
    pub number_line: String,
    /// "Tiền Giang, ngày 23 tháng 10 năm 2023", or the draft blank.
    pub place_date: String,
}

/// An indicator kept as it is.
#[derive(Clone, Debug, Serialize)]
pub struct KeptView {
    pub code: String,
    pub name: String,
    pub status: String,
    pub reason: String,
}

/// Boxes 7a and 7b.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SignerView {
    pub authority: Option<String>,
    pub title: String,
    pub name: String,
}

/// Build the view of a plan.
pub fn build(plan: &Plan, catalogue: &Catalogue) -> View {
    let doc = &plan.document;
    let year = *doc.year;
    let number = doc
        .number
        .as_ref()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty() && !doc.draft);
    let date = doc
        .date
        .as_ref()
        .and_then(|d| Date::parse_iso(d))
        .filter(|_| !doc.draft);
    let number_text = match &number {
        Some(n) => format!("{}/{}", pad_number(n), doc.symbol.trim()),
        None => format!("{BLANK}/{}", doc.symbol.trim()),
    };
    let date_text = match date {
        Some(d) => d.long_vi(),
        None => format!("ngày{BLANK}tháng{BLANK}năm {year}"),
    };
    let header = Header {
        parent: doc.parent_body.iter().cloned().collect(),
        issuer: doc.issuer.clone(),
        number_line: format!("Số: {number_text}"),
        place_date: format!("{}, {date_text}", doc.place.trim()),
    };
    let reference = format!(
        "Kế hoạch số {number_text} {date_text} của {}",
        doc.issuer_name.trim()
    );
    let signer = plan
        .signer
        .as_ref()
        .map(|s| SignerView {
            authority: s.authority.clone().filter(|a| !a.trim().is_empty()),
            title: s.title.value.clone(),
            name: s.name.value.clone(),
        })
        .unwrap_or_default();
    let (body, _places) = body::build(plan, catalogue);
    View {
        meta: Meta {
            title: format!("Kế hoạch {}", doc.title.value),
            author: doc.issuer_name.clone(),
            ident: format!("{}/{}/{}", number_text, doc.issuer_name, year),
        },
        pdf_date: date.unwrap_or(Date {
            year,
            month: 1,
            day: 1,
        }),
        draft: number.is_none() || date.is_none(),
        header,
        reference: reference.clone(),
        title: doc.title.value.clone(),
        title_lines: balance_title(doc.title.trim()),
        bases: if body::places_bases(plan) {
            Vec::new()
        } else {
            plan.bases.iter().map(|b| b.value.clone()).collect()
        },
        body,
        closing: plan.closing.as_deref().map(closing_text),
        recipients: plan.recipients.iter().map(|r| r.value.clone()).collect(),
        signer,
        appendices: appendix::build(plan, catalogue, &reference),
    }
}

/// The closing paragraph without its final period: the template appends "./.".
fn closing_text(s: &str) -> String {
    let t = s.trim_end();
    t.strip_suffix("./.")
        .or_else(|| t.strip_suffix('.'))
        .unwrap_or(t)
        .to_string()
}

/// Numbers below 10 get a leading zero (Decree 30: "Số: 05/KH-UBND").
fn pad_number(n: &str) -> String {
    match n.parse::<u32>() {
        Ok(v) if v < 10 => format!("{v:02}"),
        _ => n.to_string(),
    }
}

/// The indicators kept as they are, with their catalogue names.
pub fn kept_views(plan: &Plan, catalogue: &Catalogue) -> Vec<KeptView> {
    plan.kept
        .iter()
        .map(|k| KeptView {
            code: k.code.value.clone(),
            name: find(catalogue, &k.code)
                .map(|e| e.name.clone())
                .unwrap_or_default(),
            status: match k.status {
                crate::plan::KeptStatus::FullPoints => "giữ vững điểm tối đa".into(),
                crate::plan::KeptStatus::NotApplicable => "không áp dụng".into(),
            },
            reason: k.reason.value.clone(),
        })
        .collect()
}

/// Longest title line (characters) before it is broken; about what fits centred at 14 pt
/// in the text width.
const TITLE_LINE: usize = 62;

/// Cost of breaking a line between two capitalised words (a capital, then lower case):
/// inside a proper name ("Tiền | Giang", "Gia | Lai"; "Thông tin | và" is not one).
/// Larger than any evenness cost of a title, so a name is split only when no other break
/// fits (a title in capitals, where every break costs the same).
const NAME_BREAK: usize = 10_000;

/// Break a title into the fewest lines of at most [`TITLE_LINE`] characters, choosing
/// the break points that make the lines most even (least squared slack), so no word
/// is left alone on the last line, and never inside a proper name when a line can break
/// elsewhere.
pub fn balance_title(title: &str) -> Vec<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let total = words.iter().map(|w| w.chars().count() + 1).sum::<usize>();
    if words.is_empty() || total <= TITLE_LINE + 1 {
        return vec![words.join(" ")];
    }
    let lines = total.div_ceil(TITLE_LINE + 1).max(2);
    let len = |a: usize, b: usize| -> usize {
        words[a..b].iter().map(|w| w.chars().count()).sum::<usize>() + (b - a).saturating_sub(1)
    };
    // best[k][i]: least cost of the first i words in k lines.
    let n = words.len();
    let inf = usize::MAX / 4;
    let mut best = vec![vec![inf; n + 1]; lines + 1];
    let mut from = vec![vec![0usize; n + 1]; lines + 1];
    best[0][0] = 0;
    let target = total / lines;
    for k in 1..=lines {
        for i in 1..=n {
            for j in (k - 1)..i {
                if best[k - 1][j] >= inf {
                    continue;
                }
                let l = len(j, i);
                if l > TITLE_LINE && i - j > 1 {
                    continue;
                }
                let d = l.abs_diff(target);
                // "Tiền", "Giang": a capital then lower case ("DTI", "TỈNH" are not names)
                let capital = |w: &str| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().any(char::is_lowercase)
                };
                let name = j > 0 && capital(words[j - 1]) && capital(words[j]);
                let c = best[k - 1][j] + d * d + if name { NAME_BREAK } else { 0 };
                if c < best[k][i] {
                    best[k][i] = c;
                    from[k][i] = j;
                }
            }
        }
    }
    if best[lines][n] >= inf {
        return vec![words.join(" ")];
    }
    let mut out = Vec::new();
    let mut i = n;
    for k in (1..=lines).rev() {
        let j = from[k][i];
        out.push(words[j..i].join(" "));
        i = j;
    }
    out.reverse();
    out
}

/// The catalogue entry with this code, searched depth-first.
pub fn find<'a>(catalogue: &'a Catalogue, code: &str) -> Option<&'a Entry> {
    fn walk<'a>(entries: &'a [Entry], code: &str) -> Option<&'a Entry> {
        for e in entries {
            if e.code.value == code {
                return Some(e);
            }
            if code.starts_with(&format!("{}.", e.code.value))
                && let Some(found) = walk(&e.children, code)
            {
                return Some(found);
            }
        }
        None
    }
    walk(&catalogue.indices, code.trim())
}

/// The main index a code belongs to ("6.12" → "6").
pub fn main_index(code: &str) -> &str {
    code.trim().split('.').next().unwrap_or("")
}

/// The value of a figure as written ("226.420", "627,42"), or formatted when a number.
pub fn figure_text(f: &Figure) -> String {
    match f {
        Figure::Number(v) => number::format(*v, 3),
        Figure::Text(s) => s.trim().to_string(),
    }
}

/// The numeric value of a figure, when it has one.
pub fn figure_value(f: &Figure) -> Option<f64> {
    match f {
        Figure::Number(v) => Some(*v),
        Figure::Text(s) => number::parse(s),
    }
}

#[cfg(test)]
mod tests {
    use super::balance_title;

    #[test]
    fn a_title_is_not_broken_inside_a_proper_name() {
        let t = "Nâng cao chỉ số chuyển đổi số tỉnh Tiền Giang năm 2023 và các năm tiếp theo";
        let lines = balance_title(t);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines.join(" "), t);
        assert!(lines.iter().all(|l| !l.ends_with("Tiền")), "{lines:?}");
        let t = "Nâng cao chỉ số Chuyển đổi số của tỉnh Gia Lai năm 2023 và các năm tiếp theo";
        assert!(balance_title(t).iter().all(|l| !l.ends_with("Gia")));
    }

    #[test]
    fn titles_in_capitals_are_still_balanced() {
        let t = "CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) TỈNH CÀ MAU NĂM 2023";
        let lines = balance_title(t);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let (a, b) = (lines[0].chars().count(), lines[1].chars().count());
        assert!(a.abs_diff(b) < 12, "{lines:?}");
        assert!(lines.iter().all(|l| l.contains(' ')), "{lines:?}");
    }
}
