//! Wrong: on timeout, drops the `JoinHandle` explicitly, as if dropping it
//! cancelled the task (as dropping a future does). A task belongs to the
//! runtime: dropping its handle detaches it, and it runs on to 5000 ms.
//! `abort()` is what stops it.
//! expect: dropping the handle detaches the task

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut task = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, &mut task).await {
        Ok(joined) => Ok(joined.expect("the operation's task panicked")),
        Err(_elapsed) => {
            drop(task);
            Err(TimedOut)
        }
    }
}
