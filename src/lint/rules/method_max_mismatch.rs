//! KH232 method-max-mismatch: a scoring method whose most points differ from the row's
//! maximum, or whose formula is not the catalogue's ("Tỷ lệ/50%*Điểm tối đa" where the
//! decision scores "Tỷ lệ*Điểm tối đa").

use crate::catalogue::Scoring;
use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::method;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

use super::{pts, pts_en, value};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH232",
        name: "method-max-mismatch",
        level: Level::Warning,
        summary: StaticText::new(
            "cách tính điểm cho nhiều nhất khác điểm tối đa, hoặc khác công thức của Bộ chỉ số",
            "a scoring method whose most points differ from the maximum, or whose formula is not the catalogue's",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "cách tính điểm chép sai là lỗi khó thấy: \"1/2 × Điểm tối đa\" chép từ một phần của chỉ số 30 điểm sang chỉ số con 15 điểm làm tỉnh đạt yêu cầu cũng chỉ được 7,5 điểm; \"Tỷ lệ/50% × Điểm tối đa\" thay cho \"Tỷ lệ × Điểm tối đa\" cho gấp đôi số điểm. Điểm cao nhất mà cách tính cho được so với điểm tối đa của dòng (cộng các phần khi Bộ chỉ số chia chỉ số thành phần), công thức tỷ lệ so với quy tắc của Bộ chỉ số",
                "a mis-copied method is hard to spot: \"1/2 × Điểm tối đa\" copied from one half of a 30-point indicator onto its 15-point sub-indicator gives a province that meets it only 7.5 points; \"Tỷ lệ/50% × Điểm tối đa\" for \"Tỷ lệ × Điểm tối đa\" doubles the points. The most the method can award is compared with the row's maximum (parts added up when the catalogue splits the indicator into parts), a rate formula with the catalogue's rule",
            ),
            bad: "tasks:\n  - id: pl-3.5.2\n    indicators: [\"3.5.2\"]\n    max_points: 15\n    method: \"- Kết nối với Nền tảng điện toán đám mây Chính phủ: 1/2*Điểm tối đa; - Chưa kết nối: 0 điểm\"\n",
            good: "tasks:\n  - id: pl-3.5.2\n    indicators: [\"3.5.2\"]\n    max_points: 15\n    method: \"- Kết nối với Nền tảng điện toán đám mây Chính phủ: Điểm tối đa; - Chưa kết nối: 0 điểm\"\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let texts = cx.texts();
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        let Some(m) = &task.method else { continue };
        if super::common::method_from_catalogue(cx, task, m) {
            continue;
        }
        if m.trim().is_empty() {
            continue;
        }
        let path = format!("tasks[{i}].method");
        let code = match task.indicators.as_slice() {
            [c] => Some(crate::lint::trim(&c.value).to_string()),
            _ => None,
        };
        let entry = code.as_deref().and_then(|c| cx.catalogue.and_then(|k| k.get(c)));
        let scoring = code.as_deref().and_then(|c| scoring_of(cx, c));
        let max = task
            .max_points
            .as_ref()
            .and_then(|p| value(&p.value))
            .or(entry.and_then(|e| e.max_points));
        let Some(max) = max.filter(|m| *m > 0.0) else {
            continue;
        };
        let read = method::read(m);
        let with_code = |d: Diagnostic| match &code {
            Some(c) => d.with_indicator(c.clone()),
            None => d,
        };
        if let (Some((v, r)), Some(s)) = (&read.divided_by, &scoring) {
            let p = crate::vn::number::format(v * 100.0, 2);
            let expected = match s {
                Scoring::Ratio { .. } => Some(("Tỷ lệ × Điểm tối đa".to_string(), true)),
                Scoring::RatioThreshold { threshold, .. } if (threshold - v).abs() > 1e-9 => Some((
                    format!("Tỷ lệ/{}% × Điểm tối đa", crate::vn::number::format(threshold * 100.0, 2)),
                    true,
                )),
                _ => None,
            };
            if let Some((formula, _)) = expected {
                out.push(with_code(
                    RULE.meta
                        .diag(
                            format!("cách tính chia tỷ lệ cho {p}% nhưng Bộ chỉ số tính {formula}"),
                            format!("the method divides the rate by {p}% but the catalogue scores {formula}"),
                            texts.span(&path, m, r.start, r.end),
                        )
                        .with_path(path.clone())
                        .with_label(t("công thức khác", "another formula"))
                        .with_help(t(
                            format!("dùng công thức của Bộ chỉ số: Điểm = {formula}"),
                            format!("use the catalogue's formula: Điểm = {formula}"),
                        )),
                ));
                continue;
            }
        }
        let additive = matches!(scoring, Some(Scoring::Parts { .. }));
        let Some(most) = read.most(max, additive) else {
            continue;
        };
        if (most - max).abs() <= 0.01 {
            continue;
        }
        let span = texts.scalar_span(&path).unwrap_or(task.id.span);
        out.push(with_code(
            RULE.meta
                .diag(
                    format!("cách tính điểm cho nhiều nhất {} trên {} điểm tối đa", pts(most), pts(max)),
                    format!("the method awards at most {} of the {} points", pts_en(most), pts_en(max)),
                    span,
                )
                .with_path(path)
                .with_label(t("điểm cao nhất", "the most it awards"))
                .with_help(t(
                    "đối chiếu các mức điểm với Bộ chỉ số (`kehoach catalogue show MÃ`): mức cao nhất phải bằng điểm tối đa",
                    "compare the levels with the catalogue (`kehoach catalogue show CODE`): the best level must give the maximum",
                )),
        ));
    }
}

/// The catalogue's scoring rule of a code.
fn scoring_of(cx: &Context, code: &str) -> Option<Scoring> {
    fn find<'e>(es: &'e [crate::catalogue::Entry], code: &str) -> Option<&'e crate::catalogue::Entry> {
        for e in es {
            if crate::lint::trim(&e.code.value) == code {
                return Some(e);
            }
            if let Some(f) = find(&e.children, code) {
                return Some(f);
            }
        }
        None
    }
    let cat = cx.catalogue?;
    find(&cat.catalogue.indices, code)?.scoring.clone()
}
