//! # Kata 04: join errors
//!
//! > One task fails. What happens to the others? What is return_exceptions in tokio?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p join-errors` checks them, and draws what ran when.
//!
//! Every function gets a handle on the simulated API whose calls can fail.
//! Its calls take virtual time, `fetch_user` 500 ms and `fetch_post` 300 ms,
//! and then answer `Ok`, except two ids: 404 is not found (the call returns
//! `Err(ApiError::NotFound)`), and 13 trips a bug (the call panics).

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use tokio::task::JoinError;
use world::{ApiError, FlakyApi, Post, User};

/// What awaiting a spawned `fetch_user` gives: the task's own `Result`,
/// inside the `Result` that says whether the task finished at all.
pub type Joined = Result<Result<User, ApiError>, JoinError>;

/// Step 1: the seed's two gathers: the user and the post, then users 2 and
/// 3 with every outcome kept.
pub async fn seed(api: &FlakyApi) -> Result<((User, Post), [Result<User, ApiError>; 2]), ApiError> {
    todo!(
        "step 1: gather user 1 and post 1, then users 2 and 3 keeping both outcomes; see README step 1"
    )
}

/// Step 2: the user and the post; the first error is the answer, and the
/// other call is not waited for.
pub async fn fail_fast(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    todo!("step 2: both calls at once, the first error returned at once; see README step 2")
}

/// Step 3: the user and the post, every outcome kept, as
/// `return_exceptions=True` does.
pub async fn keep_every_outcome(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> (Result<User, ApiError>, Result<Post, ApiError>) {
    todo!("step 3: both calls at once, both outcomes kept; see README step 3")
}

/// Step 4: every user in a task of its own; every outcome, panics included,
/// in the order of `ids`.
pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    todo!("step 4: spawn one task per id, collect every outcome in order; see README step 4")
}

/// Step 5: the user and the post in spawned tasks; the first error is the
/// answer, and the other task is stopped, not left running.
pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    todo!(
        "step 5: spawn both calls, return the first error and abort the other task; see README step 5"
    )
}
