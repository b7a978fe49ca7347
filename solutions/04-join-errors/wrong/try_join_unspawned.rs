//! Wrong: `try_join!` on the calls themselves, as in step 2. The timeline
//! is the one asked for, but nothing was spawned: the calls run in the
//! caller's task, so they can never run on another core, and step 5 is
//! about stopping tasks that can outlive their caller.
//! expect: each call runs in a spawned task, but fetch_user(1) ran in none

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    tokio::try_join!(api.fetch_user(user_id), api.fetch_post(post_id))
}
