//! Wrong: reads unlocked and takes the lock only for the write, "since only
//! the write changes anything". The writes take turns, but every read
//! happened first: each increment writes 0 + 1, one after another, and nine
//! updates are lost. The read belongs inside the critical section, because
//! the value written depends on it.
//! expect: The increments waited for one another, but not from the read to the write

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
    let value = shared.counter.read().await;
    let _guard = shared.lock.lock().await;
    shared.counter.write(value + 1).await;
}
