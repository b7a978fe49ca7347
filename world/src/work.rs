//! Items of work that take time and clean up after themselves, the queues
//! workers take them from, and scratch files, for the kata on cancellation.
//!
//! - [`Item::process`] takes the item's time and is drawn on the row
//!   `item N`. While it runs it holds a guard: processing cut short (an
//!   aborted task, a dropped future) is rolled back in that guard's `Drop`,
//!   drawn `c` right after the bar's `x`. Processing that finishes commits
//!   and draws no `c`.
//! - [`Queue::next`] hands a worker its next item once that item has
//!   arrived. Waiting for it is drawn as a span on the queue's row; the
//!   call is cancel-safe: dropped while it waits, it has taken nothing.
//! - [`Scratch`] holds temporary files: [`Scratch::create`] makes one,
//!   [`Scratch::remove`] deletes it synchronously and draws `c` on the
//!   item's row, since it is meant to be called from a `Drop`.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::time::sleep;

use crate::trace::Fill;
use crate::world::World;

/// One item of work. `Clone` so that it can move into a spawned task.
#[derive(Clone)]
pub struct Item {
    world: World,
    id: u32,
    takes: Duration,
}

impl Item {
    pub fn new(world: &World, id: u32, takes: Duration) -> Item {
        Item {
            world: world.clone(),
            id,
            takes,
        }
    }

    pub fn id(&self) -> u32 {
        self.id
    }

    /// The row it is drawn on: `item 3`.
    pub fn name(&self) -> String {
        format!("item {}", self.id)
    }

    /// Processes the item; answers `"item N done"`.
    ///
    /// Dropped before it finishes, it stops at its `.await` and its guard
    /// rolls the half-done work back, in `Drop`: drawn `x` then `c`.
    pub async fn process(&self) -> String {
        let name = self.name();
        // Declared before the span, so dropped after it: the `x`, then the
        // cleanup that follows from it.
        let rollback = self.world.rollback(&name, format!("{name} rolled back"));
        let span = self.world.span(&name, "", Fill::Work);
        sleep(self.takes).await;
        let report = format!("{name} done");
        span.end(Some(&report));
        rollback.disarm();
        report
    }
}

/// A worker's queue: items that arrive at given instants, from the moment
/// the queue was made.
pub struct Queue {
    world: World,
    name: String,
    made: Duration,
    items: VecDeque<(Duration, Item)>,
}

impl Queue {
    /// A queue drawn on the row `name`, in which each `(at, item)` arrives
    /// `at` after now. Give them in the order they arrive.
    pub fn new(world: &World, name: impl Into<String>, items: Vec<(Duration, Item)>) -> Queue {
        Queue {
            world: world.clone(),
            name: name.into(),
            made: world.now(),
            items: items.into(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The next item, once it has arrived (the wait is drawn on the queue's
    /// row); `None` when no more will come.
    ///
    /// Cancel-safe: the item leaves the queue only when this returns it, so
    /// a call dropped while it waits (a `select!` that took another branch)
    /// loses nothing; its wait is drawn `x`.
    pub async fn next(&mut self) -> Option<Item> {
        let arrives = self.made + self.items.front()?.0;
        let now = self.world.now();
        if arrives > now {
            let span = self.world.span(&self.name, "", Fill::Work);
            sleep(arrives - now).await;
            span.end(None::<String>);
        }
        self.items.pop_front().map(|(_, item)| item)
    }
}

/// Temporary files. Cheap to clone; clones share the files.
#[derive(Clone)]
pub struct Scratch {
    world: World,
    files: Arc<Mutex<Vec<(String, String)>>>,
}

impl Scratch {
    pub fn new(world: &World) -> Scratch {
        Scratch {
            world: world.clone(),
            files: Arc::default(),
        }
    }

    /// Creates a temporary file for `item` and answers its path,
    /// `tmp/item-N`. Synchronous, and drawn nowhere.
    pub fn create(&self, item: &Item) -> String {
        let path = format!("tmp/item-{}", item.id());
        self.lock().push((path.clone(), item.name()));
        path
    }

    /// Deletes the file at `path`, synchronously, as a `Drop` can: drawn
    /// `c` on the row of the item it was made for. A path already deleted
    /// is left alone.
    pub fn remove(&self, path: &str) {
        let removed = {
            let mut files = self.lock();
            let found = files.iter().position(|(p, _)| p == path);
            found.map(|i| files.remove(i))
        };
        if let Some((path, row)) = removed {
            self.world.cleanup(&row, format!("removed {path}"));
        }
    }

    /// The files not deleted yet.
    pub fn files(&self) -> Vec<String> {
        self.lock().iter().map(|(path, _)| path.clone()).collect()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<(String, String)>> {
        self.files.lock().unwrap_or_else(|p| p.into_inner())
    }
}
