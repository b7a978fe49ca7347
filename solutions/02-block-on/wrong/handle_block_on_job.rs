//! Wrong: waits for the job with `Handle::block_on`. On a current-thread
//! runtime only `Runtime::block_on` drives the tasks and the timers; a
//! `Handle` cannot, so the job never moves and the wait never ends.
//! expect: Handle::block_on (or futures::executor::block_on) on a JoinHandle

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api_for_job = api.clone();
    let job = runtime.spawn(async move { api_for_job.fetch_data(1).await });
    let user = runtime.block_on(api.fetch_user(1));
    runtime
        .handle()
        .block_on(job)
        .expect("the background job panicked");
    user
}
