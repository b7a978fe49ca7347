//! Right: `run` drives main inside a `LocalSet`; `tokio_main` turns the
//! drivers on one by one; the handler awaits a `join!` of one call; and
//! `sync_main` spawns the job with `tokio::spawn` under `runtime.enter()`,
//! then fetches the user and awaits the job inside one `block_on`.

pub fn run<F: Future>(main: F) -> F::Output {
    let rt = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(&rt, main)
}

pub fn tokio_main<F: Future>(main: F) -> F::Output {
    Builder::new_multi_thread()
        .enable_io()
        .enable_time()
        .build()
        .expect("Failed building the Runtime")
        .block_on(main)
}

pub async fn handler(api: &Api) -> User {
    let (user,) = tokio::join!(api.fetch_user(1));
    user
}

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let job = {
        let _inside = runtime.enter();
        let api2 = api.clone();
        tokio::spawn(async move { api2.fetch_data(1).await })
    };
    runtime.block_on(async {
        let user = api.fetch_user(1).await;
        job.await.expect("job panicked");
        user
    })
}
