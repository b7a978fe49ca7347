//! Right: a tokio `RwLock` around the counter, and the increment takes the
//! *write* guard, because it writes: a read guard would let all ten in at
//! once. The write guard is exclusive and tokio's `RwLock` is fair, so the
//! increments take turns in order. Worth it only when other code merely
//! reads the counter and can share the read guard.

pub struct Shared {
    counter: tokio::sync::RwLock<SlowCounter>,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        counter: tokio::sync::RwLock::new(counter),
    }
}

pub async fn increment_shared(shared: &Shared) {
    let counter = shared.counter.write().await;
    let value = counter.read().await;
    counter.write(value + 1).await;
}
