//! Wrong: ignores the runtime it is handed, drops it, and builds its own
//! with `run`: another runtime with another clock (not paused), so the
//! calls take real time and none on the program's clock.
//! expect: it ran on another runtime, one sync_main built itself

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api = api.clone();
    let api2 = api.clone();
    drop(runtime);
    run(async move {
        let job = tokio::spawn(async move { api2.fetch_data(1).await });
        let user = api.fetch_user(1).await;
        job.await.expect("job panicked");
        user
    })
}
