//! Wrong: creates the lock inside the increment, as in Python's
//! `async with asyncio.Lock():` written inside the coroutine. Each of the
//! ten increments makes its own lock and is the only one ever to take it:
//! ten locks exclude nobody, and nine updates are lost at 100 ms, as in
//! step 1. One lock must be shared: made once, in `share`.
//! expect: Either each increment took a lock of its own (make one lock for all ten, in share)

pub struct Shared {
    counter: SlowCounter,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared { counter }
}

pub async fn increment_shared(shared: &Shared) {
    let lock = Mutex::new(());
    let _guard = lock.lock().await;
    let value = shared.counter.read().await;
    shared.counter.write(value + 1).await;
}
