//! KH505 duplicate-id: an id or code given twice where it must be unique.

use foldhash::{HashMap, HashMapExt};

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::source::Span;

/// Task ids, baseline codes, `kept` codes, target codes and budget table ids must be
/// unique; an appendix row (a task with `max_points`) must not repeat an indicator
/// within its group.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH505",
        name: "duplicate-id",
        level: Level::Error,
        summary: StaticText::new("mã hoặc định danh bị lặp", "a duplicate id or code"),
        explanation: Explanation {
            why: StaticText::new(
                "định danh nhiệm vụ dùng để dẫn chiếu và theo dõi; mã chỉ số lặp trong bảng hiện trạng hoặc bảng phân công (thường do trang bị lặp khi sao chép) làm tổng điểm bị cộng hai lần và không biết dòng nào đúng",
                "task ids are how tasks are cited and tracked; an indicator repeated in the baseline or the assignment table (often a page copied twice) is counted twice in totals, and nobody knows which row is right",
            ),
            bad: "tasks:\n  - id: pl1-6.12\n  - id: pl1-6.12\n",
            good: "tasks:\n  - id: pl1-6.12\n  - id: pl1-6.13\n",
        },
    },
    check: Check::Plan(check),
};

/// Where an entry is (`tasks[3].indicators[1]`), written out only for a finding.
#[derive(Clone, Copy)]
struct At {
    list: &'static str,
    i: usize,
    /// `.field`, or `.field[j]`.
    field: &'static str,
    j: Option<usize>,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}].{}", self.list, self.i, self.field)?;
        match self.j {
            Some(j) => write!(f, "[{j}]"),
            None => Ok(()),
        }
    }
}

fn at(list: &'static str, i: usize, field: &'static str) -> At {
    At {
        list,
        i,
        field,
        j: None,
    }
}

struct Seen<'a, 'd> {
    /// By (group, trimmed id): the group is "" except for appendix rows.
    first: HashMap<(&'a str, &'a str), (Span, At)>,
    out: &'d mut Vec<Diagnostic>,
    what: (&'static str, &'static str),
}

impl<'a> Seen<'a, '_> {
    fn see(&mut self, key: &'a str, span: Span, path: At, indicator: bool) {
        self.see_in("", key, span, path, indicator)
    }

    /// `key` within `group`; shown as the trimmed key, and its indicator when `indicator`.
    fn see_in(&mut self, group: &'a str, key: &'a str, span: Span, path: At, indicator: bool) {
        let shown = crate::lint::trim(key);
        if let Some((first_span, first_path)) = self.first.get(&(group, shown)) {
            let mut d = RULE.meta
                .diag(
                    format!(
                        "{} `{shown}` bị lặp (đã có ở `{first_path}`, dòng {})",
                        self.what.0, first_span.line
                    ),
                    format!(
                        "duplicate {} `{shown}` (first at `{first_path}`, line {})",
                        self.what.1, first_span.line
                    ),
                    span,
                )
                .with_path(path.to_string())
                .with_label(t("lặp lại", "repeated"))
                .with_help(t(
                    "xóa dòng lặp, hoặc đổi định danh cho khác",
                    "remove the repeated entry, or give it another id",
                ));
            if indicator {
                d = d.with_indicator(shown);
            }
            self.out.push(d);
        } else {
            self.first.insert((group, shown), (span, path));
        }
    }
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let mut s = Seen {
        first: HashMap::new(),
        out,
        what: ("định danh nhiệm vụ", "task id"),
    };
    for (i, task) in plan.tasks.iter().enumerate() {
        s.see(&task.id.value, task.id.span, at("tasks", i, "id"), false);
    }
    s.first.clear();
    s.what = ("dòng chỉ số", "indicator row");
    for (i, task) in plan.tasks.iter().enumerate() {
        if task.max_points.is_none() {
            continue;
        }
        let group = task.group.as_ref().map(|g| crate::lint::trim(&g.value)).unwrap_or("");
        for (j, c) in task.indicators.iter().enumerate() {
            let path = At {
                j: Some(j),
                ..at("tasks", i, "indicators")
            };
            s.see_in(group, &c.value, c.span, path, true);
        }
    }
    if let Some(b) = &plan.baseline {
        s.first.clear();
        s.what = ("mã chỉ số chính", "main index code");
        for (i, x) in b.indices.iter().enumerate() {
            s.see(&x.code.value, x.code.span, at("baseline.indices", i, "code"), true);
        }
        s.first.clear();
        s.what = ("mã chỉ số", "indicator code");
        for (i, x) in b.indicators.iter().enumerate() {
            s.see(&x.code.value, x.code.span, at("baseline.indicators", i, "code"), true);
        }
    }
    s.first.clear();
    s.what = ("mã chỉ số giữ nguyên", "kept code");
    for (i, k) in plan.kept.iter().enumerate() {
        s.see(&k.code.value, k.code.span, at("kept", i, "code"), true);
    }
    if let Some(g) = &plan.goals {
        s.first.clear();
        s.what = ("mã mục tiêu", "target code");
        for (i, x) in g.targets.iter().enumerate() {
            s.see(&x.code.value, x.code.span, at("goals.targets", i, "code"), true);
        }
    }
    s.first.clear();
    s.what = ("định danh bảng kinh phí", "budget table id");
    for (i, b) in plan.budget_tables.iter().enumerate() {
        s.see(&b.id.value, b.id.span, at("budget_tables", i, "id"), false);
    }
}
