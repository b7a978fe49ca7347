//! Kata 05, blocking vs non-blocking: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! Each test plays a server that handles three requests at once: the kata's
//! handler runs three times, joined, each as a tracked actor ("request 1",
//! "request 2", "request 3"), so a blocking call made inside a handler is
//! drawn on that request's row.

use std::future::Future;
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use blocking_vs_nonblocking as kata;
#[cfg(feature = "reference")]
use blocking_vs_nonblocking_solution as kata;
use futures::future::join_all;
use world::{Ending, Fill, Invoice, Legacy, Thread, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Serves requests 1, 2 and 3 at once: `handler(i)` runs as the actor
/// "request i", and the three are joined, as a server runs them.
async fn serve_three<F: Future>(world: &World, handler: impl Fn(u32) -> F) -> Vec<F::Output> {
    let requests = (1..=3).map(|i| world.track(format!("request {i}"), handler(i)));
    within(10, join_all(requests)).await
}

/// When each request finished: the end of its tracked span.
fn finish_times(world: &World) -> Vec<Duration> {
    (1..=3)
        .map(|i| {
            let row = format!("request {i}");
            world
                .trace()
                .spans_of(&row)
                .first()
                .and_then(|span| span.end)
                .unwrap_or_else(|| panic!("{row} never finished"))
        })
        .collect()
}

/// The notes saying that a call held the runtime's thread.
fn blocked_notes(world: &World) -> Vec<String> {
    world
        .trace()
        .notes()
        .into_iter()
        .filter(|note| note.contains("blocked the runtime thread"))
        .map(str::to_owned)
        .collect()
}

/// Every `#` span: a blocking call that held the runtime thread. Either it
/// ran on that thread (drawn on the row of the request that made it), or it
/// ran elsewhere while the runtime thread waited for it without awaiting
/// (drawn on a row of its own, recorded by the thread that did the work).
fn blocking_spans(world: &World) -> Vec<world::trace::SpanRecord> {
    world
        .trace()
        .spans()
        .into_iter()
        .filter(|span| span.fill == Fill::Blocked)
        .collect()
}

/// A real `std::thread::sleep` (or a sleep never awaited) leaves the paused
/// clock where it was: every request "finishes" at 0 ms.
fn assert_rate_limit_waited(world: &World, what_to_use: &str) {
    assert!(
        finish_times(world).iter().all(|at| *at >= ms(1000)),
        "the rate-limit wait must take 1 s of virtual time, on the runtime: {what_to_use}. \
         A real std::thread::sleep blocks the thread but the virtual clock never sees it, \
         and a sleep future that is never awaited does nothing"
    );
}

#[world::step]
async fn step1_blocking_sleep() {
    let world = World::start();
    let legacy = Legacy::new(&world);

    serve_three(&world, |_| kata::blocking_handler(&legacy)).await;

    assert_rate_limit_waited(
        &world,
        "in step 1 use legacy.sleep, the simulated std::thread::sleep",
    );
    let notes = blocked_notes(&world).len();
    assert_eq!(
        notes, 3,
        "each request's legacy.sleep holds the runtime thread: three \"blocked the runtime \
         thread\" notes, one call of legacy.sleep(1 s) per request, as Python's one \
         time.sleep(1) (found {notes})"
    );
    let early_starts: Vec<String> = (2..=3)
        .filter_map(|i| {
            let row = format!("request {i}");
            let start = world.trace().spans_of(&row).first()?.start;
            (start < ms(1000)).then(|| format!("{row} at {} ms", start.as_millis()))
        })
        .collect();
    assert!(
        early_starts.is_empty(),
        "the handler awaited something before its blocking sleep, so the runtime started \
         the other requests first ({}), and then each waited its turn for the thread. \
         Step 1 blocks at once: call legacy.sleep first, with no .await before it, as \
         Python's time.sleep(1) is the handler's first line; request 2 does not even start \
         until request 1 lets go of the thread, at 1000 ms",
        early_starts.join(", ")
    );
    assert_eq!(
        finish_times(&world),
        [ms(1000), ms(2000), ms(3000)],
        "a blocking call holds the runtime's only thread: the requests run one after \
         another and finish at 1000, 2000 and 3000 ms"
    );
    assert_timeline!("step1_blocking_sleep", world);
}

#[world::step]
async fn step2_nonblocking_sleep() {
    let world = World::start();

    let alive = || {
        tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks()
    };
    let before = alive();
    serve_three(&world, |_| kata::rate_limited_handler()).await;
    let left_running = alive().saturating_sub(before);
    assert!(
        left_running == 0 || finish_times(&world).iter().all(|at| *at >= ms(1000)),
        "the requests returned at 0 ms and left {left_running} task(s) running: a \
         tokio::spawn whose JoinHandle is dropped is detached, and the handler does not \
         wait for it. The sleep is the handler's own wait: tokio::time::sleep(..).await in \
         the handler itself"
    );

    assert_eq!(
        blocked_notes(&world),
        Vec::<String>::new(),
        "the runtime thread must never block: wait with tokio::time::sleep(..).await"
    );
    assert_rate_limit_waited(&world, "use tokio::time::sleep(..).await");
    assert_eq!(
        finish_times(&world),
        [ms(1000); 3],
        "non-blocking waits overlap: three requests that each wait 1 s are all done at \
         1000 ms, not one after another"
    );
    assert_timeline!("step2_nonblocking_sleep", world);
}

#[world::step]
async fn step3_blocking_call_off_the_runtime() {
    let world = World::start();
    let legacy = Legacy::new(&world);

    let invoices = serve_three(&world, |id| kata::invoice_handler(&legacy, id)).await;
    // Which invoices were rendered by the time the requests returned: read
    // before this test yields, so that nothing left behind can run first.
    let rendered_by_return: Vec<bool> = (1..=3)
        .map(|id| {
            world
                .trace()
                .spans_of(&format!("render_invoice({id})"))
                .iter()
                .any(|span| span.ending == Ending::Done)
        })
        .collect();
    // Then let the clock run on: a render left behind shows itself now.
    within(10, tokio::time::sleep(ms(100))).await;

    assert_eq!(
        invoices,
        [1, 2, 3].map(|id| Invoice { id }),
        "request i renders invoice i"
    );
    let blocking = blocking_spans(&world);
    let on_runtime: Vec<&str> = blocking
        .iter()
        .filter(|span| span.thread == Thread::Runtime)
        .map(|span| span.actor.as_str())
        .collect();
    assert!(
        on_runtime.is_empty(),
        "render_invoice blocks its thread for 500 ms, and it ran on the runtime thread \
         (rows {on_runtime:?}). Called directly, from an async fn around it or from a \
         tokio::spawn task, it is the same thread: a task is not a thread. Run it with \
         tokio::task::spawn_blocking so that it never blocks the runtime thread"
    );
    let waited_for: Vec<&str> = blocking.iter().map(|span| span.actor.as_str()).collect();
    assert!(
        waited_for.is_empty(),
        "{waited_for:?} ran off the runtime, but the runtime thread waited for its result \
         without awaiting (a std channel's recv, joining a thread, a spin on \
         is_finished, a home-made block_on): a blocking wait holds the runtime thread as surely \
         as the blocking call itself. Await the JoinHandle of spawn_blocking instead"
    );
    assert_rate_limit_waited(&world, "use tokio::time::sleep(..).await");
    for id in 1..=3 {
        let row = format!("render_invoice({id})");
        let spans = world.trace().spans_of(&row);
        assert!(
            !spans.is_empty() && spans.iter().all(|span| span.fill == Fill::Pool),
            "{row} must run on a blocking-pool thread (tokio::task::spawn_blocking)"
        );
        assert!(
            spans.iter().all(|span| span.thread == Thread::Pool),
            "{row} ran on a thread tokio does not know (std::thread::spawn). On a real \
             runtime that is right, but spawn_blocking is the tool: a pool of reused \
             threads, and the only threads this test's paused clock can see"
        );
        assert!(
            rendered_by_return[id as usize - 1],
            "{row} ran on the blocking pool, but only after request {id} had returned: the \
             JoinHandle of spawn_blocking was dropped, not awaited, so the task was detached \
             and the request answered without its invoice. Await the JoinHandle (it is a \
             future of the closure's result) and return what it gives"
        );
        let request_start = world.trace().spans_of(&format!("request {id}"))[0].start;
        assert!(
            spans
                .iter()
                .all(|span| span.start >= request_start + ms(1000)),
            "{row} started at {} ms, before request {id}'s 1 s rate-limit wait was over: \
             wait first (tokio::time::sleep(..).await), then render the invoice",
            spans[0].start.as_millis()
        );
    }
    assert_eq!(
        finish_times(&world),
        [ms(1000); 3],
        "with render_invoice on the blocking pool, no request waits for another's \
         invoice: all three are done at 1000 ms (pool work takes no virtual time here)"
    );
    assert_timeline!("step3_blocking_call_off_the_runtime", world);
}
