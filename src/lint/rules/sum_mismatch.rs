//! KH502 sum-mismatch: a stated total or main-index score that is not the sum of its
//! parts.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::lint::arith;

use super::{pts, pts_en};

/// Rounding allowed per summand.
pub const TOLERANCE: f64 = arith::TOLERANCE;

/// The baseline total, each main index and each indicator against the bounds its parts
/// give (see `lint::arith`): a stated part is a value, a class (full, partial, zero) a
/// range, an unknown or unreadable part [0, its maximum]. Checked against the leaves, so
/// one wrong subtotal is one finding; a 0–1 index value (DTI 2021) counts as that
/// fraction of the index's maximum.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH502",
        name: "sum-mismatch",
        level: Level::Error,
        summary: StaticText::new(
            "tổng điểm ghi trong kế hoạch khác tổng các thành phần",
            "a stated total differs from the sum of its parts",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "điểm DTI của tỉnh là tổng điểm 8 chỉ số chính có điểm, và điểm mỗi chỉ số chính là tổng điểm các chỉ số thành phần. Tổng ghi tay không khớp (cho phép sai số làm tròn 0,01 điểm cho mỗi số hạng) nghĩa là có một con số chép sai, và phân tích dựa trên nó sai theo",
                "a province's DTI score is the sum of its 8 scored main indices, and each main index is the sum of its indicators. A hand-written total that does not add up (0.01 rounding allowed per summand) means one figure was copied wrong, and the analysis built on it is wrong too",
            ),
            bad: "baseline:\n  year: 2022\n  total: 40\n  indices:\n    - {code: \"1\", points: 15}\n    - {code: \"6\", points: 27.5}\n",
            good: "baseline:\n  year: 2022\n  total: 42.5\n  indices:\n    - {code: \"1\", points: 15}\n    - {code: \"6\", points: 27.5}\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(cat), Some(b)) = (cx.catalogue, &cx.plan.baseline) else {
        return;
    };
    for m in arith::check(cat, b) {
        let (what_vi, what_en) = match &m.code {
            None => ("tổng điểm DTI".to_string(), "the DTI total".to_string()),
            Some(c) if cat.get(c).is_some_and(|e| e.depth == 1) => {
                (format!("điểm chỉ số chính {c}"), format!("main index {c}"))
            }
            Some(c) => (format!("điểm chỉ số {c}"), format!("indicator {c}")),
        };
        // A 0–1 index value is shown as written and as the points it stands for.
        let (stated_vi, stated_en) = match m.scale {
            Some(_) => (
                format!("{} (= {} điểm)", num_vi(m.written), pts(m.stated)),
                format!("{} (= {} points)", num_en(m.written), pts_en(m.stated)),
            ),
            // A figure published with more decimals than points have ("60.735") is
            // quoted as written, not rounded to a figure the plan does not state.
            None if ((m.stated * 100.0).round() / 100.0 - m.stated).abs() > 1e-9 => {
                let en = format!("{:.4}", m.stated)
                    .trim_end_matches('0')
                    .trim_end_matches('.')
                    .to_string();
                (en.replace('.', ","), en)
            }
            None => (pts(m.stated), pts_en(m.stated)),
        };
        let (parts_vi, parts_en) = if m.exact() {
            (
                format!("tổng các thành phần là {}", pts(m.lo)),
                format!("its parts add up to {}", pts_en(m.lo)),
            )
        } else if m.stated < m.lo {
            (
                format!(
                    "các thành phần đã biết đã là {} (tối đa {})",
                    pts(m.lo),
                    pts(m.hi)
                ),
                format!(
                    "its known parts already add up to {} (at most {})",
                    pts_en(m.lo),
                    pts_en(m.hi)
                ),
            )
        } else {
            (
                format!(
                    "các thành phần chỉ cho được tối đa {} (kể cả điểm tối đa của các thành phần chưa biết)",
                    pts(m.hi)
                ),
                format!(
                    "its parts can give at most {} (counting the unknown ones at their maximum)",
                    pts_en(m.hi)
                ),
            )
        };
        let cause = |vi: bool| {
            m.above_max
                .iter()
                .map(|(c, v, max)| {
                    if vi {
                        format!("{c} ghi {} vượt điểm tối đa {}", pts(*v), pts(*max))
                    } else {
                        format!("{c} is stated as {} above its maximum {}", pts_en(*v), pts_en(*max))
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let (msg_vi, msg_en) = if m.above_max.is_empty() {
            (
                format!("{what_vi} ghi {stated_vi} nhưng {parts_vi}"),
                format!("{what_en} stated as {stated_en} but {parts_en}"),
            )
        } else {
            (
                format!(
                    "{what_vi} ghi {stated_vi} nhưng {parts_vi}, vì {}",
                    cause(true)
                ),
                format!(
                    "{what_en} stated as {stated_en} but {parts_en}, because {}",
                    cause(false)
                ),
            )
        };
        let (label_vi, label_en) = if m.exact() {
            (format!("tổng đúng: {}", pts(m.lo)), format!("sum: {}", pts_en(m.lo)))
        } else {
            (
                format!("khoảng hợp lệ: {} – {}", pts(m.lo), pts(m.hi)),
                format!("possible: {} – {}", pts_en(m.lo), pts_en(m.hi)),
            )
        };
        let mut d = RULE
            .meta
            .diag(msg_vi, msg_en, m.span)
            .with_path(m.path.clone())
            .with_label(t(label_vi, label_en))
            .with_help(t(
                "đối chiếu từng thành phần với kết quả Bộ công bố, rồi sửa số sai",
                "check each part against the published results, then fix the wrong figure",
            ));
        if let Some(c) = &m.code {
            d = d.with_indicator(c.clone());
        }
        out.push(d);
    }
}

/// A 0–1 index value as written in Vietnamese ("0,4000") and English ("0.4000").
fn num_vi(v: f64) -> String {
    format!("{v:.4}").replace('.', ",")
}

fn num_en(v: f64) -> String {
    format!("{v:.4}")
}
