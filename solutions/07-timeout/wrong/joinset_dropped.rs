//! Wrong: keeps the task in a `JoinSet` and, at the limit, just returns:
//! dropping the set aborts its task, but abort only asks. The task is
//! dropped (and rolls back) when the runtime next gets to it, after the
//! caller already has its Err; `shutdown().await` waits for it.
//! expect: abort() only asks

pub async fn stop_the_task(op: &Operation) -> Result<String, TimedOut> {
    let mut tasks = tokio::task::JoinSet::new();
    let op = op.clone();
    tasks.spawn(async move { op.run().await });
    match timeout(LIMIT, tasks.join_next()).await {
        Ok(joined) => Ok(joined
            .expect("one task was spawned")
            .expect("the operation's task panicked")),
        // Returning drops the set, and with it aborts the task.
        Err(_elapsed) => Err(TimedOut),
    }
}
