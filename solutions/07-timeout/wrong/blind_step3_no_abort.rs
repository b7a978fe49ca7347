//! Wrong: step 3 times out the JoinHandle by value and never aborts: the task runs on to 5000 ms.
//! Real cause: a timeout around a JoinHandle stops the waiting, not the task: abort() it
//! expect: a timeout on a JoinHandle stops only the waiting

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let handle = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, handle).await {
        Ok(joined) => Ok(joined.expect("the operation panicked")),
        Err(_) => Err(TimedOut),
    }
}
