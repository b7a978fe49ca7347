//! Wrong: Blind examination: the write is made but its future is never
//! awaited (`let _ = counter.write(..)` silences must_use): futures are lazy,
//! and nothing is ever written.
//! expect: the counter is still 0: no write ever landed

pub async fn increment_shared(shared: &Shared) {
    let counter = shared.counter.lock().await;
    let value = counter.read().await;
    let _ = counter.write(value + 1);
}
