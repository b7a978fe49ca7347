//! Kata 03, spawn vs join: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

use std::time::Duration;

#[cfg(not(feature = "reference"))]
use spawn_vs_join as kata;
#[cfg(feature = "reference")]
use spawn_vs_join_solution as kata;
use world::{Api, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// When the first call on `row` started, or a message saying it never did.
fn started(world: &World, row: &str) -> Duration {
    let spans = world.trace().spans_of(row);
    spans
        .first()
        .unwrap_or_else(|| panic!("{row} was never called (never polled)"))
        .start
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn step1_one_after_another() {
    let world = World::start();
    let api = Api::new(&world);

    let (user, post) = within(10, kata::one_after_another(&api)).await;

    assert_eq!(
        (user.name.as_str(), post.title.as_str()),
        ("User1", "Post1")
    );
    assert_eq!(
        started(&world, "fetch_post(1)"),
        ms(500),
        "one after the other: fetch_post(1) starts when fetch_user(1) is done, at 500 ms"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(800),
        "sequential awaits take the sum of the calls: 500 + 300 = 800 ms"
    );
    assert_timeline!("step1_one_after_another", world);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn step2_gather() {
    let world = World::start();
    let api = Api::new(&world);

    let (user, post) = within(10, kata::gather(&api)).await;

    assert_eq!(
        (user.name.as_str(), post.title.as_str()),
        ("User1", "Post1")
    );
    assert_eq!(
        (
            started(&world, "fetch_user(1)"),
            started(&world, "fetch_post(1)")
        ),
        (ms(0), ms(0)),
        "gathered calls run concurrently: both start at 0 ms"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(500),
        "gathered calls take as long as the slowest (500 ms), not the sum (800 ms)"
    );
    assert_timeline!("step2_gather", world);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn step3_plain_future_waits() {
    let world = World::start();
    let api = Api::new(&world);

    let (user, data) = within(10, kata::plain_future_waits(&api)).await;

    assert_eq!((user.name.as_str(), data.as_str()), ("User1", "Data 1"));
    assert_eq!(
        started(&world, "fetch_data(1)"),
        ms(500),
        "a future is lazy: fetch_data(1) does not start when created, only when \
         first awaited, after the user (500 ms)"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1500),
        "an unspawned future waits its turn: 500 ms for the user, then 1000 ms of data"
    );
    assert_timeline!("step3_plain_future_waits", world);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn step4_spawned_task_runs() {
    let world = World::start();
    let api = Api::new(&world);

    let (user, data) = within(10, kata::spawned_task_runs(&api)).await;

    assert_eq!((user.name.as_str(), data.as_str()), ("User1", "Data 1"));
    assert_eq!(
        started(&world, "fetch_data(1)"),
        ms(0),
        "a spawned task starts at once, at 0 ms, even though its handle is awaited later"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "the task ran while the user was fetched: all done at 1000 ms, not 1500 ms"
    );
    assert_timeline!("step4_spawned_task_runs", world);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn step5_spawn_three_gather_two() {
    let world = World::start();
    let api = Api::new(&world);

    let (first_two, third) = within(10, kata::spawn_three_gather_two(&api)).await;

    assert_eq!(
        first_two,
        ["Data 1", "Data 2"],
        "the first two results, in order"
    );
    assert_eq!(third, "Data 3");
    assert_eq!(
        started(&world, "fetch_data(3)"),
        ms(0),
        "all three tasks are spawned up front: task 3 starts at 0 ms, not after the first two"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "three 1 s tasks running concurrently are all done at 1000 ms"
    );
    assert_timeline!("step5_spawn_three_gather_two", world);
}
