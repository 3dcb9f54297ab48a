//! Figures written in prose: scores ("đạt 5,76/10 điểm"), counts ("98 chỉ số thành
//! phần", "03 (1.1, 1.5, 1.6)"), comparative targets ("đạt tối thiểu 50%"), and which
//! indicator codes a text field speaks about.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::plan::{Plan, PointsClass};

use super::text::TextField;

/// "x/y điểm": points out of a maximum.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// The whole phrase, "0.73/10 điểm".
    pub range: Range<usize>,
    pub got: f64,
    pub got_range: Range<usize>,
    pub of: f64,
    pub of_range: Range<usize>,
}

fn score_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"([0-9]+(?:[.,][0-9]+)*)\s*/\s*([0-9]+(?:[.,][0-9]+)*)\s*điểm")
            .expect("static regex")
    })
}

/// Every "x/y điểm" in a text.
pub fn scores(text: &str) -> Vec<Score> {
    score_re()
        .captures_iter(text)
        .filter_map(|c| {
            let (w, a, b) = (c.get(0)?, c.get(1)?, c.get(2)?);
            // "8.8.1.4/…": a code, not a score.
            let before = &text[..w.start()];
            if before.ends_with(|ch: char| ch == '.' || ch.is_ascii_digit()) {
                return None;
            }
            // "5 31/10 điểm": a number broken by a space (5,31), not 31 points.
            let bb = before.as_bytes();
            if bb.len() >= 2 && bb[bb.len() - 1] == b' ' && bb[bb.len() - 2].is_ascii_digit() {
                return None;
            }
            let of = crate::vn::number::parse(b.as_str())?;
            let mut got = crate::vn::number::parse(a.as_str())?;
            // "5.874/10 điểm": a decimal point, not a thousands group, when the group
            // reading would exceed the maximum beside it and the decimal one does not.
            if got > of && !a.as_str().contains(',') && a.as_str().matches('.').count() == 1 {
                if let Ok(dec) = a.as_str().parse::<f64>() {
                    if dec <= of {
                        got = dec;
                    }
                }
            }
            Some(Score {
                range: w.start()..w.end(),
                got,
                got_range: a.start()..a.end(),
                of,
                of_range: b.start()..b.end(),
            })
        })
        .collect()
}

/// The indicator codes a text field speaks about, from where it stands in the plan: a
/// baseline indicator's note (with the indicators next to it that carry the very same
/// note: one sentence about several codes), a task's texts (its indicators), a target's
/// text, a baseline index's note.
pub fn codes_of(plan: &Plan, f: &TextField) -> Vec<String> {
    let idx = |prefix: &str| -> Option<usize> {
        let rest = f.path.strip_prefix(prefix)?;
        rest.split(']').next()?.parse().ok()
    };
    if let Some(i) = idx("baseline.indicators[") {
        let Some(b) = &plan.baseline else {
            return Vec::new();
        };
        let list = &b.indicators;
        let Some(me) = list.get(i) else {
            return Vec::new();
        };
        if !f.path.ends_with(".note") {
            return vec![crate::lint::trim(&me.code.value).to_string()];
        }
        let same = |k: usize| list.get(k).is_some_and(|x| x.note == me.note);
        let mut lo = i;
        while lo > 0 && same(lo - 1) {
            lo -= 1;
        }
        let mut hi = i;
        while same(hi + 1) {
            hi += 1;
        }
        return list[lo..=hi]
            .iter()
            .map(|x| crate::lint::trim(&x.code.value).to_string())
            .collect();
    }
    if let Some(i) = idx("baseline.indices[") {
        return plan
            .baseline
            .as_ref()
            .and_then(|b| b.indices.get(i))
            .map(|x| vec![crate::lint::trim(&x.code.value).to_string()])
            .unwrap_or_default();
    }
    if let Some(i) = idx("goals.targets[") {
        return plan
            .goals
            .as_ref()
            .and_then(|g| g.targets.get(i))
            .map(|x| vec![crate::lint::trim(&x.code.value).to_string()])
            .unwrap_or_default();
    }
    if let Some(t) = f.task.and_then(|i| plan.tasks.get(i)) {
        let codes: Vec<String> = t
            .indicators
            .iter()
            .map(|c| crate::lint::trim(&c.value).to_string())
            .collect();
        // An indicator listed with its own sub-indicators counts once.
        return codes
            .iter()
            .filter(|c| {
                !codes
                    .iter()
                    .any(|o| o != *c && c.starts_with(o.as_str()) && c[o.len()..].starts_with('.'))
            })
            .cloned()
            .collect();
    }
    Vec::new()
}

/// A count stated in prose, and what it counts.
#[derive(Clone, Debug, PartialEq)]
pub enum Counted {
    /// "9 chỉ số chính" in a statement of the catalogue's size.
    MainIndices,
    /// "98 chỉ số thành phần" in a statement of the catalogue's size.
    Indicators,
    /// "Hạ tầng số (7 CSTP)": the indicators of the main index named before it.
    IndicatorsOf(String),
    /// "04 (3.1, 3.2, 3.3, 3.6)": the codes listed after the count.
    Listed(Vec<String>),
    /// "30 chỉ số thành phần đạt điểm tối đa": the indicators of a result class in the
    /// baseline; `year` is a year the sentence names before the count, if any.
    Class {
        class: PointsClass,
        year: Option<i32>,
    },
}

/// A count in prose.
#[derive(Clone, Debug, PartialEq)]
pub struct Count {
    pub range: Range<usize>,
    pub n: u32,
    pub what: Counted,
}

fn size_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)([0-9]+)\**\s+chỉ số chính\**\s+(?:và|với)\s+\**([0-9]+)\**\s+chỉ số thành phần",
        )
        .expect("static regex")
    })
}

fn of_index_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\((?:có\s+)?([0-9]+)\s+(?:CSTP|chỉ số thành phần|tiêu chí chính|tiêu chí thành phần|tiêu chí)")
            .expect("static regex")
    })
}

fn listed_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"([0-9]{1,3})\s*\(\s*([0-9]+(?:\.[0-9]+)+(?:\s*[,;]\s*[0-9]+(?:\.[0-9]+)+)*)\s*\)",
        )
        .expect("static regex")
    })
}

fn class_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)([0-9]{1,3})\s+(?:chỉ số thành phần|CSTP|tiêu chí)\s+(chưa đạt điểm tối đa|không đạt điểm tối đa|đạt điểm tối đa|không có điểm|không đạt điểm|chưa có điểm)")
            .expect("static regex")
    })
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)năm\s+([0-9]{4})").expect("static regex"))
}

/// Every count in a text that can be checked: the catalogue's size, an index's number
/// of indicators, a count followed by the list of its codes. `index_names` are the main
/// indices (code, name) of the catalogue.
pub fn counts(text: &str, index_names: &[(String, String)]) -> Vec<Count> {
    let mut out = Vec::new();
    let has_paren = text.contains('(');
    let sizes = if text.contains("chỉ số chính") {
        size_re().captures_iter(text).collect()
    } else {
        Vec::new()
    };
    for c in sizes {
        let (Some(a), Some(b)) = (c.get(1), c.get(2)) else {
            continue;
        };
        if let (Ok(n), Ok(m)) = (a.as_str().parse(), b.as_str().parse()) {
            out.push(Count {
                range: a.start()..a.end(),
                n,
                what: Counted::MainIndices,
            });
            out.push(Count {
                range: b.start()..b.end(),
                n: m,
                what: Counted::Indicators,
            });
        }
    }
    // "Thể chế số (có 03 tiêu chí)": the count's tail found first, the name read back from
    // the parenthesis (up to 60 letters and spaces): a leading `[\p{L} ]{3,60}?` in the
    // regex made every position of every text a start to try.
    for c in of_index_re().captures_iter(if has_paren { text } else { "" }) {
        let (Some(open), Some(num)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Some(name) = name_before(text, open.start()) else {
            continue;
        };
        let Some(code) = index_named(name, index_names) else {
            continue;
        };
        if let Ok(n) = num.as_str().parse() {
            out.push(Count {
                range: num.start()..num.end(),
                n,
                what: Counted::IndicatorsOf(code),
            });
        }
    }
    for c in listed_re().captures_iter(if has_paren { text } else { "" }) {
        let (Some(num), Some(list)) = (c.get(1), c.get(2)) else {
            continue;
        };
        if !starts_word(text, num.start()) {
            continue;
        }
        let codes: Vec<String> = list
            .as_str()
            .split([',', ';'])
            .map(|s| s.trim().to_string())
            .collect();
        if let Ok(n) = num.as_str().parse() {
            out.push(Count {
                range: num.start()..num.end(),
                n,
                what: Counted::Listed(codes),
            });
        }
    }
    if text.contains("điểm") {
        for c in class_re().captures_iter(text) {
            let (Some(num), Some(kind)) = (c.get(1), c.get(2)) else {
                continue;
            };
            if !starts_word(text, num.start()) {
                continue;
            }
            let class = match crate::vn::case::lower(kind.as_str()).as_str() {
                "đạt điểm tối đa" => PointsClass::Full,
                "chưa đạt điểm tối đa" | "không đạt điểm tối đa" => {
                    PointsClass::Partial
                }
                _ => PointsClass::Zero,
            };
            // The year the sentence speaks of: the last "năm YYYY" before the count in
            // the same sentence.
            let sentence_start = text[..num.start()]
                .rfind(['.', '\n', ';'])
                .map_or(0, |i| i + 1);
            let year = year_re()
                .captures_iter(&text[sentence_start..num.start()])
                .last()
                .and_then(|y| y[1].parse().ok());
            if let Ok(n) = num.as_str().parse() {
                out.push(Count {
                    range: num.start()..num.end(),
                    n,
                    what: Counted::Class { class, year },
                });
            }
        }
    }
    out.sort_by_key(|c| c.range.start);
    out
}

/// The run of letters and spaces (at most 60 characters, at least 3) that ends before
/// `at`, whitespace between them and `at` skipped.
fn name_before(text: &str, at: usize) -> Option<&str> {
    let head = text[..at].trim_end();
    let mut start = head.len();
    for (n, (i, ch)) in head.char_indices().rev().enumerate() {
        if n == 60 || !(ch.is_alphabetic() || ch == ' ') {
            break;
        }
        start = i;
    }
    let name = &head[start..];
    (name.chars().count() >= 3).then_some(name)
}

/// The code of the main index whose name `before` ends with (case and one typo aside:
/// "Thê chế số" is "Thể chế số").
fn index_named(before: &str, index_names: &[(String, String)]) -> Option<String> {
    let b: Vec<char> = crate::vn::case::lower(before.trim()).chars().collect();
    let mut best: Option<(usize, &str)> = None;
    for (code, name) in index_names {
        let n: Vec<char> = crate::vn::case::lower(name.trim()).chars().collect();
        if n.len() < 6 || b.len() < n.len() {
            continue;
        }
        let tail = &b[b.len() - n.len()..];
        // The name starts a word.
        if b.len() > n.len() && !b[b.len() - n.len() - 1].is_whitespace() {
            continue;
        }
        let diff = tail.iter().zip(&n).filter(|(x, y)| x != y).count();
        if diff <= 1 && best.is_none_or(|(d, _)| diff < d) {
            best = Some((diff, code));
        }
    }
    best.map(|(_, c)| c.to_string())
}

/// A comparative whose figure is missing: "đạt tối thiểu, …", "đạt trên Tỷ lệ …".
#[derive(Clone, Debug, PartialEq)]
pub struct MissingFigure {
    /// "đạt tối thiểu" / "tối thiểu".
    pub range: Range<usize>,
    pub comparative: String,
}

fn comparative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:(đạt|tăng|giảm)\s+)?(tối thiểu|ít nhất|không thấp hơn|không dưới|không quá|trên|dưới)(\s*)")
            .expect("static regex")
    })
}

/// Whether a word starts at byte `at` (no word character before it): what `\b` before a
/// word says. Checked in code rather than by `\b` in the regexes: a Unicode `\b` keeps a
/// regex off its DFA on Vietnamese text (a third of lint's time on real plans).
fn starts_word(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(is_word_char)
}

/// A character of a word, as the regex crate's Unicode `\w` counts it (letters, marks,
/// digits, connector punctuation) for the text plans hold.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Every comparative with no figure after it. After "đạt", "tăng", "giảm" the figure is
/// missing when punctuation, the end, or a capitalised word follows; a bare "tối
/// thiểu" is missing its figure only before a comma or semicolon, next to a comparative
/// after a verb that lost its figure too ("… đạt tối thiểu, Năng suất lao động hàng năm
/// tối thiểu, …").
pub fn missing_figures(text: &str) -> Vec<MissingFigure> {
    let mut out: Vec<(bool, MissingFigure)> = Vec::new();
    // One literal search for all the words a comparison needs (not one pass per word).
    static HINT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new("tối thiểu|ít nhất|không|trên|dưới|Trên|Dưới|Tối|Ít")
            .expect("static regex")
    });
    if !HINT.is_match(text) {
        return Vec::new();
    }
    let word_starts = |at: usize| starts_word(text, at);
    for c in comparative_re().captures_iter(text) {
        let (Some(w), Some(cmp)) = (c.get(0), c.get(2)) else {
            continue;
        };
        if !word_starts(cmp.start()) {
            continue;
        }
        // A verb inside a longer word ("xđạt trên") is no verb: the comparative alone.
        let verb_at = c.get(1).filter(|v| word_starts(v.start()));
        let verb = verb_at.is_some();
        let rest = &text[w.end()..];
        let next = rest.chars().next();
        let cmp_s = crate::vn::case::lower(cmp.as_str());
        let missing = match next {
            Some(ch) if ch.is_ascii_digit() => false,
            None => verb,
            Some(',' | ';' | '…') => verb || cmp_s == "tối thiểu" || cmp_s == "ít nhất",
            Some('.') => verb && !rest.starts_with(".."),
            Some(ch) if ch.is_uppercase() => verb,
            _ => false,
        };
        // "đạt trên cả nước", "trên địa bàn": a place, not a comparison; only a verb
        // before "trên"/"dưới" makes it one, and then only before a figure or nothing.
        if missing {
            let start = verb_at.map_or(cmp.start(), |v| v.start());
            out.push((
                verb,
                MissingFigure {
                    range: start..cmp.end(),
                    comparative: cmp.as_str().to_string(),
                },
            ));
        }
    }
    // A bare "tối thiểu," is also an adjective ("mức chi tối thiểu, …"): it is taken as a
    // lost figure only in a list that lost others ("đạt tối thiểu, …" near it).
    let with_verb: Vec<usize> = out
        .iter()
        .filter(|(v, _)| *v)
        .map(|(_, m)| m.range.start)
        .collect();
    out.into_iter()
        .filter(|(v, m)| *v || with_verb.iter().any(|&s| s.abs_diff(m.range.start) < 300))
        .map(|(_, m)| m)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_read() {
        let s = scores("- Năm 2022: đạt 5.76/10 điểm; - Năm 2023: đề nghị cải thiện.");
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].got, s[0].of), (5.76, 10.0));
        let s = scores("Tổng số điểm đạt 468,9/1.000 điểm; xếp hạng 58/63 tỉnh");
        assert_eq!((s[0].got, s[0].of), (468.9, 1000.0));
        assert_eq!(s.len(), 1);
        assert!(scores("5/7 nền tảng số").is_empty());
        assert_eq!(scores("đạt 5.874/10 điểm")[0].got, 5.874);
        assert!(scores("đạt 5 31/10 điểm").is_empty());
    }

    fn names() -> Vec<(String, String)> {
        [
            ("3", "Hạ tầng số"),
            ("2", "Thể chế số"),
            ("9", "Đô thị thông minh"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
    }

    #[test]
    fn counts_are_read() {
        let c = counts(
            "gồm **09** chỉ số chính với **98** chỉ số thành phần; Thê chế số (11 CSTP), Đô thị thông minh (0 CSTP); không đạt điểm: 03 (3.4, 3.5, 3.7)",
            &names(),
        );
        let what: Vec<_> = c.iter().map(|c| (c.n, c.what.clone())).collect();
        assert_eq!(
            what,
            vec![
                (9, Counted::MainIndices),
                (98, Counted::Indicators),
                (11, Counted::IndicatorsOf("2".into())),
                (0, Counted::IndicatorsOf("9".into())),
                (
                    3,
                    Counted::Listed(vec!["3.4".into(), "3.5".into(), "3.7".into()])
                ),
            ]
        );
        assert!(counts("có đến 06/08 chỉ số chính tăng điểm", &names()).is_empty());
        let c = counts(
            "DTI năm 2022 của tỉnh có 30 chỉ số thành phần đạt điểm tối đa, 48 chỉ số thành phần chưa đạt điểm tối đa và 17 chỉ số thành phần không có điểm. Năm 2021: 5 tiêu chí không đạt điểm",
            &names(),
        );
        let what: Vec<_> = c.iter().map(|c| (c.n, c.what.clone())).collect();
        let class = |class, year| Counted::Class { class, year };
        assert_eq!(
            what,
            vec![
                (30, class(PointsClass::Full, Some(2022))),
                (48, class(PointsClass::Partial, Some(2022))),
                (17, class(PointsClass::Zero, Some(2022))),
                (5, class(PointsClass::Zero, Some(2021))),
            ]
        );
        assert!(counts("có 30 chỉ số thành phần tăng điểm", &names()).is_empty());
    }

    #[test]
    fn missing_figures_are_found() {
        let t = "lĩnh vực đạt tối thiểu, Năng suất lao động hàng năm tối thiểu, Tỷ lệ nhân lực đạt trên Tỷ lệ doanh nghiệp";
        let m = missing_figures(t);
        let got: Vec<&str> = m.iter().map(|m| &t[m.range.clone()]).collect();
        assert_eq!(got, vec!["đạt tối thiểu", "tối thiểu", "đạt trên"]);
        for ok in [
            "đạt tối thiểu 50%",
            "đạt trên 98% số doanh nghiệp",
            "tham gia chương trình SMEdx tối thiểu đạt 10%",
            "quy định cho mức chi tối thiểu",
            "có quy định mức chi tối thiểu; tỷ lệ đạt 50%",
            "doanh nghiệp trên địa bàn tỉnh",
            "Ngân sách nhà nước tối thiểu hàng năm",
        ] {
            assert!(missing_figures(ok).is_empty(), "{ok}");
        }
    }
}
