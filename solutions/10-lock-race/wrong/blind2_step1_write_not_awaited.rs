//! Wrong: Blind examination (round 2): step 1 calls counter.write(v + 1)
//! without .await: the future is dropped unpolled, nothing is written.
//! expect: Was each write awaited?

pub async fn increment(counter: &SlowCounter) {
    let v = counter.read().await;
    #[allow(clippy::let_underscore_future)]
    let _ = counter.write(v + 1);
}
