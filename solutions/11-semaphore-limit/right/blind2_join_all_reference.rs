//! Right: Blind examination (round 2): the obvious one, written independently:
//! join_all of futures each taking a permit first; spawn_limited acquires an
//! owned permit before each spawn and moves it into the task.

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
    );
    let semaphore = Semaphore::new(limit);
    join_all(jobs.iter().map(|job| async {
        let _permit = semaphore.acquire().await.expect("never closed");
        job.run().await
    }))
    .await
}

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
    );
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut tasks = Vec::new();
    for job in jobs {
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("never closed");
        tasks.push(tokio::spawn(async move {
            let report = job.run().await;
            drop(permit);
            report
        }));
    }
    let mut reports = Vec::new();
    for t in tasks {
        reports.push(t.await.expect("job panicked"));
    }
    reports
}
