//! A strict reader for the YAML that plans are written in: block mappings and sequences,
//! flow collections, plain, quoted and block (`|`, `>`) scalars, comments.
//!
//! Anything outside that subset — anchors, aliases, tags, directives, several documents,
//! tabs in indentation, multi-line plain or quoted scalars, explicit keys, duplicate keys,
//! CR line ends, a byte-order mark — is refused with [`Unsupported`], and the caller falls
//! back to serde-saphyr, which handles all of YAML and reports errors. This reader never
//! decides that a file is wrong; it only declines.
//!
//! Spans follow serde-saphyr's, so a plan read either way carries the same locations:
//! a scalar covers its text (quotes included), a flow collection its opening bracket, a
//! block collection starts at its first entry with length 0, a block scalar covers its
//! content lines.

use std::borrow::Cow;

use crate::source::Span;

/// Nesting deeper than this is left to serde-saphyr (whose budget reports it).
const MAX_DEPTH: usize = 48;
/// More nodes than this are left to serde-saphyr (the loader's `max_nodes` budget).
const MAX_NODES: usize = 250_000;

/// The text is outside the subset this reader handles (not necessarily invalid YAML).
/// `line` is the YAML line reached, `rule` the reader's own source line that declined
/// (for debugging and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Unsupported {
    pub line: u32,
    pub rule: u32,
}

type R<T> = Result<T, Unsupported>;

/// A node of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub span: Span,
    pub kind: Kind<'a>,
}

/// What a node holds. Plain scalars keep their text; their type is resolved by the
/// deserialiser from what is asked for, as serde-saphyr does.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    /// A value left empty (`key:` with nothing after it): null.
    Empty,
    Plain(&'a str),
    /// Quoted or block scalar: always a string.
    Text(Cow<'a, str>),
    Seq(Vec<Node<'a>>),
    Map(Vec<(Node<'a>, Node<'a>)>),
}

/// Read a whole document.
pub fn parse(src: &str) -> R<Node<'_>> {
    if let Some(at) = first_unprintable(src.as_bytes()) {
        let line = src.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        return Err(Unsupported {
            line,
            rule: line!(),
        });
    }
    let mut p = Parser {
        src,
        b: src.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        depth: 0,
        nodes: 0,
        col_at: (0, 1),
        entries: Vec::new(),
        items: Vec::new(),
        keys: Vec::new(),
    };
    let Some(indent) = p.next_content_line()? else {
        return Err(p.no(line!()));
    };
    if indent != 0 {
        return Err(p.no(line!()));
    }
    p.pos = p.line_start;
    let root = p.block_node(0)?;
    match p.next_content_line()? {
        None => Ok(root),
        Some(_) => Err(p.no(line!())),
    }
}

struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    /// 1-based line of `line_start`.
    line: u32,
    line_start: usize,
    depth: usize,
    nodes: usize,
    /// The last column computed: (byte offset, 1-based column) on the current line, so
    /// that many nodes on one long line cost time linear in the line.
    col_at: (usize, u32),
    /// The entries, items and keys of the collections being read, innermost last: each
    /// collection pushes here and takes its own off the top when it closes, so that its
    /// `Vec` is allocated once at its size instead of grown entry by entry.
    entries: Vec<(Node<'a>, Node<'a>)>,
    items: Vec<Node<'a>>,
    keys: Vec<&'a str>,
}

impl<'a> Parser<'a> {
    #[cold]
    fn no(&self, rule: u32) -> Unsupported {
        Unsupported {
            line: self.line,
            rule,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(b'\n')
    }

    fn span(&mut self, start: usize, end: usize) -> Span {
        self.nodes += 1;
        // Lines only: callers pass offsets on the current line. Columns are counted on
        // from the last one computed on this line.
        let (from, col) = if self.col_at.0 >= self.line_start && self.col_at.0 <= start {
            self.col_at
        } else {
            (self.line_start, 1)
        };
        let column = col + self.src[from..start].chars().count() as u32;
        self.col_at = (start, column);
        Span {
            line: self.line,
            column,
            offset: start,
            len: end - start,
        }
    }

    fn end_of_line(&self, from: usize) -> usize {
        memchr(b'\n', &self.b[from..]).map_or(self.b.len(), |i| from + i)
    }

    /// Move to the next line start.
    fn next_line(&mut self) {
        let eol = self.end_of_line(self.pos);
        if eol < self.b.len() {
            self.pos = eol + 1;
            self.line += 1;
            self.line_start = self.pos;
        } else {
            self.pos = eol;
        }
    }

    /// From the current position, skip the rest of this line if it is only spaces and a
    /// comment (error if anything else is there).
    fn finish_line(&mut self) -> R<()> {
        let eol = self.end_of_line(self.pos);
        let rest = &self.b[self.pos..eol];
        let mut i = 0;
        while i < rest.len() && rest[i] == b' ' {
            i += 1;
        }
        if i < rest.len() && (rest[i] != b'#' || (i == 0 && self.pos > self.line_start)) {
            return Err(self.no(line!()));
        }
        self.pos = eol;
        self.next_line();
        Ok(())
    }

    /// Skip blank and comment-only lines from a line start; leave `pos` at the first
    /// content character of the next content line and return its indent, or `None` at
    /// the end.
    fn next_content_line(&mut self) -> R<Option<usize>> {
        if self.pos != self.line_start {
            // Mid-line: the caller has consumed this line's content.
            self.next_line();
            if self.pos >= self.b.len() && self.pos != self.line_start {
                return Ok(None);
            }
        }
        loop {
            if self.pos >= self.b.len() {
                return Ok(None);
            }
            let eol = self.end_of_line(self.pos);
            let line = &self.b[self.pos..eol];
            let mut i = 0;
            while i < line.len() && line[i] == b' ' {
                i += 1;
            }
            if i < line.len() && line[i] == b'\t' {
                return Err(self.no(line!()));
            }
            if i == line.len() || line[i] == b'#' {
                if eol >= self.b.len() {
                    self.pos = eol;
                    return Ok(None);
                }
                self.pos = eol;
                self.next_line();
                continue;
            }
            if i == 0 && (line.starts_with(b"---") || line.starts_with(b"...") || line[0] == b'%') {
                return Err(self.no(line!()));
            }
            self.pos += i;
            return Ok(Some(i));
        }
    }

    fn budget(&self) -> R<()> {
        if self.nodes > MAX_NODES {
            return Err(self.no(line!()));
        }
        Ok(())
    }

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH || self.nodes > MAX_NODES {
            return Err(self.no(line!()));
        }
        Ok(())
    }

    /// A block node whose first line starts at `pos` (at column `indent`).
    fn block_node(&mut self, indent: usize) -> R<Node<'a>> {
        self.pos = self.line_start + indent;
        if self.is_seq_entry(self.pos) {
            self.block_seq(indent)
        } else if self.key_end(self.pos)?.is_some() {
            self.block_map(indent)
        } else {
            // A lone scalar as a whole block node (document root or nested): rare.
            Err(self.no(line!()))
        }
    }

    /// `-12`, `-abc`: a plain scalar may start with `-` followed by a non-space.
    fn dash_plain(&self) -> bool {
        self.peek() == Some(b'-')
            && !matches!(
                self.at(self.pos + 1),
                b' ' | b'\n' | b',' | b']' | b'}' | b'[' | b'{'
            )
    }

    fn is_seq_entry(&self, at: usize) -> bool {
        self.at(at) == b'-' && matches!(self.at(at + 1), b' ' | b'\n')
    }

    /// If a plain key starts at `at` (`key: ...` or `key:` at the end of the line),
    /// return the offset of its colon.
    fn key_end(&self, at: usize) -> R<Option<usize>> {
        let c = self.at(at);
        if matches!(c, b'"' | b'\'') {
            // A quoted scalar; followed by `:` it would be a quoted key, which is outside
            // the subset.
            let eol = self.end_of_line(at);
            let mut i = at + 1;
            // Jump from one byte that matters (the quote, an escape) to the next.
            while i < eol {
                let rest = &self.b[i..eol];
                let next = if c == b'"' {
                    memchr::memchr2(b'\\', b'"', rest)
                } else {
                    memchr::memchr(b'\'', rest)
                };
                let Some(k) = next else {
                    i = eol;
                    break;
                };
                i += k;
                match self.b[i] {
                    b'\\' => i += 2,
                    b'\'' if c == b'\'' && self.at(i + 1) == b'\'' => i += 2,
                    _ => break,
                }
            }
            let mut j = i + 1;
            while self.at(j) == b' ' {
                j += 1;
            }
            return if i < eol && self.at(j) == b':' && matches!(self.at(j + 1), b' ' | b'\n') {
                Err(self.no(line!()))
            } else {
                Ok(None)
            };
        }
        if is_indicator(c) {
            return Ok(None);
        }
        let eol = self.end_of_line(at);
        let mut i = at;
        // Only `:` and `#` matter: jump from one to the next.
        while let Some(k) = memchr::memchr2(b':', b'#', &self.b[i..eol]) {
            i += k;
            match self.b[i] {
                b':' if matches!(self.at(i + 1), b' ' | b'\n') => return Ok(Some(i)),
                b'#' if self.b[i - 1] == b' ' => return Ok(None),
                _ => i += 1,
            }
        }
        Ok(None)
    }

    fn block_map(&mut self, indent: usize) -> R<Node<'a>> {
        self.enter()?;
        let start = self.pos;
        let span = Span {
            len: 0,
            ..self.span(start, start)
        };
        let entries = self.entries.len();
        let mut keys = self.keys();
        loop {
            self.budget()?;
            let Some(colon) = self.key_end(self.pos)? else {
                return Err(self.no(line!()));
            };
            let key_text = self.src[self.pos..colon].trim_end_matches(' ');
            if key_text.is_empty() || key_text.contains(['\t', '"', '\'']) {
                return Err(self.no(line!()));
            }
            let key = Node {
                span: self.span(self.pos, self.pos + key_text.len()),
                kind: Kind::Plain(key_text),
            };
            if !self.insert_key(&mut keys, key_text) {
                return Err(self.no(line!()));
            }
            self.pos = colon + 1;
            let value = self.value_after_indicator(indent, true)?;
            self.entries.push((key, value));
            // `value_after_indicator` leaves us at the next content line (or the end).
            match self.current_indent() {
                None => break,
                Some(i) if i < indent => break,
                Some(i) if i == indent => {
                    if self.is_seq_entry(self.pos) {
                        // A sequence at this indent that no key owns.
                        break;
                    }
                }
                Some(_) => return Err(self.no(line!())),
            }
        }
        self.depth -= 1;
        self.keys.truncate(keys.from);
        Ok(Node {
            span,
            kind: Kind::Map(self.entries.split_off(entries)),
        })
    }

    /// Indent of the content line `pos` is on, or `None` at the end.
    fn current_indent(&self) -> Option<usize> {
        if self.pos >= self.b.len() {
            None
        } else {
            Some(self.pos - self.line_start)
        }
    }

    fn block_seq(&mut self, indent: usize) -> R<Node<'a>> {
        self.enter()?;
        let start = self.pos;
        let span = Span {
            len: 0,
            ..self.span(start, start)
        };
        let items = self.items.len();
        loop {
            self.budget()?;
            if !self.is_seq_entry(self.pos) {
                return Err(self.no(line!()));
            }
            self.pos += 1;
            let item = self.value_after_indicator(indent, false)?;
            self.items.push(item);
            match self.current_indent() {
                None => break,
                Some(i) if i < indent => break,
                Some(i) if i == indent => {
                    if !self.is_seq_entry(self.pos) {
                        break;
                    }
                }
                Some(_) => return Err(self.no(line!())),
            }
        }
        self.depth -= 1;
        Ok(Node {
            span,
            kind: Kind::Seq(self.items.split_off(items)),
        })
    }

    /// The value after `key:` or `-` (pos just past the indicator), which belongs to a
    /// collection at `indent`. Leaves `pos` at the next content line's first character
    /// (or the end).
    fn value_after_indicator(&mut self, indent: usize, in_map: bool) -> R<Node<'a>> {
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
        let c = self.peek().unwrap_or(b'\n');
        if c == b'\n' || c == b'#' {
            let empty_at = self.pos;
            if c == b'#' && self.b[self.pos - 1] != b' ' {
                return Err(self.no(line!()));
            }
            let empty_span = self.span(empty_at, empty_at);
            let next = self.next_content_line()?;
            return match next {
                Some(i) if i > indent => self.block_node(i),
                Some(i) if i == indent && in_map && self.is_seq_entry(self.pos) => {
                    self.block_seq(i)
                }
                _ => Ok(Node {
                    span: empty_span,
                    kind: Kind::Empty,
                }),
            };
        }
        if !in_map {
            // `- key: value` starts a mapping whose indent is this column.
            if self.is_seq_entry(self.pos) {
                return Err(self.no(line!()));
            }
            if self.key_end(self.pos)?.is_some() {
                let col = self.pos - self.line_start;
                return self.block_map(col);
            }
        } else if self.is_seq_entry(self.pos) || self.key_end(self.pos)?.is_some() {
            // `key: - a` or `key: a: b` on one line.
            return Err(self.no(line!()));
        }
        let node = match c {
            b'|' | b'>' => return self.block_scalar(indent),
            b'[' | b'{' => {
                let n = self.flow_node()?;
                self.finish_line()?;
                n
            }
            _ => {
                let n = self.inline_scalar()?;
                self.finish_line()?;
                n
            }
        };
        // A following line indented deeper would continue a plain scalar or be an error.
        match self.next_content_line()? {
            Some(i) if i > indent => Err(self.no(line!())),
            _ => Ok(node),
        }
    }

    /// A quoted or plain scalar in block context, on one line.
    fn inline_scalar(&mut self) -> R<Node<'a>> {
        match self.peek() {
            Some(b'"') => self.quoted(b'"'),
            Some(b'\'') => self.quoted(b'\''),
            Some(c) if is_indicator(c) && !self.dash_plain() => Err(self.no(line!())),
            _ => {
                let start = self.pos;
                let eol = self.end_of_line(start);
                let mut end = eol;
                let mut i = start;
                // Only `#`, `:` and tabs matter: jump from one to the next.
                while let Some(k) = memchr::memchr3(b'#', b':', b'\t', &self.b[i..eol]) {
                    i += k;
                    match self.b[i] {
                        b'#' if self.b[i - 1] == b' ' => {
                            end = i;
                            break;
                        }
                        b':' if matches!(self.at(i + 1), b' ' | b'\n') => {
                            return Err(self.no(line!()));
                        }
                        b'\t' => return Err(self.no(line!())),
                        _ => {}
                    }
                    i += 1;
                }
                let text = self.src[start..end].trim_end_matches(' ');
                let end = start + text.len();
                self.pos = end;
                Ok(Node {
                    span: self.span(start, end),
                    kind: Kind::Plain(text),
                })
            }
        }
    }

    /// A quoted scalar on one line: `"…"` with backslash escapes, or `'…'` with `''`.
    /// The text is borrowed from the source unless an escape changes it.
    fn quoted(&mut self, quote: u8) -> R<Node<'a>> {
        let start = self.pos;
        let mut i = start + 1;
        let mut owned: Option<String> = None;
        let mut run = i;
        loop {
            // Jump to the next byte that matters: the quote, an escape, a line end.
            let rest = self.b.get(i..).unwrap_or_default();
            let next = if quote == b'"' {
                memchr::memchr3(b'"', b'\\', b'\n', rest)
            } else {
                memchr::memchr2(b'\'', b'\n', rest)
            };
            i = next.map_or(self.b.len(), |k| i + k);
            match self.b.get(i) {
                None | Some(b'\n') => return Err(self.no(line!())),
                Some(b'\\') if quote == b'"' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.src[run..i]);
                    let (ch, used) = unescape(&self.b[i + 1..])?;
                    s.push(ch);
                    i += 1 + used;
                    run = i;
                }
                Some(b'\'') if quote == b'\'' && self.b.get(i + 1) == Some(&b'\'') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.src[run..=i]);
                    i += 2;
                    run = i;
                }
                Some(&c) if c == quote => break,
                Some(_) => i += 1,
            }
        }
        let text = match owned {
            Some(mut s) => {
                s.push_str(&self.src[run..i]);
                Cow::Owned(s)
            }
            None => Cow::Borrowed(&self.src[start + 1..i]),
        };
        self.pos = i + 1;
        Ok(Node {
            span: self.span(start, i + 1),
            kind: Kind::Text(text),
        })
    }

    /// A flow collection or scalar inside a flow collection. Flow collections may span
    /// lines; their scalars may not.
    fn flow_node(&mut self) -> R<Node<'a>> {
        match self.peek() {
            Some(open @ (b'[' | b'{')) => {
                self.enter()?;
                let start = self.pos;
                let span = self.span(start, start + 1);
                self.pos += 1;
                let close = if open == b'[' { b']' } else { b'}' };
                let items = self.items.len();
                let entries = self.entries.len();
                let mut keys = self.keys();
                loop {
                    self.budget()?;
                    self.flow_space()?;
                    if self.peek() == Some(close) {
                        self.pos += 1;
                        break;
                    }
                    if open == b'[' {
                        let item = self.flow_node()?;
                        self.items.push(item);
                    } else {
                        let key = self.flow_scalar(true)?;
                        if !matches!(key.kind, Kind::Plain(_)) {
                            return Err(self.no(line!()));
                        }
                        let Kind::Plain(key_text) = key.kind else {
                            return Err(self.no(line!()));
                        };
                        if !self.insert_key(&mut keys, key_text) {
                            return Err(self.no(line!()));
                        }
                        self.flow_space()?;
                        if self.peek() != Some(b':') {
                            return Err(self.no(line!()));
                        }
                        self.pos += 1;
                        if !matches!(self.peek(), Some(b' ' | b'\n')) {
                            return Err(self.no(line!()));
                        }
                        self.flow_space()?;
                        let value = self.flow_node()?;
                        self.entries.push((key, value));
                    }
                    self.flow_space()?;
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(c) if c == close => {
                            self.pos += 1;
                            break;
                        }
                        _ => return Err(self.no(line!())),
                    }
                }
                self.depth -= 1;
                self.keys.truncate(keys.from);
                let kind = if open == b'[' {
                    Kind::Seq(self.items.split_off(items))
                } else {
                    Kind::Map(self.entries.split_off(entries))
                };
                Ok(Node { span, kind })
            }
            _ => self.flow_scalar(false),
        }
    }

    /// Spaces, line breaks and comments between flow tokens.
    fn flow_space(&mut self) -> R<()> {
        loop {
            match self.peek() {
                Some(b' ') => self.pos += 1,
                Some(b'\n') => {
                    self.next_line();
                    // `---` or `...` at column 0 ends the document even inside a flow
                    // collection (serde-saphyr reports the unclosed bracket).
                    let rest = &self.b[self.line_start..];
                    if rest.starts_with(b"---") || rest.starts_with(b"...") {
                        return Err(self.no(line!()));
                    }
                }
                Some(b'#') if self.b[self.pos - 1] == b' ' || self.pos == self.line_start => {
                    self.pos = self.end_of_line(self.pos);
                }
                Some(b'\t') => return Err(self.no(line!())),
                None => return Err(self.no(line!())),
                _ => return Ok(()),
            }
        }
    }

    fn flow_scalar(&mut self, is_key: bool) -> R<Node<'a>> {
        match self.peek() {
            Some(b'"') if !is_key => self.quoted(b'"'),
            Some(b'\'') if !is_key => self.quoted(b'\''),
            Some(c) if is_indicator(c) && !self.dash_plain() => Err(self.no(line!())),
            _ => {
                let start = self.pos;
                let mut i = start;
                loop {
                    match self.at(i) {
                        b'\n' | b',' | b']' | b'}' | b'[' | b'{' => break,
                        b':' if matches!(self.at(i + 1), b' ' | b'\n' | b',' | b']' | b'}') => {
                            break;
                        }
                        b'#' if self.b[i - 1] == b' ' => break,
                        b'\t' => return Err(self.no(line!())),
                        _ => i += 1,
                    }
                }
                let text = self.src[start..i].trim_end_matches(' ');
                if text.is_empty() || (!is_key && self.at(i) == b':') {
                    return Err(self.no(line!()));
                }
                let end = start + text.len();
                self.pos = end;
                // A plain scalar continued on the next line is outside the subset.
                if self.at(i) == b'\n' || self.at(i) == b'#' {
                    let save = (self.pos, self.line, self.line_start);
                    self.flow_space()?;
                    let next = self.peek();
                    (self.pos, self.line, self.line_start) = save;
                    if !matches!(next, Some(b',' | b']' | b'}' | b':')) {
                        return Err(self.no(line!()));
                    }
                }
                Ok(Node {
                    span: self.span(start, end),
                    kind: Kind::Plain(text),
                })
            }
        }
    }

    /// `|` or `>` with optional chomping indicator; the content lines follow.
    fn block_scalar(&mut self, indent: usize) -> R<Node<'a>> {
        let folded = self.peek() == Some(b'>');
        self.pos += 1;
        let chomp = match self.peek() {
            Some(b'-') => {
                self.pos += 1;
                Chomp::Strip
            }
            Some(b'+') => {
                self.pos += 1;
                Chomp::Keep
            }
            _ => Chomp::Clip,
        };
        if !matches!(self.peek(), Some(b' ' | b'\n') | None) {
            // Indentation indicator or junk after the header.
            return Err(self.no(line!()));
        }
        self.finish_line()?;
        // Content lines: those indented deeper than `indent`, and blank lines among them.
        let mut lines: Vec<&'a str> = Vec::new();
        let mut block_indent = None;
        let content_start = self.pos;
        let mut first = (self.line, self.line_start);
        let mut seen_content = false;
        loop {
            if self.pos >= self.b.len() {
                break;
            }
            let eol = self.end_of_line(self.pos);
            let line = &self.src[self.pos..eol];
            let spaces = line.len() - line.trim_start_matches(' ').len();
            let blank = spaces == line.len();
            if blank {
                if let Some(bi) = block_indent {
                    if spaces > bi {
                        // Whitespace beyond the indent on an empty line is content.
                        return Err(self.no(line!()));
                    }
                }
                lines.push("");
            } else {
                let bi = *block_indent.get_or_insert(spaces);
                if !seen_content {
                    seen_content = true;
                    first = (self.line, self.line_start);
                    // Leading blank lines longer than the indent would be content.
                    if self.src[content_start..self.pos]
                        .split('\n')
                        .any(|l| l.len() > spaces)
                    {
                        return Err(self.no(line!()));
                    }
                }
                if spaces < bi || bi <= indent {
                    break;
                }
                if line.as_bytes()[spaces] == b'\t' {
                    return Err(self.no(line!()));
                }
                if folded && spaces > bi {
                    // More-indented lines keep their breaks in folded scalars.
                    return Err(self.no(line!()));
                }
                lines.push(&line[bi..]);
            }
            if eol >= self.b.len() {
                self.pos = eol;
                break;
            }
            self.pos = eol;
            self.next_line();
        }
        let Some(bi) = block_indent.filter(|&bi| bi > indent) else {
            // No content: an empty scalar; rare, leave it to serde-saphyr.
            return Err(self.no(line!()));
        };
        // Trailing blank lines (kept only with `+`).
        let content_lines = lines
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(0, |i| i + 1);
        let trailing = lines.len() - content_lines;
        let mut text = String::new();
        for (k, l) in lines[..content_lines].iter().enumerate() {
            if k > 0 {
                let prev = lines[k - 1];
                if !folded || l.is_empty() || prev.is_empty() {
                    // Literal: every break; folded: breaks around empty lines stay, and
                    // the break before an empty line is dropped (it is folded into it).
                    if !(folded && l.is_empty() && !prev.is_empty()) {
                        text.push('\n');
                    }
                } else {
                    text.push(' ');
                }
            }
            text.push_str(l);
        }
        match chomp {
            Chomp::Strip => {}
            Chomp::Clip => text.push('\n'),
            Chomp::Keep => {
                text.push('\n');
                for _ in 0..trailing {
                    text.push('\n');
                }
            }
        }
        // The loop stopped at a line start or the end. Like serde-saphyr's, the span runs
        // over trailing blank lines up to the first non-space character after them (a
        // comment's `#` or the next token).
        let mut end = self.pos;
        while self.at(end) == b' ' && end < self.b.len() {
            end += 1;
        }
        if self.pos < self.b.len() {
            self.pos = self.line_start;
            let _ = self.next_content_line()?;
        }
        let (line, line_start) = first;
        let start = line_start + bi;
        let column = bi as u32 + 1;
        Ok(Node {
            span: Span {
                line,
                column,
                offset: start,
                len: end - start,
            },
            kind: Kind::Text(Cow::Owned(text)),
        })
    }
}

#[derive(Clone, Copy)]
enum Chomp {
    Strip,
    Clip,
    Keep,
}

/// Characters that cannot start a plain scalar here (or that start something this reader
/// leaves to serde-saphyr).
fn is_indicator(c: u8) -> bool {
    matches!(
        c,
        b'&' | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'%'
            | b'@'
            | b'`'
            | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'-'
            | b'"'
            | b'\''
    )
}

/// One escape after a backslash in a double-quoted scalar: the character and the number
/// of bytes used.
fn unescape(rest: &[u8]) -> R<(char, usize)> {
    let hex = |n: usize| -> R<(char, usize)> {
        let digits = rest.get(1..1 + n).ok_or(Unsupported::default())?;
        let s = std::str::from_utf8(digits).map_err(|_| Unsupported::default())?;
        let v = u32::from_str_radix(s, 16).map_err(|_| Unsupported::default())?;
        Ok((char::from_u32(v).ok_or(Unsupported::default())?, 1 + n))
    };
    let c = match rest.first() {
        Some(b'0') => '\0',
        Some(b'a') => '\u{7}',
        Some(b'b') => '\u{8}',
        Some(b't') => '\t',
        Some(b'n') => '\n',
        Some(b'v') => '\u{b}',
        Some(b'f') => '\u{c}',
        Some(b'r') => '\r',
        Some(b'e') => '\u{1b}',
        Some(b' ') => ' ',
        Some(b'"') => '"',
        Some(b'/') => '/',
        Some(b'\\') => '\\',
        Some(b'N') => '\u{85}',
        Some(b'_') => '\u{a0}',
        Some(b'L') => '\u{2028}',
        Some(b'P') => '\u{2029}',
        Some(b'x') => return hex(2),
        Some(b'u') => return hex(4),
        Some(b'U') => return hex(8),
        _ => return Err(Unsupported::default()),
    };
    Ok((c, 1))
}

/// Keys of one mapping seen so far: a short list (the parser's `keys` from `from` on),
/// then a hash set, so that checking for duplicates stays linear in the number of keys.
struct Keys<'a> {
    from: usize,
    many: Option<std::collections::HashSet<&'a str>>,
}

impl<'a> Parser<'a> {
    /// The keys of a mapping that opens here.
    fn keys(&self) -> Keys<'a> {
        Keys {
            from: self.keys.len(),
            many: None,
        }
    }

    /// Add a key to a mapping's; `false` if it was already there.
    fn insert_key(&mut self, keys: &mut Keys<'a>, key: &'a str) -> bool {
        if let Some(set) = &mut keys.many {
            return set.insert(key);
        }
        if self.keys[keys.from..].contains(&key) {
            return false;
        }
        self.keys.push(key);
        if self.keys.len() - keys.from > 16 {
            keys.many = Some(self.keys.drain(keys.from..).collect());
        }
        true
    }
}

/// The offset of the first character YAML does not allow in a stream (outside
/// `c-printable`: C0 controls but tab and line feed, DEL, C1 controls but NEL, U+FFFE,
/// U+FFFF), or of a carriage return or byte-order mark (U+FEFF), which this reader leaves
/// to serde-saphyr; `None` if there is none.
pub fn first_unprintable(b: &[u8]) -> Option<usize> {
    // A byte that can begin what this looks for; chunks of bytes none of which can are
    // skipped whole (a branch-free test the compiler vectorises: this runs over every
    // byte of every plan).
    fn may_start(c: u8) -> bool {
        ((c < 0x20) & (c != b'\t') & (c != b'\n'))
            | (c == 0x7f)
            | (c == 0xc2)
            | (c == 0xe2)
            | (c == 0xef)
    }
    const CHUNK: usize = 32;
    let mut i = 0;
    while i < b.len() {
        if i % CHUNK == 0 && i + CHUNK <= b.len() {
            let chunk = &b[i..i + CHUNK];
            if !chunk.iter().fold(false, |acc, &c| acc | may_start(c)) {
                i += CHUNK;
                continue;
            }
        }
        let c = b[i];
        if c < 0x80 {
            if (c < 0x20 && c != b'\t' && c != b'\n') || c == 0x7f {
                return Some(i);
            }
            i += 1;
            continue;
        }
        match c {
            // U+0080..U+009F: C1 controls, and NEL (U+0085), a line break in YAML 1.1
            // that this reader leaves to serde-saphyr.
            0xc2 if matches!(b.get(i + 1), Some(0x80..=0x9f)) => return Some(i),
            // U+FEFF, U+FFFE, U+FFFF.
            0xef if matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0xbb), Some(0xbf)) | (Some(0xbf), Some(0xbe | 0xbf))
            ) =>
            {
                return Some(i);
            }
            // U+2028, U+2029: line breaks in YAML 1.1, left to serde-saphyr.
            0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)) => {
                return Some(i);
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

#[cfg(test)]
mod tests {
    use super::first_unprintable;

    /// The byte-at-a-time definition the chunked scan must agree with.
    fn naive(b: &[u8]) -> Option<usize> {
        let s = String::from_utf8_lossy(b);
        let mut at = 0;
        for c in s.chars() {
            let bad = (c < ' ' && c != '\t' && c != '\n')
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(
                    c,
                    '\u{feff}' | '\u{fffe}' | '\u{ffff}' | '\u{2028}' | '\u{2029}'
                );
            if bad {
                return Some(at);
            }
            at += c.len_utf8();
        }
        None
    }

    /// Each mapping checks its own keys for duplicates, on the stack nested mappings
    /// share: a key repeated in a nested mapping is no duplicate, one repeated after a
    /// nested mapping closed is, and so is the 18th key of a long mapping (past the list,
    /// in the hash set).
    #[test]
    fn duplicate_keys_are_per_mapping() {
        let long: String = (0..20).map(|i| format!("k{i}: {i}\n")).collect();
        for ok in [
            "a:\n  a: 1\n  b: {a: 1, b: [{a: 1}, {a: 2}]}\nb:\n  - a: 1\n    b: 2\n  - a: 3\n",
            long.as_str(),
            "a: {b: {b: 1}, c: 2}\nc: 3\n",
        ] {
            assert!(super::parse(ok).is_ok(), "{ok:?}");
        }
        let long_dup = format!("{long}k17: again\n");
        for dup in [
            "a: 1\nb:\n  c: 1\n  d: {c: 2}\na: 2\n",
            "a: {b: {c: 1}, b: 2}\n",
            "x:\n  - a: 1\n    b:\n      a: 2\n    a: 3\n",
            long_dup.as_str(),
        ] {
            assert!(super::parse(dup).is_err(), "{dup:?}");
        }
    }

    #[test]
    fn the_chunked_scan_finds_every_unprintable_at_every_offset() {
        let filler = "Chuyển đổi số – “tỉnh” … a:b\n".repeat(4);
        for bad in [
            "\u{0}", "\r", "\u{7f}", "\u{85}", "\u{9f}", "\u{feff}", "\u{fffe}", "\u{2028}",
        ] {
            for at in 0..70 {
                let mut s: String = filler.chars().take(at).collect();
                s.push_str(bad);
                s.push_str(&filler);
                let want = naive(s.as_bytes());
                assert!(want.is_some());
                assert_eq!(
                    first_unprintable(s.as_bytes()),
                    want,
                    "{bad:?} after {at} chars"
                );
            }
        }
        assert_eq!(first_unprintable(filler.as_bytes()), None);
        assert_eq!(first_unprintable("a\tb\n".repeat(40).as_bytes()), None);
    }
}
