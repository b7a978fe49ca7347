//! Wrong: step 2 spawns, times out the wait at 3 s, but then awaits the handle to the end before answering Err: the caller returns at 5000 ms, not 3000 ms.
//! Real cause: the caller must stop waiting at the limit; awaiting the handle after the timeout defeats it
//! expect: the caller stops waiting at the limit

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut handle = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, &mut handle).await {
        Ok(joined) => Ok(joined.expect("panicked")),
        Err(_) => {
            let _ = handle.await; // make sure the work finished
            Err(TimedOut)
        }
    }
}
