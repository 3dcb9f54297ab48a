//! KH136 stale-year: the assessment of a year says what the province did or did not do
//! in an earlier year ("đạt 0/20 điểm (năm 2021 tỉnh chưa triển khai)" in the results of
//! 2022) — a reason copied from last year's plan.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH136",
        name: "stale-year",
        level: Level::Warning,
        summary: StaticText::new(
            "lý do của kết quả năm đánh giá nêu tình hình của một năm trước đó",
            "the reason given for a year's result describes an earlier year",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "ghi chú của một chỉ số trong `baseline` giải thích điểm của năm được đánh giá; câu \"năm 2021 tỉnh chưa triển khai\" trong kết quả năm 2022 thường là lý do chép từ kế hoạch năm trước mà quên sửa năm, và người đọc không biết năm 2022 tỉnh đã triển khai hay chưa. Chỉ báo khi ghi chú không nhắc tới năm được đánh giá và năm cũ đứng đầu một nhận định (\"năm 2021 tỉnh chưa …\"), không phải một mốc (\"từ năm 2021\", \"so với năm 2021\")",
                "a `baseline` indicator's note explains the score of the assessed year; \"năm 2021 tỉnh chưa triển khai\" (in 2021 the province had not deployed it) in the results of 2022 is usually a reason copied from last year's plan without its year changed, and the reader cannot tell whether the province deployed it in 2022. Reported only when the note never names the assessed year and the earlier year opens a statement (\"năm 2021 tỉnh chưa …\"), not a point of reference (\"từ năm 2021\", \"so với năm 2021\")",
            ),
            bad: "baseline:\n  year: 2022\n  indicators:\n    - code: \"6.2\"\n      points: 0\n      note: \"Triển khai Cổng dữ liệu mở: đạt 0/5 điểm (năm 2021 tỉnh chưa triển khai).\"\n",
            good: "baseline:\n  year: 2022\n  indicators:\n    - code: \"6.2\"\n      points: 0\n      note: \"Triển khai Cổng dữ liệu mở: đạt 0/5 điểm (năm 2022 tỉnh chưa triển khai).\"\n",
        },
    },
    check: Check::Plan(check),
};

/// Words before "năm X" that make the year a point of reference, not the time of a
/// statement: "từ năm 2021", "so với năm 2021", "giai đoạn năm 2021".
const REFERENCE: &[&str] = &[
    "từ", "trước", "sau", "với", "đến", "tới", "đoạn", "cuối", "đầu", "hết", "kỳ", "các",
    "những", "của",
];

/// Words that, within the few after "năm X (tỉnh …)", make it a statement of what was
/// or was not done in that year.
const STATE: &[&str] = &["chưa", "không", "đã", "đạt", "mới", "vẫn", "còn"];

/// Words a statement's subject may take between the year and its verb ("năm 2021 tỉnh
/// chưa", "năm 2021 Tiền Giang chưa", "năm 2021, UBND tỉnh đã").
const MAX_GAP: usize = 4;

/// The byte range of a "năm X" in `text` that states the situation of a year X before
/// `assessed`, when the text never names `assessed` itself.
pub fn stale(text: &str, assessed: i32) -> Option<(std::ops::Range<usize>, i32)> {
    // No "năm" (any case), or the assessed year named: nothing to look at.
    if !(text.contains("ăm") || text.contains("ĂM")) || four_digit_years(text).contains(&assessed)
    {
        return None;
    }
    let words: Vec<(usize, &str)> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | ':'))
        .scan(0usize, |pos, w| {
            let at = *pos;
            // Every separator above is one byte long.
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let is = |w: &str, list: &[&str]| list.contains(&w.to_lowercase().as_str());
    for (i, &(at, w)) in words.iter().enumerate() {
        if !w.eq_ignore_ascii_case("năm") && w != "Năm" && w != "NĂM" {
            continue;
        }
        let Some(&(yat, y)) = words.get(i + 1) else {
            continue;
        };
        let Some(year) = as_year(y) else { continue };
        // The year before, or the one before that (a plan copied twice).
        if year >= assessed || year < assessed - 2 {
            continue;
        }
        if i > 0 && is(words[i - 1].1, REFERENCE) {
            continue;
        }
        let states = words[i + 2..]
            .iter()
            .take(MAX_GAP + 1)
            .any(|(_, w)| is(w, STATE));
        if states {
            return Some((at..yat + y.trim_end_matches('.').len(), year));
        }
    }
    None
}

/// A word that is a year of this century and nothing else ("2021", not "2021-2025").
fn as_year(w: &str) -> Option<i32> {
    let w = w.trim_end_matches('.');
    (w.len() == 4 && w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// Every "20xx" standing alone as a number (a run of exactly four digits: the 2017 of
/// "03/2017/TT-BTTTT" counts, "20215" does not).
fn four_digit_years(s: &str) -> Vec<i32> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        if run == 4 && b[i] == b'2' && b[i + 1] == b'0' {
            if let Ok(y) = s[i..i + 4].parse() {
                out.push(y);
            }
        }
        i += run;
    }
    out
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(b) = &cx.plan.baseline else { return };
    let texts = cx.texts();
    // The rows' notes, in model order: main indices, then indicators.
    let rows = b
        .indices
        .iter()
        .map(|r| (true, &r.code, r.note.as_deref()))
        .enumerate()
        .chain(b.indicators.iter().map(|r| (false, &r.code, r.note.as_deref())).enumerate());
    // One finding per sentence: an encoding may repeat one note on each indicator the
    // original's sentence scores together.
    let mut seen: Vec<&str> = Vec::new();
    for (i, (index, code, note)) in rows {
        let Some(note) = note else { continue };
        let Some((range, year)) = stale(note, b.year) else {
            continue;
        };
        if seen.contains(&note) {
            continue;
        }
        seen.push(note);
        let code = crate::lint::trim(&code.value);
        let (path, what, what_en) = if index {
            (format!("baseline.indices[{i}].note"), format!("chỉ số chính {code}"), format!("main index {code}"))
        } else {
            (format!("baseline.indicators[{i}].note"), format!("chỉ số {code}"), format!("indicator {code}"))
        };
        let span = texts.span(&path, note, range.start, range.end);
        out.push(
            RULE.meta
                .diag(
                    format!(
                        "kết quả năm {} của {what} được giải thích bằng tình hình năm {year}",
                        b.year
                    ),
                    format!(
                        "the {} result of {what_en} is explained by the situation in {year}",
                        b.year
                    ),
                    span,
                )
                .with_path(path)
                .with_indicator(code)
                .with_label(t(format!("năm {year}"), format!("year {year}")))
                .with_help(t(
                    format!(
                        "ghi tình hình năm {} (lý do có thể được chép từ kế hoạch năm trước)",
                        b.year
                    ),
                    format!(
                        "state the situation in {} (the reason may have been copied from last year's plan)",
                        b.year
                    ),
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::stale;

    #[test]
    fn an_earlier_year_opening_a_statement() {
        for s in [
            "đạt 0/20 điểm (năm 2021 tỉnh chưa triển khai).",
            "Năm 2021 Tiền Giang chưa có cổng dữ liệu mở",
            "đạt 2/10 điểm; năm 2020, UBND tỉnh đã ban hành quy chế",
            "trong năm 2021 tỉnh chưa triển khai",
            "NĂM 2021 TỈNH CHƯA TRIỂN KHAI",
        ] {
            assert!(stale(s, 2022).is_some(), "{s}");
        }
        let s = "đạt 0/20 điểm (năm 2021 tỉnh chưa triển khai).";
        let (r, y) = stale(s, 2022).unwrap();
        assert_eq!((&s[r], y), ("năm 2021", 2021));
    }

    #[test]
    fn a_year_of_reference_or_the_assessed_year_is_not_stale() {
        for s in [
            // The assessed year is named: a comparison.
            "năm 2021 tỉnh chưa triển khai, năm 2022 đã triển khai thử nghiệm",
            // A point of reference.
            "từ năm 2021 tỉnh đã triển khai",
            "tăng so với năm 2021 đạt 5 điểm",
            "giai đoạn năm 2021 - 2025 chưa có kinh phí",
            // A citation's year, not "năm X".
            "theo Thông tư số 03/2017/TT-BTTTT ngày 24/4/2017: đạt 5/10 điểm",
            // No statement follows.
            "số liệu năm 2021",
            // A later year: a goal.
            "năm 2023 phấn đấu đạt tối đa",
            // Long ago: history, not a copied reason.
            "năm 2015 tỉnh đã xây dựng trung tâm dữ liệu",
            "năm 2019 tỉnh chưa có kinh phí",
        ] {
            assert!(stale(s, 2022).is_none(), "{s}");
        }
    }
}
