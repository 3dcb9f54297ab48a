//! KH501 points-above-max: points beyond what the indicator can earn.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::plan::Figure;
use crate::source::Spanned;

use super::{pts, pts_en, value};

/// Baseline or target points above the maximum (the catalogue's, or the one the plan's
/// own table states), or below zero.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH501",
        name: "points-above-max",
        level: Level::Error,
        summary: StaticText::new(
            "điểm vượt điểm tối đa của chỉ số",
            "points above the indicator's maximum",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "không chỉ số nào đạt quá điểm tối đa của nó; điểm hiện trạng vượt tối đa là lỗi chép số liệu (nhầm cột điểm với cột tối đa, nhầm dấu thập phân 6.67 / 667) và làm sai mọi phân tích khoảng cách điểm",
                "no indicator earns more than its maximum; baseline points above it are a copying slip (points and maximum columns swapped, a decimal mark lost: 6.67 / 667) and spoil every gap analysis built on them",
            ),
            bad: "baseline:\n  year: 2022\n  indicators:\n    - code: \"1.1\"\n      points: 15\n",
            good: "baseline:\n  year: 2022\n  indicators:\n    - code: \"1.1\"\n      points: 10\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if super::other_methodology(cx) {
        return;
    }
    let cat_max = |code: &str| {
        cx.catalogue
            .and_then(|c| c.get(code))
            .and_then(|e| e.max_points)
    };
    let mut check = |code: &str, points: &Spanned<Figure>, max: Option<f64>, path: String| {
        let Some(p) = value(points) else { return };
        let (vi, en) = if p < 0.0 {
            (
                format!("điểm của {code} là {} (âm)", pts(p)),
                format!("points of {code} are {} (negative)", pts_en(p)),
            )
        } else if let Some(m) = max.filter(|m| p > m + 0.005) {
            (
                format!("điểm của {code} là {}, vượt điểm tối đa {}", pts(p), pts(m)),
                format!(
                    "points of {code} are {}, above the maximum {}",
                    pts_en(p),
                    pts_en(m)
                ),
            )
        } else {
            return;
        };
        out.push(
            RULE.meta.diag(vi, en, points.span)
                .with_path(path)
                .with_indicator(code)
                .with_label(t("vượt giới hạn", "out of range"))
                .with_help(t(
                    "đối chiếu lại với kết quả DTI Bộ công bố",
                    "check the figure against the DTI results the ministry published",
                )),
        );
    };
    if let Some(b) = &cx.plan.baseline {
        for (i, x) in b.indices.iter().enumerate() {
            let code = crate::lint::trim(&x.code.value);
            let max = x
                .max_points
                .as_ref()
                .and_then(|m| value(m))
                .or_else(|| cat_max(code));
            check(
                code,
                &x.points,
                max,
                format!("baseline.indices[{i}].points"),
            );
        }
        for (i, x) in b.indicators.iter().enumerate() {
            let code = crate::lint::trim(&x.code.value);
            if let Some(p) = &x.points {
                check(
                    code,
                    p,
                    cat_max(code),
                    format!("baseline.indicators[{i}].points"),
                );
            }
        }
    }
    if let Some(g) = &cx.plan.goals {
        for (i, x) in g.targets.iter().enumerate() {
            let code = crate::lint::trim(&x.code.value);
            if let Some(p) = &x.points {
                check(code, p, cat_max(code), format!("goals.targets[{i}].points"));
            }
        }
    }
}
