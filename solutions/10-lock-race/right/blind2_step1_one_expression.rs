//! Right: Blind examination (round 2): step 1 written as one expression
//! (`counter.write(counter.read().await + 1).await`-style); the rest is the
//! reference.

pub async fn increment(counter: &SlowCounter) {
    counter.write(counter.read().await + 1).await;
}
