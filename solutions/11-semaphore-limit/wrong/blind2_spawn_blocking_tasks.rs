//! Wrong: Blind examination (round 2): spawn_limited runs each job with
//! futures::executor::block_on inside spawn_blocking ("jobs are heavy"): the
//! job's timer needs the paused clock to move, and the blocked threads keep it
//! from moving.
//! expect: a `spawn_blocking` closure that waits for a tokio timer

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
        let handle = tokio::runtime::Handle::current();
        tasks.push(tokio::task::spawn_blocking(move || {
            let report = handle.block_on(job.run());
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
