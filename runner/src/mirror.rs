//! A directory kept equal to a set of files, by writing only what differs.
//!
//! Cargo tells a fresh build from a stale one by modification times. A copy
//! made from nothing gives every file a new time, so everything built from
//! it is built again, the world crate included, on every copy. A mirror
//! keeps its place from one use to the next and rewrites a file only when
//! its content changed: what did not change keeps its time and stays built,
//! and what did gets a new time, so cargo can never take a changed file for
//! one it has built.
//!
//! A mirror made together with a target directory [seeded](crate::seed)
//! from the real one may also keep the real files' times: the seeded
//! fingerprints then judge the copy as they judge the real tree, and what
//! was built from the real files is reused.
//!
//! Used by `verify`'s scratch copy and, by path, by the runner's own tests
//! for their scratch workspace: one implementation of the rule above.

use std::collections::BTreeMap;
use std::fs::File;
use std::io;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A workspace's top-level entries that are no part of its sources: what
/// cargo and git keep, and the learner's own records (with the progress
/// file's lock, which any run of the runner in the real workspace leaves:
/// mirrored, a test that puts a link in its place would find the link at
/// its next copy).
pub const NOT_SOURCES: [&str; 5] = [
    "target",
    ".git",
    ".kata-progress",
    ".kata-progress.lock",
    ".kata-backups",
];

/// Files by path relative to the mirror's root.
pub type Files = BTreeMap<PathBuf, Source>;

/// A file's content, and when the file it was read from was last modified.
#[derive(Debug, PartialEq)]
pub struct Source {
    pub content: Vec<u8>,
    pub modified: Option<SystemTime>,
}

impl From<Vec<u8>> for Source {
    /// Content made on the spot: no file, no time of its own.
    fn from(content: Vec<u8>) -> Source {
        Source {
            content,
            modified: None,
        }
    }
}

/// The times of the files a mirror writes.
#[derive(Clone, Copy)]
pub enum Times {
    /// Now: what cargo built in this mirror before is stale.
    New,
    /// Their sources' times, where they have one. Only for a new mirror
    /// whose target directory was seeded from the real one just now.
    Kept,
}

/// Adds every file under `from` to `files`, as `under` joined with its path
/// below `from`, except what `left_out` names (and all below it).
pub fn collect(
    files: &mut Files,
    from: &Path,
    under: &Path,
    left_out: &dyn Fn(&Path) -> bool,
) -> io::Result<()> {
    if from.is_file() {
        let source = Source {
            content: std::fs::read(from)?,
            modified: std::fs::metadata(from)?.modified().ok(),
        };
        files.insert(under.to_path_buf(), source);
        return Ok(());
    }
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        if left_out(&path) {
            continue;
        }
        let Some(name) = path.file_name() else {
            continue;
        };
        collect(files, &path, &under.join(name), left_out)?;
    }
    Ok(())
}

/// Makes `root` hold exactly `files`: writes each file whose content
/// differs, with the given times, and removes every file and directory
/// that is not among them.
pub fn sync(root: &Path, files: &Files, times: Times) -> io::Result<()> {
    std::fs::create_dir_all(root)?;
    remove_others(root, Path::new(""), files)?;
    for (relative, source) in files {
        let path = root.join(relative);
        if std::fs::read(&path).is_ok_and(|old| old == source.content) {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &source.content)?;
        if let (Times::Kept, Some(modified)) = (times, source.modified) {
            set_modified(&path, modified)?;
        }
    }
    Ok(())
}

/// Sets the modification time of the file at `path`.
pub fn set_modified(path: &Path, time: SystemTime) -> io::Result<()> {
    File::options().write(true).open(path)?.set_modified(time)
}

/// Removes what lies under `root.join(relative)` and is not in `files`,
/// nor a directory that holds one of them.
fn remove_others(root: &Path, relative: &Path, files: &Files) -> io::Result<()> {
    for entry in std::fs::read_dir(root.join(relative))? {
        let entry = entry?;
        let inner = relative.join(entry.file_name());
        // The paths below `inner` come right after it, in path order.
        let kept_dir = files
            .range::<Path, _>((Bound::Excluded(inner.as_path()), Bound::Unbounded))
            .next()
            .is_some_and(|(first, _)| first.starts_with(&inner));
        if entry.file_type()?.is_dir() {
            if kept_dir {
                remove_others(root, &inner, files)?;
            } else {
                std::fs::remove_dir_all(entry.path())?;
            }
        } else if !files.contains_key(&inner) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Files {
        list.iter()
            .map(|(path, content)| (PathBuf::from(path), content.as_bytes().to_vec().into()))
            .collect()
    }

    fn modified(path: &Path) -> std::time::SystemTime {
        std::fs::metadata(path).unwrap().modified().unwrap()
    }

    #[test]
    fn only_what_differs_is_written_and_the_rest_removed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        sync(
            root,
            &files(&[("a/same.rs", "same"), ("a/b/changed.rs", "one")]),
            Times::New,
        )
        .unwrap();
        std::fs::write(root.join("stray.txt"), "left by a test").unwrap();
        std::fs::create_dir_all(root.join("a/gone/deep")).unwrap();
        std::fs::write(root.join("a/gone/deep/x"), "x").unwrap();
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        for file in ["a/same.rs", "a/b/changed.rs"] {
            set_modified(&root.join(file), old).unwrap();
        }

        sync(
            root,
            &files(&[("a/same.rs", "same"), ("a/b/changed.rs", "two")]),
            Times::New,
        )
        .unwrap();
        assert_eq!(
            modified(&root.join("a/same.rs")),
            old,
            "rewritten though equal"
        );
        assert_ne!(
            modified(&root.join("a/b/changed.rs")),
            old,
            "changed, yet old"
        );
        assert_eq!(
            std::fs::read_to_string(root.join("a/b/changed.rs")).unwrap(),
            "two"
        );
        assert!(!root.join("stray.txt").exists());
        assert!(!root.join("a/gone").exists());
    }

    #[test]
    fn collect_leaves_out_what_it_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path();
        std::fs::create_dir_all(from.join("src")).unwrap();
        std::fs::create_dir_all(from.join("target/debug")).unwrap();
        std::fs::write(from.join("src/lib.rs"), "lib").unwrap();
        std::fs::write(from.join("target/debug/x"), "built").unwrap();
        let mut found = Files::new();
        let target = from.join("target");
        collect(&mut found, from, Path::new("copy"), &|p| p == target).unwrap();
        let paths: Vec<&Path> = found.keys().map(PathBuf::as_path).collect();
        assert_eq!(paths, [Path::new("copy/src/lib.rs")]);
        assert_eq!(found[Path::new("copy/src/lib.rs")].content, b"lib");
    }

    #[test]
    fn a_new_mirror_may_keep_its_sources_times() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("real"), dir.path().join("mirror"));
        std::fs::create_dir_all(&from).unwrap();
        std::fs::write(from.join("lib.rs"), "lib").unwrap();
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        set_modified(&from.join("lib.rs"), old).unwrap();
        let mut found = Files::new();
        collect(&mut found, &from, Path::new(""), &|_| false).unwrap();
        found.insert("made.toml".into(), b"made".to_vec().into());

        sync(&to, &found, Times::Kept).unwrap();
        assert_eq!(modified(&to.join("lib.rs")), old);
        assert_ne!(modified(&to.join("made.toml")), old);
    }
}
