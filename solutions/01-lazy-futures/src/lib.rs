//! # Kata 01: lazy futures (the reference answer)
//!
//! > You call an async fn and never await it. What happens?
//!
//! Nothing. Calling an `async fn` runs none of its body: it builds a future,
//! a state machine parked before its first line, and hands it back. The
//! body runs only while something polls the future: the first poll runs it
//! up to its first `.await` that is not ready and returns `Pending`; the
//! runtime wakes the future's `Waker` when that wait is over, and the next
//! poll carries on from there. A future dropped without a poll never ran
//! (the compiler warns, futures are `#[must_use]`); dropped after a poll, it
//! stops at the `.await` where it was parked.

use std::future::Future;
use std::task::Poll;
use std::time::Duration;

use world::Console;

/// Step 1: the seed's coroutine: print "fetching", sleep 1 s, answer "data".
pub async fn fetch_data(console: &Console) -> String {
    console.print("fetching");
    tokio::time::sleep(Duration::from_secs(1)).await;
    "data".to_owned()
}

/// Step 2: the same work as a value that owns what it needs and can be kept
/// for later (`'static`), but does nothing until it is polled.
pub fn fetch_later(console: &Console) -> impl Future<Output = String> + 'static {
    // Only the clone happens on the call. Everything inside `async move`
    // waits for the first poll, as an `async fn`'s body does.
    let console = console.clone();
    async move { fetch_data(&console).await }
}

/// Step 3: poll a future exactly once and say what the poll answered.
pub async fn poll_once<F: Future + Unpin>(fut: &mut F) -> Poll<F::Output> {
    // One poll, with this task's `Waker`: if the future is waiting, it
    // registers the waker and answers `Pending`; nothing polls it again
    // until the caller does.
    futures::poll!(fut)
}

/// Step 4: fetch the data once and hand it back twice.
pub async fn data_twice(console: &Console) -> (String, String) {
    // A future runs once and is used up by its `.await`. Awaiting again
    // means calling again, and running the body again: reuse the output.
    let data = fetch_data(console).await;
    (data.clone(), data)
}
