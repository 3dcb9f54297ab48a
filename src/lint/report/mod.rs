//! Reporters: each file's findings are rendered as soon as the file is linted (so its
//! source need not be kept), and a [`Writer`] writes the pieces out in file order as they
//! come, JSON and SARIF included: memory does not grow with the number of files.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Lang, Level};

use super::engine::FileReport;

pub mod concise;
pub mod github;
mod graphical;
pub mod human;
pub mod json;
pub mod sarif;

/// Text from a plan made safe for a terminal: control characters (C0 but tab and line
/// feed, DEL, C1) and bidirectional overrides are shown as `\u{1b}`-style escapes, so a
/// plan value cannot set the window title, clear the screen or reorder what is shown.
/// Every reporter that writes plan text for a terminal (human, concise, GitHub) calls
/// this; JSON and SARIF escape through JSON.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !has_unsafe(s, false) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c, false) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// Whether [`terminal_safe`] replaces `c` (`\r` too unless `cr_ok`).
fn is_unsafe(c: char, cr_ok: bool) -> bool {
    (c.is_control() && c != '\n' && c != '\t' && !(cr_ok && c == '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` has a character [`terminal_safe`] replaces (`\r` too unless `cr_ok`), read
/// from the bytes: C0 and DEL are single bytes, C1 is C2 80–9F, the bidirectional
/// overrides are E2 80 AA–AE and E2 81 A6–A9. A source text is checked whole for every
/// file with findings, so this is one branch-free pass and a search for two lead bytes.
fn has_unsafe(s: &str, cr_ok: bool) -> bool {
    let b = s.as_bytes();
    let c0 = b.iter().fold(false, |bad, &x| {
        bad | ((x < 0x20) & (x != b'\n') & (x != b'\t') & !(cr_ok & (x == b'\r'))) | (x == 0x7f)
    });
    c0 || memchr::memchr2_iter(0xc2, 0xe2, b).any(|i| match b[i] {
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        _ => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
    })
}

/// [`terminal_safe`] for a source text shown in a snippet: the same characters replaced
/// by ones of the same UTF-8 length (`?` for one byte, `¿` for two, `�` for three), so
/// byte offsets and columns of the findings still point at the right place.
pub fn terminal_safe_same_len(s: &str) -> std::borrow::Cow<'_, str> {
    if !has_unsafe(s, true) {
        return s.into();
    }
    s.chars()
        .map(|c| match (is_unsafe(c, true), c.len_utf8()) {
            (false, _) => c,
            (true, 1) => '?',
            (true, 2) => '¿',
            (true, _) => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod safe_tests {
    use super::*;

    /// The byte test finds exactly the characters the character test replaces.
    #[test]
    fn unsafe_bytes_are_the_unsafe_characters() {
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            for cr_ok in [false, true] {
                for t in [format!("{c}"), format!("Kế hoạch {c} số")] {
                    assert_eq!(has_unsafe(&t, cr_ok), is_unsafe(c, cr_ok), "{c:?}");
                }
            }
        }
    }

    /// `pretty_at` is serde_json's pretty text with every line indented `depth` levels,
    /// for nested, empty and escaped values.
    #[test]
    fn pretty_at_is_indented_pretty_json() {
        let values = [
            serde_json::json!({"a": 1, "b": [1, {"c": null, "d": []}, "x\"y\n"], "e": {}, "f": {"g": [[]]}}),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!("Tiền Giang"),
            serde_json::json!([{"k": 1.5, "l": true}, [], [[1, 2], {}]]),
        ];
        for v in &values {
            for depth in 0..4 {
                let pad = "  ".repeat(depth);
                let want: Vec<String> = serde_json::to_string_pretty(v)
                    .unwrap()
                    .split('\n')
                    .map(|l| format!("{pad}{l}"))
                    .collect();
                assert_eq!(
                    String::from_utf8(pretty_at(v, depth)).unwrap(),
                    want.join("\n"),
                    "{v} at {depth}"
                );
            }
        }
    }
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
}

/// What every reporter needs to know.
#[derive(Clone, Debug)]
pub struct Options {
    pub lang: Lang,
    /// Colour in human output (only on a terminal).
    pub color: bool,
    /// Width human output wraps at.
    pub width: usize,
    /// Repository root that SARIF and GitHub paths are relative to.
    pub root: PathBuf,
    /// Ids of the catalogues used (SARIF run properties).
    pub catalogues: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::Vi,
            color: false,
            width: 100,
            root: PathBuf::from("."),
            catalogues: Vec::new(),
        }
    }
}

/// Counts over a whole run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
}

impl Summary {
    pub fn add(&mut self, r: &FileReport) {
        self.files += 1;
        self.suppressed += r.suppressed;
        for d in &r.diagnostics {
            match d.level {
                Level::Error => self.errors += 1,
                Level::Warning => self.warnings += 1,
                Level::Info => self.infos += 1,
            }
        }
    }

    /// Add another run's counts.
    pub fn merge(&mut self, o: &Summary) {
        self.files += o.files;
        self.errors += o.errors;
        self.warnings += o.warnings;
        self.infos += o.infos;
        self.suppressed += o.suppressed;
    }

    /// Findings at or above a level.
    pub fn at_least(&self, level: Level) -> usize {
        match level {
            Level::Error => self.errors,
            Level::Warning => self.errors + self.warnings,
            Level::Info => self.errors + self.warnings + self.infos,
        }
    }

    /// The closing line of human and concise output.
    pub fn line(&self, lang: Lang) -> String {
        let files = self.files;
        let sup = self.suppressed;
        if self.at_least(Level::Info) == 0 {
            return match lang {
                Lang::Vi => {
                    format!("không phát hiện vấn đề nào trong {files} tệp ({sup} đã bỏ qua)")
                }
                Lang::En => format!("no problems in {files} file(s) ({sup} suppressed)"),
            };
        }
        match lang {
            Lang::Vi => format!(
                "{} lỗi, {} cảnh báo, {} thông tin trong {files} tệp ({sup} đã bỏ qua)",
                self.errors, self.warnings, self.infos
            ),
            Lang::En => format!(
                "{} error(s), {} warning(s), {} info in {files} file(s) ({sup} suppressed)",
                self.errors, self.warnings, self.infos
            ),
        }
    }
}

/// One file's rendered findings.
#[derive(Debug, Default)]
pub struct Fragment {
    /// Text formats: the file's part of the output.
    pub text: String,
    /// GitHub: lines per level (error, warning, notice), to send errors first.
    pub by_level: [String; 3],
    /// JSON and SARIF: each finding pretty-printed at its depth in the document (UTF-8,
    /// written out as it is: serde_json writes only what it is given and escapes).
    pub items: Vec<Vec<u8>>,
}

/// Render one file's findings.
pub fn fragment(format: Format, report: &FileReport, opts: &Options) -> Fragment {
    match format {
        Format::Human => human::fragment(report, opts),
        Format::Concise => concise::fragment(report, opts),
        Format::Json => json::fragment(report, opts),
        Format::Sarif => sarif::fragment(report, opts),
        Format::Github => github::fragment(report, opts),
    }
}

/// A value pretty-printed as `serde_json::to_string_pretty` prints it `depth` levels deep
/// in a document (each line indented by `depth` more steps of two spaces), written in
/// one pass with no intermediate `Value`.
pub fn pretty_at<T: Serialize>(v: &T, depth: usize) -> Vec<u8> {
    let mut out = "  ".repeat(depth).into_bytes();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        Deep {
            indent: depth,
            has_value: false,
        },
    );
    if v.serialize(&mut ser).is_err() {
        return Vec::new();
    }
    out
}

/// serde_json's pretty layout (two spaces a level, `": "`, one element a line, `[]` and
/// `{}` when empty) starting `indent` levels in.
struct Deep {
    indent: usize,
    has_value: bool,
}

impl Deep {
    fn pad<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        for _ in 0..self.indent {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.pad(w)
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.indent += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.indent -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.pad(w)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Deep {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// A pretty-printed document around one array left open for streaming: the text up to
/// and including the array's `[`, and from its `]` to the end.
fn split_open(doc: &serde_json::Value, key: &str) -> (String, String) {
    let mut text = serde_json::to_string_pretty(doc).unwrap_or_default();
    text.push('\n');
    let marker = format!("\"{key}\": []");
    match text.find(&marker) {
        Some(at) => {
            let open = at + marker.len() - 1;
            (text[..open].to_string(), text[open..].to_string())
        }
        None => (text, String::new()),
    }
}

/// Writes a report file by file, in the order the files are given to it.
pub struct Writer<W: Write> {
    format: Format,
    out: W,
    lang: Lang,
    summary: Summary,
    catalogues: Vec<String>,
    items: usize,
    /// GitHub: warnings and notices, sent after every error.
    deferred: [String; 2],
}

impl<W: Write> Writer<W> {
    /// Start a report: JSON and SARIF write their opening here.
    pub fn new(format: Format, out: W, opts: &Options) -> io::Result<Self> {
        let mut w = Writer {
            format,
            out,
            lang: opts.lang,
            summary: Summary::default(),
            catalogues: Vec::new(),
            items: 0,
            deferred: Default::default(),
        };
        let head = match format {
            Format::Json => Some(split_open(&json::document(&Summary::default()), json::ARRAY).0),
            Format::Sarif => Some(split_open(&sarif::document(opts, &[]), sarif::ARRAY).0),
            _ => None,
        };
        if let Some(h) = head {
            w.out.write_all(h.as_bytes())?;
        }
        Ok(w)
    }

    /// One file's part, with its counts and the catalogue it was linted against.
    pub fn add(
        &mut self,
        f: Fragment,
        counts: &Summary,
        catalogue: Option<String>,
    ) -> io::Result<()> {
        self.summary.merge(counts);
        if let Some(id) = catalogue.filter(|id| !self.catalogues.contains(id)) {
            self.catalogues.push(id);
        }
        match self.format {
            Format::Human | Format::Concise => self.out.write_all(f.text.as_bytes()),
            Format::Github => {
                let [errors, warnings, notices] = f.by_level;
                self.deferred[0].push_str(&warnings);
                self.deferred[1].push_str(&notices);
                self.out.write_all(errors.as_bytes())
            }
            Format::Json | Format::Sarif => {
                for item in f.items {
                    let sep: &[u8] = if self.items == 0 { b"\n" } else { b",\n" };
                    self.items += 1;
                    self.out.write_all(sep)?;
                    self.out.write_all(&item)?;
                }
                Ok(())
            }
        }
    }

    /// Close the report (summary line, JSON summary, SARIF run properties) and flush.
    pub fn finish(mut self, opts: &Options) -> io::Result<(W, Summary)> {
        let summary = self.summary;
        let tail = match self.format {
            Format::Human | Format::Concise => format!("{}\n", summary.line(self.lang)),
            Format::Github => std::mem::take(&mut self.deferred).concat(),
            Format::Json => self.close(
                split_open(&json::document(&summary), json::ARRAY).1,
                json::ITEM_DEPTH,
            ),
            Format::Sarif => {
                self.catalogues.sort();
                let doc = sarif::document(opts, &self.catalogues);
                self.close(split_open(&doc, sarif::ARRAY).1, sarif::ITEM_DEPTH)
            }
        };
        self.out.write_all(tail.as_bytes())?;
        self.out.flush()?;
        Ok((self.out, summary))
    }

    /// The end of a document after its streamed array: on a new line at the array's
    /// indent when it has items, as `[]` when it has none.
    fn close(&self, tail: String, depth: usize) -> String {
        if self.items == 0 {
            tail
        } else {
            format!("\n{}{tail}", "  ".repeat(depth - 1))
        }
    }
}

/// Render whole reports at once (tests, small runs).
pub fn render(format: Format, reports: &[FileReport], opts: &Options) -> String {
    let run = || -> io::Result<Vec<u8>> {
        let mut w = Writer::new(format, Vec::new(), opts)?;
        for r in reports {
            let mut counts = Summary::default();
            counts.add(r);
            w.add(fragment(format, r, opts), &counts, r.catalogue.clone())?;
        }
        Ok(w.finish(opts)?.0)
    };
    String::from_utf8(run().unwrap_or_default()).unwrap_or_default()
}

/// 1-based start and end (line, column) of a finding; (1, 1) when it has no place.
pub fn position(r: &FileReport, d: &Diagnostic) -> (u32, u32, u32, u32) {
    if !d.span.is_known() {
        return (1, 1, 1, 1);
    }
    let (el, ec) = r.source.end_line_col(&d.span);
    (d.span.line, d.span.column, el.max(d.span.line), ec)
}

/// A path relative to the root, with `/` separators.
pub fn relative(root: &Path, file: &Path) -> String {
    let abs = super::config::absolute(file);
    let root = super::config::absolute(root);
    let rel = abs
        .strip_prefix(&root)
        .map(Path::to_path_buf)
        .unwrap_or(abs);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
