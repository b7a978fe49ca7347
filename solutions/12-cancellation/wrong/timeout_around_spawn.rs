//! Wrong: spawns the second item too and puts the timeout around its
//! JoinHandle. When time is up the timeout drops the handle, not the task:
//! item 2 runs on to 1000 ms. Only dropping the future itself cancels it.
//! expect: dropping a future cancels it at its .await

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    drop(tokio::spawn(async move { first.process().await }));
    let second = tokio::spawn(async move { second.process().await });
    let _elapsed = tokio::time::timeout(after, second).await;
}
