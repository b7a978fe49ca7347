//! Right: `run` configures a builder in place before building; the handler
//! awaits a `JoinSet` of one; `sync_main` spawns the job into a `JoinSet`
//! through `runtime.handle()` and drains it inside the same `block_on` that
//! fetches the user.

pub fn run<F: Future>(main: F) -> F::Output {
    let mut builder = Builder::new_current_thread();
    builder.enable_all();
    let rt = builder.build().expect("runtime");
    rt.block_on(main)
}

pub async fn handler(api: &Api) -> User {
    let mut set = tokio::task::JoinSet::new();
    let api = api.clone();
    set.spawn(async move { api.fetch_user(1).await });
    set.join_next()
        .await
        .expect("one task")
        .expect("task panicked")
}

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let mut jobs = tokio::task::JoinSet::new();
    let api2 = api.clone();
    jobs.spawn_on(async move { api2.fetch_data(1).await }, runtime.handle());
    runtime.block_on(async {
        let user = api.fetch_user(1).await;
        while let Some(done) = jobs.join_next().await {
            done.expect("job panicked");
        }
        user
    })
}
