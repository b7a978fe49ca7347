//! Where the calling code runs: its thread and its runtime's flavor.
//!
//! For a kata whose lesson is *where* work runs (kata 21's shards, each a
//! thread of its own with a current-thread runtime): the code reports
//! [`Place::here`] from inside the work, and the test reads it. It records
//! nothing and takes no time.

use tokio::runtime::{Handle, RuntimeFlavor};

/// The flavor of a tokio runtime: tokio's `RuntimeFlavor`, which is
/// neither `Clone` nor exhaustive, as a value a kata can hand back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// A current-thread runtime (a `LocalRuntime` included): every task on
    /// the thread that drives it.
    CurrentThread,
    /// The multi-thread runtime: tasks on a pool of workers.
    MultiThread,
    /// A flavor this tokio has and this enum does not know.
    Other,
}

/// The thread and runtime the caller of [`Place::here`] runs on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The thread's name (`std::thread::Builder::name`), if it has one.
    pub thread: Option<String>,
    /// The flavor of the tokio runtime the caller runs inside, if any:
    /// `CurrentThread` for a current-thread runtime (a `LocalRuntime`
    /// included), `MultiThread` for the multi-thread one.
    pub flavor: Option<Flavor>,
}

impl Place {
    /// Where the caller runs right now.
    pub fn here() -> Place {
        Place {
            thread: std::thread::current().name().map(str::to_owned),
            flavor: Handle::try_current()
                .ok()
                .map(|h| match h.runtime_flavor() {
                    RuntimeFlavor::CurrentThread => Flavor::CurrentThread,
                    RuntimeFlavor::MultiThread => Flavor::MultiThread,
                    _ => Flavor::Other,
                }),
        }
    }
}
