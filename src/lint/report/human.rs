//! Human output through miette's graphical handler: the YAML snippet, carets, the label
//! and help; colour only when asked for (a terminal).

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, Severity,
    SourceCode, SourceSpan, SpanContents,
};

use super::{Fragment, Options, graphical, terminal_safe, terminal_safe_same_len};
use crate::diagnostic::{Diagnostic, Lang, Level};
use crate::lint::engine::FileReport;

/// The file text under its display name.
struct Named<'a> {
    name: String,
    text: &'a str,
    /// The file, for its line index (`text` has the same byte offsets).
    source: &'a crate::source::SourceFile,
    /// Whether `text` has a carriage return (looked up once, not per snippet).
    has_cr: bool,
}

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        // miette reads a snippet by scanning the text from its start, which made a file's
        // report quadratic in its findings. The scan is handed the text from the start of
        // the first context line instead (found in the file's line index), and its lines
        // and offsets are moved back to the whole file's: the same snippet. A text with a
        // carriage return (miette counts it as a line end, the index does not) is
        // scanned whole.
        let (first, skipped) = if self.has_cr || span.offset() > self.text.len() {
            (0, 0)
        } else {
            let (line, _) = self.source.line_col(span.offset());
            let mut first_line = (line as usize - 1).saturating_sub(before);
            // Any line start at or before the first context line gives the same snippet,
            // except the one an empty span sits on (miette's end test would saturate).
            if span.is_empty()
                && first_line > 0
                && span.offset() == self.source.line_offset(first_line as u32 + 1)
            {
                first_line -= 1;
            }
            (self.source.line_offset(first_line as u32 + 1), first_line)
        };
        let window = &self.text[first..];
        let shifted = SourceSpan::new((span.offset() - first).into(), span.len());
        let c = window.read_span(&shifted, before, after)?;
        // miette counts the column in bytes (it is only used, as the header's
        // "line:column", when there is no context before); the other formats and editors
        // count characters, so "Triển khai …" does not move the column by its accents.
        let column = if before == 0 && !self.has_cr && span.offset() <= self.text.len() {
            let (_, col) = self.source.line_col(span.offset());
            col as usize - 1
        } else {
            c.column()
        };
        Ok(Box::new(
            MietteSpanContents::new_named(
                self.name.clone(),
                c.data(),
                SourceSpan::new((c.span().offset() + first).into(), c.span().len()),
                c.line() + skipped,
                column,
                c.line_count() + skipped,
            )
            .with_language("yaml"),
        ))
    }
}

/// One finding as a miette diagnostic.
struct Report<'a> {
    d: &'a Diagnostic,
    lang: Lang,
    src: &'a Named<'a>,
    code: String,
}

impl Report<'_> {
    /// The help, with the finding's YAML path on a line of its own.
    fn help_text(&self) -> Option<String> {
        let help = self
            .d
            .help
            .as_ref()
            .map(|h| terminal_safe(h.get(self.lang)));
        match (help, self.d.path.as_deref()) {
            (Some(h), Some(p)) => Some(format!("{h}\n[{p}]")),
            (Some(h), None) => Some(h.into_owned()),
            (None, Some(p)) => Some(format!("[{p}]")),
            (None, None) => None,
        }
    }

    /// The message, help and label (offset, length, text) exactly as miette is given them.
    #[allow(clippy::type_complexity)]
    fn texts(
        &self,
    ) -> (
        String,
        Option<String>,
        Option<(usize, usize, Option<String>)>,
    ) {
        use miette::Diagnostic as _;
        // What Display and help() give, built once (not through `Box<dyn Display>`).
        let message = terminal_safe(self.d.message.get(self.lang)).into_owned();
        let help = self.help_text();
        let label = self
            .labels()
            .and_then(|mut l| l.next())
            .map(|l| (l.offset(), l.len(), l.label().map(str::to_string)));
        (message, help, label)
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&terminal_safe(self.d.message.get(self.lang)))
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&terminal_safe(self.d.message.get(self.lang)))
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<Severity> {
        Some(match self.d.level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help_text()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'b>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.d
            .span
            .is_known()
            .then_some(self.src as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.d.span.is_known() {
            return None;
        }
        let text = self
            .d
            .label
            .as_ref()
            .map(|l| terminal_safe(l.get(self.lang)).into_owned());
        let len = self
            .d
            .span
            .len
            .min(self.src.text.len().saturating_sub(self.d.span.offset));
        let offset = self.d.span.offset.min(self.src.text.len());
        Some(Box::new(std::iter::once(LabeledSpan::new(
            text, offset, len,
        ))))
    }
}

pub fn fragment(r: &FileReport, opts: &Options) -> Fragment {
    fragment_with(r, opts, true).0
}

/// [`fragment`], and how many findings were written directly; `direct: false` renders
/// every finding through miette (the reference the tests compare the direct layout with).
fn fragment_with(r: &FileReport, opts: &Options, direct: bool) -> (Fragment, usize) {
    if r.diagnostics.is_empty() {
        return (Fragment::default(), 0);
    }
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // Lines break at spaces only: a document number ("444/KH-UBND"), a path or a link is
    // never split at its hyphen or slash, nor cut when longer than a line (it runs over,
    // whole, so it can still be copied). This wraps at a fifth of the cost of Unicode
    // line-breaking with hyphenation and word-breaking.
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false)
        .with_break_words(false)
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation);
    let shown = terminal_safe_same_len(&r.source.text);
    let src = Named {
        name: terminal_safe(&r.file.display().to_string()).into_owned(),
        text: &shown,
        source: &r.source,
        has_cr: memchr::memchr(b'\r', shown.as_bytes()).is_some(),
    };
    let shown_src = graphical::Shown {
        name: &src.name,
        text: &shown,
        source: &r.source,
        has_cr: src.has_cr,
    };
    let mut text = String::new();
    let mut directly = 0;
    for d in &r.diagnostics {
        let report = Report {
            d,
            lang: opts.lang,
            src: &src,
            code: format!("{} {}", d.code, d.rule),
        };
        // The common shape is written directly (the same bytes as miette's, which the
        // tests check); colour and every other shape go through miette.
        let direct = direct && !opts.color && {
            let (message, help, label) = report.texts();
            let f = graphical::Finding {
                code: &report.code,
                level: d.level,
                message: &message,
                help: help.as_deref(),
                label: label.as_ref().map(|(o, l, t)| (*o, *l, t.as_deref())),
            };
            graphical::render(&mut text, &f, &shown_src, opts.width)
        };
        directly += usize::from(direct);
        if !direct && handler.render_report(&mut text, &report).is_err() {
            text.push_str(d.message.get(opts.lang));
        }
        if !d.span.is_known() {
            text.push_str(&format!("  ╰─ {}\n", src.name));
        }
        text.push('\n');
    }
    (
        Fragment {
            text,
            ..Fragment::default()
        },
        directly,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Text;
    use crate::source::{SourceFile, Span};

    /// Every character boundary of `text`, its end included.
    fn char_bounds(text: &str) -> Vec<usize> {
        (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect()
    }

    /// The end of the line `start` is on, its line break included.
    fn line_end(text: &str, start: usize) -> usize {
        text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1)
    }

    fn report(text: &str, diagnostics: Vec<Diagnostic>) -> FileReport {
        FileReport {
            file: "p.yaml".into(),
            source: SourceFile::new("p.yaml", text),
            diagnostics,
            suppressed: 0,
            parsed: true,
            catalogue: None,
        }
    }

    /// The snippet range the direct layout works out from the line index is the one
    /// miette reads, for every one-line span of texts with and without a last line break.
    #[test]
    fn the_direct_context_is_the_snippet_miette_reads() {
        for text in [
            "a: 1\nb:\n  - Sở Tài chính\n\n  - \"x\"\nc: |\n  dòng một\n  dòng hai\nd: cuối",
            "x\n\n\ny: có\n",
            "một dòng",
            "\n\nz\n",
        ] {
            let file = SourceFile::new("p.yaml", text);
            let named = Named {
                name: "p.yaml".into(),
                text,
                source: &file,
                has_cr: false,
            };
            let bounds = char_bounds(text);
            for &start in &bounds {
                let line_end = line_end(text, start);
                for &end in bounds.iter().filter(|&&e| e > start && e <= line_end) {
                    let span = SourceSpan::new(start.into(), end - start);
                    let want = named.read_span(&span, 1, 1).unwrap();
                    let (first, last, line) = graphical::context(&file, start, end);
                    let at = format!("{text:?} {start}..{end}");
                    assert_eq!(first, want.span().offset(), "{at}");
                    assert_eq!(last - first, want.span().len(), "{at}");
                    assert_eq!(line, want.line(), "{at}");
                }
            }
        }
    }

    /// The direct layout gives miette's bytes for every one-line span of a text with
    /// Vietnamese, wide and zero-width characters, blank and last lines, with and without a
    /// label, at every level, and for messages and helps that wrap (long words, runs of
    /// spaces, leading spaces, line breaks, empty lines).
    #[test]
    fn the_direct_layout_is_miettes_for_every_one_line_span() {
        let text = "a: 1\nb:\n  - Sở Tài chính và Kế hoạch đầu tư tỉnh Tiền Giang\n\n  - \"x\"\nc: |\n  dòng một có dấu  hai   cách\n  Tiếng Việt tổ hợp: e\u{0301} o\u{0323}\n   \ne: 😀 rộng 中文 ｗ\nf: x\n\ng: 123456789012345678901234567890\nh: cuối";
        let messages = [
            "ngắn",
            "chỉ số 6.16 \"Triển khai nền tảng số quản trị tổng thể, thống nhất toàn tỉnh, thành phố phục vụ hoạt động chỉ đạo, điều hành\" (10 điểm) chưa được giao cho nhiệm vụ nào",
            "  leading spaces and   runs of   spaces that go on and on and on and on and on and on and on and on and on and on",
            "a-very-long-word-without-any-space-that-is-longer-than-the-whole-line-of-one-hundred-columns-and-then-some-more-of-it",
            "two\nlines\n\nand an empty one",
            "",
            "trailing spaces at the end of a line that is long enough to wrap somewhere in the middle of it all   ",
            "中文字符很宽中文字符很宽 中文字符很宽中文字符很宽 中文字符很宽中文字符很宽 中文字符很宽中文字符很宽 中文字符很宽",
        ];
        let helps: [Option<&str>; 4] = [
            None,
            Some(
                "thêm nhiệm vụ có `indicators: [\"6.16\"]` và cơ quan chủ trì (hoặc ghi mã vào nhiệm vụ đã nêu nội dung này), hoặc khai báo 6.16 trong `kept` kèm lý do",
            ),
            Some("short"),
            Some("x\n\ny"),
        ];
        let file = SourceFile::new("p.yaml", text);
        let bounds = char_bounds(text);
        let mut diagnostics = Vec::new();
        let mut n = 0usize;
        for &start in &bounds {
            let line_end = line_end(text, start);
            for &end in bounds.iter().filter(|&&e| e >= start && e <= line_end) {
                let (line, column) = file.line_col(start);
                let level = [Level::Error, Level::Warning, Level::Info][n % 3];
                let mut d = Diagnostic::new(
                    "KH201",
                    "uncovered-indicator",
                    level,
                    Text::new(messages[n % messages.len()], "en"),
                    Span {
                        line,
                        column,
                        offset: start,
                        len: end - start,
                    },
                );
                if n.is_multiple_of(2) {
                    d = d.with_label(Text::new(
                        ["nhãn", "6.2 chưa đạt điểm tối đa, chưa có nhiệm vụ", "中文"][n % 3],
                        "l",
                    ));
                }
                if let Some(h) = helps[n % helps.len()] {
                    d = d.with_help(Text::new(h, "h"));
                }
                if n.is_multiple_of(5) {
                    d = d.with_path(format!("tasks[{n}].lead[0]"));
                }
                diagnostics.push(d);
                n += 1;
            }
        }
        assert!(n > 2000, "{n}");
        for width in [100, 60, 30] {
            let opts = Options {
                width,
                ..Options::default()
            };
            // One report per finding, so that a difference names its finding.
            let mut direct = 0;
            for d in &diagnostics {
                let r = report(text, vec![d.clone()]);
                let (want, none) = fragment_with(&r, &opts, false);
                let (got, k) = fragment_with(&r, &opts, true);
                assert_eq!(none, 0);
                direct += k;
                assert_eq!(got.text, want.text, "width {width}, span {:?}", d.span);
            }
            // Only the empty spans (one per character boundary) go through miette.
            let empty = diagnostics.iter().filter(|d| d.span.len == 0).count();
            assert_eq!(direct, diagnostics.len() - empty, "width {width}");
        }
    }

    /// The windowed read gives what miette's whole-text read gives, for every span of a
    /// text and every context size (the column counted in characters, not bytes).
    #[test]
    fn snippets_read_from_the_line_index_match_the_whole_text_read() {
        let text = "a: 1\nb:\n  - Sở Tài chính\n\n  - \"x\"\nc: |\n  dòng một\n  dòng hai\nd: cuối";
        let file = crate::source::SourceFile::new("p.yaml", text);
        let named = Named {
            name: "p.yaml".into(),
            text,
            source: &file,
            has_cr: false,
        };
        let bounds = char_bounds(text);
        for &start in &bounds {
            for &end in bounds.iter().filter(|&&e| e >= start).take(12) {
                for before in 0..3 {
                    for after in 0..3 {
                        let span = SourceSpan::new(start.into(), end - start);
                        let want = text.read_span(&span, before, after);
                        let got = named.read_span(&span, before, after);
                        match (want, got) {
                            (Ok(w), Ok(g)) => {
                                let at = format!("{start}..{end} ±{before}/{after}");
                                assert_eq!(w.data(), g.data(), "{at}");
                                assert_eq!(w.span(), g.span(), "{at}");
                                assert_eq!(w.line(), g.line(), "{at}");
                                // The column is in characters where miette's is in bytes.
                                let want_col = if before == 0 {
                                    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                                    text[line_start..start].chars().count()
                                } else {
                                    w.column()
                                };
                                assert_eq!(want_col, g.column(), "{at}");
                                assert_eq!(w.line_count(), g.line_count(), "{at}");
                            }
                            (Err(_), Err(_)) => {}
                            (w, g) => panic!("{start}..{end}: {:?} vs {:?}", w.is_ok(), g.is_ok()),
                        }
                    }
                }
            }
        }
    }
}
