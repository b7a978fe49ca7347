//! Replacing a file whole, safely, for every file the runner writes in the
//! learner's workspace (`.kata-progress`, a reset `lib.rs`, README.md and
//! Cargo.toml when `new` adds a kata).
//!
//! The new content goes to a temporary file of this writer's own: a name
//! no other process uses (`.NAME.XXXXXX.tmp`, random), created exclusively
//! (`O_EXCL`, which also refuses a symbolic link planted at that name), in
//! the same directory; then it is renamed over `path`. A rename replaces a
//! link at `path` itself, never writes through it; readers see the old file
//! or the new, never half of one; and two writers at once each rename a
//! whole file of their own (whether the last one wins or theirs merge is
//! the caller's business: `progress.rs` takes a lock).

use std::io::{self, Write};
use std::path::Path;

/// Writes `content` to `path` as described above. The file keeps the
/// permissions of the one it replaces (a new one gets 0644, as `git
/// checkout` would make it).
pub fn replace(path: &Path, content: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let permissions = match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() => Some(metadata.permissions()),
        _ => default_permissions(),
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if let Some(permissions) = permissions {
        builder.permissions(permissions);
    }
    let mut temporary = builder.tempfile_in(dir)?;
    temporary.write_all(content)?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// 0644 on Unix (tempfile's own is 0600); elsewhere a fresh file's own.
fn default_permissions() -> Option<std::fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::replace;

    #[test]
    fn a_link_at_the_name_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("file");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        replace(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert!(!std::fs::symlink_metadata(&path).unwrap().is_symlink());
        // Nothing left beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
