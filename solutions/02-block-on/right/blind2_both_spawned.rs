//! Right: the handler awaits a boxed call; `sync_main` spawns the user call
//! as a task too, and blocks on the two `JoinHandle`s in turn, the user's
//! first, then drops the runtime itself.

pub async fn handler(api: &Api) -> User {
    let call: std::pin::Pin<Box<dyn Future<Output = User> + Send + '_>> =
        Box::pin(api.fetch_user(1));
    call.await
}

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let a = api.clone();
    let b = api.clone();
    let job = runtime.spawn(async move { a.fetch_data(1).await });
    let user_task = runtime.spawn(async move { b.fetch_user(1).await });
    let user = runtime.block_on(user_task).expect("user task panicked");
    runtime.block_on(job).expect("job panicked");
    drop(runtime);
    user
}
