//! Wrong: spawns the job only after the user is fetched, so it runs from
//! 500 ms to 1500 ms instead of beside the user call.
//! expect: the job is spawned before the user is fetched

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api2 = api.clone();
    let user = runtime.block_on(api.fetch_user(1));
    let job = runtime.spawn(async move { api2.fetch_data(1).await });
    runtime.block_on(job).expect("job panicked");
    user
}
