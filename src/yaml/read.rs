//! Reading input files: regular files only, with a size bound checked before and while
//! reading, so that a device node, a FIFO or a file that grows cannot make a command read
//! without end.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Level, Text};
use crate::source::{SourceFile, Span};

use super::codes;

/// Largest YAML file read (bytes): plans, catalogues, registries, configuration. The
/// largest real plan is about 200 KB.
pub const MAX_YAML_BYTES: u64 = 8 * 1024 * 1024;

/// A failure to load a YAML file: it could not be read, or it is not valid.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{} is not a valid plan ({} problem(s))", .file.name(), .diagnostics.len())]
    Invalid {
        file: SourceFile,
        diagnostics: Vec<Diagnostic>,
    },
}

/// Why a bounded read failed.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// The file holds more than the bound (its size, or at least `max + 1` when it grew).
    TooLarge {
        len: u64,
        max: u64,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => e.fmt(f),
            ReadError::TooLarge { len, max } => {
                write!(f, "file too large: {len} bytes, the limit is {max} bytes")
            }
        }
    }
}

impl std::error::Error for ReadError {}

impl From<ReadError> for io::Error {
    fn from(e: ReadError) -> io::Error {
        match e {
            ReadError::Io(e) => e,
            e @ ReadError::TooLarge { .. } => io::Error::new(io::ErrorKind::FileTooLarge, e),
        }
    }
}

/// The error for a path that is not a regular file.
pub fn not_regular(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "not a regular file (a directory, device, FIFO or socket): {}",
            path.display()
        ),
    )
}

/// Read a regular file (symbolic links followed) of at most `max` bytes. Anything else —
/// a directory, a device such as `/dev/zero`, a FIFO, a socket — is refused before it is
/// opened, so the read can neither block nor run without end; a file that grows past
/// `max` while it is read is refused too.
pub fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::Io(not_regular(path)));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            len: meta.len(),
            max,
        });
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    // The name may have been replaced between the two calls: check what was opened.
    if !file.metadata().map_err(ReadError::Io)?.is_file() {
        return Err(ReadError::Io(not_regular(path)));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            len: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// [`read_bounded`] as UTF-8 text (an `InvalidData` error when it is not).
pub fn read_text_bounded(path: &Path, max: u64) -> io::Result<String> {
    let bytes = read_bounded(path, max)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Read a UTF-8 YAML file of at most `max` bytes. Over `max` is a located KH005, text that
/// is not UTF-8 a KH001 at the first bad byte.
pub fn read_source(path: &Path, max: u64) -> Result<SourceFile, LoadError> {
    let bytes = match read_bounded(path, max) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge { len, max }) => {
            let file = SourceFile::new(path, "");
            let d = too_large(len, max).with_file(path);
            return Err(LoadError::Invalid {
                file,
                diagnostics: vec![d],
            });
        }
        Err(ReadError::Io(source)) => {
            return Err(LoadError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    // `String::from_utf8` was 6 % of lint in perf on Vietnamese text (its letters are
    // mostly multi-byte); the SIMD check and a copy fell under 1 %. A file that fails
    // the check goes through `from_utf8` for the position of the first bad byte. The
    // text is copied once, into the source's shared buffer.
    if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        return Ok(SourceFile::new(path, text));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(path, text)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = SourceFile::new(path, text);
            let span = file.span_at(offset);
            let d = Diagnostic::new(
                codes::SYNTAX.0,
                codes::SYNTAX.1,
                Level::Error,
                Text::new("tệp không phải văn bản UTF-8", "the file is not UTF-8 text"),
                span,
            )
            .with_help(Text::new(
                "lưu tệp ở mã UTF-8 (Unicode) để giữ dấu tiếng Việt",
                "save the file as UTF-8 so Vietnamese diacritics survive",
            ))
            .with_file(path);
            Err(LoadError::Invalid {
                file,
                diagnostics: vec![d],
            })
        }
    }
}

/// KH005 for a file over the size bound.
pub fn too_large(len: u64, max: u64) -> Diagnostic {
    Diagnostic::new(
        codes::BUDGET.0,
        codes::BUDGET.1,
        Level::Error,
        Text::new(
            format!("tệp quá lớn: {len} byte, giới hạn {max} byte"),
            format!("file too large: {len} bytes, the limit is {max} bytes"),
        ),
        Span::UNKNOWN,
    )
    .with_help(Text::new(
        "tách kế hoạch thành nhiều tệp hoặc kiểm tra tệp có đúng là kế hoạch không",
        "split the plan into several files, or check that this file really is a plan",
    ))
}
