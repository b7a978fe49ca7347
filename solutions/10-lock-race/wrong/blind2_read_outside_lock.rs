//! Wrong: Blind examination (round 2): reads before taking the lock ("reads are
//! safe"), then locks for the write only.
//! expect: but not from the read to the write

pub async fn increment_shared(shared: &Shared) {
    let snapshot = shared.counter.lock().await.clone();
    let value = snapshot.read().await;
    let counter = shared.counter.lock().await;
    counter.write(value + 1).await;
}
