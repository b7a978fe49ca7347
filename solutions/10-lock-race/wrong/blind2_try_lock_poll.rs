//! Wrong: Blind examination (round 2): polls the Mutex with try_lock() and
//! sleeps between tries ("don't queue on the lock"): no update is lost, but the
//! lock sits free until a waiter's next try, and the ten end late.
//! expect: The lock was polled, not awaited

pub async fn increment_shared(shared: &Shared) {
    let counter = loop {
        match shared.counter.try_lock() {
            Ok(guard) => break guard,
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(7)).await,
        }
    };
    let value = counter.read().await;
    counter.write(value + 1).await;
}
