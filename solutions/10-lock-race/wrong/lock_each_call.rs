//! Wrong: locks once for the read and again for the write. Each call is
//! protected, the increment is not: between the two locks the others read
//! the same old value, so updates are lost, just slower (1 at 1000 ms).
//! expect: The increments waited for one another, but not from the read to the write

pub async fn increment_shared(shared: &Shared) {
    let value = shared.counter.lock().await.read().await;
    shared.counter.lock().await.write(value + 1).await;
}
