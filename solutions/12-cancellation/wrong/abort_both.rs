//! Wrong: believes a dropped JoinHandle is a cancelled task, and makes it
//! so with abort(). Step 3 asks to detach the first item: a dropped handle
//! lets its task run to the end.
//! expect: dropping a JoinHandle detaches the task, it does not cancel it

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    let first = tokio::spawn(async move { first.process().await });
    let _elapsed = tokio::time::timeout(after, second.process()).await;
    first.abort();
}
