//! Every text field of a plan, for the text rules: bodies, targets, notes, methods,
//! sections, preamble, purposes, requirements, baseline text, organisation, closing,
//! recipients (Nơi nhận), the outline — whatever the model holds as prose — each with its YAML path.
//!
//! The walk is generic: it serialises the plan through a small [`serde::Serializer`] that
//! keeps every string leaf, so a text field added to the model is linted without a change
//! here. Fields that hold codes, figures, agencies, names or identifiers ([`NOT_TEXT`])
//! are left out.
//!
//! Most text fields carry no span in the model (they are `String`, not `Spanned`): the
//! span of a phrase is found only when a rule reports it ([`TextIndex::span`]), by reading
//! the source's YAML tree down the field's path and matching the phrase inside the scalar
//! (line breaks and indentation of block and folded scalars allowed for). A clean plan
//! pays for the walk only.

use std::cell::OnceCell;
use std::fmt;

use serde::Serialize;
use serde::ser::{self, Impossible};

use crate::plan::Plan;
use crate::source::{SourceFile, Span};

/// Keys whose values are not prose: codes, figures, dates, agencies, ids, names.
/// Everything under them is skipped (a text rule on "Sở Tài chính" or "627,42" only cries
/// wolf).
pub const NOT_TEXT: &[&str] = &[
    "agency",
    "amount",
    "authority",
    "budget",
    "catalogue",
    "change",
    "code",
    "date",
    "draft",
    "group",
    "horizon",
    "id",
    "issuer",
    "issuer_name",
    "kind",
    "label",
    "lead",
    "max_points",
    "number",
    "parent_body",
    "period",
    "place",
    "points",
    "rank",
    "rank_change",
    "sector",
    "signer",
    "status",
    "subtotal",
    "support",
    "symbol",
    "table",
    "total",
    "total_change",
    "unit",
    "year",
];

/// Whether a key is one of [`NOT_TEXT`] (a `match`: this runs on every field of every
/// plan).
fn not_text(key: &str) -> bool {
    matches!(
        key,
        "agency"
            | "amount"
            | "authority"
            | "budget"
            | "catalogue"
            | "change"
            | "code"
            | "date"
            | "draft"
            | "group"
            | "horizon"
            | "id"
            | "issuer"
            | "issuer_name"
            | "kind"
            | "label"
            | "lead"
            | "max_points"
            | "number"
            | "parent_body"
            | "period"
            | "place"
            | "points"
            | "rank"
            | "rank_change"
            | "sector"
            | "signer"
            | "status"
            | "subtotal"
            | "support"
            | "symbol"
            | "table"
            | "total"
            | "total_change"
            | "unit"
            | "year"
    )
}

/// One text field.
#[derive(Clone, Debug)]
pub struct TextField {
    /// YAML path ("tasks[3].body", "baseline.indicators[4].note").
    pub path: String,
    /// The field's own key ("body", "note", "method"; for a list item, the list's key).
    pub key: &'static str,
    /// Index of the task the field belongs to, when it is inside `tasks[i]`.
    pub task: Option<usize>,
    pub text: String,
}

/// Every text field of a plan, in model order.
pub fn collect(plan: &Plan) -> Vec<TextField> {
    let mut w = Walker {
        segs: Vec::new(),
        out: Vec::new(),
    };
    // The walker never fails; an error would only mean a field is not walked.
    let _ = plan.serialize(&mut w);
    w.out
}

/// The text fields of one plan, with what is needed to locate a phrase in its source.
pub struct TextIndex<'a> {
    source: &'a SourceFile,
    fields: Vec<TextField>,
    citations: OnceCell<Vec<Vec<crate::vn::citation::Citation>>>,
    tree: OnceCell<Option<Tree<'a>>>,
}

impl<'a> TextIndex<'a> {
    /// The text fields of `plan`; `tree`, the fast reader's tree of `source` when the
    /// caller has it (else the source is parsed when a span is first asked for).
    pub fn new(
        plan: &Plan,
        source: &'a SourceFile,
        tree: Option<crate::yaml::tree::Node<'a>>,
    ) -> Self {
        let cell = OnceCell::new();
        if let Some(n) = tree {
            let _ = cell.set(Some(Tree::Fast(n)));
        }
        TextIndex {
            source,
            fields: collect(plan),
            citations: OnceCell::new(),
            tree: cell,
        }
    }

    /// The citations of each field (by field index), found once per file for the
    /// citation rules.
    pub fn citations(&self) -> &[Vec<crate::vn::citation::Citation>] {
        self.citations.get_or_init(|| {
            self.fields
                .iter()
                .map(|f| crate::vn::citation::find(&f.text))
                .collect()
        })
    }

    /// The source's YAML tree (parsed on first use when not given).
    pub fn tree(&self) -> Option<&Tree<'a>> {
        self.tree.get_or_init(|| Tree::parse(self.source)).as_ref()
    }

    pub fn fields(&self) -> &[TextField] {
        &self.fields
    }

    /// The span of `text[start..end]` of the field at `path` in the source; the field's
    /// whole scalar when the phrase is not found verbatim (escapes), a file-level
    /// position when the field cannot be found at all.
    pub fn span(&self, path: &str, text: &str, start: usize, end: usize) -> Span {
        let Some(scalar) = self.scalar_span(path) else {
            return self.source.span_at(0);
        };
        let src: &str = &self.source.text;
        let slice_end = (scalar.offset + scalar.len).min(src.len());
        let Some(hay) = src.get(scalar.offset..slice_end) else {
            return scalar;
        };
        match locate(hay, text, start, end) {
            Some((s, e)) => {
                let offset = scalar.offset + s;
                let (line, column) = self.source.line_col(offset);
                Span {
                    line,
                    column,
                    offset,
                    len: e - s,
                }
            }
            None => scalar,
        }
    }

    /// The span of a phrase (a byte range of the field's text).
    pub fn phrase(&self, f: &TextField, range: std::ops::Range<usize>) -> Span {
        self.span(&f.path, &f.text, range.start, range.end)
    }

    /// The span of the scalar at a YAML path, read from the source's tree.
    pub fn scalar_span(&self, path: &str) -> Option<Span> {
        self.tree()?.find(&parse_path(path))
    }
}

/// A step of a YAML path.
#[derive(Clone, Debug, PartialEq)]
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

fn parse_path(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let Some(close) = r.find(']') else { break };
            if let Ok(i) = r[..close].parse() {
                out.push(Step::Index(i));
            }
            rest = &r[close + 1..];
        }
    }
    out
}

/// The source's YAML tree: the fast reader's when it takes the file, else serde-saphyr's.
pub enum Tree<'a> {
    Fast(crate::yaml::tree::Node<'a>),
    Full(crate::plan::node::Node),
}

impl<'a> Tree<'a> {
    fn parse(source: &'a SourceFile) -> Option<Tree<'a>> {
        if let Ok(n) = crate::yaml::tree::parse(&source.text) {
            return Some(Tree::Fast(n));
        }
        crate::yaml::from_str_saphyr::<crate::plan::node::Node>(&source.text)
            .ok()
            .map(Tree::Full)
    }

    fn find(&self, steps: &[Step]) -> Option<Span> {
        match self {
            Tree::Fast(n) => find_fast(n, steps),
            Tree::Full(n) => find_full(n, steps),
        }
    }

    /// Every string value of the document (mapping keys left out), with its span, in
    /// document order.
    pub fn each_string(&self, f: &mut dyn FnMut(&str, Span)) {
        match self {
            Tree::Fast(n) => each_fast(n, f),
            Tree::Full(n) => each_full(n, f),
        }
    }
}

fn each_fast(node: &crate::yaml::tree::Node<'_>, f: &mut dyn FnMut(&str, Span)) {
    use crate::yaml::tree::Kind;
    match &node.kind {
        Kind::Plain(s) => f(s, node.span),
        Kind::Text(s) => f(s, node.span),
        Kind::Seq(items) => items.iter().for_each(|n| each_fast(n, f)),
        Kind::Map(entries) => entries.iter().for_each(|(_, n)| each_fast(n, f)),
        Kind::Empty => {}
    }
}

fn each_full(node: &crate::plan::node::Node, f: &mut dyn FnMut(&str, Span)) {
    use crate::plan::node::NodeKind;
    match &node.kind {
        NodeKind::Str(s) => f(s, node.span),
        NodeKind::Seq(items) => items.iter().for_each(|n| each_full(n, f)),
        NodeKind::Map(entries) => entries.iter().for_each(|(_, n)| each_full(n, f)),
        _ => {}
    }
}

fn find_fast(mut node: &crate::yaml::tree::Node<'_>, steps: &[Step]) -> Option<Span> {
    use crate::yaml::tree::Kind;
    for step in steps {
        node = match (step, &node.kind) {
            (Step::Key(k), Kind::Map(entries)) => {
                &entries
                    .iter()
                    .find(|(key, _)| match &key.kind {
                        Kind::Plain(s) => s == k,
                        Kind::Text(s) => s == k,
                        _ => false,
                    })?
                    .1
            }
            (Step::Index(i), Kind::Seq(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(node.span)
}

fn find_full(mut node: &crate::plan::node::Node, steps: &[Step]) -> Option<Span> {
    use crate::plan::node::NodeKind;
    for step in steps {
        node = match (step, &node.kind) {
            (Step::Key(k), NodeKind::Map(entries)) => {
                &entries.iter().find(|(key, _)| key.value == *k)?.1
            }
            (Step::Index(i), NodeKind::Seq(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(node.span)
}

/// Where `text[start..end]` is in `hay`, the source of the scalar holding `text`: the
/// same occurrence (the k-th of the phrase in the value is the k-th in the source), with
/// any run of whitespace in the phrase matching any run in the source (folded lines,
/// block indentation).
pub fn locate(hay: &str, text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let needle = text.get(start..end)?;
    if needle.trim().is_empty() {
        return None;
    }
    let k = text
        .match_indices(needle)
        .position(|(i, _)| i >= start)
        .unwrap_or(0);
    let mut from = 0;
    let mut seen = 0;
    while from <= hay.len() {
        let (s, e) = find_flex(hay, needle, from)?;
        if seen == k {
            return Some((s, e));
        }
        seen += 1;
        from = s + hay[s..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The first place at or after `from` where `needle` matches `hay`, whitespace runs
/// matching whitespace runs.
fn find_flex(hay: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    let first = needle.chars().next()?;
    let mut i = from;
    while i < hay.len() {
        let rel = hay[i..].find(first)?;
        let s = i + rel;
        if let Some(e) = match_flex(&hay[s..], needle) {
            return Some((s, s + e));
        }
        i = s + first.len_utf8();
    }
    None
}

/// The length in `hay` of a match of `needle` at its start, if there is one.
fn match_flex(hay: &str, needle: &str) -> Option<usize> {
    let mut h = hay.char_indices().peekable();
    let mut n = needle.chars().peekable();
    let mut end = 0;
    while let Some(c) = n.next() {
        if c.is_whitespace() {
            while n.peek().is_some_and(|c| c.is_whitespace()) {
                n.next();
            }
            let mut any = false;
            while let Some(&(j, hc)) = h.peek() {
                if !hc.is_whitespace() {
                    break;
                }
                any = true;
                end = j + hc.len_utf8();
                h.next();
            }
            if !any {
                return None;
            }
        } else {
            let (j, hc) = h.next()?;
            if hc != c {
                return None;
            }
            end = j + hc.len_utf8();
        }
    }
    Some(end)
}

/// A step of the walk.
enum Seg {
    Key(&'static str),
    Index(usize),
}

struct Walker {
    segs: Vec<Seg>,
    out: Vec<TextField>,
}

impl Walker {
    fn push_text(&mut self, v: &str) {
        if crate::lint::trim(v).is_empty() {
            return;
        }
        // A task's `indicators: ["6.12"]` holds codes; the baseline's `indicators:` holds
        // entries whose notes are prose.
        if let [.., Seg::Key("indicators"), Seg::Index(_)] = self.segs.as_slice() {
            return;
        }
        // Paths run to some 40 bytes ("baseline.indicators[12].note"): one allocation.
        let mut path = String::with_capacity(48);
        let mut key = "";
        let mut task = None;
        let mut prev_tasks = false;
        for s in &self.segs {
            match s {
                Seg::Key(k) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                    key = k;
                    prev_tasks = *k == "tasks" && self.segs.len() > 1;
                }
                Seg::Index(i) => {
                    path.push('[');
                    crate::lint::push_decimal(&mut path, *i);
                    path.push(']');
                    if prev_tasks && task.is_none() {
                        task = Some(*i);
                    }
                    prev_tasks = false;
                }
            }
        }
        self.out.push(TextField {
            path,
            key,
            task,
            text: v.to_string(),
        });
    }
}

/// The walker's error: never produced, required by serde.
#[derive(Debug)]
pub struct WalkError;

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text walk")
    }
}

impl std::error::Error for WalkError {}

impl ser::Error for WalkError {
    fn custom<T: fmt::Display>(_: T) -> Self {
        WalkError
    }
}

type Res = Result<(), WalkError>;

impl<'w> ser::Serializer for &'w mut Walker {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = Seq<'w>;
    type SerializeTuple = Seq<'w>;
    type SerializeTupleStruct = Seq<'w>;
    type SerializeTupleVariant = Seq<'w>;
    type SerializeMap = Impossible<(), WalkError>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, _: bool) -> Res {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Res {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Res {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Res {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Res {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Res {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Res {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Res {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Res {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Res {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Res {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Res {
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Res {
        self.push_text(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Res {
        Ok(())
    }
    fn serialize_none(self) -> Res {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Res {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Res {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Res {
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> Res {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'w>, WalkError> {
        Ok(Seq { w: self, i: 0 })
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'w>, WalkError> {
        Ok(Seq { w: self, i: 0 })
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Seq<'w>, WalkError> {
        Ok(Seq { w: self, i: 0 })
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Seq<'w>, WalkError> {
        Ok(Seq { w: self, i: 0 })
    }
    /// Maps hold scoring inputs (`{a: 12}`), not prose: a map ends the walk there.
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, WalkError> {
        Err(WalkError)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, WalkError> {
        Ok(self)
    }
}

/// A sequence being walked: each element under its index.
pub struct Seq<'w> {
    w: &'w mut Walker,
    i: usize,
}

impl Seq<'_> {
    fn element<T: ?Sized + Serialize>(&mut self, v: &T) -> Res {
        self.w.segs.push(Seg::Index(self.i));
        self.i += 1;
        let r = v.serialize(&mut *self.w);
        self.w.segs.pop();
        r
    }
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Res {
        self.element(v)
    }
    fn end(self) -> Res {
        Ok(())
    }
}

impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Res {
        self.element(v)
    }
    fn end(self) -> Res {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Res {
        self.element(v)
    }
    fn end(self) -> Res {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Seq<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Res {
        self.element(v)
    }
    fn end(self) -> Res {
        Ok(())
    }
}

impl Walker {
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Res {
        if not_text(key) {
            return Ok(());
        }
        self.segs.push(Seg::Key(key));
        // A map (scoring inputs) below ends only its own branch.
        let _ = v.serialize(&mut *self);
        self.segs.pop();
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Walker {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Res {
        self.field(key, v)
    }
    fn end(self) -> Res {
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Walker {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Res {
        self.field(key, v)
    }
    fn end(self) -> Res {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_text_is_the_list() {
        assert!(NOT_TEXT.iter().all(|k| not_text(k)));
        assert!(!not_text("body") && !not_text("note") && !not_text("method"));
    }

    #[test]
    fn paths_parse() {
        assert_eq!(
            parse_path("tasks[3].body"),
            vec![Step::Key("tasks"), Step::Index(3), Step::Key("body")]
        );
        assert_eq!(
            parse_path("sections[0].sections[12].body"),
            vec![
                Step::Key("sections"),
                Step::Index(0),
                Step::Key("sections"),
                Step::Index(12),
                Step::Key("body")
            ]
        );
    }

    #[test]
    fn phrases_are_found_across_folds_and_indentation() {
        // A block scalar: the value's line break is a break plus indentation in the source.
        let hay = "đạt 0/20\n      điểm và 0/20 điểm";
        let text = "đạt 0/20\nđiểm và 0/20 điểm";
        let start = text.find("0/20").unwrap();
        let end = start + "0/20\nđiểm".len();
        let (s, e) = locate(hay, text, start, end).unwrap();
        assert_eq!(&hay[s..e], "0/20\n      điểm");
        // The second occurrence maps to the second occurrence.
        let second = text.rfind("0/20").unwrap();
        let (s, e) = locate(hay, text, second, second + 4).unwrap();
        assert_eq!(s, hay.rfind("0/20").unwrap());
        assert_eq!(e - s, 4);
        // Not there verbatim (an escape in a quoted scalar): none.
        assert!(locate("a \\\"b\\\"", "a \"b\"", 2, 5).is_none());
    }
}
