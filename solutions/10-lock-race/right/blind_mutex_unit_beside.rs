//! Right: Blind examination: an Arc<tokio Mutex<()>> beside the counter and an
//! owned guard (lock_owned), dropped explicitly after the write has landed;
//! step 2 reuses the plain increment of step 1 under it.

pub struct Shared {
    lock: std::sync::Arc<Mutex<()>>,
    counter: SlowCounter,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        lock: std::sync::Arc::new(Mutex::new(())),
        counter,
    }
}

pub async fn increment_shared(shared: &Shared) {
    let guard = std::sync::Arc::clone(&shared.lock).lock_owned().await;
    increment(&shared.counter).await;
    drop(guard);
}
