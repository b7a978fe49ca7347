//! Right: runs `asyncio.run`'s main inside a `LocalSet`, so that main may
//! `spawn_local` tasks that are not `Send`; and in step 5 spawns the job
//! through the runtime's `Handle`, then joins it with the user fetch in one
//! `block_on`.

pub fn run<F: Future>(main: F) -> F::Output {
    let runtime = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("cannot build the runtime");
    tokio::task::LocalSet::new().block_on(&runtime, main)
}

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api_for_job = api.clone();
    let job = runtime
        .handle()
        .spawn(async move { api_for_job.fetch_data(1).await });
    let (user, job) = runtime.block_on(async { tokio::join!(api.fetch_user(1), job) });
    job.expect("the background job panicked");
    user
}
