//! User text on its way into WordprocessingML: characters XML 1.0 forbids are removed
//! and reported, line breaks and tabs become `w:br` and `w:tab`, and the rest is left to
//! docx-rs, which escapes `<`, `>`, `&` and quotes. Nothing in user text is ever parsed as
//! XML, so any string comes out literally.

use docx_rs::{BreakType, Run, RunFonts};

/// A character removed from the output because XML 1.0 cannot carry it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stripped {
    /// Where in the document it was ("căn cứ", "nơi nhận", "phụ lục I" …).
    pub place: String,
    /// The character, as `U+0007`.
    pub character: String,
    /// How many times it occurred there.
    pub count: usize,
}

impl Stripped {
    /// The notice shown to the user (both languages, lower case, no final period).
    pub fn message(&self) -> String {
        format!(
            "đã bỏ {n} ký tự {c} mà XML 1.0 không cho phép trong {p} (removed {n} {c} \
             character(s) XML 1.0 forbids, in {p}): xóa ký tự điều khiển này khỏi tệp kế hoạch",
            n = self.count,
            c = self.character,
            p = self.place
        )
    }
}

/// Whether XML 1.0 allows the character (`Char` production; Rust strings hold no
/// surrogates).
pub fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// Collects the characters removed while the document is built.
#[derive(Debug, Default)]
pub struct Sink {
    pub stripped: Vec<Stripped>,
    /// The part of the document being written, for the notices.
    pub place: String,
}

impl Sink {
    /// `text` without the characters XML 1.0 forbids; each removal is recorded.
    pub fn clean(&mut self, text: &str) -> String {
        if text.chars().all(xml_allowed) {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if xml_allowed(c) {
                out.push(c);
                continue;
            }
            let character = format!("U+{:04X}", c as u32);
            match self
                .stripped
                .iter_mut()
                .find(|s| s.place == self.place && s.character == character)
            {
                Some(s) => s.count += 1,
                None => self.stripped.push(Stripped {
                    place: self.place.clone(),
                    character,
                    count: 1,
                }),
            }
        }
        out
    }
}

/// How a run looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Look {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    /// Size in half-points; 0 = the paragraph's.
    pub size: usize,
}

impl Look {
    pub fn size(size_pt: usize) -> Self {
        Look {
            size: size_pt * 2,
            ..Look::default()
        }
    }
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    pub fn italic(mut self) -> Self {
        self.italic = true;
        self
    }
}

/// The font every run names, for all four scripts Word distinguishes.
pub fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(super::style::FONT)
        .hi_ansi(super::style::FONT)
        .cs(super::style::FONT)
        .east_asia(super::style::FONT)
}

/// One run holding `text` (already cleaned): lines become breaks, tabs `w:tab`,
/// carriage returns are dropped.
pub fn run(text: &str, look: Look) -> Run {
    let mut r = Run::new().fonts(fonts());
    if look.bold {
        r = r.bold();
    }
    if look.italic {
        r = r.italic();
    }
    if look.strike {
        r = r.strike();
    }
    if look.size > 0 {
        r = r.size(look.size);
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                r = r.add_tab();
            }
            let piece = piece.replace('\r', "");
            if !piece.is_empty() {
                r = r.add_text(piece);
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_removed_and_counted() {
        let mut sink = Sink {
            place: "căn cứ".into(),
            ..Sink::default()
        };
        assert_eq!(
            sink.clean("a\u{7}b\u{7}c\u{FFFE}đ\u{1F389}"),
            "abcđ\u{1F389}"
        );
        assert_eq!(sink.stripped.len(), 2);
        assert_eq!(sink.stripped[0].character, "U+0007");
        assert_eq!(sink.stripped[0].count, 2);
        assert!(
            sink.stripped[1]
                .message()
                .starts_with("đã bỏ 1 ký tự U+FFFE")
        );
        assert_eq!(sink.clean("Tiền Giang\tx\n"), "Tiền Giang\tx\n");
    }
}
