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

/// The tokio task the first call on `row` ran in: `None` when it ran in no
/// task of its own, polled by the test's body (directly, or through a
/// `join!` or `join_all` there), which is not a task.
fn task_of(world: &World, row: &str) -> Option<tokio::task::Id> {
    let spans = world.trace().spans_of(row);
    spans
        .first()
        .unwrap_or_else(|| panic!("{row} was never called (never polled)"))
        .task
}

#[world::step]
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

#[world::step]
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

#[world::step]
async fn step3_plain_future_waits() {
    let world = World::start();
    let api = Api::new(&world);

    let (user, data) = within(10, kata::plain_future_waits(&api)).await;

    assert_eq!((user.name.as_str(), data.as_str()), ("User1", "Data 1"));
    let user_start = started(&world, "fetch_user(1)");
    assert!(
        user_start == ms(0),
        "fetch_user(1) started at {user_start:?}, after fetch_data(1): the data was awaited \
         before the user was fetched. The order of the awaits is the step: create the data \
         future, await the user, then await the data"
    );
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

#[world::step]
async fn step4_spawned_task_runs() {
    let world = World::start();
    let api = Api::new(&world);

    let (user, data) = within(10, kata::spawned_task_runs(&api)).await;

    assert_eq!((user.name.as_str(), data.as_str()), ("User1", "Data 1"));
    assert_eq!(
        started(&world, "fetch_data(1)"),
        ms(0),
        "a spawned task runs without being awaited: spawned before the user is fetched, it \
         starts at 0 ms (on this current-thread runtime, when the caller yields at the user \
         fetch's .await), even though its handle is awaited last. Spawn it first"
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "the task ran while the user was fetched: all done at 1000 ms, not 1500 ms"
    );
    // The same timeline comes from `join!(fetch_user, fetch_data)`: what
    // makes it a spawn is the task, so ask the trace where the call ran.
    let data_task = task_of(&world, "fetch_data(1)");
    assert!(
        data_task.is_some(),
        "a spawned task is a task of its own, but fetch_data(1) ran in none: your function \
         polled it itself (as join! does), so it makes progress only while your function is \
         awaited. tokio::spawn hands it to the runtime"
    );
    assert_ne!(
        data_task,
        task_of(&world, "fetch_user(1)"),
        "a spawned task is a task of its own, but fetch_data(1) ran in the same task as \
         fetch_user(1): spawn the data fetch by itself"
    );
    assert_timeline!("step4_spawned_task_runs", world);
}

#[world::step]
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
    let rows = ["fetch_data(1)", "fetch_data(2)", "fetch_data(3)"];
    let tasks = rows.map(|row| task_of(&world, row));
    for (row, task) in rows.iter().zip(&tasks) {
        assert!(
            task.is_some(),
            "each fetch_data(i) runs in a task of its own, spawned up front, but {row} ran in \
             none: your function polled it itself (as join! does) instead of spawning it"
        );
    }
    for (i, j) in [(0, 1), (0, 2), (1, 2)] {
        assert_ne!(
            tasks[i], tasks[j],
            "each fetch_data(i) runs in a task of its own, but {} and {} ran in one task: \
             one tokio::spawn per call",
            rows[i], rows[j]
        );
    }
    assert_timeline!("step5_spawn_three_gather_two", world);
}
