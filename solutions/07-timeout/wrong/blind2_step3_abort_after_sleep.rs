//! Wrong: step 3 sleeps LIMIT, then aborts and awaits the task, ignoring a task that might finish first (always waits 3 s). Here the op takes 5 s so the timeline matches; the step itself is fine for this input.
//! Real cause: not a timeout: a fast task would still make the caller wait LIMIT (untestable with only a 5 s op)
//! expect: sleeping LIMIT and then looking whether the work is done is no timeout

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let handle = tokio::spawn(async move { op.run().await });
    sleep(LIMIT).await;
    if handle.is_finished() {
        return Ok(handle.await.expect("panicked"));
    }
    handle.abort();
    let _ = handle.await;
    Err(TimedOut)
}
