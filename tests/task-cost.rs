//! Kata 14, task cost: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! The bytes a task costs are counted, not guessed from the process's
//! memory: `allocation-counter` puts a counting global allocator in this
//! test binary, and counts per thread. Each test runs on a current-thread
//! runtime, on its own libtest thread, so what it counts is its own
//! allocations only, whatever the other tests do meanwhile: the same figures
//! run after run. What is counted is what the kata's own polls allocate:
//! its first poll (the moment its tasks are spawned, or its futures built
//! and first polled), and the most it held at once over the whole run.

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

use allocation_counter::{AllocationInfo, measure};
#[cfg(not(feature = "reference"))]
use task_cost as kata;
#[cfg(feature = "reference")]
use task_cost_solution as kata;
use world::{Batch, World, assert_timeline, within};

/// Ten thousand requests, as in the question.
const N: u32 = 10_000;

/// Each request waits 100 ms (I/O, not computing).
fn batch(world: &World) -> Batch {
    Batch::new(world, Duration::from_millis(100))
}

/// What the kata's own polls allocated.
#[derive(Clone, Copy, Debug, Default)]
struct Counted {
    /// Its first poll: the tasks it spawned (not run yet), or the futures
    /// it built and polled once, as they stand when that poll returns.
    first: AllocationInfo,
    /// The most bytes its polls held at once over the whole run.
    peak_held: i64,
}

/// Awaits `fut` under [`within`], counting the allocations of each of its
/// polls. A task's cell is allocated by the `spawn` (in the kata's poll) and
/// freed when both the task and its `JoinHandle` are done with it: memory
/// kept by handles that wait to be awaited counts as held.
async fn run_counted<F: Future>(fut: F) -> (F::Output, Counted) {
    let mut fut = pin!(fut);
    let mut counted: Option<Counted> = None;
    let mut held = 0i64;
    let counting = poll_fn(|cx| {
        let mut poll = Poll::Pending;
        let info = measure(|| poll = fut.as_mut().poll(cx));
        let seen = counted.get_or_insert(Counted {
            first: info,
            peak_held: 0,
        });
        seen.peak_held = seen.peak_held.max(held + info.bytes_max as i64);
        held += info.bytes_current;
        poll
    });
    let output = within(10, counting).await;
    (output, counted.unwrap_or_default())
}

/// Bytes held per item after the first poll.
fn per_item(counted: &Counted, n: u32) -> u64 {
    counted.first.bytes_current.max(0) as u64 / u64::from(n)
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

#[world::step]
async fn step1_spawn_each() {
    let world = World::start();
    let batch = batch(&world);

    let (answers, spawned) = run_counted(kata::spawn_each(&batch, N)).await;

    assert_eq!(
        answers,
        (1..=N).collect::<Vec<_>>(),
        "every answer, in id order"
    );
    assert_eq!(
        batch.peak_tasks(),
        N as usize,
        "one task per request, all spawned before any is awaited: 10,000 tasks alive at once"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(100),
        "10,000 tasks that wait all wait at once: all done at 100 ms"
    );
    let per_task = per_item(&spawned, N);
    assert!(
        (128..=1024).contains(&per_task),
        "a tokio task is a few hundred bytes (the future in one cell with the task's header); \
         spawning held {per_task} bytes per request"
    );
    assert!(
        spawned.first.count_current <= 2 * i64::from(N) + 64,
        "a spawn is one allocation (two with a JoinSet's entry), but {} allocations were held \
         for 10,000 tasks: a future boxed before spawn is a second allocation per task",
        spawned.first.count_current
    );
    assert_timeline!("step1_spawn_each", world);
}

#[world::step]
async fn step2_join_each() {
    let world = World::start();
    let batch = batch(&world);

    let (answers, joined) = run_counted(kata::join_each(&batch, N)).await;

    assert_eq!(
        answers,
        (1..=N).collect::<Vec<_>>(),
        "every answer, in id order"
    );
    assert_eq!(
        batch.peak_tasks(),
        0,
        "plain futures joined are polled inside the caller: no task at all, none spawned"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(100),
        "joined futures wait at once, as tasks do: all done at 100 ms"
    );
    assert!(
        joined.first.count_current <= i64::from(N) + 64,
        "join_all holds one allocation per future at most (none for 30 or fewer), but {} \
         allocations were held for 10,000 futures: boxing each future (Box::pin, BoxFuture) \
         before join_all boxes it twice",
        joined.first.count_current
    );
    let per_future = per_item(&joined, N);
    assert!(
        per_future < 384,
        "a joined future costs less than a task (384 bytes of cell here: no header, no \
         scheduler, no JoinHandle), but it held {per_future} bytes per request"
    );
    assert_timeline!("step2_join_each", world);
}

/// The bound of step 3.
const LIMIT: usize = 1000;

#[world::step]
async fn step3_bounded() {
    let world = World::start();
    let batch = batch(&world);

    let (mut answers, counted) = run_counted(kata::bounded(&batch, N, LIMIT)).await;

    answers.sort_unstable();
    assert_eq!(
        answers,
        (1..=N).collect::<Vec<_>>(),
        "every answer (in any order)"
    );
    assert!(
        batch.peak_in_flight() <= LIMIT,
        "at most 1000 requests in flight, but {} were at once: bound the work in flight",
        batch.peak_in_flight()
    );
    assert!(
        batch.peak_tasks() <= LIMIT,
        "at most 1000 tasks alive, but {} were at once: a task waiting for a permit still \
         costs its memory; spawn the next request only when one finishes",
        batch.peak_tasks()
    );
    let held = counted.peak_held;
    assert!(
        held <= i64::from(N) * 100,
        "the memory held grows with the limit (1000), not with the 10,000 requests, but it \
         reached {held} bytes: over 100 bytes per request. Create each task or future only \
         when its turn comes, and keep no JoinHandle of a finished task"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "1000 at a time, 100 ms each: ten waves, all done at 1000 ms"
    );
    assert_timeline!("step3_bounded", world);
}
