//! # Kata 04: join errors (the reference answer)
//!
//! > One task fails. What happens to the others? What is return_exceptions in tokio?
//!
//! It depends on how they were gathered. `try_join!` returns the first error
//! and drops the other futures on the spot: they are cancelled where they
//! were waiting. `join!` over `Result`s keeps every outcome, errors included:
//! that is Python's `gather(..., return_exceptions=True)`. Spawned tasks are
//! different again: a panicking task comes back as `Err(JoinError)` while
//! its siblings go on, and a task whose `JoinHandle` is dropped keeps
//! running (it is detached, not cancelled) unless it is aborted.

use tokio::task::{JoinError, JoinHandle};
use world::{ApiError, FlakyApi, Post, User};

/// What awaiting a spawned `fetch_user` gives: the task's own `Result`,
/// inside the `Result` that says whether the task finished at all.
pub type Joined = Result<Result<User, ApiError>, JoinError>;

/// Step 1: the seed's two gathers: the user and the post, then users 2 and
/// 3 with every outcome kept.
pub async fn seed(api: &FlakyApi) -> Result<((User, Post), [Result<User, ApiError>; 2]), ApiError> {
    // `gather` without return_exceptions: the first error is the answer.
    let first = tokio::try_join!(api.fetch_user(1), api.fetch_post(1))?;
    // `gather(..., return_exceptions=True)`: both outcomes, whatever they are.
    let (user2, user3) = tokio::join!(api.fetch_user(2), api.fetch_user(3));
    Ok((first, [user2, user3]))
}

/// Step 2: the user and the post; the first error is the answer, and the
/// other call is not waited for.
pub async fn fail_fast(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    // Both start at once. The first `Err` ends the `try_join!`, which drops
    // the other future: that call is cancelled where it was waiting.
    tokio::try_join!(api.fetch_user(user_id), api.fetch_post(post_id))
}

/// Step 3: the user and the post, every outcome kept, as
/// `return_exceptions=True` does.
pub async fn keep_every_outcome(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> (Result<User, ApiError>, Result<Post, ApiError>) {
    // `join!` does not look inside the `Result`s: an error is one more
    // output, and the other call runs on to its own end.
    tokio::join!(api.fetch_user(user_id), api.fetch_post(post_id))
}

/// Step 4: every user in a task of its own; every outcome, panics included,
/// in the order of `ids`.
pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let mut tasks = tokio::task::JoinSet::new();
    // Which slot of the answer each task fills, by task id.
    let mut slots = std::collections::HashMap::new();
    for (slot, &id) in ids.iter().enumerate() {
        let api = api.clone();
        let task = tasks.spawn(async move { api.fetch_user(id).await });
        slots.insert(task.id(), slot);
    }
    let mut outcomes: Vec<Option<Joined>> = ids.iter().map(|_| None).collect();
    // Drain the set, in the order the tasks finish. A task that panicked
    // comes back as `Err(JoinError)` and takes no one with it; it returns
    // no value to tag, but the error still knows its task's id.
    while let Some(joined) = tasks.join_next_with_id().await {
        let (task, outcome) = match joined {
            Ok((task, result)) => (task, Ok(result)),
            Err(error) => (error.id(), Err(error)),
        };
        outcomes[slots[&task]] = Some(outcome);
    }
    outcomes
        .into_iter()
        .map(|outcome| outcome.expect("every task was joined"))
        .collect()
}

/// Step 5: the user and the post in spawned tasks; the first error is the
/// answer, and the other task is stopped, not left running.
pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let mut user = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_user(user_id).await }
    });
    let mut post = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_post(post_id).await }
    });
    let both = tokio::try_join!(answer(&mut user), answer(&mut post));
    // `try_join!` dropped only the futures that awaited the handles. The
    // tasks themselves are detached, not cancelled: stop them. (Aborting a
    // finished task does nothing.)
    user.abort();
    post.abort();
    both
}

/// A spawned call's own `Result`; a panic in the task is passed on.
async fn answer<T>(task: &mut JoinHandle<Result<T, ApiError>>) -> Result<T, ApiError> {
    match task.await {
        Ok(result) => result,
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}
