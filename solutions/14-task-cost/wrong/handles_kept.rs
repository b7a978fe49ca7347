//! Wrong: takes a permit before each spawn, so no more than 1000 tasks run,
//! but keeps every `JoinHandle` in a `Vec` to await at the end. A finished
//! task's cell lives on as long as its handle does (it holds the output):
//! 10,000 task cells by the end, memory that grows with the requests.
//! expect: grows with the limit

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    let permits = std::sync::Arc::new(tokio::sync::Semaphore::new(limit));
    let mut handles = Vec::new();
    for id in 1..=n {
        let permit = permits.clone().acquire_owned().await.expect("never closed");
        let batch = batch.clone();
        handles.push(tokio::spawn(async move {
            let answer = batch.request(id).await;
            drop(permit);
            answer
        }));
    }
    let mut answers = Vec::new();
    for handle in handles {
        answers.push(handle.await.expect("a request task panicked"));
    }
    answers
}
