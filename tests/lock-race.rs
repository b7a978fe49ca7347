//! Kata 10, lock race: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! The kata writes the body of ONE increment. The test runs ten of them
//! concurrently, as the seed's `gather(*[increment() for _ in range(10)])`
//! does, each on its own row of the timeline: `inc 1` .. `inc 10`.

use std::future::Future;
use std::time::Duration;

use futures::future::join_all;
#[cfg(not(feature = "reference"))]
use lock_race as kata;
#[cfg(feature = "reference")]
use lock_race_solution as kata;
use world::trace::{SpanRecord, peak_overlap};
use world::{SlowCounter, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// Runs `increment` ten times concurrently, as the rows `inc 1` .. `inc 10`.
async fn ten_at_once<F, Fut>(world: &World, increment: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = ()>,
{
    let increments = (1..=10).map(|i| world.track(format!("inc {i}"), increment()));
    within(10, join_all(increments)).await;
}

/// Each increment's first read and last write, on its own row: `None` for a
/// row that has no read, or no write that landed.
fn reads_and_writes(world: &World) -> Vec<Option<(SpanRecord, SpanRecord)>> {
    let trace = world.trace();
    (1..=10)
        .map(|i| {
            let spans = trace.spans_of(&format!("inc {i}"));
            let read = spans.iter().find(|s| s.label == "read")?;
            let write = spans.iter().rev().find(|s| s.label == "write")?;
            write.end?;
            Some((read.clone(), write.clone()))
        })
        .collect()
}

/// Each increment's read..write window: from the start of its read of the
/// counter to the end of its write, the stretch during which nobody else
/// may touch the counter.
fn windows(world: &World) -> Vec<(Duration, Duration)> {
    let trace = world.trace();
    let elsewhere = |label: &str| {
        trace
            .spans()
            .into_iter()
            .find(|s| s.label == label && !s.actor.starts_with("inc "))
            .map(|s| s.actor)
    };
    (1..=10)
        .map(|i| {
            let row = format!("inc {i}");
            let spans = trace.spans_of(&row);
            let read = spans
                .iter()
                .find(|s| s.label == "read")
                .unwrap_or_else(|| match elsewhere("read") {
                    Some(other) => panic!(
                        "{row} never read the counter itself: the reads were made on the \
                         row `{other}`, by another task. Step 2 asks each increment to read \
                         the counter and write what it read plus one, as in step 1, taking \
                         turns with the other nine through a lock it holds from the read to \
                         the write. Handing the work to one task that owns the counter (an \
                         actor) serialises too, but it is not this step's lesson (see the \
                         README's follow-up questions)"
                    ),
                    None => panic!(
                        "{row} never read the counter: an increment reads the counter, then \
                         writes what it read plus one. Counting somewhere else (an atomic in \
                         memory) and writing the count skips the read-modify-write the lock \
                         must protect: it is right only while nobody else writes the counter"
                    ),
                });
            let write = spans
                .iter()
                .rev()
                .find(|s| s.label == "write")
                .unwrap_or_else(|| panic!("{row} never wrote the counter"));
            let end = write
                .end
                .unwrap_or_else(|| panic!("the write of {row} never landed"));
            (read.start, end)
        })
        .collect()
}

/// What the counter says happened to ten increments that started from 0.
fn what_happened(value: u64) -> String {
    match value {
        0 => "the counter is still 0: no write ever landed. Was each write awaited? \
              A future that is never awaited does nothing"
            .to_owned(),
        1 => "the counter is 1: nine of the ten updates were lost. Every increment read 0 \
              before any of them had written, so each one wrote 0 + 1"
            .to_owned(),
        2..=9 => format!(
            "the counter is {value}: {lost} of the ten updates were lost. Some increments \
             read a value that another increment was about to overwrite",
            lost = 10 - value
        ),
        10 => "the counter is 10: no update was lost".to_owned(),
        _ => format!("the counter is {value}: more updates landed than the ten increments made"),
    }
}

#[world::step]
async fn step1_lost_update() {
    let world = World::start();
    let counter = SlowCounter::new(&world, 0);

    ten_at_once(&world, || kata::increment(&counter)).await;

    let value = counter.peek();
    assert_eq!(
        value,
        1,
        "{}. Step 1 reproduces the lost update on purpose: without a lock, all ten \
         increments read 0 before any of them writes, each writes 0 + 1, and nine of the \
         ten updates are lost. Read, then write the value read + 1, nothing else",
        what_happened(value)
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(100),
        "nothing makes an increment wait for another: all ten read at once (0-50 ms) \
         and write at once (50-100 ms), done at 100 ms"
    );
    assert_timeline!("step1_lost_update", world);
}

#[world::step]
async fn step2_locked() {
    let world = World::start();
    let counter = SlowCounter::new(&world, 0);
    // Clones of a SlowCounter share one value: `peek` reads what the ten
    // increments did to it, whatever `Shared` holds.
    let shared = kata::share(counter.clone());

    ten_at_once(&world, || kata::increment_shared(&shared)).await;

    let value = counter.peek();
    let advice = match value {
        0 | 10.. => String::new(),
        _ if world.trace().finished_at() <= ms(100) => {
            " No increment ever waited for another: a lock makes an increment wait only \
             if another increment holds that same lock, in a mode that shuts others out, at \
             that moment. Either each increment took a lock of its own (make one lock for all \
             ten, in share), or a lock that lets many in at once (an RwLock's read(): read \
             guards are shared, so all ten got in together; an increment writes, so it needs \
             write()), or it let go of the lock before the read (a guard dropped, a handle \
             cloned out of it): hold the one lock, exclusively, from before the read until \
             the write has landed"
                .to_owned()
        }
        _ => {
            // Told apart from the trace: an increment that wrote the instant its
            // read answered held its turn from the read to the write; if such
            // increments still overlapped, the lock let more than one in.
            let pairs = reads_and_writes(&world);
            let held_through = pairs.iter().all(|p| {
                p.as_ref()
                    .is_some_and(|(read, write)| read.end == Some(write.start))
            });
            let together = peak_overlap(
                pairs
                    .iter()
                    .flatten()
                    .map(|(read, write)| (read.start, write.end.unwrap_or(read.start))),
            );
            if held_through && together > 1 {
                format!(
                    " Each increment held its turn from its read to its write, but up to \
                     {together} increments were between their read and their write at the \
                     same time: the lock lets {together} in at once (a Semaphore with \
                     {together} permits?). Excluding the others needs a lock that admits \
                     one: a Mutex, or a Semaphore of one permit"
                )
            } else {
                " The increments waited for one another, but not from the read to the \
                 write: hold the lock from before the read until the write has landed, as \
                 one critical section"
                    .to_owned()
            }
        }
    };
    assert_eq!(value, 10, "{}.{advice}", what_happened(value));
    assert_eq!(
        peak_overlap(windows(&world)),
        1,
        "the lock must cover the whole read..write window of an increment: \
         no two increments may have read and not yet written at the same time"
    );
    let finished = world.trace().finished_at();
    if finished > ms(1000) {
        // They took turns (the overlap is 1), yet ended late: was the lock
        // left free between one increment's write and the next one's read?
        let mut turns: Vec<(Duration, Duration, usize)> = windows(&world)
            .into_iter()
            .enumerate()
            .map(|(i, (start, end))| (start, end, i + 1))
            .collect();
        turns.sort();
        let idle = turns
            .windows(2)
            .find(|pair| pair[1].0 > pair[0].1)
            .map(|pair| (pair[0].1, pair[1].0, pair[1].2));
        if let Some((freed, taken, row)) = idle {
            panic!(
                "the increments took turns, but the lock sat free between them: inc {row} \
                 began its read at {} ms, {} ms after the previous increment's write had \
                 landed ({} ms), and the ten ended at {} ms, not 10 x 100 ms = 1000 ms. The \
                 lock was polled, not awaited: a try_lock retried after a sleep (or a yield) \
                 finds it free only at its next try. Await lock(): the waiting increments \
                 queue, and the lock passes to the next one the moment the guard drops",
                taken.as_millis(),
                (taken - freed).as_millis(),
                freed.as_millis(),
                finished.as_millis()
            );
        }
    }
    assert_eq!(
        finished,
        ms(1000),
        "the lock serialises the increments: 10 x 100 ms = 1000 ms"
    );
    assert_timeline!("step2_locked", world);
}
