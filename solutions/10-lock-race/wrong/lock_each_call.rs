//! Wrong: locks once for the read and again for the write. Each call is
//! protected, the increment is not: between the two locks the others read
//! the same old value, so updates are lost, just slower (1 at 1000 ms).
//! expect: no update lost

pub async fn increment_locked(counter: &Mutex<SlowCounter>) {
    let value = counter.lock().await.read().await;
    counter.lock().await.write(value + 1).await;
}
