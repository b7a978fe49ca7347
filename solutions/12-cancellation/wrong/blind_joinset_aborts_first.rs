//! Wrong: Blind examination: detach_and_drop spawns item 1 into a JoinSet
//! ("keep track of it") and lets the set drop at return: a dropped JoinSet
//! aborts its tasks, so item 1 is cancelled at 300 ms instead of running on.
//! expect: dropping a JoinSet, which aborts every task still in it

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    let mut set = tokio::task::JoinSet::new();
    set.spawn(async move { first.process().await });
    let _ = tokio::time::timeout(after, second.process()).await;
}
