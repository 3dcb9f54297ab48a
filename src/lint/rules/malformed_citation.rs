//! KH131 malformed-citation: a document cited in the plan's text (not its bases, which
//! KH106 reads) with its number missing, a decree or circular number without its year,
//! a year in the number that is not the year of the date, an impossible date, a symbol
//! of another kind of document, or a date after the plan's own.

use crate::diagnostic::{Diagnostic, Level, Text};
use crate::lint::context::Context;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};
use crate::vn::Date;
use crate::vn::citation::{self, Citation};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH131",
        name: "malformed-citation",
        level: Level::Warning,
        summary: StaticText::new(
            "văn bản được dẫn trong nội dung kế hoạch có số, năm hoặc ngày sai",
            "a document cited in the plan's text with a wrong number, year or date",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "nhiệm vụ, mục tiêu và ghi chú dẫn các nghị định, thông tư, kế hoạch để cơ quan thực hiện biết làm theo văn bản nào; dẫn thiếu số (\"theo kế hoạch số về …\"), nghị định hoặc thông tư thiếu năm trong số (\"Nghị định số 42/NĐ-CP\"), năm trong số khác năm của ngày ban hành (\"85/2016/NĐ-CP ngày 01/7/2022\"), ngày không có thật, ký hiệu của loại văn bản khác, hoặc văn bản ban hành sau chính kế hoạch thì không ai tìm được văn bản đó. Phần căn cứ do KH106 kiểm tra",
                "tasks, targets and notes cite decrees, circulars and plans so that the agency knows which text to follow; a missing number (\"theo kế hoạch số về …\"), a decree or circular number without its year (\"Nghị định số 42/NĐ-CP\"), a year in the number that is not the year of issue (\"85/2016/NĐ-CP ngày 01/7/2022\"), an impossible date, the symbol of another kind of document, or a document issued after the plan itself means nobody can find it. The legal bases are KH106's",
            ),
            bad: "tasks:\n  - id: nv-1\n    body: Kiểm tra theo Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2022 của Chính phủ.\n",
            good: "tasks:\n  - id: nv-1\n    body: Kiểm tra theo Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ.\n",
        },
    },
    check: Check::Plan(check),
};

/// One problem with one citation: what, where (a byte range of the text), what to do.
pub struct Problem {
    pub text: Text,
    pub range: std::ops::Range<usize>,
    pub help: Text,
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let texts = cx.texts();
    let issued = cx.issue_date();
    for (f, cited) in texts.fields().iter().zip(texts.citations()) {
        if f.path.starts_with("bases[") || f.path.starts_with("document.") {
            continue;
        }
        let mut found = Vec::new();
        for c in cited {
            problems_of(c, &f.text, issued, &mut found);
        }
        for p in found {
            out.push(
                RULE.meta
                    .diag(p.text.vi, p.text.en, texts.phrase(f, p.range))
                    .with_path(f.path.clone())
                    .with_label(t("ở đây", "here"))
                    .with_help(p.help),
            );
        }
    }
}

/// The symbol fragment each kind of document carries.
fn expected_symbol(kind: &str) -> Option<&'static str> {
    Some(match kind.to_lowercase().as_str() {
        "nghị định" => "NĐ",
        "quyết định" => "QĐ",
        "nghị quyết" => "NQ",
        "thông tư" | "thông tư liên tịch" => "TT",
        "chỉ thị" => "CT",
        "kế hoạch" => "KH",
        "kết luận" => "KL",
        _ => return None,
    })
}

/// Every problem with the citations of one text.
pub fn problems(text: &str, issued: Option<Date>) -> Vec<Problem> {
    let mut out = Vec::new();
    for c in citation::find(text) {
        problems_of(&c, text, issued, &mut out);
    }
    out
}

fn problems_of(c: &Citation, text: &str, issued: Option<Date>, out: &mut Vec<Problem>) {
    let kind = &c.kind;
    let Some((number, nrange)) = &c.number else {
        out.push(Problem {
            text: t(
                format!("\"{}\" thiếu số văn bản", &text[c.range.clone()]),
                format!("\"{}\" has no document number", &text[c.range.clone()]),
            ),
            range: c.range.clone(),
            help: t(
                "điền số và ký hiệu của văn bản được dẫn, ví dụ \"Kế hoạch số 214/KH-UBND ngày 03/7/2023\", hoặc bỏ chữ \"số\" nếu không dẫn văn bản cụ thể",
                "fill in the cited document's number and symbol, e.g. \"Kế hoạch số 214/KH-UBND ngày 03/7/2023\", or drop \"số\" if no particular document is meant",
            ),
        });
        return;
    };
    if let Some(exp) = expected_symbol(kind) {
        let upper = number.to_uppercase();
        // Party documents ("08-NQ/TU") and joint ones put the kind before the issuer.
        if number.contains('/') && !upper.contains(exp) {
            out.push(Problem {
                text: t(
                    format!("{kind} mà ký hiệu \"{number}\" không có \"{exp}\""),
                    format!("a {kind} whose symbol \"{number}\" lacks \"{exp}\""),
                ),
                range: nrange.clone(),
                help: t(
                    "kiểm tra lại loại văn bản hoặc ký hiệu với bản gốc",
                    "check the kind of document or its symbol against the original",
                ),
            });
        }
    }
    let year = c.number_year();
    if c.is_decree_or_circular() && year.is_none() && number.contains('/') {
        let when = c
            .date
            .as_ref()
            .map(|d| d.year.to_string())
            .unwrap_or_else(|| "YYYY".to_string());
        let (head, tail) = number.split_once('/').unwrap_or((number, ""));
        out.push(Problem {
            text: t(
                format!("số \"{number}\" của {kind} thiếu năm ban hành"),
                format!("the number \"{number}\" of a {kind} lacks its year"),
            ),
            range: nrange.clone(),
            help: t(
                format!("số nghị định, thông tư gồm số, năm và ký hiệu: \"{head}/{when}/{tail}\""),
                format!("a decree or circular number has number, year and symbol: \"{head}/{when}/{tail}\""),
            ),
        });
    }
    let Some(d) = &c.date else { return };
    let Some(date) = d.date() else {
        out.push(Problem {
            text: t(
                format!("ngày {}/{}/{} của \"{number}\" không có thật", d.day, d.month, d.year),
                format!("date {}/{}/{} of \"{number}\" does not exist", d.day, d.month, d.year),
            ),
            range: d.range.clone(),
            help: t(
                "kiểm tra lại ngày ban hành với bản gốc",
                "check the issue date against the original",
            ),
        });
        return;
    };
    if let Some(y) = year {
        if y != d.year {
            out.push(Problem {
                text: t(
                    format!("số \"{number}\" mang năm {y} nhưng ngày ban hành năm {}", d.year),
                    format!("number \"{number}\" carries the year {y} but is dated {}", d.year),
                ),
                range: d.range.clone(),
                help: t(
                    "năm trong số văn bản là năm ban hành; kiểm tra lại số hoặc ngày",
                    "the year in the number is the year of issue; check the number or the date",
                ),
            });
        }
    }
    if let Some(iss) = issued {
        if date > iss {
            out.push(Problem {
                text: t(
                    format!(
                        "\"{number}\" ban hành ngày {} sau ngày ban hành kế hoạch {}",
                        date.short_vi(),
                        iss.short_vi()
                    ),
                    format!(
                        "\"{number}\" is dated {}, after the plan itself ({})",
                        date.iso(),
                        iss.iso()
                    ),
                ),
                range: d.range.clone(),
                help: t(
                    "kế hoạch không thể dẫn văn bản ban hành sau nó; kiểm tra lại ngày",
                    "a plan cannot cite a document issued after it; check the date",
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msgs(s: &str) -> Vec<String> {
        problems(s, Date::new(2023, 12, 26))
            .into_iter()
            .map(|p| p.text.en)
            .collect()
    }

    #[test]
    fn real_citations_pass() {
        for s in [
            "theo quy định tại Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ",
            "Nghị định số 85/2016/NĐ-CP của Chính phủ ngày 01/7/2016 về bảo đảm",
            "theo Kế hoạch số 203/KH-UBND ngày 10/6/2022 của UBND tỉnh",
            "thực hiện theo tinh thần Công văn số 4842/UBND-KSTT ngày 06/9/2022",
            "theo Nghị quyết số 08-NQ/TU ngày 06/10/2021 của Tỉnh ủy",
            "Trên 20% (theo Quyết định số 35/QĐ BCĐC ĐS ngày 26/5/2023)",
            "quy định tại Thông tư số 12/2022/TT-BTTTT",
            "Kế hoạch này; kế hoạch số hóa; Kế hoạch chuyển đổi số năm 2024",
        ] {
            assert!(msgs(s).is_empty(), "{s}: {:?}", msgs(s));
        }
    }

    #[test]
    fn broken_citations_fail() {
        let m = msgs("theo kế hoạch số về nâng cao DVC TT.");
        assert!(m[0].contains("has no document number"), "{m:?}");
        let m = msgs("Đáp ứng theo Nghị định số 42/NĐ-CP ngày 24/6/2022");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("lacks its year"), "{m:?}");
        let m = msgs("theo Nghị định số 85/2016/NĐ-CP ngày 01 tháng 7 năm 2022 của Chính phủ");
        assert!(m[0].contains("carries the year 2016"), "{m:?}");
        let m = msgs("theo Quyết định số 30/2020/NĐ-CP ngày 05/3/2020");
        assert!(m[0].contains("lacks \"QĐ\""), "{m:?}");
        let m = msgs("theo Kế hoạch số 12/KH-UBND ngày 31/02/2023");
        assert!(m[0].contains("does not exist"), "{m:?}");
        let m = msgs("theo Kế hoạch số 12/KH-UBND ngày 05/01/2024");
        assert!(m[0].contains("after the plan"), "{m:?}");
    }
}
