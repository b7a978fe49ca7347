//! Wrong: Blind examination (round 2): spawn_limited collects the reports from
//! a JoinSet with join_next, in finishing order, not in the order of `jobs`.
//! expect: reports come back in the order of `jobs`

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1, got limit = 0"
    );
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut set = tokio::task::JoinSet::new();
    for job in jobs {
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("never closed");
        set.spawn(async move {
            let report = job.run().await;
            drop(permit);
            report
        });
    }
    let mut reports = Vec::new();
    while let Some(r) = set.join_next().await {
        reports.push(r.expect("job panicked"));
    }
    reports
}
