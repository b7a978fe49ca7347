//! Wrong: step 1 spawns the operation and times out its JoinHandle: the caller gets Err at 3000 ms but the work goes on to 5000 ms (the step says the work stops).
//! Real cause: a timeout around a JoinHandle drops only the handle: the task is detached and runs on
//! expect: a dropped JoinHandle detaches its task

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let handle = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, handle).await {
        Ok(joined) => Ok(joined.expect("panicked")),
        Err(_) => Err(TimedOut),
    }
}
