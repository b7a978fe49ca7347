//! # Kata 23: testing async
//!
//! > How do you test async code without sleeping or flaking?
//!
//! This time you write the tests. The code under test is
//! `world::retry::Client`: it retries with exponential backoff (100, 200,
//! 400 ms) and a 1 s timeout per attempt, and gives up after 4 attempts
//! (README.md, "The client under test", says exactly what it does). Each
//! function below is a check: it is handed a client, tests it, and panics
//! (an `assert!`, an `expect`, a `tokio_test` macro) when the client does
//! not do what the README says. `cargo test -p testing-async` runs each
//! check against the right client, which it must pass, and against
//! clients with one bug each (mutants), which it must fail.
//!
//! The tests call each check on a current_thread runtime whose clock is
//! paused, as `#[tokio::test(start_paused = true)]` would. A check tests
//! the client it is given; it never makes one of its own.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use world::retry::Client;

/// Step 1: passes when the client makes its first attempt at once and waits
/// 100, 200 and 400 ms between the next ones, on the paused clock; panics
/// otherwise.
pub async fn check_backoff(client: Client) {
    todo!("step 1: script failing peers, record when each attempt starts; see README step 1")
}

/// Step 2: passes when an attempt that hangs is cut off after 1 s and
/// retried after the backoff, so that the call still succeeds; panics
/// otherwise, and never hangs itself.
pub async fn check_attempt_timeout(client: Client) {
    todo!("step 2: script a silent peer, then one that answers; see README step 2")
}

/// Step 3: passes when the client gives up after exactly 4 attempts, at
/// 700 ms, makes no attempt after it has given up, and answers a 404 at
/// once, without retrying it; panics otherwise.
pub async fn check_gives_up(client: Client) {
    todo!("step 3: count the attempts at the peer, not in the error; see README step 3")
}

/// Step 4: passes when the call, polled by hand, makes its first attempt on
/// its first poll, is woken exactly when its backoff is over, and stops
/// when dropped; panics otherwise.
pub async fn check_poll_by_poll(client: Client) {
    todo!("step 4: drive the call with tokio_test::task::spawn; see README step 4")
}

/// Step 5: passes when the client reads a reply that arrives in pieces,
/// retries a reply cut off by a closed connection, and answers as soon as
/// the reply line is in, even if the peer keeps the connection open;
/// panics otherwise.
pub async fn check_reply_reading(client: Client) {
    todo!("step 5: script the peer's reads with tokio_test::io::Builder; see README step 5")
}
