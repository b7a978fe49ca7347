//! # Kata 08: first completed
//!
//! > Wait for the first of several tasks. And the rest?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p first-completed` checks them, and draws what ran
//! when.
//!
//! A `Job` takes virtual time (the seed's workers: A 3 s, B 1 s, C 2 s) and
//! answers `"{name} done"`; `Job` is `Clone`, so it can move into a task.
//! A `Feed` delivers messages on a channel: `next_message` takes the next
//! frame off the channel and then decodes it (100 ms); `recv_frame` only
//! takes the frame, and `Frame::decode` reads it.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use std::time::Duration;

use world::{Console, Feed, Job};

/// Step 1: run three jobs at once; answer with the first to finish, and
/// cancel the other two.
pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    todo!("step 1: answer the first of a, b and c to finish, cancel the others; see README step 1")
}

/// Step 2: a hedged request: ask the primary and the backup at once, take
/// whichever answers first, and the primary's answer when both are ready
/// at the same instant.
pub async fn hedged(primary: &Job, backup: &Job) -> String {
    todo!("step 2: race primary and backup, a tie goes to the primary; see README step 2")
}

/// Step 3: run every job at once and print each report as soon as its job
/// finishes; answer the reports in the order they came.
pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    todo!("step 3: run every job, print each report as it finishes; see README step 3")
}

/// Step 4: read every message of the feed until it closes, while a
/// heartbeat ticks every `every` (its first tick at once). Answer the
/// messages in order, and how many heartbeats ticked.
pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    todo!("step 4: a select! loop over the feed and a heartbeat, losing nothing; see README step 4")
}
