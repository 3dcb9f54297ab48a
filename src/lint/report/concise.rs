//! `file:line:col: KH201 error: message`, one finding a line.

use std::fmt::Write;

use super::{Fragment, Options, position, terminal_safe};
use crate::lint::engine::FileReport;

pub fn fragment(r: &FileReport, opts: &Options) -> Fragment {
    let mut text = String::new();
    let file = r.file.display().to_string();
    let file = terminal_safe(&file);
    for d in &r.diagnostics {
        let (l, c, _, _) = position(r, d);
        let _ = writeln!(
            text,
            "{file}:{l}:{c}: {} {}: {}",
            d.code,
            d.level.as_str(),
            terminal_safe(d.message.get(opts.lang))
        );
    }
    Fragment {
        text,
        ..Fragment::default()
    }
}
