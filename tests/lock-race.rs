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
use tokio::sync::Mutex;
use world::trace::peak_overlap;
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

/// Each increment's read..write window: from the start of its read of the
/// counter to the end of its write, the stretch during which nobody else
/// may touch the counter.
fn windows(world: &World) -> Vec<(Duration, Duration)> {
    let trace = world.trace();
    (1..=10)
        .map(|i| {
            let row = format!("inc {i}");
            let spans = trace.spans_of(&row);
            let read = spans
                .iter()
                .find(|s| s.label == "read")
                .unwrap_or_else(|| panic!("{row} never read the counter"));
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

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn step1_lost_update() {
    let world = World::start();
    let counter = SlowCounter::new(&world, 0);

    ten_at_once(&world, || kata::increment(&counter)).await;

    assert_eq!(
        counter.peek(),
        1,
        "the lost update: without a lock all ten increments read 0 before any of them \
         wrote, so each wrote 0 + 1 and nine of the ten updates were lost"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(100),
        "nothing makes an increment wait for another: all ten read at once (0-50 ms) \
         and write at once (50-100 ms), done at 100 ms"
    );
    assert_timeline!("step1_lost_update", world);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn step2_locked() {
    let world = World::start();
    let counter = SlowCounter::new(&world, 0);
    let locked = Mutex::new(counter.clone());

    ten_at_once(&world, || kata::increment_locked(&locked)).await;

    assert_eq!(
        counter.peek(),
        10,
        "no update lost: with the lock held from the read to the write, \
         ten increments must give 10"
    );
    assert_eq!(
        peak_overlap(windows(&world)),
        1,
        "the lock must cover the whole read..write window of an increment: \
         no two increments may have read and not yet written at the same time"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "the lock serialises the increments: 10 x 100 ms = 1000 ms"
    );
    assert_timeline!("step2_locked", world);
}
