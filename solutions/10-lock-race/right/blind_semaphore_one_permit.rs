//! Right: Blind examination: a one-permit tokio Semaphore kept beside the
//! counter; the permit is bound to a variable and lives until the write has
//! landed.

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
