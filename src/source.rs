//! Source files, spans and the `Spanned<T>` wrapper every located value uses.
//!
//! Values a lint may point at are deserialised as [`Spanned<T>`]: the value plus its
//! [`Span`] (1-based line and column, byte offset and length), taken straight from the
//! YAML reader (serde-saphyr, or the fast path in `crate::yaml`).

use std::fmt;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A location in a source file: 1-based line and column, and a byte range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub len: usize,
}

impl Span {
    /// A span that points nowhere (line 0); used for values built in code.
    pub const UNKNOWN: Span = Span {
        line: 0,
        column: 0,
        offset: 0,
        len: 0,
    };

    pub fn is_known(&self) -> bool {
        self.line > 0
    }

    fn from_saphyr(loc: &serde_saphyr::Location) -> Span {
        let s = loc.span();
        Span {
            line: loc.line() as u32,
            column: loc.column() as u32,
            offset: s.byte_offset().unwrap_or(s.offset()) as usize,
            len: s.byte_len().unwrap_or(s.len()) as usize,
        }
    }
}

/// A value with the place in the source it was read from.
#[derive(Clone, Debug, Default)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }

    /// A value with no source location (built in code or in tests).
    pub fn unlocated(value: T) -> Self {
        Spanned {
            value,
            span: Span::UNKNOWN,
        }
    }
}

impl<T> Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

/// The newtype name [`Spanned`] asks a deserialiser for (serde-saphyr's name, answered by
/// both YAML readers).
pub const SPANNED_NAME: &str = "__yaml_spanned";
/// The first key of the map the fast path (`crate::yaml::de`) hands a `Spanned` visitor.
pub const SPAN_KEY: &str = "__kehoach_span";

/// `Spanned<T>` is read from both YAML readers. Each answers the newtype name
/// `__yaml_spanned` with a map whose first key says whose protocol it is: serde-saphyr's
/// (`value`, `referenced`, `defined`) or the fast path's (`__kehoach_span`, `value`; see
/// `crate::yaml::de`).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(SPANNED_NAME, SpannedVisitor(std::marker::PhantomData))
    }
}

struct SpannedVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> de::Visitor<'de> for SpannedVisitor<T> {
    type Value = Spanned<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value with its location")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        /// serde-saphyr's first key (`serde_saphyr::spanned::INTERNAL_SPANNED_MARKER`).
        const SAPHYR_KEY: &str = "__serde_saphyr_private_spanned";
        let first: String = map
            .next_key()?
            .ok_or_else(|| de::Error::custom("expected a located value"))?;
        if first == SPAN_KEY {
            let (line, column, offset, len): (u32, u32, usize, usize) = map.next_value()?;
            let key: Option<String> = map.next_key()?;
            if key.as_deref() != Some("value") {
                return Err(de::Error::missing_field("value"));
            }
            let value = map.next_value()?;
            let span = Span {
                line,
                column,
                offset,
                len,
            };
            return Ok(Spanned { value, span });
        }
        if first != SAPHYR_KEY {
            return Err(de::Error::custom("expected a located value"));
        }
        map.next_value::<de::IgnoredAny>()?;
        let mut value = None;
        let mut span = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" => value = Some(map.next_value()?),
                "referenced" => {
                    span = Some(Span::from_saphyr(
                        &map.next_value::<serde_saphyr::Location>()?,
                    ))
                }
                // serde-saphyr's location values only deserialise as a `Location`.
                "defined" => {
                    map.next_value::<serde_saphyr::Location>()?;
                }
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(Spanned {
            value: value.ok_or_else(|| de::Error::missing_field("value"))?,
            span: span.unwrap_or(Span::UNKNOWN),
        })
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(g)
    }
}

/// A loaded text file: its display path and contents.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: Arc<str>,
    /// Byte offsets of line starts, built on first use, so that locating many findings
    /// costs a binary search each rather than a scan from the start of the file.
    lines: Arc<OnceLock<Vec<usize>>>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
            lines: Arc::default(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    pub fn name(&self) -> String {
        self.path.display().to_string()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let starts = self.line_starts();
        let idx = starts.partition_point(|&s| s <= offset) - 1;
        let line_start = starts[idx];
        let column = self.text[line_start..offset].chars().count() as u32 + 1;
        (idx as u32 + 1, column)
    }

    /// Byte offset of the start of a 1-based line.
    pub fn line_offset(&self, line: u32) -> usize {
        if line <= 1 {
            return 0;
        }
        self.line_starts()
            .get(line as usize - 1)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// A span covering the rest of the given line from a byte offset (for errors that
    /// only know a position).
    pub fn span_at(&self, offset: usize) -> Span {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let (line, column) = self.line_col(offset);
        let end = self.text[offset..]
            .find('\n')
            .map(|i| offset + i)
            .unwrap_or(self.text.len());
        Span {
            line,
            column,
            offset,
            len: end - offset,
        }
    }

    /// The span's end as 1-based line and column.
    pub fn end_line_col(&self, span: &Span) -> (u32, u32) {
        if !span.is_known() {
            return (0, 0);
        }
        self.line_col(span.offset + span.len)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanned_reads_line_and_column() {
        #[derive(Deserialize)]
        struct T {
            a: Spanned<String>,
        }
        let t: T = serde_saphyr::from_str("\n a: Tiền Giang\n").unwrap();
        assert_eq!(t.a.value, "Tiền Giang");
        assert_eq!((t.a.span.line, t.a.span.column), (2, 5));
        assert_eq!(t.a.span.offset, 5);
        assert_eq!(t.a.span.len, "Tiền Giang".len());
    }

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("x.yaml", "ab\nTiền x\n");
        assert_eq!(f.line_col(3), (2, 1));
        let x = f.text.find('x').unwrap();
        assert_eq!(f.line_col(x), (2, 6));
        assert_eq!(f.line_offset(2), 3);
    }
}
