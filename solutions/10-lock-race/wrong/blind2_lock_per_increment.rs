//! Wrong: Blind examination (round 2): the Mutex is made inside each increment:
//! ten locks, each taken by one increment only, so none ever waits.
//! expect: Either each increment took a lock of its own

pub struct Shared {
    counter: SlowCounter,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared { counter }
}

pub async fn increment_shared(shared: &Shared) {
    let lock = Mutex::new(shared.counter.clone());
    let counter = lock.lock().await;
    let value = counter.read().await;
    counter.write(value + 1).await;
}
