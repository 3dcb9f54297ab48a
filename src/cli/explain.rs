//! `kehoach explain KH201` / `kehoach explain uncovered-indicator`: why a rule exists,
//! with a bad and a good example; `kehoach explain --list` lists every rule.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::bail;

use super::lint::LangArg;
use crate::diagnostic::Lang;
use crate::lint::rules;

/// Arguments of `kehoach explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// Rule code or name (KH201, uncovered-indicator).
    #[arg(required_unless_present = "list")]
    pub rule: Option<String>,
    /// List every rule.
    #[arg(long)]
    pub list: bool,
    /// Language.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
}

pub fn run(args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let lang: Lang = args.lang.into();
    let text = if args.list {
        list(lang)
    } else {
        let name = args.rule.unwrap_or_default();
        match explain(&name, lang) {
            Some(t) => t,
            None => bail!("no rule is named `{name}` (see `kehoach explain --list`)"),
        }
    };
    super::write::to_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Every rule: code, name, default level, summary.
pub fn list(lang: Lang) -> String {
    let mut s = String::new();
    for r in rules::all() {
        let m = &r.meta;
        let _ = writeln!(
            s,
            "{:<6} {:<24} {:<8} {}",
            m.code,
            m.name,
            m.level.as_str(),
            m.summary.get(lang)
        );
    }
    s
}

/// The explanation of one rule, by exact code or name.
pub fn explain(code_or_name: &str, lang: Lang) -> Option<String> {
    let m = &rules::get(code_or_name)?.meta;
    let e = &m.explanation;
    let (why, bad, good, level, cfg) = match lang {
        Lang::Vi => ("Vì sao", "Sai", "Đúng", "Mức mặc định", "Cấu hình"),
        Lang::En => ("Why", "Bad", "Good", "Default level", "Configure"),
    };
    let mut s = String::new();
    let _ = writeln!(s, "{} {}: {}\n", m.code, m.name, m.summary.get(lang));
    let _ = writeln!(s, "{level}: {}\n", m.level.as_str());
    let _ = writeln!(s, "{why}:\n{}\n", wrap(e.why.get(lang), 88));
    let _ = writeln!(s, "{bad}:\n{}", indent(e.bad));
    let _ = writeln!(s, "{good}:\n{}", indent(e.good));
    let _ = writeln!(
        s,
        "{cfg}: kehoach.yaml `rules: {{ {}: warning }}`; # kehoach: allow {} -- …",
        m.code, m.code
    );
    Some(s)
}

fn indent(yaml: &str) -> String {
    yaml.lines().map(|l| format!("    {l}\n")).collect()
}

fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if line_len > 0 && line_len + 1 + w > width {
            out.push('\n');
            line_len = 0;
        } else if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += w;
    }
    out
}
