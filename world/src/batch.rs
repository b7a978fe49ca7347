//! Thousands of small requests, such as the ten thousand a "why not make
//! everything a task?" question is about, drawn a thousand to a row.
//!
//! One row per request would draw ten thousand rows. A [`Batch`] draws one
//! per group of [`GROUP`] requests by id (`requests 1-1000`, `requests
//! 1001-2000`, ...), a bar from the moment the first of the group started to
//! the moment the last of it ended. All at once, the rows stand one above the
//! other; a thousand at a time, they make a staircase.
//!
//! It also counts what a timeline cannot show: how many requests were in
//! flight at once, and how many tokio tasks were alive while they were (read
//! from the runtime's own count, [`tokio::runtime::RuntimeMetrics`]), so a
//! test can tell a bound on the work from a bound on the tasks.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::time::sleep;

use crate::trace::Fill;
use crate::world::{Span, World};

/// How many requests, by id, share a row of the timeline.
pub const GROUP: u32 = 1000;

/// A batch of requests, each waiting `takes` of virtual time (I/O, not
/// computing). Cheap to clone; every clone is the same batch, so one can
/// move into each spawned task.
#[derive(Clone)]
pub struct Batch {
    world: World,
    takes: Duration,
    /// Requests that take another time than `takes`, by id.
    slow: Arc<Vec<(u32, Duration)>>,
    counts: Arc<Mutex<Counts>>,
}

#[derive(Default)]
struct Counts {
    in_flight: usize,
    peak_in_flight: usize,
    peak_tasks: usize,
    done: usize,
    /// Per group: its bar while open, and how many of it are in flight.
    groups: Vec<Group>,
}

#[derive(Default)]
struct Group {
    span: Option<Span>,
    open: usize,
    /// Requests of the group begun so far: its bar stays open until all
    /// [`GROUP`] have begun and ended, so that when a group's last request
    /// in flight ends at the instant its next one begins, the bar does not
    /// split or not depending on which the runtime happened to poll first.
    begun: u32,
}

impl Batch {
    pub fn new(world: &World, takes: Duration) -> Batch {
        Batch {
            world: world.clone(),
            takes,
            slow: Arc::default(),
            counts: Arc::default(),
        }
    }

    /// The same batch, but request `id` takes `takes` instead: uneven
    /// latencies, so that "in id order" differs from "in the order they
    /// finished", and "waves" from "start the next as one finishes".
    pub fn with_slow(mut self, id: u32, takes: Duration) -> Batch {
        Arc::make_mut(&mut self.slow).push((id, takes));
        self
    }

    /// Request `id` (from 1): waits its time, then answers `id`.
    pub async fn request(&self, id: u32) -> u32 {
        let mut in_flight = InFlight::begin(self, id);
        let takes = self
            .slow
            .iter()
            .find(|(slow, _)| *slow == id)
            .map_or(self.takes, |(_, takes)| *takes);
        sleep(takes).await;
        in_flight.finished = true;
        self.counts().done += 1;
        id
    }

    /// The most requests in flight at once.
    pub fn peak_in_flight(&self) -> usize {
        self.counts().peak_in_flight
    }

    /// The most tokio tasks alive at once on the runtime, sampled as each
    /// request started: tasks spawned and not yet finished, whether they
    /// were running a request or waiting for their turn.
    pub fn peak_tasks(&self) -> usize {
        self.counts().peak_tasks
    }

    /// How many requests finished.
    pub fn done(&self) -> usize {
        self.counts().done
    }

    fn counts(&self) -> MutexGuard<'_, Counts> {
        self.counts.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A request in flight, from its first poll to its end or its drop.
struct InFlight {
    batch: Batch,
    group: usize,
    finished: bool,
}

impl InFlight {
    fn begin(batch: &Batch, id: u32) -> InFlight {
        let group = (id.saturating_sub(1) / GROUP) as usize;
        let tasks = Handle::try_current().map_or(0, |h| h.metrics().num_alive_tasks());
        let mut counts = batch.counts();
        counts.in_flight += 1;
        counts.peak_in_flight = counts.peak_in_flight.max(counts.in_flight);
        counts.peak_tasks = counts.peak_tasks.max(tasks);
        if counts.groups.len() <= group {
            counts.groups.resize_with(group + 1, Group::default);
        }
        let row = &mut counts.groups[group];
        if row.span.is_none() {
            let first = group as u32 * GROUP + 1;
            let name = format!("requests {first}-{}", first + GROUP - 1);
            row.span = Some(batch.world.span(&name, "", Fill::Work));
        }
        row.open += 1;
        row.begun += 1;
        InFlight {
            batch: batch.clone(),
            group,
            finished: false,
        }
    }
}

impl Drop for InFlight {
    /// The bar of a group closes when its last request in flight ends, once
    /// every request of the group has begun (as cancelled, at once, if that
    /// one was dropped before it finished); a group whose requests come in
    /// again later opens a new bar.
    fn drop(&mut self) {
        let mut counts = self.batch.counts();
        counts.in_flight -= 1;
        let row = &mut counts.groups[self.group];
        row.open -= 1;
        if row.open == 0 && (row.begun >= GROUP || !self.finished) {
            row.begun = 0;
            let span = row.span.take();
            drop(counts);
            if let Some(span) = span {
                if self.finished {
                    span.end(None::<String>);
                } else {
                    drop(span);
                }
            }
        }
    }
}
