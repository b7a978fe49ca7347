//! Wrong: instead of blocking on the job's `JoinHandle`, blocks on a 500 ms
//! sleep, long enough by the clock. The job's timer is due at 1000 ms, but
//! the task is polled again only after the sleep's `block_on` has returned,
//! so the runtime is dropped with the job still at its `.await`.
//! expect: the runtime was dropped with fetch_data(1) still running

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api2 = api.clone();
    let _job = runtime.spawn(async move { api2.fetch_data(1).await });
    let user = runtime.block_on(api.fetch_user(1));
    runtime.block_on(async {
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    });
    user
}
