//! kehoach's own Typst [`World`]: the generated main source and the layout library held in
//! memory, the embedded fonts, and (optionally) read-only access to files under one
//! project root. Nothing else is reachable: `read("/etc/passwd")` or `read("../x")` is a
//! "file not found" error. There is no clock: `today()` returns the document's own date.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::Fonts;

/// Largest file a template may read from the project root (an image of a seal, a data
/// file): 32 MiB.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The in-memory world one document is compiled in.
pub struct KhWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: FileId,
    sources: HashMap<FileId, Source>,
    root: Option<PathBuf>,
    date: Option<Datetime>,
}

/// The file id of a virtual path in the project root ("/main.typ").
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl KhWorld {
    /// Length of the main source (bytes).
    pub fn main_len(&self) -> usize {
        self.sources.get(&self.main).map_or(0, |s| s.text().len())
    }

    /// A world whose main file is `/main.typ` with `main`, and whose further Typst files
    /// (the layout library) are `files` (virtual path → text). `root`, when given, lets
    /// templates read files below it (images of a seal, say) and nothing above it.
    pub fn new(
        main: String,
        files: &[(String, String)],
        fonts: Fonts,
        root: Option<&Path>,
        date: Option<crate::vn::Date>,
    ) -> Result<KhWorld, String> {
        let main_id = file_id("/main.typ").ok_or("invalid main path")?;
        let mut sources = HashMap::new();
        sources.insert(main_id, Source::new(main_id, main));
        for (path, text) in files {
            let id = file_id(path).ok_or_else(|| format!("invalid template path {path}"))?;
            sources.insert(id, Source::new(id, text.clone()));
        }
        let date = date.and_then(|d| {
            Datetime::from_ymd(
                d.year,
                u8::try_from(d.month).ok()?,
                u8::try_from(d.day).ok()?,
            )
        });
        Ok(KhWorld {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(fonts.book),
            fonts: fonts.fonts,
            main: main_id,
            sources,
            root: root.and_then(|r| r.canonicalize().ok()),
            date,
        })
    }

    /// The main source (for mapping diagnostics).
    pub fn main_source(&self) -> &Source {
        &self.sources[&self.main]
    }

    /// A file below the project root, refusing anything that resolves outside it
    /// (including through symbolic links).
    fn read_rooted(&self, id: FileId) -> FileResult<Vec<u8>> {
        let vpath = id.vpath();
        let Some(root) = &self.root else {
            return Err(FileError::NotFound(vpath.get_with_slash().into()));
        };
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        let path = vpath.realize(root).map_err(FileError::Realize)?;
        let real = path
            .canonicalize()
            .map_err(|e| FileError::from_io(e, &path))?;
        if !real.starts_with(root) {
            return Err(FileError::AccessDenied);
        }
        if real.is_dir() {
            return Err(FileError::IsDirectory);
        }
        // Regular files only (a FIFO would block the render, `/dev/zero` never end), and
        // at most `MAX_FILE_BYTES`.
        crate::yaml::read_bounded(&real, MAX_FILE_BYTES).map_err(|e| match e {
            crate::yaml::read::ReadError::Io(e) => FileError::from_io(e, &path),
            too_large => FileError::Other(Some(too_large.to_string().into())),
        })
    }
}

impl World for KhWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Some(s) = self.sources.get(&id) {
            return Ok(s.clone());
        }
        let bytes = self.read_rooted(id)?;
        let text = String::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(s) = self.sources.get(&id) {
            return Ok(Bytes::from_string(s.clone()));
        }
        self.read_rooted(id).map(Bytes::new)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world(root: &Path) -> KhWorld {
        let fonts = Fonts::load(&[] as &[&Path]).unwrap();
        let lib = [("/nd30.typ".to_string(), "#let x = 1".to_string())];
        KhWorld::new("= Tiêu đề".into(), &lib, fonts, Some(root), None).unwrap()
    }

    #[test]
    fn serves_memory_files_and_only_files_below_the_root() {
        let dir = std::env::temp_dir().join(format!("kehoach-world-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("plans")).unwrap();
        std::fs::write(dir.join("plans/con-dau.txt"), "dấu").unwrap();
        std::fs::write(dir.join("secret.txt"), "bí mật").unwrap();
        #[cfg(unix)]
        let _ = std::os::unix::fs::symlink(dir.join("secret.txt"), dir.join("plans/link.txt"));
        let w = world(&dir.join("plans"));
        let main = w.file(w.main()).unwrap();
        assert_eq!(main.as_str().unwrap(), "= Tiêu đề");
        assert!(w.source(file_id("/nd30.typ").unwrap()).is_ok());
        let seal = w.file(file_id("/con-dau.txt").unwrap()).unwrap();
        assert_eq!(seal.as_str().unwrap(), "dấu");
        for path in ["/etc/passwd", "/../secret.txt", "/secret.txt", "/link.txt"] {
            let denied = file_id(path).map(|id| w.file(id));
            assert!(!matches!(denied, Some(Ok(_))), "{path} was readable");
        }
        assert!(w.today(None).is_none());
        let _ = std::fs::remove_dir_all(dir);
    }
}
