//! Right: Blind examination (round 2): a tokio Mutex<()> beside the counter,
//! the critical section in an explicit block.

pub struct Shared {
    lock: Mutex<()>,
    counter: SlowCounter,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        lock: Mutex::new(()),
        counter,
    }
}

pub async fn increment_shared(shared: &Shared) {
    {
        let _held = shared.lock.lock().await;
        let v = shared.counter.read().await;
        shared.counter.write(v + 1).await;
    }
}
