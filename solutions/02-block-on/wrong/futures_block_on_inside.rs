//! Wrong: dodges tokio's check with `futures::executor::block_on`. It does
//! not panic: it blocks the runtime's only thread, waiting for a timer
//! that only that thread could fire. A deadlock, stopped by the watchdog.
//! expect: never came back to the scheduler

pub async fn handler(api: &Api) -> User {
    futures::executor::block_on(api.fetch_user(1))
}
