//! Inline suppression: `# kehoach: allow KH201 -- reason`.
//!
//! A trailing comment silences the named rules on the node that starts on its line and
//! on that node's children; a comment on a line of its own silences them on the next
//! node. A node's extent is found by indentation: the lines after it that are indented
//! deeper (and, after a bare `key:`, a `- ` sequence at the same indentation).
//! `# kehoach: allow-file KH201 -- reason` silences a rule in the whole file.
//! Rules are named by code, name or code prefix, separated by commas or spaces. A rule
//! followed by an indicator in brackets, `KH201[7.8]`, is silenced for that indicator's
//! findings only (where several findings of a rule share one node, as uncovered
//! indicators without a baseline row share the first task of their main index).

use crate::diagnostic::Diagnostic;
use crate::source::{SourceFile, Span};

use super::rules::{bad_suppression, find_meta};

/// The marker that starts a directive.
pub const MARKER: &str = "kehoach:";

/// One rule named in one directive.
#[derive(Clone, Debug)]
pub struct Selector {
    pub text: String,
    pub used: bool,
}

/// A parsed suppression comment and the lines it covers.
#[derive(Clone, Debug)]
pub struct Suppression {
    /// The comment itself.
    pub span: Span,
    pub selectors: Vec<Selector>,
    pub reason: Option<String>,
    /// First and last line (1-based, inclusive) silenced.
    pub start: u32,
    pub end: u32,
}

impl Suppression {
    /// Whether this suppression covers a finding; marks the selector used.
    pub fn covers(&mut self, d: &Diagnostic) -> bool {
        if !d.span.is_known() || d.span.line < self.start || d.span.line > self.end {
            return false;
        }
        let mut hit = false;
        for s in &mut self.selectors {
            let (rule, indicator) = split_selector(&s.text);
            let for_it = indicator.is_none_or(|i| d.indicator.as_deref().map(str::trim) == Some(i));
            if for_it && selects(rule, d.code, d.rule) {
                s.used = true;
                hit = true;
            }
        }
        hit
    }
}

/// A selector's rule and, for `KH201[7.8]`, its indicator; `None` for the rule when the
/// brackets are malformed (`KH201[`, `KH201[]`, text after `]`).
pub fn split_selector(sel: &str) -> (&str, Option<&str>) {
    match sel.split_once('[') {
        None => (sel, None),
        Some((rule, rest)) => match rest.strip_suffix(']') {
            Some(code) if !code.trim().is_empty() && !code.contains(['[', ']']) => {
                (rule, Some(code.trim()))
            }
            // Not a rule name: reported as an unknown rule.
            _ => ("", None),
        },
    }
}

/// The rule a selector names, if any (its indicator, if it has one, set aside).
fn selector_meta(sel: &str) -> Option<&'static crate::lint::rule::Meta> {
    match split_selector(sel) {
        ("", _) => None,
        (rule, _) => find_meta(rule),
    }
}

/// Whether a selector names a rule (code, name, or a code prefix).
pub fn selects(sel: &str, code: &str, rule: &str) -> bool {
    sel.eq_ignore_ascii_case(code)
        || sel == rule
        || (sel.len() >= 2 && code.len() > sel.len() && code[..sel.len()].eq_ignore_ascii_case(sel))
}

/// Find every directive in a file. Malformed ones are returned as KH902 findings and
/// silence nothing.
pub fn parse(source: &SourceFile) -> (Vec<Suppression>, Vec<Diagnostic>) {
    let text: &str = &source.text;
    if !text.contains(MARKER) {
        return (Vec::new(), Vec::new());
    }
    let lines: Vec<(usize, &str)> = line_starts(text);
    let mut out = Vec::new();
    let mut bad = Vec::new();
    let marker = memchr::memmem::Finder::new(MARKER);
    for (idx, &(off, line)) in lines.iter().enumerate() {
        // Only a line with the marker can hold a directive (most lines have none, and
        // finding a comment's start reads the line character by character).
        if marker.find(line.as_bytes()).is_none() {
            continue;
        }
        let Some(hash) = comment_start(line) else {
            continue;
        };
        let comment = line[hash + 1..].trim();
        let Some(directive) = comment.strip_prefix(MARKER) else {
            continue;
        };
        let col = line[..hash].chars().count() as u32 + 1;
        let span = Span {
            line: idx as u32 + 1,
            column: col,
            offset: off + hash,
            len: line[hash..].trim_end().len(),
        };
        let trailing = !line[..hash].trim().is_empty();
        match parse_directive(directive.trim()) {
            Err(problem) => bad.push(bad_suppression::finding(span, problem)),
            Ok((whole_file, selectors, reason)) => {
                for s in &selectors {
                    if selector_meta(s).is_none() {
                        bad.push(bad_suppression::finding(
                            span,
                            bad_suppression::Problem::UnknownRule(s.clone()),
                        ));
                    }
                }
                let selectors: Vec<Selector> = selectors
                    .into_iter()
                    .filter(|s| selector_meta(s).is_some())
                    .map(|text| Selector { text, used: false })
                    .collect();
                if selectors.is_empty() {
                    continue;
                }
                if reason.is_none() {
                    bad.push(bad_suppression::finding(
                        span,
                        bad_suppression::Problem::NoReason,
                    ));
                }
                let range = if whole_file {
                    Some((1, u32::MAX))
                } else if trailing {
                    Some(extent(&lines, idx))
                } else {
                    next_node(&lines, idx).map(|n| extent(&lines, n))
                };
                match range {
                    Some((start, end)) => out.push(Suppression {
                        span,
                        selectors,
                        reason,
                        start,
                        end,
                    }),
                    None => bad.push(bad_suppression::finding(
                        span,
                        bad_suppression::Problem::NoNode,
                    )),
                }
            }
        }
    }
    (out, bad)
}

type Parsed = (bool, Vec<String>, Option<String>);

fn parse_directive(d: &str) -> Result<Parsed, bad_suppression::Problem> {
    use bad_suppression::Problem;
    let (head, reason) = match d.split_once("--") {
        Some((h, r)) => (
            h.trim(),
            Some(r.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (d, None),
    };
    let (verb, rest) = head.split_once(char::is_whitespace).unwrap_or((head, ""));
    let whole_file = match verb {
        "allow" => false,
        "allow-file" => true,
        other => return Err(Problem::UnknownVerb(other.to_string())),
    };
    let selectors: Vec<String> = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if selectors.is_empty() {
        return Err(Problem::NoRule);
    }
    Ok((whole_file, selectors, reason))
}

fn line_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut off = 0;
    for l in text.split_inclusive('\n') {
        out.push((off, l.trim_end_matches(['\n', '\r'])));
        off += l.len();
    }
    out
}

/// Byte index of a `#` that starts a comment (at line start or after a blank), outside
/// quotes as far as a single line can tell.
fn comment_start(line: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'')
                && (prev == ' ' || prev == ':' || prev == '-' || i == 0) =>
            {
                quote = Some(c)
            }
            None if c == '#' && (i == 0 || prev.is_whitespace()) => return Some(i),
            None => {}
        }
        prev = c;
    }
    None
}

fn is_content(line: &str) -> bool {
    let t = line.trim_start();
    !t.is_empty() && !t.starts_with('#')
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn next_node(lines: &[(usize, &str)], idx: usize) -> Option<usize> {
    (idx + 1..lines.len()).find(|&i| is_content(lines[i].1))
}

/// Lines (1-based, inclusive) of the node starting on line index `idx`.
fn extent(lines: &[(usize, &str)], idx: usize) -> (u32, u32) {
    let line = lines[idx].1;
    let ind = indent(line);
    let body = line.trim_start();
    let bare_key = !body.starts_with('-') && strip_comment(body).trim_end().ends_with(':');
    let mut end = idx;
    for (i, &(_, l)) in lines.iter().enumerate().skip(idx + 1) {
        if !is_content(l) {
            continue;
        }
        let li = indent(l);
        let seq_under_key = bare_key && li == ind && l.trim_start().starts_with("- ");
        if li > ind || seq_under_key || (bare_key && li == ind && l.trim_start() == "-") {
            end = i;
        } else {
            break;
        }
    }
    (idx as u32 + 1, end as u32 + 1)
}

fn strip_comment(s: &str) -> &str {
    match comment_start(s) {
        Some(i) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Vec<Suppression>, Vec<Diagnostic>) {
        parse(&SourceFile::new("t.yaml", text))
    }

    #[test]
    fn trailing_comment_covers_node_and_children() {
        let (s, bad) = parsed(
            "tasks:\n  - id: a # kehoach: allow KH301 -- chưa phân công\n    lead: []\n  - id: b\n",
        );
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!((s[0].start, s[0].end), (2, 3));
    }

    #[test]
    fn own_line_comment_covers_next_node() {
        let (s, _) =
            parsed("# kehoach: allow KH2 -- dự thảo\ntasks:\n- id: a\n- id: b\nkept: []\n");
        assert_eq!((s[0].start, s[0].end), (2, 4));
    }

    #[test]
    fn malformed_directives_are_reported() {
        let (s, bad) = parsed(
            "a: 1 # kehoach: allow KH999 -- x\nb: 2 # kehoach: deny KH201\nc: 3 # kehoach: allow KH201\n",
        );
        assert_eq!(s.len(), 1);
        let codes: Vec<_> = bad.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["KH902", "KH902", "KH902"]);
    }

    #[test]
    fn an_indicator_in_brackets_narrows_the_rule_to_it() {
        let text = "tasks:\n  - id: a # kehoach: allow KH201[7.8] -- cắt\n    lead: []\n";
        let (mut s, bad) = parsed(text);
        assert!(bad.is_empty(), "{bad:?}");
        let span = Span {
            line: 2,
            column: 5,
            offset: 9,
            len: 1,
        };
        let finding = |code: &str| {
            Diagnostic::new(
                "KH201",
                "uncovered-indicator",
                crate::diagnostic::Level::Error,
                crate::diagnostic::Text::new("x", "x"),
                span,
            )
            .with_indicator(code)
        };
        assert!(!s[0].covers(&finding("4.3")));
        assert!(!s[0].covers(&finding("7.8.1")));
        assert!(s[0].covers(&finding(" 7.8 ")));
        for bad_sel in ["KH201[", "KH201[]", "KH201[7.8]x", "KH999[7.8]"] {
            let (s, bad) = parsed(&format!("a: 1 # kehoach: allow {bad_sel} -- x\n"));
            assert!(s.is_empty(), "{bad_sel}");
            assert_eq!(bad.len(), 1, "{bad_sel}");
        }
    }

    #[test]
    fn hash_inside_quotes_is_not_a_comment() {
        let (s, bad) = parsed("a: \"x # kehoach: allow KH201 -- y\"\n");
        assert!(s.is_empty() && bad.is_empty());
    }
}
