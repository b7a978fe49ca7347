//! Wrong: Blind examination, second round: step 3 takes a permit before each
//! spawn (tasks bounded) but keeps every JoinHandle in a Vec until the end:
//! 10,000 finished task cells stay allocated.
//! expect: keep no JoinHandle of a finished task

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let handles: Vec<_> = (1..=n)
        .map(|id| {
            let batch = batch.clone();
            tokio::spawn(async move { batch.request(id).await })
        })
        .collect();
    let mut out = Vec::with_capacity(n as usize);
    for h in handles {
        out.push(h.await.expect("task panicked"));
    }
    out
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    futures::future::join_all((1..=n).map(|id| batch.request(id))).await
}

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use std::sync::Arc;
    use tokio::sync::Semaphore;
    let sem = Arc::new(Semaphore::new(limit));
    let mut handles = Vec::with_capacity(n as usize);
    for id in 1..=n {
        let permit = Arc::clone(&sem)
            .acquire_owned()
            .await
            .expect("never closed");
        let batch = batch.clone();
        handles.push(tokio::spawn(async move {
            let answer = batch.request(id).await;
            drop(permit);
            answer
        }));
    }
    let mut answers = Vec::new();
    for h in handles {
        answers.push(h.await.expect("task panicked"));
    }
    answers
}
