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
pub fn markup(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("#{};", literal(text))
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
    fn vietnamese_text_is_kept() {
        assert_eq!(literal("Tiền Giang"), "\"Tiền Giang\"");
    }
}
