//! # Kata 07: timeout
//!
//! > How do you time out an async call, and what happens to the work?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p timeout` checks them, and draws what ran when.
//!
//! `Operation::run` is the seed's `slow_operation`: 5 s of virtual time (the
//! tests also run a quick one of 1 s). Cut short, it rolls back in `Drop`. Each `Unreliable::attempt` takes 600 ms
//! and fails with `Unavailable` while the service is down.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use std::time::Duration;

use world::{Operation, Unreliable};

/// The seed's limit: `wait_for(slow_operation(), timeout=3.0)`.
pub const LIMIT: Duration = Duration::from_secs(3);

/// The first pause between two attempts of a retry; it doubles after each.
pub const FIRST_BACKOFF: Duration = Duration::from_millis(100);

/// The call did not finish in time: Python's `TimeoutError`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimedOut;

/// Step 1: the operation under a limit of [`LIMIT`].
pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    todo!("step 1: run op.run() under a timeout of LIMIT; see README step 1")
}

/// Step 2: stop waiting after [`LIMIT`], but let the work run to its end.
pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    todo!("step 2: give up waiting at LIMIT while the work runs on; see README step 2")
}

/// Step 3: time out a spawned task, and stop the task too.
pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    todo!("step 3: spawn op.run(), and at LIMIT stop the task itself; see README step 3")
}

/// Step 4: retry until an attempt succeeds, pausing [`FIRST_BACKOFF`] after
/// the first failure and twice as long after each next one, all within
/// `budget`: attempts and pauses together.
pub async fn retry_within(op: &Unreliable, budget: Duration) -> Result<String, TimedOut> {
    todo!("step 4: retry with backoff, all attempts within one budget; see README step 4")
}
