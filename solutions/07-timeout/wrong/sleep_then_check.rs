//! Wrong: starts the work, sleeps for the limit, then checks whether it is
//! done. The caller does get Err at 3000 ms, but nothing stopped the work:
//! the spawned operation runs on to 5000 ms, long after the answer was
//! given up on.
//! expect: a dropped JoinHandle detaches its task

pub async fn with_timeout(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let task = tokio::spawn(async move { op.run().await });
    sleep(LIMIT).await;
    if task.is_finished() {
        Ok(task.await.expect("the operation's task panicked"))
    } else {
        Err(TimedOut)
    }
}
