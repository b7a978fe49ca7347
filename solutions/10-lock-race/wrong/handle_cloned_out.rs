//! Wrong: locks only to take a copy of the counter handle, then reads and
//! writes through the copy. The lock guards the handle, not the counter it
//! points to: nothing is serialised and nine updates are lost, as in step 1.
//! expect: no update lost

pub async fn increment_locked(counter: &Mutex<SlowCounter>) {
    let counter = counter.lock().await.clone();
    let value = counter.read().await;
    counter.write(value + 1).await;
}
