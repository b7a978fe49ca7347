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

use world::SlowCounter;

/// Step 1: the seed's increment without its lock: read the counter, then
/// write what you read plus one.
pub async fn increment(counter: &SlowCounter) {
    todo!("step 1: read the counter, then write the value read + 1; see README step 1")
}

/// Step 2: what the ten increments share. You decide what goes in it.
pub struct Shared {
    // step 2: the fields every increment needs; see README step 2
}

/// Step 2: wraps the counter for sharing; called once, before the ten
/// increments start.
pub fn share(counter: SlowCounter) -> Shared {
    todo!("step 2: build the Shared that the ten increments will use; see README step 2")
}

/// Step 2: the same increment, made safe: ten of them at once must count
/// to 10.
pub async fn increment_shared(shared: &Shared) {
    todo!("step 2: read, write the value read + 1, and lose no update; see README step 2")
}
