//! # Kata 18: streams
//!
//! > What is a Stream? Process one with bounded concurrency and backpressure.
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p streams` checks them, and draws what ran when.
//!
//! The catalogue (`world::Catalog`) takes virtual time: a page 100 ms, a
//! lookup 100 ms unless a test says otherwise. `futures::stream` and
//! `futures::StreamExt` have the stream tools (`unfold`, `iter`, `map`,
//! `then`, `buffered`, `buffer_unordered`, `flat_map`, `next`, `collect`).

// The starting bodies are `todo!()`, which leaves the parameters unused,
// and a function that returns `impl Stream` needs a stream after its
// `todo!()` to have a type at all (`stream::empty()`, never reached).
// Delete these lines, and each `stream::empty()`, once every step is written.
#![allow(unused_variables, unreachable_code, unused_imports)]

use std::time::Duration;

use futures::stream::{self, BoxStream, Stream, StreamExt};
use world::{Catalog, Consumer, Detail, Page, Source};

/// Step 1: the catalogue's pages as a stream, each fetched only when asked
/// for, ending after the last page.
pub fn pages(catalog: Catalog) -> impl Stream<Item = Page> {
    todo!("step 1: a stream of pages that fetches each one when asked; see README step 1");
    stream::empty()
}

/// Step 2: every id looked up, at most `n` at a time, the details in the
/// order of `ids`.
pub fn lookups_in_order(catalog: Catalog, ids: Vec<u32>, n: usize) -> impl Stream<Item = Detail> {
    todo!("step 2: look the ids up, n at a time, in input order; see README step 2");
    stream::empty()
}

/// Step 3: the same, the details as the lookups finish.
pub fn lookups_as_they_finish(
    catalog: Catalog,
    ids: Vec<u32>,
    n: usize,
) -> impl Stream<Item = Detail> {
    todo!("step 3: look the ids up, n at a time, as they finish; see README step 3");
    stream::empty()
}

/// Step 4: the events in batches of `size`, or fewer once `wait` has passed
/// since the batch's first event; what is left when the events end, at once.
pub fn batches(
    events: BoxStream<'static, u32>,
    size: usize,
    wait: Duration,
) -> impl Stream<Item = Vec<u32>> {
    todo!("step 4: batch the events by size or by time; see README step 4");
    stream::empty()
}

/// Step 5: the producer runs ahead of the slow consumer through a channel
/// with room for `room` items; answers the ids consumed, in order.
pub async fn run_ahead(source: Source, consumer: Consumer, room: usize) -> Vec<u32> {
    todo!("step 5: a producer task, a bounded channel, a consumer reading it; see README step 5")
}

/// Step 6: the first five-star item in catalogue order, reading the pages
/// lazily and looking up `n` items at a time; stops every fetch once found.
pub async fn first_five_star(catalog: Catalog, n: usize) -> Option<Detail> {
    todo!("step 6: pages, then lookups n at a time, stop at the first five-star; see README step 6")
}
