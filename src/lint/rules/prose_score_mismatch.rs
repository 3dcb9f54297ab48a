//! KH531 prose-score-mismatch: a score written in prose ("đạt 0,73/10 điểm") whose
//! maximum is not the catalogue's (the sum of the maxima when one sentence is about
//! several indicators), whose points exceed that maximum, or whose points differ from
//! the plan's own figure for the indicator.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::prose::{codes_of, scores};
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};
use crate::lint::rules::{other_methodology, pts, pts_en, value};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH531",
        name: "prose-score-mismatch",
        level: Level::Warning,
        summary: StaticText::new(
            "điểm viết trong văn bản (x/y điểm) không khớp Bộ chỉ số hoặc số liệu của kế hoạch",
            "a score written in prose (x/y điểm) that disagrees with the catalogue or the plan's figures",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "phần đánh giá hiện trạng và ghi chú thường viết điểm dạng \"đạt 0,73/10 điểm\"; thang điểm y phải là điểm tối đa của chỉ số trong Bộ chỉ số (tổng điểm tối đa khi một câu nói về nhiều chỉ số), điểm x không vượt y và bằng điểm kế hoạch ghi cho chỉ số đó. Sai thang điểm làm người đọc hiểu sai chỉ số mất bao nhiêu điểm",
                "baseline analyses and notes write scores as \"đạt 0,73/10 điểm\"; the maximum y must be the indicator's maximum in the catalogue (the sum of the maxima when one sentence covers several indicators), the points x cannot exceed y and must equal the plan's own figure for the indicator. A wrong maximum misleads the reader about how many points the indicator loses",
            ),
            bad: "baseline:\n  year: 2022\n  indicators:\n    - code: \"1.1\"\n      points: 5\n      note: \"Trưởng ban chỉ đạo: đạt 5/20 điểm.\"\n",
            good: "baseline:\n  year: 2022\n  indicators:\n    - code: \"1.1\"\n      points: 5\n      note: \"Trưởng ban chỉ đạo: đạt 5/10 điểm.\"\n",
        },
    },
    check: Check::Plan(check),
};

const EPS: f64 = 0.005;

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalogue else { return };
    let plan = cx.plan;
    let texts = cx.texts();
    let old = other_methodology(cx);
    for f in texts.fields() {
        if !f.text.contains("điểm") {
            continue;
        }
        let found = scores(&f.text);
        if found.is_empty() {
            continue;
        }
        // A baseline of another methodology is scored on another scale.
        if old && f.path.starts_with("baseline.") {
            continue;
        }
        let codes = codes_of(plan, f);
        // Only when the field speaks about indicators, and about one score: a sentence
        // with several scores cannot be told apart.
        if codes.is_empty() || found.len() > 1 {
            continue;
        }
        let s = &found[0];
        let maxima: Option<Vec<f64>> = codes
            .iter()
            .map(|c| cat.get(c).and_then(|e| e.max_points))
            .collect();
        let list = codes.join(", ");
        if let Some(maxima) = maxima {
            let total: f64 = maxima.iter().sum();
            if total > 0.0 && (s.of - total).abs() > EPS {
                let what_vi = if codes.len() > 1 {
                    format!("tổng điểm tối đa của {list} là {}", pts(total))
                } else {
                    format!("chỉ số {list} có điểm tối đa {}", pts(total))
                };
                let what_en = if codes.len() > 1 {
                    format!("{list} are worth {} together", pts_en(total))
                } else {
                    format!("{list} is worth {}", pts_en(total))
                };
                out.push(
                    RULE.meta
                        .diag(
                            format!("điểm ghi trên thang {} nhưng {what_vi}", pts(s.of)),
                            format!("scored out of {} but {what_en}", pts_en(s.of)),
                            texts.phrase(f, s.range.clone()),
                        )
                        .with_path(f.path.clone())
                        .with_indicator(codes[0].clone())
                        .with_label(t("thang điểm", "the maximum"))
                        .with_help(t(
                            format!("viết \"{}/{} điểm\" theo Bộ chỉ số, hoặc kiểm tra lại chỉ số được nói tới", pts(s.got), pts(total)),
                            format!("write \"{}/{} điểm\" as the catalogue has it, or check which indicator is meant", pts(s.got), pts(total)),
                        )),
                );
                continue;
            }
        }
        if s.got > s.of + EPS {
            out.push(
                RULE.meta
                    .diag(
                        format!("{} điểm vượt thang điểm {} viết ngay bên cạnh", pts(s.got), pts(s.of)),
                        format!("{} points exceed the maximum of {} written beside them", pts_en(s.got), pts_en(s.of)),
                        texts.phrase(f, s.range.clone()),
                    )
                    .with_path(f.path.clone())
                    .with_indicator(codes[0].clone())
                    .with_label(t("vượt thang điểm", "above the maximum"))
                    .with_help(t(
                        "kiểm tra lại điểm đạt với kết quả Bộ công bố",
                        "check the points against the published result",
                    )),
            );
            continue;
        }
        // The plan's own figure for a single indicator, when the text is of that year.
        let [code] = codes.as_slice() else { continue };
        let Some(b) = &plan.baseline else { continue };
        let other_year = years_named(&f.text[..s.range.start]).any(|y| y != b.year);
        if other_year {
            continue;
        }
        let stated = b
            .indicators
            .iter()
            .find(|x| crate::lint::trim(&x.code.value) == code)
            .and_then(|x| x.points.as_ref())
            .and_then(|p| value(&p.value));
        if let Some(p) = stated {
            if (p - s.got).abs() > EPS {
                out.push(
                    RULE.meta
                        .diag(
                            format!("văn bản ghi {} điểm nhưng hiện trạng của kế hoạch ghi {code} đạt {}", pts(s.got), pts(p)),
                            format!("the text says {} points but the plan's baseline gives {code} {}", pts_en(s.got), pts_en(p)),
                            texts.phrase(f, s.got_range.clone()),
                        )
                        .with_path(f.path.clone())
                        .with_indicator(code.clone())
                        .with_label(t("khác số liệu", "differs from the figures"))
                        .with_help(t(
                            "thống nhất điểm trong văn bản với bảng kết quả",
                            "make the text agree with the results table",
                        )),
                );
            }
        }
    }
}

/// Every year 2000–2099 written as "năm YYYY" or "Năm YYYY" in `text`, in order.
fn years_named(text: &str) -> impl Iterator<Item = i32> + '_ {
    text.match_indices("ăm ").filter_map(move |(i, m)| {
        let before = text[..i].chars().next_back()?;
        if before != 'n' && before != 'N' {
            return None;
        }
        let digits = text.get(i + m.len()..i + m.len() + 4)?;
        let y: i32 = digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())??;
        (2000..2100).contains(&y).then_some(y)
    })
}

#[cfg(test)]
mod tests {
    use super::years_named;

    #[test]
    fn years_are_read_after_nam_in_either_case() {
        let y: Vec<i32> = years_named("Năm 2023 đạt 5/10 điểm; năm 2024, năm 19, năm 1999").collect();
        assert_eq!(y, [2023, 2024]);
        assert_eq!(years_named("trong năm nay").count(), 0);
        assert_eq!(years_named("nằm 2023").count(), 0);
    }
}
