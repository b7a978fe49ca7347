//! Wrong: step 2 spawns the sleep into a task and does not await its handle: the handler returns at 0 ms while the sleep runs detached.
//! Real cause: dropping a JoinHandle detaches the task; the handler did not wait
//! expect: a tokio::spawn whose JoinHandle is dropped is detached

pub async fn rate_limited_handler() {
    let _detached = tokio::spawn(tokio::time::sleep(Duration::from_secs(1)));
}
