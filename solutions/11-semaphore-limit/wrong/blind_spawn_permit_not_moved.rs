//! Wrong: Blind examination: spawn_limited acquires an owned permit before
//! spawning but never moves it into the task, so it is dropped at the end of
//! each turn of the loop: all the tasks run at once.
//! expect: a permit not moved into the spawned task is dropped at the end of the loop's turn

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut tasks = Vec::new();
    for job in jobs {
        let _permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("never closed");
        tasks.push(tokio::spawn(async move { job.run().await }));
    }
    let mut reports = Vec::new();
    for t in tasks {
        reports.push(t.await.expect("job task panicked"));
    }
    reports
}
