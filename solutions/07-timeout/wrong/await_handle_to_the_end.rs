//! Wrong: spawns the work, then awaits its handle with no limit. The work
//! does finish, but the caller waits the full 5 s for it: spawning alone
//! bounds nothing.
//! expect: the caller stops waiting at the limit

pub async fn stop_waiting(op: &Operation) -> Result<String, TimedOut> {
    let op = op.clone();
    let task = tokio::spawn(async move { op.run().await });
    Ok(task.await.expect("the operation's task panicked"))
}
