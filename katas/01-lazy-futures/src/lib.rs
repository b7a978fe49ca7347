//! # Kata 01: lazy futures
//!
//! > You call an async fn and never await it. What happens?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p lazy-futures` checks them, and draws what ran when.
//!
//! `Console::print` records a line at the instant it runs, so the tests see
//! exactly when your code ran, and when it did not.

// The starting bodies are `todo!()`, which leaves the parameters unused
// (and step 2's placeholder unreachable). Delete this line once every step
// is written.
#![allow(unused_variables, unreachable_code)]

use std::future::Future;
use std::task::Poll;

use world::Console;

/// Step 1: the seed's coroutine: print "fetching", sleep 1 s, answer "data".
pub async fn fetch_data(console: &Console) -> String {
    todo!("step 1: print \"fetching\", sleep 1 s, return \"data\"; see README step 1")
}

/// Step 2: the same work as a value that owns what it needs and can be kept
/// for later (`'static`), but does nothing until it is polled.
pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    todo!("step 2: return a future that runs fetch_data when polled; see README step 2");
    // `todo!()` alone cannot tell which future this returns: a placeholder
    // to delete with it.
    std::future::pending()
}

/// Step 3: poll a future exactly once and say what the poll answered.
pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    todo!("step 3: poll fut once, return Ready or Pending; see README step 3")
}

/// Step 4: fetch the data once and hand it back twice.
pub async fn data_twice(console: &Console) -> (String, String) {
    todo!("step 4: one fetch_data, its answer twice; see README step 4")
}
