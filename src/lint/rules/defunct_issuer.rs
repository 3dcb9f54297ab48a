//! KH109 defunct-issuer: a plan issued in the name of a province or district that no
//! longer exists on its date.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::asof::{day_en, day_vi, plan_day};
use crate::lint::context::Context;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};
use crate::source::Span;
use crate::vn::Date;

/// The day the district level ended and the 34 provincial units began (Nghị quyết
/// 202/2025/QH15; the registry's `provinces:` carry the same date).
const TWO_TIER: Date = Date {
    year: 2025,
    month: 7,
    day: 1,
};

/// The issuer (header lines, name in running text) or the place names a provincial unit
/// merged away by the plan's date, or a district-level body after 01/7/2025.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
    code: "KH109",
    name: "defunct-issuer",
    level: Level::Error,
    summary: StaticText::new(
        "kế hoạch ban hành nhân danh tỉnh hoặc huyện không còn tồn tại",
        "a plan issued in the name of a province or district that no longer exists",
    ),
    explanation: Explanation {
        why: StaticText::new(
            "từ 01/7/2025 cả nước có 34 đơn vị hành chính cấp tỉnh (Nghị quyết 202/2025/QH15) và không còn cấp huyện: Tiền Giang thuộc tỉnh Đồng Tháp, Bạc Liêu thuộc tỉnh Cà Mau, Bình Định thuộc tỉnh Gia Lai, Hà Giang thuộc tỉnh Tuyên Quang. Văn bản ban hành sau ngày đó nhân danh UBND tỉnh cũ hay UBND huyện không có cơ quan ban hành hợp pháp; thường là kế hoạch năm trước được chép lại",
            "from 01/7/2025 the country has 34 provincial units (Resolution 202/2025/QH15) and no district level: Tiền Giang is part of Đồng Tháp, Bạc Liêu of Cà Mau, Bình Định of Gia Lai, Hà Giang of Tuyên Quang. A document issued after that day in the name of a former province's or a district's People's Committee has no lawful issuer; it is usually last year's plan copied",
        ),
        bad: "document:\n  issuer: [\"ỦY BAN NHÂN DÂN\", \"TỈNH TIỀN GIANG\"]\n  issuer_name: \"Ủy ban nhân dân tỉnh Tiền Giang\"\n  place: \"Tiền Giang\"\n  date: \"2026-01-15\"\n",
        good: "document:\n  issuer: [\"ỦY BAN NHÂN DÂN\", \"TỈNH ĐỒNG THÁP\"]\n  issuer_name: \"Ủy ban nhân dân tỉnh Đồng Tháp\"\n  place: \"Đồng Tháp\"\n  date: \"2026-01-15\"\n",
    },
},
    check: Check::Plan(check),
};

/// What a piece of the header names.
#[derive(Debug, PartialEq)]
enum Unit {
    /// "tỉnh X", "thành phố X" (X a provincial unit in the registry).
    Province(String),
    /// "huyện X", "quận X", "thị xã X", "thành phố X" (X not a provincial unit).
    District(String),
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(reg), Some(day)) = (cx.agencies, plan_day(cx)) else {
        return;
    };
    let doc = &cx.plan.document;
    let mut texts: Vec<(String, String)> = doc
        .issuer
        .iter()
        .enumerate()
        .map(|(i, l)| (l.clone(), format!("document.issuer[{i}]")))
        .collect();
    texts.push((doc.issuer_name.clone(), "document.issuer_name".to_string()));
    let mut reported: Vec<String> = Vec::new();
    for (text, path) in &texts {
        for unit in units(text, reg) {
            let (vi, en, help, key) = match &unit {
                Unit::Province(name) => {
                    let Some(p) = reg.province(name) else {
                        continue;
                    };
                    if p.exists_on(day) {
                        continue;
                    }
                    let until = p.until.map(day_vi).unwrap_or_default();
                    let until_en = p.until.map(day_en).unwrap_or_default();
                    let next = reg.province_successor_on(p, day);
                    let basis = p.basis.as_deref().unwrap_or("");
                    let (vi_next, en_next, help) = match next {
                        Some(n) => (
                            format!("; nay thuộc {}", n.full_name()),
                            format!("; it is now part of {}", n.full_name()),
                            t(
                                format!(
                                    "ban hành nhân danh {} (cơ quan ban hành, địa danh)",
                                    n.full_name()
                                ),
                                format!(
                                    "issue it in the name of {} (issuer and place)",
                                    n.full_name()
                                ),
                            ),
                        ),
                        None => (
                            String::new(),
                            String::new(),
                            t("sửa cơ quan ban hành", "correct the issuer"),
                        ),
                    };
                    (
                        format!(
                            "kế hoạch ngày {} nhân danh {} nhưng đơn vị này không còn từ {until} ({basis}){vi_next}",
                            day_vi(day),
                            p.full_name()
                        ),
                        format!(
                            "the plan of {} is issued in the name of {}, which no longer exists from {until_en} ({basis}){en_next}",
                            day_en(day),
                            p.full_name()
                        ),
                        help,
                        p.name.clone(),
                    )
                }
                Unit::District(name) if day >= TWO_TIER => (
                    format!(
                        "kế hoạch ngày {} nhân danh {name}, nhưng cấp huyện không còn từ {} (Nghị quyết 202/2025/QH15)",
                        day_vi(day),
                        day_vi(TWO_TIER)
                    ),
                    format!(
                        "the plan of {} is issued in the name of {name}, but the district level ended on {} (Resolution 202/2025/QH15)",
                        day_en(day),
                        day_en(TWO_TIER)
                    ),
                    t(
                        "ban hành nhân danh UBND tỉnh hoặc UBND xã, phường",
                        "issue it in the name of the provincial or a commune's People's Committee",
                    ),
                    name.clone(),
                ),
                Unit::District(_) => continue,
            };
            if reported.contains(&key) {
                continue;
            }
            reported.push(key);
            out.push(
                RULE.meta.diag(vi, en, locate(cx, text))
                    .with_path(path.clone())
                    .with_label(t("đơn vị không còn tồn tại", "unit no longer exists"))
                    .with_help(help),
            );
        }
    }
    // The place (địa danh) on its own: "Tiền Giang, ngày … 2026".
    if let Some(p) = reg.province(&doc.place) {
        if !p.exists_on(day) && !reported.contains(&p.name) {
            let until = p.until.map(day_vi).unwrap_or_default();
            let until_en = p.until.map(day_en).unwrap_or_default();
            let now = reg
                .province_successor_on(p, day)
                .map(|n| n.name.clone())
                .unwrap_or_default();
            out.push(
                RULE.meta
                    .diag(
                        format!("địa danh \"{}\" là tỉnh không còn từ {until}; nay là {now}", doc.place),
                        format!("the place \"{}\" is a province that no longer exists from {until_en}; it is now {now}", doc.place),
                        locate(cx, &doc.place),
                    )
                    .with_path("document.place")
                    .with_label(t("địa danh cũ", "former place name"))
                    .with_help(t(
                        format!("viết địa danh theo đơn vị hiện nay (\"{now}\")"),
                        format!("write the place of today's unit (\"{now}\")"),
                    )),
            );
        }
    }
}

/// The units a header line or name names: "TỈNH TIỀN GIANG" → Tiền Giang;
/// "Ủy ban nhân dân huyện Châu Thành" → a district.
fn units(text: &str, reg: &crate::vn::agency::Registry) -> Vec<Unit> {
    let lower = crate::vn::case::lower(text);
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (kind, skip) = match (words[i], words.get(i + 1).copied()) {
            ("tỉnh", _) => ("tỉnh", 1),
            ("thành", Some("phố")) => ("thành phố", 2),
            ("tp.", _) | ("tp", _) => ("thành phố", 1),
            ("huyện", _) => ("huyện", 1),
            ("quận", _) => ("quận", 1),
            ("thị", Some("xã")) => ("thị xã", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        let rest: Vec<&str> = words[i + skip..]
            .iter()
            .copied()
            .take_while(|w| !matches!(*w, "tỉnh" | "huyện" | "quận" | "về" | "năm"))
            .collect();
        if rest.is_empty() {
            i += skip;
            continue;
        }
        // The longest run of words that names a provincial unit ("bà rịa - vũng tàu").
        let mut found = None;
        for n in (1..=rest.len().min(5)).rev() {
            let cand = rest[..n].join(" ");
            if let Some(p) = reg.province(&cand) {
                found = Some(p.name.clone());
                break;
            }
        }
        match (kind, found) {
            ("tỉnh" | "thành phố", Some(p)) => out.push(Unit::Province(p)),
            ("huyện" | "quận" | "thị xã", _) | ("thành phố", None) => out.push(
                Unit::District(capitalise(&format!("{kind} {}", rest.join(" ")))),
            ),
            _ => {}
        }
        i += skip + rest.len();
    }
    out
}

/// "huyện châu thành" → "huyện Châu Thành" (the kind stays lower case).
fn capitalise(s: &str) -> String {
    let mut words = s.split(' ');
    let mut out: Vec<String> = Vec::new();
    let kind_len = if s.starts_with("thành phố") || s.starts_with("thị xã") {
        2
    } else {
        1
    };
    for (n, w) in words.by_ref().enumerate() {
        if n < kind_len {
            out.push(w.to_string());
        } else {
            let mut c = w.chars();
            out.push(match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            });
        }
    }
    out.join(" ")
}

/// The first place `needle` is written in the file, or the `document:` key.
fn locate(cx: &Context, needle: &str) -> Span {
    let text: &str = &cx.source.text;
    let whole = Span {
        line: 1,
        column: 1,
        offset: 0,
        len: text.len(),
    };
    let s = cx.sub_span(whole, needle);
    if s == whole {
        cx.top_key_span("document")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_name_units() {
        let reg = crate::vn::agency::Registry::embedded();
        assert_eq!(
            units("TỈNH TIỀN GIANG", reg),
            [Unit::Province("Tiền Giang".into())]
        );
        assert_eq!(
            units("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", reg),
            [Unit::Province("Bà Rịa - Vũng Tàu".into())]
        );
        assert_eq!(
            units("THÀNH PHỐ HỒ CHÍ MINH", reg),
            [Unit::Province("Hồ Chí Minh".into())]
        );
        assert_eq!(
            units("UBND HUYỆN CHÂU THÀNH", reg),
            [Unit::District("huyện Châu Thành".into())]
        );
        assert_eq!(
            units("Ủy ban nhân dân thành phố Pleiku", reg),
            [Unit::District("thành phố Pleiku".into())]
        );
        assert!(units("ỦY BAN NHÂN DÂN", reg).is_empty());
    }
}
