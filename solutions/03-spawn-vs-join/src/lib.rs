//! # Kata 03: spawn vs join (the reference answer)
//!
//! > `create_task` vs `gather`: what is the difference?
//!
//! `join!` (Python's `gather`) polls several futures inside the task that
//! awaits it: they wait concurrently, and nothing starts before the `join!`
//! is awaited. `tokio::spawn` (Python's `create_task`) hands a future to the
//! runtime as a task of its own: it runs whether or not anyone awaits its
//! `JoinHandle`, from the spawner's next yield (on this current_thread
//! runtime; not inside `spawn` itself).

use world::{Api, Post, User};

/// Step 1: the user, then the post, one after the other.
pub async fn one_after_another(api: &Api) -> (User, Post) {
    let user = api.fetch_user(1).await;
    let post = api.fetch_post(1).await;
    (user, post)
}

/// Step 2: the user and the post at the same time, as `gather` does.
pub async fn gather(api: &Api) -> (User, Post) {
    // Both futures are polled by this one task; while one waits, the other
    // runs. Concurrent, not parallel: one thread would do.
    tokio::join!(api.fetch_user(1), api.fetch_post(1))
}

/// Step 3: create the data future first, fetch the user, then await the data.
pub async fn plain_future_waits(api: &Api) -> (User, String) {
    // Creating a future runs none of its body: `fetch_data(1)` starts only
    // when it is first polled, by the `.await` below.
    let data = api.fetch_data(1);
    let user = api.fetch_user(1).await;
    (user, data.await)
}

/// Step 4: the same, but the data fetch is spawned as a task first.
pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    // A spawned task must own what it uses (`'static`): it gets its own
    // handle on the API, and may outlive this function.
    let api_for_task = api.clone();
    let data = tokio::spawn(async move { api_for_task.fetch_data(1).await });
    let user = api.fetch_user(1).await;
    // The task has been running since the spawn; this only collects it.
    // A task that panicked comes back as `Err(JoinError)`.
    (user, data.await.expect("the data task panicked"))
}

/// Step 5: the seed's mix: three tasks spawned up front, the first two
/// gathered, the third awaited afterwards.
pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let [task1, task2, task3] = [1, 2, 3].map(|id| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(id).await })
    });
    let (first, second) = tokio::join!(task1, task2);
    let first_two = vec![
        first.expect("task 1 panicked"),
        second.expect("task 2 panicked"),
    ];
    // Task 3 ran while the first two were awaited: it is done already.
    let third = task3.await.expect("task 3 panicked");
    (first_two, third)
}
