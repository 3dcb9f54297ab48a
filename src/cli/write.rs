//! Safe writes of output files and rewritten sources.
//!
//! Every write goes through a temporary file in the target's directory and a rename, so
//! an interrupted or failed write leaves the previous file intact. On top of that:
//! - a symbolic link is written through: the file it points to is replaced, the link kept;
//! - only a regular file is ever replaced: a device node, FIFO, socket or directory at the
//!   target is refused (as root, a rename would otherwise replace `/dev/null`);
//! - a file without write permission for the user is refused, as the user's editor
//!   would, rather than replaced behind the permission;
//! - a replaced file keeps its permissions;
//! - a file with several hard links is rewritten in place once its new content is safely
//!   in the temporary (a rename would leave the other links with the old text), so every
//!   link sees the change; that last copy is the one step that is not atomic, and if it
//!   fails the old content is written back;
//! - several files ([`write_all_atomic`]) are written all or none.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// Where a write to `path` lands: the file a symbolic link points to, or `path` itself.
/// Refuses a target that exists and is not a writable regular file.
fn target(path: &Path) -> anyhow::Result<PathBuf> {
    let link = std::fs::symlink_metadata(path).ok();
    let real = match &link {
        Some(m) if m.file_type().is_symlink() => path.canonicalize().with_context(|| {
            format!(
                "liên kết không trỏ tới tệp nào (the symbolic link points nowhere): {}",
                path.display()
            )
        })?,
        _ => path.to_path_buf(),
    };
    match std::fs::metadata(&real) {
        Ok(meta) if !meta.is_file() => bail!(
            "không ghi đè lên thứ không phải tệp thường (refusing to replace something that is \
             not a regular file: a directory, device, FIFO or socket): {}",
            real.display()
        ),
        Ok(meta) => {
            let writable = !meta.permissions().readonly()
                && std::fs::OpenOptions::new().write(true).open(&real).is_ok();
            if !writable {
                bail!(
                    "tệp chỉ đọc hoặc không có quyền ghi, không ghi đè (the file is read-only \
                     or not writable by you; not replaced): {}",
                    real.display()
                );
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(e)
                .with_context(|| format!("không đọc được (cannot inspect) {}", real.display()));
        }
    }
    Ok(real)
}

/// A written temporary file waiting to be renamed over its target.
struct Staged {
    tmp: PathBuf,
    target: PathBuf,
    /// The target's content before, when it has other hard links and is rewritten in
    /// place rather than renamed over.
    linked: Option<Vec<u8>>,
}

/// Whether `path` is a file with more than one hard link.
fn hard_linked(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).is_ok_and(|m| m.nlink() > 1)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Rewrite `path` in place (same inode, every hard link sees it).
fn write_in_place(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

fn stage(path: &Path, bytes: &[u8]) -> anyhow::Result<Staged> {
    let target = target(path)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        // `create_new`: never write through something already at the temporary name.
        let _ = std::fs::remove_file(&tmp);
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Ok(meta) = std::fs::metadata(&target) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        Ok::<_, std::io::Error>(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e)
            .with_context(|| format!("không ghi được (cannot write) {}", target.display()));
    }
    let linked = if hard_linked(&target) {
        match std::fs::read(&target) {
            Ok(old) => Some(old),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e)
                    .with_context(|| format!("không đọc được (cannot read) {}", target.display()));
            }
        }
    } else {
        None
    };
    Ok(Staged {
        tmp,
        target,
        linked,
    })
}

/// Write one file safely (see the module documentation).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_all_atomic(&[(path, bytes)])
}

/// Write several files, all or none: every file is written to its temporary first, and
/// only when all are written are they renamed into place; if a rename fails, the files
/// already replaced are put back.
pub fn write_all_atomic(files: &[(&Path, &[u8])]) -> anyhow::Result<()> {
    let mut staged: Vec<Staged> = Vec::new();
    for (path, bytes) in files {
        match stage(path, bytes) {
            Ok(s) => staged.push(s),
            Err(e) => {
                for s in &staged {
                    let _ = std::fs::remove_file(&s.tmp);
                }
                return Err(e);
            }
        }
    }
    // Keep the previous files (hard links) until every rename is done.
    let backups: Vec<Option<PathBuf>> = staged
        .iter()
        .map(|s| {
            if s.linked.is_some() {
                return None;
            }
            let b = s.tmp.with_extension("old");
            let _ = std::fs::remove_file(&b);
            std::fs::hard_link(&s.target, &b).ok().map(|()| b)
        })
        .collect();
    for (i, s) in staged.iter().enumerate() {
        let put = match &s.linked {
            Some(_) => write_in_place(&s.target, files[i].1),
            None => std::fs::rename(&s.tmp, &s.target),
        };
        if let Err(e) = put {
            // Put back what was already written, this file included when it was
            // rewritten in place.
            let undo = if staged[i].linked.is_some() { i + 1 } else { i };
            for (done, backup) in staged[..undo].iter().zip(&backups) {
                match (&done.linked, backup) {
                    (Some(old), _) => {
                        let _ = write_in_place(&done.target, old);
                    }
                    (None, Some(b)) => {
                        let _ = std::fs::rename(b, &done.target);
                    }
                    (None, None) => {
                        let _ = std::fs::remove_file(&done.target);
                    }
                }
            }
            for s in &staged {
                let _ = std::fs::remove_file(&s.tmp);
            }
            for b in backups.iter().flatten() {
                let _ = std::fs::remove_file(b);
            }
            return Err(e)
                .with_context(|| format!("không ghi được (cannot write) {}", s.target.display()));
        }
    }
    for s in staged.iter().filter(|s| s.linked.is_some()) {
        let _ = std::fs::remove_file(&s.tmp);
    }
    for b in backups.iter().flatten() {
        let _ = std::fs::remove_file(b);
    }
    Ok(())
}

/// Whether two paths name the same existing file (links followed).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Write to stdout; a closed pipe (`| head`) is not an error.
pub(crate) fn to_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
