//! Wrong: believes `shutdown_timeout` waits for the tasks. It waits for
//! `spawn_blocking` threads; tasks are dropped at once, at their `.await`,
//! the same as when the runtime is dropped.
//! expect: dropped at shutdown

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api_for_job = api.clone();
    runtime.spawn(async move { api_for_job.fetch_data(1).await });
    let user = runtime.block_on(api.fetch_user(1));
    runtime.shutdown_timeout(std::time::Duration::from_secs(10));
    user
}
