//! Validation of a parsed catalogue: codes, tree shape, sums and scoring rules.
//!
//! Every problem is collected (none stops the check) and located at the entry's code or
//! max_points in the YAML source.

use std::collections::HashMap;

use super::error::Problem;
use super::expr;
use super::model::{Catalogue, Entry, Scoring};
use crate::source::Span;
use crate::vn::number::points as fmt_points;

/// Tolerance for sums of points and of weights.
pub const TOLERANCE: f64 = 1e-6;

/// Check a catalogue; an empty list means it is valid.
pub fn validate(cat: &Catalogue) -> Vec<Problem> {
    let mut v = Validator {
        problems: Vec::new(),
        seen: HashMap::new(),
        all_codes: Vec::new(),
    };
    collect_codes(&cat.indices, &mut v.all_codes);
    for e in &cat.indices {
        v.entry(e, None);
    }
    v.total(cat);
    v.problems
}

fn collect_codes<'a>(entries: &'a [Entry], out: &mut Vec<&'a str>) {
    for e in entries {
        out.push(&e.code);
        collect_codes(&e.children, out);
    }
}

struct Validator<'a> {
    problems: Vec<Problem>,
    seen: HashMap<&'a str, Span>,
    all_codes: Vec<&'a str>,
}

fn well_formed(code: &str) -> bool {
    !code.is_empty()
        && code
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

impl<'a> Validator<'a> {
    fn push(&mut self, p: Problem) {
        self.problems.push(p);
    }

    fn entry(&mut self, e: &'a Entry, parent: Option<&'a Entry>) {
        let code = e.code.as_str();
        let span = e.code.span;
        if !well_formed(code) {
            self.push(
                Problem::new(format!(
                    "mã \"{code}\" sai dạng (malformed code): cần số cách nhau bởi dấu chấm"
                ))
                .label(span, "mã sai dạng (malformed code)")
                .help("viết mã dạng 6, 6.12 hoặc 8.8.1.1 (write codes like 6, 6.12, 8.8.1.1)"),
            );
        } else {
            self.placement(e, parent);
        }
        if let Some(first) = self.seen.get(code).copied() {
            self.push(
                Problem::new(format!("mã \"{code}\" bị trùng (duplicate code)"))
                    .label(span, "trùng mã (duplicate)")
                    .label(first, "xuất hiện lần đầu ở đây (first defined here)")
                    .help("mỗi mã chỉ xuất hiện một lần: đổi mã hoặc bỏ mục trùng (give each entry its own code)"),
            );
        } else {
            self.seen.insert(code, span);
        }
        self.children_sum(e);
        if let Some(rule) = &e.scoring {
            self.rule(e, rule);
        }
        for c in &e.children {
            self.entry(c, Some(e));
        }
    }

    fn placement(&mut self, e: &Entry, parent: Option<&Entry>) {
        let code = e.code.as_str();
        let implied = code.rsplit_once('.').map(|(p, _)| p);
        match (parent, implied) {
            (None, None) => {}
            (None, Some(p)) => self.push(
                Problem::new(format!(
                    "\"{code}\" nằm ở cấp chỉ số chính nhưng mã có chỉ số cha {p} (entry at main-index level has a parent code)"
                ))
                .label(e.code.span, format!("phải nằm trong children của {p}"))
                .help(format!("chuyển mục này vào children của chỉ số {p} (move it under {p})")),
            ),
            (Some(par), implied) if implied != Some(par.code.as_str()) => {
                let exists = implied.is_some_and(|p| self.all_codes.contains(&p));
                let why = match implied {
                    Some(p) if exists => format!("mã cha của nó là {p}"),
                    Some(p) => format!("mã cha {p} không có trong bộ chỉ số (parent {p} does not exist)"),
                    None => "mã không có phần cha".to_string(),
                };
                self.push(
                    Problem::new(format!(
                        "\"{code}\" nằm dưới \"{}\" nhưng {why} (bad parent)",
                        par.code.as_str()
                    ))
                    .label(e.code.span, format!("mã phải bắt đầu bằng \"{}.\"", par.code.as_str()))
                    .label(par.code.span, "mục cha (parent entry)")
                    .help(format!(
                        "đổi mã thành {}.n hoặc chuyển mục sang đúng chỉ số cha (renumber it or move it)",
                        par.code.as_str()
                    )),
                );
            }
            _ => {}
        }
    }

    fn children_sum(&mut self, e: &Entry) {
        let Some(max) = &e.max_points else { return };
        let scored: Vec<f64> = e
            .children
            .iter()
            .filter_map(|c| c.max_points.as_ref().map(|m| m.value))
            .collect();
        if scored.is_empty() {
            return;
        }
        let sum: f64 = scored.iter().sum();
        // Children whose points are not yet known: the known ones must fit in the parent.
        let all_known = scored.len() == e.children.len();
        let wrong = if all_known {
            (sum - max.value).abs() > TOLERANCE
        } else {
            sum > max.value + TOLERANCE
        };
        if wrong {
            self.push(
                Problem::new(format!(
                    "điểm các chỉ số con của {} cộng lại được {} nhưng điểm tối đa là {} (children's points do not add up)",
                    e.code.as_str(),
                    fmt_points(sum),
                    fmt_points(max.value)
                ))
                .label(max.span, format!("tổng chỉ số con: {}", fmt_points(sum)))
                .help("sửa điểm tối đa của mục cha hoặc của các chỉ số con cho khớp (make them agree)"),
            );
        }
    }

    fn rule(&mut self, e: &Entry, rule: &Scoring) {
        let span = e.code.span;
        let code = e.code.as_str();
        let mut refs: Vec<String> = Vec::new();
        let mut bad = |p: Problem| self.problems.push(p);
        rule_refs(rule, &mut refs, &mut |msg: String| {
            bad(Problem::new(format!("{code}: {msg}"))
                .label(span, "quy tắc tính điểm của mục này (this entry's rule)")
                .help("sửa phần scoring của mục (fix the entry's scoring)"));
        });
        if matches!(rule, Scoring::SumOfChildren) && e.children.is_empty() {
            self.push(
                Problem::new(format!(
                    "{code}: quy tắc sum_of_children nhưng không có chỉ số con (sum of children without children)"
                ))
                .label(span, "không có children")
                .help("thêm children hoặc dùng quy tắc khác (add children or choose another rule)"),
            );
        }
        let declared: Vec<&str> = e.inputs.iter().map(|i| i.name.as_str()).collect();
        // A derived input is a formula of the other declared inputs.
        for i in &e.inputs {
            let Some(f) = &i.derived else { continue };
            let bad_names: Vec<String> = match expr::parse(f) {
                Ok(x) => x
                    .names()
                    .into_iter()
                    .filter(|n| !declared.contains(n) || *n == i.name)
                    .map(str::to_string)
                    .collect(),
                Err(err) => vec![err.to_string()],
            };
            if !bad_names.is_empty() {
                self.push(
                    Problem::new(format!(
                        "{code}: đầu vào {} có derived \"{f}\" dùng {} không phải đầu vào khác đã khai báo (derived input refers to undeclared inputs)",
                        i.name,
                        bad_names.join(", ")
                    ))
                    .label(span, "đầu vào của mục này (this entry's inputs)")
                    .help("viết derived bằng tên các đầu vào khác của mục (use the entry's other input names)"),
                );
            }
        }
        let mut missing: Vec<String> = Vec::new();
        for r in refs {
            if !declared.contains(&r.as_str()) && !missing.contains(&r) {
                missing.push(r);
            }
        }
        if !missing.is_empty() {
            self.push(
                Problem::new(format!(
                    "{code}: quy tắc dùng đầu vào chưa khai báo: {} (undeclared inputs)",
                    missing.join(", ")
                ))
                .label(span, "khai báo các đầu vào trong inputs")
                .help("thêm mỗi đầu vào vào inputs với name và description (declare each input)"),
            );
        }
    }

    /// The main indices add up to the total; while some are not yet known (a catalogue
    /// entered before the decision's points are), the known ones must not exceed it.
    fn total(&mut self, cat: &Catalogue) {
        let sum: f64 = cat
            .indices
            .iter()
            .filter_map(|e| e.max_points.as_ref().map(|m| m.value))
            .sum();
        let all_known = cat.indices.iter().all(|e| e.max_points.is_some());
        let wrong = if all_known {
            (sum - cat.total_points.value).abs() > TOLERANCE
        } else {
            sum > cat.total_points.value + TOLERANCE
        };
        if wrong {
            self.push(
                Problem::new(format!(
                    "các chỉ số chính cộng lại được {} nhưng total_points là {} (main indices do not add up to the total)",
                    fmt_points(sum),
                    fmt_points(cat.total_points.value)
                ))
                .label(cat.total_points.span, format!("tổng chỉ số chính: {}", fmt_points(sum)))
                .help("sửa total_points hoặc điểm tối đa của các chỉ số chính (make them agree)"),
            );
        }
    }
}

/// Collect the input names a rule reads, reporting malformed parameters via `bad`.
fn rule_refs(rule: &Scoring, refs: &mut Vec<String>, bad: &mut dyn FnMut(String)) {
    let of = |s: &str, refs: &mut Vec<String>, bad: &mut dyn FnMut(String)| match expr::parse(s) {
        Ok(e) => refs.extend(e.names().into_iter().map(str::to_string)),
        Err(err) => bad(err.to_string()),
    };
    match rule {
        Scoring::Binary { of: o } | Scoring::Ratio { of: o } => of(o, refs, bad),
        Scoring::Tiers { of: o, levels } => {
            of(o, refs, bad);
            for l in levels {
                if !(0.0..=1.0).contains(&l.fraction) {
                    bad(format!(
                        "mức \"{}\" có fraction {} ngoài khoảng [0, 1] (tier fraction out of range)",
                        l.label, l.fraction
                    ));
                }
            }
            if levels.is_empty() {
                bad("quy tắc tiers không có mức nào (tiers without levels)".into());
            }
        }
        Scoring::RatioThreshold { of: o, threshold } => {
            of(o, refs, bad);
            if threshold.is_nan() || *threshold <= 0.0 {
                bad(format!(
                    "ngưỡng {threshold} phải lớn hơn 0 (threshold must be positive)"
                ));
            }
        }
        Scoring::MinMax { of: o, best, worst } => {
            of(o, refs, bad);
            refs.push(best.clone());
            refs.extend(worst.iter().cloned());
        }
        Scoring::CappedCount {
            of: o,
            per_item,
            cap,
        } => {
            of(o, refs, bad);
            let bad_num = |v: f64| v.is_nan() || v <= 0.0;
            if bad_num(*per_item) || cap.is_some_and(bad_num) {
                bad("per_item và cap phải lớn hơn 0 (per_item and cap must be positive)".into());
            }
        }
        Scoring::Parts { parts } => {
            let sum: f64 = parts.iter().map(|p| p.weight).sum();
            if (sum - 1.0).abs() > TOLERANCE {
                bad(format!(
                    "trọng số các phần cộng lại được {} thay vì 1 (part weights do not add up to 1)",
                    fmt_points(sum)
                ));
            }
            for p in parts {
                if !(0.0..=1.0).contains(&p.weight) {
                    bad(format!(
                        "phần \"{}\" có weight {} ngoài [0, 1]",
                        p.label, p.weight
                    ));
                }
                rule_refs(&p.rule, refs, bad);
            }
        }
        Scoring::SumOfChildren | Scoring::Manual { .. } => {}
    }
}
