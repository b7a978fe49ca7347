//! Wrong: `spawn_blocking` + `Handle::block_on` (the README warns of it)
//! is the way for sync code to get an async result, and works on a real
//! clock, but inside async code it is a detour: `.await` the call. Under the
//! paused clock tokio holds time still while a `spawn_blocking` task runs,
//! so the 500 ms call never ends and the watchdog stops the test.
//! expect: spawn_blocking` closure that waits for a tokio timer

pub async fn handler(api: &Api) -> User {
    let handle = tokio::runtime::Handle::current();
    let api = api.clone();
    tokio::task::spawn_blocking(move || handle.block_on(api.fetch_user(1)))
        .await
        .expect("blocking task panicked")
}
