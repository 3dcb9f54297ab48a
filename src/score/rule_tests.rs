//! Every rule kind with its boundary values.

use super::rule::{Inputs, Outcome, evaluate, number};
use crate::catalogue::{Level, Part, Scoring};
use crate::plan::InputValue;

fn inputs(pairs: &[(&str, InputValue)]) -> Inputs {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn n(v: f64) -> InputValue {
    InputValue::Number(v)
}

fn t(s: &str) -> InputValue {
    InputValue::Text(s.into())
}

fn frac(o: Outcome) -> f64 {
    match o {
        Outcome::Computed { fraction, .. } => fraction,
        other => panic!("expected a fraction, got {other:?}"),
    }
}

fn ratio() -> Scoring {
    Scoring::Ratio { of: "a/b".into() }
}

#[test]
fn binary() {
    let r = Scoring::Binary { of: "a".into() };
    assert_eq!(
        frac(evaluate(
            &r,
            &inputs(&[("a", InputValue::Bool(true))]),
            Some(10.0)
        )),
        1.0
    );
    assert_eq!(
        frac(evaluate(
            &r,
            &inputs(&[("a", InputValue::Bool(false))]),
            Some(10.0)
        )),
        0.0
    );
    assert_eq!(
        frac(evaluate(&r, &inputs(&[("a", t("Đã ban hành"))]), None)),
        1.0
    );
    assert_eq!(
        frac(evaluate(&r, &inputs(&[("a", t("Chưa ban hành"))]), None)),
        0.0
    );
    assert_eq!(
        evaluate(&r, &Inputs::new(), None),
        Outcome::Missing {
            inputs: vec!["a".into()]
        }
    );
}

#[test]
fn ratio_caps_above_one_and_reports_zero_denominators() {
    let o = evaluate(
        &ratio(),
        &inputs(&[("a", n(12.0)), ("b", n(15.0))]),
        Some(10.0),
    );
    assert!((frac(o) - 0.8).abs() < 1e-12);
    // Inputs above 100%: capped, and said so.
    assert_eq!(
        evaluate(
            &ratio(),
            &inputs(&[("a", n(120.0)), ("b", n(100.0))]),
            Some(10.0)
        ),
        Outcome::Computed {
            fraction: 1.0,
            capped: true
        }
    );
    assert_eq!(
        evaluate(
            &ratio(),
            &inputs(&[("a", n(5.0)), ("b", n(0.0))]),
            Some(10.0)
        ),
        Outcome::ZeroDenominator {
            denominator: "b".into()
        }
    );
    assert_eq!(
        evaluate(&ratio(), &inputs(&[("a", n(5.0))]), Some(10.0)),
        Outcome::Missing {
            inputs: vec!["b".into()]
        }
    );
    // Vietnamese number text and percentages are read.
    let o = evaluate(
        &Scoring::Ratio { of: "a".into() },
        &inputs(&[("a", t("62,13%"))]),
        Some(5.0),
    );
    assert!((frac(o) - 0.6213).abs() < 1e-12);
    assert!(matches!(
        evaluate(&ratio(), &inputs(&[("a", t("nhiều")), ("b", n(3.0))]), None),
        Outcome::Invalid { .. }
    ));
    assert_eq!(number(&t("226.420")), Some(226420.0));
}

#[test]
fn ratio_threshold_at_below_and_above() {
    let r = Scoring::RatioThreshold {
        of: "a/b".into(),
        threshold: 0.8,
    };
    let at = |a: f64| evaluate(&r, &inputs(&[("a", n(a)), ("b", n(100.0))]), Some(5.0));
    assert_eq!(
        frac(at(80.0)),
        1.0,
        "exactly at the threshold earns full points"
    );
    assert!(
        (frac(at(40.0)) - 0.5).abs() < 1e-12,
        "half the threshold, half the points"
    );
    assert!((frac(at(79.9)) - 79.9 / 80.0).abs() < 1e-12);
    assert_eq!(
        at(130.0),
        Outcome::Computed {
            fraction: 1.0,
            capped: true
        }
    );
    // 0.7 × 100 / 100 is 0.7000000000000001 or 0.6999999999999999 in floats: still at.
    let r7 = Scoring::RatioThreshold {
        of: "a/b".into(),
        threshold: 0.7,
    };
    assert_eq!(
        frac(evaluate(
            &r7,
            &inputs(&[("a", n(7.0)), ("b", n(10.0))]),
            None
        )),
        1.0
    );
    assert!(matches!(
        evaluate(&r, &inputs(&[("a", n(1.0)), ("b", n(0.0))]), None),
        Outcome::ZeroDenominator { .. }
    ));
}

fn level(id: Option<&str>, label: &str, min: Option<f64>, fraction: f64) -> Level {
    Level {
        id: id.map(String::from),
        label: label.into(),
        min,
        fraction,
    }
}

#[test]
fn tiers_by_threshold() {
    // 1.5: từ 20 trở lên: tối đa; từ 10 đến 19: 1/2; dưới 10: 1/4; chưa có: 0.
    let r = Scoring::Tiers {
        of: "a".into(),
        levels: vec![
            level(None, "Từ 20 trở lên", Some(20.0), 1.0),
            level(None, "Từ 10 đến 19", Some(10.0), 0.5),
            level(None, "Dưới 10", Some(1.0), 0.25),
            level(None, "Chưa có", Some(0.0), 0.0),
        ],
    };
    let f = |a: f64| frac(evaluate(&r, &inputs(&[("a", n(a))]), Some(10.0)));
    assert_eq!(f(20.0), 1.0);
    assert_eq!(f(19.0), 0.5);
    assert_eq!(f(10.0), 0.5);
    assert_eq!(f(9.0), 0.25);
    assert_eq!(f(0.0), 0.0);
    assert_eq!(f(250.0), 1.0);
    // The 5.12.1 scale on a ratio: ≥ 10% full, ≥ 7% 70%, ≥ 3% 30%, below 0.
    let r = Scoring::Tiers {
        of: "(a+b)/c".into(),
        levels: vec![
            level(None, "Mức 1", Some(0.10), 1.0),
            level(None, "Mức 2", Some(0.07), 0.7),
            level(None, "Mức 3", Some(0.03), 0.3),
            level(None, "Mức 4", None, 0.0),
        ],
    };
    let g = |a: f64, b: f64, c: f64| {
        evaluate(
            &r,
            &inputs(&[("a", n(a)), ("b", n(b)), ("c", n(c))]),
            Some(5.0),
        )
    };
    assert_eq!(frac(g(5.0, 5.0, 100.0)), 1.0);
    assert_eq!(frac(g(3.0, 4.0, 100.0)), 0.7);
    assert_eq!(
        frac(g(1.0, 1.0, 100.0)),
        0.0,
        "below every threshold: the fallback level"
    );
    assert!(matches!(g(1.0, 1.0, 0.0), Outcome::ZeroDenominator { .. }));
}

#[test]
fn tiers_by_choice_id_label_and_position() {
    let r = Scoring::Tiers {
        of: "c".into(),
        levels: vec![
            level(Some("bi-thu"), "Trưởng ban là Bí thư/Chủ tịch", None, 1.0),
            level(
                Some("pho"),
                "Trưởng ban là Phó Bí thư/Phó Chủ tịch",
                None,
                0.5,
            ),
            level(Some("chua-co"), "Chưa có Ban chỉ đạo", None, 0.0),
        ],
    };
    let f = |v: InputValue| evaluate(&r, &inputs(&[("c", v)]), Some(10.0));
    assert_eq!(frac(f(t("pho"))), 0.5);
    assert_eq!(frac(f(t("chưa có ban chỉ đạo"))), 0.0);
    assert_eq!(frac(f(n(1.0))), 1.0);
    assert_eq!(frac(f(n(2.0))), 0.5);
    assert_eq!(frac(f(t("2"))), 0.5);
    assert!(matches!(f(n(4.0)), Outcome::Invalid { .. }));
    assert!(matches!(f(n(0.0)), Outcome::Invalid { .. }));
    assert!(matches!(f(t("giám đốc")), Outcome::Invalid { .. }));
    assert_eq!(
        evaluate(&r, &Inputs::new(), None),
        Outcome::Missing {
            inputs: vec!["c".into()]
        }
    );
}

#[test]
fn min_max_needs_the_best_value() {
    let r = Scoring::MinMax {
        of: "a/b".into(),
        best: "best".into(),
        worst: None,
    };
    let base = [("a", n(43.21)), ("b", n(100.0))];
    assert!(matches!(
        evaluate(&r, &inputs(&base), Some(10.0)),
        Outcome::NotComputable { .. }
    ));
    let mut with_best = inputs(&base);
    with_best.insert("best".into(), n(0.8642));
    assert!((frac(evaluate(&r, &with_best, Some(10.0))) - 0.5).abs() < 1e-12);
    with_best.insert("best".into(), n(0.4321));
    assert_eq!(
        frac(evaluate(&r, &with_best, Some(10.0))),
        1.0,
        "the best province gets full points"
    );
    let rw = Scoring::MinMax {
        of: "a".into(),
        best: "best".into(),
        worst: Some("worst".into()),
    };
    let o = evaluate(
        &rw,
        &inputs(&[("a", n(3.0)), ("best", n(5.0)), ("worst", n(1.0))]),
        None,
    );
    assert!((frac(o) - 0.5).abs() < 1e-12);
    assert!(matches!(
        evaluate(
            &rw,
            &inputs(&[("a", n(3.0)), ("best", n(2.0)), ("worst", n(2.0))]),
            None
        ),
        Outcome::ZeroDenominator { .. }
    ));
    assert!(matches!(
        evaluate(&rw, &inputs(&[("a", n(3.0)), ("best", n(5.0))]), None),
        Outcome::NotComputable { .. }
    ));
}

#[test]
fn capped_count() {
    let r = Scoring::CappedCount {
        of: "a".into(),
        per_item: 2.0,
        cap: None,
    };
    let f = |a: f64| evaluate(&r, &inputs(&[("a", n(a))]), Some(10.0));
    assert!((frac(f(3.0)) - 0.6).abs() < 1e-12);
    assert_eq!(
        f(5.0),
        Outcome::Computed {
            fraction: 1.0,
            capped: false
        }
    );
    assert_eq!(
        f(6.0),
        Outcome::Computed {
            fraction: 1.0,
            capped: true
        }
    );
    let capped = Scoring::CappedCount {
        of: "a".into(),
        per_item: 2.0,
        cap: Some(4.0),
    };
    assert!((frac(evaluate(&capped, &inputs(&[("a", n(9.0))]), Some(10.0))) - 0.4).abs() < 1e-12);
}

#[test]
fn parts_add_up_by_weight() {
    // 3.6: half for platforms deployed (a/b), half for central deployment (c/d).
    let r = Scoring::Parts {
        parts: vec![
            Part {
                label: "Triển khai".into(),
                weight: 0.5,
                rule: Box::new(ratio()),
            },
            Part {
                label: "Mô hình".into(),
                weight: 0.5,
                rule: Box::new(Scoring::Ratio { of: "c/d".into() }),
            },
        ],
    };
    let all = inputs(&[("a", n(5.0)), ("b", n(7.0)), ("c", n(5.0)), ("d", n(5.0))]);
    let o = frac(evaluate(&r, &all, Some(20.0)));
    assert!((o * 20.0 - (5.0 / 7.0 * 10.0 + 10.0)).abs() < 1e-9);
    assert_eq!(
        evaluate(&r, &inputs(&[("a", n(5.0))]), Some(20.0)),
        Outcome::Missing {
            inputs: vec!["b".into(), "c".into(), "d".into()]
        }
    );
    let zero = inputs(&[("a", n(5.0)), ("b", n(7.0)), ("c", n(0.0)), ("d", n(0.0))]);
    assert!(matches!(
        evaluate(&r, &zero, Some(20.0)),
        Outcome::ZeroDenominator { .. }
    ));
}

#[test]
fn manual_and_sum_of_children_are_not_computed_here() {
    let m = Scoring::Manual {
        reason: "đoàn đánh giá chấm".into(),
    };
    assert!(matches!(
        evaluate(&m, &Inputs::new(), Some(5.0)),
        Outcome::NotComputable { .. }
    ));
    assert_eq!(
        evaluate(&Scoring::SumOfChildren, &Inputs::new(), None),
        Outcome::SumOfChildren
    );
}
