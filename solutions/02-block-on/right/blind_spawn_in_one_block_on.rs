//! Right: step 4 spawns the call as a task and awaits its `JoinHandle`;
//! step 5 does all its async work inside one `block_on`, the job spawned
//! with `tokio::spawn` there and awaited last.

pub async fn handler(api: &Api) -> User {
    let api = api.clone();
    tokio::spawn(async move { api.fetch_user(1).await })
        .await
        .expect("task panicked")
}

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api = api.clone();
    let api2 = api.clone();
    runtime.block_on(async move {
        let job = tokio::spawn(async move { api2.fetch_data(1).await });
        let user = api.fetch_user(1).await;
        job.await.expect("job panicked");
        user
    })
}
