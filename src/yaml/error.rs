//! serde-saphyr errors as located findings, classified by the error's type (never by
//! its English text).

use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{Error, ExternalMessageSource};

use crate::diagnostic::{Diagnostic, Level, Text};
use crate::source::SourceFile;

use super::codes;

/// What kind of problem a serde-saphyr error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A budget (depth, nodes, aliases, scalar bytes) was exceeded: KH005.
    Budget,
    UnknownKey,
    MissingKey,
    /// Right syntax, wrong type or value: KH002.
    Schema,
    /// Not YAML: KH001.
    Syntax,
}

impl Class {
    pub fn code(self) -> (&'static str, &'static str) {
        match self {
            Class::Budget => codes::BUDGET,
            Class::UnknownKey => codes::UNKNOWN_KEY,
            Class::MissingKey => codes::MISSING_KEY,
            Class::Schema => codes::SCHEMA,
            Class::Syntax => codes::SYNTAX,
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Class::Budget => "tệp vượt giới hạn an toàn",
            Class::UnknownKey => "khóa không hợp lệ",
            Class::MissingKey => "thiếu khóa bắt buộc",
            Class::Schema => "giá trị sai kiểu",
            Class::Syntax => "lỗi cú pháp YAML",
        }
    }
}

/// Classify an error by its variant (wrappers such as snippets and alias context are
/// looked through).
pub fn classify(err: &Error) -> Class {
    match err {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => classify(error),
        Error::Budget { .. }
        | Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => Class::Budget,
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => match scan.kind() {
                ErrorKind::RecursionLimitExceeded
                | ErrorKind::InputByteLimitExceeded { .. }
                | ErrorKind::AnchorCountOverflow
                | ErrorKind::DirectiveByteLimitExceeded { .. }
                | ErrorKind::TooManyReservedDirectiveParams { .. } => Class::Budget,
                _ => Class::Syntax,
            },
            _ => Class::Schema,
        },
        Error::SerdeUnknownField { .. } => Class::UnknownKey,
        Error::SerdeMissingField { .. } => Class::MissingKey,
        Error::SerdeInvalidType { .. }
        | Error::SerdeInvalidValue { .. }
        | Error::SerdeInvalidLength { .. }
        | Error::SerdeUnknownVariant { .. }
        | Error::SerdeVariantId { .. }
        | Error::InvalidScalar { .. }
        | Error::NonFiniteFloat { .. }
        | Error::NullIntoString { .. }
        | Error::InvalidBooleanStrict { .. }
        | Error::InvalidCharNull { .. }
        | Error::InvalidCharNotSingleScalar { .. }
        | Error::UnexpectedValueForUnit { .. }
        | Error::TaggedScalarCannotDeserializeIntoString { .. }
        | Error::UnsupportedTag { .. }
        | Error::TaggedEnumMismatch { .. }
        | Error::ExpectedStringKeyForExternallyTaggedEnum { .. }
        | Error::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
        | Error::UnexpectedValueForUnitEnumVariant { .. }
        // `serde::de::Error::custom` from a type's own `Deserialize` (a date, a code).
        | Error::Message { .. } => Class::Schema,
        _ => Class::Syntax,
    }
}

/// Turn a serde-saphyr error into a single located diagnostic.
pub fn error_to_diagnostic(source: &SourceFile, err: &Error) -> Diagnostic {
    let span = err
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| {
            let off = source.line_offset(l.line() as u32);
            let line_text = &source.text[off..];
            let col = l.column().saturating_sub(1) as usize;
            let byte_col: usize = line_text.chars().take(col).map(char::len_utf8).sum();
            source.span_at(off + byte_col)
        })
        .unwrap_or_else(|| source.span_at(0));
    let msg = first_line(&err.to_string());
    let class = classify(err);
    // A budget breach is said in both languages (serde-saphyr's text is English and,
    // for some breaches, Rust's debug form: "budget breached: Depth { depth: 49 }"). A
    // syntax error's Vietnamese comes from its kind; the English keeps the parser's words.
    let (vi, en) = match budget_breach(err) {
        Some(t) => (t.vi, t.en),
        None if class == Class::Syntax => (syntax_vi(err), msg),
        None => (msg.clone(), msg),
    };
    let (code, rule) = class.code();
    let help = if class == Class::Budget {
        Text::new(
            "bỏ các bí danh (alias) lồng nhau hoặc các khối lồng quá sâu: kế hoạch thật không cần chúng",
            "remove nested aliases or deep nesting: a real plan does not need them",
        )
    } else {
        Text::new(
            "kiểm tra thụt lề, dấu hai chấm, dấu ngoặc và dấu nháy ở dòng này hoặc dòng trước",
            "check indentation, colons, brackets and quotes on this line or the one before",
        )
    };
    Diagnostic::new(
        code,
        rule,
        Level::Error,
        Text::new(format!("{}: {vi}", class.vi()), en),
        span,
    )
    .with_help(help)
    .with_file(&source.path)
}

/// A syntax error in Vietnamese, from the parser's error kind (the English text is
/// never translated by matching it). Kinds a plan hardly meets (directives, tags) share
/// one general sentence.
fn syntax_vi(err: &Error) -> String {
    use ErrorKind as K;
    let kind = match err {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => {
            return syntax_vi(error);
        }
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => scan.kind(),
            _ => return GENERAL.into(),
        },
        Error::Eof { .. } => return "tệp kết thúc khi một khối chưa xong".into(),
        Error::MultipleDocuments { .. } => {
            return "tệp có nhiều tài liệu YAML (dấu ---): mỗi tệp chỉ một kế hoạch".into();
        }
        Error::FoldedBlockScalarMustIndentContent { .. } => {
            return "nội dung của khối văn bản (sau | hoặc >) phải thụt lề".into();
        }
        Error::UnknownAnchor { .. } => {
            return "bí danh (alias) trỏ tới một neo (anchor) không có".into();
        }
        Error::DuplicateMappingKey { .. } => return "một khóa viết hai lần trong cùng khối".into(),
        Error::MergeValueNotMapOrSeqOfMaps { .. } | Error::MergeKeyNotAllowed { .. } => {
            return "khóa gộp (<<) dùng không đúng".into();
        }
        _ => return GENERAL.into(),
    };
    match kind {
        K::UnexpectedEofFlowSequence
        | K::UnexpectedEofFlowMapping
        | K::UnexpectedEofImplicitFlowMapping
        | K::UnexpectedEofBlockSequence
        | K::UnexpectedEofBlockMapping
        | K::UnexpectedEof => "tệp kết thúc khi một khối chưa xong".into(),
        K::UnclosedQuotedScalar => "dấu nháy mở ra mà không được đóng lại".into(),
        K::UnclosedFlowCollection { open } => format!("dấu {open} mở ra mà không được đóng lại"),
        K::MismatchedFlowCollectionEnd { open, close } => {
            format!("dấu đóng {close} không khớp với dấu mở {open}")
        }
        K::MisplacedFlowCollectionEnd => "dấu đóng ngoặc đặt sai chỗ".into(),
        K::ExpectedFlowMappingSeparator => "thiếu dấu ',' hoặc '}' trong khối {…}".into(),
        K::ExpectedFlowSequenceSeparator => "thiếu dấu ',' hoặc ']' trong danh sách […]".into(),
        K::TabNotAllowed
        | K::TabInBlockIndentation
        | K::TabInIndentation
        | K::TabAtBlockScalarStart
        | K::TabInPlainScalar => {
            "có ký tự tab ở chỗ YAML không cho phép (thụt lề bằng dấu cách)".into()
        }
        K::InvalidIndentation
        | K::InvalidBlockScalarIndent
        | K::InvalidQuotedScalarIndent
        | K::InvalidFlowScalarIndent => "thụt lề không đúng".into(),
        K::ExpectedBlockMappingKey => {
            "không thấy khóa ở chỗ cần một khóa (thường do thụt lề)".into()
        }
        K::ExpectedBlockSequenceEntry => {
            "không thấy dấu '-' ở chỗ cần một mục danh sách (thường do thụt lề)".into()
        }
        K::MappingValueNotAllowed
        | K::InvalidColonPlacement
        | K::MappingKeyNotAllowed
        | K::SimpleKeyExpected
        | K::InvalidSimpleKey
        | K::InvalidMappingValueWhitespace
        | K::FlowMappingValueAdjacentCollection => {
            "dấu hai chấm ':' ở chỗ không được phép (văn bản có dấu ':' cần đặt trong dấu nháy)"
                .into()
        }
        K::InvalidTrailingSingleQuotedScalar | K::InvalidTrailingDoubleQuotedScalar => {
            "còn nội dung sau dấu nháy đóng".into()
        }
        K::UnknownQuotedScalarEscape
        | K::InvalidQuotedScalarHexEscape
        | K::InvalidLowSurrogateHexEscape
        | K::InvalidLowSurrogate
        | K::MissingLowSurrogate
        | K::UnpairedLowSurrogate
        | K::InvalidUnicodeEscape => {
            "chuỗi thoát (\\…) trong dấu nháy kép không hợp lệ (viết \\\\ cho một dấu \\)".into()
        }
        K::UnexpectedCharacter { character } => {
            format!(
                "ký tự không được phép ở đây: '{}'",
                character.escape_default()
            )
        }
        K::UnknownAnchor => "bí danh (alias) trỏ tới một neo (anchor) không có".into(),
        K::MissingAnchorOrAliasName => "thiếu tên sau dấu & hoặc *".into(),
        K::CommentInterceptedScalar | K::CommentNotSeparated => {
            "chú thích (#) chen vào văn bản: cần dấu cách trước #, hoặc đặt văn bản trong dấu nháy"
                .into()
        }
        K::ExpectedNodeContent => "thiếu giá trị ở chỗ cần một giá trị".into(),
        K::ExpectedWhitespace => "thiếu dấu cách".into(),
        K::ZeroBlockScalarIndent | K::InvalidBlockScalarHeader => {
            "dòng mở khối văn bản (| hoặc >) không hợp lệ".into()
        }
        K::BlockEntryInFlowCollection
        | K::BlockSequenceEntryNotAllowed
        | K::InvalidBlockEntryWhitespace
        | K::PlainScalarStartsWithDashFlowIndicator => {
            "dấu '-' của danh sách ở chỗ không được phép".into()
        }
        K::DocumentIndicatorInQuotedScalar
        | K::InvalidDocumentEnd
        | K::ExpectedDocumentStart
        | K::MissingDocumentEndBeforeDirective
        | K::MultipleDocumentsUnsupported => {
            "dấu phân cách tài liệu (--- hoặc ...) đặt sai chỗ".into()
        }
        K::BomInsideDocument => "dấu BOM nằm giữa tệp".into(),
        K::InputDecoding { .. } => "tệp không phải văn bản UTF-8".into(),
        _ => GENERAL.into(),
    }
}

/// The Vietnamese for a syntax error of a kind plans do not meet (directives, tags).
const GENERAL: &str = "cấu trúc YAML không hợp lệ";

/// What was exceeded, in words, for the budget errors serde-saphyr reports.
fn budget_breach(err: &Error) -> Option<Text> {
    use serde_saphyr::budget::BudgetBreach as B;
    Some(match err {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => {
            return budget_breach(error);
        }
        Error::Budget { breach, .. } => match breach {
            B::Depth { depth } => Text::new(
                format!("các khối lồng nhau quá sâu ({depth} cấp)"),
                format!("blocks nested too deep ({depth} levels)"),
            ),
            B::Nodes { nodes } => Text::new(
                format!("quá nhiều giá trị YAML ({nodes})"),
                format!("too many YAML values ({nodes})"),
            ),
            B::Aliases { aliases } => Text::new(
                format!("quá nhiều bí danh (alias) ({aliases})"),
                format!("too many aliases ({aliases})"),
            ),
            B::Anchors { anchors } => Text::new(
                format!("quá nhiều neo (anchor) ({anchors})"),
                format!("too many anchors ({anchors})"),
            ),
            B::ScalarBytes { total_scalar_bytes } => Text::new(
                format!("văn bản quá dài ({total_scalar_bytes} byte)"),
                format!("too much text ({total_scalar_bytes} bytes)"),
            ),
            B::Documents { documents } => Text::new(
                format!("quá nhiều tài liệu YAML trong một tệp ({documents})"),
                format!("too many YAML documents in one file ({documents})"),
            ),
            _ => Text::new(
                "tệp vượt một giới hạn của bộ đọc YAML",
                "the file exceeds a limit of the YAML reader",
            ),
        },
        Error::AliasReplayLimitExceeded {
            total_replayed_events,
            max_total_replayed_events,
            ..
        } => Text::new(
            format!(
                "các bí danh (alias) mở rộng quá nhiều: {total_replayed_events} sự kiện, tối đa {max_total_replayed_events}"
            ),
            format!(
                "aliases expand too far: {total_replayed_events} events replayed, at most {max_total_replayed_events}"
            ),
        ),
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => Text::new(
            "các bí danh (alias) mở rộng quá nhiều",
            "aliases expand too far",
        ),
        _ => return None,
    })
}

/// The first meaningful line of a rendered error, without serde-saphyr's location prefix
/// (the location is shown apart).
pub fn first_line(s: &str) -> String {
    let line = s
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("-->") && !l.starts_with('|'))
        .unwrap_or("");
    // "error: line 4 column 14: illegal …" → "illegal …".
    let line = line.strip_prefix("error: ").unwrap_or(line);
    static LOCATION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^line [0-9]+ column [0-9]+: ").expect("valid regex")
    });
    LOCATION.replace(line, "").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Vietnamese of a syntax error is Vietnamese: it never carries the parser's
    /// English sentence, and each common mistake gets its own words.
    #[test]
    fn syntax_errors_are_said_in_vietnamese_by_kind() {
        let cases = [
            ("a: \"mở\n", "dấu nháy"),
            ("a: [1, 2\n", "không được đóng"),
            ("a: {x: 1]\n", "không khớp"),
            ("a:\n\t- 1\n", "tab"),
            ("a: b: c\n", "dấu hai chấm"),
            ("a: \"x\" y\n", "sau dấu nháy đóng"),
            ("a: \"\\q\"\n", "chuỗi thoát"),
            ("a: *nothing\n", "neo"),
            ("a: 1\na: 2\n", "hai lần"),
        ];
        for (text, want) in cases {
            let file = SourceFile::new("p.yaml", text);
            let err = crate::yaml::from_str_saphyr::<serde_json::Value>(text)
                .expect_err("the text is broken");
            let d = error_to_diagnostic(&file, &err);
            let (vi, en) = (
                d.message.get(crate::diagnostic::Lang::Vi),
                d.message.get(crate::diagnostic::Lang::En),
            );
            assert_eq!(d.code, "KH001", "{text:?}: {en}");
            assert!(vi.starts_with("lỗi cú pháp YAML: "), "{vi}");
            assert!(vi.contains(want), "{text:?}: {vi} (en: {en})");
            assert!(!vi.contains(en), "{text:?}: the parser's English in {vi}");
            assert_ne!(vi, format!("lỗi cú pháp YAML: {GENERAL}"), "{text:?}: {en}");
        }
    }
}
