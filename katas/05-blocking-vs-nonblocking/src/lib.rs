//! # Kata 05: blocking vs non-blocking
//!
//! > Blocking vs non-blocking: what does `time.sleep` (`std::thread::sleep`)
//! > do inside async code?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p blocking-vs-nonblocking` checks them, and draws what
//! ran when.
//!
//! A server handles three requests at once: the tests run your handler three
//! times, concurrently, as "request 1", "request 2" and "request 3". Each
//! request must first wait 1 s for a rate limiter.
//!
//! `Legacy` holds the blocking calls, simulated so that they cost no real
//! time: `legacy.sleep(d)` stands for `std::thread::sleep(d)` (Python's
//! `time.sleep`), and `legacy.render_invoice(id)` is an old synchronous
//! function that holds its thread for 500 ms. Both notice when they run on
//! the runtime's thread, and the timeline shows it with `#`.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use world::{Invoice, Legacy};

/// Step 1: the Python mistake, on purpose: wait for the rate limiter with the
/// blocking sleep, `legacy.sleep`.
pub async fn blocking_handler(legacy: &Legacy) {
    todo!("step 1: wait 1 s with the blocking legacy.sleep; see README step 1")
}

/// Step 2: the fix: wait for the rate limiter without blocking.
pub async fn rate_limited_handler() {
    todo!("step 2: wait 1 s without blocking the thread; see README step 2")
}

/// Step 3: wait for the rate limiter, then render invoice `id` with the
/// legacy blocking function, without blocking the runtime.
pub async fn invoice_handler(legacy: &Legacy, id: u32) -> Invoice {
    todo!(
        "step 3: wait 1 s, then run legacy.render_invoice(id) off the runtime thread; see README step 3"
    )
}
