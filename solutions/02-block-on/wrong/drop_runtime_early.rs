//! Wrong: returns as soon as the user is there. The runtime is dropped on
//! return, with the background job still waiting at its `.await`: the job
//! is dropped, half done, and never finishes.
//! expect: dropped at shutdown

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api_for_job = api.clone();
    runtime.spawn(async move { api_for_job.fetch_data(1).await });
    runtime.block_on(api.fetch_user(1))
}
