//! Wrong: Blind examination: spawn_limited spawns ONE task that runs
//! run_limited inside it ("it is spawned"): the same timeline, but the jobs
//! share a task instead of one task each.
//! expect: ran in one task: one task per job

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    if true {
        assert!(
            limit > 0,
            "the concurrency limit must be at least 1: with 0 permits no job could ever start"
        );
        return tokio::spawn(run_limited(jobs, limit))
            .await
            .expect("panicked");
    }
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
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
        reports.push(t.await.expect("job task panicked"));
    }
    reports
}
