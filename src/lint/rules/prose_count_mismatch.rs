//! KH532 prose-count-mismatch: a count written in prose that the catalogue or the
//! plan's own list contradicts: "9 chỉ số chính và 98 chỉ số thành phần", "Hạ tầng số
//! (7 CSTP)", "03 (3.4, 3.5, 3.7)", "30 chỉ số thành phần đạt điểm tối đa" (against the
//! baseline's points).

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::prose::{Count, Counted, counts};
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};
use crate::lint::text::TextField;
use crate::plan::PointsClass;

use super::{Num, num};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH532",
        name: "prose-count-mismatch",
        level: Level::Warning,
        summary: StaticText::new(
            "số lượng chỉ số viết trong văn bản không khớp Bộ chỉ số hoặc danh sách đi kèm",
            "a count of indicators in prose that the catalogue or the list beside it contradicts",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "kế hoạch thường mô tả Bộ chỉ số (\"9 chỉ số chính và 98 chỉ số thành phần\", \"Hạ tầng số (7 CSTP)\") và đếm các chỉ số theo nhóm kết quả (\"03 (3.4, 3.5, 3.7)\"); một con số sai làm lệch cả phần đánh giá. Số được so với Bộ chỉ số mà kế hoạch áp dụng, với danh sách mã viết ngay sau nó, và số chỉ số theo kết quả (\"30 chỉ số thành phần đạt điểm tối đa\") với điểm từng chỉ số của chính kế hoạch",
                "plans describe the catalogue (\"9 chỉ số chính và 98 chỉ số thành phần\", \"Hạ tầng số (7 CSTP)\") and count indicators by result (\"03 (3.4, 3.5, 3.7)\"); one wrong figure skews the whole assessment. Counts are checked against the catalogue the plan pins, against the list of codes written right after them, and counts by result (\"30 chỉ số thành phần đạt điểm tối đa\") against the plan's own points for each indicator",
            ),
            bad: "baseline:\n  year: 2022\n  text: \"Các tiêu chí không đạt điểm: 02 (3.4, 3.5, 3.7).\"\n",
            good: "baseline:\n  year: 2022\n  text: \"Các tiêu chí không đạt điểm: 03 (3.4, 3.5, 3.7).\"\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalogue else { return };
    let texts = cx.texts();
    let mains: Vec<(String, String)> = cat
        .entries()
        .iter()
        .filter(|e| e.depth == 1)
        .map(|e| (e.code.clone(), e.name.clone()))
        .collect();
    let n_main = mains.len() as u32;
    let n_ind = cat.entries().iter().filter(|e| e.depth == 2).count() as u32;
    // The words a count is about (searchers built once, not per field).
    static ABOUT: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        std::sync::LazyLock::new(|| {
            ["chỉ số", "CSTP", "tiêu chí"].map(memchr::memmem::Finder::new)
        });
    for f in texts.fields() {
        let hay = f.text.as_bytes();
        if !ABOUT.iter().any(|w| w.find(hay).is_some()) && memchr::memchr(b'(', hay).is_none() {
            continue;
        }
        for c in counts(&f.text, &mains) {
            if let Counted::Class { class, year } = &c.what {
                if let Some(d) = class_count(cx, f, &c, *class, *year) {
                    out.push(d);
                }
                continue;
            }
            let (want, vi, en, indicator) = match &c.what {
                Counted::MainIndices => (
                    n_main,
                    format!("Bộ chỉ số có {n_main} chỉ số chính"),
                    format!("the catalogue has {n_main} main indices"),
                    None,
                ),
                Counted::Indicators => (
                    n_ind,
                    format!("Bộ chỉ số có {n_ind} chỉ số thành phần"),
                    format!("the catalogue has {n_ind} indicators"),
                    None,
                ),
                Counted::IndicatorsOf(code) => {
                    let Some(e) = cat.get(code) else { continue };
                    let k = e.children.len() as u32;
                    (
                        k,
                        format!("chỉ số chính {code} ({}) có {k} chỉ số thành phần", e.name),
                        format!("main index {code} ({}) has {k} indicators", e.name),
                        Some(code.clone()),
                    )
                }
                Counted::Class { .. } => continue,
                Counted::Listed(codes) => {
                    let k = codes.len() as u32;
                    (
                        k,
                        format!("danh sách ngay sau liệt kê {k} mã ({})", codes.join(", ")),
                        format!("the list right after it names {k} codes ({})", codes.join(", ")),
                        None,
                    )
                }
            };
            if c.n == want {
                continue;
            }
            let mut d = RULE
                .meta
                .diag(
                    format!("văn bản ghi {} nhưng {vi}", c.n),
                    format!("the text says {} but {en}", c.n),
                    texts.phrase(f, c.range.clone()),
                )
                .with_path(f.path.clone())
                .with_label(t("số lượng", "the count"))
                .with_help(t(
                    format!("sửa thành {want}, hoặc kiểm tra lại danh sách với bản gốc"),
                    format!("write {want}, or check the list against the original"),
                ));
            if let Some(code) = indicator {
                d = d.with_indicator(code);
            }
            out.push(d);
        }
    }
}

/// How many of the catalogue's scored indicators the baseline puts in `class`: at least
/// the ones it states so (a class, or a figure: the maximum is full, 0 is zero, between
/// is partial), at most those plus the ones it leaves open (absent, blank, unreadable).
fn class_bounds(cx: &Context, class: PointsClass) -> Option<(u32, u32)> {
    let cat = cx.catalogue?;
    let b = cx.plan.baseline.as_ref()?;
    if b.indicators.is_empty() {
        return None;
    }
    let (mut known, mut open) = (0u32, 0u32);
    for e in cat.entries().iter().filter(|e| e.depth == 2) {
        let Some(max) = e.max_points.filter(|m| *m > 0.0) else {
            continue;
        };
        let stated = cx.baseline_rows(&e.code).first().map(|&i| &b.indicators[i]);
        let got = stated.and_then(|x| {
            x.status.or_else(|| match x.points.as_ref().map(|p| num(&p.value)) {
                Some(Num::Value(v)) if v >= max - 1e-9 => Some(PointsClass::Full),
                Some(Num::Value(v)) if v.abs() < 1e-9 => Some(PointsClass::Zero),
                Some(Num::Value(_)) => Some(PointsClass::Partial),
                _ => None,
            })
        });
        match got {
            Some(c) if c == class => known += 1,
            Some(_) => {}
            None => open += 1,
        }
    }
    Some((known, known + open))
}

/// "30 chỉ số thành phần đạt điểm tối đa" against the baseline's own figures, for a
/// sentence about the baseline's year (or naming none).
fn class_count(
    cx: &Context,
    f: &TextField,
    c: &Count,
    class: PointsClass,
    year: Option<i32>,
) -> Option<Diagnostic> {
    let b = cx.plan.baseline.as_ref()?;
    if year.is_some_and(|y| y != b.year) {
        return None;
    }
    let (lo, hi) = class_bounds(cx, class)?;
    if (lo..=hi).contains(&c.n) {
        return None;
    }
    let (vi_class, en_class) = match class {
        PointsClass::Full => ("đạt điểm tối đa", "at full points"),
        PointsClass::Partial => ("chưa đạt điểm tối đa", "below full points"),
        PointsClass::Zero => ("không có điểm", "at zero"),
    };
    let (vi_n, en_n) = if lo == hi {
        (format!("{lo}"), format!("{lo}"))
    } else {
        (format!("từ {lo} đến {hi}"), format!("{lo} to {hi}"))
    };
    Some(
        RULE.meta
            .diag(
                format!(
                    "văn bản ghi {} chỉ số thành phần {vi_class} nhưng số liệu năm {} của kế hoạch cho {vi_n}",
                    c.n, b.year
                ),
                format!(
                    "the text says {} indicators {en_class} but the plan's {} figures give {en_n}",
                    c.n, b.year
                ),
                cx.texts().phrase(f, c.range.clone()),
            )
            .with_path(f.path.clone())
            .with_label(t("số lượng", "the count"))
            .with_help(t(
                "đối chiếu số lượng với điểm từng chỉ số trong bảng đánh giá (phụ lục) và sửa chỗ sai",
                "check the count against each indicator's points in the assessment table (appendix) and correct whichever is wrong",
            )),
    )
}
