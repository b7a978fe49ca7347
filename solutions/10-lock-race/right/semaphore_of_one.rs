//! Right: a `Semaphore` with one permit, used as a lock beside the counter.
//! Held from before the read until the write has landed, the permit makes
//! the increments take turns, first come first served, exactly as the
//! Mutex does (tokio's `Mutex` is built on this semaphore). But the permit
//! guards no data: code that forgets to take it can still reach the
//! counter. Reach for a semaphore when the limit is N > 1 (kata 11).

pub struct Shared {
    counter: SlowCounter,
    permits: tokio::sync::Semaphore,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        counter,
        permits: tokio::sync::Semaphore::new(1),
    }
}

pub async fn increment_shared(shared: &Shared) {
    let _permit = shared
        .permits
        .acquire()
        .await
        .expect("the semaphore is never closed");
    let value = shared.counter.read().await;
    shared.counter.write(value + 1).await;
}
