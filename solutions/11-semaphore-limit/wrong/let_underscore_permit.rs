//! Wrong: acquires a permit in each task with `let _ = ...`. The `_` pattern
//! binds nothing, so the permit is dropped at once and the semaphore caps
//! nothing: all five jobs run together.
//! expect: drops it at once

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut tasks = Vec::with_capacity(jobs.len());
    for job in jobs {
        let semaphore = Arc::clone(&semaphore);
        tasks.push(tokio::spawn(async move {
            let _ = semaphore
                .acquire()
                .await
                .expect("the semaphore is never closed");
            job.run().await
        }));
    }
    join_all(tasks)
        .await
        .into_iter()
        .map(|joined| joined.expect("a job's task panicked"))
        .collect()
}
