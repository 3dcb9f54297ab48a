//! Citations of legal documents in running text: "Nghị định số 85/2016/NĐ-CP ngày
//! 01/7/2016 của Chính phủ", "Kế hoạch số 214/KH-UBND ngày 03/7/2023", "Thông tư số
//! 12/2022/TT-BTTTT" — the kind, the number with its symbol, and the date that follows.
//!
//! Byte ranges index the text the citation was read from, so a finding can point at the
//! number or the date itself.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::Date;

/// One citation found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// The kind as written ("Nghị định", "kế hoạch").
    pub kind: String,
    /// From the kind to the end of the number (or of "số" when the number is missing).
    pub range: Range<usize>,
    /// The number with its symbol ("85/2016/NĐ-CP"), without a trailing "."; `None` when
    /// "số" is followed by no number ("theo kế hoạch số về …").
    pub number: Option<(String, Range<usize>)>,
    /// The issue date written after the number, if any.
    pub date: Option<CitedDate>,
}

/// A date as a citation writes it ("ngày 01/7/2016", "ngày 01 tháng 7 năm 2022").
#[derive(Clone, Debug, PartialEq)]
pub struct CitedDate {
    /// The date's text, from "ngày".
    pub range: Range<usize>,
    pub day: u32,
    pub month: u32,
    pub year: i32,
}

impl CitedDate {
    /// The date, when it exists (not 31/02).
    pub fn date(&self) -> Option<Date> {
        Date::new(self.year, self.month, self.day)
    }
}

impl Citation {
    /// The year inside the number ("2016" in 85/2016/NĐ-CP), when it has one.
    pub fn number_year(&self) -> Option<i32> {
        let (n, _) = self.number.as_ref()?;
        let parts: Vec<&str> = n.split('/').collect();
        if parts.len() < 3 {
            return None;
        }
        let y: i32 = parts[1].trim().parse().ok()?;
        (1945..=2100).contains(&y).then_some(y)
    }

    /// The symbol part ("NĐ-CP", "KH-UBND", "QĐ BCĐC ĐS").
    pub fn symbol(&self) -> Option<&str> {
        let (n, _) = self.number.as_ref()?;
        let s = n.rsplit('/').next()?;
        (n.contains('/') && !s.is_empty()).then_some(s)
    }

    /// Whether this is a decree or a circular (Nghị định, Thông tư, Thông tư liên tịch),
    /// whose numbers carry the year since 2006, by kind or by symbol.
    pub fn is_decree_or_circular(&self) -> bool {
        let k = self.kind.to_lowercase();
        let by_kind = k == "nghị định" || k.starts_with("thông tư");
        let by_symbol = self.symbol().is_some_and(|s| {
            let s = s.to_uppercase();
            s.starts_with("NĐ-") || s.starts_with("TT-") || s.starts_with("TTLT-")
        });
        by_kind || by_symbol
    }

    /// The number normalised for comparing citations: upper case, no spaces.
    pub fn key(&self) -> Option<String> {
        let (n, _) = self.number.as_ref()?;
        Some(
            n.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_uppercase(),
        )
    }
}

fn citation_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(nghị định|quyết định|nghị quyết|thông tư liên tịch|thông tư|chỉ thị|kế hoạch|công văn|kết luận)(?:\s+(số)\s*:?)?(?:\s+|$)",
        )
        .expect("static regex")
    })
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:\s*,)?\s+(?:của\s+((?:[^\s,;.()0-9]+\s+){1,8}?))?(ngày\s+(?:([0-9]{1,2})\s*/\s*([0-9]{1,2})\s*/\s*([0-9]{4})|([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})))",
        )
        .expect("static regex")
    })
}

/// Words after "số" that show the number was left out: "theo kế hoạch số về …".
const NOT_A_NUMBER: &[&str] = &[
    "về", "của", "ngày", "do", "và", "này", "đã", "để", "nhằm", "năm", "tháng", "ban", "trên",
    "tại", "theo", "với",
];

/// Words that end a "của …" clause before a date that then belongs to something else.
const BREAKS_OWNER: &[&str] = &[
    "về", "trước", "sau", "đến", "từ", "trong", "hàng", "kể", "vào",
];

/// Pieces of the kind words that any citation contains, in either case of its first
/// letter: a text with none of them is not searched (most texts cite nothing).
const HINTS: &[&str] = &[
    "ịnh",
    "ỊNH",
    "ông tư",
    "ÔNG TƯ",
    "hỉ thị",
    "HỈ THỊ",
    "ế hoạch",
    "Ế HOẠCH",
    "ông văn",
    "ÔNG VĂN",
    "ết luận",
    "ẾT LUẬN",
    "ghị quyết",
    "ghị Quyết",
    "GHỊ QUYẾT",
];

/// [`HINTS`] as one search (a single SIMD pass over the text).
fn hint_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alts: Vec<String> = HINTS.iter().map(|h| regex::escape(h)).collect();
        Regex::new(&alts.join("|")).expect("static regex")
    })
}

/// Every citation in `text`, in order.
pub fn find(text: &str) -> Vec<Citation> {
    let mut out = Vec::new();
    if !hint_re().is_match(text) {
        return out;
    }
    // The regex has no `\b` (a Unicode word boundary keeps the regex crate off its fast
    // automaton on Vietnamese text): a match must start a word, checked here, and a match
    // that does not is tried again one character on.
    let mut matches = Vec::new();
    let mut at = 0;
    while let Some(c) = citation_re().captures_at(text, at) {
        let Some(whole) = c.get(0) else { break };
        let inside_word = text[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(regex_syntax::is_word_character);
        if inside_word {
            at = whole.start()
                + text[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
            continue;
        }
        at = whole.end();
        matches.push(c);
    }
    for c in matches {
        let (Some(whole), Some(kind)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let has_so = c.get(2).is_some();
        let rest = &text[whole.end()..];
        let token_len = rest
            .find(|ch: char| ch.is_whitespace() || matches!(ch, ',' | ';' | '(' | ')'))
            .unwrap_or(rest.len());
        let raw = &rest[..token_len];
        let token = raw.trim_end_matches(['.', ':']);
        let starts_digit = token.starts_with(|ch: char| ch.is_ascii_digit());
        let tstart = whole.end();
        let number = if starts_digit {
            // "35/QĐ BCĐC ĐS": a symbol broken by spaces runs on in upper-case words.
            let mut end = tstart + token.len();
            if token.ends_with(|ch: char| ch.is_uppercase()) && raw.len() == token.len() {
                let mut s = &text[end..];
                while let Some(w) = s.strip_prefix(' ') {
                    let wl = w.find([' ', ',', ';', '(', ')']).unwrap_or(w.len());
                    let word = w[..wl].trim_end_matches('.');
                    if word.is_empty() || !word.chars().all(|ch| ch.is_uppercase() || ch == '-') {
                        break;
                    }
                    end += 1 + word.len();
                    s = &text[end..];
                    if word.len() != wl {
                        break;
                    }
                }
            }
            Some((text[tstart..end].to_string(), tstart..end))
        } else {
            None
        };
        if number.is_none() {
            // Without "số" a kind word is only a citation with a number after it.
            if !has_so {
                continue;
            }
            let next = token.to_lowercase();
            let missing = token.is_empty() && raw.is_empty()
                || token.starts_with('/')
                || NOT_A_NUMBER.contains(&next.as_str());
            if !missing {
                continue;
            }
        } else if !has_so && !token.contains('/') {
            continue;
        }
        let end = number
            .as_ref()
            .map(|(_, r)| r.end)
            .unwrap_or(c.get(2).map_or(kind.end(), |m| m.end()));
        let date = date_after(text, end);
        out.push(Citation {
            kind: kind.as_str().to_string(),
            range: whole.start()..end,
            number,
            date,
        });
    }
    out
}

fn date_after(text: &str, at: usize) -> Option<CitedDate> {
    let tail = &text[at..];
    let m = date_re().captures(tail)?;
    if let Some(owner) = m.get(1) {
        let words: Vec<String> = owner
            .as_str()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        if words.iter().any(|w| BREAKS_OWNER.contains(&w.as_str())) {
            return None;
        }
    }
    let d = m.get(2)?;
    let g = |i: usize| m.get(i).and_then(|x| x.as_str().parse::<u32>().ok());
    let (day, month, year) = match (g(3), g(4), g(5), g(6), g(7), g(8)) {
        (Some(a), Some(b), Some(c), ..) | (_, _, _, Some(a), Some(b), Some(c)) => (a, b, c),
        _ => return None,
    };
    Some(CitedDate {
        range: at + d.start()..at + d.end(),
        day,
        month,
        year: year as i32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Citation {
        let v = find(s);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn numbers_and_dates() {
        let s = "theo Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ";
        let c = one(s);
        assert_eq!(c.number.as_ref().unwrap().0, "85/2016/NĐ-CP");
        assert_eq!(c.number_year(), Some(2016));
        let d = c.date.unwrap();
        assert_eq!((d.day, d.month, d.year), (1, 7, 2016));
        assert_eq!(&s[d.range], "ngày 01/7/2016");

        let c = one("Nghị định số 85/2016/NĐ-CP của Chính phủ ngày 01 tháng 7 năm 2022 về");
        assert_eq!(c.date.unwrap().year, 2022);
        let c = one("Nghị định 73/2017/NĐ-CP.");
        assert_eq!(c.number.unwrap().0, "73/2017/NĐ-CP");
        let c = one("Trên 20% (theo Quyết định số 35/QĐ BCĐC ĐS ngày 26/5/2023)");
        assert_eq!(c.number.as_ref().unwrap().0, "35/QĐ BCĐC ĐS");
        assert_eq!(c.date.unwrap().day, 26);
    }

    #[test]
    fn a_missing_number() {
        let c = one("theo kế hoạch số về nâng cao DVC TT.");
        assert!(c.number.is_none());
        assert!(
            one("Quyết định số /QĐ-UBND ngày 20/5/2022")
                .number
                .is_none()
        );
        // Not citations: a kind word in prose, "số hóa", a plan named by its subject.
        for s in [
            "Kế hoạch này được triển khai",
            "kế hoạch số hóa dữ liệu",
            "Kế hoạch chuyển đổi số năm 2024",
            "Kế hoạch số: 213/KH-UBND",
        ] {
            assert!(find(s).iter().all(|c| c.number.is_some()), "{s}");
        }
    }

    #[test]
    fn a_date_of_something_else_is_not_taken() {
        let c = one("báo cáo theo Kế hoạch số 214/KH-UBND của tỉnh trước ngày 25/01 hàng năm");
        assert!(c.date.is_none());
        let c = one("Kế hoạch số 214/KH-UBND, ngày 03/7/2023");
        assert_eq!(c.date.unwrap().month, 7);
    }

    #[test]
    fn decrees_and_circulars() {
        assert!(one("Nghị định số 42/NĐ-CP ngày 24/6/2022").is_decree_or_circular());
        assert!(one("Văn bản theo Quyết định số 42/NĐ-CP").is_decree_or_circular());
        assert!(!one("Quyết định số 922/QĐ-BTTTT").is_decree_or_circular());
        assert_eq!(one("Nghị định số 42/NĐ-CP").number_year(), None);
    }
}
