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

struct Seen<'a> {
    first: HashMap<String, (Span, String)>,
    out: &'a mut Vec<Diagnostic>,
    what: (&'static str, &'static str),
}

impl Seen<'_> {
    fn see(&mut self, key: &str, span: Span, path: String, indicator: Option<&str>) {
        self.see_as(key, key, span, path, indicator)
    }

    fn see_as(
        &mut self,
        key: &str,
        shown: &str,
        span: Span,
        path: String,
        indicator: Option<&str>,
    ) {
        let key = key.trim();
        let shown = shown.trim();
        if let Some((first_span, first_path)) = self.first.get(key) {
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
                .with_path(path)
                .with_label(t("lặp lại", "repeated"))
                .with_help(t(
                    "xóa dòng lặp, hoặc đổi định danh cho khác",
                    "remove the repeated entry, or give it another id",
                ));
            if let Some(c) = indicator {
                d = d.with_indicator(c);
            }
            self.out.push(d);
        } else {
            self.first.insert(key.to_string(), (span, path));
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
        s.see(&task.id.value, task.id.span, format!("tasks[{i}].id"), None);
    }
    s.first.clear();
    s.what = ("dòng chỉ số", "indicator row");
    for (i, task) in plan.tasks.iter().enumerate() {
        if task.max_points.is_none() {
            continue;
        }
        let group = task.group.as_ref().map(|g| g.value.trim()).unwrap_or("");
        for (j, c) in task.indicators.iter().enumerate() {
            let key = format!("{group}\u{1f}{}", c.value.trim());
            let code = c.value.trim();
            s.see_as(
                &key,
                code,
                c.span,
                format!("tasks[{i}].indicators[{j}]"),
                Some(code),
            );
        }
    }
    if let Some(b) = &plan.baseline {
        s.first.clear();
        s.what = ("mã chỉ số chính", "main index code");
        for (i, x) in b.indices.iter().enumerate() {
            s.see(
                &x.code.value,
                x.code.span,
                format!("baseline.indices[{i}].code"),
                Some(x.code.value.trim()),
            );
        }
        s.first.clear();
        s.what = ("mã chỉ số", "indicator code");
        for (i, x) in b.indicators.iter().enumerate() {
            s.see(
                &x.code.value,
                x.code.span,
                format!("baseline.indicators[{i}].code"),
                Some(x.code.value.trim()),
            );
        }
    }
    s.first.clear();
    s.what = ("mã chỉ số giữ nguyên", "kept code");
    for (i, k) in plan.kept.iter().enumerate() {
        s.see(
            &k.code.value,
            k.code.span,
            format!("kept[{i}].code"),
            Some(k.code.value.trim()),
        );
    }
    if let Some(g) = &plan.goals {
        s.first.clear();
        s.what = ("mã mục tiêu", "target code");
        for (i, x) in g.targets.iter().enumerate() {
            s.see(
                &x.code.value,
                x.code.span,
                format!("goals.targets[{i}].code"),
                Some(x.code.value.trim()),
            );
        }
    }
    s.first.clear();
    s.what = ("định danh bảng kinh phí", "budget table id");
    for (i, b) in plan.budget_tables.iter().enumerate() {
        s.see(
            &b.id.value,
            b.id.span,
            format!("budget_tables[{i}].id"),
            None,
        );
    }
}
