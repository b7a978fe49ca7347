//! An exclusive lock on a file, so that two processes never share what
//! only one may use at a time: verify's kept scratch copy and a target
//! directory of the runner's tests (taken without waiting: the loser goes
//! elsewhere), and `.kata-progress` while one command reads, changes and
//! rewrites it (waited for: every writer gets its turn, so none loses
//! another's record). The system releases it however the process ends.
//!
//! The lock file is opened without following a symbolic link and without
//! truncating: a link planted at its name (a repository could ship one)
//! makes taking the lock fail, never writes through it.

use std::fs::File;
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

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

            let file = open(&path.with_extension("lock"))?;
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

    /// The lock on `PATH.lock`, waiting up to `patience` for whoever holds
    /// it; `None` when it was still held then (or off Unix). Polled rather
    /// than blocked on, so that a holder stopped with Ctrl-Z cannot hang us.
    pub fn take(path: &Path, patience: Duration) -> io::Result<Option<Lock>> {
        let started = Instant::now();
        loop {
            if let Some(lock) = Lock::try_take(path)? {
                return Ok(Some(lock));
            }
            if cfg!(not(unix)) || started.elapsed() > patience {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Opens (or creates) the lock file itself: never through a symbolic link,
/// never truncating what is there.
#[cfg(unix)]
fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .custom_flags(nix::libc::O_NOFOLLOW)
        .open(path)
}
