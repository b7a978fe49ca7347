//! Right: every job exists from the start and waits for a permit itself.
//! Step 1 puts all the guarded jobs in a `FuturesUnordered` and sorts the
//! results back by index. Step 4 spawns every task up front, each acquiring
//! its own `OwnedSemaphorePermit` inside the task: all five tasks exist at
//! once, two of them working, and the jobs are capped just as well.

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    use futures::StreamExt as _;
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let semaphore = Semaphore::new(limit);
    let semaphore = &semaphore;
    let guarded: futures::stream::FuturesUnordered<_> = jobs
        .iter()
        .enumerate()
        .map(|(i, job)| async move {
            let _permit = semaphore
                .acquire()
                .await
                .expect("the semaphore is never closed");
            (i, job.run().await)
        })
        .collect();
    let mut finished: Vec<(usize, String)> = guarded.collect().await;
    finished.sort_by_key(|(i, _)| *i);
    finished.into_iter().map(|(_, report)| report).collect()
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let semaphore = Arc::new(Semaphore::new(limit));
    let tasks: Vec<_> = jobs
        .into_iter()
        .map(|job| {
            let semaphore = Arc::clone(&semaphore);
            tokio::spawn(async move {
                let _permit = semaphore
                    .acquire_owned()
                    .await
                    .expect("the semaphore is never closed");
                job.run().await
            })
        })
        .collect();
    let mut reports = Vec::with_capacity(tasks.len());
    for task in tasks {
        reports.push(task.await.expect("a job's task panicked"));
    }
    reports
}
