//! Wrong: step 2 spawns the work, sleeps LIMIT, then answers Ok if the task is finished, else Err: not a timeout, the caller always waits 3 s even when the work is fast (only a 5 s operation is tested).
//! Real cause: not a race between the work and a timer; a fast operation would still cost LIMIT
//! expect: sleeping LIMIT and then looking whether the work is done is no timeout

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let handle = tokio::spawn(async move { op.run().await });
    sleep(LIMIT).await;
    if handle.is_finished() {
        Ok(handle.await.expect("panicked"))
    } else {
        Err(TimedOut)
    }
}
