//! KH304 agency-alias: an alias written where the canonical name is expected.

use crate::diagnostic::{Diagnostic, Fix, Level};
use crate::lint::context::Context;
use crate::lint::fix::replace_in_scalar;
use crate::lint::mentions::Mention;
use crate::lint::rule::{Explanation, Meta, StaticText, t, Check, RuleDef};
use crate::vn::agency::Lookup;

/// An agency named by an abbreviation or another spelling ("Sở TT&TT") rather than the
/// canonical name the registry gives.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH304",
        name: "agency-alias",
        level: Level::Info,
        summary: StaticText::new(
            "tên cơ quan viết tắt hoặc viết khác tên chuẩn",
            "an agency named by an alias, not its canonical name",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "cùng một cơ quan viết nhiều kiểu (\"Sở KH&CN\", \"Sở KHCN\", \"Sở Khoa học và Công nghệ\") làm bảng tổng hợp theo cơ quan bị tách thành nhiều dòng. Văn bản hành chính nên dùng tên đầy đủ; đây chỉ là thông tin, và `kehoach lint --fix` sửa tự động",
                "one agency written several ways (\"Sở KH&CN\", \"Sở KHCN\", \"Sở Khoa học và Công nghệ\") splits the per-agency summary into several rows. Administrative documents should use the full name; this is information only, and `kehoach lint --fix` corrects it",
            ),
            bad: "tasks:\n  - id: nv-1\n    lead: [Sở KHCN]\n",
            good: "tasks:\n  - id: nv-1\n    lead: [Sở Khoa học và Công nghệ]\n",
        },
    },
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (m, found) in cx.agency_lookups() {
        let Lookup::Alias { agency, .. } = found else {
            continue;
        };
        // Gone by the plan's date: KH305 names (and fixes to) the successor instead.
        if crate::lint::asof::plan_day(cx).is_some_and(|d| !agency.exists_on(d)) {
            continue;
        }
        let name = m.text.trim();
        let mut d = RULE.meta
            .diag(
                format!("\"{name}\" là tên khác của \"{}\"", agency.name),
                format!("\"{name}\" is another name for \"{}\"", agency.name),
                m.span,
            )
            .with_path(m.path.clone())
            .with_label(t("tên khác", "alias"))
            .with_help(t(
                format!("viết tên chuẩn \"{}\"", agency.name),
                format!("write the canonical name \"{}\"", agency.name),
            ));
        if let Some(fix) = fix(cx, m, name, &agency.name) {
            d = d.with_fix(fix);
        }
        out.push(d);
    }
}

/// The canonical name in place of the alias, when the alias is found verbatim in the
/// source (not through escapes) and the name can be written in that scalar's style.
fn fix(cx: &Context, m: &Mention, name: &str, canonical: &str) -> Option<Fix> {
    let text: &str = &cx.source.text;
    let written = text.get(m.span.offset..m.span.offset + m.span.len)?;
    if written != m.text {
        return None;
    }
    let lead = m.text.find(name)?;
    let piece = crate::source::Span {
        offset: m.span.offset + lead,
        len: name.len(),
        ..m.span
    };
    replace_in_scalar(text, m.cell, piece, canonical)
}
