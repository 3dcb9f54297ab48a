//! KH006 unrenderable-text: text the PDF standards or the fonts cannot carry, and
//! Markdown nested deeper than the renderer renders as structure. The render does not
//! fail on either (the characters are replaced, the deep structure flattened), but the
//! signed document would not say what the plan says: this finding says where.

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText};
use crate::plan::node::{Node, NodeKind};
use crate::render::fonts::{self, Carry};
use crate::render::markdown;

/// Text the PDF or the fonts cannot carry.
pub static RULE: RuleDef = RuleDef {
    meta: META,
    check: Check::Plan(check),
};

const META: Meta = Meta {
    code: "KH006",
    name: "unrenderable-text",
    level: Level::Warning,
    summary: StaticText::new(
        "văn bản có ký tự PDF hoặc phông chữ không thể hiện được, hoặc Markdown lồng quá sâu",
        "text the PDF or the fonts cannot carry, or Markdown nested too deep",
    ),
    explanation: Explanation {
        why: StaticText::new(
            "văn bản ký số theo chuẩn PDF/A và PDF/UA không được chứa ký tự U+FEFF, ký tự vùng riêng (như dấu đầu dòng của Word U+F0B7) hay ký tự không có trong phông chữ (chữ Khmer, chữ Hán khi chưa thêm phông bằng --font-path); khi xuất, các ký tự đó bị thay bằng �, và Markdown lồng quá sâu được in thành chữ thường. Sửa trong kế hoạch để văn bản ký ban hành nói đúng điều kế hoạch viết",
            "a document signed as PDF/A and PDF/UA may not contain U+FEFF, private-use characters (such as Word's bullet U+F0B7) or characters no font has (Khmer or Han script unless a font is added with --font-path); the render replaces them with �, and Markdown nested too deep is printed as plain text. Fix the plan so that the signed document says what the plan says",
        ),
        bad: "tasks:\n  - id: nv-1\n    title: \"\u{f0b7} Triển khai nền tảng\"\n",
        good: "tasks:\n  - id: nv-1\n    title: \"Triển khai nền tảng\"\n",
    },
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    {
        let text = &cx.source.text;
        // Nothing to find in most plans: skip the tree unless a character or a line could
        // give a finding.
        if !text.chars().any(|c| !c.is_ascii() && !fonts_carry(c)) && !text.lines().any(may_nest) {
            return;
        }
        let node = crate::yaml::from_str::<Node>(text)
            .or_else(|| crate::yaml::from_str_saphyr::<Node>(text).ok());
        if let Some(node) = node {
            walk(&node, out);
        }
    }
}

fn fonts_carry(c: char) -> bool {
    fonts::embedded_carry(c) == Carry::Yes
}

/// Whether a line could be part of Markdown nested over the limit: many `>`, many
/// emphasis marks, or a list item indented six levels.
fn may_nest(line: &str) -> bool {
    let body = line.trim_start_matches(' ');
    let indent = line.len() - body.len();
    let count = |set: &[char]| line.chars().filter(|c| set.contains(c)).count();
    count(&['>']) >= 4
        || count(&['*', '_', '~']) >= markdown::MAX_DEPTH
        || (indent >= markdown::MAX_DEPTH
            && (body.starts_with(['-', '*', '+', '>'])
                || body.starts_with(|c: char| c.is_ascii_digit())))
}

fn walk(node: &Node, out: &mut Vec<Diagnostic>) {
    match &node.kind {
        NodeKind::Str(s) => check_text(s, node, out),
        NodeKind::Seq(items) => items.iter().for_each(|n| walk(n, out)),
        NodeKind::Map(entries) => entries.iter().for_each(|(_, n)| walk(n, out)),
        _ => {}
    }
}

fn check_text(s: &str, node: &Node, out: &mut Vec<Diagnostic>) {
    let bad: BTreeSet<char> = s
        .chars()
        .filter(|&c| !c.is_ascii() && !fonts_carry(c))
        .collect();
    if !bad.is_empty() {
        let list: Vec<String> = bad
            .iter()
            .take(5)
            .map(|c| format!("U+{:04X}", *c as u32))
            .collect();
        let more = if bad.len() > 5 { ", …" } else { "" };
        let list = format!("{}{more}", list.join(", "));
        out.push(
            META.diag(
                format!(
                    "văn bản có ký tự PDF hoặc phông chữ không thể hiện được ({list}): khi xuất sẽ bị bỏ hoặc thay bằng �"
                ),
                format!(
                    "the text has characters the PDF or the fonts cannot carry ({list}): the render drops them or prints �"
                ),
                node.span,
            )
            .with_help(crate::diagnostic::Text::new(
                "xóa ký tự lạ (thường dán từ Word), hoặc thêm phông chữ có các ký tự đó bằng --font-path",
                "delete the stray characters (often pasted from Word), or add a font that has them with --font-path",
            )),
        );
    }
    if s.len() > 2 * markdown::MAX_DEPTH {
        let depth = markdown::nesting_depth(s);
        if depth > markdown::MAX_DEPTH {
            out.push(
                META.diag(
                    format!(
                        "Markdown lồng {depth} cấp, quá giới hạn {} cấp: phần sâu hơn được in thành chữ thường",
                        markdown::MAX_DEPTH
                    ),
                    format!(
                        "Markdown nested {depth} levels, over the limit of {}: the deeper part is printed as plain text",
                        markdown::MAX_DEPTH
                    ),
                    node.span,
                )
                .with_help(crate::diagnostic::Text::new(
                    "giảm số cấp trích dẫn (>) và danh sách lồng nhau (mỗi cấp danh sách tính hai)",
                    "use fewer nested quotes (>) and lists (each list level counts two)",
                )),
            );
        }
    }
}
