//! miette's graphical layout (unicode theme, no colour) written out directly for the
//! shape nearly every finding has: one label on one line of a file without tabs or
//! carriage returns. miette builds each snippet character by character, reads the
//! snippet three times and wraps through textwrap's general word list; for the 1,000
//! real plans of the benchmark that was a third of `--format human`. Any other shape
//! (colour, a label over several lines or with a line break, an empty span, tabs, a
//! carriage return, an escape character) is left to miette, and the tests render every
//! shape both ways and compare them byte for byte.

use std::fmt::Write;

use unicode_width_01::UnicodeWidthChar;

use crate::diagnostic::Level;

/// One finding, as `human::fragment` hands it over: the texts already made safe for a
/// terminal.
pub struct Finding<'a> {
    /// "KH201 uncovered-indicator".
    pub code: &'a str,
    pub level: Level,
    pub message: &'a str,
    /// The help, with the YAML path on a line of its own, as miette is given it.
    pub help: Option<&'a str>,
    /// The label's byte range in `text`, clamped to it, and its text.
    pub label: Option<(usize, usize, Option<&'a str>)>,
}

/// The file a finding is shown from.
pub struct Shown<'a> {
    pub name: &'a str,
    /// The text as shown (terminal-safe, the source's byte offsets).
    pub text: &'a str,
    /// The file, for its line index.
    pub source: &'a crate::source::SourceFile,
    /// Whether `text` has a carriage return anywhere (miette then numbers lines its own
    /// way: this path is not taken).
    pub has_cr: bool,
}

/// Render `f` as miette's `GraphicalReportHandler` does with `width` columns, appending to
/// `out`; `false` (with `out` untouched) when the finding is not of the shape this
/// covers.
pub fn render(out: &mut String, f: &Finding, src: &Shown, width: usize) -> bool {
    let start = out.len();
    if render_inner(out, f, src, width).is_none() {
        out.truncate(start);
        return false;
    }
    true
}

fn render_inner(out: &mut String, f: &Finding, src: &Shown, width: usize) -> Option<()> {
    if !plain(f.message) || !f.help.is_none_or(plain) {
        return None;
    }
    let icon = match f.level {
        Level::Error => "×",
        Level::Warning => "⚠",
        Level::Info => "☞",
    };
    let wrap_width = width.saturating_sub(2);
    out.push_str(f.code);
    out.push_str("\n\n");
    fill(out, f.message, wrap_width, &format!("  {icon} "), "  │ ");
    out.push('\n');
    if let Some((offset, len, label)) = f.label {
        snippet(out, src, offset, len, label)?;
    }
    if let Some(help) = f.help {
        fill(out, help, wrap_width, "  help: ", "        ");
        out.push('\n');
    }
    Some(())
}

/// The snippet of a one-line label: the lines around it numbered, the label's line
/// underlined, the label text under the underline.
fn snippet(
    out: &mut String,
    src: &Shown,
    offset: usize,
    len: usize,
    label: Option<&str>,
) -> Option<()> {
    if src.has_cr || len == 0 || label.is_some_and(|l| l.contains('\n') || !plain(l)) {
        return None;
    }
    let (first, last, line0) = context(src.source, offset, offset + len);
    let data = src.text.get(first..last)?;
    if !plain(data) {
        return None;
    }
    // The context's lines: number (1-based), byte offset in the file, length with its
    // line break, text without it.
    let mut lines: Vec<(usize, usize, usize, &str)> = Vec::with_capacity(3);
    let mut at = 0;
    while at < data.len() {
        let eol = memchr::memchr(b'\n', &data.as_bytes()[at..]).map_or(data.len(), |i| at + i);
        let next = (eol + 1).min(data.len());
        lines.push((
            line0 + lines.len() + 1,
            first + at,
            next - at,
            &data[at..eol],
        ));
        at = next;
    }
    let end = offset + len;
    // The label must start and end on one of these lines (and be nowhere else).
    let on = lines
        .iter()
        .position(|&(_, lo, ll, _)| offset >= lo && end <= lo + ll && offset < lo + ll)?;
    let touches = |&(_, lo, ll, _): &(usize, usize, usize, &str)| {
        (offset >= lo && offset < lo + ll)
            || (offset < lo && end > lo + ll)
            || (end > lo && end <= lo + ll)
    };
    if lines.iter().enumerate().any(|(i, l)| i != on && touches(l)) {
        return None;
    }
    let linum_width = lines.last().map_or(1, |l| digits(l.0));
    let (line, column) = src.source.line_col(offset);
    let _ = writeln!(
        out,
        "{:pad$}╭─[{}:{line}:{column}]",
        "",
        src.name,
        pad = linum_width + 2
    );
    for (i, &(number, lo, _, text)) in lines.iter().enumerate() {
        out.push(' ');
        repeat(out, ' ', linum_width - digits(number));
        crate::lint::push_decimal(out, number);
        out.push_str(" │ ");
        out.push_str(text);
        out.push('\n');
        if i != on {
            continue;
        }
        let start = visual(text, offset - lo, true);
        let stop = visual(text, end - lo, false).max(start + 1);
        let mid = (start + stop) / 2;
        out.push(' ');
        repeat(out, ' ', linum_width);
        out.push_str(" · ");
        repeat(out, ' ', start);
        repeat(out, '─', mid - start);
        out.push(if label.is_some() { '┬' } else { '─' });
        repeat(out, '─', stop - mid - 1);
        out.push('\n');
        if let Some(l) = label {
            out.push(' ');
            repeat(out, ' ', linum_width);
            out.push_str(" · ");
            repeat(out, ' ', mid);
            out.push_str("╰── ");
            out.push_str(l);
            out.push('\n');
        }
    }
    repeat(out, ' ', linum_width + 2);
    out.push_str("╰────\n");
    Some(())
}

/// The snippet miette reads around a label of `start..end` on one line (one line of
/// context each side), from the line index instead of a scan of the text: its byte range
/// and the 0-based number of its first line. miette's reading has one quirk kept here: a
/// label that ends with its line break shows two lines after it.
pub fn context(
    source: &crate::source::SourceFile,
    start: usize,
    end: usize,
) -> (usize, usize, usize) {
    let (line, _) = source.line_col(start);
    let line = line as usize - 1;
    let first_line = line.saturating_sub(1);
    let after = if source.text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\n') {
        2
    } else {
        1
    };
    // `line_offset` takes 1-based lines and gives the text's end past the last one.
    let first = source.line_offset(first_line as u32 + 1);
    let last = source.line_offset((line + after + 1) as u32 + 1);
    (first, last, first_line)
}

/// Text miette would show as it is (no escape, tab or carriage return).
fn plain(s: &str) -> bool {
    memchr::memchr3(0x1b, b'\t', b'\r', s.as_bytes()).is_none()
}

fn repeat(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// The column (in terminal cells, as miette measures them) of byte `i` of a line's
/// text, moved back to its character's start (`back`) or on to its end; one past the
/// text's width when `i` is past its end (the line break).
fn visual(text: &str, i: usize, back: bool) -> usize {
    if i > text.len() {
        return width(text) + 1;
    }
    let mut i = i;
    while !text.is_char_boundary(i) {
        if back {
            i -= 1;
        } else {
            i += 1;
        }
    }
    width(&text[..i])
}

fn width(s: &str) -> usize {
    latin_width(s).unwrap_or_else(|| s.chars().map(|c| c.width().unwrap_or(0)).sum())
}

/// The width of text made only of printable ASCII, the Latin letters and spacing marks
/// Vietnamese is written with (U+00C0–U+02FF, U+1E00–U+1EFF), and the dashes, quotes and
/// ellipsis of U+2010–U+2027: one cell each, in every version of the Unicode width tables
/// (a test checks both crates' tables); `None` for any other character. Read from the
/// bytes: a character is counted at its first byte.
fn latin_width(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        let step = match b[i] {
            0x20..=0x7e => 1,
            0xc3..=0xcb => 2,
            0xe1 if matches!(b.get(i + 1), Some(0xb8..=0xbb)) => 3,
            0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x90..=0xa7)) => 3,
            _ => return None,
        };
        n += 1;
        i += step;
    }
    Some(n)
}

/// `text` wrapped as `textwrap::fill` wraps it with miette's options here (words split
/// at ASCII spaces only, never broken or hyphenated, first fit): each line of `text`
/// wrapped to `width` columns, the first output line after `initial`, the others after
/// `rest`, an empty line of `text` left empty.
pub fn fill(out: &mut String, text: &str, width: usize, initial: &str, rest: &str) {
    // Each line's first output line is given the first indent's room, as textwrap does.
    let room = [
        width.saturating_sub(cells(initial)),
        width.saturating_sub(cells(rest)),
    ];
    let mut lines = 0usize;
    for (p, para) in text.split('\n').enumerate() {
        if p > 0 {
            out.push('\n');
        }
        if para.is_empty() {
            // No word: an empty line, without indent.
            lines += 1;
            continue;
        }
        // A line that fits is itself, without its trailing spaces (what the word loop
        // below would give, without measuring each word).
        let whole = para.trim_end_matches(' ');
        if cells(whole) <= room[0] {
            push_line(out, lines, initial, rest, whole);
            lines += 1;
            continue;
        }
        let mut in_para = 0usize;
        let mut used = 0usize;
        let mut line_start = 0usize;
        // The end of the last word placed on the current line (its spaces not counted).
        let mut line_end = 0usize;
        let mut first_word = true;
        for (w_start, w_end, ws_end) in words(para) {
            let w = cells(&para[w_start..w_end]);
            let limit = room[in_para.min(1)];
            if used + w > limit && !first_word {
                push_line(out, lines, initial, rest, &para[line_start..line_end]);
                out.push('\n');
                lines += 1;
                in_para += 1;
                used = 0;
                line_start = w_start;
            }
            first_word = false;
            used += w + (ws_end - w_end);
            line_end = w_end;
        }
        push_line(out, lines, initial, rest, &para[line_start..line_end]);
        lines += 1;
    }
}

fn push_line(out: &mut String, index: usize, initial: &str, rest: &str, text: &str) {
    out.push_str(if index == 0 { initial } else { rest });
    out.push_str(text);
}

/// The words of a line as textwrap's ASCII-space separator finds them: (start, end of
/// the word, end of its trailing spaces); leading spaces are a word of no width.
fn words(s: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && b[i] != b' ' {
            i += 1;
        }
        let end = i;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        Some((start, end, i))
    })
}

/// Display width as textwrap counts it.
fn cells(s: &str) -> usize {
    latin_width(s).unwrap_or_else(|| textwrap::core::display_width(s))
}

#[cfg(test)]
mod tests {
    use super::{fill, latin_width};

    /// Every character the short cut counts as one cell is one cell in textwrap's width
    /// table (unicode-width 0.2) and in miette's (0.1).
    #[test]
    fn the_latin_short_cut_agrees_with_both_width_tables() {
        use unicode_width_01::UnicodeWidthChar;
        let mut counted = 0;
        for u in 0..0x3_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let s = c.to_string();
            if let Some(w) = latin_width(&s) {
                assert_eq!(w, 1, "{u:04X}");
                assert_eq!(textwrap::core::display_width(&s), 1, "{u:04X} (0.2)");
                assert_eq!(c.width(), Some(1), "{u:04X} (0.1)");
                counted += 1;
            }
        }
        assert_eq!(counted, 95 + (0x300 - 0xc0) + 0x100 + 0x18);
    }

    /// `fill` is `textwrap::fill` with miette's options, on random texts of words, runs of
    /// spaces, line breaks and Vietnamese, wide and combining characters, at random widths.
    #[test]
    fn fill_is_textwraps_fill() {
        let pieces = [
            "a",
            "bb",
            "Tiền",
            "Giang",
            "chỉ",
            "số",
            "6.16",
            "444/KH-UBND",
            "中文",
            "e\u{301}",
            " ",
            "  ",
            "   ",
            "\n",
            "\n\n",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "😀",
            "[tasks[3].lead[0]]",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let text: String = (0..next(40)).map(|_| pieces[next(pieces.len())]).collect();
            let width = 1 + next(60);
            let (initial, rest) = [("  × ", "  │ "), ("  help: ", "        "), ("", "  ")][next(3)];
            let opts = textwrap::Options::new(width)
                .initial_indent(initial)
                .subsequent_indent(rest)
                .break_words(false)
                .word_separator(textwrap::WordSeparator::AsciiSpace)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            let want = textwrap::fill(&text, opts);
            if initial.is_empty() {
                // textwrap's shortcut for an unindented short text is not a case here.
                continue;
            }
            let mut got = String::new();
            fill(&mut got, &text, width, initial, rest);
            assert_eq!(got, want, "{text:?} at {width}, {initial:?}");
        }
    }
}
