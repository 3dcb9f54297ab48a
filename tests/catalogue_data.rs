//! The bundled DTI 922/2022 catalogue (`lints/dti-922-2022.yaml`) read as data: its shape,
//! counts, point sums, scoring rules and a sample of entries against the seed plans' text.
//!
//! Deserialises the file directly with `serde_saphyr`, independent of the catalogue loader.

use std::collections::BTreeSet;

use kehoach::catalogue::{Catalogue, Entry, Group, InputKind, Scoring};

const YAML: &str = include_str!("../lints/dti-922-2022.yaml");
const EPS: f64 = 1e-9;

fn catalogue() -> Catalogue {
    match serde_saphyr::from_str::<Catalogue>(YAML) {
        Ok(c) => c,
        Err(e) => panic!("lints/dti-922-2022.yaml does not deserialise: {e}"),
    }
}

/// Every entry of the tree, depth first, with its parent (None for main indices).
fn flatten(cat: &Catalogue) -> Vec<(Option<&Entry>, &Entry)> {
    fn walk<'a>(
        parent: Option<&'a Entry>,
        list: &'a [Entry],
        out: &mut Vec<(Option<&'a Entry>, &'a Entry)>,
    ) {
        for e in list {
            out.push((parent, e));
            walk(Some(e), &e.children, out);
        }
    }
    let mut out = Vec::new();
    walk(None, &cat.indices, &mut out);
    out
}

fn find<'a>(cat: &'a Catalogue, code: &str) -> &'a Entry {
    flatten(cat)
        .into_iter()
        .map(|(_, e)| e)
        .find(|e| e.code.value == code)
        .unwrap_or_else(|| panic!("no entry {code}"))
}

fn points(e: &Entry) -> Option<f64> {
    e.max_points.as_ref().map(|p| p.value)
}

/// The input names a value reference uses: "a" or "a/b".
fn refs(of: &str) -> Vec<&str> {
    of.split('/').map(str::trim).collect()
}

/// Every (rule, weight path) inside a rule, parts included.
fn rules(s: &Scoring) -> Vec<&Scoring> {
    let mut out = vec![s];
    if let Scoring::Parts { parts } = s {
        for p in parts {
            out.extend(rules(&p.rule));
        }
    }
    out
}

#[test]
fn metadata_matches_the_decision() {
    let cat = catalogue();
    assert_eq!(cat.id.value, "dti-922-2022");
    assert_eq!(cat.decision.number, "922/QĐ-BTTTT");
    assert_eq!(cat.decision.date, "2022-05-20");
    assert_eq!(cat.decision.issuer, "Bộ Thông tin và Truyền thông");
    assert_eq!(cat.level, kehoach::catalogue::CatalogueLevel::Province);
    assert_eq!(cat.total_points.value, 1000.0);
    assert_eq!(
        cat.pillars,
        ["chính quyền số", "kinh tế số", "xã hội số"].map(String::from)
    );
}

#[test]
fn nine_main_indices_with_the_decisions_indicator_counts() {
    let cat = catalogue();
    let codes: Vec<&str> = cat.indices.iter().map(|e| e.code.value.as_str()).collect();
    assert_eq!(codes, ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    let counts: Vec<usize> = cat.indices.iter().map(|e| e.children.len()).collect();
    assert_eq!(counts, [10, 11, 7, 13, 12, 22, 12, 8, 3]);
    assert_eq!(counts.iter().sum::<usize>(), 98);
    // 9 indices + 98 indicators + 23 sub-indicators (3.5.x, 5.12.x, 8.8.x, 8.8.x.y).
    assert_eq!(flatten(&cat).len(), 130);
    let subs: Vec<&str> = flatten(&cat)
        .into_iter()
        .filter(|(_, e)| e.code.value.matches('.').count() >= 2)
        .map(|(_, e)| e.code.value.as_str())
        .collect();
    assert_eq!(subs.len(), 23);
    for code in ["3.5.1", "3.5.2", "5.12.1", "5.12.6", "8.8.1", "8.8.3.4"] {
        assert!(subs.contains(&code), "missing sub-indicator {code}");
    }
}

#[test]
fn groups_and_pillars_follow_001() {
    let cat = catalogue();
    for e in &cat.indices {
        let (group, pillar) = match e.code.value.as_str() {
            "6" => (Group::Activity, Some("chính quyền số")),
            "7" => (Group::Activity, Some("kinh tế số")),
            "8" => (Group::Activity, Some("xã hội số")),
            _ => (Group::Foundation, None),
        };
        assert_eq!(e.group, Some(group), "group of {}", e.code.value);
        assert_eq!(e.pillar.as_deref(), pillar, "pillar of {}", e.code.value);
    }
    for (parent, e) in flatten(&cat) {
        if parent.is_some() {
            assert!(e.group.is_none() && e.pillar.is_none(), "{}", e.code.value);
        }
    }
}

#[test]
fn codes_are_unique_and_nest_under_their_parent() {
    let cat = catalogue();
    let mut seen = BTreeSet::new();
    for (parent, e) in flatten(&cat) {
        let code = e.code.value.as_str();
        assert!(seen.insert(code.to_string()), "duplicate code {code}");
        assert!(
            code.split('.')
                .all(|p| !p.is_empty() && p.parse::<u32>().is_ok()),
            "malformed code {code}"
        );
        match parent {
            None => assert!(!code.contains('.'), "main index code {code}"),
            Some(p) => {
                let rest = code
                    .strip_prefix(&format!("{}.", p.code.value))
                    .unwrap_or_else(|| panic!("{code} is not under {}", p.code.value));
                assert!(
                    !rest.contains('.'),
                    "{code} skips a level under {}",
                    p.code.value
                );
            }
        }
    }
    // Children are numbered 1, 2, 3 … in order.
    for (_, e) in flatten(&cat) {
        for (i, c) in e.children.iter().enumerate() {
            assert_eq!(c.code.value, format!("{}.{}", e.code.value, i + 1));
        }
    }
}

#[test]
fn every_parent_is_the_sum_of_its_children() {
    let cat = catalogue();
    let mut parents = 0;
    for (_, e) in flatten(&cat) {
        if e.children.is_empty() {
            continue;
        }
        let Some(max) = points(e) else {
            // Only index 9 carries no points, and then neither do its indicators.
            assert_eq!(e.code.value, "9");
            assert!(e.children.iter().all(|c| c.max_points.is_none()));
            continue;
        };
        parents += 1;
        let sum: f64 = e
            .children
            .iter()
            .map(|c| points(c).unwrap_or_else(|| panic!("{} has no points", c.code.value)))
            .sum();
        assert!(
            (sum - max).abs() < EPS,
            "{}: children sum {sum}, max {max}",
            e.code.value
        );
        assert_eq!(
            e.scoring,
            Some(Scoring::SumOfChildren),
            "{} has scored children",
            e.code.value
        );
    }
    // 8 scored indices + 3.5, 5.12, 8.8, 8.8.1, 8.8.2, 8.8.3.
    assert_eq!(parents, 14);
}

#[test]
fn scored_indices_sum_to_the_declared_total() {
    let cat = catalogue();
    let maxes: Vec<Option<f64>> = cat.indices.iter().map(points).collect();
    let expected = [100., 100., 100., 100., 100., 200., 150., 150.];
    for (i, want) in expected.iter().enumerate() {
        assert_eq!(maxes[i], Some(*want), "index {}", i + 1);
    }
    assert_eq!(maxes[8], None, "index 9 carries no points in 2022");
    let total: f64 = maxes.iter().flatten().sum();
    assert!((total - cat.total_points.value).abs() < EPS);
    assert!((total - 1000.0).abs() < EPS);
}

#[test]
fn every_leaf_has_a_method_and_a_rule() {
    let cat = catalogue();
    for (_, e) in flatten(&cat) {
        let code = &e.code.value;
        if !e.children.is_empty() {
            continue;
        }
        let method = e
            .method
            .as_deref()
            .unwrap_or_else(|| panic!("{code}: no method"));
        assert!(!method.trim().is_empty(), "{code}: empty method");
        for junk in ["<p>", "<ul", "</", "$", "\\text", "\\geq", " |", "# "] {
            assert!(!method.contains(junk), "{code}: method keeps {junk:?}");
        }
        let scoring = e
            .scoring
            .as_ref()
            .unwrap_or_else(|| panic!("{code}: no rule"));
        assert!(
            !matches!(scoring, Scoring::SumOfChildren),
            "{code}: leaf sums children"
        );
        assert!(!e.inputs.is_empty(), "{code}: no inputs");
    }
}

#[test]
fn parts_weights_add_up_to_one() {
    let cat = catalogue();
    let mut n = 0;
    for (_, e) in flatten(&cat) {
        for rule in e.scoring.iter().flat_map(rules) {
            if let Scoring::Parts { parts } = rule {
                n += 1;
                let sum: f64 = parts.iter().map(|p| p.weight).sum();
                assert!(
                    (sum - 1.0).abs() < EPS,
                    "{}: weights sum {sum}",
                    e.code.value
                );
                assert!(parts.iter().all(|p| p.weight > 0.0));
            }
        }
    }
    // 1.2, 3.6, 6.1, 6.2, 6.3, 6.4, 6.17.
    assert_eq!(n, 7);
}

#[test]
fn every_named_input_is_declared_with_a_fitting_kind() {
    let cat = catalogue();
    for (_, e) in flatten(&cat) {
        let code = &e.code.value;
        let names: Vec<&str> = e.inputs.iter().map(|i| i.name.as_str()).collect();
        let unique: BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(unique.len(), names.len(), "{code}: input declared twice");
        let kind = |n: &str| {
            e.inputs
                .iter()
                .find(|i| i.name == n)
                .map(|i| i.kind)
                .unwrap_or_else(|| panic!("{code}: rule names undeclared input {n:?}"))
        };
        for rule in e.scoring.iter().flat_map(rules) {
            match rule {
                Scoring::Binary { of } => assert_eq!(kind(of), InputKind::Boolean, "{code}"),
                Scoring::Tiers { of, levels } => {
                    assert!(levels.len() >= 2, "{code}: one level");
                    let choice = levels.iter().all(|l| l.min.is_none());
                    if choice {
                        assert_eq!(kind(of), InputKind::Choice, "{code}");
                        assert!(levels.iter().all(|l| l.id.is_some()), "{code}: level id");
                    } else {
                        refs(of).into_iter().for_each(|n| {
                            assert_eq!(kind(n), InputKind::Number, "{code}");
                        });
                        let mins: Vec<f64> = levels.iter().map(|l| l.min.unwrap_or(-1.0)).collect();
                        assert!(
                            mins.windows(2).all(|w| w[0] > w[1]),
                            "{code}: mins not falling"
                        );
                        assert_eq!(mins.last(), Some(&0.0), "{code}: no floor level");
                    }
                    assert!(levels.iter().all(|l| (0.0..=1.0).contains(&l.fraction)));
                    assert_eq!(
                        levels[0].fraction, 1.0,
                        "{code}: top level is not full points"
                    );
                }
                Scoring::Ratio { of }
                | Scoring::RatioThreshold { of, .. }
                | Scoring::CappedCount { of, .. } => {
                    refs(of).into_iter().for_each(|n| {
                        assert_eq!(kind(n), InputKind::Number, "{code}");
                    });
                }
                Scoring::MinMax { of, best, worst } => {
                    for n in refs(of)
                        .into_iter()
                        .chain([best.as_str()])
                        .chain(worst.as_deref())
                    {
                        assert_eq!(kind(n), InputKind::Number, "{code}");
                    }
                }
                Scoring::Parts { .. } | Scoring::SumOfChildren | Scoring::Manual { .. } => {}
            }
            if let Scoring::RatioThreshold { threshold, .. } = rule {
                assert!(
                    *threshold > 0.0 && *threshold <= 1.0,
                    "{code}: threshold {threshold}"
                );
            }
        }
        for i in &e.inputs {
            assert!(
                !i.description.trim().is_empty(),
                "{code}: input {} undescribed",
                i.name
            );
        }
    }
}

/// Names and points as the seed appendices write them (003 Cà Mau, 004 Gia Lai, 000 Tiền
/// Giang, 001 Tuyên Quang), line-wrap artefacts removed.
#[test]
fn sample_names_and_points_match_the_seed_text() {
    let cat = catalogue();
    let sample: [(&str, &str, Option<f64>); 20] = [
        ("1", "Nhận thức số", Some(100.0)),
        (
            "1.5",
            "Cổng Thông tin điện tử của tỉnh, thành phố có chuyên mục riêng về chuyển đổi số",
            Some(10.0),
        ),
        ("2", "Thể chế số", Some(100.0)),
        (
            "2.1",
            "Nghị quyết chuyên đề hoặc văn bản tương đương của cấp ủy về chuyển đổi số của tỉnh, thành phố",
            Some(5.0),
        ),
        (
            "2.10",
            "Ban hành chính sách khuyến khích người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến (DVCTT)",
            Some(10.0),
        ),
        (
            "3.5",
            "Triển khai Trung tâm dữ liệu phục vụ Chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây",
            Some(30.0),
        ),
        (
            "3.5.2",
            "Kết nối Nền tảng điện toán đám mây Chính phủ",
            Some(15.0),
        ),
        (
            "3.6",
            "Mức độ triển khai các nền tảng số dùng chung",
            Some(20.0),
        ),
        (
            "4.11",
            "Số lượng người dân được phổ cập kỹ năng số cơ bản trên nền tảng OneTouch",
            Some(5.0),
        ),
        ("5", "An toàn thông tin mạng", Some(100.0)),
        (
            "5.12",
            "Tổng kinh phí chi cho an toàn thông tin (ATTT)",
            Some(15.0),
        ),
        ("5.12.1", "Kinh phí chung chi cho ATTT", Some(5.0)),
        ("5.12.4", "Kinh phí diễn tập, ứng cứu sự cố ATTT", Some(2.0)),
        ("6", "Hoạt động chính quyền số", Some(200.0)),
        ("6.12", "Tỷ lệ hồ sơ xử lý trực tuyến", Some(20.0)),
        (
            "6.21",
            "Mức độ ứng dụng Trí tuệ nhân tạo (AI) trong hoạt động của chính quyền số",
            Some(10.0),
        ),
        ("7.1", "Tỷ trọng kinh tế số trong GRDP", Some(20.0)),
        (
            "8.8",
            "Mức độ người dân được tham gia vào cùng cơ quan nhà nước giải quyết vấn đề của địa phương với chính quyền",
            Some(20.0),
        ),
        (
            "8.8.1.3",
            "Tin nhắn trên các nền tảng liên lạc (Zalo, Messenger...)",
            Some(1.0),
        ),
        (
            "9.3",
            "Thực hiện đo lường chỉ số KPI phát triển Đô thị thông minh",
            None,
        ),
    ];
    for (code, name, max) in sample {
        let e = find(&cat, code);
        assert_eq!(e.name, name, "name of {code}");
        assert_eq!(points(e), max, "points of {code}");
    }
}

#[test]
fn sample_rules_match_the_seed_methods() {
    let cat = catalogue();
    let rule = |code: &str| {
        find(&cat, code)
            .scoring
            .clone()
            .unwrap_or_else(|| panic!("{code}"))
    };

    // 1.5: "+ Từ 20 trở lên: điểm tối đa; + Từ 10 đến 19: 1/2 *Điểm tối đa; + Dưới 10: 1/4* …"
    let Scoring::Tiers { levels, .. } = rule("1.5") else {
        panic!("1.5 is not tiers")
    };
    let got: Vec<(Option<f64>, f64)> = levels.iter().map(|l| (l.min, l.fraction)).collect();
    assert_eq!(
        got[..3],
        [(Some(20.0), 1.0), (Some(10.0), 0.5), (Some(1.0), 0.25)]
    );
    assert_eq!(levels[3].fraction, 0.0);

    // 1.1: Bí thư/Chủ tịch: full; Phó: 1/2; none: 0 — a choice.
    let Scoring::Tiers { levels, .. } = rule("1.1") else {
        panic!("1.1 is not tiers")
    };
    let got: Vec<f64> = levels.iter().map(|l| l.fraction).collect();
    assert_eq!(got, [1.0, 0.5, 0.0]);
    assert!(levels.iter().all(|l| l.min.is_none()));

    // 1.2: two halves, each has it or not.
    let Scoring::Parts { parts } = rule("1.2") else {
        panic!("1.2 is not parts")
    };
    assert_eq!(
        parts.iter().map(|p| p.weight).collect::<Vec<_>>(),
        [0.5, 0.5]
    );
    assert!(
        parts
            .iter()
            .all(|p| matches!(*p.rule, Scoring::Binary { .. }))
    );

    // 2.3: "- Đã ban hành: Điểm tối đa; - Chưa ban hành: 0 điểm."
    assert_eq!(rule("2.3"), Scoring::Binary { of: "a".into() });

    // 3.1: "- Tỷ lệ = a/b - Điểm = Tỷ lệ*Điểm tối đa"
    assert_eq!(rule("3.1"), Scoring::Ratio { of: "a/b".into() });

    // 3.5: "1. Triển khai … 1/2*Điểm tối đa … 2. Kết nối … 1/2* Điểm tối đa" = 3.5.1 + 3.5.2.
    assert_eq!(rule("3.5"), Scoring::SumOfChildren);
    let Scoring::Tiers { levels, .. } = rule("3.5.1") else {
        panic!("3.5.1 is not tiers")
    };
    assert_eq!(
        levels.iter().map(|l| l.fraction).collect::<Vec<_>>(),
        [1.0, 0.5, 0.0]
    );
    assert!(matches!(rule("3.5.2"), Scoring::Binary { .. }));

    // 3.6: "Điểm = Tỷ lệ*1/2*Điểm tối đa" twice, a/b then c/d.
    let Scoring::Parts { parts } = rule("3.6") else {
        panic!("3.6 is not parts")
    };
    let got: Vec<(f64, Scoring)> = parts
        .iter()
        .map(|p| (p.weight, (*p.rule).clone()))
        .collect();
    assert_eq!(
        got,
        [
            (0.5, Scoring::Ratio { of: "a/b".into() }),
            (0.5, Scoring::Ratio { of: "c/d".into() })
        ]
    );

    // 4.5: "Tính điểm theo phương pháp Min-Max dựa vào tỷ lệ cao nhất …"
    assert!(matches!(rule("4.5"), Scoring::MinMax { ref of, .. } if of == "g/h"));
    // 4.12: "Tỷ lệ ≥ 80%: điểm tối đa - Tỷ lệ < 80%: Điểm = Tỷ lệ*Điểm tối đa/80%"
    assert_eq!(
        rule("4.12"),
        Scoring::RatioThreshold {
            of: "a/b".into(),
            threshold: 0.8
        }
    );
    assert_eq!(
        rule("4.13"),
        Scoring::RatioThreshold {
            of: "a/b".into(),
            threshold: 0.7
        }
    );

    // 5.12.1: "Mức 1 ≥ 10% (điểm tối đa) Mức 2 ≥ 7% (70% điểm) Mức 3 ≥ 3% (30% điểm)"
    let Scoring::Tiers { of, levels } = rule("5.12.1") else {
        panic!("5.12.1 is not tiers")
    };
    assert_eq!(of, "d/c");
    let got: Vec<(Option<f64>, f64)> = levels.iter().map(|l| (l.min, l.fraction)).collect();
    assert_eq!(
        got,
        [
            (Some(0.10), 1.0),
            (Some(0.07), 0.7),
            (Some(0.03), 0.3),
            (Some(0.0), 0.0)
        ]
    );
    // 5.12.2: "Mức 1: ≥ 2 tỷ: 100% … Mức 2: ≥ 1 tỷ: 70% … Mức 3: ≥ 0,5 tỷ: 30%"
    let Scoring::Tiers { levels, .. } = rule("5.12.2") else {
        panic!("5.12.2 is not tiers")
    };
    let got: Vec<Option<f64>> = levels.iter().map(|l| l.min).collect();
    assert_eq!(got, [Some(2.0), Some(1.0), Some(0.5), Some(0.0)]);

    // 6.1: "4/5*Điểm tối đa … IPv6: 1/5 *Điểm tối đa"
    let Scoring::Parts { parts } = rule("6.1") else {
        panic!("6.1 is not parts")
    };
    assert_eq!(
        parts.iter().map(|p| p.weight).collect::<Vec<_>>(),
        [0.8, 0.2]
    );
    // 6.8: "+ Tỷ lệ = 100%: Điểm tối đa; + Tỷ lệ < 100%: 0 điểm"
    let Scoring::Tiers { of, levels } = rule("6.8") else {
        panic!("6.8 is not tiers")
    };
    assert_eq!(of, "a/b");
    assert_eq!(levels[0].min, Some(1.0));
    // 6.12: "- Tỷ lệ = (b+c)/a … + Tỷ lệ>=80%: Điểm tối đa; + Tỷ lệ<80%: Tỷ lệ/80%*Điểm tối đa"
    assert_eq!(
        rule("6.12"),
        Scoring::RatioThreshold {
            of: "d/a".into(),
            threshold: 0.8
        }
    );
    let d = find(&cat, "6.12")
        .inputs
        .iter()
        .find(|i| i.name == "d")
        .map(|i| i.description.clone());
    assert!(d.is_some_and(|d| d.starts_with("b + c")));
    // 6.21: "… có ứng dụng AI …: 1 điểm; - Tổng điểm không quá Điểm tối đa."
    assert_eq!(
        rule("6.21"),
        Scoring::CappedCount {
            of: "a".into(),
            per_item: 1.0,
            cap: None
        }
    );
    // 6.22: "+ Tỷ lệ>=1%: Điểm tối đa"
    assert_eq!(
        rule("6.22"),
        Scoring::RatioThreshold {
            of: "d/c".into(),
            threshold: 0.01
        }
    );

    // 7.x thresholds: "Tỷ lệ ≥ 20%", "≥ 5%", "≥ 10%", "≥ 0.25%".
    for (code, t) in [
        ("7.1", 0.2),
        ("7.2", 0.05),
        ("7.3", 0.1),
        ("7.9", 0.05),
        ("7.11", 0.0025),
    ] {
        assert_eq!(
            rule(code),
            Scoring::RatioThreshold {
                of: "a/b".into(),
                threshold: t
            },
            "{code}"
        );
    }
    // 7.10: "điểm = tỷ lệ của địa phương/tỷ lệ của địa phương cao nhất * điểm tối đa"
    assert_eq!(
        rule("7.10"),
        Scoring::MinMax {
            of: "a/b".into(),
            best: "best".into(),
            worst: None
        }
    );
    // 8.2: "+ Tỷ lệ >= 80%: Điểm tối đa"
    assert_eq!(
        rule("8.2"),
        Scoring::RatioThreshold {
            of: "a/b".into(),
            threshold: 0.8
        }
    );
    // 8.8: "Tổng điểm được cộng các chỉ số con: 8.8.1 + 8.8.2 + 8.8.3"
    assert_eq!(rule("8.8"), Scoring::SumOfChildren);
    assert_eq!(find(&cat, "8.8").children.len(), 3);
    assert_eq!(rule("8.8.2.1"), Scoring::Ratio { of: "a/b".into() });
}

#[test]
fn method_text_keeps_the_decisions_lines() {
    let cat = catalogue();
    let method = |code: &str| find(&cat, code).method.clone().unwrap_or_default();
    assert!(
        method("1.5").contains("+ Từ 20 trở lên: điểm tối đa;\n+ Từ 10 đến 19: 1/2 *Điểm tối đa;")
    );
    assert!(
        method("6.12").contains("b = Tổng số hồ sơ giải quyết trực tuyến của DVCTT mức độ 3;\n")
    );
    assert!(method("6.12").contains("+ Tỷ lệ>=80%: Điểm tối đa;"));
    assert!(method("5.12.1").contains("Mức 2 ≥ 7% (70% điểm)"));
    assert!(method("9.2").contains("- Đang xin ý kiến: 1/2 điểm tối đa"));
    // No stripped diacritics in names: every name of more than one word has a marked vowel.
    for (_, e) in flatten(&cat) {
        if e.name.contains(' ') {
            assert!(
                e.name.chars().any(|c| !c.is_ascii() && c.is_alphabetic()),
                "{}: {}",
                e.code.value,
                e.name
            );
        }
    }
}
