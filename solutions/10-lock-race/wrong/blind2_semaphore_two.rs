//! Wrong: Blind examination (round 2): a Semaphore of 2 ("two at a time is
//! still safe"): two increments read the same value.
//! expect: (a Semaphore with 2 permits?)

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
    let _permit = shared.gate.acquire().await.expect("never closed");
    let value = shared.counter.read().await;
    shared.counter.write(value + 1).await;
}
