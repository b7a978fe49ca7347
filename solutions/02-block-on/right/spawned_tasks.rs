//! Right: reaches the runtime through a `Handle` instead of blocking on
//! it: step 4 spawns the call on `Handle::current()` and awaits the
//! `JoinHandle`; step 5 does all its async work inside one `block_on`,
//! spawning the job with `tokio::spawn` there.

pub async fn handler(api: &Api) -> User {
    let api = api.clone();
    tokio::runtime::Handle::current()
        .spawn(async move { api.fetch_user(1).await })
        .await
        .expect("the user task panicked")
}

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    runtime.block_on(async {
        let api_for_job = api.clone();
        let job = tokio::spawn(async move { api_for_job.fetch_data(1).await });
        let user = api.fetch_user(1).await;
        job.await.expect("the background job panicked");
        user
    })
}
