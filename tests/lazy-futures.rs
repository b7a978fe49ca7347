//! Kata 01, lazy futures: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! The tests drive futures by hand where the lesson is the polling itself:
//! `tokio_test::task::spawn` wraps a future in a mock task whose `poll` is
//! one poll, and whose `is_woken` says whether the future's `Waker` was
//! called since.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use lazy_futures as kata;
#[cfg(feature = "reference")]
use lazy_futures_solution as kata;
use tokio::time::sleep;
use tokio_test::{assert_pending, assert_ready};
use world::{Console, Ending, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Calls `call` and keeps what it returns without polling it, as
/// `let f = fetch_data()` does. The call runs under the watchdog, in case
/// it blocks; a call that panics for another reason than a `todo!()` is
/// told that a call should only build a future.
async fn call_only<F>(what: &str, call: impl FnOnce() -> F) -> F {
    within(10, async move {
        match catch_unwind(AssertUnwindSafe(call)) {
            Ok(fut) => fut,
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("");
                if message.starts_with("not yet implemented") {
                    resume_unwind(panic);
                }
                panic!(
                    "calling {what} should only build a future and hand it back, but the call \
                     itself panicked (did it block_on the work?): {message}"
                );
            }
        }
    })
    .await
}

#[world::step]
async fn step1_calling_runs_nothing() {
    let world = World::start();
    let console = Console::new(&world);

    let unawaited = call_only("fetch_data", || kata::fetch_data(&console)).await;
    assert_eq!(
        console.printed_ms(),
        [],
        "calling an async fn runs none of its body: nothing may be printed before the \
         future is polled"
    );
    drop(unawaited);
    tokio::task::yield_now().await;
    assert!(
        world.trace().events().is_empty(),
        "a future dropped without ever being polled never ran: the trace must stay empty"
    );

    let data = within(10, world.track("fetch_data()", kata::fetch_data(&console))).await;

    assert_eq!(data, "data");
    assert_eq!(
        console.printed_ms(),
        [(0, "fetching".to_owned())],
        "awaited, the body runs from its first line: \"fetching\" at 0 ms, once"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "awaited, fetch_data answers after its 1 s sleep: \"data\" at 1000 ms"
    );
    assert_timeline!("step1_calling_runs_nothing", world);
}

#[world::step]
async fn step2_lazy_until_polled() {
    let world = World::start();
    let console = Console::new(&world);

    let later = call_only("fetch_later", || kata::fetch_later(&console)).await;
    // Half a second in which nothing polls it: a task spawned by the call
    // would run now.
    sleep(ms(500)).await;
    assert_eq!(
        console.printed_ms(),
        [],
        "a lazy value runs nothing until it is polled, but it printed before any poll. Code \
         before the `async` block of a plain fn runs on the call, and tokio::spawn starts a \
         task at once"
    );

    let mut task = tokio_test::task::spawn(world.track("fetch_data()", later));
    assert_pending!(
        task.poll(),
        "the first poll runs the body up to its first .await, the 1 s sleep, and returns Pending"
    );
    assert_eq!(
        console.printed_ms(),
        [(500, "fetching".to_owned())],
        "the first poll runs the body from its first line: \"fetching\" at 500 ms, when it \
         was first polled, not at 0 ms when it was made"
    );
    assert!(
        !task.is_woken(),
        "nothing wakes a future before what it awaits is ready"
    );

    sleep(ms(1000)).await;
    assert!(
        task.is_woken(),
        "when the sleep is over (1500 ms), the timer calls the future's Waker: poll me again"
    );
    let data = assert_ready!(
        task.poll(),
        "woken and polled again, the future carries on from its .await and returns Ready"
    );
    assert_eq!(data, "data");
    assert_timeline!("step2_lazy_until_polled", world);
}

#[world::step]
async fn step3_poll_drives_it() {
    let world = World::start();
    let console = Console::new(&world);

    assert_eq!(
        within(10, kata::poll_once(&mut std::future::ready(7))).await,
        Poll::Ready(7),
        "a future with nothing to wait for is Ready on its first poll"
    );

    let mut kept = pin!(world.track("polled at 0 and 1500", kata::fetch_data(&console)));
    let mut dropped = Box::pin(world.track("polled at 0, dropped", kata::fetch_data(&console)));
    let first = within(10, kata::poll_once(&mut kept)).await;
    assert_eq!(
        console.printed_ms(),
        [(0, "fetching".to_owned())],
        "the first poll runs the body up to its first .await: \"fetching\" at 0 ms. Did \
         poll_once poll it?"
    );
    assert!(
        first.is_pending(),
        "the first poll runs fetch_data up to its first .await, the 1 s sleep, and returns \
         Pending; poll_once must not wait for the answer"
    );
    assert!(within(10, kata::poll_once(&mut dropped)).await.is_pending());

    // Half a second later, the second future is dropped mid-way.
    sleep(ms(500)).await;
    drop(dropped);
    // Its sleep would have ended at 1000 ms; nothing polls the first one.
    sleep(ms(1000)).await;
    let spans = world.trace().spans_of("polled at 0 and 1500");
    assert_eq!(
        spans[0].end, None,
        "a future makes progress only when polled: its sleep ended at 1000 ms, but nobody \
         polled it since, so at 1500 ms it has still not returned"
    );
    let second = within(10, kata::poll_once(&mut kept)).await;
    assert_eq!(
        second,
        Poll::Ready("data".to_owned()),
        "polled again after its sleep ended, the future returns Ready(\"data\")"
    );
    let dropped = &world.trace().spans_of("polled at 0, dropped")[0];
    assert!(
        dropped.ending == Ending::Cancelled && dropped.end == Some(ms(500)),
        "a future dropped mid-way stops at its .await: cancelled at 500 ms, never done"
    );
    assert_eq!(
        console.printed_ms().len(),
        2,
        "each future printed \"fetching\" once, on its first poll"
    );
    assert_timeline!("step3_poll_drives_it", world);
}

#[world::step]
async fn step4_await_once() {
    let world = World::start();
    let console = Console::new(&world);

    let (first, second) = within(10, world.track("data_twice", kata::data_twice(&console))).await;

    assert_eq!((first.as_str(), second.as_str()), ("data", "data"));
    assert_eq!(
        console.printed_ms(),
        [(0, "fetching".to_owned())],
        "a future runs once per call: fetch the data once and reuse the answer; calling \
         fetch_data again runs its body again (a second request)"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "one fetch, one second: done at 1000 ms"
    );
    assert_timeline!("step4_await_once", world);
}
