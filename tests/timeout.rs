//! Kata 07, timeout: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! Every step asks two things: when the caller gets its answer, and what
//! became of the work. So each test lets the virtual clock run on after the
//! kata returns (to 8 s, past the 5 s the operation would take) before it
//! reads the trace: work that was cut short stays cut short, work that was
//! left running shows up finishing.

use std::future::Future;
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use timeout as kata;
#[cfg(feature = "reference")]
use timeout_solution as kata;
use world::trace::SpanRecord;
use world::{Ending, Operation, Unreliable, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// How long a test lets the clock run, from the start, before it reads
/// the trace: past the 5 s of the slow operation.
const WATCH_UNTIL: Duration = Duration::from_secs(8);

/// Runs the kata call as the row `caller`, and answers what it returned and
/// when, on the virtual clock. Then lets the clock run on to
/// [`WATCH_UNTIL`], so that work the caller left behind can show itself.
async fn call<T>(world: &World, fut: impl Future<Output = T>) -> (T, Duration) {
    let output = within(10, world.track("caller", fut)).await;
    let returned_at = world.now();
    // Under `within` too: a task left spinning is named by its watchdog
    // rather than hanging the test.
    let rest = WATCH_UNTIL.saturating_sub(returned_at);
    within(10, tokio::time::sleep(rest)).await;
    (output, returned_at)
}

/// Like [`call`], and also what `slow_operation`'s span looked like at the
/// instant the caller got its answer, before anything else ran.
async fn call_seen<T>(
    world: &World,
    fut: impl Future<Output = T>,
) -> (T, Duration, Vec<SpanRecord>) {
    let output = within(10, world.track("caller", fut)).await;
    let returned_at = world.now();
    let seen = world.trace().spans_of("slow_operation");
    let rest = WATCH_UNTIL.saturating_sub(returned_at);
    within(10, tokio::time::sleep(rest)).await;
    (output, returned_at, seen)
}

/// The one span on `row`, or a message saying it never started.
fn only_span(world: &World, row: &str) -> SpanRecord {
    let spans = world.trace().spans_of(row);
    match spans.as_slice() {
        [span] => span.clone(),
        [] => panic!("{row} was never called (never polled)"),
        more => panic!("{row} was called {} times, not once", more.len()),
    }
}

/// What became of the span, in words for a message.
fn fate(span: &SpanRecord) -> String {
    let at = |end: Option<Duration>| end.map_or("?".to_owned(), |e| e.as_millis().to_string());
    match span.ending {
        Ending::Done => format!("ran on and finished at {} ms", at(span.end)),
        Ending::Cancelled => format!("was cancelled at {} ms", at(span.end)),
        Ending::Failed => format!("failed at {} ms", at(span.end)),
        Ending::Panicked => format!("panicked at {} ms", at(span.end)),
        Ending::Open => "was still running".to_owned(),
    }
}

/// The operation was dropped at 3000 ms and rolled back then, in `Drop`.
fn assert_dropped_at_limit(world: &World, span: &SpanRecord, concept: &str) {
    assert_eq!(
        (span.ending, span.end),
        (Ending::Cancelled, Some(ms(3000))),
        "{concept}, but slow_operation {}",
        fate(span)
    );
    assert_eq!(
        world.trace().cleanups(),
        [(ms(3000), "slow_operation", "rolled back the half-done work")],
        "a cancelled future's cleanup is its Drop: the operation rolls back at 3000 ms, \
         when the timeout drops it"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(3000),
        "nothing runs after the timeout: the last event is at 3000 ms"
    );
}

#[world::step]
async fn step1_slow_operation() {
    let world = World::start();
    let op = Operation::slow(&world);

    let (answer, returned_at) = call(&world, kata::with_timeout(&op)).await;

    assert_eq!(
        answer,
        Err(kata::TimedOut),
        "the 5 s slow_operation under a 3 s limit times out: Err(TimedOut). (A deadline read \
         from std::time::Instant never passes here: the tests run on tokio's paused clock, which \
         std does not see. Time it with tokio::time.)"
    );
    assert_eq!(
        returned_at,
        ms(3000),
        "a timeout answers at the limit, 3000 ms, not when the work would have ended"
    );
    let span = only_span(&world, "slow_operation");
    assert!(
        span.task.is_none() || span.ending == Ending::Cancelled,
        "slow_operation ran in a task of its own, and a dropped JoinHandle detaches its task: \
         it {}. Step 1 times out the future itself, timeout(LIMIT, op.run()), which drops the \
         work at the limit",
        fate(&span)
    );
    assert_dropped_at_limit(
        &world,
        &span,
        "timeout drops the inner future at 3000 ms, so the work stops there",
    );
    assert_timeline!("step1_slow_operation", world);
}

#[world::step]
async fn step2_stop_waiting() {
    let world = World::start();
    let op = Operation::slow(&world);

    let (answer, returned_at) = call(&world, kata::stop_waiting(&op)).await;

    assert_eq!(
        (answer, returned_at),
        (Err(kata::TimedOut), ms(3000)),
        "the caller stops waiting at the limit: Err(TimedOut) at 3000 ms"
    );
    let span = only_span(&world, "slow_operation");
    assert_eq!(
        (span.ending, span.end),
        (Ending::Done, Some(ms(5000))),
        "stop the waiting, not the work: slow_operation runs on in a task of its own and \
         finishes at 5000 ms, but yours {}",
        fate(&span)
    );
    assert!(
        world.trace().cleanups().is_empty(),
        "the work finished, so it had nothing to roll back"
    );
    assert_timeline!("step2_stop_waiting", world);
}

#[world::step]
async fn step3_stop_the_task() {
    let world = World::start();
    let op = Operation::slow(&world);

    let (answer, returned_at, at_return) = call_seen(&world, kata::stop_the_task(&op)).await;

    assert_eq!(
        (answer, returned_at),
        (Err(kata::TimedOut), ms(3000)),
        "the caller stops waiting at the limit: Err(TimedOut) at 3000 ms"
    );
    let span = only_span(&world, "slow_operation");
    assert!(
        span.task.is_some(),
        "step 3 times out a spawned task, but slow_operation ran in no task of its own: \
         tokio::spawn it"
    );
    if let [seen] = at_return.as_slice() {
        if seen.ending == Ending::Open && span.ending == Ending::Cancelled {
            panic!(
                "slow_operation was still running when stop_the_task returned: abort() only \
                 asks, the task is dropped (and rolls back) when the runtime next gets to it, \
                 after your caller has its Err. Await the handle after abort() (`let _ = \
                 handle.await;`; a JoinSet: `shutdown().await`, not a drop), so that the work \
                 has stopped before you return"
            );
        }
    }
    assert_dropped_at_limit(
        &world,
        &span,
        "a timeout on a JoinHandle stops only the waiting, and dropping the handle detaches the \
         task: abort it at 3000 ms",
    );
    assert_timeline!("step3_stop_the_task", world);
}

/// An operation that finishes well before [`kata::LIMIT`]: 1 s. A timeout
/// races the work against the timer, so it answers when the work does; an
/// answer that sleeps the limit first and then looks at the work is no
/// timeout, and shows here, where it answers at 3000 ms.
const QUICK: Duration = Duration::from_secs(1);

/// The checks of a step run with the 1 s operation: `Ok` at 1000 ms, the
/// work done then, nothing rolled back, nothing after it.
fn assert_quick(world: &World, answer: Result<String, kata::TimedOut>, returned_at: Duration) {
    assert_eq!(
        answer,
        Ok("quick_operation done".to_owned()),
        "an operation that takes 1 s finishes within the 3 s limit: answer its Ok"
    );
    assert_eq!(
        returned_at,
        QUICK,
        "a timeout races the work against the timer: a 1 s operation answers at 1000 ms, not \
         at the limit. Yours answered at {} ms: sleeping LIMIT and then looking whether the \
         work is done is no timeout, it makes every call wait 3 s",
        returned_at.as_millis()
    );
    let span = only_span(world, "quick_operation");
    assert_eq!(
        (span.ending, span.end),
        (Ending::Done, Some(QUICK)),
        "the work finished in time, so it ends done at 1000 ms, but yours {}",
        fate(&span)
    );
    assert!(
        world.trace().cleanups().is_empty(),
        "the work finished, so it had nothing to roll back"
    );
    assert_eq!(
        world.trace().finished_at(),
        QUICK,
        "nothing runs after the answer: the last event is at 1000 ms"
    );
}

#[world::step]
async fn step1_quick_operation() {
    let world = World::start();
    let op = Operation::new(&world, "quick_operation", QUICK);
    let (answer, returned_at) = call(&world, kata::with_timeout(&op)).await;
    assert_quick(&world, answer, returned_at);
    assert_timeline!("step1_quick_operation", world);
}

#[world::step]
async fn step2_quick_operation() {
    let world = World::start();
    let op = Operation::new(&world, "quick_operation", QUICK);
    let (answer, returned_at) = call(&world, kata::stop_waiting(&op)).await;
    assert_quick(&world, answer, returned_at);
    assert_timeline!("step2_quick_operation", world);
}

#[world::step]
async fn step3_quick_operation() {
    let world = World::start();
    let op = Operation::new(&world, "quick_operation", QUICK);
    let (answer, returned_at) = call(&world, kata::stop_the_task(&op)).await;
    assert_quick(&world, answer, returned_at);
    assert_timeline!("step3_quick_operation", world);
}

/// The budget of step 4: the seed's 3 s, for the whole retry loop.
const BUDGET: Duration = Duration::from_secs(3);

/// Awaits the retry loop under `budget`, failing at once if it is still
/// running half a second after its budget: a loop with no overall deadline
/// would otherwise retry until `within` gives up at 10 s, with a message
/// about deadlocks.
async fn retry(
    world: &World,
    op: &Unreliable,
    budget: Duration,
) -> (Result<String, kata::TimedOut>, Duration) {
    let guarded = async {
        match tokio::time::timeout(budget + ms(500), kata::retry_within(op, budget)).await {
            Ok(answer) => answer,
            Err(_) => panic!(
                "one deadline for the whole retry loop: the budget is {} ms for every attempt \
                 and pause together, but yours was still retrying at {} ms ({} attempts). \
                 A timeout around each attempt does not bound the loop, and a deadline checked \
                 only between attempts does not cut the attempt in flight: put the timeout \
                 around the loop. And a std::time::Instant deadline never passes on tokio's \
                 paused clock: take deadlines from tokio::time",
                budget.as_millis(),
                (budget + ms(500)).as_millis(),
                op.attempts()
            ),
        }
    };
    call(world, guarded).await
}

fn attempt_starts(world: &World) -> Vec<Duration> {
    world
        .trace()
        .spans_of("flaky_operation")
        .iter()
        .map(|s| s.start)
        .collect()
}

#[world::step]
async fn step4_retry_gives_up() {
    let world = World::start();
    let op = Unreliable::new(&world, "flaky_operation", ms(600));

    let (answer, returned_at) = retry(&world, &op, BUDGET).await;

    assert_eq!(
        answer,
        Err(kata::TimedOut),
        "the service never recovers: the retry loop gives up with Err(TimedOut)"
    );
    assert_eq!(
        returned_at, BUDGET,
        "the deadline cuts the attempt in flight: give up at 3000 ms, the budget, not when \
         that attempt ends"
    );
    assert_eq!(
        attempt_starts(&world),
        [ms(0), ms(700), ms(1500), ms(2500)],
        "attempts of 600 ms, pauses doubling from 100 ms: attempts start at 0, 700, 1500 and \
         2500 ms"
    );
    let spans = world.trace().spans_of("flaky_operation");
    let last = spans.last().expect("four attempts");
    assert_eq!(
        (last.ending, last.end),
        (Ending::Cancelled, Some(BUDGET)),
        "the attempt in flight at the deadline is dropped at 3000 ms, but it {}",
        fate(last)
    );
    assert_eq!(
        world.trace().cleanups(),
        [(BUDGET, "flaky_operation", "rolled back the half-done work")],
        "the dropped attempt rolls back in Drop at 3000 ms"
    );
    assert_eq!(
        world.trace().finished_at(),
        BUDGET,
        "nothing runs after the deadline: the last event is at 3000 ms"
    );
    assert_timeline!("step4_retry_gives_up", world);
}

#[world::step]
async fn step4_retry_recovers() {
    let world = World::start();
    let op = Unreliable::new(&world, "flaky_operation", ms(600)).recovers_after(2);

    let (answer, returned_at) = retry(&world, &op, BUDGET).await;

    // The pauses first: a backoff doubled too early or never also moves the
    // answer, and the starts name that cause.
    assert_eq!(
        attempt_starts(&world),
        [ms(0), ms(700), ms(1500)],
        "attempts of 600 ms, pauses doubling from 100 ms: attempts start at 0, 700 and 1500 ms"
    );
    assert_eq!(
        (answer, returned_at),
        (Ok("flaky_operation done".to_owned()), ms(2100)),
        "two failures, then the third attempt (1500 ms to 2100 ms) succeeds: retry until an \
         attempt succeeds, within the budget, and return its answer at once"
    );
    assert!(
        world.trace().cleanups().is_empty(),
        "no attempt was cut short, so none rolled back"
    );
    assert_timeline!("step4_retry_recovers", world);
}

/// A budget whose deadline falls in a pause: the second attempt fails at
/// 1300 ms and the pause after it would last to 1500 ms.
const SHORT_BUDGET: Duration = Duration::from_millis(1400);

#[world::step]
async fn step4_deadline_in_a_pause() {
    let world = World::start();
    let op = Unreliable::new(&world, "flaky_operation", ms(600));

    let (answer, returned_at) = retry(&world, &op, SHORT_BUDGET).await;

    assert_eq!(
        answer,
        Err(kata::TimedOut),
        "the service never recovers: the retry loop gives up with Err(TimedOut)"
    );
    assert_eq!(
        returned_at,
        SHORT_BUDGET,
        "with a budget of 1400 ms the deadline falls in the pause after the second attempt \
         (1300 ms to 1500 ms): one deadline for attempts and pauses together cuts that pause \
         and gives up at 1400 ms. Yours gave up at {} ms: a pause slept outside the deadline \
         runs past it",
        returned_at.as_millis()
    );
    assert_eq!(
        attempt_starts(&world),
        [ms(0), ms(700)],
        "attempts of 600 ms, pauses doubling from 100 ms: attempts start at 0 and 700 ms, and \
         none after the deadline"
    );
    assert!(
        world.trace().cleanups().is_empty(),
        "the deadline cut a pause, not an attempt: nothing had to roll back"
    );
    assert_timeline!("step4_deadline_in_a_pause", world);
}
