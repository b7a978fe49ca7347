//! Wrong: Blind examination: a Semaphore with 2 permits ("two at a time is
//! still safe, and faster"). Each permit is held from the read to the write,
//! but two holders at once read the same value: mutual exclusion needs one.
//! expect: the lock lets 2 in at once (a Semaphore with 2 permits?)

pub struct Shared {
    gate: tokio::sync::Semaphore,
    counter: SlowCounter,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        gate: tokio::sync::Semaphore::new(2),
        counter,
    }
}

pub async fn increment_shared(shared: &Shared) {
    let _permit = shared.gate.acquire().await.unwrap();
    let value = shared.counter.read().await;
    shared.counter.write(value + 1).await;
}
