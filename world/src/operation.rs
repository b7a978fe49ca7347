//! Operations that can be cut short: the seed's `slow_operation`, and a
//! flaky call whose attempts fail, for the timeout kata.
//!
//! Both hold a rollback guard (`World::rollback`) while they work. A
//! call that finishes disarms it; a call whose future is dropped half-way
//! (a timeout, an aborted task) never gets past its `.await`, and the only
//! code of it that still runs is `Drop`: the guard records its cleanup
//! (`c`) beside the cancelled bar (`x`), at the instant of the drop. There
//! is no async drop, so no cleanup that awaits.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use tokio::time::sleep;

use crate::trace::Fill;
use crate::world::World;

/// How long the seed's `slow_operation` takes: `asyncio.sleep(5)`.
pub const SLOW_LATENCY: Duration = Duration::from_secs(5);

/// One slow call, drawn on a row named after it. `Clone` so that it can move
/// into a spawned task.
#[derive(Clone)]
pub struct Operation {
    world: World,
    name: String,
    takes: Duration,
}

impl Operation {
    pub fn new(world: &World, name: impl Into<String>, takes: Duration) -> Operation {
        Operation {
            world: world.clone(),
            name: name.into(),
            takes,
        }
    }

    /// The seed's `slow_operation`: 5 s.
    pub fn slow(world: &World) -> Operation {
        Operation::new(world, "slow_operation", SLOW_LATENCY)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Does the work; answers `"{name} done"`. Dropped before that, it rolls
    /// back in `Drop`, and nothing else of it runs.
    pub async fn run(&self) -> String {
        // Declared before the span, so dropped after it: the `x`, then the
        // cleanup that follows from it.
        let rollback = self
            .world
            .rollback(&self.name, "rolled back the half-done work");
        let span = self.world.span(&self.name, "", Fill::Work);
        sleep(self.takes).await;
        let report = format!("{} done", self.name);
        rollback.disarm();
        span.end(Some(&report));
        report
    }
}

/// What an [`Unreliable`] attempt returns when the service is down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "503 Service Unavailable")
    }
}

impl std::error::Error for Unavailable {}

/// A call to a service that is down: every attempt takes its time and then
/// fails, unless the service recovers after a number of failures. Each
/// attempt is a bar on the call's row, labelled `attempt N` in the event
/// list. Clones share the count of attempts.
#[derive(Clone)]
pub struct Unreliable {
    world: World,
    name: String,
    takes: Duration,
    failures: u32,
    attempts: Arc<AtomicU32>,
}

impl Unreliable {
    /// A service that is down for good: every attempt fails after `takes`.
    pub fn new(world: &World, name: impl Into<String>, takes: Duration) -> Unreliable {
        Unreliable {
            world: world.clone(),
            name: name.into(),
            takes,
            failures: u32::MAX,
            attempts: Arc::new(AtomicU32::new(0)),
        }
    }

    /// The same service, up again after its first `failures` attempts.
    pub fn recovers_after(mut self, failures: u32) -> Unreliable {
        self.failures = failures;
        self
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// How many attempts have started.
    pub fn attempts(&self) -> u32 {
        self.attempts.load(Ordering::SeqCst)
    }

    /// One attempt: after `takes`, `Err(Unavailable)` while the service is
    /// down, else `Ok("{name} done")`. Dropped before that, it rolls back in
    /// `Drop`.
    pub async fn attempt(&self) -> Result<String, Unavailable> {
        let n = self.attempts.fetch_add(1, Ordering::SeqCst) + 1;
        let rollback = self
            .world
            .rollback(&self.name, "rolled back the half-done work");
        let span = self
            .world
            .span(&self.name, &format!("attempt {n}"), Fill::Work);
        sleep(self.takes).await;
        rollback.disarm();
        if n <= self.failures {
            span.fail(Unavailable);
            Err(Unavailable)
        } else {
            let report = format!("{} done", self.name);
            span.end(Some(&report));
            Ok(report)
        }
    }
}
