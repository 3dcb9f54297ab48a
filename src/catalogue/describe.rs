//! A scoring rule explained in Vietnamese words (for `kehoach catalogue show`).

use super::model::{InputKind, Scoring};
use crate::vn::number::points as fmt;

/// A percentage as Vietnamese documents write it: 0.8 → "80%", 0.075 → "7,5%".
pub fn percent(fraction: f64) -> String {
    format!("{}%", crate::vn::number::format(fraction * 100.0, 2))
}

/// Explain a rule in Vietnamese, one line per statement. `max` is the points the rule
/// stands for (the entry's max, or a part's share of it).
pub fn describe(rule: &Scoring, max: Option<f64>) -> Vec<String> {
    let pts = |f: f64| match max {
        Some(m) => format!("{} điểm", fmt(m * f)),
        None => format!("{} × điểm tối đa", fmt(f)),
    };
    match rule {
        Scoring::Binary { of } => vec![format!(
            "Có/không ({of}): có thì đạt {}, chưa có thì 0 điểm",
            pts(1.0)
        )],
        Scoring::Tiers { of, levels } => {
            let choice = levels.iter().all(|l| l.min.is_none());
            let mut out = vec![if choice {
                format!("Theo mức ({of} chọn một mức theo mã hoặc số thứ tự):")
            } else {
                format!("Theo mức của {of} (xét từ trên xuống, mức đầu tiên đạt được):")
            }];
            for (i, l) in levels.iter().enumerate() {
                let id =
                    l.id.as_deref()
                        .map(|id| format!(" [{id}]"))
                        .unwrap_or_default();
                let min = l
                    .min
                    .map(|m| format!(" (từ {})", fmt(m)))
                    .unwrap_or_default();
                out.push(format!(
                    "  {}.{id} {}{min}: {}",
                    i + 1,
                    l.label,
                    pts(l.fraction)
                ));
            }
            out
        }
        Scoring::Ratio { of } => vec![format!(
            "Tỷ lệ = {of} (tối đa 100%); Điểm = Tỷ lệ × {}",
            max.map_or("điểm tối đa".into(), |m| format!("{} điểm", fmt(m)))
        )],
        Scoring::RatioThreshold { of, threshold } => vec![
            format!("Tỷ lệ = {of}"),
            format!("Tỷ lệ ≥ {}: {}", percent(*threshold), pts(1.0)),
            format!(
                "Tỷ lệ < {}: Điểm = Tỷ lệ × {} / {}",
                percent(*threshold),
                max.map_or("điểm tối đa".into(), |m| format!("{} điểm", fmt(m))),
                percent(*threshold)
            ),
        ],
        Scoring::MinMax { of, best, worst } => vec![
            format!(
                "Min-Max theo giá trị {of}: tỉnh cao nhất đạt {}, giảm dần",
                pts(1.0)
            ),
            format!(
                "Điểm = ({of} − {w}) / ({best} − {w}) × điểm tối đa, với {best} là giá trị của tỉnh cao nhất{}",
                worst
                    .as_deref()
                    .map(|w| format!(", {w} là giá trị của tỉnh thấp nhất"))
                    .unwrap_or_else(|| " (thấp nhất = 0)".into()),
                w = worst.as_deref().unwrap_or("0"),
            ),
            "Không tính được tại địa phương nếu thiếu giá trị của tỉnh cao nhất: lấy điểm công bố"
                .into(),
        ],
        Scoring::CappedCount { of, per_item, cap } => vec![format!(
            "Mỗi đơn vị của {of} được {} điểm, tối đa {}",
            fmt(*per_item),
            cap.map(|c| format!("{} điểm", fmt(c)))
                .unwrap_or_else(|| pts(1.0))
        )],
        Scoring::Parts { parts } => {
            let mut out = vec![format!("Cộng điểm {} phần:", parts.len())];
            for (i, p) in parts.iter().enumerate() {
                let share = max.map(|m| m * p.weight);
                let size = match share {
                    Some(s) => format!("{} điểm", fmt(s)),
                    None => format!("{} điểm tối đa", percent(p.weight)),
                };
                out.push(format!("  {}. {} ({size}):", i + 1, p.label));
                for line in describe(&p.rule, share) {
                    out.push(format!("     {line}"));
                }
            }
            out
        }
        Scoring::SumOfChildren => vec!["Cộng điểm các chỉ số con".into()],
        Scoring::Manual { reason } => vec![format!(
            "Đánh giá của cơ quan chấm điểm, không tính được từ số liệu: {reason}"
        )],
    }
}

/// The Vietnamese name of an input kind.
pub fn input_kind(kind: InputKind) -> &'static str {
    match kind {
        InputKind::Number => "số",
        InputKind::Boolean => "có/không",
        InputKind::Choice => "chọn mức",
    }
}
