//! Wrong: step 3 times out the JoinHandle and drops it, thinking that cancels the task (as Python wait_for does): the task runs on to 5000 ms.
//! Real cause: dropping a JoinHandle detaches its task; abort() it
//! expect: a timeout on a JoinHandle stops only the waiting

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let handle = tokio::spawn(async move { op.run().await });
    match timeout(LIMIT, handle).await {
        Ok(joined) => Ok(joined.expect("panicked")),
        Err(_) => Err(TimedOut),
    }
}
