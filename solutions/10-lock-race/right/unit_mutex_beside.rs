//! Right: a `Mutex<()>` kept beside the counter rather than around it, as
//! Python's `asyncio.Lock` sits beside the variable it protects. The guard,
//! held from the read until the write has landed, serialises the increments
//! just as well; the price is that nothing ties the lock to the counter, so
//! every piece of code that touches the counter must remember to take it.

pub struct Shared {
    counter: SlowCounter,
    lock: Mutex<()>,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        counter,
        lock: Mutex::new(()),
    }
}

pub async fn increment_shared(shared: &Shared) {
    let _held = shared.lock.lock().await;
    let value = shared.counter.read().await;
    shared.counter.write(value + 1).await;
}
