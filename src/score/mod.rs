//! DTI scoring and analysis: an indicator's points from its inputs (every rule kind),
//! the roll-up to main indices and the total, the projection from the plan's targets,
//! the full / partial / zero lists and the priorities every plan writes by hand.
//!
//! Problems (missing inputs, zero denominators, published figures that disagree with
//! the computed ones) are data in [`ScoreReport::problems`], never panics or `Err`.

mod engine;
pub mod report;
pub mod rule;
#[cfg(test)]
mod rule_tests;

pub use engine::score_plan;
pub use report::{
    IndexScore, IndicatorScore, Priority, ProblemKind, ScoreProblem, ScoreReport, Stage,
};
pub use rule::{Inputs, Outcome, evaluate};

/// "Các tiêu chí đạt điểm tối đa" (indicators at full points), as the plans write it.
pub const LABEL_FULL: &str = "Các tiêu chí đạt điểm tối đa";
/// "Các tiêu chí không đạt điểm tối đa" (partial points).
pub const LABEL_PARTIAL: &str = "Các tiêu chí không đạt điểm tối đa";
/// "Các tiêu chí không đạt điểm" (zero points).
pub const LABEL_ZERO: &str = "Các tiêu chí không đạt điểm";

/// One analysis line exactly as the plans phrase it:
/// "Các tiêu chí đạt điểm tối đa: 03 (1.1, 1.5, 1.6)"; an empty list is "…: 0".
pub fn analysis_line(codes: &[String], label: &str) -> String {
    if codes.is_empty() {
        format!("{label}: 0")
    } else {
        format!("{label}: {:02} ({})", codes.len(), codes.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysis_line_matches_the_plans() {
        let codes: Vec<String> = ["1.1", "1.5", "1.6"].map(String::from).to_vec();
        assert_eq!(
            analysis_line(&codes, LABEL_FULL),
            "Các tiêu chí đạt điểm tối đa: 03 (1.1, 1.5, 1.6)"
        );
        assert_eq!(
            analysis_line(&[], LABEL_PARTIAL),
            "Các tiêu chí không đạt điểm tối đa: 0"
        );
        let many: Vec<String> = (1..=14).map(|i| format!("6.{i}")).collect();
        assert!(
            analysis_line(&many, LABEL_ZERO)
                .starts_with("Các tiêu chí không đạt điểm: 14 (6.1, 6.2")
        );
    }
}
