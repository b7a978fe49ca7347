//! # Kata 11: semaphore limit
//!
//! > How do you cap concurrency at N?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p semaphore-limit` checks them, and draws what ran when.
//!
//! Every function gets a list of simulated jobs (`world::Job`). `job.run()`
//! takes the job's time on the virtual clock (the seed's workers take 1 s),
//! draws a bar on the job's row, and answers `"{name} done"`.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use world::Job;

/// Steps 1 to 3: runs every job, at most `limit` at a time, and returns
/// their reports in the order of `jobs` (not the order they finished).
///
/// Jobs start in the order given: the first `limit` at once, then each
/// waiting job as soon as a running one finishes.
///
/// # Panics
///
/// If `limit` is 0 (step 3): no job could ever start. Say so in the message.
pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    todo!("steps 1-3: run every job, at most `limit` at a time; see README step 1")
}

/// Step 4: the same contract, but every job runs in a task of its own,
/// spawned with `tokio::spawn`, holding an owned permit.
///
/// # Panics
///
/// If `limit` is 0, as [`run_limited`] does; or if a job's task panicked.
pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    todo!("step 4: one spawned task per job, each holding an owned permit; see README step 4")
}
