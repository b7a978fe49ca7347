//! Right: Blind examination (round 2): a one-permit Semaphore beside the
//! counter, the permit bound with `let _permit` for the whole increment.

pub struct Shared {
    gate: tokio::sync::Semaphore,
    counter: SlowCounter,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        gate: tokio::sync::Semaphore::new(1),
        counter,
    }
}

pub async fn increment_shared(shared: &Shared) {
    let _permit = shared.gate.acquire().await.expect("never closed");
    let value = shared.counter.read().await;
    shared.counter.write(value + 1).await;
}
