//! Wrong: runs the job on a runtime of its own, in a thread of its own, and
//! joins the thread: the job is no task of the runtime `sync_main` was
//! handed (nor on its paused clock).
//! expect: fetch_data(1) ran on another thread, not on the runtime sync_main was handed

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api2 = api.clone();
    let job = std::thread::spawn(move || {
        Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime")
            .block_on(async move { api2.fetch_data(1).await })
    });
    let user = runtime.block_on(api.fetch_user(1));
    job.join().expect("job panicked");
    user
}
