//! Wrong: Blind examination: detach_and_drop spawns item 2 too and puts the
//! timeout around its JoinHandle: at 300 ms only the handle is dropped, and
//! item 2 runs on to completion.
//! expect: in a task of its own: a timeout around a spawned task's JoinHandle drops only the handle

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    drop(tokio::spawn(async move { first.process().await }));
    let second_task = tokio::spawn(async move { second.process().await });
    let _ = tokio::time::timeout(after, second_task).await;
}
