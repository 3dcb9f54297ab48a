//! Typst diagnostics mapped to file, line and column of the generated source (or the
//! layout library), so a template error points at the line that caused it.

use std::fmt;

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};

/// One Typst error or warning, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypstMessage {
    /// `true` for a warning (still refused: see [`RenderError::Typst`](super::RenderError)).
    pub warning: bool,
    /// Virtual path of the file ("/main.typ", "/nd30.typ"); empty when not located.
    pub file: String,
    /// 1-based line and column; 0 when not located.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hints: Vec<String>,
}

impl fmt::Display for TypstMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        }
        if self.warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&self.message)?;
        for h in &self.hints {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

/// Locate each diagnostic through the source's line index.
pub fn map(world: &dyn World, diags: &[SourceDiagnostic]) -> Vec<TypstMessage> {
    diags
        .iter()
        .map(|d| {
            let (mut file, mut line, mut column) = (String::new(), 0, 0);
            if let Some(id) = d.span.id() {
                file = id.vpath().get_with_slash().to_string();
                if let (Some(range), Ok(src)) = (world.range(d.span), world.source(id))
                    && let Some((l, c)) = src.lines().byte_to_line_column(range.start)
                {
                    line = l + 1;
                    column = c + 1;
                }
            }
            TypstMessage {
                warning: d.severity == Severity::Warning,
                file,
                line,
                column,
                message: d.message.to_string(),
                hints: d.hints.iter().map(|h| h.v.to_string()).collect(),
            }
        })
        .collect()
}
