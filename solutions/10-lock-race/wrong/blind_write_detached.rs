//! Wrong: Blind examination: holds the lock for the read, then spawns the
//! write in a detached task and returns, releasing the lock before the write
//! has landed: the next increment reads a value that is about to change.
//! expect: The increments waited for one another, but not from the read to the write

pub async fn increment_shared(shared: &Shared) {
    let counter = shared.counter.lock().await;
    let value = counter.read().await;
    let handle = counter.clone();
    drop(counter);
    tokio::spawn(async move { handle.write(value + 1).await });
}
