//! KH234 method-missing-case: a scoring method with no case that awards nothing, or with
//! a value no case covers ("Tỷ lệ > 5%" and "Tỷ lệ < 5%").

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::method;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH234",
        name: "method-missing-case",
        level: Level::Warning,
        summary: StaticText::new(
            "cách tính điểm thiếu trường hợp 0 điểm hoặc bỏ sót một giá trị",
            "a scoring method with no zero case, or a value no case covers",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "cách tính điểm theo mức phải nói cả khi nào không được điểm; thiếu trường hợp 0 điểm thì không rõ tỉnh chưa làm được bao nhiêu. Các ngưỡng phải phủ hết mọi giá trị: \"Tỷ lệ > 5%: điểm tối đa; Tỷ lệ < 5%: …\" bỏ sót đúng 5% (Bộ chỉ số viết \"≥ 5%\")",
                "a method by levels must also say when nothing is earned; without a zero case nobody knows what a province that did nothing gets. Thresholds must cover every value: \"Tỷ lệ > 5%: điểm tối đa; Tỷ lệ < 5%: …\" leaves out exactly 5% (the catalogue writes \"≥ 5%\")",
            ),
            bad: "tasks:\n  - id: pl-6.2\n    indicators: [\"6.2\"]\n    max_points: 5\n    method: \"- Có Cổng dữ liệu mở: 1/2*Điểm tối đa; - Đã đáp ứng yêu cầu kỹ thuật: 1/2*Điểm tối đa\"\n",
            good: "tasks:\n  - id: pl-6.2\n    indicators: [\"6.2\"]\n    max_points: 5\n    method: \"- Có Cổng dữ liệu mở: 1/2*Điểm tối đa; - Đã đáp ứng yêu cầu kỹ thuật: 1/2*Điểm tối đa; - Chưa triển khai: 0 điểm\"\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let texts = cx.texts();
    for (i, task) in cx.plan.tasks.iter().enumerate() {
        let Some(m) = &task.method else { continue };
        if super::common::method_from_catalogue(cx, task, m) {
            continue;
        }
        let read = method::read(m);
        if !read.scores_anything() {
            continue;
        }
        let path = format!("tasks[{i}].method");
        let mut found = Vec::new();
        if let Some((v, r)) = read.gap() {
            let p = crate::vn::number::format(v * 100.0, 2);
            found.push((
                format!("không trường hợp nào tính điểm cho tỷ lệ đúng bằng {p}%"),
                format!("no case scores a rate of exactly {}%", super::pts_en(v * 100.0)),
                texts.span(&path, m, r.start, r.end),
                t(
                    format!("viết một ngưỡng có dấu bằng, ví dụ \"Tỷ lệ ≥ {p}%\", như Bộ chỉ số"),
                    format!("make one threshold inclusive, e.g. \"Tỷ lệ ≥ {p}%\", as the catalogue does"),
                ),
            ));
        } else if !read.has_zero_case() {
            found.push((
                "cách tính điểm không có trường hợp 0 điểm".to_string(),
                "the scoring method has no case that awards 0 points".to_string(),
                texts.scalar_span(&path).unwrap_or(task.id.span),
                t(
                    "thêm trường hợp không đạt (\"Chưa triển khai: 0 điểm\") như Bộ chỉ số",
                    "add the case that earns nothing (\"Chưa triển khai: 0 điểm\") as the catalogue has it",
                ),
            ));
        }
        for (vi, en, span, help) in found {
            let mut d = RULE
                .meta
                .diag(vi, en, span)
                .with_path(path.clone())
                .with_label(t("thiếu trường hợp", "case missing"))
                .with_help(help);
            if let Some(c) = task.indicators.first() {
                d = d.with_indicator(crate::lint::trim(&c.value));
            }
            out.push(d);
        }
    }
}
