//! Wrong: Blind examination: spawn_limited just calls run_limited: the same
//! timeline and reports, but no job runs in a spawned task of its own.
//! expect: no job ever ran in a task of its own

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    if true {
        return run_limited(jobs, limit).await;
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
