//! GitHub Actions workflow commands, errors first (GitHub shows only the first 10 per
//! level per step and 50 per job).

use std::fmt::Write;

use super::{Fragment, Options, position, relative, terminal_safe};
use crate::diagnostic::Level;
use crate::lint::engine::FileReport;

fn escape_data(s: &str) -> String {
    terminal_safe(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_prop(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn fragment(r: &FileReport, opts: &Options) -> Fragment {
    let mut by_level: [String; 3] = Default::default();
    let file = escape_prop(&relative(&opts.root, &r.file));
    for d in &r.diagnostics {
        let (cmd, slot) = match d.level {
            Level::Error => ("error", 0),
            Level::Warning => ("warning", 1),
            Level::Info => ("notice", 2),
        };
        let (l, c, el, ec) = position(r, d);
        let mut msg = d.message.get(opts.lang).to_string();
        if let Some(h) = &d.help {
            msg.push('\n');
            msg.push_str(h.get(opts.lang));
        }
        let _ = writeln!(
            by_level[slot],
            "::{cmd} file={file},line={l},col={c},endLine={el},endColumn={ec},title={}::{}",
            escape_prop(&format!("{} {}", d.code, d.rule)),
            escape_data(&msg)
        );
    }
    Fragment {
        by_level,
        ..Fragment::default()
    }
}

pub fn finish(parts: Vec<Fragment>) -> String {
    let mut out = String::new();
    for level in 0..3 {
        for p in &parts {
            out.push_str(&p.by_level[level]);
        }
    }
    out
}
