//! A scratch directory for one test, removed when the test ends (passing or not): the
//! suite used to leave a directory in the temporary folder per test and run.

use std::path::{Path, PathBuf};

pub struct Scratch(PathBuf);

impl Scratch {
    /// A fresh, empty `kehoach-<what>-<pid>-<name>` under the temporary folder.
    pub fn new(what: &str, name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("kehoach-{what}-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
