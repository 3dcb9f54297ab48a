//! `kehoach next`: next year's draft from this year's plan and the published results.
//!
//! The results become the new baseline (Hiện trạng: its table and its text); indicators at
//! full points leave the assignment table for `kept` (giữ vững); the other rows stay, with
//! deadlines that had run out moved to the new year and targets kept for the author to
//! revise; the outline and free text are kept as they are; number and date are cleared
//! (a draft). Every change is listed in a [`Report`].

use std::collections::{HashMap, HashSet};

use crate::catalogue::Catalogue;
use crate::diagnostic::Text;
use crate::plan::{Baseline, BaselineIndex, BaselineIndicator, Figure, Kept, KeptStatus, Plan};
use crate::score::report::IndicatorScore;
use crate::source::Spanned;
use crate::vn::Deadline;
use crate::vn::number::points as fmt_points;

use super::results::Results;

/// What `next` changed, in order, each in both languages.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub from_year: i32,
    pub to_year: i32,
    pub changes: Vec<Text>,
    /// Tasks moved to `kept`, deadlines moved, deadlines cleared.
    pub kept: usize,
    pub moved: usize,
    pub cleared: usize,
}

impl Report {
    fn push(&mut self, vi: String, en: String) {
        self.changes.push(Text::new(vi, en));
    }

    /// The report as Markdown (both languages).
    pub fn to_markdown(&self) -> String {
        let mut s = format!(
            "# kehoach next: {} → {}\n\n{} chỉ số chuyển sang giữ nguyên, {} thời hạn dời sang năm {}, {} thời hạn cần điền lại\n({} indicators kept at full points, {} deadlines moved to {}, {} deadlines to fill in again)\n\n",
            self.from_year,
            self.to_year,
            self.kept,
            self.moved,
            self.to_year,
            self.cleared,
            self.kept,
            self.moved,
            self.to_year,
            self.cleared
        );
        for c in &self.changes {
            s.push_str(&format!("- {} ({})\n", c.vi, c.en));
        }
        s
    }
}

/// Flatten a score report: code → (points, max).
fn scored(cat: &Catalogue, plan: &Plan) -> HashMap<String, (Option<f64>, Option<f64>)> {
    fn go(list: &[IndicatorScore], out: &mut HashMap<String, (Option<f64>, Option<f64>)>) {
        for i in list {
            out.insert(i.code.clone(), (i.points, i.max_points));
            go(&i.children, out);
        }
    }
    let report = crate::score::score_plan(cat, plan, &[]);
    let mut out = HashMap::new();
    for index in &report.indices {
        out.insert(index.code.clone(), (index.points, index.max_points));
        go(&index.indicators, &mut out);
    }
    out
}

fn full(points: Option<f64>, max: Option<f64>) -> bool {
    matches!((points, max), (Some(p), Some(m)) if m > 0.0 && p + 1e-9 >= m)
}

/// Replace the year as a whole number in `text` ("năm 2023", "Quý IV/2023").
fn replace_year(text: &str, from: i32, to: i32) -> String {
    let re = regex::Regex::new(&format!(r"(^|[^0-9]){from}([^0-9]|$)")).expect("valid regex");
    re.replace_all(text, |c: &regex::Captures| {
        format!("{}{to}{}", &c[1], &c[2])
    })
    .into_owned()
}

/// Next year's draft of `plan` from `results`.
pub fn next_plan(cat: &Catalogue, plan: &Plan, results: &Results) -> (Plan, Report) {
    let from = plan.document.year.value;
    let to = from + 1;
    let mut report = Report {
        from_year: from,
        to_year: to,
        ..Report::default()
    };
    let mut next = plan.clone();

    // The document: a draft for the new year.
    let doc = &mut next.document;
    doc.year = Spanned::unlocated(to);
    doc.draft = true;
    if doc.number.take().is_some() {
        report.push(
            "bỏ số văn bản (dự thảo)".into(),
            "number cleared (a draft)".into(),
        );
    }
    if doc.date.take().is_some() {
        report.push(
            "bỏ ngày ban hành (dự thảo)".into(),
            "date cleared (a draft)".into(),
        );
    }
    let title = replace_year(&doc.title.value, from, to);
    if title != doc.title.value {
        report.push(format!("trích yếu: «{title}»"), format!("title: «{title}»"));
        doc.title = Spanned::unlocated(title);
    }
    if doc.horizon.as_ref().is_some_and(|h| h.value <= to) {
        doc.horizon = None;
    }
    for a in &mut next.appendices {
        a.title = replace_year(&a.title, from, to);
    }

    // The baseline: the results.
    let old_total = plan
        .baseline
        .as_ref()
        .and_then(|b| b.total.as_ref())
        .and_then(figure);
    let old_rank = plan
        .baseline
        .as_ref()
        .and_then(|b| b.rank.as_ref())
        .map(|r| r.value);
    next.baseline = Some(baseline_from(cat, plan, results));
    let score = scored(cat, &next);
    // Index points the results did not give, from their indicators.
    if let Some(b) = next.baseline.as_mut() {
        for index in &cat.indices {
            let code = index.code.as_str();
            if b.indices.iter().any(|i| i.code.value == code) {
                continue;
            }
            if let Some((Some(p), _)) = score.get(code) {
                b.indices.push(BaselineIndex {
                    code: Spanned::unlocated(code.to_string()),
                    name: Some(index.name.clone()),
                    max_points: index
                        .max_points
                        .as_ref()
                        .map(|m| Spanned::unlocated(Figure::Number(m.value))),
                    points: Spanned::unlocated(Figure::Number(round2(*p))),
                    rank: None,
                    change: None,
                    rank_change: None,
                    note: None,
                });
            }
        }
        let order: HashMap<&str, usize> = cat
            .indices
            .iter()
            .enumerate()
            .map(|(i, e)| (e.code.as_str(), i))
            .collect();
        b.indices.sort_by_key(|i| {
            order
                .get(i.code.value.as_str())
                .copied()
                .unwrap_or(usize::MAX)
        });
        let total = b.total.as_ref().and_then(figure);
        b.text = Some(baseline_text(cat, plan, results, b));
        report.push(
            format!(
                "hiện trạng: kết quả năm {} (tổng {}, hạng {}; năm trước: {}, hạng {})",
                results.year.value,
                total.map_or("—".into(), fmt_points),
                results
                    .rank
                    .as_ref()
                    .map_or("—".into(), |r| r.value.to_string()),
                old_total.map_or("—".into(), fmt_points),
                old_rank.map_or("—".into(), |r| r.to_string()),
            ),
            format!(
                "baseline: the {} results (total {}, rank {}; the year before: {}, rank {})",
                results.year.value,
                total.map_or("—".into(), fmt_points),
                results
                    .rank
                    .as_ref()
                    .map_or("—".into(), |r| r.value.to_string()),
                old_total.map_or("—".into(), fmt_points),
                old_rank.map_or("—".into(), |r| r.to_string()),
            ),
        );
    }

    // Indicators kept earlier but no longer at full points go back to the author.
    let before = next.kept.len();
    next.kept.retain(|k| {
        if k.status != KeptStatus::FullPoints {
            return true;
        }
        let (p, m) = score.get(k.code.value.as_str()).copied().unwrap_or((None, None));
        if p.is_none() || full(p, m) {
            return true;
        }
        report.changes.push(Text::new(
            format!(
                "chỉ số {} không còn đạt tối đa ({}/{}): bỏ khỏi danh sách giữ nguyên, cần giao nhiệm vụ",
                k.code.value,
                p.map_or("—".into(), fmt_points),
                m.map_or("—".into(), fmt_points)
            ),
            format!(
                "indicator {} is no longer at full points ({}/{}): removed from `kept`, it needs a task",
                k.code.value,
                p.map_or("—".into(), fmt_points),
                m.map_or("—".into(), fmt_points)
            ),
        ));
        false
    });
    let _ = before;

    // Rows whose indicators are all at full points: kept (giữ vững).
    let mut kept_codes: HashSet<String> = next.kept.iter().map(|k| k.code.value.clone()).collect();
    let mut tasks = Vec::with_capacity(next.tasks.len());
    for mut task in std::mem::take(&mut next.tasks) {
        let all_full = !task.indicators.is_empty()
            && task.indicators.iter().all(|c| {
                let (p, m) = score.get(c.value.as_str()).copied().unwrap_or((None, None));
                full(p, m)
            });
        if all_full {
            for c in &task.indicators {
                let (p, m) = score.get(c.value.as_str()).copied().unwrap_or((None, None));
                if kept_codes.insert(c.value.clone()) {
                    next.kept.push(Kept {
                        code: Spanned::unlocated(c.value.clone()),
                        status: KeptStatus::FullPoints,
                        reason: Spanned::unlocated(format!(
                            "đạt điểm tối đa năm {} ({}/{}), duy trì",
                            results.year.value,
                            p.map_or("—".into(), fmt_points),
                            m.map_or("—".into(), fmt_points)
                        )),
                    });
                }
            }
            report.kept += 1;
            report.push(
                format!(
                    "nhiệm vụ `{}` ({}): đạt điểm tối đa, chuyển sang giữ nguyên",
                    task.id.value,
                    codes(&task.indicators)
                ),
                format!(
                    "task `{}` ({}): at full points, moved to `kept`",
                    task.id.value,
                    codes(&task.indicators)
                ),
            );
            continue;
        }
        if let Some(d) = task.deadline.as_mut() {
            let parsed = Deadline::parse(&d.value);
            if parsed.kind == crate::vn::DeadlineKind::Done && !task.indicators.is_empty() {
                report.cleared += 1;
                report.push(
                    format!(
                        "nhiệm vụ `{}`: «{}» nhưng chỉ số chưa đạt tối đa, cần điền thời hạn mới",
                        task.id.value, d.value
                    ),
                    format!(
                        "task `{}`: «{}» but the indicator is not at full points, give a new deadline",
                        task.id.value, d.value
                    ),
                );
                *d = Spanned::unlocated(String::new());
            } else if let Some(last) = parsed.latest_in(from).filter(|l| l.year < to) {
                let moved = replace_year(&d.value, last.year, to);
                if moved != d.value {
                    report.moved += 1;
                    report.push(
                        format!(
                            "nhiệm vụ `{}`: thời hạn «{}» → «{moved}»",
                            task.id.value, d.value
                        ),
                        format!(
                            "task `{}`: deadline «{}» → «{moved}»",
                            task.id.value, d.value
                        ),
                    );
                    *d = Spanned::unlocated(moved);
                }
            }
        }
        tasks.push(task);
    }
    next.tasks = tasks;

    let targets = next.goals.as_ref().map_or(0, |g| g.targets.len())
        + next
            .tasks
            .iter()
            .filter(|t| t.target.as_deref().is_some_and(|x| !x.trim().is_empty()))
            .count();
    if targets > 0 {
        report.push(
            format!("giữ nguyên {targets} mục tiêu để tác giả xem lại"),
            format!("{targets} targets kept for the author to revise"),
        );
    }
    let mentions = old_year_mentions(&next, from);
    if mentions > 0 {
        report.push(
            format!("phần lời văn còn nhắc năm {from} {mentions} lần: giữ nguyên, cần xem lại"),
            format!(
                "the free text still names {from} {mentions} times: kept as written, to review"
            ),
        );
    }
    (next, report)
}

fn codes(list: &[Spanned<String>]) -> String {
    list.iter()
        .map(|c| c.value.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn figure(f: &Spanned<Figure>) -> Option<f64> {
    match &f.value {
        Figure::Number(n) => Some(*n),
        Figure::Text(t) => crate::vn::number::parse(t),
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// How often the old year appears in the text the author wrote (not the baseline).
fn old_year_mentions(plan: &Plan, year: i32) -> usize {
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(plan.preamble.as_deref());
    texts.extend(plan.purposes.as_deref());
    texts.extend(plan.requirements.as_deref());
    texts.extend(plan.reporting.as_deref());
    texts.extend(plan.closing.as_deref());
    if let Some(g) = &plan.goals {
        texts.extend(g.text.as_deref());
    }
    fn sections<'a>(list: &'a [crate::plan::Section], out: &mut Vec<&'a str>) {
        for s in list {
            out.push(&s.heading);
            out.extend(s.body.as_deref());
            sections(&s.sections, out);
        }
    }
    sections(&plan.sections, &mut texts);
    for t in &plan.tasks {
        texts.extend(t.body.as_deref());
    }
    if let Some(o) = &plan.organisation {
        texts.extend(o.text.as_deref());
        texts.extend(o.duties.iter().map(|d| d.body.as_str()));
    }
    let re = regex::Regex::new(&format!(r"(^|[^0-9]){year}([^0-9]|$)")).expect("valid regex");
    texts.iter().map(|t| re.find_iter(t).count()).sum()
}

/// The new baseline from the results, in catalogue order.
fn baseline_from(cat: &Catalogue, plan: &Plan, results: &Results) -> Baseline {
    let old = plan.baseline.as_ref();
    let old_index = |code: &str| old.and_then(|b| b.indices.iter().find(|i| i.code.value == code));
    let mut indices = Vec::new();
    let mut indicators = Vec::new();
    let order: HashMap<String, usize> = cat
        .walk()
        .iter()
        .enumerate()
        .map(|(i, w)| (w.entry.code.value.clone(), i))
        .collect();
    let mut scores: Vec<_> = results.scores.iter().collect();
    scores.sort_by_key(|s| order.get(&s.code.value).copied().unwrap_or(usize::MAX));
    for s in scores {
        let code = s.code.value.as_str();
        let entry = cat.get(code);
        if !code.contains('.') {
            let Some(points) = &s.points else { continue };
            let prev = old_index(code);
            let change = prev
                .and_then(|p| figure(&p.points))
                .map(|o| round2(points.value - o));
            let rank_change = match (prev.and_then(|p| p.rank.as_ref()), &s.rank) {
                (Some(a), Some(b)) => Some(f64::from(a.value) - f64::from(b.value)),
                _ => None,
            };
            indices.push(BaselineIndex {
                code: Spanned::unlocated(code.to_string()),
                name: entry.map(|e| e.name.clone()),
                max_points: entry
                    .and_then(|e| e.max_points.as_ref())
                    .map(|m| Spanned::unlocated(Figure::Number(m.value))),
                points: Spanned::unlocated(Figure::Number(points.value)),
                rank: s.rank.as_ref().map(|r| Spanned::unlocated(r.value)),
                change: change.map(|c| Spanned::unlocated(Figure::Number(c))),
                rank_change: rank_change.map(|c| Spanned::unlocated(Figure::Number(c))),
                note: None,
            });
        } else {
            indicators.push(BaselineIndicator {
                code: Spanned::unlocated(code.to_string()),
                points: s
                    .points
                    .as_ref()
                    .map(|p| Spanned::unlocated(Figure::Number(p.value))),
                status: None,
                inputs: s
                    .inputs
                    .iter()
                    .map(|(k, v)| (k.clone(), Spanned::unlocated(v.value.clone())))
                    .collect(),
                note: None,
            });
        }
    }
    Baseline {
        year: results.year.value,
        total: results
            .total
            .as_ref()
            .map(|t| Spanned::unlocated(Figure::Number(t.value))),
        rank: results.rank.as_ref().map(|r| Spanned::unlocated(r.value)),
        max_points: Some(Spanned::unlocated(Figure::Number(cat.total_points.value))),
        total_change: None,
        rank_change: None,
        indices,
        indicators,
        text: None,
    }
}

/// The Hiện trạng paragraph: total, rank and each main index's points and rank.
fn baseline_text(cat: &Catalogue, plan: &Plan, results: &Results, b: &Baseline) -> String {
    let place = &plan.document.place;
    let mut s = format!(
        "Theo kết quả đánh giá Chỉ số chuyển đổi số (DTI) năm {}",
        b.year
    );
    if let Some(src) = &results.source {
        s.push_str(&format!(" ({src})"));
    }
    s.push_str(&format!(", tỉnh {place}"));
    if let Some(t) = b.total.as_ref().and_then(figure) {
        s.push_str(&format!(" đạt {} điểm", fmt_points(t)));
    }
    if let Some(r) = &b.rank {
        s.push_str(&format!(", xếp hạng **{}/63** tỉnh, thành phố", r.value));
        let old = plan
            .baseline
            .as_ref()
            .and_then(|o| o.rank.as_ref())
            .map(|r| r.value);
        if let Some(o) = old {
            let d = i64::from(o) - i64::from(r.value);
            let word = match d {
                d if d > 0 => format!(" (**tăng {d} bậc** so với năm {})", b.year - 1),
                d if d < 0 => format!(" (**giảm {} bậc** so với năm {})", -d, b.year - 1),
                _ => format!(" (giữ nguyên thứ hạng so với năm {})", b.year - 1),
            };
            s.push_str(&word);
        }
    }
    s.push_str("; chi tiết các chỉ số chính như sau:\n\n");
    for i in &b.indices {
        let name = cat
            .get(&i.code.value)
            .map_or(i.code.value.clone(), |e| e.name.clone());
        let pts = figure(&i.points).map_or("—".into(), fmt_points);
        let max = i.max_points.as_ref().and_then(figure);
        s.push_str(&format!("- {name}: {pts}"));
        if let Some(m) = max {
            s.push_str(&format!("/{} điểm", fmt_points(m)));
        } else {
            s.push_str(" điểm");
        }
        if let Some(r) = &i.rank {
            s.push_str(&format!(", hạng {}/63", r.value));
        }
        s.push_str(";\n");
    }
    if s.ends_with(";\n") {
        s.truncate(s.len() - 2);
        s.push_str(".\n");
    }
    s
}
