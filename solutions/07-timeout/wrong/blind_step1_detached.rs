//! Wrong: step 1 spawns the operation and times out the JoinHandle: the caller answers at 3 s but the work runs on.
//! Real cause: a dropped JoinHandle detaches its task; the work is not cancelled nor rolled back
//! expect: a dropped JoinHandle detaches its task

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let handle = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, handle).await {
        Ok(joined) => Ok(joined.expect("the operation panicked")),
        Err(_) => Err(TimedOut),
    }
}
