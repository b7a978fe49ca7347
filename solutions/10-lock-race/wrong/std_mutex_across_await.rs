//! Wrong: a `std::sync::Mutex` whose guard is held across the `.await`s.
//! While the first increment awaits its read, the second calls `lock()`,
//! which blocks the thread until the guard is released. But the guard's
//! owner can only be polled on that very thread: the one runtime thread
//! waits for ever (clippy's `await_holding_lock` rejects this code, and the
//! future is not `Send`, so `tokio::spawn` would refuse it too). A std
//! mutex is right only when no `.await` happens while it is held.
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
    let counter = shared.counter.lock().expect("the lock is never poisoned");
    let value = counter.read().await;
    counter.write(value + 1).await;
}
