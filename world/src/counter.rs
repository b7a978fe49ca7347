//! A shared counter whose read and write each await, like a row in a remote
//! database. It is the smallest thing that can lose an update.
//!
//! The seed's increment is `temp = counter; await sleep(0.1); counter = temp
//! + 1`: 100 ms from read to write. Here the 100 ms is split into a read
//! that answers after 50 ms and a write that lands after 50 ms, so an
//! increment still takes 100 ms and the gap between the two is an `.await`.
//!
//! A counter made with [`SlowCounter::named`] draws the reads and writes
//! that no tracked actor makes (those of a task of its own, such as an
//! actor's loop: kata 19) on a row of that name instead of `counter`, so two
//! counters owned by two tasks draw on two rows.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::sleep;

use crate::trace::Fill;
use crate::world::World;

/// How long a read takes to answer, and a write to land.
pub const LATENCY: Duration = Duration::from_millis(50);

/// A handle on the counter. Clones share the same value.
#[derive(Clone)]
pub struct SlowCounter {
    world: World,
    value: Arc<Mutex<u64>>,
    /// The row for reads and writes made outside every tracked actor.
    row: Arc<str>,
}

impl SlowCounter {
    pub fn new(world: &World, initial: u64) -> SlowCounter {
        SlowCounter {
            world: world.clone(),
            value: Arc::new(Mutex::new(initial)),
            row: Arc::from("counter"),
        }
    }

    /// A counter whose reads and writes, when no tracked actor makes them
    /// (a spawned task's, say), are drawn on the row `row` rather than
    /// `counter`; inside [`World::track`] they go to that actor's row, as
    /// with [`SlowCounter::new`].
    pub fn named(world: &World, row: &str, initial: u64) -> SlowCounter {
        SlowCounter {
            world: world.clone(),
            value: Arc::new(Mutex::new(initial)),
            row: Arc::from(row),
        }
    }

    /// Reads the value; answers after 50 ms with the value at that moment.
    pub async fn read(&self) -> u64 {
        let span = self.world.span(&self.actor(), "read", Fill::Read);
        sleep(LATENCY).await;
        let value = *self.lock();
        span.end(Some(value));
        value
    }

    /// Writes `value`; it lands after 50 ms.
    pub async fn write(&self, value: u64) {
        let span = self.world.span(&self.actor(), "write", Fill::Write);
        sleep(LATENCY).await;
        *self.lock() = value;
        span.end(Some(value));
    }

    /// The value right now, for tests. Takes no time and records nothing.
    pub fn peek(&self) -> u64 {
        *self.lock()
    }

    /// Reads and writes are drawn on the row of whoever makes them, else on
    /// the counter's own row.
    fn actor(&self) -> String {
        World::current_actor().unwrap_or_else(|| self.row.to_string())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, u64> {
        self.value.lock().unwrap_or_else(|p| p.into_inner())
    }
}
