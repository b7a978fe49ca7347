//! Wrong: bounds the work by doing it one request at a time. Memory is
//! bounded, but 10,000 x 100 ms is 1000 s: the limit is how many may wait at
//! once, and waiting is what async is for.
//! expect: slow, not stuck

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    let _ = limit;
    let mut answers = Vec::new();
    for id in 1..=n {
        answers.push(batch.request(id).await);
    }
    answers
}
