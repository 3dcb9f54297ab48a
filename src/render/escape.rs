//! The one way user text crosses into Typst: as a Typst string literal.
//!
//! Why string literals rather than backslash-escaped markup: in markup, a long list of
//! characters and sequences is special (`#`, `$`, `*`, `_`, `@`, `<`, `[`, `]`, `\`, `/`,
//! `` ` ``, `~`, `=`/`-`/`+` at line start, `--`, `...`, quotes, `//` and `/*` comments),
//! and the list changes between Typst versions. Inside a string literal only `\` and `"`
//! are special, and the string is shown as text without ever being parsed as markup. In
//! markup the literal is written `#"…";` — the semicolon ends the embedded expression, so
//! a following `(`, `[` or `.` cannot turn it into a call or a field access. A JSON file
//! read with `json()` would be as safe but splits each document into two halves that must
//! agree; literals keep the generated `.typ` readable on its own.
//!
//! Tera autoescaping calls [`markup`] for every `{{ … }}` in a template (see
//! `filters.rs`), and the Markdown converter calls it for every text node: a template that
//! forgets a filter still cannot inject code.

/// A Typst string literal (`"…"`, for code mode) holding `text` exactly.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` as Typst markup that shows it literally: `#"…";`. Empty text gives "".
///
/// Typst never breaks inside a word, so a run of more than [`LONG_RUN`] characters without
/// a space (a pasted hash, a 5,000-character "word") would run off the page: such runs get
/// an invisible break opportunity (U+200B) every [`LONG_RUN`] / 2 characters.
pub fn markup(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("#{};", literal(&breakable(text)))
}

/// Longest run of non-space characters left as it is.
pub const LONG_RUN: usize = 40;

/// Insert U+200B into runs of more than [`LONG_RUN`] non-space characters, never before
/// a combining mark, joiner or variation selector.
fn breakable(text: &str) -> std::borrow::Cow<'_, str> {
    let longest = text
        .split(char::is_whitespace)
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    if longest <= LONG_RUN {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut run = 0;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{200b}' {
            run = 0;
        } else if run >= LONG_RUN / 2 && !is_mark(c) {
            out.push('\u{200b}');
            run = 0;
        }
        if !c.is_whitespace() {
            run += 1;
        }
        out.push(c);
    }
    out.into()
}

fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}' | '\u{fe00}'..='\u{fe0f}' | '\u{fe20}'..='\u{fe2f}'
        | '\u{200c}' | '\u{200d}' | '\u{1f3fb}'..='\u{1f3ff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(literal(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(literal("x\ny\r\tz"), r#""x\ny z""#);
        assert_eq!(markup("#read(\"x\")"), r##"#"#read(\"x\")";"##);
        assert_eq!(markup(""), "");
    }

    #[test]
    fn long_runs_get_break_opportunities() {
        let long = "x".repeat(100);
        let m = markup(&long);
        assert_eq!(m.matches('\u{200b}').count(), 4);
        assert_eq!(m.replace('\u{200b}', ""), format!("#\"{long}\";"));
        let normal = "Nâng cao chỉ số chuyển đổi số tỉnh Tiền Giang";
        assert_eq!(markup(normal), format!("#\"{normal}\";"));
        // Never between a letter and its combining mark (decomposed Vietnamese).
        let nfd = "e\u{0302}\u{0301}".repeat(30);
        assert!(!markup(&nfd).contains("\u{200b}\u{0302}"));
    }

    #[test]
    fn vietnamese_text_is_kept() {
        assert_eq!(literal("Tiền Giang"), "\"Tiền Giang\"");
    }
}
