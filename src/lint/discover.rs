//! Finding the plans to lint: files named on the command line are always linted; in a
//! directory, `.yaml`/`.yml` files are walked in name order, skipping hidden
//! directories, `kehoach.yaml`, excluded paths, and files without a top-level
//! `catalogue:` key (catalogues, agency registries, CI files are not plans).

use std::path::{Path, PathBuf};

use globset::GlobSet;

use super::config::FILE_NAME;

/// A file to lint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    /// Named on the command line: linted even without a `catalogue:` key.
    pub explicit: bool,
}

/// A path given that does not exist.
#[derive(Debug, thiserror::Error)]
#[error("{}: no such file or directory", .0.display())]
pub struct Missing(pub PathBuf);

/// Every candidate under the given paths, in a stable order.
pub fn candidates(paths: &[PathBuf], exclude: &GlobSet) -> Result<Vec<Candidate>, Missing> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_file() {
            out.push(Candidate {
                path: p.clone(),
                explicit: true,
            });
            continue;
        }
        if !p.is_dir() {
            return Err(Missing(p.clone()));
        }
        let walker = walkdir::WalkDir::new(p)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker.filter_map(Result::ok) {
            let path = entry.path();
            if !entry.file_type().is_file()
                || !is_yaml(path)
                || entry.file_name() == FILE_NAME
                || exclude.is_match(path)
                || path.strip_prefix(p).is_ok_and(|r| exclude.is_match(r))
            {
                continue;
            }
            out.push(Candidate {
                path: path.to_path_buf(),
                explicit: false,
            });
        }
    }
    out.dedup();
    Ok(out)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|s| s.starts_with('.') && s.len() > 1 && s != "..")
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// Whether YAML text has a top-level `catalogue:` key (what marks a plan).
pub fn looks_like_plan(text: &str) -> bool {
    text.lines()
        .any(|l| l.starts_with("catalogue:") || l.starts_with("\"catalogue\":"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_yield_plans_and_skip_the_rest() {
        let dir = std::env::temp_dir().join(format!("kehoach-discover-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (p, text) in [
            ("a.yaml", "catalogue: x\n"),
            ("b.yml", "catalogue: x\n"),
            ("kehoach.yaml", "rules: {}\n"),
            ("notes.txt", "catalogue: x\n"),
            (".hidden/c.yaml", "catalogue: x\n"),
            ("old/d.yaml", "catalogue: x\n"),
        ] {
            let f = dir.join(p);
            std::fs::create_dir_all(f.parent().unwrap()).unwrap();
            std::fs::write(&f, text).unwrap();
        }
        let mut ex = globset::GlobSetBuilder::new();
        ex.add(globset::Glob::new("old/**").unwrap());
        let found = candidates(std::slice::from_ref(&dir), &ex.build().unwrap()).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|c| c.path.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.yaml", "b.yml"]);
        assert!(found.iter().all(|c| !c.explicit));
        assert!(candidates(&[dir.join("missing")], &GlobSet::empty()).is_err());
        assert!(looks_like_plan("# x\ncatalogue: dti\n"));
        assert!(!looks_like_plan("id: dti\n  catalogue: x\n"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
