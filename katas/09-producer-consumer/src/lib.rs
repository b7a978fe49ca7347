//! # Kata 09: producer consumer
//!
//! > Design a producer-consumer queue. How do consumers stop? Backpressure?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p producer-consumer` checks them, and draws what ran when.
//!
//! A producer gets its items from a `Source`: `source.next().await` makes the
//! next one (`Some(item)`) and answers `None` when no more will come. A
//! `Consumer` works on an item with `consumer.consume(item).await`: 200 ms,
//! answering the item's id. The queue between them is yours to choose, from
//! `tokio::sync` (no other crate).

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use world::{Consumer, Source};

/// Step 1: the seed: one producer task, one consumer, a channel between
/// them; the ids consumed, in order.
pub async fn seed(source: Source, consumer: Consumer) -> Vec<u32> {
    todo!(
        "step 1: spawn a producer that sends every item, consume until recv() is None; see README step 1"
    )
}

/// Step 2: the same, with room for only `capacity` items between them.
pub async fn bounded(source: Source, consumer: Consumer, capacity: usize) -> Vec<u32> {
    todo!("step 2: a channel that holds at most `capacity` items; see README step 2")
}

/// Step 3: several consumers share the items of one producer; every id
/// consumed, in any order.
pub async fn shared(source: Source, consumers: Vec<Consumer>, capacity: usize) -> Vec<u32> {
    todo!(
        "step 3: one producer, every consumer taking the next item when it is free; see README step 3"
    )
}

/// Step 4: several producers, one consumer; it stops when the last
/// producer is done. Every id consumed, in any order.
pub async fn many_producers(sources: Vec<Source>, consumer: Consumer, capacity: usize) -> Vec<u32> {
    todo!(
        "step 4: one sender per producer, and the consumer stops after the last; see README step 4"
    )
}
