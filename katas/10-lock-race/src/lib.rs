//! # Kata 10: lock race
//!
//! > Can a race happen in single-threaded async code?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p lock-race` checks them, and draws what ran when.
//!
//! You write the body of ONE increment; the tests run ten of them at once
//! (rows `inc 1` .. `inc 10`). The counter is a slow, remote one: `read()`
//! answers after 50 ms with the value at that moment, `write(v)` lands after
//! 50 ms. So one increment takes 100 ms, with an `.await` between the read
//! and the write that depends on it.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use tokio::sync::Mutex;
use world::SlowCounter;

/// Step 1: the seed's increment without its lock: read the counter, then
/// write what you read plus one.
pub async fn increment(counter: &SlowCounter) {
    todo!("step 1: read the counter, then write the value read + 1; see README step 1")
}

/// Step 2: the same increment, with the counter behind a lock that every
/// increment shares.
pub async fn increment_locked(counter: &Mutex<SlowCounter>) {
    todo!("step 2: lock, read, write the value read + 1, then unlock; see README step 2")
}
