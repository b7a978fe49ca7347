//! Right: Blind examination (round 2): Arc<RwLock<SlowCounter>> taken with
//! write_owned(); the guard is dropped explicitly after the write lands.

pub struct Shared {
    counter: std::sync::Arc<tokio::sync::RwLock<SlowCounter>>,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        counter: std::sync::Arc::new(tokio::sync::RwLock::new(counter)),
    }
}

pub async fn increment_shared(shared: &Shared) {
    let guard = std::sync::Arc::clone(&shared.counter).write_owned().await;
    let seen = guard.read().await;
    guard.write(seen + 1).await;
    drop(guard);
}
