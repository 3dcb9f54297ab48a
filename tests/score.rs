//! The score engine against published figures: Tiền Giang 2022 (seed 000) total 627.42
//! from its index points, Gia Lai 2022 (seed 004) index 1 = 63.33 from its indicator
//! points, and the inconsistencies in those sources flagged; what-if values; the CLI.

use std::path::{Path, PathBuf};
use std::process::Command;

use kehoach::catalogue::{self, Catalogue};
use kehoach::plan::{Figure, InputValue, Plan, load_plan};
use kehoach::score::{
    LABEL_FULL, LABEL_PARTIAL, LABEL_ZERO, ProblemKind, ScoreReport, analysis_line, score_plan,
};

const CATALOGUE: &str = "tests/fixtures/score/dti-922-excerpt.yaml";
const TIEN_GIANG: &str = "tests/fixtures/score/tien-giang-2022.yaml";
const GIA_LAI: &str = "tests/fixtures/score/gia-lai-2022.yaml";

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn excerpt() -> Catalogue {
    catalogue::load(&path(CATALOGUE)).expect("the excerpt catalogue is valid")
}

fn plan(rel: &str) -> Plan {
    load_plan(&path(rel)).expect("the fixture plan loads").plan
}

fn index<'a>(r: &'a ScoreReport, code: &str) -> &'a kehoach::score::IndexScore {
    r.indices
        .iter()
        .find(|i| i.code == code)
        .expect("index present")
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn tien_giang_2022_total_is_the_sum_of_its_index_points() {
    let r = score_plan(&excerpt(), &plan(TIEN_GIANG), &[]);
    assert!(close(r.total, 627.42), "{:?}", r.total);
    assert!(close(r.published_total, 627.42));
    assert_eq!(r.rank, Some(20));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let pts: Vec<Option<f64>> = r.indices.iter().map(|i| i.points).collect();
    assert_eq!(
        pts,
        [87.5, 80.0, 64.43, 75.38, 60.6, 127.75, 85.36, 46.4]
            .map(Some)
            .into_iter()
            .chain([None])
            .collect::<Vec<_>>()
    );
    assert_eq!(index(&r, "6").rank, Some(27));
    // Targets: 1.3 from inputs 4/4 → 10 (+7.5), 1.2 to 5 points (+5).
    let i1 = index(&r, "1");
    assert!(
        close(i1.projected_points, 100.0) && close(i1.gain, 12.5),
        "{i1:?}"
    );
    assert!(close(r.projected_total, 639.92));
    assert_eq!(
        (i1.partial.clone(), i1.zero.clone()),
        (vec!["1.3".to_string()], vec!["1.2".to_string()])
    );
    // Priorities carry the lead and deadline of the task that serves the indicator.
    let p13 = r
        .priorities
        .iter()
        .find(|p| p.code == "1.3")
        .expect("1.3 is a priority");
    assert_eq!(
        (p13.lead.as_slice(), p13.deadline.as_slice()),
        (
            &["Văn phòng UBND tỉnh".to_string()][..],
            &["Quý IV/2023".to_string()][..]
        )
    );
    assert_eq!(r.priorities[0].code, "1.2", "largest gap first");
}

#[test]
fn a_total_that_is_not_the_sum_is_flagged() {
    let mut p = plan(TIEN_GIANG);
    let b = p.baseline.as_mut().expect("baseline");
    b.indices[7].points.value = Figure::Number(46.0);
    let r = score_plan(&excerpt(), &p, &[]);
    let total: Vec<&ProblemKind> = r
        .problems
        .iter()
        .filter(|p| p.code == "total")
        .map(|p| &p.kind)
        .collect();
    assert_eq!(total.len(), 1, "{:?}", r.problems);
    match total[0] {
        ProblemKind::Mismatch {
            published,
            computed,
        } => {
            assert_eq!(*published, 627.42);
            assert!((computed - 627.02).abs() < 1e-9);
        }
        other => panic!("expected a mismatch, got {other:?}"),
    }
    let at = r
        .problems
        .iter()
        .find(|p| p.code == "total")
        .map(|p| p.span.line);
    assert_eq!(at, Some(15), "located at the published total");
}

#[test]
fn gia_lai_2022_index_1_is_the_sum_of_its_indicator_points() {
    let r = score_plan(&excerpt(), &plan(GIA_LAI), &[]);
    let i1 = index(&r, "1");
    assert!(close(i1.points, 63.33), "{:?}", i1.points);
    let computed = i1
        .indicators
        .iter()
        .map(|i| i.points.unwrap_or(f64::NAN))
        .sum::<f64>();
    assert!(
        (computed - 63.33).abs() < 1e-9,
        "the published indicator points add up: {computed}"
    );
    let i13 = i1.indicators.iter().find(|i| i.code == "1.3").expect("1.3");
    assert!(
        i13.computed.is_some_and(|c| (c - 10.0 / 3.0).abs() < 1e-9),
        "{i13:?}"
    );
    assert_eq!(
        analysis_line(&i1.full, LABEL_FULL),
        "Các tiêu chí đạt điểm tối đa: 06 (1.1, 1.2, 1.5, 1.6, 1.7, 1.8)"
    );
    assert_eq!(
        analysis_line(&i1.partial, LABEL_PARTIAL),
        "Các tiêu chí không đạt điểm tối đa: 01 (1.3)"
    );
    assert_eq!(
        analysis_line(&i1.zero, LABEL_ZERO),
        "Các tiêu chí không đạt điểm: 03 (1.4, 1.9, 1.10)"
    );
    // Index 3: 62.00 from the rounded indicator points against 61.99 published, within
    // rounding: not flagged, and the published figure stands.
    let i3 = index(&r, "3");
    assert!(
        close(i3.points, 61.99) && close(i3.projected_points, 61.99),
        "{i3:?}"
    );
    assert!(
        !r.problems.iter().any(|p| p.code == "1" || p.code == "3"),
        "{:?}",
        r.problems
    );
}

#[test]
fn gia_lai_2022_inconsistencies_are_flagged() {
    let r = score_plan(&excerpt(), &plan(GIA_LAI), &[]);
    // 4.2 is printed 100 for a 10-point indicator; 4.12 is blank, so index 4 keeps its
    // published 35.74 (the indicators cannot be summed).
    let above: Vec<_> = r
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::AboveMax { .. }))
        .collect();
    assert_eq!(above.len(), 1, "{:?}", r.problems);
    assert_eq!(above[0].code, "4.2");
    assert_eq!(above[0].message().vi, "điểm 4.2 là 100 vượt điểm tối đa 10");
    assert!(above[0].span.line > 0);
    let i4 = index(&r, "4");
    assert!(close(i4.points, 35.74));
    assert_eq!(
        i4.indicators
            .iter()
            .find(|i| i.code == "4.12")
            .and_then(|i| i.points),
        None
    );
    // Index 7: the appendix states 64.74, its indicators add up to 64.97.
    let seven: Vec<_> = r.problems.iter().filter(|p| p.code == "7").collect();
    assert_eq!(seven.len(), 1, "{:?}", r.problems);
    match seven[0].kind {
        ProblemKind::Mismatch {
            published,
            computed,
        } => {
            assert_eq!(published, 64.74);
            assert!((computed - 64.97).abs() < 1e-9, "{computed}");
        }
        ref other => panic!("expected a mismatch, got {other:?}"),
    }
    assert_eq!(
        seven[0].message().vi,
        "điểm 7 công bố là 64,74 nhưng tính được 64,97"
    );
    assert!(
        close(index(&r, "7").points, 64.74),
        "the published figure stands"
    );
    assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
    assert_eq!(
        r.total, None,
        "indices 2, 5–8 have no figure and no total is published"
    );
}

#[test]
fn what_if_values_recompute() {
    let cat = excerpt();
    let p = plan(GIA_LAI);
    let set = |k: &str, v: f64| (k.to_string(), InputValue::Number(v));
    let r = score_plan(&cat, &p, &[set("1.3.a", 3.0)]);
    let i1 = index(&r, "1");
    assert!(close(i1.points, 70.0), "{:?}", i1.points);
    assert!(
        !r.problems.iter().any(|p| p.code == "1" || p.code == "1.3"),
        "a what-if is not a disagreement: {:?}",
        r.problems
    );
    let r = score_plan(&cat, &p, &[set("1.3.b", 0.0)]);
    assert!(r.problems.iter().any(|p| p.code == "1.3"
        && matches!(&p.kind, ProblemKind::ZeroDenominator { denominator } if denominator == "b")));
    assert!(
        close(index(&r, "1").points, 63.33),
        "the published figure is kept"
    );
    let r = score_plan(&cat, &p, &[set("4.5.a", 5.0), set("4.5.b", 10.0)]);
    assert!(
        r.problems
            .iter()
            .any(|p| p.code == "4.5" && matches!(p.kind, ProblemKind::NotComputable { .. }))
    );
    let r = score_plan(
        &cat,
        &p,
        &[set("4.5.a", 5.0), set("4.5.b", 10.0), set("4.5.best", 0.5)],
    );
    let i45 = index(&r, "4")
        .indicators
        .iter()
        .find(|i| i.code == "4.5")
        .expect("4.5");
    assert!(close(i45.points, 10.0), "{i45:?}");
    let r = score_plan(&cat, &p, &[set("9.9.a", 1.0)]);
    assert!(
        r.problems
            .iter()
            .any(|p| p.code == "9.9" && p.kind == ProblemKind::UnknownCode)
    );
}

#[test]
fn the_embedded_catalogue_reproduces_tien_giang_when_complete() {
    let cat = catalogue::embedded();
    if cat.indices.len() < 8 {
        eprintln!("skipped: the embedded catalogue is a placeholder in this branch");
        return;
    }
    let r = score_plan(cat, &plan(TIEN_GIANG), &[]);
    assert!(close(r.total, 627.42), "{:?}", r.total);
    assert!(
        !r.problems.iter().any(|p| p.code == "total"),
        "{:?}",
        r.problems
    );
}

fn kehoach(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("kehoach runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_table_and_json() {
    let (code, out, err) = kehoach(&["score", TIEN_GIANG, "--catalogue", CATALOGUE]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("tien_giang_table", out);
    let (code, out, err) = kehoach(&["score", GIA_LAI, "--catalogue", CATALOGUE]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("gia_lai_table", out);
    let (code, out, err) = kehoach(&[
        "score",
        TIEN_GIANG,
        "--catalogue",
        CATALOGUE,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["total"], 627.42);
    assert_eq!(json["projected_total"], 639.92);
    let i1 = &json["indices"][0];
    for key in ["code", "max_points", "points", "projected_points"] {
        assert!(i1.get(key).is_some(), "{key}");
        assert!(i1["indicators"][0].get(key).is_some(), "indicator {key}");
    }
    insta::assert_snapshot!("tien_giang_json", out);
}

#[test]
fn cli_what_if_and_errors() {
    let (code, out, err) = kehoach(&[
        "score",
        GIA_LAI,
        "--catalogue",
        CATALOGUE,
        "--set",
        "1.3.a=3",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("1 Nhận thức số                           100         70"),
        "{out}"
    );
    let (code, _, err) = kehoach(&["score", GIA_LAI, "--catalogue", CATALOGUE, "--set", "1.3"]);
    assert_eq!(code, 2);
    assert!(err.contains("--set"), "{err}");
    let (code, _, err) = kehoach(&["score", "tests/fixtures/score/absent.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("absent.yaml"), "{err}");
    // The plan pins dti-922-2022; a catalogue id that is not embedded is an error (2).
    let (code, _, err) = kehoach(&["score", "tests/fixtures/score/unknown-catalogue.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("dti-999"), "{err}");
}

/// A bundled plan, its expected total and its expected (code, problem kind) list.
type Case = (
    &'static str,
    Option<f64>,
    &'static [(&'static str, &'static str)],
);

/// The bundled plans (encoded as written) scored against the embedded catalogue: the
/// totals, and exactly the problems their sources contain.
#[test]
fn bundled_plans_score_with_their_source_problems() {
    let cat = catalogue::embedded();
    let cases: [Case; 5] = [
        ("plans/tien-giang-2023.yaml", Some(627.42), &[]),
        // 4.2 printed 100 for a 10-point indicator; index 7 stated 64.74, its indicators give 64.97.
        (
            "plans/gia-lai-2023.yaml",
            Some(406.87),
            &[("4.2", "above_max"), ("7", "mismatch")],
        ),
        // 8.5 printed "5 31"; indices 6 (77.76 vs 72.78) and 7 (60.735 vs 60.90) do not add up.
        (
            "plans/ca-mau-2023.yaml",
            Some(468.87),
            &[("8.5", "unreadable"), ("6", "mismatch"), ("7", "mismatch")],
        ),
        // DTI 2021 values (0–1) under the methodology before 922/QĐ-BTTTT.
        (
            "plans/tuyen-quang-2022.yaml",
            Some(0.2849),
            &[("baseline", "other_methodology")],
        ),
        // A digital transformation plan with no DTI baseline.
        ("plans/tien-giang-2024.yaml", None, &[]),
    ];
    for (file, total, expected) in cases {
        let r = score_plan(cat, &plan(file), &[]);
        assert!(
            r.total
                .zip(total)
                .map_or(r.total.is_none() && total.is_none(), |(a, b)| (a - b).abs()
                    < 1e-9),
            "{file}: total {:?}, expected {total:?}",
            r.total
        );
        let got: Vec<(String, String)> = r
            .problems
            .iter()
            .map(|p| {
                let kind = serde_json::to_value(&p.kind).expect("kind serialises");
                (
                    p.code.clone(),
                    kind["kind"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(c, k)| (c.to_string(), k.to_string()))
            .collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn cli_scores_the_bundled_tien_giang_plan() {
    let (code, out, err) = kehoach(&["score", "plans/tien-giang-2023.yaml"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("bundled_tien_giang_2023_table", out);
    let (code, out, err) = kehoach(&["score", "plans/tien-giang-2023.yaml", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["total"], 627.42);
    insta::assert_snapshot!("bundled_tien_giang_2023_json", out);
}

#[test]
fn a_what_if_moves_an_index_whose_indicators_are_not_all_known() {
    // Tiền Giang states 8.3 at 0.15/20 and index 8 at 46.40, with one indicator unknown.
    // 8.3 is a ratio with a 50% threshold: 350,000 of 1,400,000 adults is 25%, 10 points.
    let set = |k: &str, v: f64| (k.to_string(), InputValue::Number(v));
    let r = score_plan(
        catalogue::embedded(),
        &plan("plans/tien-giang-2023.yaml"),
        &[set("8.3.a", 350_000.0), set("8.3.b", 1_400_000.0)],
    );
    let i8 = index(&r, "8");
    let i83 = i8.indicators.iter().find(|i| i.code == "8.3").expect("8.3");
    assert!(close(i83.points, 10.0), "{i83:?}");
    assert!(close(i8.points, 46.40 - 0.15 + 10.0), "{:?}", i8.points);
    assert!(close(r.total, 627.42 - 0.15 + 10.0), "{:?}", r.total);
}

/// Tuyên Quang's 2021 analysis names its indicators by class, without figures: the stated
/// class (`status`) feeds the lists, which then read exactly as the plan writes them.
#[test]
fn stated_classes_reproduce_the_plans_lists() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/tuyen-quang-2022.yaml");
    let loaded = kehoach::plan::load_plan(&path).unwrap();
    let cat = kehoach::catalogue::embedded();
    let report = kehoach::score::score_plan(cat, &loaded.plan, &[]);
    let i1 = report.indices.iter().find(|i| i.code == "1").unwrap();
    assert_eq!(
        kehoach::score::analysis_line(&i1.full, "Các tiêu chí đạt điểm tối đa"),
        "Các tiêu chí đạt điểm tối đa: 03 (1.1, 1.5, 1.6)"
    );
    assert_eq!(
        kehoach::score::analysis_line(&i1.partial, "Các tiêu chí không đạt điểm tối đa"),
        "Các tiêu chí không đạt điểm tối đa: 02 (1.2, 1.3)"
    );
    assert_eq!(
        kehoach::score::analysis_line(&i1.zero, "Các tiêu chí không đạt điểm"),
        "Các tiêu chí không đạt điểm: 05 (1.4, 1.7, 1.8, 1.9, 1.10)"
    );
}

/// A 2022 baseline giving 6.11 only its four counts (a, b, c, d) and its points.
fn dvctt_plan(points: &str, inputs: &str) -> Plan {
    let text = format!(
        "catalogue: dti-922-2022\ndocument:\n  issuer: [\"ỦY BAN NHÂN DÂN\", \"TỈNH X\"]\n  issuer_name: Ủy ban nhân dân tỉnh X\n  place: X\n  number: \"1\"\n  symbol: KH-UBND\n  date: \"2023-01-05\"\n  title: Kế hoạch\n  year: 2023\nbaseline:\n  year: 2022\n  indicators:\n    - code: \"6.11\"\n      points: {points}\n      inputs: {inputs}\n"
    );
    let src = kehoach::source::SourceFile::new("x.yaml", text);
    kehoach::plan::load::parse_plan(&src).expect("the inline plan parses")
}

fn bundled() -> Catalogue {
    catalogue::load(&path("lints/dti-922-2022.yaml")).expect("the bundled catalogue is valid")
}

fn indicator<'a>(r: &'a ScoreReport, code: &str) -> &'a kehoach::score::IndicatorScore {
    r.indices
        .iter()
        .flat_map(|i| i.indicators.iter())
        .find(|i| i.code == code)
        .expect("indicator present")
}

#[test]
fn derived_inputs_are_computed_not_demanded() {
    // 6.11: ratio e/f with e = c + d and f = a + b; (30 + 20) / (60 + 40) of 10 points = 5.
    let r = score_plan(
        &bundled(),
        &dvctt_plan("5", "{a: 60, b: 40, c: 30, d: 20}"),
        &[],
    );
    let i = indicator(&r, "6.11");
    assert!(close(i.computed, 5.0), "{:?}", i.computed);
    assert!(
        !r.problems.iter().any(|p| p.code == "6.11"),
        "{:?}",
        r.problems
    );
    // Published 8 against 5 from the inputs: a mismatch, now that it can be computed.
    let r = score_plan(
        &bundled(),
        &dvctt_plan("8", "{a: 60, b: 40, c: 30, d: 20}"),
        &[],
    );
    assert!(
        r.problems
            .iter()
            .any(|p| p.code == "6.11" && matches!(p.kind, ProblemKind::Mismatch { .. }))
    );
    // A helper the plan states is used as stated, not recomputed.
    let r = score_plan(
        &bundled(),
        &dvctt_plan("8", "{a: 60, b: 40, c: 30, d: 20, e: 80}"),
        &[],
    );
    assert!(close(indicator(&r, "6.11").computed, 8.0));
    // A part missing: the helper cannot be derived, and the part (d), not the helper (e),
    // is named as what is missing.
    let r = score_plan(&bundled(), &dvctt_plan("5", "{a: 60, b: 40, c: 30}"), &[]);
    assert!(
        r.problems.iter().any(|p| p.code == "6.11"
            && matches!(&p.kind, ProblemKind::MissingInputs { inputs } if inputs == &["d".to_string()])),
        "{:?}",
        r.problems
    );
}

#[test]
fn a_catalogue_without_points_gives_no_total_and_says_what_it_cannot_compute() {
    // The 2026 example plan's 405-style catalogue has no points per main index yet.
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["score", "plans/khanh-hoa-2026/khanh-hoa-2026.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let total = text
        .lines()
        .find(|l| l.starts_with("TỔNG"))
        .unwrap_or_else(|| panic!("no total line:\n{text}"));
    let cols: Vec<&str> = total.split_whitespace().collect();
    assert_eq!(
        cols[2], "—",
        "no baseline total from unknown points: {total}"
    );
    assert_eq!(cols[4], "—", "no projection from unknown points: {total}");
    assert!(
        text.contains("Chưa tính được điểm của chỉ số chính 1, 2, 3, 4, 5, 6, 7, 8"),
        "{text}"
    );
    let json = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "score",
            "plans/khanh-hoa-2026/khanh-hoa-2026.yaml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["total"].is_null(), "{v}");
}
