//! Wrong: Blind examination (round 2): an RwLock taken with read()
//! (SlowCounter's read and write take &self, so a read guard compiles): read
//! guards are shared, all ten increments get in at once, and nine updates are
//! lost.
//! expect: an RwLock's read(): read guards are shared

pub struct Shared {
    counter: tokio::sync::RwLock<SlowCounter>,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        counter: tokio::sync::RwLock::new(counter),
    }
}

pub async fn increment_shared(shared: &Shared) {
    let counter = shared.counter.read().await;
    let value = counter.read().await;
    counter.write(value + 1).await;
}
