//! Wrong: Blind examination (round 2): detach_and_drop spawns item 2 too and
//! puts the timeout around its JoinHandle: the timeout drops the handle, and
//! the task runs on to its end. The future itself must be dropped.
//! expect: a timeout around a spawned task's JoinHandle drops only the handle

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    drop(tokio::spawn(async move { first.process().await }));
    let h = tokio::spawn(async move { second.process().await });
    let _ = tokio::time::timeout(after, h).await;
}
