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
    assert_ne!(
        world.trace().finished_at(),
        ms(0),
        "fetch_data answered at 0 ms: its 1 s sleep took no time on tokio's clock. Either \
         the sleep was never awaited (`tokio::time::sleep(..)` only builds a future, which \
         does nothing until awaited: rustc warns \"unused `Sleep` that must be used\"), or \
         it was a blocking `std::thread::sleep`, which holds the runtime's thread and never \
         moves its clock. Write `tokio::time::sleep(..).await`"
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
    // A check that fails drops the future first: the test stopped it (drawn
    // `x`); dropped while the test unwinds, it would be drawn `*`, as if the
    // future itself had panicked.
    assert_pending!(
        task.poll(),
        "the first poll runs the body up to its first .await, the 1 s sleep, and returns Pending"
    );
    let printed = console.printed_ms();
    if printed != [(500, "fetching".to_owned())] {
        drop(task);
        panic!(
            "the first poll runs the body from its first line: \"fetching\" at 500 ms, when \
             it was first polled, not at 0 ms when it was made (printed: {printed:?})"
        );
    }
    if task.is_woken() {
        drop(task);
        panic!("nothing wakes a future before what it awaits is ready");
    }

    sleep(ms(750)).await;
    if task.is_woken() {
        drop(task);
        panic!(
            "woken before 1500 ms: the 1 s sleep starts at the first poll (500 ms), so it \
             ends at 1500 ms. Was the `Sleep` made on the call? `tokio::time::sleep(d)` \
             fixes its deadline when it is created, not when it is first polled: create it \
             inside the `async` block"
        );
    }
    sleep(ms(250)).await;
    if !task.is_woken() {
        drop(task);
        panic!(
            "when the sleep is over (1500 ms), the timer calls the future's Waker: poll me \
             again"
        );
    }
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
    let mut counted = ReadyOnSecondPoll::default();
    let _ = within(10, kata::poll_once(&mut counted)).await;
    assert_eq!(
        counted.polls, 1,
        "poll_once polls exactly once, whatever the answer; it polled {} times (an \
         `.await`, a loop or a second `poll!` polls until the future is Ready)",
        counted.polls
    );

    let mut kept = pin!(world.track("polled at 0 and 1500", kata::fetch_data(&console)));
    let mut dropped = Box::pin(world.track("polled at 0, dropped", kata::fetch_data(&console)));
    assert_eq!(
        console.printed_ms(),
        [],
        "fetch_data printed on the call, before any poll: make step 1 pass first (calling \
         an async fn runs none of its body)"
    );
    let first = within(10, kata::poll_once(&mut kept)).await;
    if console.printed_ms().is_empty() && !world.trace().spans_of("polled at 0 and 1500").is_empty()
    {
        // poll_once polled it (its span started), and the body printed
        // nothing: the print is not the body's first line.
        panic!(
            "poll_once polled fetch_data at 0 ms, and its first poll printed nothing: \
             \"fetching\" is the body's first line, before its first .await. Make step 1 \
             pass first"
        );
    }
    assert_eq!(
        console.printed_ms(),
        [(0, "fetching".to_owned())],
        "the first poll runs the body up to its first .await: \"fetching\" at 0 ms. Did \
         poll_once poll it?"
    );
    if first.is_ready() {
        assert_eq!(
            world.now(),
            ms(0),
            "the first poll runs fetch_data up to its first .await, the 1 s sleep, and \
             returns Pending; poll_once must not wait for the answer (it waited until {:?})",
            world.now()
        );
        panic!(
            "fetch_data answered on its first poll, at 0 ms: its 1 s sleep did not wait. Make \
             step 1 pass first (`tokio::time::sleep(..).await`)"
        );
    }
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

    // The poll leaves the caller's own Waker with the future, so that the
    // task that polled is woken when the future can go on. (After the
    // snapshot: the nap adds nothing to the picture.)
    let mut nap = Box::pin(sleep(ms(100)));
    let mut caller = tokio_test::task::spawn(kata::poll_once(&mut nap));
    assert!(
        matches!(caller.poll(), Poll::Ready(Poll::Pending)),
        "poll_once answers on its first poll: a 100 ms sleep is Pending"
    );
    assert!(
        !caller.is_woken(),
        "the caller was woken as soon as poll_once returned, though the 100 ms sleep is \
         not over: a wake by hand (`cx.waker().wake_by_ref()`) is not the future's own. \
         poll_once must hand the caller's own Waker to the future it polls (its task's \
         `Context`: `futures::poll!`, `std::future::poll_fn`), so that the future wakes \
         the caller when it can go on"
    );
    sleep(ms(99)).await;
    assert!(
        !caller.is_woken(),
        "the caller was woken before the 100 ms sleep ended: only the future's timer \
         should wake it"
    );
    sleep(ms(1)).await;
    assert!(
        caller.is_woken(),
        "poll_once must poll with the caller's own Waker (its task's `Context`: \
         `futures::poll!`, `std::future::poll_fn`), so that the task that polled is woken \
         when the future can go on. A no-op waker (`Waker::noop()`, `now_or_never`) is \
         never called: no executor would ever poll that future again"
    );
}

/// A future that is Pending on its first poll (waking itself) and Ready on
/// the second, counting its polls: one poll and an `.await` differ.
#[derive(Default)]
struct ReadyOnSecondPoll {
    polls: u32,
}

impl std::future::Future for ReadyOnSecondPoll {
    type Output = ();

    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<()> {
        self.polls += 1;
        if self.polls == 1 {
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    }
}

#[world::step]
async fn step4_await_once() {
    let world = World::start();
    // A fetch in a task of its own (allowed) prints outside the tracked
    // call: on the call's row all the same, so both draw alike.
    let console = Console::on_row(&world, "data_twice");

    let (first, second) = within(10, world.track("data_twice", kata::data_twice(&console))).await;

    assert_eq!((first.as_str(), second.as_str()), ("data", "data"));
    assert!(
        !console.printed_ms().is_empty(),
        "data_twice returned without a fetch having run: the data must come from a fetch it \
         awaits. A task spawned and never awaited runs on its own, detached, and the \
         answer it would give is lost"
    );
    let printed = console.printed_ms();
    if let [(at, _)] = printed.as_slice() {
        // One fetch, but its body's first line came late: step 1's mistake,
        // not a second request.
        assert_eq!(
            *at, 0,
            "one fetch, as asked, but \"fetching\" was printed at {at} ms, not at 0 ms: \
             the print is fetch_data's first line, before its sleep. Make step 1 pass first"
        );
    }
    assert_eq!(
        printed.len(),
        1,
        "a future runs once per call, and \"fetching\" was printed {} times: fetch the \
         data once and reuse the answer. Calling fetch_data again runs its body again (a \
         second request), and so does a task spawned with a fetch that nobody awaits",
        printed.len()
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "one fetch, one second: done at 1000 ms"
    );
    assert_timeline!("step4_await_once", world);
}
