//! Wrong: locks only to take a copy of the counter handle, then reads and
//! writes through the copy. The lock guards the handle, not the counter it
//! points to: it is released at the end of the first line, nothing is
//! serialised, and nine updates are lost, as in step 1.
//! expect: it let go of the lock before the read (a guard dropped, a handle cloned out

pub async fn increment_shared(shared: &Shared) {
    let counter = shared.counter.lock().await.clone();
    let value = counter.read().await;
    counter.write(value + 1).await;
}
