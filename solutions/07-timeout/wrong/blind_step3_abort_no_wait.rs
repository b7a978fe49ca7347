//! Wrong: step 3 aborts the task but returns without awaiting it: abort only asks; the caller answers before the task is really dropped.
//! Real cause: abort() is a request: await the handle (cancelled JoinError) to know the rollback happened
//! expect: abort() only asks

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
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
