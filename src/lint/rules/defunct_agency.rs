//! KH305 defunct-agency: an agency that does not exist on the plan's date.

use crate::diagnostic::{Diagnostic, Fix, Level};
use crate::lint::asof::{day_en, day_vi, plan_day};
use crate::lint::context::Context;
use crate::lint::fix::replace_in_scalar;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};
use crate::source::Span;
use crate::vn::Date;
use crate::vn::agency::{Agency, Registry};

/// An agency the plan assigns work to (or sends the plan to) that had been merged or
/// dissolved by the plan's date, or was not yet established: the registry's time model
/// (`from`, `until`, `successor`) as of the plan's issue date.
pub static RULE: RuleDef = RuleDef {
    meta: Meta {
    code: "KH305",
    name: "defunct-agency",
    level: Level::Warning,
    summary: StaticText::new(
        "cơ quan không còn tồn tại (hoặc chưa thành lập) vào ngày ban hành kế hoạch",
        "an agency that no longer exists (or did not yet exist) on the plan's date",
    ),
    explanation: Explanation {
        why: StaticText::new(
            "từ 01/3/2025 nhiều sở được hợp nhất (Sở Thông tin và Truyền thông vào Sở Khoa học và Công nghệ; Sở Kế hoạch và Đầu tư vào Sở Tài chính …) và từ 01/7/2025 không còn cấp huyện. Nhiệm vụ giao cho cơ quan không còn tồn tại thì không ai chịu trách nhiệm thực hiện, và đoàn đánh giá DTI đọc đó là kế hoạch sao chép từ năm trước. Kế hoạch được đối chiếu với danh mục cơ quan tại ngày ban hành; khi chỉ có một cơ quan kế thừa, `kehoach lint --fix` thay tên",
            "from 01/3/2025 many departments were merged (the Sở Thông tin và Truyền thông into the Sở Khoa học và Công nghệ, the Sở Kế hoạch và Đầu tư into the Sở Tài chính …) and from 01/7/2025 there is no district level. A task given to an agency that no longer exists has nobody to carry it out, and DTI assessors read it as a plan copied from an earlier year. The plan is checked against the registry as of its issue date; where there is one successor, `kehoach lint --fix` writes its name",
        ),
        bad: "document:\n  date: \"2026-01-15\"\ntasks:\n  - id: nv-1\n    lead: [Sở Thông tin và Truyền thông]\n    support: [UBND cấp huyện]\nrecipients:\n  - \"Bộ Thông tin và Truyền thông (b/c);\"\n",
        good: "document:\n  date: \"2026-01-15\"\ntasks:\n  - id: nv-1\n    lead: [Sở Khoa học và Công nghệ]\n    support: [UBND cấp xã]\nrecipients:\n  - \"Bộ Khoa học và Công nghệ (b/c);\"\n",
    },
},
    check: Check::Plan(check),
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(reg), Some(day)) = (cx.agencies, plan_day(cx)) else {
        return;
    };
    for (m, found) in cx.agency_lookups() {
        let Some(agency) = found.agency() else {
            continue;
        };
        if agency.exists_on(day) {
            continue;
        }
        let name = m.text.trim();
        let lead = m.text.find(name).unwrap_or(0);
        let piece = Span {
            offset: m.span.offset + lead,
            len: name.len(),
            ..m.span
        };
        out.push(finding(
            cx, reg, agency, day, name, m.span, m.cell, piece, &m.path,
        ));
    }
    // The recipients (nơi nhận): "Bộ Thông tin và Truyền thông (b/c);".
    for (i, r) in cx.plan.recipients.iter().enumerate() {
        let found = reg.lookup(&r.value);
        let Some(agency) = found.agency() else {
            continue;
        };
        if agency.exists_on(day) {
            continue;
        }
        // The spelling written, for the message and the fix (none when it is only found
        // after normalisation, in another case or spacing).
        let written = spellings(agency)
            .filter_map(|s| r.value.find(s).map(|at| (at, s)))
            .min_by_key(|&(at, s)| (at, std::cmp::Reverse(s.len())));
        let (name, piece) = match written {
            Some((_, s)) => {
                let sp = cx.sub_span(r.span, s);
                (s, if sp.len == s.len() { sp } else { Span::UNKNOWN })
            }
            None => (agency.name.as_str(), Span::UNKNOWN),
        };
        let path = format!("recipients[{i}]");
        let at = if piece.is_known() { piece } else { r.span };
        out.push(finding(
            cx, reg, agency, day, name, at, r.span, piece, &path,
        ));
    }
}

fn spellings(a: &Agency) -> impl Iterator<Item = &str> {
    std::iter::once(a.name.as_str())
        .chain(a.short.as_deref())
        .chain(a.aliases.iter().map(String::as_str))
}

#[allow(clippy::too_many_arguments)]
fn finding(
    cx: &Context,
    reg: &Registry,
    agency: &Agency,
    day: Date,
    name: &str,
    span: Span,
    cell: Span,
    piece: Span,
    path: &str,
) -> Diagnostic {
    let on = day_vi(day);
    let on_en = day_en(day);
    let basis = agency
        .basis
        .as_deref()
        .map(|b| (format!(" theo {b}"), format!(" under {b}")))
        .unwrap_or_default();
    if let Some(from) = agency.from.filter(|f| day < *f) {
        return RULE.meta
            .diag(
                format!(
                    "\"{name}\" chỉ được thành lập từ {}{}, sau ngày của kế hoạch ({on})",
                    day_vi(from),
                    basis.0
                ),
                format!(
                    "\"{name}\" was only established on {}{}, after the plan's date ({on_en})",
                    day_en(from),
                    basis.1
                ),
                span,
            )
            .with_path(path.to_string())
            .with_label(t("chưa thành lập", "not yet established"))
            .with_help(t(
                "giao cho cơ quan có vào ngày ban hành, hoặc sửa ngày của kế hoạch",
                "name the agency that existed on the plan's date, or correct the plan's date",
            ));
    }
    let until = agency.until.map(day_vi).unwrap_or_default();
    let until_en = agency.until.map(day_en).unwrap_or_default();
    let next = reg.successors_on(agency, day);
    let names: Vec<&str> = next.iter().map(|a| a.name.as_str()).collect();
    let (vi, en, help) = if names.is_empty() {
        (
            format!("\"{name}\" không còn tồn tại từ {until}{}", basis.0),
            format!("\"{name}\" no longer exists from {until_en}{}", basis.1),
            t(
                "giao nhiệm vụ cho cơ quan đang thực hiện chức năng này",
                "give the task to the body that does this work now",
            ),
        )
    } else {
        let list = names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let help = if names.len() == 1 {
            t(format!("viết {list}"), format!("write {list}"))
        } else {
            t(
                format!("chọn cơ quan nhận phần việc này trong số {list}"),
                format!("choose the one that took over this work among {list}"),
            )
        };
        (
            format!(
                "\"{name}\" không còn tồn tại từ {until}{}; chức năng chuyển cho {list}",
                basis.0
            ),
            format!(
                "\"{name}\" no longer exists from {until_en}{}; its work passed to {list}",
                basis.1
            ),
            help,
        )
    };
    let mut d = RULE.meta
        .diag(vi, en, span)
        .with_path(path.to_string())
        .with_label(t(
            format!("không còn từ {until}"),
            format!("gone from {until_en}"),
        ))
        .with_help(help);
    if let [only] = next.as_slice() {
        if let Some(fix) = fix(cx, cell, piece, name, &only.name) {
            d = d.with_fix(fix);
        }
    }
    d
}

/// The successor's name in place of the old one, when the old one is in the source
/// verbatim at `piece`.
fn fix(cx: &Context, cell: Span, piece: Span, name: &str, successor: &str) -> Option<Fix> {
    let text: &str = &cx.source.text;
    if text.get(piece.offset..piece.offset + piece.len)? != name {
        return None;
    }
    replace_in_scalar(text, cell, piece, successor)
}
