//! KH532 prose-count-mismatch: a count written in prose that the catalogue or the
//! plan's own list contradicts: "9 chỉ số chính và 98 chỉ số thành phần", "Hạ tầng số
//! (7 CSTP)", "03 (3.4, 3.5, 3.7)".

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::prose::{Counted, counts};
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

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
                "kế hoạch thường mô tả Bộ chỉ số (\"9 chỉ số chính và 98 chỉ số thành phần\", \"Hạ tầng số (7 CSTP)\") và đếm các chỉ số theo nhóm kết quả (\"03 (3.4, 3.5, 3.7)\"); một con số sai làm lệch cả phần đánh giá. Số được so với Bộ chỉ số mà kế hoạch áp dụng và với danh sách mã viết ngay sau nó",
                "plans describe the catalogue (\"9 chỉ số chính và 98 chỉ số thành phần\", \"Hạ tầng số (7 CSTP)\") and count indicators by result (\"03 (3.4, 3.5, 3.7)\"); one wrong figure skews the whole assessment. Counts are checked against the catalogue the plan pins and against the list of codes written right after them",
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
    for f in texts.fields() {
        if !f.text.contains("chỉ số") && !f.text.contains("CSTP") && !f.text.contains("tiêu chí") && !f.text.contains('(') {
            continue;
        }
        for c in counts(&f.text, &mains) {
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
