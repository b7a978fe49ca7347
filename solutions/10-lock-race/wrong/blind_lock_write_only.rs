//! Wrong: Blind examination: reads without the lock and locks only the write
//! "to keep the critical section short" (a Mutex<()> beside the counter):
//! every increment still reads 0.
//! expect: The increments waited for one another, but not from the read to the write

pub struct Shared {
    counter: SlowCounter,
    write_lock: Mutex<()>,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        counter,
        write_lock: Mutex::new(()),
    }
}

pub async fn increment_shared(shared: &Shared) {
    let value = shared.counter.read().await;
    let _guard = shared.write_lock.lock().await;
    shared.counter.write(value + 1).await;
}
