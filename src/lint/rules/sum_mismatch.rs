//! KH502 sum-mismatch: a stated total or main-index score that is not the sum of its
//! parts.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::plan::Figure;
use crate::source::Spanned;

use super::{pts, pts_en, value};

/// Rounding allowed per summand.
pub const TOLERANCE: f64 = 0.01;

/// The baseline total against the main indices, a main index against its indicators and
/// an indicator against its sub-indicators, whenever the plan states every part.
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
            bad: "baseline:\n  year: 2022\n  total: 630\n  indices:\n    - {code: \"1\", points: 60}\n    - {code: \"2\", points: 567.42}\n",
            good: "baseline:\n  year: 2022\n  total: 627.42\n  indices:\n    - {code: \"1\", points: 60}\n    - {code: \"2\", points: 567.42}\n",
        },
    },
    check: Check::Plan(check),
};

fn mismatch(
    what: (&str, &str),
    stated: &Spanned<Figure>,
    parts: &[f64],
    path: String,
    indicator: Option<&str>,
) -> Option<Diagnostic> {
    let s = value(stated)?;
    let sum: f64 = parts.iter().sum();
    let tol = TOLERANCE * parts.len().max(1) as f64 + 1e-9;
    if (s - sum).abs() <= tol {
        return None;
    }
    let mut d = RULE.meta
        .diag(
            format!(
                "{} ghi {} nhưng tổng các thành phần là {}",
                what.0,
                pts(s),
                pts(sum)
            ),
            format!(
                "{} stated as {} but its parts add up to {}",
                what.1,
                pts_en(s),
                pts_en(sum)
            ),
            stated.span,
        )
        .with_path(path)
        .with_label(t(
            format!("tổng đúng: {}", pts(sum)),
            format!("sum: {}", pts_en(sum)),
        ))
        .with_help(t(
            "đối chiếu từng thành phần với kết quả Bộ công bố, rồi sửa số sai",
            "check each part against the published results, then fix the wrong figure",
        ));
    if let Some(c) = indicator {
        d = d.with_indicator(c);
    }
    Some(d)
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if super::other_methodology(cx) {
        return;
    }
    let Some(b) = &cx.plan.baseline else { return };
    if let Some(total) = &b.total {
        let parts: Option<Vec<f64>> = b.indices.iter().map(|x| value(&x.points)).collect();
        // Index values between 0 and 1 (the DTI 2021 method) are not additive points.
        let fractional = parts.as_ref().is_some_and(|p| p.iter().all(|v| *v <= 1.0))
            && value(total).is_some_and(|t| t <= 1.0);
        if let Some(parts) = parts.filter(|p| !p.is_empty() && !fractional) {
            out.extend(mismatch(
                ("tổng điểm DTI", "the DTI total"),
                total,
                &parts,
                "baseline.total".into(),
                None,
            ));
        }
    }
    let Some(cat) = cx.catalogue else { return };
    let points_of = |code: &str| {
        b.indicators
            .iter()
            .find(|x| x.code.value.trim() == code)
            .and_then(|x| x.points.as_ref())
            .and_then(|p| value(p))
    };
    // A main index against its indicators.
    for (i, x) in b.indices.iter().enumerate() {
        let code = x.code.value.trim();
        let Some(entry) = cat.get(code) else { continue };
        let parts: Option<Vec<f64>> = entry.children.iter().map(|c| points_of(c)).collect();
        if let Some(parts) = parts.filter(|p| !p.is_empty()) {
            out.extend(mismatch(
                (
                    &format!("điểm chỉ số chính {code}"),
                    &format!("main index {code}"),
                ),
                &x.points,
                &parts,
                format!("baseline.indices[{i}].points"),
                Some(code),
            ));
        }
    }
    // An indicator against its sub-indicators.
    for (i, x) in b.indicators.iter().enumerate() {
        let code = x.code.value.trim();
        let (Some(entry), Some(p)) = (cat.get(code), &x.points) else {
            continue;
        };
        let parts: Option<Vec<f64>> = entry.children.iter().map(|c| points_of(c)).collect();
        if let Some(parts) = parts.filter(|p| !p.is_empty()) {
            out.extend(mismatch(
                (&format!("điểm chỉ số {code}"), &format!("indicator {code}")),
                p,
                &parts,
                format!("baseline.indicators[{i}].points"),
                Some(code),
            ));
        }
    }
}
