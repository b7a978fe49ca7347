//! Wrong: Blind examination (round 2): a std::sync::Mutex<SlowCounter> whose
//! guard is held across the awaits: the second lock() blocks the runtime's only
//! thread.
//! expect: never came back to the scheduler

pub struct Shared {
    counter: std::sync::Mutex<SlowCounter>,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        counter: std::sync::Mutex::new(counter),
    }
}

pub async fn increment_shared(shared: &Shared) {
    #[allow(clippy::await_holding_lock)]
    let counter = shared.counter.lock().unwrap();
    let value = counter.read().await;
    counter.write(value + 1).await;
}
