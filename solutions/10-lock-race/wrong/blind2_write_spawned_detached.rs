//! Wrong: Blind examination (round 2): holds the lock for the read, then spawns
//! the write and returns ("fire and forget the slow write"): the guard is gone
//! before the write lands.
//! expect: but not from the read to the write

pub async fn increment_shared(shared: &Shared) {
    let counter = shared.counter.lock().await;
    let value = counter.read().await;
    let c = counter.clone();
    tokio::spawn(async move { c.write(value + 1).await });
}
