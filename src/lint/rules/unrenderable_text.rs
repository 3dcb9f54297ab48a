//! KH006 unrenderable-text: text the PDF standards or the fonts cannot carry, and
//! Markdown nested deeper than the renderer renders as structure. The render does not
//! fail on either (the characters are replaced, the deep structure flattened), but the
//! signed document would not say what the plan says: this finding says where.

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText};
use crate::render::fonts;
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
    // The characters of the file the fonts lack (most plans: none); each string is then
    // searched for those only.
    let lacking = fonts::embedded_lacking(&cx.source.text);
    // The tree the plan was read from (parsed once per file, shared with the text rules).
    if let Some(tree) = cx.texts().tree() {
        tree.each_string(&mut |s, span| check_text(s, span, &lacking, out));
    }
}

/// Whether Markdown text could nest deeper than [`markdown::MAX_DEPTH`]: each level of
/// structure needs a mark of its own (`>`, a list mark, emphasis, `#`, `|`, a fence),
/// and one mark opens at most two levels (a list and its item) — plus a code block or a
/// table cell at the bottom. Text with fewer marks is not parsed as Markdown at all.
fn may_nest(s: &str) -> bool {
    if s.len() <= 2 * markdown::MAX_DEPTH {
        return false;
    }
    // 2 × marks + 3 > MAX_DEPTH.
    let need = (markdown::MAX_DEPTH - 3) / 2 + 1;
    let b = s.as_bytes();
    let mut marks = 0;
    // Counted 64 bytes at a time in byte lanes, stopping as soon as there are enough:
    // the marks, and ordered-list numbers ("1.", "2)") starting in the chunk.
    for start in (0..b.len()).step_by(64) {
        let chunk = &b[start..(start + 64).min(b.len())];
        let pairs = &b[start..(start + 65).min(b.len())];
        let m = chunk.iter().fold(0u8, |n, &c| {
            n + u8::from(matches!(
                c,
                b'>' | b'*' | b'_' | b'~' | b'#' | b'|' | b'-' | b'+' | b'=' | b'`'
            ))
        });
        let d = pairs.iter().zip(&pairs[1..]).fold(0u8, |n, (&c, &next)| {
            n + u8::from(c.is_ascii_digit() & matches!(next, b'.' | b')'))
        });
        marks += usize::from(m) + usize::from(d);
        if marks >= need {
            return true;
        }
    }
    false
}

fn check_text(
    s: &str,
    span: crate::source::Span,
    lacking: &BTreeSet<char>,
    out: &mut Vec<Diagnostic>,
) {
    let bad: Vec<char> = lacking.iter().copied().filter(|&c| s.contains(c)).collect();
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
                span,
            )
            .with_help(crate::diagnostic::Text::new(
                "xóa ký tự lạ (thường dán từ Word), hoặc thêm phông chữ có các ký tự đó bằng --font-path",
                "delete the stray characters (often pasted from Word), or add a font that has them with --font-path",
            )),
        );
    }
    if may_nest(s) {
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
                    span,
                )
                .with_help(crate::diagnostic::Text::new(
                    "giảm số cấp trích dẫn (>) và danh sách lồng nhau (mỗi cấp danh sách tính hai)",
                    "use fewer nested quotes (>) and lists (each list level counts two)",
                )),
            );
        }
    }
}
