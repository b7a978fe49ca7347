//! Wrong: Blind examination: spins on try_lock with yield_now until the lock
//! is free ("never block"): the holder needs the clock to move for its read
//! to answer, but the spinning tasks keep the runtime busy, so the paused
//! clock never advances. Await lock() instead.
//! expect: the runtime never went idle

pub async fn increment_shared(shared: &Shared) {
    let counter = loop {
        match shared.counter.try_lock() {
            Ok(guard) => break guard,
            Err(_) => tokio::task::yield_now().await,
        }
    };
    let value = counter.read().await;
    counter.write(value + 1).await;
}
