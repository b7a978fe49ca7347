//! Wrong: Blind examination: step 3 spawns a task only when a Semaphore permit
//! is free (permit moved into the task), but keeps every JoinHandle in a Vec
//! until the end: tasks alive stay <= 1000, but 10,000 finished cells are held
//! by their handles. Real cause: a finished task's cell lives as long as its
//! JoinHandle: keep no handle of a finished task.
//! expect: keep no JoinHandle of a finished task

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let handles: Vec<_> = (1..=n)
        .map(|id| {
            let batch = batch.clone();
            tokio::spawn(async move { batch.request(id).await })
        })
        .collect();
    let mut answers = Vec::with_capacity(n as usize);
    for handle in handles {
        answers.push(handle.await.expect("task panicked"));
    }
    answers
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    join_all((1..=n).map(|id| batch.request(id))).await
}

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    let permits = std::sync::Arc::new(tokio::sync::Semaphore::new(limit));
    let mut handles = Vec::with_capacity(n as usize);
    for id in 1..=n {
        let permit = std::sync::Arc::clone(&permits)
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
    let mut answers = Vec::with_capacity(n as usize);
    for h in handles {
        answers.push(h.await.expect("task panicked"));
    }
    answers
}
