//! # Kata 05: blocking vs non-blocking (the reference answer)
//!
//! > Blocking vs non-blocking: what does `time.sleep` (`std::thread::sleep`)
//! > do inside async code?
//!
//! A task gives its thread back to the runtime only at an `.await` that is
//! pending. A blocking call has no `.await`: it holds the thread until it
//! returns, and every other task scheduled on that thread waits with it.
//! `tokio::time::sleep` registers a timer and returns `Pending`, so the
//! thread is free to run the other requests. A synchronous function that
//! must block goes to tokio's blocking pool with `spawn_blocking`.

use std::time::Duration;

use world::{Invoice, Legacy};

/// How long each request waits for the rate limiter.
const RATE_LIMIT: Duration = Duration::from_secs(1);

/// Step 1: the Python mistake, on purpose: wait for the rate limiter with the
/// blocking sleep, `legacy.sleep`.
pub async fn blocking_handler(legacy: &Legacy) {
    // `std::thread::sleep` in disguise. No `.await`: this handler never
    // yields, so the runtime cannot even start the next request until the
    // second is over.
    legacy.sleep(RATE_LIMIT);
}

/// Step 2: the fix: wait for the rate limiter without blocking.
pub async fn rate_limited_handler() {
    // A timer, not a sleeping thread: the `.await` returns `Pending` and the
    // runtime runs the other requests; all three timers fire together.
    tokio::time::sleep(RATE_LIMIT).await;
}

/// Step 3: wait for the rate limiter, then render invoice `id` with the
/// legacy blocking function, without blocking the runtime.
pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    tokio::time::sleep(RATE_LIMIT).await;
    // The closure runs on a blocking-pool thread and may outlive this call
    // (`'static`), so it gets its own handle on the legacy library. Awaiting
    // the `JoinHandle` yields the runtime thread while the pool works.
    let legacy = legacy.clone();
    tokio::task::spawn_blocking(move || legacy.render_invoice(id))
        .await
        .expect("render_invoice panicked")
}
