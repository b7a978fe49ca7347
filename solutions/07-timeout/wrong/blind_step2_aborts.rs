//! Wrong: step 2 copies step 3: spawns, times out &mut handle and aborts the task, so the work does not finish.
//! Real cause: step 2 must leave the task running (asyncio.shield): no abort
//! expect: stop the waiting, not the work

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut handle = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, &mut handle).await {
        Ok(joined) => Ok(joined.expect("the operation panicked")),
        Err(_) => {
            handle.abort();
            Err(TimedOut)
        }
    }
}
