//! # Kata 14: task cost
//!
//! > Why not make everything async? What do 10,000 tasks cost?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p task-cost` checks them, counts the bytes your tasks
//! and futures hold, and draws what ran when.
//!
//! Every function gets a [`Batch`] of requests: `batch.request(id)` waits
//! 100 ms of virtual time (I/O, not computing) and answers `id`. The
//! timeline draws a thousand requests to a row. `Batch` is `Clone`: give
//! each spawned task a clone of its own.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use world::Batch;

/// Step 1: one task per request, ids `1..=n`; the answers in id order.
pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    todo!("step 1: spawn a task per request, then await them all; see README step 1")
}

/// Step 2: the same requests as plain futures, joined: no task at all.
pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    todo!("step 2: join the n request futures without spawning; see README step 2")
}

/// Step 3: every request, but never more than `limit` in flight, nor more
/// than `limit` tasks alive; the answers in any order.
pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    todo!("step 3: keep at most `limit` requests (and tasks) alive at once; see README step 3")
}
