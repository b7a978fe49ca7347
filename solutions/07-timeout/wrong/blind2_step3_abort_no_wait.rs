//! Wrong: step 3 aborts the task but returns at once without awaiting it: the rollback happens after stop_the_task returned.
//! Real cause: abort() only asks; await the handle so the task is dropped (rolled back) before returning
//! expect: abort() only asks

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let mut handle = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, &mut handle).await {
        Ok(joined) => Ok(joined.expect("panicked")),
        Err(_) => {
            handle.abort();
            Err(TimedOut)
        }
    }
}
