//! Wrong: waits for the job with `shutdown_timeout(2 s)`, which waits for
//! blocking threads, not tasks: the job is dropped at shutdown, at 500 ms.
//! expect: dropped at shutdown

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api2 = api.clone();
    let _job = runtime.spawn(async move { api2.fetch_data(1).await });
    let user = runtime.block_on(api.fetch_user(1));
    runtime.shutdown_timeout(std::time::Duration::from_secs(2));
    user
}
