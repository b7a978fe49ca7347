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
//! meanwhile copies into a directory of its own, deleted when it ends.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tempfile::TempDir;

use crate::lock::Lock;
use crate::mirror::{self, Files, Times};
use crate::seed;

pub struct Scratch {
    root: PathBuf,
    /// Held while the copy is in use: the lock on the kept copy, or the
    /// directory of a copy of its own.
    _lock: Option<Lock>,
    _own: Option<TempDir>,
}

impl Scratch {
    /// Copies the workspace at `root`, whose builds go to `target_dir`, to
    /// `build_dir/workspace` (kept from run to run), or to a new temporary
    /// directory while another verify holds that. `target_dir` is left out
    /// of the copy when it lies inside `root`.
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

        let place = build_dir.join("workspace");
        let taken =
            Lock::try_take(&place).with_context(|| format!("cannot lock {}", place.display()))?;
        let (scratch, times) = match taken {
            Some(lock) => {
                let seeded = seed::seed_once(build_dir, target_dir).with_context(|| {
                    format!(
                        "cannot seed {} from {}",
                        build_dir.display(),
                        target_dir.display()
                    )
                })?;
                let times = if seeded {
                    // Whatever lay there was built with another target directory.
                    if place.exists() {
                        std::fs::remove_dir_all(&place)?;
                    }
                    Times::Kept
                } else {
                    Times::New
                };
                let scratch = Scratch {
                    root: place,
                    _lock: Some(lock),
                    _own: None,
                };
                (scratch, times)
            }
            None => {
                let dir = tempfile::Builder::new()
                    .prefix("kata-verify-")
                    .tempdir()
                    .context("cannot create a scratch directory")?;
                let scratch = Scratch {
                    root: dir.path().to_path_buf(),
                    _lock: None,
                    _own: Some(dir),
                };
                (scratch, Times::New)
            }
        };
        mirror::sync(&scratch.root, &files, times)
            .with_context(|| format!("cannot copy the workspace to {}", scratch.root.display()))?;
        Ok(scratch)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}
