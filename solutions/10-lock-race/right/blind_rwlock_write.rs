//! Right: Blind examination: the counter inside a tokio RwLock; its write
//! guard is held for the whole read-modify-write (an explicit block scope
//! ends it after the write).

pub struct Shared {
    counter: tokio::sync::RwLock<SlowCounter>,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        counter: tokio::sync::RwLock::new(counter),
    }
}

pub async fn increment_shared(shared: &Shared) {
    {
        let counter = shared.counter.write().await;
        let seen = counter.read().await;
        counter.write(seen + 1).await;
    }
}
