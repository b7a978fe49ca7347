//! An exclusive lock on a file, taken without waiting, so that two
//! processes never share a directory that only one may use at a time
//! (verify's kept scratch copy; a target directory of the runner's tests).
//! The system releases it however the process ends.

use std::fs::File;
use std::io;
use std::path::Path;

/// Held until dropped, or until the process ends.
pub struct Lock {
    #[cfg(unix)]
    _lock: nix::fcntl::Flock<File>,
}

impl Lock {
    /// The lock on `PATH.lock`, beside `path`, or `None` when another
    /// process holds it. Off Unix there is no lock: always `None`, and the
    /// caller works on its own.
    pub fn try_take(path: &Path) -> io::Result<Option<Lock>> {
        #[cfg(unix)]
        {
            use nix::errno::Errno;
            use nix::fcntl::{Flock, FlockArg};

            let path = path.with_extension("lock");
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let file = File::create(&path)?;
            match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
                Ok(lock) => Ok(Some(Lock { _lock: lock })),
                Err((_, Errno::EWOULDBLOCK)) => Ok(None),
                Err((_, error)) => Err(error.into()),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            Ok(None)
        }
    }
}
