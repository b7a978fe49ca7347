//! A throwaway copy of the workspace, for `verify` to break on purpose.
//!
//! Verify writes each wrong answer into a kata's file and runs its tests.
//! It does so in a copy, so that nothing in the real tree is ever touched:
//! not a learner's work, not a file an author is editing right now. The copy
//! leaves out what cargo and git keep and the learner's own records; it is
//! deleted when dropped.

use std::path::Path;

use anyhow::{Context, Result};
use tempfile::TempDir;

/// Top-level entries that are no part of the sources.
const LEFT_OUT: [&str; 4] = ["target", ".git", ".kata-progress", ".kata-backups"];

pub struct Scratch {
    dir: TempDir,
}

impl Scratch {
    /// Copies the workspace at `root`, leaving out `target_dir` too when it
    /// lies inside it.
    pub fn copy_of(root: &Path, target_dir: &Path) -> Result<Scratch> {
        let dir = tempfile::Builder::new()
            .prefix("kata-verify-")
            .tempdir()
            .context("cannot create a scratch directory")?;
        let left_out = |path: &Path| {
            path == target_dir
                || (path.parent() == Some(root)
                    && path
                        .file_name()
                        .is_some_and(|n| LEFT_OUT.iter().any(|l| n == *l)))
        };
        copy_dir(root, dir.path(), &left_out)
            .with_context(|| format!("cannot copy the workspace to {}", dir.path().display()))?;
        Ok(Scratch { dir })
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }
}

/// Copies `from` into `to`, recursively. Files get fresh modification
/// times, so cargo never takes a copy for older than a build it has seen.
fn copy_dir(from: &Path, to: &Path, left_out: &dyn Fn(&Path) -> bool) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        if left_out(&path) {
            continue;
        }
        let Some(name) = path.file_name() else {
            continue;
        };
        let destination = to.join(name);
        if path.is_dir() {
            copy_dir(&path, &destination, left_out)?;
        } else {
            std::fs::copy(&path, &destination)
                .with_context(|| format!("cannot copy {}", path.display()))?;
        }
    }
    Ok(())
}
