//! Wrong: Blind examination: detach_and_drop keeps item 1's handle and aborts
//! it with item 2 at 300 ms ("clean up everything I started"): item 1 was to
//! be detached, and run on.
//! expect: Here item 1 was cancelled at 300 ms: something aborted its task

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    let first_task = tokio::spawn(async move { first.process().await });
    let _ = tokio::time::timeout(after, second.process()).await;
    first_task.abort();
}
