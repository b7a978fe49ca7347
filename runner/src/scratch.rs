//! A scratch copy of the workspace, for `verify` to break on purpose.
//!
//! Verify writes each wrong answer into a kata's file and runs its tests.
//! It does so in a copy, so that nothing in the real tree is ever touched:
//! not a learner's work, not a file an author is editing right now. The copy
//! leaves out what cargo and git keep and the learner's own records.
//!
//! The copy is a [`mirror`](crate::mirror) kept inside verify's target
//! directory from one run to the next, so a second verify rebuilds only what
//! changed since the first, not the world and every kata. Only one verify
//! at a time uses it (a lock on a file beside it); another that starts
//! meanwhile copies into a directory of its own, deleted when it ends.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tempfile::TempDir;

use crate::mirror::{self, Files};

/// Top-level entries that are no part of the sources.
const LEFT_OUT: [&str; 4] = ["target", ".git", ".kata-progress", ".kata-backups"];

pub struct Scratch {
    root: PathBuf,
    /// Held while the copy is in use: the lock on the kept copy, or the
    /// directory of a copy of its own.
    _lock: Option<Lock>,
    _own: Option<TempDir>,
}

impl Scratch {
    /// Copies the workspace at `root` into `place` (kept from run to run),
    /// or into a new temporary directory while another verify holds
    /// `place`. `target_dir` is left out of the copy when it lies inside
    /// `root`.
    pub fn copy_of(root: &Path, target_dir: &Path, place: &Path) -> Result<Scratch> {
        let left_out = |path: &Path| {
            path == target_dir
                || (path.parent() == Some(root)
                    && path
                        .file_name()
                        .is_some_and(|n| LEFT_OUT.iter().any(|l| n == *l)))
        };
        let mut files = Files::new();
        mirror::collect(&mut files, root, Path::new(""), &left_out)
            .with_context(|| format!("cannot read the workspace at {}", root.display()))?;

        let scratch = match Lock::try_take(place)? {
            Some(lock) => Scratch {
                root: place.to_path_buf(),
                _lock: Some(lock),
                _own: None,
            },
            None => {
                let dir = tempfile::Builder::new()
                    .prefix("kata-verify-")
                    .tempdir()
                    .context("cannot create a scratch directory")?;
                Scratch {
                    root: dir.path().to_path_buf(),
                    _lock: None,
                    _own: Some(dir),
                }
            }
        };
        mirror::sync(&scratch.root, &files)
            .with_context(|| format!("cannot copy the workspace to {}", scratch.root.display()))?;
        Ok(scratch)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// An exclusive lock on `PLACE.lock`, released however the process ends.
struct Lock {
    #[cfg(unix)]
    _lock: nix::fcntl::Flock<File>,
}

impl Lock {
    /// The lock on `place`, or `None` when another process holds it (or,
    /// off Unix, always: every verify then copies on its own).
    fn try_take(place: &Path) -> Result<Option<Lock>> {
        #[cfg(unix)]
        {
            use nix::errno::Errno;
            use nix::fcntl::{Flock, FlockArg};

            let path = place.with_extension("lock");
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let file =
                File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
            match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
                Ok(lock) => Ok(Some(Lock { _lock: lock })),
                Err((_, Errno::EWOULDBLOCK)) => Ok(None),
                Err((_, error)) => Err(error).context(format!("cannot lock {}", path.display())),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = place;
            Ok(None)
        }
    }
}
