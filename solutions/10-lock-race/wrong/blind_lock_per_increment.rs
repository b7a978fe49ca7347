//! Wrong: Blind examination: each increment creates its own tokio Mutex around
//! a clone of the handle and locks it: ten locks, each taken once, exclude
//! nobody. The lock must be made once, in share.
//! expect: Either each increment took a lock of its own (make one lock for all ten, in share)

pub async fn increment_shared(shared: &Shared) {
    let handle = shared.counter.lock().await.clone();
    let local = Mutex::new(handle);
    let counter = local.lock().await;
    let value = counter.read().await;
    counter.write(value + 1).await;
}
