//! Wrong: spawns each request and awaits its handle at once: one task alive
//! at a time, one request at a time, 10,000 x 100 ms. A task that is
//! awaited before the next is spawned buys nothing.
//! expect: slow, not stuck

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let mut answers = Vec::new();
    for id in 1..=n {
        let batch = batch.clone();
        let answer = tokio::spawn(async move { batch.request(id).await }).await;
        answers.push(answer.expect("a request task panicked"));
    }
    answers
}
