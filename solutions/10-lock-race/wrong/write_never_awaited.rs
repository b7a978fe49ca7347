//! Wrong: calls `write` but never awaits it. The write is a future, and a
//! future does nothing until it is polled: the lock is right, the reads take
//! turns, and not one write ever lands. The compiler warns (futures are
//! `#[must_use]`); the counter stays at 0.
//! expect: no write ever landed

pub async fn increment_shared(shared: &Shared) {
    let counter = shared.counter.lock().await;
    let value = counter.read().await;
    counter.write(value + 1);
}
