//! Wrong: Blind examination: a JoinSet window (the right concurrency) that
//! returns the reports in the order the jobs finished, not the order of
//! `jobs`.
//! expect: reports come back in the order of `jobs`, not the order the jobs finished

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let _ = (
        Semaphore::new(limit),
        join_all(Vec::<std::future::Ready<()>>::new()),
    );
    let mut set = tokio::task::JoinSet::new();
    let mut pending = jobs.into_iter();
    for job in pending.by_ref().take(limit) {
        set.spawn(async move { job.run().await });
    }
    let mut reports = Vec::new();
    while let Some(r) = set.join_next().await {
        reports.push(r.expect("job panicked"));
        if let Some(job) = pending.next() {
            set.spawn(async move { job.run().await });
        }
    }
    reports
}
