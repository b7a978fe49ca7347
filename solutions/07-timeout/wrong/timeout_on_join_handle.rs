//! Wrong: puts the timeout around the `JoinHandle`, believing that stops the
//! task. It stops the waiting only: the timeout drops the handle, and a
//! dropped handle detaches its task, which runs on to 5000 ms.
//! expect: a timeout on a JoinHandle stops only the waiting

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let task = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, task).await {
        Ok(joined) => Ok(joined.expect("the operation's task panicked")),
        Err(_elapsed) => Err(TimedOut),
    }
}
