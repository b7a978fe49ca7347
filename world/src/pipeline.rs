//! A producer's items and a consumer's work, for the kata on
//! producer-consumer queues.
//!
//! - [`Source::next`] is the producer's side: it makes the next item, which
//!   takes the time its plan says, and answers `None` when no more will
//!   come. Each item is a bar on the producer's row (`producer`), from the
//!   call that starts making it to the next call, which is when the
//!   producer has handed it over: a producer that waits for room in a full
//!   queue (backpressure) draws a longer bar.
//! - [`Consumer::consume`] is a consumer's work on one item: 200 ms, drawn
//!   as a bar labelled `item N` on the consumer's own row (`consumer 1`).
//!
//! The queue between them is the kata's to choose: any channel will do.

use std::collections::VecDeque;
use std::time::Duration;

use tokio::time::sleep;

use crate::trace::Fill;
use crate::world::{Span, World};

/// How long a consumer works on one item.
pub const CONSUME_TIME: Duration = Duration::from_millis(200);

/// One item of work, made by a [`Source`]. `Clone` as most messages are,
/// so that it can be sent on any kind of channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Product {
    id: u32,
}

impl Product {
    pub fn id(&self) -> u32 {
        self.id
    }

    /// How the item is drawn: `item 3`.
    pub fn name(&self) -> String {
        format!("item {}", self.id)
    }
}

/// Where a producer gets its items: a plan of items, each made after a
/// given wait, drawn on the producer's row.
pub struct Source {
    world: World,
    name: String,
    plan: VecDeque<(Duration, u32)>,
    /// How long the producer takes, after its last item, to find there are
    /// no more: the seed's `sleep` after its last `put`.
    then: Duration,
    /// The item made last, until it is handed over: the next call.
    turn: Option<(Span, u32)>,
    done: bool,
}

impl Source {
    /// The seed's producer, drawn on the row `name`: items `0..count`, the
    /// first at once, then one every `every`; after the last, one more
    /// `every` before it answers that no more will come. (The seed puts an
    /// item, then sleeps.)
    pub fn every(world: &World, name: impl Into<String>, count: u32, every: Duration) -> Source {
        let plan = (0..count)
            .map(|id| (if id == 0 { Duration::ZERO } else { every }, id))
            .collect();
        Source::new(world, name, plan, every)
    }

    /// A producer drawn on the row `name` that makes each `(wait, id)` in
    /// turn, `wait` after it is asked for it, and answers `None` `then`
    /// after the last.
    pub fn new(
        world: &World,
        name: impl Into<String>,
        plan: Vec<(Duration, u32)>,
        then: Duration,
    ) -> Source {
        Source {
            world: world.clone(),
            name: name.into(),
            plan: plan.into(),
            then,
            turn: None,
            done: false,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Makes the next item, or answers `None` once no more will come.
    ///
    /// Calling it again is what tells the world that the previous item was
    /// handed over: that item's bar on the producer's row ends here, so
    /// the time the producer spent waiting for room in the queue is drawn
    /// as part of it.
    pub async fn next(&mut self) -> Option<Product> {
        self.hand_over();
        if self.done {
            return None;
        }
        match self.plan.pop_front() {
            Some((wait, id)) => {
                let label = format!("item {id}");
                let span = self.world.span(&self.name, &label, Fill::Work);
                if !wait.is_zero() {
                    sleep(wait).await;
                }
                self.turn = Some((span, id));
                Some(Product { id })
            }
            None => {
                let span = self.world.span(&self.name, "last wait", Fill::Work);
                sleep(self.then).await;
                span.end(Some("no more items"));
                self.done = true;
                None
            }
        }
    }

    fn hand_over(&mut self) {
        if let Some((span, id)) = self.turn.take() {
            span.end(Some(format!("item {id} handed over")));
        }
    }
}

impl Drop for Source {
    /// A producer that stops asking has handed its last item over.
    fn drop(&mut self) {
        if !std::thread::panicking() {
            self.hand_over();
        }
    }
}

/// A consumer, drawn on its own row. Not `Clone`: each consumer gets one.
pub struct Consumer {
    world: World,
    name: String,
}

impl Consumer {
    pub fn new(world: &World, name: impl Into<String>) -> Consumer {
        Consumer {
            world: world.clone(),
            name: name.into(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Works on `item` for 200 ms; answers its id.
    pub async fn consume(&self, item: Product) -> u32 {
        let span = self.world.span(&self.name, &item.name(), Fill::Work);
        sleep(CONSUME_TIME).await;
        span.end(Some(format!("{} consumed", item.name())));
        item.id
    }
}
