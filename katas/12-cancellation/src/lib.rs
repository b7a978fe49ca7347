//! # Kata 12: cancellation
//!
//! > How do you cancel a task? What is the Rust answer to CancelledError?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p cancellation` checks them, and draws what ran when.
//!
//! The world gives you items of work (`world::Item`): `item.process()`
//! takes the item's time and answers `"item N done"`. Cut short, it is
//! rolled back in a `Drop` (drawn `x`, then `c`). A `world::Queue` hands a
//! worker its items as they arrive, and `world::Scratch` holds temporary
//! files.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use std::future::Future;
use std::time::Duration;

use tokio::task::JoinHandle;
use world::{Item, Queue, Scratch};

/// Step 1: cancel the task behind `handle` after `after`, and return once
/// it has stopped.
pub async fn abort_after(handle: JoinHandle<String>, after: Duration) {
    todo!("step 1: sleep, cancel the task, wait until it has stopped; see README step 1")
}

/// How a task ended, as its `JoinHandle` tells it.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It returned this value.
    Done(String),
    /// It was aborted: Python's `CancelledError`.
    Cancelled,
    /// It panicked.
    Panicked,
}

/// Step 2: how the task behind `handle` ended.
pub async fn outcome(handle: JoinHandle<String>) -> Outcome {
    todo!("step 2: await the handle and read its JoinError; see README step 2")
}

/// Step 3: spawn `first` and drop its handle; process `second` in this
/// function for `after`, then drop it. Return at `after`.
pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    todo!("step 3: detach one task, cancel one future by dropping it; see README step 3")
}

/// Step 4: a temporary file that deletes itself when dropped.
pub struct TempFile {
    pub scratch: Scratch,
    pub path: String,
}

impl TempFile {
    /// Creates the temporary file for `item`.
    pub fn create(scratch: &Scratch, item: &Item) -> TempFile {
        todo!("step 4: create the file with scratch.create; see README step 4")
    }
}

// Step 4: and when a TempFile is dropped? Write it here.

/// Step 4: process `item` with a temporary file that is deleted however
/// the processing ends.
pub async fn export(scratch: &Scratch, item: &Item) -> String {
    todo!("step 4: hold a TempFile while the item is processed; see README step 4")
}

/// Step 5: one worker task per queue, each processing its items in turn,
/// until `shutdown` completes; then each worker finishes the item it is on
/// and stops, and a worker waiting for an item stops at once. Returns, per
/// queue, the ids of the items its worker finished, once all have stopped.
pub async fn serve(queues: Vec<Queue>, shutdown: impl Future<Output = ()>) -> Vec<Vec<u32>> {
    todo!("step 5: spawn the workers, signal them at shutdown, wait for them; see README step 5")
}
