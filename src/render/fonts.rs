//! Fonts: Liberation Serif 2.1.5 (SIL OFL 1.1, Times New Roman metrics, full Vietnamese
//! coverage) embedded in the binary with Symbola as the one fallback for symbols and
//! emoji, plus any fonts found in `--font-path` directories.
//! Typst's own bundled fonts are never loaded (Libertinus Serif Bold Italic lacks Ơ/Ư).

use std::path::Path;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};

use super::RenderError;

/// The family name the templates use.
pub const FAMILY: &str = "Liberation Serif";

/// The fallback for symbols and emoji Liberation Serif lacks.
pub const FALLBACK: &str = "Symbola";

static EMBEDDED: [&[u8]; 5] = [
    include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
    include_bytes!("../../fonts/Symbola.ttf"),
];

/// The fonts a render may use, and their book (cheap to clone: the font data is shared).
#[derive(Clone, Debug)]
pub struct Fonts {
    pub book: FontBook,
    pub fonts: Vec<Font>,
}

impl Fonts {
    /// The embedded fonts, then every font file (`.ttf`, `.otf`, `.ttc`, `.otc`) under
    /// the given directories, in sorted path order (so font selection is deterministic).
    pub fn load(dirs: &[impl AsRef<Path>]) -> Result<Fonts, RenderError> {
        let mut fonts: Vec<Font> = EMBEDDED
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        for dir in dirs {
            let dir = dir.as_ref();
            if !dir.is_dir() {
                return Err(RenderError::Io {
                    path: dir.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "font directory not found",
                    ),
                });
            }
            let mut paths: Vec<_> = walkdir::WalkDir::new(dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .map(|e| e.into_path())
                .filter(|p| is_font_file(p))
                .collect();
            paths.sort();
            for path in paths {
                // Regular files only, at most 64 MiB (the largest CJK fonts are ~20 MB).
                let data = crate::yaml::read_bounded(&path, 64 * 1024 * 1024).map_err(|e| {
                    RenderError::Io {
                        path: path.clone(),
                        source: e.into(),
                    }
                })?;
                fonts.extend(Font::iter(Bytes::new(data)));
            }
        }
        let book = FontBook::from_fonts(&fonts);
        Ok(Fonts { book, fonts })
    }
}

/// What the PDF standards (PDF/A-2b, PDF/UA-1) and the fonts can carry of a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carry {
    /// Rendered as it is.
    Yes,
    /// Dropped: U+FEFF, a zero-width no-break space (a byte-order mark pasted from Word or
    /// Excel), which the standards forbid in text and which shows as nothing anyway.
    Drop,
    /// Replaced by U+FFFD: forbidden by the standards (NUL, U+FFFE and the other
    /// noncharacters, the private-use areas such as Word's bullet U+F0B7), or in no font.
    Replace,
}

/// Format characters Typst lays out without a glyph (default-ignorable code points:
/// joiners, soft hyphen, bidi controls, variation selectors, tags), so no font needs them.
fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}'..='\u{1160}' | '\u{17b4}'..='\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{ffa0}'
        | '\u{fff0}'..='\u{fff8}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}')
}

/// What the PDF standards allow, before fonts are asked.
fn standard_carry(c: char) -> Carry {
    let u = c as u32;
    if c == '\u{feff}' {
        Carry::Drop
    } else if u == 0
        || (0xfdd0..=0xfdef).contains(&u)
        || u & 0xfffe == 0xfffe
        || (0xe000..=0xf8ff).contains(&u)
        || u >= 0xf0000
    {
        Carry::Replace
    } else {
        Carry::Yes
    }
}

impl Fonts {
    /// Whether some loaded font has a glyph for `c` (Typst falls back over all of them).
    pub fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
    }

    /// What a render with these fonts does with `c`.
    pub fn carry(&self, c: char) -> Carry {
        if c.is_ascii() || c.is_whitespace() || c.is_control() {
            // Controls are dropped by `escape::literal`; whitespace needs no glyph.
            return Carry::Yes;
        }
        match standard_carry(c) {
            Carry::Yes if is_ignorable(c) || self.covers(c) => Carry::Yes,
            Carry::Yes => Carry::Replace,
            other => other,
        }
    }

    /// `text` with every character these fonts and the PDF standards cannot carry dropped
    /// or replaced (by U+FFFD, or `?` when no font has U+FFFD), so that text pasted from
    /// anywhere renders instead of failing the whole document. Lint reports each such
    /// character where the plan has it (KH006).
    pub fn sanitize<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let mut memo: std::collections::HashMap<char, Carry> = std::collections::HashMap::new();
        let mut carry = |c: char| *memo.entry(c).or_insert_with(|| self.carry(c));
        if text.chars().all(|c| c.is_ascii() || carry(c) == Carry::Yes) {
            return text.into();
        }
        let replacement = if self.covers('\u{fffd}') {
            '\u{fffd}'
        } else {
            '?'
        };
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match if c.is_ascii() { Carry::Yes } else { carry(c) } {
                Carry::Yes => out.push(c),
                Carry::Drop => {}
                Carry::Replace => out.push(replacement),
            }
        }
        out.into()
    }
}

/// The embedded fonts (what lint checks text against: `--font-path` fonts are only known
/// to a render).
pub fn embedded() -> &'static Fonts {
    static FONTS: std::sync::LazyLock<Fonts> = std::sync::LazyLock::new(|| {
        let fonts: Vec<Font> = EMBEDDED
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        Fonts {
            book: FontBook::from_fonts(&fonts),
            fonts,
        }
    });
    &FONTS
}

/// What a render with only the embedded fonts does with `c`; a table lookup below U+3000
/// (Vietnamese and every script the embedded fonts cover), so lint can ask for every
/// character of every plan.
pub fn embedded_carry(c: char) -> Carry {
    const TABLE: usize = 0x3000;
    static CARRY: std::sync::LazyLock<Vec<Carry>> = std::sync::LazyLock::new(|| {
        (0..TABLE as u32)
            .map(|u| char::from_u32(u).map_or(Carry::Replace, |c| embedded().carry(c)))
            .collect()
    });
    if (c as usize) < TABLE {
        CARRY[c as usize]
    } else {
        embedded().carry(c)
    }
}

/// The characters of `text` a render with only the embedded fonts would not print as they
/// are, each once, in order. Most texts have none: a pass over the characters' first two
/// (or three) bytes ([`maybe_lacking`], exact below U+3000) clears them, and only a text it
/// cannot clear is decoded.
pub fn embedded_lacking(text: &str) -> std::collections::BTreeSet<char> {
    if maybe_lacking(text.as_bytes()) {
        decode_lacking(text)
    } else {
        std::collections::BTreeSet::new()
    }
}

/// For each byte value, the second bytes (by their low six bits) after which every
/// character that starts with the pair is carried: all of them after ASCII and
/// continuation bytes; after a two-byte lead, the characters carried; after a three-byte
/// lead below U+3000, the blocks of 64 wholly carried (after E1: BA and BB, Vietnamese);
/// none after a higher three-byte lead or a four-byte lead.
fn carried_pairs() -> &'static [u64; 256] {
    static PAIRS: std::sync::LazyLock<[u64; 256]> = std::sync::LazyLock::new(|| {
        let carried = |u: u32| char::from_u32(u).is_some_and(|c| embedded_carry(c) == Carry::Yes);
        let mut pairs = [u64::MAX; 256];
        for (lead, good) in pairs.iter_mut().enumerate().skip(0xC0) {
            let lead = lead as u32;
            *good = 0;
            for second in 0..64u32 {
                let all = match lead {
                    0xC0..=0xDF => carried(((lead & 0x1F) << 6) | second),
                    // Below U+3000 (the table of `embedded_carry`); text with a
                    // character above it is decoded.
                    0xE0..=0xE2 => {
                        (0..64).all(|third| carried(((lead & 0x0F) << 12) | (second << 6) | third))
                    }
                    _ => false,
                };
                if all {
                    *good |= 1 << second;
                }
            }
        }
        pairs
    });
    &PAIRS
}

/// Whether `b` (UTF-8) may hold a character the fonts lack; `false` is certain.
fn maybe_lacking(b: &[u8]) -> bool {
    let pairs = carried_pairs();
    let mut i = 0;
    while i + 9 <= b.len() {
        let word = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        // The lead bytes of the word (11xxxxxx, the top bit of each), the only bytes whose
        // pair can fail: ASCII and continuation bytes pair with anything.
        let mut leads = word & (word << 1) & 0x8080_8080_8080_8080;
        while leads != 0 {
            let k = i + (leads.trailing_zeros() / 8) as usize;
            // The pair's bit inline (most pairs pass), the third byte only after it.
            if !pairs[usize::from(b[k])] >> (b[k + 1] & 63) & 1 != 0 && lacking_triple(b, k) {
                return true;
            }
            leads &= leads - 1;
        }
        i += 8;
    }
    // The tail, the last byte paired with nothing (a lead byte there would be a cut
    // character, which UTF-8 text does not have).
    (i..b.len()).any(|k| lacking_at(b, k))
}

/// Whether the character starting at `b[k]` may be one the fonts lack: not if its pair is
/// wholly carried (as after every ASCII or continuation byte), nor, below U+3000, if its
/// three bytes are.
fn lacking_at(b: &[u8], k: usize) -> bool {
    let second = b.get(k + 1).copied().unwrap_or(0x80);
    !carried_pairs()[usize::from(b[k])] >> (second & 63) & 1 != 0 && lacking_triple(b, k)
}

/// For a character at `b[k]` whose pair is not wholly carried: whether it may be one the
/// fonts lack, decided by its three bytes below U+3000 (`true` for any other).
fn lacking_triple(b: &[u8], k: usize) -> bool {
    match (b[k], b.get(k + 1), b.get(k + 2)) {
        (lead @ 0xE0..=0xE2, Some(&second), Some(&third)) => {
            let block = usize::from(lead - 0xE0) << 6 | usize::from(second & 63);
            !carried_triples()[block] >> (third & 63) & 1 != 0
        }
        _ => true,
    }
}

/// For each block of 64 characters below U+3000 with a three-byte encoding (lead E0–E2,
/// by the second byte's low six bits), the third bytes (by their low six bits) of the
/// characters carried: for the blocks [`carried_pairs`] cannot clear whole, such as
/// U+2040–U+207F with its superscript digits.
fn carried_triples() -> &'static [u64; 192] {
    static TRIPLES: std::sync::LazyLock<[u64; 192]> = std::sync::LazyLock::new(|| {
        let mut triples = [0u64; 192];
        for (block, good) in triples.iter_mut().enumerate() {
            for third in 0..64u32 {
                let u = ((block as u32) << 6) | third;
                if char::from_u32(u).is_some_and(|c| embedded_carry(c) == Carry::Yes) {
                    *good |= 1 << third;
                }
            }
        }
        triples
    });
    &TRIPLES
}

/// [`embedded_lacking`] by decoding every character: ASCII is skipped eight bytes at a
/// time (always carried), every other character asks [`embedded_carry`].
fn decode_lacking(text: &str) -> std::collections::BTreeSet<char> {
    let mut out = std::collections::BTreeSet::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if let Some(word) = b.get(i..i + 8) {
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            if word & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        match text[i..].chars().next() {
            Some(c) if !c.is_ascii() && embedded_carry(c) != Carry::Yes => {
                out.insert(c);
                i += c.len_utf8();
            }
            Some(c) => i += c.len_utf8(),
            None => break,
        }
    }
    out
}

fn is_font_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "ttf" | "otf" | "ttc" | "otc"
            )
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lacking_characters_are_the_ones_the_fonts_do_not_carry() {
        let naive = |t: &str| -> std::collections::BTreeSet<char> {
            t.chars()
                .filter(|&c| !c.is_ascii() && embedded_carry(c) != Carry::Yes)
                .collect()
        };
        for t in [
            "",
            "Chuyển đổi số tỉnh Tiền Giang năm 2024",
            "\u{feff}Kế hoạch \u{f0b7} nhiệm vụ",
            "ascii only, long enough to use the eight-byte steps; and more",
            "ខ្មែរ 中文 😀 𝔸 é\u{2028}\u{3000}\u{2fff}\u{ffff}",
            "a\u{f0b7}",
            "\u{10ffff}xyz\u{e000}",
        ] {
            assert_eq!(embedded_lacking(t), naive(t), "{t:?}");
            assert_eq!(decode_lacking(t), naive(t), "{t:?}");
            if !naive(t).is_empty() {
                assert!(maybe_lacking(t.as_bytes()), "{t:?}");
            }
        }
        // The quick pass never clears a character the fonts lack, wherever it stands.
        let four_bytes = [0x1_0000, 0x1_f600, 0x1_d538, 0x10_fffd];
        for c in (0x80..0x1_0000)
            .chain(four_bytes)
            .filter_map(char::from_u32)
        {
            let t = format!("Kế hoạch {c} tỉnh");
            if embedded_carry(c) != Carry::Yes {
                assert!(maybe_lacking(t.as_bytes()), "{c:?} in {t:?}");
                assert!(
                    maybe_lacking(&t.as_bytes()[..t.len() - 6]),
                    "{c:?} at the end"
                );
            } else if (c as u32) < 0x3000 {
                // And below U+3000 it clears every character they carry.
                assert!(!maybe_lacking(t.as_bytes()), "{c:?} in {t:?}");
            }
        }
        assert!(!maybe_lacking(
            "Kế hoạch chuyển đổi số năm 2025 — “Sở KH&CN”".as_bytes()
        ));
        assert!(embedded_lacking("Kế hoạch số 444/KH-UBND").is_empty());
        assert!(embedded_lacking("\u{f0b7} nhiệm vụ").contains(&'\u{f0b7}'));
    }

    #[test]
    fn font_path_adds_fonts_and_a_missing_one_is_an_error() {
        let dir = std::env::temp_dir().join(format!("kehoach-fonts-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/Extra.ttf"), EMBEDDED[0]).unwrap();
        std::fs::write(dir.join("notes.txt"), "không phải phông").unwrap();
        let f = Fonts::load(&[&dir]).unwrap();
        assert_eq!(f.fonts.len(), EMBEDDED.len() + 1);
        assert!(Fonts::load(&[dir.join("missing")]).is_err());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn four_embedded_faces_cover_vietnamese() {
        let f = Fonts::load(&[] as &[&Path]).unwrap();
        assert_eq!(f.fonts.len(), 5);
        for font in f.fonts.iter().filter(|f| f.info().family == FAMILY) {
            assert_eq!(font.info().family, FAMILY);
            for c in "ƠơƯưẮằẳẵặỆệỘộỮữỸỹĐđ".chars() {
                assert!(font.info().coverage.contains(c as u32), "{c} missing");
            }
        }
    }
}
