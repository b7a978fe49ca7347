//! What `#[world::step]` expands to: every step test's one entry point,
//! which runs the whole test body under the real-time watchdog.
//!
//! A test that reached the learner's code without a watchdog could hang
//! `cargo test` for ever (block-on's steps 2 and 3 once did, on a
//! `Handle::block_on` that nothing drives). Here the watchdog is armed
//! before the body starts and disarmed after everything the body made is
//! gone (its runtime included: dropping one waits for its blocking-pool
//! threads), so no part of a step test runs unwatched. `within` and the
//! `watched` functions inside it say more precisely what the test is doing,
//! for the diagnosis (see `watchdog.rs`).

use std::future::Future;

use kata_protocol::Cause;
use tokio::runtime::{Builder, Runtime};

use crate::watchdog::{Watchdog, Watched};

/// Runs an `async fn` step test: on a current_thread runtime with the
/// clock paused, as `#[tokio::test(flavor = "current_thread", start_paused
/// = true)]` did, under the watchdog. In the real-clock run (see
/// `real_clock.rs`) the clock is tokio's real one.
pub fn run_async_step<F: Future<Output = ()>>(body: F) {
    let runtime = Builder::new_current_thread()
        .enable_all()
        .start_paused(!crate::real_clock::real_clock())
        .build()
        .expect("cannot build the test's runtime");
    let watchdog = Watchdog::step(Watched::Runtime(runtime.handle().clone()));
    // Fields drop in order: the runtime (and its tasks) while still watched,
    // whether the body returned or panicked.
    let step = Step {
        runtime,
        _watchdog: watchdog,
    };
    step.runtime.block_on(body);
}

struct Step {
    runtime: Runtime,
    _watchdog: Watchdog,
}

/// Runs a plain `fn` step test (one that builds its own runtime, or drives
/// the learner's executor) under the watchdog. Until the body says more
/// (a `within`, a `watched`), a hang is synchronous code that never
/// returned.
pub fn run_sync_step(body: impl FnOnce()) {
    let _watchdog = Watchdog::step(Watched::Fixed(Cause::NeverReturns));
    body();
}
