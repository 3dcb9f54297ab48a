//! KH133 truncated-text: a text that stops mid-sentence — on a word that cannot end one
//! ("… của", "… và", "… của Ủy ban"), or with a bracket left open.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::context::Context;
use crate::lint::rule::{Check, Explanation, Meta, RuleDef, StaticText, t};

pub static RULE: RuleDef = RuleDef {
    meta: Meta {
        code: "KH133",
        name: "truncated-text",
        level: Level::Warning,
        summary: StaticText::new(
            "văn bản bị cắt giữa câu",
            "text cut off mid-sentence",
        ),
        explanation: Explanation {
            why: StaticText::new(
                "một đoạn dừng ở từ không thể kết câu (\"… ngày 06/9/2022 của Ủy ban\", \"… phối hợp với\") hoặc mở ngoặc mà không đóng thường là nội dung bị mất khi chép từ bảng hay qua trang; người thực hiện không biết phần còn lại",
                "a passage that stops on a word no sentence ends with (\"… ngày 06/9/2022 của Ủy ban\", \"… phối hợp với\") or opens a bracket it never closes usually lost its end when copied from a table or across a page; whoever carries it out cannot know the rest",
            ),
            bad: "tasks:\n  - id: nv-1\n    deadline: Theo chỉ tiêu tại Công văn số 4842/UBND-KSTT ngày 06/9/2022 của Ủy ban\n",
            good: "tasks:\n  - id: nv-1\n    deadline: Theo chỉ tiêu tại Công văn số 4842/UBND-KSTT ngày 06/9/2022 của Ủy ban nhân dân tỉnh\n",
        },
    },
    check: Check::Plan(check),
};

/// Words no Vietnamese sentence or cell ends with ("theo" is not one: "các năm tiếp
/// theo").
const DANGLING: &[&str] = &[
    "của", "và", "các", "những", "với", "tại", "cho", "để", "là", "về", "trong", "từ",
    "đến", "hoặc", "được", "bởi", "do", "nhằm", "thì", "mà", "như", "cùng",
];

/// Word pairs that are always followed by more ("Ủy ban nhân dân", "Ủy ban quốc gia").
const DANGLING_PAIRS: &[&str] = &["ủy ban", "uỷ ban"];

/// Why a text looks cut off, and the byte range of its last word(s).
pub fn cut_off(text: &str) -> Option<(&'static str, &'static str, std::ops::Range<usize>)> {
    let trimmed = text.trim_end();
    if trimmed.is_empty() {
        return None;
    }
    // Most texts open no bracket (a SIMD search says so); the others have both
    // brackets counted in one pass over the bytes.
    let (opens, closes) = if memchr::memchr(b'(', trimmed.as_bytes()).is_none() {
        (0, 0)
    } else {
        trimmed.bytes().fold((0usize, 0usize), |(o, c), b| {
            (o + usize::from(b == b'('), c + usize::from(b == b')'))
        })
    };
    if opens > closes {
        let at = trimmed.rfind('(')?;
        return Some((
            "mở ngoặc \"(\" mà không đóng",
            "opens a bracket it never closes",
            at..trimmed.len(),
        ));
    }
    let last_char = trimmed.chars().last()?;
    if !last_char.is_alphabetic() {
        return None;
    }
    let words: Vec<(usize, &str)> = trimmed
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| (w.as_ptr() as usize - trimmed.as_ptr() as usize, w))
        .collect();
    let (at, last) = *words.first()?;
    // No dangling word is longer than "những" (8 bytes) and the pairs end in "ban": a
    // longer last word needs no lower-casing.
    if last.len() > 8 {
        return None;
    }
    let low = crate::vn::case::lower(last);
    if DANGLING.contains(&low.as_str()) && words.len() > 1 {
        return Some(("dừng ở một từ không thể kết câu", "stops on a word no sentence ends with", at..trimmed.len()));
    }
    if let Some(&(at2, prev)) = words.get(1) {
        let pair = format!("{} {}", crate::vn::case::lower(prev), low);
        if DANGLING_PAIRS.contains(&pair.as_str()) {
            return Some(("dừng ở \"Ủy ban\" mà không có tên ủy ban", "stops on \"Ủy ban\" without the committee's name", at2..trimmed.len()));
        }
    }
    None
}

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let texts = cx.texts();
    for f in texts.fields() {
        if matches!(f.key, "heading" | "name") {
            continue;
        }
        let Some((vi, en, range)) = cut_off(&f.text) else { continue };
        out.push(
            RULE.meta
                .diag(
                    format!("văn bản bị cắt: {vi}"),
                    format!("the text is cut off: it {en}"),
                    texts.phrase(f, range),
                )
                .with_path(f.path.clone())
                .with_label(t("bị cắt ở đây", "cut off here"))
                .with_help(t(
                    "chép lại phần còn thiếu từ bản gốc",
                    "copy the missing end from the original",
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::cut_off;

    #[test]
    fn cut_and_whole() {
        for s in [
            "Theo chỉ tiêu tại khoản 3 Công văn số 4842/UBND-KSTT ngày 06/9/2022 của Ủy ban",
            "Chủ trì, phối hợp với",
            "Các sở (trừ Sở Nội vụ",
        ] {
            assert!(cut_off(s).is_some(), "{s}");
        }
        for s in [
            "Có chức năng",
            "Quý IV/2023",
            "Thường xuyên",
            "theo hướng dẫn của Bộ Thông tin và Truyền thông.",
            "Ủy ban nhân dân tỉnh",
            "a) Sở Nội vụ (chủ trì)",
            "tăng 5%",
        ] {
            assert!(cut_off(s).is_none(), "{s}");
        }
    }
}
