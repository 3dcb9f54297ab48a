//! KH106 malformed-basis: a legal basis ("Căn cứ …") whose number, symbol or date is
//! malformed, missing or inconsistent.

use std::sync::OnceLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Level, Text};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::source::Span;
use crate::vn::Date;

/// A citation in the legal bases that cannot be right.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH106",
        name: "malformed-basis",
        level: Level::Error,
        summary: StaticText::new(
            "căn cứ pháp lý có số, ký hiệu hoặc ngày sai",
            "a legal basis with a wrong number, symbol or date",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "căn cứ pháp lý là văn bản mà kế hoạch dựa vào; dẫn sai số, ký hiệu hoặc ngày thì người đọc không tìm được văn bản đó và kế hoạch mất cơ sở. Các lỗi thường gặp: thiếu số (\"Quyết định số /QĐ-UBND\"), năm trong số khác năm ban hành (nghị định số …/2016/NĐ-CP mà ngày năm 2022), ngày không có thật (31/02), ký hiệu không khớp loại văn bản (Quyết định mà ký hiệu NĐ-CP), hoặc văn bản ban hành sau chính kế hoạch",
                "the legal bases are the documents the plan rests on; a wrong number, symbol or date means nobody can find them. Common slips: a missing number (\"Quyết định số /QĐ-UBND\"), a year in the number that differs from the issue date (a decree …/2016/NĐ-CP dated 2022), an impossible date (31/02), a symbol that does not match the kind of document (a Quyết định with symbol NĐ-CP), or a basis issued after the plan itself",
            ),
            bad: "bases:\n  - Căn cứ Nghị định số 47/2016/NĐ-CP ngày 31/02/2022 của Chính phủ …;\n",
            good: "bases:\n  - Căn cứ Nghị định số 47/2022/NĐ-CP ngày 08/7/2022 của Chính phủ …;\n",
        },
    },
    check: Check::Plan(check),
};

fn citation_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(bộ luật|luật|nghị định|quyết định|nghị quyết|thông tư liên tịch|thông tư|chỉ thị|kế hoạch|công văn|kết luận|hướng dẫn|thông báo|văn bản)\s+số\s*([^\s,;:()]*)")
            .expect("static regex")
    })
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)ngày\s+(?:([0-9]{1,2})\s*/\s*([0-9]{1,2})\s*/\s*([0-9]{4})|([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})|(\S*))")
            .expect("static regex")
    })
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
        "luật" | "bộ luật" => "QH",
        _ => return None,
    })
}

struct Finding {
    text: Text,
    needle: String,
    help: Text,
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let issued = cx.issue_date();
    for (i, basis) in cx.plan.bases.iter().enumerate() {
        for f in check_basis(&basis.value, issued) {
            let span: Span = cx.sub_span(basis.span, &f.needle);
            out.push(
                RULE.meta.diag(f.text.vi, f.text.en, span)
                    .with_path(format!("bases[{i}]"))
                    .with_label(t("ở đây", "here"))
                    .with_help(f.help),
            );
        }
    }
}

fn check_basis(text: &str, issued: Option<Date>) -> Vec<Finding> {
    let mut out = Vec::new();
    let cites: Vec<_> = citation_re().captures_iter(text).collect();
    for (k, c) in cites.iter().enumerate() {
        let (Some(whole), Some(kind), Some(num)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let kind_s = kind.as_str();
        let number = num.as_str().trim_end_matches('.');
        let tail_end = cites
            .get(k + 1)
            .and_then(|n| n.get(0))
            .map(|m| m.start())
            .unwrap_or(text.len());
        let tail = &text[whole.end()..tail_end];
        let parts: Vec<&str> = number.split('/').collect();
        let lead = parts.first().copied().unwrap_or("");
        if number.is_empty() || lead.is_empty() || !lead.starts_with(|ch: char| ch.is_ascii_digit())
        {
            out.push(Finding {
                text: t(
                    format!("căn cứ \"{kind_s} số {number}\" thiếu số văn bản"),
                    format!("basis \"{kind_s} số {number}\" has no document number"),
                ),
                needle: whole.as_str().to_string(),
                help: t(
                    "điền số văn bản như trên bản gốc, ví dụ \"Quyết định số 922/QĐ-BTTTT\"",
                    "fill in the number as on the original, e.g. \"Quyết định số 922/QĐ-BTTTT\"",
                ),
            });
            continue;
        }
        let symbol = parts.last().copied().unwrap_or("");
        let party_style = lead.contains('-');
        if parts.len() < 2 && !party_style || symbol.is_empty() {
            out.push(Finding {
                text: t(
                    format!("căn cứ \"{kind_s} số {number}\" thiếu ký hiệu văn bản"),
                    format!("basis \"{kind_s} số {number}\" has no symbol"),
                ),
                needle: number.to_string(),
                help: t(
                    "ghi đủ số và ký hiệu, ví dụ \"749/QĐ-TTg\" hoặc \"30/2020/NĐ-CP\"",
                    "write the number with its symbol, e.g. \"749/QĐ-TTg\" or \"30/2020/NĐ-CP\"",
                ),
            });
            continue;
        }
        let sym_upper = number.to_uppercase();
        if let Some(exp) = expected_symbol(kind_s) {
            // The National Assembly numbers its resolutions "202/2025/QH15", without "NQ".
            let assembly = kind_s.to_lowercase() == "nghị quyết" && sym_upper.contains("QH");
            if !sym_upper.contains(exp) && !assembly {
                out.push(Finding {
                    text: t(
                        format!("{kind_s} mà ký hiệu \"{number}\" không có \"{exp}\""),
                        format!("a {kind_s} whose symbol \"{number}\" lacks \"{exp}\""),
                    ),
                    needle: number.to_string(),
                    help: t(
                        "kiểm tra lại loại văn bản hoặc ký hiệu với bản gốc",
                        "check the kind of document or its symbol against the original",
                    ),
                });
            }
        }
        let num_year: Option<i32> = if parts.len() >= 3 {
            parts[1].parse().ok().filter(|y| (1945..=2100).contains(y))
        } else {
            None
        };
        if parts.len() >= 3 && num_year.is_none() {
            out.push(Finding {
                text: t(
                    format!("năm trong số \"{number}\" không hợp lệ"),
                    format!("the year in \"{number}\" is not valid"),
                ),
                needle: number.to_string(),
                help: t(
                    "số văn bản có năm viết dạng \"30/2020/NĐ-CP\"",
                    "a number with a year reads \"30/2020/NĐ-CP\"",
                ),
            });
        }
        check_date(tail, kind_s, number, num_year, issued, &mut out);
    }
    out
}

fn check_date(
    tail: &str,
    kind: &str,
    number: &str,
    num_year: Option<i32>,
    issued: Option<Date>,
    out: &mut Vec<Finding>,
) {
    let Some(d) = date_re().captures(tail) else {
        // Laws are cited by name and number alone; other documents carry a date.
        if !matches!(kind.to_lowercase().as_str(), "luật" | "bộ luật") {
            out.push(Finding {
                text: t(
                    format!("căn cứ \"{kind} số {number}\" thiếu ngày ban hành"),
                    format!("basis \"{kind} số {number}\" has no issue date"),
                ),
                needle: number.to_string(),
                help: t(
                    "thêm ngày ban hành sau số, ví dụ \"ngày 20/5/2022\"",
                    "add the issue date after the number, e.g. \"ngày 20/5/2022\"",
                ),
            });
        }
        return;
    };
    let whole = d.get(0).map(|m| m.as_str()).unwrap_or("").to_string();
    let g = |i: usize| d.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (day, month, year) = match (g(1), g(2), g(3), g(4), g(5), g(6)) {
        (Some(a), Some(b), Some(c), ..) | (_, _, _, Some(a), Some(b), Some(c)) => (a, b, c),
        _ => {
            out.push(Finding {
                text: t(
                    format!("ngày của căn cứ \"{kind} số {number}\" không đọc được"),
                    format!("the date of basis \"{kind} số {number}\" cannot be read"),
                ),
                needle: whole,
                help: t(
                    "viết ngày dạng \"ngày 20/5/2022\" hoặc \"ngày 20 tháng 5 năm 2022\"",
                    "write the date as \"ngày 20/5/2022\" or \"ngày 20 tháng 5 năm 2022\"",
                ),
            });
            return;
        }
    };
    let year = year as i32;
    let Some(date) = Date::new(year, month, day) else {
        out.push(Finding {
            text: t(
                format!(
                    "ngày {day}/{month}/{year} của căn cứ \"{kind} số {number}\" không có thật"
                ),
                format!("date {day}/{month}/{year} of basis \"{kind} số {number}\" does not exist"),
            ),
            needle: whole,
            help: t(
                "kiểm tra lại ngày ban hành với bản gốc",
                "check the issue date against the original",
            ),
        });
        return;
    };
    if let Some(ny) = num_year {
        if ny != year {
            out.push(Finding {
                text: t(
                    format!("số \"{number}\" mang năm {ny} nhưng ngày ban hành năm {year}"),
                    format!("number \"{number}\" carries the year {ny} but is dated {year}"),
                ),
                needle: number.to_string(),
                help: t(
                    "năm trong số văn bản phải trùng năm ban hành; kiểm tra lại số hoặc ngày",
                    "the year in the number is the year of issue; check the number or the date",
                ),
            });
        }
    }
    if let Some(iss) = issued {
        if date > iss {
            out.push(Finding {
                text: t(
                    format!(
                        "căn cứ ban hành ngày {} sau ngày ban hành kế hoạch {}",
                        date.short_vi(),
                        iss.short_vi()
                    ),
                    format!(
                        "a basis dated {} after the plan itself ({})",
                        date.iso(),
                        iss.iso()
                    ),
                ),
                needle: whole,
                help: t(
                    "một kế hoạch không thể căn cứ vào văn bản ban hành sau nó; kiểm tra lại ngày",
                    "a plan cannot rest on a document issued after it; check the date",
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msgs(s: &str) -> Vec<String> {
        check_basis(s, Date::new(2023, 10, 23))
            .into_iter()
            .map(|f| f.text.en)
            .collect()
    }

    #[test]
    fn real_citations_pass() {
        for s in [
            "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;",
            "Căn cứ Nghị Quyết số 48-NQ/TU ngày 15/11/2021 của Ban chấp hành Đảng bộ tỉnh;",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15;",
        ] {
            assert!(msgs(s).is_empty(), "{s}: {:?}", msgs(s));
        }
    }

    #[test]
    fn national_assembly_resolutions_carry_qh_not_nq() {
        let at = |s: &str| {
            check_basis(s, Date::new(2026, 1, 15))
                .into_iter()
                .map(|f| f.text.en)
                .collect::<Vec<_>>()
        };
        let ok = "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh;";
        assert!(at(ok).is_empty(), "{:?}", at(ok));
        // A near miss: a resolution whose symbol is neither NQ nor the Assembly's.
        let m = at("Căn cứ Nghị quyết số 12/2025/QĐ-UBND ngày 10/3/2025 của Ủy ban nhân dân tỉnh;");
        assert!(m.iter().any(|x| x.contains("lacks \"NQ\"")), "{m:?}");
    }

    #[test]
    fn broken_citations_fail() {
        assert_eq!(
            msgs("Căn cứ Quyết định số /QĐ-UBND ngày 20/5/2022;").len(),
            1
        );
        let m = msgs("Căn cứ Nghị định số 47/2016/NĐ-CP ngày 31/02/2022;");
        assert!(m[0].contains("does not exist"), "{m:?}");
        let m = msgs("Căn cứ Nghị định số 47/2016/NĐ-CP ngày 08/7/2022;");
        assert!(m[0].contains("carries the year 2016"), "{m:?}");
        let m = msgs("Căn cứ Quyết định số 30/2020/NĐ-CP ngày 05/3/2020;");
        assert!(m[0].contains("lacks \"QĐ\""), "{m:?}");
        let m = msgs("Căn cứ Quyết định số 922/QĐ-BTTTT ngày 20/5/2024;");
        assert!(m[0].contains("after the plan"), "{m:?}");
        let m = msgs("Căn cứ Quyết định số 922/QĐ-BTTTT của Bộ;");
        assert!(m[0].contains("no issue date"), "{m:?}");
    }
}
