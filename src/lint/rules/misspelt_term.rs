//! KH135 misspelt-term: a term of the DTI vocabulary misspelt in a way no reader takes
//! for another word ("chuyên đổi số", "Thẻ chế số", "Công TTĐT", "Vò sò").

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH135",
        name: "misspelt-term",
        level: Level::Info,
        summary: StaticText::new(
            "thuật ngữ chuyển đổi số viết sai chính tả",
            "a digital-transformation term misspelt",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "các bản kế hoạch chép từ bản in hay bảng tính hay sai dấu ở đúng những từ lặp lại nhiều nhất (\"chuyên đổi số\", \"Thẻ chế số\", \"Công TTĐT\" cho \"Cổng TTĐT\", \"Vò sò\" cho \"Vỏ sò\"); văn bản ban hành với lỗi đó thì thiếu trang trọng, và tìm kiếm theo thuật ngữ đúng bỏ sót đoạn đó. Chỉ những cách viết không thể là từ khác mới được báo (\"phần đầu\" thay cho \"phấn đấu\" chỉ khi đứng trước chỉ tiêu: \"đạt\", \"mỗi năm\", một con số)",
                "plans copied from print or spreadsheets often lose a diacritic in exactly the words they repeat most (\"chuyên đổi số\", \"Thẻ chế số\", \"Công TTĐT\" for \"Cổng TTĐT\", \"Vò sò\" for \"Vỏ sò\"); a document issued with them reads carelessly, and a search for the right term misses the passage. Only spellings that cannot be another word are reported (\"phần đầu\" for \"phấn đấu\" only before a target: \"đạt\", \"mỗi năm\", a figure)",
            ),
            bad: "tasks:\n  - id: nv-1\n    body: Đẩy mạnh chuyên đổi số trong doanh nghiệp nhỏ và vừa\n",
            good: "tasks:\n  - id: nv-1\n    body: Đẩy mạnh chuyển đổi số trong doanh nghiệp nhỏ và vừa\n",
        },
    },
    check: Check::Plan(check),
};

/// A misspelling, its correction, and whether case must match (a capital "Công" is the
/// portal's "Cổng"; "dịch vụ công thông tin" is not).
const TERMS: &[(&str, &str, bool)] = &[
    ("chuyên đổi số", "chuyển đổi số", false),
    ("thẻ chế số", "thể chế số", false),
    ("thế chế số", "thể chế số", false),
    ("thê chế số", "thể chế số", false),
    ("vò sò", "vỏ sò", false),
    ("ủy ban nhân tỉnh", "ủy ban nhân dân tỉnh", false),
    ("trê địa bàn", "trên địa bàn", false),
    ("thương mại điện từ", "thương mại điện tử", false),
    ("Công TTĐT", "Cổng TTĐT", true),
    ("Công thông tin điện tử", "Cổng thông tin điện tử", true),
    ("Công Thông tin điện tử", "Cổng Thông tin điện tử", true),
    ("Công dịch vụ công", "Cổng dịch vụ công", true),
    ("Công Dịch vụ công", "Cổng Dịch vụ công", true),
];

/// A part of each misspelling that is lower case as the texts write it.
const TAILS: &[&str] = &[
    "huyên đổi số",
    "hẻ chế số",
    "hế chế số",
    "hê chế số",
    "ò sò",
    "ban nhân tỉnh",
    "rê địa bàn",
    "ại điện từ",
    "Công TTĐT",
    "Công thông tin",
    "Công Thông tin",
    "Công dịch vụ",
    "Công Dịch vụ",
];

/// The prefilter for [`strive`]: "phần đầu"/"phân đầu" before a target word or a figure
/// ("ban đầu ", "hàng đầu " would pass a plain "n đầu " and cost every text a lower-casing).
const STRIVE_TAIL: &str = r"(?i:n đầu (?:đạt|mỗi|tăng|giữ|[0-9]))";

/// "Phấn đấu" (strive) written "phần đầu" (the first part) or "phân đầu": reported only
/// where what follows is a target — "đạt", "mỗi năm", "tăng", "giữ" or a figure — which the
/// noun "phần đầu" never precedes ("phần đầu của kế hoạch", "ở phần đầu").
fn strive(hay: &str, out: &mut Vec<(std::ops::Range<usize>, &'static str)>) {
    for wrong in ["phần đầu ", "phân đầu "] {
        for (at, _) in hay.match_indices(wrong) {
            let before = hay[..at].chars().next_back();
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let rest = &hay[at + wrong.len()..];
            let target = ["đạt", "mỗi năm", "tăng", "giữ"]
                .iter()
                .any(|w| rest.starts_with(w) && !rest[w.len()..].starts_with(char::is_alphanumeric))
                || rest.starts_with(|c: char| c.is_ascii_digit());
            if target {
                out.push((at..at + wrong.len() - 1, "phấn đấu"));
            }
        }
    }
}

/// Every misspelt term in `text`: byte range, the spelling as written, its correction.
pub fn misspellings(text: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    // Most texts hold none of the misspellings: look for their lower-case tails before
    // lower-casing anything (a text in capitals is not checked).
    static TAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let mut alts: Vec<String> = TAILS.iter().map(|t| regex::escape(t)).collect();
        alts.push(STRIVE_TAIL.to_string());
        regex::Regex::new(&alts.join("|")).expect("static regex")
    });
    // One pass over the text for all the tails (a literal search, not one per tail).
    if !TAIL.is_match(text) {
        return Vec::new();
    }
    let lower = crate::vn::case::lower(text);
    // Vietnamese letters keep their byte length when lower-cased; if some character
    // does not, only the case-sensitive terms are looked for.
    let folded = (lower.len() == text.len()).then_some(lower.as_str());
    let boundary = |hay: &str, at: usize, end: usize| {
        !hay[..at].chars().next_back().is_some_and(char::is_alphanumeric)
            && !hay[end..].chars().next().is_some_and(char::is_alphanumeric)
    };
    // The terms of each kind as one automaton, each term found left to right without
    // overlapping itself (terms may overlap each other).
    static AUTOMATA: std::sync::LazyLock<[(aho_corasick::AhoCorasick, Vec<usize>); 2]> =
        std::sync::LazyLock::new(|| {
            [true, false].map(|exact| {
                let ids: Vec<usize> = (0..TERMS.len()).filter(|&i| TERMS[i].2 == exact).collect();
                let ac = aho_corasick::AhoCorasick::new(ids.iter().map(|&i| TERMS[i].0))
                    .expect("static patterns");
                (ac, ids)
            })
        });
    let mut found: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
    let mut next_from = [0usize; TERMS.len()];
    for ((ac, ids), hay) in AUTOMATA.iter().zip([Some(text), folded]) {
        let Some(hay) = hay else { continue };
        for m in ac.find_overlapping_iter(hay) {
            let id = ids[m.pattern().as_usize()];
            if m.start() < next_from[id] {
                continue;
            }
            next_from[id] = m.end();
            if boundary(hay, m.start(), m.end()) {
                found.push((m.range(), id));
            }
        }
    }
    found.sort_by_key(|(r, id)| (r.start, *id));
    let mut out: Vec<(std::ops::Range<usize>, &'static str)> =
        found.into_iter().map(|(r, id)| (r, TERMS[id].1)).collect();
    if let Some(l) = folded {
        strive(l, &mut out);
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let texts = cx.texts();
    for f in texts.fields() {
        for (range, right) in misspellings(&f.text) {
            let written = &f.text[range.clone()];
            // The correction in the case of the text as written ("Chuyên đổi số" →
            // "Chuyển đổi số").
            let right = match (written.chars().next(), right.chars().next()) {
                (Some(w), Some(r)) if w.is_uppercase() && r.is_lowercase() => {
                    r.to_uppercase().chain(right.chars().skip(1)).collect()
                }
                _ => right.to_string(),
            };
            out.push(
                RULE.meta
                    .diag(
                        format!("\"{written}\" viết sai, đúng là \"{right}\""),
                        format!("\"{written}\" is misspelt: \"{right}\""),
                        texts.phrase(f, range),
                    )
                    .with_path(f.path.clone())
                    .with_label(t("sai chính tả", "misspelt"))
                    .with_help(t(
                        format!("viết \"{right}\""),
                        format!("write \"{right}\""),
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::misspellings;

    #[test]
    fn misspelt_and_right() {
        let t = "Thẻ chế số; Chuyên đổi số; sàn Vò sò; Công TTĐT tỉnh; Văn phòng Ủy ban nhân tỉnh";
        let got: Vec<(&str, &str)> = misspellings(t)
            .into_iter()
            .map(|(r, right)| (&t[r], right))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Thẻ chế số", "thể chế số"),
                ("Chuyên đổi số", "chuyển đổi số"),
                ("Vò sò", "vỏ sò"),
                ("Công TTĐT", "Cổng TTĐT"),
                ("Ủy ban nhân tỉnh", "ủy ban nhân dân tỉnh"),
            ]
        );
        for ok in [
            "chuyển đổi số",
            "chuyên gia chuyển đổi số",
            "Thể chế số",
            "Cổng TTĐT tỉnh",
            "Công an tỉnh",
            "Sở Công Thương",
            "cung cấp dịch vụ công thông tin điện tử",
            "sàn Vỏ sò",
            "Ủy ban nhân dân tỉnh",
            "thế chế sốt",
        ] {
            assert!(misspellings(ok).is_empty(), "{ok}");
        }
    }
}
