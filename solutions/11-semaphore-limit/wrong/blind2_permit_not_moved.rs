//! Wrong: Blind examination (round 2): spawn_limited acquires the owned permit
//! before spawning, but the task never names it: `async move` captures only
//! what it names, so the permit is dropped at the end of the loop's turn.
//! expect: the cap is broken

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
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
        reports.push(t.await.expect("job panicked"));
    }
    reports
}
