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

/// What discovery found: the candidates, and what it could not walk.
#[derive(Debug, Default)]
pub struct Found {
    pub candidates: Vec<Candidate>,
    /// Entries that could not be read (a broken symbolic link, a directory without
    /// permission): errors of the run.
    pub errors: Vec<String>,
    /// Symbolic links not followed because they lead back to a directory above them.
    pub loops: Vec<String>,
}

/// Every candidate under the given paths, in a stable order (what could not be walked is
/// left out; [`discover`] says what it was).
pub fn candidates(paths: &[PathBuf], exclude: &GlobSet) -> Result<Vec<Candidate>, Missing> {
    discover(paths, exclude).map(|f| f.candidates)
}

/// Every candidate under the given paths, in a stable order. Symbolic links are followed
/// (a link back to a directory above it is reported, not followed), and a file reached
/// twice (through a link) is linted once, under the first path it was found by.
pub fn discover(paths: &[PathBuf], exclude: &GlobSet) -> Result<Found, Missing> {
    let mut found = Found::default();
    let mut seen = std::collections::HashSet::new();
    let mut push = |found: &mut Found, path: &Path, explicit: bool| {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if seen.insert(key) {
            found.candidates.push(Candidate {
                path: path.to_path_buf(),
                explicit,
            });
        }
    };
    for p in paths {
        if p.is_file() {
            push(&mut found, p, true);
            continue;
        }
        if !p.is_dir() {
            return Err(Missing(p.clone()));
        }
        let walker = walkdir::WalkDir::new(p)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let at = e.path().unwrap_or(p).display().to_string();
                    match e.loop_ancestor() {
                        Some(up) => found.loops.push(format!(
                            "{at}: liên kết tượng trưng dẫn ngược về {} nên không đi theo (a symbolic link back to {}, not followed)",
                            up.display(),
                            up.display()
                        )),
                        // A broken link to something that is not a plan is no concern.
                        None if e.path().is_some_and(|x| !is_yaml(x))
                            && e.io_error().is_some_and(|io| {
                                io.kind() == std::io::ErrorKind::NotFound
                            }) => {}
                        None => {
                            let why = e
                                .io_error()
                                .map(|io| io.to_string())
                                .unwrap_or_else(|| e.to_string());
                            found.errors.push(format!(
                                "{at}: không đọc được ({why}); nếu là liên kết tượng trưng hỏng thì sửa hoặc xóa nó (cannot read it: {why}; if it is a broken symbolic link, fix or remove it)"
                            ));
                        }
                    }
                    continue;
                }
            };
            let path = entry.path();
            if !entry.file_type().is_file()
                || !is_yaml(path)
                || entry.file_name() == FILE_NAME
                || exclude.is_match(path)
                || path.strip_prefix(p).is_ok_and(|r| exclude.is_match(r))
            {
                continue;
            }
            push(&mut found, path, false);
        }
    }
    Ok(found)
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
