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

//!
//! It is also where test support meets the world from above: it installs
//! the world's failure hook (the two timelines, `harness::show_on_failure`),
//! and says in a marker line when the test failed at a `todo!()`
//! (`harness::mark_todo`).

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

use kata_protocol::Cause;
use tokio::runtime::{Builder, Runtime};

use crate::harness;
use crate::watchdog::{Watchdog, Watched};

/// Runs a step test's `body` with the failure hook installed; a panic goes
/// on as it came, after the `todo!()` marker when it is one.
fn as_step(body: impl FnOnce()) {
    crate::world::on_failure(harness::show_on_failure);
    if let Err(panic) = catch_unwind(AssertUnwindSafe(body)) {
        harness::mark_todo(panic.as_ref());
        resume_unwind(panic);
    }
}

/// Runs an `async fn` step test: on a current_thread runtime with the
/// clock paused, as `#[tokio::test(flavor = "current_thread", start_paused
/// = true)]` did, under the watchdog. In the real-clock run (see
/// `real_clock.rs`) the clock is tokio's real one.
pub fn run_async_step<F: Future<Output = ()>>(body: F) {
    as_step(|| run_on_paused_runtime(body));
}

fn run_on_paused_runtime<F: Future<Output = ()>>(body: F) {
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
    as_step(|| {
        let _watchdog = Watchdog::step(Watched::Fixed(Cause::NeverReturns));
        body();
    });
}
