//! A scratch copy of the workspace, for `verify` to break on purpose.
//!
//! Verify writes each wrong answer into a kata's file and runs its tests.
//! It does so in a copy, so that nothing in the real tree is ever touched:
//! not a learner's work, not a file an author is editing right now. The copy
//! leaves out what cargo and git keep and the learner's own records.
//!
//! The copy is a [`mirror`](crate::mirror) kept inside verify's target
//! directory from one run to the next, so a second verify rebuilds only what
//! changed since the first, not the world and every kata. That directory is
//! [seeded](crate::seed) from the workspace's own when it is new, so even
//! the first verify reuses what `cargo test` built. Only one verify at a
//! time uses the copy (a lock on a file beside it); another that starts
//! meanwhile copies and builds in a directory of its own, deleted when it
//! ends.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tempfile::TempDir;

use crate::lock::Lock;
use crate::mirror::{self, Files, Times};
use crate::seed;

pub struct Scratch {
    root: PathBuf,
    /// Where the copy builds.
    target: PathBuf,
    /// Held while the copy is in use: the lock on the kept copy, or the
    /// directory of a copy of its own.
    _lock: Option<Lock>,
    _own: Option<TempDir>,
}

impl Scratch {
    /// Copies the workspace at `root`, whose builds go to `target_dir`, to
    /// `build_dir/workspace`, kept from run to run and building into
    /// `build_dir`; or, while another verify holds that, to a temporary
    /// directory with a target directory of its own (what one copy built
    /// must never pass for another's). Either target directory is seeded
    /// from `target_dir` when new. `target_dir` is left out of the copy when
    /// it lies inside `root`.
    pub fn copy_of(root: &Path, target_dir: &Path, build_dir: &Path) -> Result<Scratch> {
        let left_out = |path: &Path| {
            path == target_dir
                || (path.parent() == Some(root)
                    && path
                        .file_name()
                        .is_some_and(|n| mirror::NOT_SOURCES.iter().any(|l| n == *l)))
        };
        let mut files = Files::new();
        mirror::collect(&mut files, root, Path::new(""), &left_out)
            .with_context(|| format!("cannot read the workspace at {}", root.display()))?;

        let kept = build_dir.join("workspace");
        let lock =
            Lock::try_take(&kept).with_context(|| format!("cannot lock {}", kept.display()))?;
        let own = match lock {
            Some(_) => None,
            None => Some(
                tempfile::Builder::new()
                    .prefix("kata-verify-")
                    .tempdir()
                    .context("cannot create a scratch directory")?,
            ),
        };
        let (copy, target) = match &own {
            None => (kept, build_dir.to_path_buf()),
            Some(dir) => (dir.path().join("workspace"), dir.path().join("target")),
        };

        let seeded = seed::seed_once(&target, target_dir).with_context(|| {
            format!(
                "cannot seed {} from {}",
                target.display(),
                target_dir.display()
            )
        })?;
        let times = if seeded {
            // Whatever lay there was built into another target directory.
            if copy.exists() {
                std::fs::remove_dir_all(&copy)?;
            }
            Times::Kept
        } else {
            Times::New
        };
        mirror::sync(&copy, &files, times)
            .with_context(|| format!("cannot copy the workspace to {}", copy.display()))?;
        Ok(Scratch {
            root: copy,
            target,
            _lock: lock,
            _own: own,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn target(&self) -> &Path {
        &self.target
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_second_verify_at_once_copies_and_builds_apart() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("src")).unwrap();
        std::fs::create_dir_all(root.join("target/debug/deps")).unwrap();
        std::fs::write(root.join("src/lib.rs"), "lib").unwrap();
        std::fs::write(root.join(".kata-progress"), "mine").unwrap();
        let (target, build) = (root.join("target"), root.join("target/verify"));

        let first = Scratch::copy_of(root, &target, &build).unwrap();
        assert_eq!(first.root(), build.join("workspace"));
        assert_eq!(first.target(), build);
        assert!(first.root().join("src/lib.rs").is_file());
        assert!(!first.root().join(".kata-progress").exists());
        assert!(!first.root().join("target").exists());

        let second = Scratch::copy_of(root, &target, &build).unwrap();
        assert!(
            !second.root().starts_with(&build),
            "{}",
            second.root().display()
        );
        assert!(!second.target().starts_with(&build));
        assert_eq!(
            std::fs::read_to_string(second.root().join("src/lib.rs")).unwrap(),
            "lib"
        );
        let own = second.root().to_path_buf();
        drop(second);
        assert!(!own.exists(), "a copy of its own outlived its verify");

        drop(first);
        let third = Scratch::copy_of(root, &target, &build).unwrap();
        assert_eq!(third.root(), build.join("workspace"));
    }
}
