//! # Kata 03: spawn vs join
//!
//! > `create_task` vs `gather`: what is the difference?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p spawn-vs-join` checks them, and draws what ran when.
//!
//! Every function gets a handle on the simulated API. Its calls take virtual
//! time: `fetch_user` 500 ms, `fetch_post` 300 ms, `fetch_data` 1 s.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use world::{Api, Post, User};

/// Step 1: the user, then the post, one after the other.
pub async fn one_after_another(api: &Api) -> (User, Post) {
    todo!("step 1: await fetch_user(1), then fetch_post(1); see README step 1")
}

/// Step 2: the user and the post at the same time, as `gather` does.
pub async fn gather(api: &Api) -> (User, Post) {
    todo!("step 2: fetch the user and the post concurrently; see README step 2")
}

/// Step 3: create the data future first, fetch the user, then await the data.
pub async fn plain_future_waits(api: &Api) -> (User, String) {
    todo!("step 3: create fetch_data(1), await fetch_user(1), then the data; see README step 3")
}

/// Step 4: the same, but the data fetch is spawned as a task first.
pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    todo!("step 4: spawn fetch_data(1), await fetch_user(1), then the task; see README step 4")
}

/// Step 5: the seed's mix: three tasks spawned up front, the first two
/// gathered, the third awaited afterwards.
pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    todo!("step 5: spawn three fetch_data tasks, join two, then await the third; see README step 5")
}
