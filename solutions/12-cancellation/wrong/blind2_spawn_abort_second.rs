//! Wrong: Blind examination (round 2): detach_and_drop spawns item 2 as well
//! and aborts its task at 300 ms, instead of processing it in this function and
//! dropping the future: the same timeline, but step 1's lesson again, not this
//! step's (dropping a future cancels it).
//! expect: item 2 ran in a task of its own, which was aborted at 300 ms

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    drop(tokio::spawn(async move { first.process().await }));
    let h = tokio::spawn(async move { second.process().await });
    tokio::time::sleep(after).await;
    h.abort();
    let _ = h.await;
}
